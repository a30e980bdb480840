// Exact medians (as percentile_cont(0.5) computes them) without sorting every report of a long
// period: the hours histogram of the rollup (report_hours_hist + pending report_hours_delta,
// migration 0009) says which 5 %-wide bucket holds the middle rank(s); an expression index then
// reads only that bucket's values in the period. Used for the whole tenant without filters
// (the histogram has no dimensions); summaryQuery reads the reports otherwise.
import { sql, type SQL } from 'drizzle-orm'
import type { Db } from '../db/connect.ts'
import { grainRanges } from './period.ts'
import { rollupApplies } from './rollup.ts'
import { rowsOf } from './scope.ts'
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

/** Whether the histogram can give this query's medians: the rollup applies and there is no filter. */
export function histogramApplies(q: Query): boolean {
  const f = q.filters
  return rollupApplies(q) && !f.channel && !f.kind && !f.category && !f.district && !f.agency
}

function histogramSql(q: Query, metric: HoursMetric): SQL {
  const { from, to } = q.period
  const t = sql`${q.scope.tenantId}::uuid`
  const branches = grainRanges(from, to)
    .map(
      ([grain, a, b]) => sql`select h.bucket, h.n from report_hours_hist h where h.tenant_id = ${t} and h.metric = ${metric}
        and h.grain = ${grain} and h.day >= ${a}::date and h.day <= ${b}::date`,
    )
  branches.push(sql`select h.bucket, h.n from report_hours_delta h where h.tenant_id = ${t} and h.metric = ${metric}
    and h.day >= ${from}::date and h.day <= ${to}::date`)
  return sql`select x.bucket, sum(x.n) as n from (${sql.join(branches, sql` union all `)}) x group by x.bucket having sum(x.n) <> 0 order by x.bucket`
}

/** The values of one bucket in the period, ascending, from the `offset`-th, at most `limit`. */
async function bucketValues(db: Db, q: Query, metric: HoursMetric, bucket: number, offset: number, limit: number): Promise<number[]> {
  const v = VALUE[metric]
  const rows = await rowsOf<{ v: unknown }>(
    db,
    sql`select (${sql.raw(v.hours)})::float8 as v from reports r
    where r.tenant_id = ${q.scope.tenantId}::uuid and ${sql.raw(v.present)}
      and report_hours_bucket(${sql.raw(v.hours)}) = ${bucket}
      and r.created_at >= ${q.period.start.toISOString()}::timestamptz and r.created_at < ${q.period.end.toISOString()}::timestamptz
    order by 1 offset ${offset} limit ${limit}`,
  )
  return rows.map((r) => Number(r.v))
}

/**
 * percentile_cont(0.5) of the metric over the period's reports, null when there is none, or
 * undefined when the histogram and the reports disagree (never expected: the caller then sorts).
 */
export async function exactMedian(db: Db, q: Query, metric: HoursMetric): Promise<number | null | undefined> {
  const hist = (await rowsOf<{ bucket: unknown; n: unknown }>(db, histogramSql(q, metric))).map((r) => ({
    bucket: Number(r.bucket),
    n: Number(r.n),
  }))
  const total = hist.reduce((s, h) => s + h.n, 0)
  if (total === 0) return null
  const pos = 0.5 * (total - 1)
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  // The bucket holding rank `lo` (0-based) and the rank's place in it.
  let i = 0
  let before = 0
  while (before + hist[i]!.n <= lo) before += hist[i++]!.n
  const k = lo - before
  const values = await bucketValues(db, q, metric, hist[i]!.bucket, k, hi === lo ? 1 : 2)
  const first = values[0]
  if (first === undefined) return undefined
  if (hi === lo) return first
  // The next rank is in the same bucket, or the smallest of the next bucket.
  const second = values.length > 1 ? values[1] : hist[i + 1] ? (await bucketValues(db, q, metric, hist[i + 1]!.bucket, 0, 1))[0] : undefined
  if (second === undefined) return undefined
  return first + (second - first) * (pos - lo)
}
