// Every role's access to the account endpoints: unauthenticated, forbidden and allowed cases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../src/reports/model.ts'
import { BACKENDS } from '../harness/db.ts'
import { as, createTestApp, login, makeAgency, makeTenant, makeUser, type Session, type TestApp } from '../harness/app.ts'

const ROLES: Role[] = ['super_admin', 'operator', 'agency_admin', 'agency_head', 'leader', 'auditor']

describe.each(BACKENDS)('account endpoint access on %s', (backend) => {
  let t: TestApp
  const sessions = {} as Record<Role, Session>
  let agencyA: string
  let agencyB: string
  let targetUserId: string
  let tenantId: string
  beforeAll(async () => {
    t = await createTestApp(backend)
    tenantId = (await makeTenant(t.ctx)).id
    agencyA = (await makeAgency(t.ctx, tenantId, 'dlh')).id
    agencyB = (await makeAgency(t.ctx, tenantId, 'dinkes')).id
    for (const role of ROLES) {
      const agency = role === 'agency_admin' || role === 'agency_head' ? agencyA : null
      const u = await makeUser(t.ctx, tenantId, role, agency)
      sessions[role] = await login(t.app, u.email)
    }
    targetUserId = (await makeUser(t.ctx, tenantId, 'agency_admin', agencyB)).id
  })
  afterAll(async () => t?.close())

  const endpoints: { name: string; method: 'GET' | 'POST'; url: () => string; body?: () => unknown; allowed: Role[] }[] = [
    { name: 'list users', method: 'GET', url: () => '/api/users', allowed: ['super_admin', 'operator', 'auditor', 'agency_admin', 'agency_head'] },
    {
      name: 'create user',
      method: 'POST',
      url: () => '/api/users',
      body: () => ({ email: `n${Math.random().toString(36).slice(2)}@x.test`, name: 'Baru', role: 'leader', password: 'a-long-password' }),
      allowed: ['super_admin'],
    },
    { name: 'unlock user', method: 'POST', url: () => `/api/users/${targetUserId}/unlock`, allowed: ['super_admin'] },
    { name: 'list own tokens', method: 'GET', url: () => '/api/auth/tokens', allowed: ROLES },
    { name: 'create own token', method: 'POST', url: () => '/api/auth/tokens', body: () => ({ name: 'x' }), allowed: ROLES },
    { name: 'session', method: 'GET', url: () => '/api/auth/session', allowed: ROLES },
    { name: 'agencies', method: 'GET', url: () => '/api/agencies', allowed: ROLES },
  ]

  for (const e of endpoints) {
    it(`${e.name}: 401 without a session`, async () => {
      const r = await t.app.inject({ method: e.method, url: e.url(), ...(e.body ? { payload: e.body() as object } : {}) })
      expect(r.statusCode).toBe(401)
    })
    for (const role of ROLES) {
      const ok = e.allowed.includes(role)
      it(`${e.name}: ${role} is ${ok ? 'allowed' : 'forbidden'}`, async () => {
        const r = await as(t.app, sessions[role])(e.method, e.url(), e.body?.())
        if (ok) expect(r.statusCode, r.body).toBeLessThan(300)
        else expect(r.statusCode, r.body).toBe(403)
      })
    }
  }

  it('agency users see only their own agency people', async () => {
    const r = await as(t.app, sessions.agency_admin)('GET', '/api/users')
    const agencyIds = r.json().items.flatMap((u: { roles: { agencyId: string }[] }) => u.roles.map((x) => x.agencyId))
    expect(agencyIds.length).toBeGreaterThan(0)
    expect(agencyIds.every((a: string) => a === agencyA)).toBe(true)
  })

  it('agency roles need an agency', async () => {
    const r = await as(t.app, sessions.super_admin)('POST', '/api/users', { email: 'z@x.test', name: 'Z', role: 'agency_admin' })
    expect(r.statusCode).toBe(400)
  })
})
