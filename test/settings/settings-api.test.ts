// Settings API (Pengaturan) on both databases: agencies, categories with default agencies, people
// and roles. Super admins write; operators and agency users get 403; bad input is problem+json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, createTestApp, login, makeAgency, makeTenant, makeUser, type Session, type TestApp } from '../harness/app.ts'
import { BACKENDS } from '../harness/db.ts'

describe.each(BACKENDS)('settings API on %s', (backend) => {
  let t: TestApp
  let admin: Session
  let op: Session
  let agencyUser: Session
  let adminId: string
  let inspektoratId: string
  beforeAll(async () => {
    t = await createTestApp(backend)
    const tenant = await makeTenant(t.ctx)
    const a = await makeUser(t.ctx, tenant.id, 'super_admin')
    adminId = a.id
    admin = await login(t.app, a.email)
    op = await login(t.app, (await makeUser(t.ctx, tenant.id, 'operator')).email)
    const pupr = await makeAgency(t.ctx, tenant.id, 'pupr')
    agencyUser = await login(t.app, (await makeUser(t.ctx, tenant.id, 'agency_admin', pupr.id)).email)
    inspektoratId = (await makeAgency(t.ctx, tenant.id, 'itkab', { type: 'inspektorat', name: 'Inspektorat Kabupaten' })).id
  }, 180_000)
  afterAll(async () => {
    await t?.close()
  })

  const expectProblem = (res: { statusCode: number; headers: Record<string, unknown>; json(): { message: { id: string; en: string }; code: string } }, status: number) => {
    expect(res.statusCode).toBe(status)
    expect(String(res.headers['content-type'])).toContain('application/problem+json')
    const body = res.json()
    expect(body.message.id).toBeTruthy()
    expect(body.message.en).toBeTruthy()
    return body
  }

  it('refuses the unauthenticated, and writes by operators and agency users', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/settings/agencies' })).statusCode).toBe(401)
    const body = { name: 'Dinas Sosial', shortName: 'DINSOS', type: 'dinas' }
    for (const s of [op, agencyUser]) {
      expectProblem(await as(t.app, s)('POST', '/api/settings/agencies', body), 403)
      expectProblem(await as(t.app, s)('POST', '/api/settings/categories', { name: 'Sampah' }), 403)
      expectProblem(await as(t.app, s)('PUT', '/api/settings/sla', { sla: {} }), 403)
      expectProblem(await as(t.app, s)('POST', '/api/settings/holidays', { date: '2026-12-01', name: 'Libur' }), 403)
      expectProblem(await as(t.app, s)('PUT', '/api/settings/auto-replies', {}), 403)
      expectProblem(await as(t.app, s)('POST', `/api/users/${adminId}/memberships`, { role: 'operator' }), 403)
    }
    expectProblem(await as(t.app, agencyUser)('GET', '/api/settings/agencies'), 403)
    expect((await as(t.app, op)('GET', '/api/settings/agencies')).statusCode).toBe(200)
  })

  it('creates, edits, deactivates and deletes agencies; the tree stays a tree', async () => {
    const bad = expectProblem(await as(t.app, admin)('POST', '/api/settings/agencies', { name: 'X', shortName: '', type: 'nope' }), 400)
    expect(bad.code).toBe('invalid')
    const r = await as(t.app, admin)('POST', '/api/settings/agencies', {
      name: 'Dinas Lingkungan Hidup',
      shortName: 'DLH',
      type: 'dinas',
      keywords: ['sampah', 'limbah'],
      contactEmail: 'dlh@pemda.test',
      contactPhone: '+62 655 123456',
      requiresApproval: false,
    })
    expect(r.statusCode, r.body).toBe(201)
    const dlh = r.json()
    expect(dlh).toMatchObject({ slug: 'dlh', shortName: 'DLH', keywords: ['sampah', 'limbah'], requiresApproval: false, active: true })
    const sub = (await as(t.app, admin)('POST', '/api/settings/agencies', { name: 'UPTD Persampahan', shortName: 'UPTD', type: 'other', parentId: dlh.id })).json()
    expect(sub.parentId).toBe(dlh.id)
    // A cycle is refused; an unknown parent too.
    expectProblem(await as(t.app, admin)('PATCH', `/api/settings/agencies/${dlh.id}`, { parentId: sub.id }), 400)
    expectProblem(await as(t.app, admin)('PATCH', `/api/settings/agencies/${dlh.id}`, { parentId: dlh.id }), 400)
    expectProblem(await as(t.app, admin)('PATCH', `/api/settings/agencies/${dlh.id}`, { parentId: '00000000-0000-4000-8000-000000000000' }), 400)
    const e = await as(t.app, admin)('PATCH', `/api/settings/agencies/${dlh.id}`, { isCoordinator: true, name: 'Dinas LH' })
    expect(e.json()).toMatchObject({ isCoordinator: true, name: 'Dinas LH', keywords: ['sampah', 'limbah'] })
    // Referenced (it has a sub-unit): no delete, deactivate instead.
    expectProblem(await as(t.app, admin)('DELETE', `/api/settings/agencies/${dlh.id}`), 409)
    expect((await as(t.app, admin)('PATCH', `/api/settings/agencies/${dlh.id}`, { active: false })).json().active).toBe(false)
    expect((await as(t.app, admin)('DELETE', `/api/settings/agencies/${sub.id}`)).statusCode).toBe(204)
    const list = (await as(t.app, op)('GET', '/api/agencies')).json().items
    expect(list.find((a: { id: string }) => a.id === dlh.id).active).toBe(false)
    expect(list.find((a: { id: string }) => a.id === sub.id)).toBeUndefined()
  })

  it('creates categories with default agencies in order; whistle-blowing goes to the Inspektorat only', async () => {
    const agencies = (await as(t.app, admin)('GET', '/api/settings/agencies')).json().items as { id: string; slug: string }[]
    const pupr = agencies.find((a) => a.slug === 'pupr')!.id
    const dlh = agencies.find((a) => a.slug === 'dlh')!.id
    const r = await as(t.app, admin)('POST', '/api/settings/categories', {
      name: 'Jalan rusak',
      slaTier: 'ringan',
      keywords: ['jalan', 'lubang'],
      defaultAgencyIds: [pupr, dlh],
    })
    expect(r.statusCode, r.body).toBe(201)
    expect(r.json()).toMatchObject({ slug: 'jalan-rusak', slaTier: 'ringan', defaultAgencyIds: [pupr, dlh] })
    const id = r.json().id
    const e = await as(t.app, admin)('PATCH', `/api/settings/categories/${id}`, { defaultAgencyIds: [dlh, pupr], slaTier: 'normatif' })
    expect(e.json()).toMatchObject({ defaultAgencyIds: [dlh, pupr], slaTier: 'normatif', keywords: ['jalan', 'lubang'] })
    const ref = (await as(t.app, op)('GET', '/api/categories')).json().items.find((c: { id: string }) => c.id === id)
    expect(ref.defaultAgencyIds).toEqual([dlh, pupr])
    expectProblem(await as(t.app, admin)('PATCH', `/api/settings/categories/${id}`, { defaultAgencyIds: [dlh, dlh] }), 400)
    expectProblem(await as(t.app, admin)('PATCH', `/api/settings/categories/${id}`, { isWhistleblowing: true }), 400)
    const w = await as(t.app, admin)('POST', '/api/settings/categories', { name: 'Pungli', isWhistleblowing: true, defaultAgencyIds: [inspektoratId] })
    expect(w.statusCode, w.body).toBe(201)
    expectProblem(await as(t.app, admin)('POST', '/api/settings/categories', { name: 'Pungli', slaTier: 'berat' }), 400)
    expect((await as(t.app, admin)('PATCH', `/api/settings/categories/${id}`, { active: false })).json().active).toBe(false)
    expect((await as(t.app, admin)('DELETE', `/api/settings/categories/${w.json().id}`)).statusCode).toBe(204)
    expectProblem(await as(t.app, admin)('PATCH', '/api/settings/categories/00000000-0000-4000-8000-000000000000', { name: 'Tidak ada' }), 404)
  })

  it('invites people with a role, changes roles, deactivates', async () => {
    const agencies = (await as(t.app, admin)('GET', '/api/settings/agencies')).json().items as { id: string; slug: string }[]
    const pupr = agencies.find((a) => a.slug === 'pupr')!.id
    const c = await as(t.app, admin)('POST', '/api/users', { email: 'siti@pemda.test', name: 'Siti', role: 'agency_admin', agencyId: pupr, password: 'sandi-yang-panjang-1' })
    expect(c.statusCode, c.body).toBe(201)
    const uid = c.json().id
    const add = await as(t.app, admin)('POST', `/api/users/${uid}/memberships`, { role: 'agency_head', agencyId: pupr })
    expect(add.statusCode, add.body).toBe(201)
    expectProblem(await as(t.app, admin)('POST', `/api/users/${uid}/memberships`, { role: 'agency_head', agencyId: pupr }), 409)
    expectProblem(await as(t.app, admin)('POST', `/api/users/${uid}/memberships`, { role: 'agency_head' }), 400)
    let me = (await as(t.app, admin)('GET', '/api/users')).json().items.find((u: { id: string }) => u.id === uid)
    expect(me.roles.map((r: { role: string }) => r.role).sort()).toEqual(['agency_admin', 'agency_head'])
    const first = me.roles.find((r: { role: string }) => r.role === 'agency_admin').membershipId
    expect((await as(t.app, admin)('DELETE', `/api/users/${uid}/memberships/${first}`)).statusCode).toBe(204)
    me = (await as(t.app, admin)('GET', '/api/users')).json().items.find((u: { id: string }) => u.id === uid)
    expect(me.roles).toHaveLength(1)
    // The last role cannot go: deactivate instead.
    expectProblem(await as(t.app, admin)('DELETE', `/api/users/${uid}/memberships/${me.roles[0].membershipId}`), 400)
    expect((await as(t.app, admin)('PATCH', `/api/users/${uid}`, { disabled: true })).statusCode).toBe(200)
    expectProblem(await as(t.app, admin)('PATCH', `/api/users/${adminId}`, { disabled: true }), 400)
    expectProblem(await as(t.app, op)('PATCH', `/api/users/${uid}`, { disabled: false }), 403)
  })

  it('documents the settings routes in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json()
    for (const p of ['/api/settings/agencies', '/api/settings/categories/{id}', '/api/settings/sla', '/api/settings/holidays', '/api/settings/auto-replies', '/api/channels/{id}/test', '/api/users/{id}/memberships'])
      expect(Object.keys(doc.paths)).toContain(p)
  })
})
