// The dashboard rollup (report_daily_stats, kept by a trigger on reports) gives the same figures as
// the raw reports after every step of a report's life, around a tenant-local midnight and a
// month end, before and after compaction, and after the tenant moves to another time zone; on
// PGlite and PostgreSQL.
import crypto from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildQuery } from '../../src/analytics/dashboard.ts'
import type { Granularity } from '../../src/analytics/period.ts'
import { breakdownQuery, summaryQuery, trendQuery } from '../../src/analytics/queries.ts'
import { exactMedian } from '../../src/analytics/medians.ts'
import { compactRollup, rebuildRollup, rollupApplies, rollupSource, useRollup } from '../../src/analytics/rollup.ts'
import { rowsOf, type DashboardFilters, type DashboardScope } from '../../src/analytics/scope.ts'
import { reports, tenants } from '../../src/db/schema/index.ts'
import { runReporterCommand } from '../../src/reports/commands.ts'
import { BACKENDS } from '../harness/db.ts'
import { as, createTestApp, login, makeAgency, makeTenant, makeUser, type TestApp } from '../harness/app.ts'

type Call = ReturnType<typeof as>

describe.each(BACKENDS)('dashboard rollup on %s', (backend) => {
  let t: TestApp
  let tenantId: string, agencyA: string
  let operator: Call, adminA: Call, headA: Call
  let scope: DashboardScope
  const ids: string[] = []

  beforeAll(async () => {
    t = await createTestApp(backend)
    t.clock.set(new Date('2026-11-30T16:00:00Z')) // sessions start before the first report
    tenantId = (await makeTenant(t.ctx)).id
    agencyA = (await makeAgency(t.ctx, tenantId, 'pupr')).id
    const sign = async (role: Parameters<typeof makeUser>[2], agency: string | null = null) =>
      as(t.app, await login(t.app, (await makeUser(t.ctx, tenantId, role, agency)).email))
    operator = await sign('operator')
    adminA = await sign('agency_admin', agencyA)
    headA = await sign('agency_head', agencyA)
    scope = { tenantId, agencyIds: null, dispositionStatuses: [] }
  }, 180_000)
  afterAll(async () => {
    useRollup(true)
    await t?.close()
  })

  const ok = async (p: Promise<{ statusCode: number; body: string; json(): { id: string } }>, status = 200) => {
    const r = await p
    expect(r.statusCode, r.body).toBe(status)
    return r.json()
  }

  const CASES: { from: string; to: string; granularity?: Granularity; f?: DashboardFilters }[] = [
    { from: '2026-11-30', to: '2026-11-30' },
    { from: '2026-12-01', to: '2026-12-01' },
    { from: '2026-11-01', to: '2026-12-31', granularity: 'week' },
    { from: '2026-11-15', to: '2027-01-10', granularity: 'month' },
    { from: '2026-10-01', to: '2026-12-31', granularity: 'month' },
    { from: '2026-11-01', to: '2026-11-30', granularity: 'day', f: { district: '11.15.02' } },
    { from: '2026-11-20', to: '2026-12-10', f: { channel: 'whatsapp', kind: 'pengaduan' } },
    // Channel + kind with the category and kecamatan breakdowns (grouping sets 26 and 25, migration 0020).
    { from: '2026-10-01', to: '2026-12-31', granularity: 'month', f: { channel: 'phone', kind: 'pengaduan' } },
    { from: '2026-11-20', to: '2026-12-10', f: { channel: 'walk_in', kind: 'pengaduan' } },
    { from: '2026-11-15', to: '2027-01-10', granularity: 'month', f: { channel: 'phone', kind: 'pengaduan', district: '11.15.02' } },
  ]

  /** Every panel the rollup serves, once from the rollup and once from the reports: equal. */
  const expectSameAsRaw = async (label: string) => {
    const now = t.clock.now()
    for (const c of CASES) {
      const q = await buildQuery(t.ctx.db, scope, { from: c.from, to: c.to, granularity: c.granularity, ...c.f }, now)
      expect(rollupApplies(q), label).toBe(true)
      if (c.f?.channel && c.f.kind && !c.f.district)
        for (const d of ['category', 'district'] as const) expect(rollupSource(q, [d]), `${label}: ${d} from the rollup`).not.toBeNull()
      const viaRollup = [await summaryQuery(t.ctx.db, q), await trendQuery(t.ctx.db, q), await breakdownQuery(t.ctx.db, q)]
      useRollup(false)
      try {
        const raw = [await summaryQuery(t.ctx.db, q), await trendQuery(t.ctx.db, q), await breakdownQuery(t.ctx.db, q)]
        expect(viaRollup, `${label}: ${JSON.stringify(c)}`).toEqual(raw)
      } finally {
        useRollup(true)
      }
      // And the received count against a count written here, with local midnight in WIB (UTC+7).
      const [direct] = await rowsOf<{ n: unknown }>(
        t.ctx.db,
        sql`select count(*) as n from reports where tenant_id = ${tenantId}::uuid
          and created_at >= ${`${c.from}T00:00:00+07:00`}::timestamptz and created_at < (${`${c.to}T00:00:00+07:00`}::timestamptz + interval '1 day')
          ${c.f?.district ? sql`and district_code = ${c.f.district}` : sql``}
          ${c.f?.channel ? sql`and channel_type = ${c.f.channel}` : sql``} ${c.f?.kind ? sql`and kind = ${c.f.kind}` : sql``}`,
      )
      expect((viaRollup[0] as { received: number }).received, `${label}: direct ${JSON.stringify(c)}`).toBe(Number(direct!.n))
    }
  }

  const pendingDeltas = async () =>
    Number((await rowsOf<{ n: unknown }>(t.ctx.db, sql`select count(*) as n from report_stats_delta where tenant_id = ${tenantId}::uuid`))[0]!.n)

  it('equals a direct count after every report event, across local midnight, compacted or not', async () => {
    // 23:59:59 WIB on 30 November and 00:00:00 WIB on 1 December (16:59:59 and 17:00:00 UTC).
    for (const at of ['2026-11-30T16:59:59Z', '2026-11-30T17:00:00Z', '2026-11-20T03:00:00Z', '2026-11-30T17:00:01Z']) {
      t.clock.set(new Date(at))
      const created = await ok(
        operator('POST', '/api/reports', {
          body: `Jalan rusak berlubang di depan pasar, dilaporkan ${at}`,
          channel: ids.length % 2 ? 'phone' : 'walk_in',
          regionCode: ids.length % 2 ? '11.15.02.2003' : '11.15.01.2001',
        }),
        201,
      )
      ids.push(created.id)
    }
    t.clock.set(new Date('2026-12-01T02:00:00Z'))
    await expectSameAsRaw('created')

    const dispositionIds: string[] = []
    for (const id of ids.slice(0, 3)) {
      const d = crypto.randomUUID()
      dispositionIds.push(d)
      t.clock.advance(60_000)
      await ok(
        operator('POST', `/api/reports/${id}/verify-and-dispatch`, {
          title: 'Jalan berlubang',
          kind: 'pengaduan',
          categoryId: null,
          regionCode: '11.15.02.2001',
          flags: { anonymous: false, confidential: false },
          dispositions: [{ id: d, agencyId: agencyA, instruction: 'Mohon diperbaiki' }],
        }),
      )
    }
    await expectSameAsRaw('verified and dispatched')

    for (const [i, id] of ids.slice(0, 2).entries()) {
      t.clock.advance(60_000)
      await ok(adminA('POST', `/api/reports/${id}/accept`, { dispositionId: dispositionIds[i] }))
      const resp = crypto.randomUUID()
      await ok(adminA('POST', `/api/reports/${id}/draft-response`, { responseId: resp, dispositionId: dispositionIds[i], body: 'Akan ditambal.', requiresApproval: true }))
      await ok(adminA('POST', `/api/reports/${id}/submit-response`, { responseId: resp }))
      await ok(headA('POST', `/api/reports/${id}/approve-response`, { responseId: resp }))
    }
    await expectSameAsRaw('accepted and answered')
    expect(await pendingDeltas()).toBeGreaterThan(0)

    t.clock.advance(60_000)
    await ok(operator('POST', `/api/reports/${ids[0]}/close`, { reason: 'Sudah diperbaiki di lapangan' }))
    await expectSameAsRaw('closed')

    expect(await compactRollup(t.ctx.db)).toBeGreaterThan(0)
    expect(await pendingDeltas()).toBe(0)
    await expectSameAsRaw('compacted')

    t.clock.advance(60_000)
    await runReporterCommand(t.ctx, tenantId, ids[0]!, { type: 'reopen', reason: 'Jalan berlubang lagi' })
    await runReporterCommand(t.ctx, tenantId, ids[1]!, { type: 'reopen', reason: 'Belum diperbaiki' })
    await expectSameAsRaw('reopened after compaction')
    const q = await buildQuery(t.ctx.db, scope, { from: '2026-11-01', to: '2026-12-31' }, t.clock.now())
    expect((await breakdownQuery(t.ctx.db, q)).status).toEqual([
      { key: 'reopened', count: 2 },
      { key: 'dispatched', count: 1 },
      { key: 'received', count: 1 },
    ])
    await compactRollup(t.ctx.db)
    await expectSameAsRaw('compacted again')

    // A recount from the reports gives the same rows' sums.
    await rebuildRollup(t.ctx.db, tenantId)
    await expectSameAsRaw('rebuilt')
  }, 120_000)

  it('gives exact medians from the hours histogram, odd and even counts, across buckets', async () => {
    const q = await buildQuery(t.ctx.db, scope, { from: '2026-11-01', to: '2026-12-31' }, t.clock.now())
    const base = Date.parse('2026-11-10T05:00:00Z')
    const hours = [0.25, 0.3, 7, 7.01, 7.02, 30, 30.5, 200, 1500, 2.5]
    for (const [i, h] of hours.entries()) {
      await t.ctx.db.insert(reports).values({
        tenantId,
        id: crypto.randomUUID(),
        trackingCode: `TST-MED${i}${crypto.randomBytes(3).toString('hex').toUpperCase()}`,
        body: 'Median',
        channelType: 'web',
        status: 'answered',
        createdAt: new Date(base + i * 60_000),
        firstResponseAt: new Date(base + i * 60_000 + h * 3_600_000),
        answeredAt: new Date(base + i * 60_000 + h * 7_200_000),
      })
      const viaRollup = await summaryQuery(t.ctx.db, q)
      expect(viaRollup.medianFirstResponseHours).not.toBeNull()
      useRollup(false)
      const raw = await summaryQuery(t.ctx.db, q)
      useRollup(true)
      expect(viaRollup, `after ${i + 1} more`).toEqual(raw)
      // The histogram answered (no fallback to sorting the reports).
      const first = await exactMedian(t.ctx.db, q, 'first')
      const done = await exactMedian(t.ctx.db, q, 'done')
      expect(typeof first).toBe('number')
      expect(Math.round(first! * 10) / 10).toBe(raw.medianFirstResponseHours)
      expect(Math.round(done! * 10) / 10).toBe(raw.medianCompletionHours)
      if (i === 4) await compactRollup(t.ctx.db)
    }
  })

  it('recounts local days when the tenant moves to another time zone', async () => {
    await t.ctx.db.update(tenants).set({ timeZone: 'Asia/Jayapura' }).where(eq(tenants.id, tenantId))
    const now = t.clock.now()
    // 23:59:59 WIB on 30 November is 01:59:59 WIT on 1 December.
    const q = await buildQuery(t.ctx.db, scope, { from: '2026-12-01', to: '2026-12-01' }, now)
    expect(q.period.timeZone).toBe('Asia/Jayapura')
    const viaRollup = await summaryQuery(t.ctx.db, q)
    useRollup(false)
    const raw = await summaryQuery(t.ctx.db, q)
    useRollup(true)
    expect(viaRollup).toEqual(raw)
    expect(viaRollup.received).toBe(3)
    await t.ctx.db.update(tenants).set({ timeZone: 'Asia/Jakarta' }).where(eq(tenants.id, tenantId))
    await expectSameAsRaw('back in WIB')
  })
})
