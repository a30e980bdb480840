// The SLA escalation job on PGlite and PostgreSQL: a reminder before the due time (once), level 1
// on breach, level 2 one working day later (the default stepWorkingDays), never the same level
// twice, and nothing for closed reports.
import crypto from 'node:crypto'
import { and, eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reportEvents, reports } from '../../src/db/schema/index.ts'
import { escalationDueAt, runEscalations } from '../../src/reports/jobs-escalation.ts'
import { loadSettings } from '../../src/reports/store.ts'
import { BACKENDS } from '../harness/db.ts'
import { as, createTestApp, login, makeAgency, makeTenant, makeUser, type TestApp } from '../harness/app.ts'

type Call = ReturnType<typeof as>
const MIN = 60_000

describe.each(BACKENDS)('SLA escalation job on %s', (backend) => {
  let t: TestApp
  let operator: Call
  let email: string
  /** Sessions expire while the fake clock runs for days: sign in again. */
  const signIn = async () => {
    operator = as(t.app, await login(t.app, email))
  }
  let tenantId: string, agencyId: string

  beforeAll(async () => {
    t = await createTestApp(backend)
    tenantId = (await makeTenant(t.ctx)).id
    agencyId = (await makeAgency(t.ctx, tenantId, 'pupr')).id
    email = (await makeUser(t.ctx, tenantId, 'operator')).email
    await signIn()
  }, 60_000)
  afterAll(async () => t?.close())

  const dispatched = async () => {
    await signIn()
    const c = await operator('POST', '/api/reports', {
      body: 'Lampu jalan mati di depan sekolah dasar, gelap sekali setiap malam',
      channel: 'phone',
      reporterName: 'Siti',
      reporterPhone: '081234567891',
    })
    expect(c.statusCode, c.body).toBe(201)
    const id = c.json().id as string
    const r = await operator('POST', `/api/reports/${id}/verify-and-dispatch`, {
      title: 'Lampu jalan mati',
      kind: 'pengaduan',
      categoryId: null,
      regionCode: null,
      flags: { anonymous: false, confidential: false },
      dispositions: [{ id: crypto.randomUUID(), agencyId, instruction: 'Mohon diperbaiki' }],
    })
    expect(r.statusCode, r.body).toBe(200)
    const [row] = await t.ctx.db.select().from(reports).where(eq(reports.id, id))
    expect(row!.dueAt).toBeInstanceOf(Date)
    return { id, dueAt: row!.dueAt! }
  }
  const trail = async (id: string) =>
    (
      await t.ctx.db
        .select({ type: reportEvents.type, data: reportEvents.data, actorKind: reportEvents.actorKind })
        .from(reportEvents)
        .where(and(eq(reportEvents.reportId, id), inArray(reportEvents.type, ['reminded', 'escalated'])))
        .orderBy(reportEvents.id)
    ).map((e) => `${e.type}${e.data.level ? `:${e.data.level}:${e.data.notifyRole}` : ''}:${e.actorKind}`)
  const level = async (id: string) =>
    (await t.ctx.db.select({ l: reports.lastEscalationLevel }).from(reports).where(eq(reports.id, id)))[0]!.l

  it('reminds once before the deadline, then escalates one level at a time, never twice', async () => {
    const { id, dueAt } = await dispatched()
    const settings = await loadSettings(t.ctx.db, tenantId)

    await runEscalations(t.ctx) // days before the deadline: nothing yet
    expect(await trail(id)).toEqual([])

    t.clock.set(new Date(+dueAt - 60 * MIN))
    expect((await runEscalations(t.ctx)).reminded).toContain(id)
    expect((await runEscalations(t.ctx)).reminded).not.toContain(id)
    expect(await trail(id)).toEqual(['reminded:system'])

    t.clock.set(new Date(+dueAt + MIN))
    expect((await runEscalations(t.ctx)).escalated).toContainEqual({ reportId: id, level: 1 })
    await runEscalations(t.ctx) // level 2 is not due yet: a second run repeats nothing
    expect(await level(id)).toBe(1)

    const second = escalationDueAt(dueAt, 2, settings)
    expect(+second - +dueAt).toBeGreaterThanOrEqual(24 * 60 * MIN - 1)
    t.clock.set(new Date(+second - MIN))
    await runEscalations(t.ctx)
    expect(await level(id)).toBe(1)
    t.clock.set(new Date(+second + MIN))
    expect((await runEscalations(t.ctx)).escalated).toContainEqual({ reportId: id, level: 2 })
    await runEscalations(t.ctx)
    expect(await trail(id)).toEqual([
      'reminded:system',
      'escalated:1:agency_admin:system',
      'escalated:2:agency_head:system',
    ])
    expect(await level(id)).toBe(2)

    // The timeline endpoint shows them to staff.
    await signIn()
    const ev = await operator('GET', `/api/reports/${id}/events`)
    expect(ev.json().items.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['reminded', 'escalated']),
    )
  })

  it('does nothing for closed reports', async () => {
    const { id, dueAt } = await dispatched()
    const r = await operator('POST', `/api/reports/${id}/close`, { reason: 'Sudah ditangani langsung di lapangan' })
    expect(r.statusCode, r.body).toBe(200)
    // Even with a stale due time left on the row, a closed report is never reminded or escalated.
    await t.ctx.db.update(reports).set({ dueAt }).where(eq(reports.id, id))
    t.clock.set(new Date(+dueAt - 60 * MIN))
    await runEscalations(t.ctx)
    t.clock.set(new Date(+dueAt + 5 * 24 * 60 * MIN))
    const out = await runEscalations(t.ctx)
    expect(out.reminded).not.toContain(id)
    expect(out.escalated.map((e) => e.reportId)).not.toContain(id)
    expect(await trail(id)).toEqual([])
    expect(await level(id)).toBe(0)
  })
})
