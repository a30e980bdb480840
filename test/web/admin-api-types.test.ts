// The admin app's typed API client is generated from the OpenAPI document: this fails when a
// route's schema changed and web/admin/api-types.ts was not regenerated.
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { API_TYPES_FILE, generateApiTypes } from '../../web/admin/generate-api-types.ts'

describe('web/admin/api-types.ts', () => {
  it('matches the current OpenAPI document (run `npx tsx web/admin/generate-api-types.ts`)', async () => {
    const fresh = await generateApiTypes()
    expect(fresh).toContain('"/api/conversations"')
    expect(fresh).toContain('"/api/live"')
    expect(fs.readFileSync(API_TYPES_FILE, 'utf8') === fresh, 'web/admin/api-types.ts is stale: run `npx tsx web/admin/generate-api-types.ts`').toBe(true)
  }, 60_000)
})
