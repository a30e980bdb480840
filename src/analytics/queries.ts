// The dashboard's figures, one function per panel, each a single SQL statement over the filtered
// reports (see scope.ts). Reused by the monthly report card (issue 8): call them with a period of
// one month. Timings on 1,000,000 reports are in bench/dashboard/README.md.
import { sql, type SQL } from 'drizzle-orm'
import type { Db } from '../db/connect.ts'
import { bucketOf, bucketsOf, type Period } from './period.ts'
import { exactMedians, histogramApplies } from './medians.ts'
import { agencySource } from './agency-rollup.ts'
import { scoreboardFromFacts, summaryFromFacts } from './agency-facts.ts'
import { scoreboardFromDims } from './agency-dims.ts'
import { rollupSource, type Dim } from './rollup.ts'
import { scoreboardFromRollup } from './scoreboard.ts'
import {
  filterDispositionSql,
  reportFilterWhere,
  reportWhere,
  rowsOf,
  rowsWithoutJit,
  scopeDispositionSql,
  uuidList,
  type DashboardFilters,
  type DashboardScope,
} from './scope.ts'

export interface Query {
  scope: DashboardScope
  period: Period
  filters: DashboardFilters
  now: Date
}

/** Statuses in which the current deadline still runs (needs_info pauses the clock). */
export const OPEN_STATUSES = ['received', 'dispatched', 'in_progress', 'returned', 'reopened'] as const
const openList = sql.join(
  OPEN_STATUSES.map((s) => sql`${s}`),
  sql`, `,
)

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v))
const numOrNull = (v: unknown): number | null =>
  v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10
const hours = (a: string, b: string) => sql.raw(`extract(epoch from (${a} - ${b})) / 3600.0`)

export interface Summary {
  received: number
  verified: number
  answered: number
  closed: number
  archived: number
  emergency: number
  overdueOpen: number
  medianFirstResponseHours: number | null
  medianCompletionHours: number | null
}

export async function summaryQuery(db: Db, q: Query): Promise<Summary> {
  const where = reportWhere(q.scope, q.period, q.filters)
  const overdue = sql`count(*) filter (where r.status::text in (${openList}) and r.due_at < ${q.now.toISOString()}::timestamptz)`
  const medians = sql`percentile_cont(0.5) within group (order by ${hours('r.first_response_at', 'r.created_at')}) as median_first_response,
      percentile_cont(0.5) within group (order by ${hours('coalesce(r.closed_at, r.answered_at)', 'r.created_at')}) as median_completion`
  // One agency's reports (agency filter, or an agency user with one agency): the (report, agency)
  // pairs of migration 0017, one index-only scan (agency-facts.ts).
  let row: Record<string, unknown> | undefined | null = await summaryFromFacts(db, q)
  const src = row ? null : rollupSource(q, ['status'])
  if (src) {
    // Counts from the rollup; what depends on `now` or needs every value (overdue, medians) from the reports.
    // A few hundred rollup rows: no parallel workers (after 0019's recount the planner chose them, and
    // starting them took longer than the query).
    const [c] = await rowsWithoutJit<Record<string, unknown>>(
      db,
      sql`select sum(s.received) as received, sum(s.verified) as verified, sum(s.answered) as answered,
        sum(s.received) filter (where s.status = 'closed') as closed, sum(s.received) filter (where s.status = 'archived') as archived,
        sum(s.emergency) as emergency
      from ${src} s`,
    )
    const exact = histogramApplies(q) ? await exactMedians(db, q) : undefined
    if (exact) {
      // Overdue from the open reports only (partial index reports_open_due_idx, migration 0009).
      const [o] = await rowsOf<Record<string, unknown>>(
        db,
        sql`select count(*) as overdue_open from reports r where ${where}
          and r.status in (${sql.raw(OPEN_STATUSES.map((x) => `'${x}'`).join(', '))}) and r.due_at < ${q.now.toISOString()}::timestamptz`,
      )
      row = { ...c, ...o, median_first_response: exact.first, median_completion: exact.done }
    } else {
      const [m] = await rowsOf<Record<string, unknown>>(
        db,
        sql`select ${overdue} as overdue_open, ${medians} from reports r where ${where}`,
      )
      row = { ...c, ...m }
    }
  } else if (!row) {
    ;[row] = await rowsOf<Record<string, unknown>>(
      db,
      sql`select count(*) as received,
        count(r.verified_at) as verified,
        count(*) filter (where r.answered_at is not null or r.status in ('answered', 'closed')) as answered,
        count(*) filter (where r.status = 'closed') as closed,
        count(*) filter (where r.status = 'archived') as archived,
        count(*) filter (where r.is_emergency) as emergency,
        ${overdue} as overdue_open, ${medians}
      from reports r where ${where}`,
    )
  }
  return {
    received: num(row?.received),
    verified: num(row?.verified),
    answered: num(row?.answered),
    closed: num(row?.closed),
    archived: num(row?.archived),
    emergency: num(row?.emergency),
    overdueOpen: num(row?.overdue_open),
    medianFirstResponseHours: numOrNull(row?.median_first_response),
    medianCompletionHours: numOrNull(row?.median_completion),
  }
}

export interface TrendPoint {
  /** First local day of the bucket (YYYY-MM-DD). */
  bucket: string
  received: number
  answered: number
}

export async function trendQuery(db: Db, q: Query): Promise<TrendPoint[]> {
  const by = new Map<string, { received: number; answered: number }>()
  const add = (bucket: string, received: unknown, answered: unknown) => {
    const e = by.get(bucket) ?? { received: 0, answered: 0 }
    e.received += num(received)
    e.answered += num(answered)
    by.set(bucket, e)
  }
  // Local days (or whole months, for a monthly trend) from the rollup, put in buckets here.
  const months = { months: q.period.granularity === 'month' }
  const src = rollupSource(q, [], months) ?? agencySource(q, [], months)
  if (src) {
    const rows = await rowsOf<{ day: string; received: unknown; answered: unknown }>(
      db,
      sql`select to_char(s.day, 'YYYY-MM-DD') as day, sum(s.received) as received, sum(s.answered) as answered
      from ${src} s group by s.day`,
    )
    for (const r of rows) add(bucketOf(r.day, q.period.granularity), r.received, r.answered)
  } else {
    const g = sql.raw(`'${q.period.granularity}'`)
    const local = sql`(r.created_at at time zone 'UTC') + make_interval(mins => ${q.period.offsetMinutes}::int)`
    const rows = await rowsOf<{ bucket: string; received: unknown; answered: unknown }>(
      db,
      sql`select to_char(date_trunc(${g}, ${local}), 'YYYY-MM-DD') as bucket, count(*) as received,
        count(*) filter (where r.answered_at is not null or r.status in ('answered', 'closed')) as answered
      from reports r where ${reportWhere(q.scope, q.period, q.filters)} group by 1`,
    )
    for (const r of rows) add(r.bucket, r.received, r.answered)
  }
  return bucketsOf(q.period).map((bucket) => ({
    bucket,
    received: by.get(bucket)?.received ?? 0,
    answered: by.get(bucket)?.answered ?? 0,
  }))
}

export interface Count {
  key: string | null
  count: number
}
export interface Breakdowns {
  channel: Count[]
  kind: Count[]
  status: Count[]
  category: Count[]
  district: Count[]
}

/** Counts by channel, kind, status, category and kecamatan in one scan (grouping sets). */
export async function breakdownQuery(db: Db, q: Query): Promise<Breakdowns> {
  const dims: [Dim, string][] = [
    ['channel', 'channel_type'],
    ['kind', 'kind'],
    ['status', 'status'],
    ['category', 'category_id'],
    ['district', 'district_code'],
  ]
  const sources = dims.map(([d]) => rollupSource(q, [d]) ?? agencySource(q, [d]))
  const fromRollup = sources.every((x) => x !== null)
  // From the rollup: few rows, no parallel workers (see summaryQuery).
  const rows = await (fromRollup ? rowsWithoutJit : rowsOf)<{ dim: string; key: string | null; n: unknown }>(
    db,
    fromRollup
      ? // From the rollup: each dimension from the rows of its own grouping set.
        sql.join(
          dims.map(([d, col], i) => {
            const c = sql.raw(`s.${col}`)
            return sql`(select ${d}::text as dim, ${c}::text as key, sum(s.received) as n from ${sources[i]!} s group by ${c} having sum(s.received) <> 0)`
          }),
          sql` union all `,
        )
      : sql`select case when grouping(r.channel_type) = 0 then 'channel' when grouping(r.kind) = 0 then 'kind'
          when grouping(r.status) = 0 then 'status' when grouping(r.category_id) = 0 then 'category' else 'district' end as dim,
        coalesce(r.channel_type::text, r.kind::text, r.status::text, r.category_id::text, r.district_code) as key,
        count(*) as n
      from reports r where ${reportWhere(q.scope, q.period, q.filters)}
      group by grouping sets ((r.channel_type), (r.kind), (r.status), (r.category_id), (r.district_code))`,
  )
  const out: Breakdowns = { channel: [], kind: [], status: [], category: [], district: [] }
  for (const r of rows) out[r.dim as keyof Breakdowns].push({ key: r.key, count: num(r.n) })
  for (const list of Object.values(out))
    (list as Count[]).sort((a, b) => b.count - a.count || String(a.key).localeCompare(String(b.key)))
  return out
}

export interface ScoreRow {
  agencyId: string
  name: string
  shortName: string
  /** Reports (in the period and filters) with a disposition to the agency. */
  reports: number
  dispositions: number
  answered: number
  answeredOnTime: number
  returned: number
  overdueOpen: number
  /** answeredOnTime / (answered + overdueOpen), in percent; null when nothing is due yet. */
  slaCompliance: number | null
  /** Disposition to the agency accepting it (diterima), median hours. */
  medianFirstResponseHours: number | null
  /** Disposition to the agency's follow-up (dijawab), median hours. */
  medianCompletionHours: number | null
}

/** The agency scoreboard (rapor OPD): dispositions of the filtered reports, per agency. */
export async function scoreboardQuery(db: Db, q: Query): Promise<ScoreRow[]> {
  const onlyOwn =
    q.scope.agencyIds === null
      ? sql`true`
      : q.scope.agencyIds.length
        ? sql`d.agency_id in (${uuidList(q.scope.agencyIds)})`
        : sql`false`
  const now = sql`${q.now.toISOString()}::timestamptz`
  // Dispositions of the reports received in the period are one range scan on report_created_at
  // (copied from the report by a trigger, migration 0006). Filters on the report's own columns,
  // and an agency user's scope, add a semi-join with the filtered reports.
  const f = q.filters
  const byReport = q.scope.agencyIds !== null || !!(f.channel || f.kind || f.category || f.district)
  // From the rollup (migration 0013, scoreboard.ts) where it can answer: the same rows.
  const rows =
    (await scoreboardFromRollup(db, q, hours)) ??
    (await scoreboardFromDims(db, q)) ??
    (await scoreboardFromFacts(db, q)) ??
    (await rowsOf<Record<string, unknown>>(
      db,
      sql`with s as (select d.agency_id,
      count(distinct d.report_id) as reports, count(*) as dispositions,
      count(*) filter (where d.status = 'answered') as answered,
      count(*) filter (where d.status = 'answered' and (d.due_at is null or d.completed_at <= d.due_at)) as on_time,
      count(*) filter (where d.status = 'returned') as returned,
      count(*) filter (where d.status in ('pending', 'in_progress') and d.due_at < ${now}) as overdue_open,
      percentile_cont(0.5) within group (order by ${hours('d.accepted_at', 'd.created_at')}) as median_first,
      percentile_cont(0.5) within group (order by ${hours('d.completed_at', 'd.created_at')}) filter (where d.status = 'answered') as median_done
    from dispositions d
    where d.tenant_id = ${q.scope.tenantId}::uuid
      and d.report_created_at >= ${q.period.start.toISOString()}::timestamptz and d.report_created_at < ${q.period.end.toISOString()}::timestamptz
      and d.status <> 'cancelled' and ${onlyOwn} ${f.agency ? sql`and d.agency_id = ${f.agency}::uuid` : sql``}
      ${byReport ? sql`and d.report_id in (select r.id from reports r where ${reportWhere(q.scope, q.period, { ...f, agency: undefined })})` : sql``}
    group by d.agency_id)
    select s.*, a.name, a.short_name from s join agencies a on a.tenant_id = ${q.scope.tenantId}::uuid and a.id = s.agency_id`,
    ))
  return rows
    .map((r) => {
      const answered = num(r.answered)
      const onTime = num(r.on_time)
      const overdue = num(r.overdue_open)
      const due = answered + overdue
      return {
        agencyId: String(r.agency_id),
        name: String(r.name),
        shortName: String(r.short_name),
        reports: num(r.reports),
        dispositions: num(r.dispositions),
        answered,
        answeredOnTime: onTime,
        returned: num(r.returned),
        overdueOpen: overdue,
        slaCompliance: due === 0 ? null : Math.round((onTime / due) * 1000) / 10,
        medianFirstResponseHours: numOrNull(r.median_first),
        medianCompletionHours: numOrNull(r.median_done),
      }
    })
    .sort((a, b) => b.reports - a.reports || a.name.localeCompare(b.name))
}

/** The condition on a disposition `alias` that puts its report under the agency filter or in the agency scope, or null. */
function agencyDriver(q: Query, alias: string): SQL | null {
  const agency = q.filters.agency
  if (agency) return filterDispositionSql(q.scope.tenantId, agency, q.period, alias)
  if (q.scope.agencyIds?.length === 0) return null
  return scopeDispositionSql(q.scope, q.period, alias)
}

/** Texts of the most recent filtered reports (title and body), for trending topics. */
export async function recentTextsQuery(db: Db, q: Query, limit: number): Promise<string[]> {
  // With an agency filter or an agency user's scope: walk that agency's dispositions newest first
  // (dispositions_agency_report_idx) and stop at `limit` reports, rather than a semi-join over every
  // disposition of the period.
  const agency = q.filters.agency
  const driver = (alias: string) => agencyDriver(q, alias)
  if (driver('d') === null) {
    const rows = await rowsOf<{ t: string }>(
      db,
      sql`select coalesce(r.title, '') || ' ' || r.body as t from reports r
      where ${reportWhere(q.scope, q.period, q.filters)} order by r.created_at desc limit ${limit}`,
    )
    return rows.map((r) => r.t)
  }
  // Each report once: a report with two qualifying dispositions comes twice, so read a few more
  // rows than needed and drop repeats (again with more rows in the rare case that is not enough).
  // The driver already bounds the period (report_created_at is the report's created_at): repeating
  // it on the reports made the planner multiply the two selectivities, expect fewer rows than the
  // limit and hash-join every report of the period (previous 30 days of one agency: 0.4-1.9 s).
  const rest =
    agency && q.scope.agencyIds !== null
      ? reportWhere(q.scope, q.period, { ...q.filters, agency: undefined })
      : reportFilterWhere(q.scope.tenantId, q.filters)
  for (let extra = 50; ; extra *= 4) {
    const rows = await rowsWithoutJit<{ id: string; t: string }>(
      db,
      sql`select r.id, coalesce(r.title, '') || ' ' || r.body as t from dispositions d
        join reports r on r.tenant_id = d.tenant_id and r.id = d.report_id
        where ${driver('d')} and ${rest}
        order by d.report_created_at desc, d.report_id desc limit ${limit + extra}`,
    )
    const seen = new Set<string>()
    const out: string[] = []
    for (const r of rows) {
      if (seen.has(r.id)) continue
      seen.add(r.id)
      if (out.length < limit) out.push(r.t)
    }
    if (out.length === limit || rows.length < limit + extra) return out
  }
}

export interface ExportRow {
  trackingCode: string
  createdAt: Date
  status: string
  kind: string
  channelType: string
  category: string | null
  district: string | null
  agencies: string | null
  title: string | null
  dueAt: Date | null
  answeredAt: Date | null
}

/** The filtered report list for export, newest first, at most `limit` rows. No reporter identity. */
export async function reportRowsQuery(db: Db, q: Query, limit: number): Promise<ExportRow[]> {
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`select r.tracking_code, r.created_at, r.status, r.kind, r.channel_type, c.name as category, g.name as district,
      (select string_agg(a.short_name, ', ' order by a.short_name) from dispositions d
        join agencies a on a.tenant_id = d.tenant_id and a.id = d.agency_id
        where d.tenant_id = r.tenant_id and d.report_id = r.id and d.status <> 'cancelled') as agencies,
      r.title, r.due_at, r.answered_at
    from reports r
    left join categories c on c.tenant_id = r.tenant_id and c.id = r.category_id
    left join regions g on g.tenant_id = r.tenant_id and g.code = r.district_code
    where ${reportWhere(q.scope, q.period, q.filters)}
    order by r.created_at desc, r.id desc limit ${limit}`,
  )
  const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string))
  return rows.map((r) => ({
    trackingCode: String(r.tracking_code),
    createdAt: date(r.created_at)!,
    status: String(r.status),
    kind: String(r.kind),
    channelType: String(r.channel_type),
    category: (r.category as string | null) ?? null,
    district: (r.district as string | null) ?? null,
    agencies: (r.agencies as string | null) ?? null,
    title: (r.title as string | null) ?? null,
    dueAt: date(r.due_at),
    answeredAt: date(r.answered_at),
  }))
}
