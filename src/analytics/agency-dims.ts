// The scoreboard (rapor OPD) with a channel alone or a kind alone, for the whole tenant, from the
// rollup of the (report, agency) pairs per local month x dimension value x agency (migration 0022:
// report_agency_dim_stats + pending report_agency_dim_delta, kept by triggers on
// report_agency_facts). The pairs scan it replaces (agency-facts.ts) read every pair of the period
// and sorted each agency's values for the medians (kind alone over 12 months on 1,000,000
// reports: ~200 ms). Here:
// 1. one statement: the counts and hours histograms of the whole months (month rows and their
//    pending deltas), the days around them counted from the pairs (agency ranges of 0020's channel
//    index, as agency-facts.ts reads them), and the overdue open pairs (0022's partial index; this
//    depends on `now`);
// 2. one statement: per agency and metric, only the value(s) at the middle rank(s), from the
//    middle bucket through 0022's band indexes (and the few pairs with several values).
// The medians are then what percentile_cont(0.5) computes over the same values (exact; the tests
// compare with the raw query). Used when the period holds a whole month; undefined (the caller
// falls back to the pairs scan) if the histogram and the pairs ever disagree.
import { sql, type SQL } from 'drizzle-orm'
import type { Db } from '../db/connect.ts'
import { addDays, grainRanges, localMidnight } from './period.ts'
import { medianOf, medianPlan } from './medians.ts'
import { rollupApplies } from './rollup.ts'
import { rowsWithoutJit } from './scope.ts'
import type { Query } from './queries.ts'

type Metric = 'first' | 'done'

/** The one dimension filtered (channel alone or kind alone), else null. */
function dimensionOf(q: Query): { dim: 'channel' | 'kind'; key: string } | null {
  const f = q.filters
  if (f.agency || f.district || f.category) return null
  if (f.channel && !f.kind) return { dim: 'channel', key: f.channel }
  if (f.kind && !f.channel) return { dim: 'kind', key: f.kind }
  return null
}

/** Whether this rollup answers the query's scoreboard: the whole tenant, a channel or a kind alone, a whole month in the period. */
export function scoreboardDimsApply(q: Query): boolean {
  if (q.scope.agencyIds !== null || !dimensionOf(q)) return false
  // Switched on (useRollup) and one UTC offset over the period (local months); asked without the filter it refuses.
  if (!rollupApplies({ ...q, filters: {} })) return false
  return grainRanges(q.period.from, q.period.to).some(([grain]) => grain === 'month')
}

/** The pairs' condition for the dimension, and the one that makes each agency's pairs index ranges of the channel index. */
function dimWhere(dim: 'channel' | 'kind', key: string): SQL {
  return dim === 'channel'
    ? sql`f.channel_type = ${key} and f.kind = any(array(select k::text from unnest(enum_range(null::report_kind)) k))`
    : sql`f.kind = ${key} and f.channel_type = any(array(select c::text from unnest(enum_range(null::channel_type)) c))`
}

function dimOnly(dim: 'channel' | 'kind', key: string, alias: string): SQL {
  return sql`${sql.raw(`${alias}.${dim === 'channel' ? 'channel_type' : 'kind'}`)} = ${key}`
}

const COLS = sql`agency_id, metric, bucket, reports, dispositions, answered, on_time, returned, n`

/** Whole months of the rollup: month rows and their pending deltas (`only`: a one-time condition). */
function monthBranches(t: SQL, dim: string, key: string, a: string, b: string, only: SQL = sql`true`): SQL[] {
  return [
    sql`select ${COLS} from report_agency_dim_stats s where s.tenant_id = ${t} and s.dim = ${dim}
      and s.key = ${key} and s.month >= ${a}::date and s.month <= ${b}::date and ${only}`,
    sql`select ${COLS} from report_agency_dim_delta s where s.tenant_id = ${t} and s.dim = ${dim}
      and s.key = ${key} and s.day >= ${a}::date and s.day <= ${b}::date and ${only}`,
  ]
}

/** Days [a, b] counted from the pairs: each agency's ranges, counts and the buckets of the single values, then the arrays. */
function dayBranches(q: Query, t: SQL, dim: 'channel' | 'kind', key: string, a: string, b: string, only: SQL = sql`true`): SQL[] {
  const ea = sql`${localMidnight(a, q.period.timeZone).toISOString()}::timestamptz`
  const eb = sql`${localMidnight(addDays(b, 1), q.period.timeZone).toISOString()}::timestamptz`
  const whole = sql`grouping(g.bf) + grouping(g.bd) = 2`
  return [
    sql`select a.id as agency_id, x.metric, x.bucket, x.reports, x.dispositions, x.answered, x.on_time, x.returned, x.n
      from agencies a cross join lateral (
        select case when grouping(g.bf) = 0 then 'first' when grouping(g.bd) = 0 then 'done' else 'count' end as metric,
          coalesce(g.bf, g.bd, 0::smallint) as bucket,
          (case when ${whole} then count(*) else 0 end)::int as reports,
          (case when ${whole} then sum(g.n) else 0 end)::int as dispositions,
          (case when ${whole} then sum(g.n_answered) else 0 end)::int as answered,
          (case when ${whole} then sum(g.n_on_time) else 0 end)::int as on_time,
          (case when ${whole} then sum(g.n_returned) else 0 end)::int as returned,
          (case when ${whole} then 0 else count(*) end)::int as n
        from (select agency_hours_bucket(f.first1) as bf, agency_hours_bucket(f.done1) as bd, f.n, f.n_answered, f.n_on_time, f.n_returned
          from report_agency_facts f where f.tenant_id = ${t} and f.agency_id = a.id and ${dimWhere(dim, key)}
            and f.created_at >= ${ea} and f.created_at < ${eb} offset 0) g
        group by grouping sets ((), (g.bf), (g.bd))
        having ${whole} or coalesce(g.bf, g.bd) is not null
      ) x where a.tenant_id = ${t} and ${only}`,
    sql`select f.agency_id, m.metric, agency_hours_bucket(u), 0, 0, 0, 0, 0, 1
      from report_agency_facts f cross join lateral (values ('first', f.first_extra), ('done', f.done_extra)) m(metric, vs)
        cross join lateral unnest(m.vs) u
      where f.tenant_id = ${t} and ${dimOnly(dim, key, 'f')} and f.created_at >= ${ea} and f.created_at < ${eb}
        and (f.open_extra <> '{}' or f.first_extra <> '{}' or f.done_extra <> '{}') and ${only}`,
  ]
}

function firstStatement(q: Query, dim: 'channel' | 'kind', key: string): SQL {
  const t = sql`${q.scope.tenantId}::uuid`
  const now = sql`${q.now.toISOString()}::timestamptz`
  const start = sql`${q.period.start.toISOString()}::timestamptz`
  const end = sql`${q.period.end.toISOString()}::timestamptz`
  const branches: SQL[] = []
  let tail = sql``
  for (const [grain, a, b] of grainRanges(q.period.from, q.period.to)) {
    if (grain === 'month') branches.push(...monthBranches(t, dim, key, a, b))
    else if (a.endsWith('-01')) {
      // The month the period ends in (the dashboard's usual "up to today"): when no pair of the
      // tenant was created after the period in that month, its month row is exactly these days;
      // otherwise the days are counted from the pairs. A one-time condition picks the branch.
      const monthEnd = `${addDays(`${a.slice(0, 7)}-28`, 7).slice(0, 7)}-01`
      tail = sql`with tail as materialized (select not exists (select 1 from agencies a2 where a2.tenant_id = ${t}
        and exists (select 1 from report_agency_facts f where f.tenant_id = ${t} and f.agency_id = a2.id
          and f.created_at >= ${end} and f.created_at < ${localMidnight(monthEnd, q.period.timeZone).toISOString()}::timestamptz)) as empty) `
      branches.push(...monthBranches(t, dim, key, a, addDays(monthEnd, -1), sql`(select empty from tail)`))
      branches.push(...dayBranches(q, t, dim, key, a, b, sql`not (select empty from tail)`))
    } else branches.push(...dayBranches(q, t, dim, key, a, b))
  }
  // Overdue open pairs of the period (the first deadline, and the rest of a pair's).
  branches.push(sql`select f.agency_id, 'overdue', 0::smallint, count(*)::int, 0, 0, 0, 0, 0 from report_agency_facts f
    where f.tenant_id = ${t} and f.open_due1 is not null and f.created_at >= ${start} and f.created_at < ${end}
      and ${dimOnly(dim, key, 'f')} and f.open_due1 < ${now} group by f.agency_id`)
  branches.push(sql`select f.agency_id, 'overdue', 0::smallint, count(*)::int, 0, 0, 0, 0, 0 from report_agency_facts f
      cross join lateral unnest(f.open_extra) u
    where f.tenant_id = ${t} and f.created_at >= ${start} and f.created_at < ${end} and ${dimOnly(dim, key, 'f')}
      and (f.open_extra <> '{}' or f.first_extra <> '{}' or f.done_extra <> '{}') and u < ${now} group by f.agency_id`)
  return sql`${tail}select x.agency_id, x.metric, x.bucket, sum(x.reports) as reports, sum(x.dispositions) as dispositions,
      sum(x.answered) as answered, sum(x.on_time) as on_time, sum(x.returned) as returned, sum(x.n) as n
    from (${sql.join(branches, sql` union all `)}) x group by 1, 2, 3
    having sum(x.reports) <> 0 or sum(x.dispositions) <> 0 or sum(x.answered) <> 0 or sum(x.on_time) <> 0
      or sum(x.returned) <> 0 or sum(x.n) <> 0`
}

interface Read {
  agency: string
  metric: Metric
  part: number
  bucket: number
  offset: number
  limit: number
}

/** The values of one agency's bucket in the period (single values through the band index, and the arrays), ascending, from `offset`. */
function bandSql(q: Query, dim: 'channel' | 'kind', key: string, r: Read, i: number): SQL {
  const col = sql.raw(r.metric === 'first' ? 'first1' : 'done1')
  const arr = sql.raw(r.metric === 'first' ? 'first_extra' : 'done_extra')
  const t = sql`${q.scope.tenantId}::uuid`
  const period = sql`f.created_at >= ${q.period.start.toISOString()}::timestamptz and f.created_at < ${q.period.end.toISOString()}::timestamptz`
  return sql`(select ${i}::int as i, z.v from (
      select f.${col} as v from report_agency_facts f where f.tenant_id = ${t} and f.agency_id = ${r.agency}::uuid
        and agency_hours_bucket(f.${col}) = ${r.bucket} and f.${col} is not null and ${period} and ${dimOnly(dim, key, 'f')}
      union all
      select u from e cross join lateral unnest(e.${arr}) u where e.agency_id = ${r.agency}::uuid and agency_hours_bucket(u) = ${r.bucket}
    ) z order by z.v offset ${r.offset} limit ${r.limit})`
}

/**
 * The scoreboard's rows as the raw query returns them (agency_id, reports, dispositions, answered,
 * on_time, returned, overdue_open, median_first, median_done, name, short_name), null when this
 * rollup does not apply, undefined when the histogram and the pairs disagree (never expected).
 */
export async function scoreboardFromDims(db: Db, q: Query): Promise<Record<string, unknown>[] | null | undefined> {
  if (!scoreboardDimsApply(q)) return null
  const { dim, key } = dimensionOf(q)!
  const rows = await rowsWithoutJit<Record<string, unknown>>(db, firstStatement(q, dim, key))
  const agencies = new Map<string, Record<string, unknown>>()
  const hists = new Map<string, { bucket: number; n: number }[]>()
  for (const r of rows) {
    const a = String(r.agency_id)
    let o = agencies.get(a)
    if (!o) agencies.set(a, (o = { agency_id: a, reports: 0, dispositions: 0, answered: 0, on_time: 0, returned: 0, overdue_open: 0 }))
    if (r.metric === 'count') for (const c of ['reports', 'dispositions', 'answered', 'on_time', 'returned']) o[c] = Number(r[c])
    else if (r.metric === 'overdue') o.overdue_open = (o.overdue_open as number) + Number(r.reports)
    else {
      const k = `${a}|${r.metric}`
      hists.set(k, [...(hists.get(k) ?? []), { bucket: Number(r.bucket), n: Number(r.n) }])
    }
  }
  // The raw query's agencies: those with a pair in the period (overdue alone cannot be without one).
  for (const [a, o] of agencies) if (Number(o.reports) <= 0) agencies.delete(a)
  const reads: Read[] = []
  const plans: { agency: string; metric: Metric; pos: number; lo: number; hi: number; reads: number[] }[] = []
  for (const [k, h] of hists) {
    const [agency, metric] = k.split('|') as [string, Metric]
    if (!agencies.has(agency)) return undefined
    h.sort((x, y) => x.bucket - y.bucket)
    const plan = medianPlan(h)
    if (plan === undefined) return undefined
    if (plan === null) continue
    const ids = plan.reads.map((r, part) => reads.push({ agency, metric, part, ...r }) - 1)
    plans.push({ agency, metric, pos: plan.pos, lo: plan.lo, hi: plan.hi, reads: ids })
  }
  const got = reads.map(() => [] as number[])
  if (reads.length > 0) {
    const t = sql`${q.scope.tenantId}::uuid`
    const e = sql`with e as materialized (select f.agency_id, f.first_extra, f.done_extra from report_agency_facts f
      where f.tenant_id = ${t} and f.created_at >= ${q.period.start.toISOString()}::timestamptz
        and f.created_at < ${q.period.end.toISOString()}::timestamptz and ${dimOnly(dim, key, 'f')}
        and (f.open_extra <> '{}' or f.first_extra <> '{}' or f.done_extra <> '{}'))`
    const vals = await rowsWithoutJit<{ i: unknown; v: unknown }>(
      db,
      sql`${e} ${sql.join(
        reads.map((r, i) => bandSql(q, dim, key, r, i)),
        sql` union all `,
      )}`,
    )
    for (const v of vals) got[Number(v.i)]!.push(Number(v.v))
  }
  for (const a of agencies.values()) {
    a.median_first = null
    a.median_done = null
  }
  for (const p of plans) {
    const median = medianOf(p, p.reads.flatMap((i) => got[i]!.sort((x, y) => x - y)))
    if (median === undefined) return undefined
    agencies.get(p.agency)![p.metric === 'first' ? 'median_first' : 'median_done'] = median
  }
  if (agencies.size === 0) return []
  const names = await rowsWithoutJit<{ id: string; name: string; short_name: string }>(
    db,
    sql`select a.id, a.name, a.short_name from agencies a where a.tenant_id = ${q.scope.tenantId}::uuid`,
  )
  const out: Record<string, unknown>[] = []
  for (const n of names) {
    const a = agencies.get(String(n.id))
    if (a) out.push({ ...a, name: n.name, short_name: n.short_name })
  }
  // Pairs of an agency no longer listed are left out, as the raw query's join does.
  return out
}

/** Folds every pending delta into the month rows (the dashboard job). */
export async function compactAgencyDims(db: Db): Promise<number> {
  const [r] = await rowsWithoutJit<{ n: unknown }>(db, sql`select report_agency_dim_compact() as n`)
  return Number(r?.n ?? 0)
}

/** Recounts one tenant's rollup from its pairs (a repair; after a bulk load). */
export async function rebuildAgencyDims(db: Db, tenantId: string): Promise<void> {
  await db.execute(sql`select report_agency_dim_rebuild(${tenantId}::uuid)`)
}

/** One tenant's rollup as the reader sees it (month rows plus pending deltas per month), non-zero rows, sorted (tests). */
export async function agencyDimRows(db: Db, tenantId: string): Promise<Record<string, unknown>[]> {
  const t = sql`${tenantId}::uuid`
  return rowsWithoutJit<Record<string, unknown>>(
    db,
    sql`select x.month::text as month, x.dim, x.key, x.agency_id, x.metric, x.bucket, sum(x.reports)::int as reports,
        sum(x.dispositions)::int as dispositions, sum(x.answered)::int as answered, sum(x.on_time)::int as on_time,
        sum(x.returned)::int as returned, sum(x.n)::int as n
      from (select s.month, s.dim, s.key, s.agency_id, s.metric, s.bucket, s.reports, s.dispositions, s.answered, s.on_time, s.returned, s.n
          from report_agency_dim_stats s where s.tenant_id = ${t}
        union all
        select date_trunc('month', d.day)::date, d.dim, d.key, d.agency_id, d.metric, d.bucket, d.reports, d.dispositions, d.answered,
          d.on_time, d.returned, d.n from report_agency_dim_delta d where d.tenant_id = ${t}) x
      group by 1, 2, 3, 4, 5, 6
      having sum(x.reports) <> 0 or sum(x.dispositions) <> 0 or sum(x.answered) <> 0 or sum(x.on_time) <> 0
        or sum(x.returned) <> 0 or sum(x.n) <> 0
      order by 1, 2, 3, 4, 5, 6`,
  )
}
