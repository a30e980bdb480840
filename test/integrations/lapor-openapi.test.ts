// The bridges' routes are part of the OpenAPI document (schemas build; secrets are write-only fields).
import { expect, it } from 'vitest'
import { createTestApp } from '../harness/app.ts'

it('the LAPOR! and 112 routes appear in the OpenAPI document', async () => {
  const t = await createTestApp('pglite')
  try {
    const r = await t.app.inject({ method: 'GET', url: '/docs/json' })
    expect(r.statusCode).toBe(200)
    const paths = Object.keys(r.json().paths as Record<string, unknown>)
    for (const p of [
      '/api/bridges/lapor/config',
      '/api/reports/{id}/lapor',
      '/api/bridges/lapor/sync',
      '/api/bridges/log',
      '/bridges/lapor/{tenantId}/dispatches',
      '/api/bridges/emergency112/config',
      '/api/reports/{id}/emergency112',
      '/api/bridges/emergency112/handoffs',
      '/api/bridges/emergency112/handoffs/{id}/confirm',
      '/bridges/emergency112/{tenantId}/callback',
    ])
      expect(paths).toContain(p)
  } finally {
    await t.close()
  }
}, 120_000)
