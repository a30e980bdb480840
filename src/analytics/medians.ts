// Exact medians (as percentile_cont(0.5) computes them) without sorting every report of a long
// period: the hours histogram of the rollup (report_hours_hist + pending report_hours_delta,
// migration 0009) says which 5 %-wide bucket holds the middle rank(s); an expression index then
// reads only that bucket's values in the period. With one report filter (kecamatan, category,
// channel or kind) or channel + kind the histogram is the per-dimension one of migration 0019: month rows
// (report_hours_dim_hist) plus the pending deltas of those months, and the days around the whole
// months counted from the reports, in one statement. summaryQuery sorts the reports otherwise.
import { sql, type SQL } from 'drizzle-orm'
import type { Db } from '../db/connect.ts'
import { addDays, grainRanges, localMidnight } from './period.ts'
import { rollupApplies } from './rollup.ts'
import { rowsWithoutJit, type DashboardFilters } from './scope.ts'
import type { Query } from './queries.ts'

export type HoursMetric = 'first' | 'done'

/** The value each median orders by, exactly as the raw summary writes it (the indexes use it too). */
const VALUE: Record<HoursMetric, { hours: string; present: string }> = {
  first: { hours: 'extract(epoch from (r.first_response_at - r.created_at)) / 3600.0', present: 'r.first_response_at is not null' },
  done: {
    hours: 'extract(epoch from (coalesce(r.closed_at, r.answered_at) - r.created_at)) / 3600.0',
    present: 'coalesce(r.closed_at, r.answered_at) is not null',
  },
}

type Dimension = 'district' | 'category' | 'channel' | 'kind' | 'channel_kind'

/** The reports of one dimension value, as migration 0019 keys it (text; channel_kind 'channel/kind'). */
function dimWhere(dim: Dimension, key: string): SQL {
  switch (dim) {
    case 'district':
      return sql`r.district_code = ${key}`
    case 'category':
      return sql`r.category_id = ${key}::uuid`
    case 'channel':
      return sql`r.channel_type::text = ${key}`
    case 'kind':
      return sql`r.kind::text = ${key}`
    case 'channel_kind': {
      const [channel, kind] = key.split('/')
      return sql`r.channel_type::text = ${channel} and r.kind::text = ${kind}`
    }
  }
}

/** The one report filter (or channel + kind), null for none, undefined for another combination. */
function dimensionOf(f: DashboardFilters): { dim: Dimension; key: string } | null | undefined {
  const set = (['district', 'category', 'channel', 'kind'] as const).filter((d) => f[d])
  if (set.length === 2 && f.channel && f.kind) return { dim: 'channel_kind', key: `${f.channel}/${f.kind}` }
  if (set.length > 1) return undefined
  const dim = set[0]
  return dim ? { dim, key: String(f[dim]) } : null
}

/** Whether the histograms can give this query's medians: the rollup applies, at most one report filter or channel + kind (then a whole month in the period). */
export function histogramApplies(q: Query): boolean {
  if (!rollupApplies(q) || q.filters.agency) return false
  const d = dimensionOf(q.filters)
  if (d === undefined) return false
  // A filter's histogram has month rows only: a period without a whole month would count every
  // report from the reports and then read the middle bucket, slower than sorting them once.
  return d === null || grainRanges(q.period.from, q.period.to).some(([grain]) => grain === 'month')
}

const METRICS: HoursMetric[] = ['first', 'done']

/** Both metrics' histograms in one statement: rows (metric, bucket, n), non-empty buckets. */
function histogramSql(q: Query): SQL {
  const d = dimensionOf(q.filters)
  const branches = d ? dimensionBranches(q, d.dim, d.key) : wholeBranches(q)
  return sql`select x.metric, x.bucket, sum(x.n) as n from (${sql.join(branches, sql` union all `)}) x
    group by x.metric, x.bucket having sum(x.n) <> 0 order by x.metric, x.bucket`
}

/**
 * report_hours_bucket (0009) of a numeric column in float8: the SQL function is not inlined for
 * an expression argument and its numeric ln costs microseconds a row; within 1e-6 of a bucket
 * edge (float8 is off by far less) the exact function decides, so both always agree (tested).
 */
function fastBucket(c: string): SQL {
  const x = `ln(${c}::float8 + 1) * 20`
  return sql.raw(`(case when ${c} is null then null when ${c} < 0 then -1 when abs(${x} - round(${x})) < 1e-6
    then report_hours_bucket(${c}) else least(floor(${x}), 30000) end)::smallint`)
}

/** One dimension value: month rows and their pending deltas, the days around them from the reports. */
function dimensionBranches(q: Query, dim: Dimension, key: string): SQL[] {
  const { from, to, timeZone } = q.period
  const t = sql`${q.scope.tenantId}::uuid`
  const branches: SQL[] = []
  for (const [grain, a, b] of grainRanges(from, to)) {
    if (grain === 'month') {
      // One branch per metric, so each is a range of the key's index (metric is its second column).
      for (const m of METRICS) {
        branches.push(sql`select h.metric, h.bucket, h.n from report_hours_dim_hist h where h.tenant_id = ${t} and h.metric = ${m}
          and h.dim = ${dim} and h.key = ${key} and h.month >= ${a}::date and h.month <= ${b}::date`)
        branches.push(sql`select h.metric, h.bucket, h.n from report_hours_dim_delta h where h.tenant_id = ${t} and h.metric = ${m}
          and h.dim = ${dim} and h.key = ${key} and h.day >= ${a}::date and h.day <= ${b}::date`)
      }
    } else {
      const start = localMidnight(a, timeZone).toISOString()
      const end = localMidnight(addDays(b, 1), timeZone).toISOString()
      // Both metrics in one scan (grouping sets; a lateral VALUES per row was several times slower).
      branches.push(sql`select case when grouping(s.bf) = 0 then 'first' else 'done' end as metric, coalesce(s.bf, s.bd) as bucket,
          count(*) as n
        from (select ${fastBucket('x.f')} as bf, ${fastBucket('x.d')} as bd
          from (select ${sql.raw(VALUE.first.hours)} as f, ${sql.raw(VALUE.done.hours)} as d from reports r
            where r.tenant_id = ${t} and ${dimWhere(dim, key)}
              and r.created_at >= ${start}::timestamptz and r.created_at < ${end}::timestamptz offset 0) x) s
        group by grouping sets ((s.bf), (s.bd)) having coalesce(s.bf, s.bd) is not null`)
    }
  }
  return branches
}

function wholeBranches(q: Query): SQL[] {
  const { from, to } = q.period
  const t = sql`${q.scope.tenantId}::uuid`
  const branches = grainRanges(from, to).flatMap(([grain, a, b]) =>
    METRICS.map(
      (m) => sql`select h.metric, h.bucket, h.n from report_hours_hist h where h.tenant_id = ${t} and h.metric = ${m}
        and h.grain = ${grain} and h.day >= ${a}::date and h.day <= ${b}::date`,
    ),
  )
  branches.push(sql`select h.metric, h.bucket, h.n from report_hours_delta h where h.tenant_id = ${t}
    and h.day >= ${from}::date and h.day <= ${to}::date`)
  return branches
}

function dimFilter(q: Query): SQL {
  const d = dimensionOf(q.filters)
  return d ? sql`and ${dimWhere(d.dim, d.key)}` : sql``
}

/** A subquery: the values of one bucket in the period, ascending, from the `offset`-th, at most `limit`. */
function bucketValuesSql(q: Query, metric: HoursMetric, part: number, bucket: number, offset: number, limit: number): SQL {
  const v = VALUE[metric]
  return sql`(select ${metric}::text as metric, ${part}::int as part, (${sql.raw(v.hours)})::float8 as v from reports r
    where r.tenant_id = ${q.scope.tenantId}::uuid and ${sql.raw(v.present)} ${dimFilter(q)}
      and report_hours_bucket(${sql.raw(v.hours)}) = ${bucket}
      and r.created_at >= ${q.period.start.toISOString()}::timestamptz and r.created_at < ${q.period.end.toISOString()}::timestamptz
    order by 3 offset ${offset} limit ${limit})`
}

export type Histogram = { bucket: number; n: number }[]

/** The histograms the medians are found in: each metric's non-empty buckets of the period, ascending. */
export async function hoursHistograms(db: Db, q: Query): Promise<Record<HoursMetric, Histogram>> {
  const out: Record<HoursMetric, Histogram> = { first: [], done: [] }
  for (const r of await rowsWithoutJit<{ metric: HoursMetric; bucket: unknown; n: unknown }>(db, histogramSql(q))) {
    out[r.metric].push({ bucket: Number(r.bucket), n: Number(r.n) })
  }
  for (const m of METRICS) out[m].sort((a, b) => a.bucket - b.bucket)
  return out
}

/** Where percentile_cont(0.5) falls in an hours histogram, and which values to read for it. */
export interface MedianPlan {
  /** The median's 0-based rank over all values: lo = floor(pos), hi = ceil(pos). */
  pos: number
  lo: number
  hi: number
  /** Rank lo's bucket from its place in it (two values when hi is there too), then, when hi is not, the next bucket's smallest. */
  reads: { bucket: number; offset: number; limit: number }[]
}

/**
 * The plan for a histogram ordered by bucket: null when it holds no value, undefined when its counts
 * cannot hold the ranks (never expected: callers then sort). Shared by the summary's, the
 * scoreboard's and the scoreboard-by-dimension's medians.
 */
export function medianPlan(hist: readonly { bucket: number; n: number }[]): MedianPlan | null | undefined {
  const total = hist.reduce((s, h) => s + h.n, 0)
  if (total <= 0) return null
  const pos = 0.5 * (total - 1)
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  // The bucket holding rank `lo` and the rank's place in it.
  let i = 0
  let before = 0
  while (i < hist.length && before + hist[i]!.n <= lo) before += hist[i++]!.n
  if (i >= hist.length) return undefined
  const k = lo - before
  // The next rank is in the same bucket, or the smallest of the next one.
  const same = hi === lo || k + 1 < hist[i]!.n
  const reads = [{ bucket: hist[i]!.bucket, offset: k, limit: hi === lo ? 1 : same ? 2 : 1 }]
  if (!same) {
    if (!hist[i + 1]) return undefined
    reads.push({ bucket: hist[i + 1]!.bucket, offset: 0, limit: 1 })
  }
  return { pos, lo, hi, reads }
}

/** The median from the values the plan's reads returned, in read order; undefined when too few came. */
export function medianOf(p: Pick<MedianPlan, 'pos' | 'lo' | 'hi'>, values: readonly number[]): number | undefined {
  const need = p.hi === p.lo ? 1 : 2
  if (values.length < need) return undefined
  const v0 = values[0]!
  return need === 1 ? v0 : v0 + (values[1]! - v0) * (p.pos - p.lo)
}

/**
 * percentile_cont(0.5) of both metrics over the period's reports (null when there is none), or
 * undefined when the histograms and the reports disagree (never expected: the caller then sorts).
 * Two statements: the histograms, then the middle value(s) of each metric's bucket(s).
 */
export async function exactMedians(db: Db, q: Query): Promise<Record<HoursMetric, number | null> | undefined> {
  const hists = await hoursHistograms(db, q)
  const parts: SQL[] = []
  const plans = new Map<HoursMetric, MedianPlan>()
  for (const metric of METRICS) {
    const plan = medianPlan(hists[metric])
    if (plan === undefined) return undefined
    if (plan === null) continue
    plans.set(metric, plan)
    plan.reads.forEach((r, part) => parts.push(bucketValuesSql(q, metric, part, r.bucket, r.offset, r.limit)))
  }
  const values = new Map<HoursMetric, number[]>()
  if (parts.length > 0) {
    const rows = await rowsWithoutJit<{ metric: HoursMetric; part: unknown; v: unknown }>(db, sql.join(parts, sql` union all `))
    rows.sort((a, b) => Number(a.part) - Number(b.part) || Number(a.v) - Number(b.v))
    for (const r of rows) values.set(r.metric, [...(values.get(r.metric) ?? []), Number(r.v)])
  }
  const out: Record<HoursMetric, number | null> = { first: null, done: null }
  for (const [metric, plan] of plans) {
    const v = values.get(metric) ?? []
    const median = v.length === (plan.hi === plan.lo ? 1 : 2) ? medianOf(plan, v) : undefined
    if (median === undefined) return undefined
    out[metric] = median
  }
  return out
}

/** One metric's median (exactMedians; tests). */
export async function exactMedian(db: Db, q: Query, metric: HoursMetric): Promise<number | null | undefined> {
  return (await exactMedians(db, q))?.[metric]
}
