// The bell, preferences and approval routes: unauthenticated, invalid, forbidden (someone else's)
// and happy cases, on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { notifications } from '../../src/db/schema/index.ts'
import { as, createTestApp, login, makeAgency, makeTenant, makeUser, type Session, type TestApp } from '../harness/app.ts'
import { BACKENDS } from '../harness/db.ts'

describe.each(BACKENDS)('notification routes on %s', { timeout: 60_000 }, (backend) => {
  let t: TestApp
  let me: Session
  let other: Session
  let mine: string
  let theirs: string
  beforeAll(async () => {
    t = await createTestApp(backend)
    const tenant = await makeTenant(t.ctx)
    const agency = await makeAgency(t.ctx, tenant.id, 'dlh')
    const a = await makeUser(t.ctx, tenant.id, 'agency_admin', agency.id)
    const b = await makeUser(t.ctx, tenant.id, 'operator')
    me = await login(t.app, a.email)
    other = await login(t.app, b.email)
    const rows = await t.ctx.db
      .insert(notifications)
      .values([
        { tenantId: tenant.id, userId: a.id, type: 'disposition', title: 'Disposisi baru', dedupeKey: 'k1', link: '/admin/' },
        { tenantId: tenant.id, userId: b.id, type: 'returned', title: 'Dikembalikan', dedupeKey: 'k2', link: '/admin/' },
      ])
      .returning({ id: notifications.id })
    mine = rows[0]!.id
    theirs = rows[1]!.id
  }, 180_000)
  afterAll(async () => {
    await t?.close()
  })

  it('refuses the unauthenticated', async () => {
    for (const [method, url] of [
      ['GET', '/api/notifications'],
      ['GET', '/api/notifications/unread-count'],
      ['POST', `/api/notifications/${mine}/read`],
      ['GET', '/api/notifications/preferences'],
      ['GET', `/api/approvals/${mine}`],
    ] as const) {
      expect((await t.app.inject({ method, url })).statusCode, url).toBe(401)
    }
  })

  it('rejects invalid input with problem+json', async () => {
    const r = await as(t.app, me)('POST', '/api/notifications/not-a-uuid/read')
    expect(r.statusCode).toBe(400)
    expect(r.headers['content-type']).toContain('problem+json')
    const p = await as(t.app, me)('PUT', '/api/notifications/preferences', { quietHours: { start: '25:00', end: '06:00' } })
    expect(p.statusCode).toBe(400)
  })

  it("shows only one's own notifications and cannot mark someone else's", async () => {
    const list = (await as(t.app, me)('GET', '/api/notifications')).json()
    expect(list.items.map((n: { id: string }) => n.id)).toEqual([mine])
    expect(list.unread).toBe(1)
    expect((await as(t.app, me)('POST', `/api/notifications/${theirs}/read`)).statusCode).toBe(404)
    expect((await as(t.app, other)('GET', '/api/notifications/unread-count')).json().unread).toBe(1)
  })

  it('marks read and saves preferences', async () => {
    expect((await as(t.app, me)('POST', `/api/notifications/${mine}/read`)).statusCode).toBe(204)
    expect((await as(t.app, me)('GET', '/api/notifications/unread-count')).json().unread).toBe(0)
    const put = await as(t.app, me)('PUT', '/api/notifications/preferences', { channels: { email: false, whatsapp: true }, quietHours: null, digest: true, phone: '+6281234500000' })
    expect(put.statusCode, put.body).toBe(200)
    const got = (await as(t.app, me)('GET', '/api/notifications/preferences')).json()
    expect(got).toMatchObject({ phone: '+6281234500000', preferences: { channels: { email: false, whatsapp: true }, quietHours: null, digest: true, digestTime: '07:00' } })
  })

  it('an unknown sign-in link signs nobody in', async () => {
    const r = await t.app.inject({ method: 'GET', url: `/api/auth/link/${'x'.repeat(43)}` })
    expect(r.statusCode).toBe(303)
    expect(r.headers.location).toBe('/admin/')
    expect(r.cookies.find((c) => c.name === 'aduan_session')).toBeUndefined()
  })
})
