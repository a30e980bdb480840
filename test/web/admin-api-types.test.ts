// The admin app's typed API client is generated from the OpenAPI document: this fails when a
// route's schema changed and web/admin/api-types/ was not regenerated.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { API_TYPES_DIR, generateApiTypes } from '../../web/admin/generate-api-types.ts'

describe('web/admin/api-types/', () => {
  it('matches the current OpenAPI document (run `npx tsx web/admin/generate-api-types.ts`)', async () => {
    const fresh = await generateApiTypes()
    const all = [...fresh.values()].join('\n')
    expect(all).toContain('"/api/conversations"')
    expect(all).toContain('"/api/live"')
    const stale = 'web/admin/api-types/ is stale: run `npx tsx web/admin/generate-api-types.ts`'
    expect(fs.readdirSync(API_TYPES_DIR).sort(), stale).toEqual([...fresh.keys()].sort())
    for (const [name, content] of fresh) expect(fs.readFileSync(path.join(API_TYPES_DIR, name), 'utf8') === content, `${stale} (${name})`).toBe(true)
  }, 60_000)
})
