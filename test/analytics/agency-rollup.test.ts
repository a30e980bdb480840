// The agency counts (report_agency_stats, migration 0015) give the same summary, trend and
// breakdowns as the raw reports for a leader's agency filter and an agency user's own scope:
// dispositions created, accepted, answered, returned, cancelled, a second one to the same agency;
// report changes (status, kecamatan, verification); whistle-blowing flags set, cleared and edited
// (an Inspektorat agency keeps such reports, others lose them); a report deleted; around a
// tenant-local midnight and a month end; before and after the fold, after a recount and a time-zone
// change; on PGlite and PostgreSQL.
import crypto from 'node:crypto'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  agencyRollupApplies,
  agencyTarget,
  pendingAgencyDeltas,
  rebuildAgencyRollup,
} from '../../src/analytics/agency-rollup.ts'
import { buildQuery } from '../../src/analytics/dashboard.ts'
import type { Granularity } from '../../src/analytics/period.ts'
import { breakdownQuery, recentTextsQuery, summaryQuery, trendQuery } from '../../src/analytics/queries.ts'
import { useRollup } from '../../src/analytics/rollup.ts'
import { compactScoreboard } from '../../src/analytics/scoreboard.ts'
import { reportWhere, rowsOf, type DashboardFilters, type DashboardScope } from '../../src/analytics/scope.ts'
import { dispositions, reportEvents, reports, tenants } from '../../src/db/schema/index.ts'
import { LIVE_DISPOSITION_STATUSES } from '../../src/reports/privacy.ts'
import { BACKENDS } from '../harness/db.ts'
import { createTestApp, makeAgency, makeTenant, type TestApp } from '../harness/app.ts'

const H = 3_600_000

describe.each(BACKENDS)('agency rollup on %s', (backend) => {
  let t: TestApp
  let tenantId: string, agencyA: string, agencyB: string, inspektorat: string

  beforeAll(async () => {
    t = await createTestApp(backend)
    t.clock.set(new Date('2026-12-02T03:00:00Z'))
    tenantId = (await makeTenant(t.ctx)).id
    agencyA = (await makeAgency(t.ctx, tenantId, 'pupr')).id
    agencyB = (await makeAgency(t.ctx, tenantId, 'dinkes')).id
    inspektorat = (await makeAgency(t.ctx, tenantId, 'inspektorat', { type: 'inspektorat' })).id
  }, 180_000)
  afterAll(async () => {
    useRollup(true)
    await t?.close()
  })

  const tenantScope = (): DashboardScope => ({ tenantId, agencyIds: null, dispositionStatuses: [] })
  const own = (a: string): DashboardScope => ({
    tenantId,
    agencyIds: [a],
    dispositionStatuses: LIVE_DISPOSITION_STATUSES,
  })
  const PERIODS: { from: string; to: string; granularity?: Granularity; f?: DashboardFilters }[] = [
    { from: '2026-11-30', to: '2026-11-30' },
    { from: '2026-12-01', to: '2026-12-01' },
    { from: '2026-11-01', to: '2026-12-31', granularity: 'week' },
    { from: '2026-11-15', to: '2027-01-10', granularity: 'month' },
    { from: '2026-10-01', to: '2026-12-31', granularity: 'month' },
    { from: '2026-11-01', to: '2026-12-31', f: { district: '11.15.02' } },
  ]

  /** Every panel from the agency rollup and from the reports: equal, for each scope that uses it. */
  const expectSameAsRaw = async (label: string) => {
    const scopes: [string, DashboardScope, DashboardFilters][] = [
      ['filter A', tenantScope(), { agency: '' }],
      ['filter B', tenantScope(), { agency: '-' }],
      ['own A', own(''), {}],
      ['own Inspektorat', own('i'), {}],
    ]
    const fix = (s: DashboardScope, f: DashboardFilters): [DashboardScope, DashboardFilters] => {
      const id = (x: string) => (x === '' ? agencyA : x === '-' ? agencyB : x === 'i' ? inspektorat : x)
      return [
        s.agencyIds ? { ...s, agencyIds: s.agencyIds.map(id) } : s,
        f.agency !== undefined ? { ...f, agency: id(f.agency) } : f,
      ]
    }
    for (const [name, s0, f0] of scopes)
      for (const p of PERIODS) {
        const [s, f] = fix(s0, f0)
        const q = await buildQuery(
          t.ctx.db,
          s,
          { from: p.from, to: p.to, granularity: p.granularity, ...f, ...p.f },
          t.clock.now(),
        )
        expect(agencyRollupApplies(q, p.f ? [] : ['status']), `${label} ${name}`).toBe(true)
        const via = [
          await summaryQuery(t.ctx.db, q),
          await trendQuery(t.ctx.db, q),
          await breakdownQuery(t.ctx.db, q),
        ]
        useRollup(false)
        try {
          expect(agencyTarget(q)).toBeNull()
          const raw = [
            await summaryQuery(t.ctx.db, q),
            await trendQuery(t.ctx.db, q),
            await breakdownQuery(t.ctx.db, q),
          ]
          expect(via, `${label}: ${name} ${JSON.stringify(p)}`).toEqual(raw)
        } finally {
          useRollup(true)
        }
        // Trending topics' texts, walked from the agency's dispositions: the newest `limit` reports, each once.
        for (const limit of [1, 2, 50]) {
          const expected = await rowsOf<{ t: string }>(
            t.ctx.db,
            sql`select coalesce(r.title, '') || ' ' || r.body as t from reports r where ${reportWhere(q.scope, q.period, q.filters)}
              order by r.created_at desc limit ${limit}`,
          )
          expect(await recentTextsQuery(t.ctx.db, q, limit), `${label}: texts ${name} ${limit}`).toEqual(
            expected.map((r) => r.t),
          )
        }
      }
  }

  const report = async (at: string, v: Partial<typeof reports.$inferInsert> = {}) => {
    const id = crypto.randomUUID()
    await t.ctx.db.insert(reports).values({
      tenantId,
      id,
      trackingCode: `TST-AG${crypto.randomBytes(4).toString('hex').toUpperCase()}`,
      body: `Per dinas ${at}`,
      channelType: 'web',
      status: 'dispatched',
      districtCode: '11.15.01',
      verifiedAt: new Date(at),
      createdAt: new Date(at),
      ...v,
    })
    return id
  }
  const dispose = async (
    reportId: string,
    agencyId: string,
    v: Partial<typeof dispositions.$inferInsert> = {},
  ) => {
    const id = crypto.randomUUID()
    await t.ctx.db
      .insert(dispositions)
      .values({ tenantId, id, reportId, agencyId, dueAt: new Date(+t.clock.now() + 72 * H), ...v })
    return id
  }
  const setD = (id: string, v: Partial<typeof dispositions.$inferInsert>) =>
    t.ctx.db
      .update(dispositions)
      .set(v)
      .where(and(eq(dispositions.tenantId, tenantId), eq(dispositions.id, id)))
  const setR = (id: string, v: Partial<typeof reports.$inferInsert>) =>
    t.ctx.db
      .update(reports)
      .set(v)
      .where(and(eq(reports.tenantId, tenantId), eq(reports.id, id)))
  const flags = async (reportId: string, whistleblowing: boolean) => {
    const [e] = await t.ctx.db
      .insert(reportEvents)
      .values({
        tenantId,
        reportId,
        type: 'flags_set',
        actorKind: 'user',
        data: { before: {}, after: { whistleblowing } },
      })
      .returning({ id: reportEvents.id })
    return e!.id
  }

  const editEvent = (id: number, data: Record<string, unknown>) =>
    t.ctx.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('aduan.pdp_erasure', 'on', true)`)
      await tx
        .update(reportEvents)
        .set({ data })
        .where(and(eq(reportEvents.tenantId, tenantId), eq(reportEvents.id, id)))
    })

  it('equals the raw panels through dispositions, report changes and whistle-blowing flags, folded or not', async () => {
    // 23:59:59 WIB on 30 November, 00:00:00 WIB on 1 December, mid November, 31 December late.
    const ats = [
      '2026-11-30T16:59:59Z',
      '2026-11-30T17:00:00Z',
      '2026-11-20T03:00:00Z',
      '2026-12-31T16:30:00Z',
      '2026-11-30T17:00:01Z',
    ]
    const ids: string[] = []
    for (const [i, at] of ats.entries())
      ids.push(
        await report(at, {
          channelType: i % 2 ? 'whatsapp' : 'web',
          districtCode: i % 2 ? '11.15.02' : '11.15.01',
        }),
      )
    await expectSameAsRaw('reports only')

    const d = [
      await dispose(ids[0]!, agencyA),
      await dispose(ids[1]!, agencyA),
      await dispose(ids[1]!, agencyB),
      await dispose(ids[2]!, agencyB),
      await dispose(ids[3]!, agencyA),
      await dispose(ids[4]!, inspektorat),
    ]
    await expectSameAsRaw('dispatched')
    expect(await pendingAgencyDeltas(t.ctx.db, tenantId)).toBeGreaterThan(0)

    await setD(d[0]!, { status: 'in_progress', acceptedAt: t.clock.now() })
    await setR(ids[0]!, { status: 'in_progress', districtCode: '11.15.02' })
    await setD(d[1]!, { status: 'answered', completedAt: t.clock.now() })
    await setR(ids[1]!, { status: 'answered', answeredAt: t.clock.now() })
    await setD(d[3]!, { status: 'returned' }) // B keeps it for its filter, loses it from its own scope
    await expectSameAsRaw('accepted, answered, returned')

    // A second disposition of one report to the same agency; both cancelled in one statement; one restored.
    const again = await dispose(ids[4]!, agencyA)
    await expectSameAsRaw('second agency')
    const again2 = await dispose(ids[0]!, agencyA)
    await t.ctx.db
      .update(dispositions)
      .set({ status: 'cancelled' })
      .where(and(eq(dispositions.tenantId, tenantId), inArray(dispositions.id, [d[0]!, again2])))
    await expectSameAsRaw('both cancelled in one statement')
    await setD(again2, { status: 'pending' })
    await expectSameAsRaw('one restored')

    expect(await compactScoreboard(t.ctx.db)).toBeGreaterThan(0)
    expect(await pendingAgencyDeltas(t.ctx.db, tenantId)).toBe(0)
    await expectSameAsRaw('folded')

    // About officials: the Inspektorat keeps the report, agency A loses it from its own scope (not from the filter).
    const e1 = await flags(ids[4]!, true)
    await expectSameAsRaw('whistle-blowing set')
    await flags(ids[4]!, false)
    await expectSameAsRaw('whistle-blowing cleared')
    // Events are append-only; a UU PDP erasure may rewrite their data (migration 0010): the flags may change that way too.
    const e3 = await flags(ids[4]!, true)
    await editEvent(e3, { after: { whistleblowing: false } })
    await expectSameAsRaw('flags event edited')
    await editEvent(e3, { after: { whistleblowing: true } })
    await editEvent(e1, { after: { whistleblowing: false } })
    await expectSameAsRaw('older flags event edited')
    await editEvent(e3, { after: {} })
    await expectSameAsRaw('latest flags event without the flag')
    // Several flags events in one statement: two reports, one of them twice (the last one wins).
    const ev = (reportId: string, whistleblowing: boolean) => ({
      tenantId,
      reportId,
      type: 'flags_set',
      actorKind: 'user',
      data: { before: {}, after: { whistleblowing } },
    })
    await t.ctx.db.insert(reportEvents).values([ev(ids[0]!, true), ev(ids[1]!, true), ev(ids[1]!, false)])
    await expectSameAsRaw('flags events in one statement')
    await t.ctx.db.insert(reportEvents).values([ev(ids[0]!, false), ev(ids[1]!, true)])
    await expectSameAsRaw('flags events in one statement, again')
    await flags(ids[4]!, true)
    await setR(ids[4]!, { status: 'in_progress', isEmergency: true })
    await setD(again, { status: 'answered', completedAt: t.clock.now() })
    await expectSameAsRaw('whistle-blowing report changes')

    // A report without events deleted with its dispositions.
    await t.ctx.db.delete(reports).where(and(eq(reports.tenantId, tenantId), eq(reports.id, ids[3]!)))
    await expectSameAsRaw('report deleted')
    await compactScoreboard(t.ctx.db)
    await expectSameAsRaw('folded again')

    await rebuildAgencyRollup(t.ctx.db, tenantId)
    await expectSameAsRaw('rebuilt')
    const q = await buildQuery(
      t.ctx.db,
      own(agencyA),
      { from: '2026-11-01', to: '2026-12-31' },
      t.clock.now(),
    )
    expect((await summaryQuery(t.ctx.db, q)).received).toBe(1) // ids[0] (restored); ids[1] and ids[4] are about officials
    const qi = await buildQuery(
      t.ctx.db,
      own(inspektorat),
      { from: '2026-11-01', to: '2026-12-31' },
      t.clock.now(),
    )
    expect((await summaryQuery(t.ctx.db, qi)).received).toBe(1)
  }, 240_000)

  it('reads the reports for several agencies, an agency filter inside an agency scope, or two dimensions', async () => {
    const p = { from: '2026-11-01', to: '2026-12-31' }
    const now = t.clock.now()
    const several = await buildQuery(t.ctx.db, { ...own(agencyA), agencyIds: [agencyA, agencyB] }, p, now)
    expect(agencyTarget(several)).toBeNull()
    const both = await buildQuery(t.ctx.db, own(agencyA), { ...p, agency: agencyA }, now)
    expect(agencyTarget(both)).toBeNull()
    const two = await buildQuery(
      t.ctx.db,
      tenantScope(),
      { ...p, agency: agencyA, district: '11.15.01' },
      now,
    )
    expect(agencyRollupApplies(two, ['status'])).toBe(false)
    expect(agencyRollupApplies(two, [])).toBe(true)
  })

  it('recounts local days when the tenant moves to another time zone', async () => {
    await t.ctx.db.update(tenants).set({ timeZone: 'Asia/Jayapura' }).where(eq(tenants.id, tenantId))
    await expectSameAsRaw('in WIT')
    await t.ctx.db.update(tenants).set({ timeZone: 'Asia/Jakarta' }).where(eq(tenants.id, tenantId))
    await expectSameAsRaw('back in WIB')
  })
})
