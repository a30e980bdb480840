// The figures of one monthly report card, assembled from the dashboard's own queries
// (src/analytics) for the month in the tenant's time zone, so the card's figures are the
// dashboard's by construction. Only what the dashboard has no panel for (satisfaction, the list
// of overdue dispositions) is queried here, with the dashboard's WHERE clause (reportWhere).
import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '../db/connect.ts'
import { agencies, tenants } from '../db/schema/index.ts'
import { boundariesOf } from '../analytics/boundaries.ts'
import { buildQuery, dashboardOptions, overallCompliance } from '../analytics/dashboard.ts'
import { breakdownQuery, scoreboardQuery, summaryQuery, trendQuery, type Query, type ScoreRow, type Summary, type TrendPoint } from '../analytics/queries.ts'
import { reportWhere, rowsOf, uuidList, type DashboardScope } from '../analytics/scope.ts'
import { monthBounds, previousMonth } from './month.ts'

export interface Satisfaction {
  /** Reports of the month the reporter rated (1..5). */
  rated: number
  /** Mean rating, one decimal; null when none rated. */
  average: number | null
  /** Ratings of 4 or 5, in percent of the rated; null when none rated. */
  satisfiedPercent: number | null
  /** Count of ratings 1..5 (index 0 is rating 1). */
  distribution: number[]
}

export interface OverdueRow {
  trackingCode: string
  title: string | null
  agency: string
  district: string | null
  dueAt: Date
  daysOverdue: number
}

export interface Labelled {
  key: string | null
  label: string
  count: number
}

export interface MonthFigures {
  month: string
  summary: Summary
  /** On time / (answered + overdue open) over the dispositions, as the dashboard's KPI. */
  slaCompliance: number | null
  trend: TrendPoint[]
  scoreboard: ScoreRow[]
  satisfaction: Satisfaction
}

export interface CardData {
  tenant: { id: string; name: string; timeZone: string }
  /** The agency of an agency card; null for the tenant card. */
  agency: { id: string; name: string; shortName: string } | null
  /** The viewer's reach was limited to their agencies (an agency user's card). */
  scoped: boolean
  generatedAt: Date
  current: MonthFigures
  previous: MonthFigures
  channels: Labelled[]
  categories: Labelled[]
  districts: Labelled[]
  boundaries: Awaited<ReturnType<typeof boundariesOf>> | null
  overdue: { total: number; rows: OverdueRow[] }
}

/** Shown instead of the title of a confidential or whistle-blowing report. */
export const HIDDEN_TITLE = '(judul dirahasiakan)'

/** At most this many overdue dispositions are listed (the total is always given). */
export const OVERDUE_LIMIT = 60

export interface CardInput {
  scope: DashboardScope
  /** YYYY-MM in the tenant's time zone. */
  month: string
  agencyId?: string | null
  now: Date
}

/** The dashboard Query for a whole month, as GET /api/dashboard?from&to&granularity=day&agency builds it. */
export async function monthQuery(db: Db, scope: DashboardScope, month: string, agencyId: string | null, now: Date): Promise<Query> {
  const { from, to } = monthBounds(month)
  return buildQuery(db, scope, { from, to, granularity: 'day', ...(agencyId ? { agency: agencyId } : {}) }, now)
}

export async function satisfactionQuery(db: Db, q: Query): Promise<Satisfaction> {
  const rows = await rowsOf<{ rating: unknown; n: unknown }>(
    db,
    sql`select r.rating, count(*) as n from reports r where ${reportWhere(q.scope, q.period, q.filters)} and r.rating is not null group by r.rating`,
  )
  const distribution = [0, 0, 0, 0, 0]
  for (const r of rows) {
    const v = Number(r.rating)
    if (v >= 1 && v <= 5) distribution[v - 1]! += Number(r.n)
  }
  const rated = distribution.reduce((s, n) => s + n, 0)
  const sum = distribution.reduce((s, n, i) => s + n * (i + 1), 0)
  return {
    rated,
    average: rated ? Math.round((sum / rated) * 10) / 10 : null,
    satisfiedPercent: rated ? Math.round(((distribution[3]! + distribution[4]!) / rated) * 1000) / 10 : null,
    distribution,
  }
}

/** Dispositions still pending or in progress past their deadline: the scoreboard's "overdue open", listed. */
export async function overdueQuery(db: Db, q: Query, limit = OVERDUE_LIMIT): Promise<{ total: number; rows: OverdueRow[] }> {
  const own = q.scope.agencyIds === null ? sql`true` : q.scope.agencyIds.length ? sql`d.agency_id in (${uuidList(q.scope.agencyIds)})` : sql`false`
  const agency = q.filters.agency ? sql`and d.agency_id = ${q.filters.agency}::uuid` : sql``
  const now = sql`${q.now.toISOString()}::timestamptz`
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    // Confidential and whistle-blowing reports keep their title out of the card (it is e-mailed).
    sql`select r.tracking_code, r.title, a.short_name, g.name as district, d.due_at, count(*) over () as total,
      (r.is_confidential or coalesce((select (e.data->'after'->>'whistleblowing')::boolean from report_events e
        where e.tenant_id = r.tenant_id and e.report_id = r.id and e.type = 'flags_set' order by e.id desc limit 1), false)) as secret
    from dispositions d
    join reports r on r.tenant_id = d.tenant_id and r.id = d.report_id
    join agencies a on a.tenant_id = d.tenant_id and a.id = d.agency_id
    left join regions g on g.tenant_id = r.tenant_id and g.code = r.district_code
    where d.tenant_id = ${q.scope.tenantId}::uuid and d.status in ('pending', 'in_progress') and d.due_at < ${now}
      and d.report_created_at >= ${q.period.start.toISOString()}::timestamptz and d.report_created_at < ${q.period.end.toISOString()}::timestamptz
      and ${own} ${agency}
      and ${reportWhere(q.scope, q.period, { ...q.filters, agency: undefined })}
    order by d.due_at asc, r.tracking_code limit ${limit}`,
  )
  return {
    total: rows.length ? Number(rows[0]!.total) : 0,
    rows: rows.map((r) => {
      const dueAt = new Date(r.due_at as string)
      return {
        trackingCode: String(r.tracking_code),
        title: r.secret === true || r.secret === 't' ? HIDDEN_TITLE : ((r.title as string | null) ?? null),
        agency: String(r.short_name),
        district: (r.district as string | null) ?? null,
        dueAt,
        daysOverdue: Math.floor((q.now.getTime() - dueAt.getTime()) / 86_400_000),
      }
    }),
  }
}

async function figures(db: Db, q: Query, month: string): Promise<MonthFigures> {
  // Sequential: PGlite serves one query at a time (as loadDashboard does).
  const summary = await summaryQuery(db, q)
  const trend = await trendQuery(db, q)
  const scoreboard = await scoreboardQuery(db, q)
  const satisfaction = await satisfactionQuery(db, q)
  return { month, summary, slaCompliance: overallCompliance(scoreboard), trend, scoreboard, satisfaction }
}

const label = (names: Map<string, string>, fallback: string) => (c: { key: string | null; count: number }) => ({
  key: c.key,
  label: c.key === null ? fallback : (names.get(c.key) ?? c.key),
  count: c.count,
})

/** Everything one card shows. The agency, when given, must belong to the scope's tenant (checked by the caller). */
export async function assembleCard(db: Db, input: CardInput, channelLabel: (k: string) => string): Promise<CardData> {
  const { scope, month, now } = input
  const agencyId = input.agencyId ?? null
  const [t] = await db.select({ id: tenants.id, name: tenants.name, timeZone: tenants.timeZone }).from(tenants).where(eq(tenants.id, scope.tenantId))
  if (!t) throw new Error('tenant not found')
  let agency: CardData['agency'] = null
  if (agencyId) {
    const [a] = await db
      .select({ id: agencies.id, name: agencies.name, shortName: agencies.shortName })
      .from(agencies)
      .where(and(eq(agencies.tenantId, scope.tenantId), eq(agencies.id, agencyId)))
    if (!a) throw new Error('agency not found')
    agency = a
  }
  const q = await monthQuery(db, scope, month, agencyId, now)
  const prevMonth = previousMonth(month)
  const current = await figures(db, q, month)
  const previous = await figures(db, await monthQuery(db, scope, prevMonth, agencyId, now), prevMonth)
  const b = await breakdownQuery(db, q)
  const opts = await dashboardOptions(db, scope)
  const categoryNames = new Map(opts.categories.map((c) => [c.id, c.name]))
  const districtNames = new Map(opts.districts.map((d) => [d.code, d.name]))
  // Every kecamatan appears (zero when no report), then "unknown" for reports without one.
  const byDistrict = new Map(b.district.map((d) => [d.key, d.count]))
  const districts: Labelled[] = opts.districts.map((d) => ({ key: d.code, label: d.name, count: byDistrict.get(d.code) ?? 0 }))
  for (const d of b.district) if (d.key === null || !districtNames.has(d.key)) districts.push(label(districtNames, 'Tidak diketahui')(d))
  districts.sort((x, y) => y.count - x.count || x.label.localeCompare(y.label))
  const fc = await boundariesOf(db, scope.tenantId)
  return {
    tenant: t,
    agency,
    scoped: scope.agencyIds !== null,
    generatedAt: now,
    current,
    previous,
    channels: b.channel.map((c) => ({ key: c.key, label: c.key ? channelLabel(c.key) : 'Tidak diketahui', count: c.count })),
    categories: b.category.map(label(categoryNames, 'Tanpa kategori')),
    districts,
    boundaries: fc.features.length ? fc : null,
    overdue: await overdueQuery(db, q),
  }
}
