// The scoreboard rollup (disposition_daily_stats, kept by statement triggers on dispositions,
// migration 0013) gives the same scoreboard as the raw dispositions: dispositions created,
// accepted, answered on time and late, returned, cancelled, a second disposition of one report to
// the same agency, overdue open, around a tenant-local midnight and a month end, before and after
// the fold, after a recount and a time-zone change; on PGlite and PostgreSQL.
import crypto from 'node:crypto'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildQuery } from '../../src/analytics/dashboard.ts'
import { scoreboardQuery } from '../../src/analytics/queries.ts'
import { useRollup } from '../../src/analytics/rollup.ts'
import { scoreboardMedians } from '../../src/analytics/scoreboard-medians.ts'
import { compactScoreboard, rebuildScoreboard, scoreboardRollupApplies } from '../../src/analytics/scoreboard.ts'
import { rowsOf, type DashboardFilters, type DashboardScope } from '../../src/analytics/scope.ts'
import { dispositions, reports, tenants } from '../../src/db/schema/index.ts'
import { BACKENDS } from '../harness/db.ts'
import { createTestApp, makeAgency, makeTenant, type TestApp } from '../harness/app.ts'

const H = 3_600_000

describe.each(BACKENDS)('scoreboard rollup on %s', (backend) => {
  let t: TestApp
  let tenantId: string, agencyA: string, agencyB: string
  let scope: DashboardScope

  beforeAll(async () => {
    t = await createTestApp(backend)
    t.clock.set(new Date('2026-12-02T03:00:00Z'))
    tenantId = (await makeTenant(t.ctx)).id
    agencyA = (await makeAgency(t.ctx, tenantId, 'pupr')).id
    agencyB = (await makeAgency(t.ctx, tenantId, 'dinkes')).id
    scope = { tenantId, agencyIds: null, dispositionStatuses: [] }
  }, 180_000)
  afterAll(async () => {
    useRollup(true)
    await t?.close()
  })

  const CASES: { from: string; to: string; f?: DashboardFilters; rollup?: boolean }[] = [
    { from: '2026-11-30', to: '2026-11-30' },
    { from: '2026-12-01', to: '2026-12-01' },
    { from: '2026-11-01', to: '2026-12-31' },
    { from: '2026-11-15', to: '2027-01-10' },
    { from: '2026-10-01', to: '2026-12-31' },
    { from: '2026-11-01', to: '2026-12-31', f: { agency: '' } }, // agency A, set below
    { from: '2026-11-01', to: '2026-12-31', f: { channel: 'web' }, rollup: false },
  ]

  const expectSameAsRaw = async (label: string) => {
    for (const c of CASES) {
      const f = c.f?.agency === '' ? { agency: agencyA } : c.f
      const q = await buildQuery(t.ctx.db, scope, { from: c.from, to: c.to, ...f }, t.clock.now())
      expect(scoreboardRollupApplies(q), `${label}: applies ${JSON.stringify(c)}`).toBe(c.rollup ?? true)
      const viaRollup = await scoreboardQuery(t.ctx.db, q)
      useRollup(false)
      try {
        expect(scoreboardRollupApplies(q)).toBe(false)
        const raw = await scoreboardQuery(t.ctx.db, q)
        expect(viaRollup, `${label}: ${JSON.stringify(c)}`).toEqual(raw)
      } finally {
        useRollup(true)
      }
    }
  }

  const report = async (at: string) => {
    const id = crypto.randomUUID()
    await t.ctx.db.insert(reports).values({
      tenantId,
      id,
      trackingCode: `TST-SB${crypto.randomBytes(4).toString('hex').toUpperCase()}`,
      body: 'Papan skor',
      channelType: 'web',
      status: 'dispatched',
      createdAt: new Date(at),
    })
    return id
  }
  const dispose = async (reportId: string, agencyId: string, createdAt: Date, dueHours = 72) => {
    const id = crypto.randomUUID()
    await t.ctx.db
      .insert(dispositions)
      .values({ tenantId, id, reportId, agencyId, createdAt, dueAt: new Date(+createdAt + dueHours * H) })
    return id
  }
  const set = (id: string, v: Partial<typeof dispositions.$inferInsert>) =>
    t.ctx.db.update(dispositions).set(v).where(and(eq(dispositions.tenantId, tenantId), eq(dispositions.id, id)))
  const pending = async () =>
    Number(
      (await rowsOf<{ n: unknown }>(t.ctx.db, sql`select count(*) as n from disposition_stats_delta where tenant_id = ${tenantId}::uuid`))[0]!
        .n,
    )

  it('equals the raw scoreboard through a disposition life, across local midnight, folded or not', async () => {
    // 23:59:59 WIB on 30 November, 00:00:00 WIB on 1 December, mid November, 31 December late.
    const ats = ['2026-11-30T16:59:59Z', '2026-11-30T17:00:00Z', '2026-11-20T03:00:00Z', '2026-12-31T16:30:00Z', '2026-11-30T17:00:01Z']
    const ids: string[] = []
    for (const at of ats) ids.push(await report(at))
    await expectSameAsRaw('reports only')

    const d: string[] = []
    for (const [i, r] of ids.entries()) d.push(await dispose(r, i % 2 ? agencyB : agencyA, new Date(Date.parse(ats[i]!) + H)))
    await expectSameAsRaw('dispatched')

    // Accepted; answered on time and late; returned; overdue open (due in the past of `now`).
    await set(d[0]!, { status: 'in_progress', acceptedAt: new Date(Date.parse(ats[0]!) + 3 * H) })
    await set(d[1]!, { status: 'in_progress', acceptedAt: new Date(Date.parse(ats[1]!) + 5.5 * H) })
    await expectSameAsRaw('accepted')
    await set(d[0]!, { status: 'answered', completedAt: new Date(Date.parse(ats[0]!) + 20 * H) })
    await set(d[1]!, { status: 'answered', completedAt: new Date(Date.parse(ats[1]!) + 100 * H) })
    await set(d[2]!, { status: 'returned', returnReason: 'Bukan kewenangan' })
    expect(await pending()).toBeGreaterThan(0)
    await expectSameAsRaw('answered and returned')

    // A second disposition of one report to the same agency counts one report, two dispositions.
    const again = await dispose(ids[2]!, agencyA, new Date(Date.parse(ats[2]!) + 30 * H))
    await expectSameAsRaw('second disposition to the same agency')

    expect(await compactScoreboard(t.ctx.db)).toBeGreaterThan(0)
    expect(await pending()).toBe(0)
    await expectSameAsRaw('folded')

    // One statement cancelling both dispositions of that report: the pair goes away once.
    await t.ctx.db
      .update(dispositions)
      .set({ status: 'cancelled' })
      .where(and(eq(dispositions.tenantId, tenantId), inArray(dispositions.id, [d[2]!, again])))
    await expectSameAsRaw('both cancelled in one statement')
    await set(again, { status: 'pending' })
    await expectSameAsRaw('one restored')

    // Time passes: open dispositions fall overdue.
    t.clock.set(new Date('2027-01-20T00:00:00Z'))
    await expectSameAsRaw('overdue')
    await compactScoreboard(t.ctx.db)
    await expectSameAsRaw('folded again')

    // A deleted report takes its dispositions with it.
    await t.ctx.db.delete(dispositions).where(and(eq(dispositions.tenantId, tenantId), eq(dispositions.reportId, ids[4]!)))
    await expectSameAsRaw('disposition deleted')

    await rebuildScoreboard(t.ctx.db, tenantId)
    await expectSameAsRaw('rebuilt')
    const q = await buildQuery(t.ctx.db, scope, { from: '2026-11-01', to: '2026-12-31' }, t.clock.now())
    const rows = await scoreboardQuery(t.ctx.db, q)
    const a = rows.find((r) => r.agencyId === agencyA)!
    expect([a.reports, a.dispositions, a.answered, a.answeredOnTime, a.returned]).toEqual([2, 2, 1, 1, 0])
    const b = rows.find((r) => r.agencyId === agencyB)!
    expect([b.reports, b.dispositions, b.answered, b.answeredOnTime, b.overdueOpen]).toEqual([2, 2, 1, 0, 1])
  }, 120_000)

  it('gives the exact medians per agency from the hours histogram (ties, bucket edges, odd and even counts)', async () => {
    // Deterministic pseudo-random hours: many values in few buckets, repeated values, negative ones.
    let x = 7
    const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648)
    const day = (i: number) => `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T0${i % 10}:00:00Z`
    const made: string[] = []
    for (let i = 0; i < 41; i++) {
      const at = day(i)
      const r = await report(at)
      const created = new Date(Date.parse(at) + H)
      const id = await dispose(r, i % 3 ? agencyA : agencyB, created)
      made.push(id)
      const first = i % 7 === 0 ? 2 : i % 11 === 0 ? -1 : Math.round(rnd() * 480) / 10
      const done = i % 5 === 0 ? 24 : Math.round(rnd() * 2000) / 10
      if (i % 4 === 3) continue // pending: no value
      await set(id, { status: 'in_progress', acceptedAt: new Date(+created + first * H) })
      if (i % 4 === 1) await set(id, { status: 'answered', completedAt: new Date(+created + done * H) })
      if (i % 9 === 2) await set(id, { status: 'cancelled' })
    }
    await expectSameAsRaw('medians, pending')
    await compactScoreboard(t.ctx.db)
    await expectSameAsRaw('medians, folded')
    // One more value per agency (odd <-> even counts), one changed, one deleted, pending again.
    await set(made[3]!, { status: 'answered', acceptedAt: new Date(Date.parse(day(3)) + 2 * H), completedAt: new Date(Date.parse(day(3)) + 30 * H) })
    await set(made[4]!, { status: 'answered', completedAt: new Date(Date.parse(day(4)) + 3 * H) })
    await set(made[5]!, { acceptedAt: new Date(Date.parse(day(5)) + 40 * H) })
    await t.ctx.db.delete(dispositions).where(and(eq(dispositions.tenantId, tenantId), eq(dispositions.id, made[6]!)))
    await expectSameAsRaw('medians, changed')
    // Unrounded: the same float8 as percentile_cont.
    for (const [from, to] of [['2026-11-01', '2026-11-30'], ['2026-11-03', '2026-11-17'], ['2026-10-01', '2026-12-31']] as const) {
      const q = await buildQuery(t.ctx.db, scope, { from, to }, t.clock.now())
      const got = await scoreboardMedians(t.ctx.db, q)
      const raw = await rowsOf<{ agency_id: string; f: number | null; d: number | null }>(
        t.ctx.db,
        sql`select d.agency_id, percentile_cont(0.5) within group (order by extract(epoch from (d.accepted_at - d.created_at)) / 3600.0) as f,
          percentile_cont(0.5) within group (order by extract(epoch from (d.completed_at - d.created_at)) / 3600.0) filter (where d.status = 'answered') as d
        from dispositions d where d.tenant_id = ${tenantId}::uuid and d.status <> 'cancelled'
          and d.report_created_at >= ${q.period.start.toISOString()}::timestamptz and d.report_created_at < ${q.period.end.toISOString()}::timestamptz
          and (d.accepted_at is not null or d.status = 'answered') group by 1`,
      )
      expect(got).toBeDefined()
      for (const r of raw) {
        expect(got!.get(r.agency_id)?.first ?? null, `first ${from}..${to}`).toBe(r.f === null ? null : Number(r.f))
        expect(got!.get(r.agency_id)?.done ?? null, `done ${from}..${to}`).toBe(r.d === null ? null : Number(r.d))
      }
    }
    const q = await buildQuery(t.ctx.db, scope, { from: '2026-11-01', to: '2026-11-30' }, t.clock.now())
    const rows = await scoreboardQuery(t.ctx.db, q)
    expect(rows.filter((r) => r.medianFirstResponseHours !== null).length).toBe(2)
    expect(rows.filter((r) => r.medianCompletionHours !== null).length).toBe(2)
    await rebuildScoreboard(t.ctx.db, tenantId)
    await expectSameAsRaw('medians, rebuilt')
  }, 180_000)

  it('recounts local days when the tenant moves to another time zone', async () => {
    await t.ctx.db.update(tenants).set({ timeZone: 'Asia/Jayapura' }).where(eq(tenants.id, tenantId))
    await expectSameAsRaw('in WIT')
    await t.ctx.db.update(tenants).set({ timeZone: 'Asia/Jakarta' }).where(eq(tenants.id, tenantId))
    await expectSameAsRaw('back in WIB')
  })
})
