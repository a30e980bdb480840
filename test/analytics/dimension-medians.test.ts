// The summary's exact medians with one report filter or channel + kind (hours histograms per
// month x kecamatan, category, channel, kind, channel + kind; migration 0019): at every step each metric's histogram equals a
// per-bucket count of the filtered reports, and the medians equal percentile_cont over them
// (unrounded), for periods with whole months and days around them; after reports inserted with and
// without durations, durations set, a kecamatan / category / channel / kind changed, a report
// deleted, a fold, a recount and a time-zone change. On PGlite and PostgreSQL.
import crypto from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildQuery } from '../../src/analytics/dashboard.ts'
import { exactMedians, histogramApplies, hoursHistograms, type HoursMetric } from '../../src/analytics/medians.ts'
import { summaryQuery } from '../../src/analytics/queries.ts'
import { compactRollup, useRollup } from '../../src/analytics/rollup.ts'
import { rowsOf, type DashboardFilters, type DashboardScope } from '../../src/analytics/scope.ts'
import { reports, tenants } from '../../src/db/schema/index.ts'
import { BACKENDS } from '../harness/db.ts'
import { createTestApp, makeTenant, type TestApp } from '../harness/app.ts'

const H = 3_600_000
const HOURS: Record<HoursMetric, string> = {
  first: 'extract(epoch from (r.first_response_at - r.created_at)) / 3600.0',
  done: 'extract(epoch from (coalesce(r.closed_at, r.answered_at) - r.created_at)) / 3600.0',
}

describe.each(BACKENDS)('dimension medians on %s', (backend) => {
  let t: TestApp
  let tenantId: string, catA: string, catB: string
  let scope: DashboardScope
  const ids: string[] = []

  beforeAll(async () => {
    t = await createTestApp(backend)
    t.clock.set(new Date('2026-12-20T03:00:00Z'))
    tenantId = (await makeTenant(t.ctx)).id
    const cat = async (slug: string) =>
      (await rowsOf<{ id: string }>(t.ctx.db, sql`insert into categories (tenant_id, slug, name) values (${tenantId}::uuid, ${slug}, ${slug}) returning id`))[0]!.id
    catA = await cat('jalan')
    catB = await cat('air')
    scope = { tenantId, agencyIds: null, dispositionStatuses: [] }
  }, 180_000)
  afterAll(async () => {
    useRollup(true)
    await t?.close()
  })

  const PERIODS = [
    { from: '2026-10-20', to: '2026-12-10', granularity: 'month' as const },
    { from: '2026-11-01', to: '2026-11-30', granularity: 'week' as const },
    { from: '2026-11-30', to: '2026-12-01' },
  ]
  const filters = (): DashboardFilters[] => [
    { district: '11.15.02' },
    { category: catA },
    { channel: 'whatsapp' },
    { kind: 'aspirasi' },
    { channel: 'whatsapp', kind: 'aspirasi' },
    {},
  ]

  /** Histograms and medians against the filtered reports, for every period and filter. */
  const expectExact = async (label: string) => {
    for (const p of PERIODS) {
      for (const f of filters()) {
        const q = await buildQuery(t.ctx.db, scope, { ...p, ...f }, t.clock.now())
        const where = sql`r.tenant_id = ${tenantId}::uuid and r.created_at >= ${q.period.start.toISOString()}::timestamptz
          and r.created_at < ${q.period.end.toISOString()}::timestamptz
          ${f.district ? sql`and r.district_code = ${f.district}` : sql``} ${f.category ? sql`and r.category_id = ${f.category}::uuid` : sql``}
          ${f.channel ? sql`and r.channel_type = ${f.channel}` : sql``} ${f.kind ? sql`and r.kind = ${f.kind}` : sql``}`
        const at = `${label}: ${JSON.stringify({ ...p, ...f })}`
        // Used with a filter only when the period holds a whole month (the third has none); the
        // histograms are exact either way, so they are compared for every period.
        expect(histogramApplies(q), at).toBe(p !== PERIODS[2] || Object.keys(f).length === 0)
        const hists = await hoursHistograms(t.ctx.db, q)
        const [raw] = await rowsOf<Record<string, unknown>>(
          t.ctx.db,
          sql`select percentile_cont(0.5) within group (order by (${sql.raw(HOURS.first)})::float8) as first,
            percentile_cont(0.5) within group (order by (${sql.raw(HOURS.done)})::float8) as done from reports r where ${where}`,
        )
        const medians = await exactMedians(t.ctx.db, q)
        expect(medians, at).toBeDefined()
        for (const m of ['first', 'done'] as const) {
          const rows = await rowsOf<{ bucket: unknown; n: unknown }>(
            t.ctx.db,
            sql`select report_hours_bucket(${sql.raw(HOURS[m])}) as bucket, count(*) as n from reports r
              where ${where} and (${sql.raw(HOURS[m])}) is not null group by 1 order by 1`,
          )
          expect(hists[m], `${at} ${m} histogram`).toEqual(rows.map((r) => ({ bucket: Number(r.bucket), n: Number(r.n) })))
          const want = raw?.[m] === null || raw?.[m] === undefined ? null : Number(raw[m])
          if (want === null) expect(medians![m], `${at} ${m}`).toBeNull()
          else expect(medians![m], `${at} ${m}`).toBeCloseTo(want, 9)
        }
      }
    }
    // And the whole summary against the raw query (counts of channel + kind from the rollup's
    // (channel, kind, status) grouping set).
    for (const f of [{ district: '11.15.02' }, { channel: 'whatsapp' as const, kind: 'aspirasi' as const }]) {
      const q = await buildQuery(t.ctx.db, scope, { ...PERIODS[0]!, ...f }, t.clock.now())
      const via = await summaryQuery(t.ctx.db, q)
      useRollup(false)
      try {
        expect(via, `${label}: summary ${JSON.stringify(f)}`).toEqual(await summaryQuery(t.ctx.db, q))
      } finally {
        useRollup(true)
      }
    }
  }

  const insert = async (i: number, at: string, first: number | null, done: number | null) => {
    const created = Date.parse(at)
    const id = crypto.randomUUID()
    await t.ctx.db.insert(reports).values({
      tenantId,
      id,
      trackingCode: `TST-DM${i}${crypto.randomBytes(3).toString('hex').toUpperCase()}`,
      body: 'Median per kecamatan',
      channelType: i % 3 === 0 ? 'whatsapp' : 'web',
      kind: i % 4 === 0 ? 'aspirasi' : 'pengaduan',
      categoryId: i % 5 === 4 ? null : i % 2 ? catA : catB,
      districtCode: i % 7 === 6 ? null : i % 2 ? '11.15.02' : '11.15.01',
      status: done === null ? 'in_progress' : 'answered',
      createdAt: new Date(created),
      firstResponseAt: first === null ? null : new Date(created + first * H),
      answeredAt: done === null ? null : new Date(created + done * H),
    })
    ids.push(id)
  }

  it('equals the filtered reports at every step', async () => {
    // Around the period's edges and a WIB midnight (17:00 UTC), whole months inside.
    const days = ['2026-10-19T16:59:59Z', '2026-10-19T17:00:00Z', '2026-10-25T03:00:00Z', '2026-11-05T03:00:00Z', '2026-11-29T18:00:00Z',
      '2026-11-30T16:59:59Z', '2026-11-30T17:00:00Z', '2026-12-05T01:00:00Z', '2026-12-10T16:59:59Z', '2026-12-10T17:00:00Z']
    const hours = [0, 0.25, 7, 7.01, 30, 30.5, 200, 1500, 2.5, 12, 48, 3]
    let i = 0
    for (const at of days) {
      for (let k = 0; k < 3; k++, i++) {
        const h = hours[i % hours.length]!
        await insert(i, at, i % 6 === 5 ? null : h, i % 4 === 3 ? null : h * 2 + k)
      }
    }
    await expectExact('inserted')

    // Durations set later (a first response, an answer, a close), as the lifecycle does.
    const open = await rowsOf<{ id: string; created_at: string }>(
      t.ctx.db,
      sql`select id, created_at::text from reports where tenant_id = ${tenantId}::uuid and (first_response_at is null or answered_at is null) order by created_at limit 6`,
    )
    for (const [j, r] of open.entries()) {
      const c = Date.parse(r.created_at)
      await t.ctx.db
        .update(reports)
        .set(j % 2 ? { firstResponseAt: new Date(c + 5 * H) } : { answeredAt: new Date(c + 90 * H), status: 'answered' })
        .where(eq(reports.id, r.id))
    }
    await t.ctx.db.update(reports).set({ closedAt: new Date(Date.parse('2026-12-15T00:00:00Z')), status: 'closed' }).where(eq(reports.id, ids[4]!))
    await expectExact('durations set')

    // Dimensions changed on reports with durations inside whole months (triage, a merge), one
    // duration cleared.
    await t.ctx.db.update(reports).set({ districtCode: '11.15.01' }).where(eq(reports.id, ids[9]!))
    await t.ctx.db.update(reports).set({ categoryId: catA }).where(eq(reports.id, ids[10]!))
    await t.ctx.db.update(reports).set({ categoryId: null, districtCode: null }).where(eq(reports.id, ids[13]!))
    await t.ctx.db.update(reports).set({ channelType: 'whatsapp', kind: 'aspirasi' }).where(eq(reports.id, ids[14]!))
    await t.ctx.db.update(reports).set({ firstResponseAt: null }).where(eq(reports.id, ids[12]!))
    await expectExact('dimensions changed')

    await t.ctx.db.delete(reports).where(eq(reports.id, ids[16]!))
    await expectExact('deleted')

    expect(await compactRollup(t.ctx.db)).toBeGreaterThan(0)
    const pending = await rowsOf<{ n: unknown }>(t.ctx.db, sql`select (select count(*) from report_hours_dim_delta) + (select count(*) from report_hours_delta) as n`)
    expect(Number(pending[0]!.n)).toBe(0)
    await expectExact('folded')

    // After the fold, changes land in the deltas again (month rows + pending deltas).
    await t.ctx.db.update(reports).set({ districtCode: '11.15.02' }).where(eq(reports.id, ids[12]!))
    await insert(99, '2026-11-10T03:00:00Z', 4, 9)
    await expectExact('changed after the fold')

    await t.ctx.db.execute(sql`select report_hours_dim_rebuild(${tenantId}::uuid)`)
    await expectExact('recounted')

    // Another zone has other local days and months (the recount runs in the same transaction).
    await t.ctx.db.update(tenants).set({ timeZone: 'Asia/Jayapura' }).where(eq(tenants.id, tenantId))
    await expectExact('in WIT')
    await t.ctx.db.update(tenants).set({ timeZone: 'Asia/Jakarta' }).where(eq(tenants.id, tenantId))
    await expectExact('back in WIB')
  }, 240_000)
})
