// Exact scoreboard medians per agency (as percentile_cont(0.5) computes them) without sorting every
// disposition of a long period: the hours histogram per agency (disposition_hours_hist + pending
// disposition_hours_delta, migration 0014) says which 5 %-wide bucket holds each agency's middle
// rank(s); the expression indexes dispositions_first_hours_idx / dispositions_done_hours_idx then
// give only that bucket's values in the period. One statement for the histograms, one for every
// agency's values. The same scheme as the summary's medians (medians.ts).
import { sql, type SQL } from 'drizzle-orm'
import type { Db } from '../db/connect.ts'
import { grainRanges } from './period.ts'
import { medianOf, medianPlan, type MedianPlan } from './medians.ts'
import { rowsOf } from './scope.ts'
import type { Query } from './queries.ts'

type Metric = 'first' | 'done'
const METRICS: Metric[] = ['first', 'done']

/** The value each median orders by and the rows it covers, exactly as the raw scoreboard (and the indexes) write them. */
const VALUE: Record<Metric, { hours: string; present: string }> = {
  first: {
    hours: 'extract(epoch from (d.accepted_at - d.created_at)) / 3600.0',
    present: `d.status <> 'cancelled' and d.accepted_at is not null`,
  },
  done: {
    hours: 'extract(epoch from (d.completed_at - d.created_at)) / 3600.0',
    present: `d.status = 'answered' and d.completed_at is not null`,
  },
}

export interface AgencyMedians {
  first: number | null
  done: number | null
}

function histogramSql(q: Query): SQL {
  const { from, to } = q.period
  const t = sql`${q.scope.tenantId}::uuid`
  const agency = q.filters.agency ? sql`and h.agency_id = ${q.filters.agency}::uuid` : sql``
  const branches: SQL[] = []
  for (const metric of METRICS)
    for (const [grain, a, b] of grainRanges(from, to))
      branches.push(sql`select h.agency_id, h.metric, h.bucket, h.n from disposition_hours_hist h where h.tenant_id = ${t}
        and h.metric = ${metric} and h.grain = ${grain} and h.day >= ${a}::date and h.day <= ${b}::date ${agency}`)
  branches.push(sql`select h.agency_id, h.metric, h.bucket, h.n from disposition_hours_delta h where h.tenant_id = ${t}
    and h.day >= ${from}::date and h.day <= ${to}::date ${agency}`)
  return sql`select x.agency_id, x.metric, x.bucket, sum(x.n) as n from (${sql.join(branches, sql` union all `)}) x
    group by 1, 2, 3 having sum(x.n) <> 0 order by 1, 2, 3`
}

interface Target {
  agency: string
  metric: Metric
  plan: MedianPlan
}

/**
 * Per agency of the histogram, its two medians; agencies without any value get nulls (callers
 * default missing agencies to null too). Undefined when a histogram and the dispositions disagree
 * (never expected): the caller then sorts.
 */
export async function scoreboardMedians(db: Db, q: Query): Promise<Map<string, AgencyMedians> | undefined> {
  const hist = await rowsOf<{ agency_id: string; metric: Metric; bucket: unknown; n: unknown }>(
    db,
    histogramSql(q),
  )
  const groups = new Map<string, { agency: string; metric: Metric; h: { bucket: number; n: number }[] }>()
  for (const r of hist) {
    const key = `${r.agency_id}|${r.metric}`
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { agency: String(r.agency_id), metric: r.metric, h: [] }))
    g.h.push({ bucket: Number(r.bucket), n: Number(r.n) })
  }
  const targets: Target[] = []
  for (const g of groups.values()) {
    const plan = medianPlan(g.h)
    if (plan === undefined) return undefined
    if (plan !== null) targets.push({ agency: g.agency, metric: g.metric, plan })
  }
  const out = new Map<string, AgencyMedians>()
  for (const g of groups.values()) if (!out.has(g.agency)) out.set(g.agency, { first: null, done: null })
  if (targets.length === 0) return out
  const t = sql`${q.scope.tenantId}::uuid`
  const range = sql`d.report_created_at >= ${q.period.start.toISOString()}::timestamptz and d.report_created_at < ${q.period.end.toISOString()}::timestamptz`
  const parts: SQL[] = []
  targets.forEach((x, ti) =>
    x.plan.reads.forEach((r, ri) => {
      const v = VALUE[x.metric]
      parts.push(sql`(select ${ti}::int as t, ${ri}::int as r, z.v from (select (${sql.raw(v.hours)})::float8 as v from dispositions d
        where d.tenant_id = ${t} and d.agency_id = ${x.agency}::uuid and ${sql.raw(v.present)}
          and report_hours_bucket(${sql.raw(v.hours)}) = ${r.bucket} and ${range}
        order by 1 offset ${r.offset} limit ${r.limit}) z)`)
    }),
  )
  const rows = await rowsOf<{ t: unknown; r: unknown; v: unknown }>(db, sql.join(parts, sql` union all `))
  const got = targets.map((x) => x.plan.reads.map(() => [] as number[]))
  for (const row of rows) got[Number(row.t)]![Number(row.r)]!.push(Number(row.v))
  for (const [ti, x] of targets.entries()) {
    // Ascending within each read (a union all keeps no order across branches).
    const median = medianOf(x.plan, got[ti]!.flatMap((vs) => vs.sort((a, b) => a - b)))
    if (median === undefined) return undefined
    out.get(x.agency)![x.metric] = median
  }
  return out
}
