// The dashboard rollup (migration 0009): a trigger on reports appends signed delta rows
// (report_stats_delta) in the same transaction as every report change; a job folds them into
// report_daily_stats, which holds per tenant-local day and per local month the counts of every
// grouping set of at most two of channel, kind, status, category and kecamatan, and (channel,
// kind) with status (migration 0019), category or kecamatan (0020). A panel reads the rows of the
// one grouping set it needs plus the pending deltas, so it equals a direct count at any instant.
// Used where the filters allow (the whole tenant, no agency filter, the filters and the panel's
// grouping one of those sets, one UTC offset over the period); the panels read the raw reports
// otherwise.
import { sql, type SQL } from 'drizzle-orm'
import type { Db } from '../db/connect.ts'
import { tzOffsetMinutes, type Period, grainRanges } from './period.ts'
import { rowsOf, type DashboardFilters, type DashboardScope } from './scope.ts'

export const ROLLUP_COMPACT_QUEUE = 'dashboard-rollup-compact'

export type Dim = 'channel' | 'kind' | 'status' | 'category' | 'district'
/** Bits of a grouping set (report_daily_stats.gset), as written by report_daily_stats_compact(). */
const BIT: Record<Dim, number> = { channel: 16, kind: 8, status: 4, category: 2, district: 1 }

let enabled = true
/** Reads the raw reports even where the rollup applies (tests and the bench compare the two). */
export function useRollup(on: boolean): void {
  enabled = on
}

interface RollupQuery {
  scope: DashboardScope
  period: Period
  filters: DashboardFilters
}

/**
 * Whether the rollup can answer for this scope and these filters at all: the whole tenant (an
 * agency user's scope and the agency filter depend on dispositions, which it does not key), and
 * one UTC offset over the whole period (so a raw bucket by that offset is a local day).
 */
export function rollupApplies(q: RollupQuery): boolean {
  if (!enabled || q.scope.agencyIds !== null || q.filters.agency) return false
  const last = new Date(+q.period.end - 1)
  return tzOffsetMinutes(q.period.timeZone, last) === q.period.offsetMinutes
}

function filterDims(f: DashboardFilters): Dim[] {
  const out: Dim[] = []
  if (f.channel) out.push('channel')
  if (f.kind) out.push('kind')
  if (f.category) out.push('category')
  if (f.district) out.push('district')
  return out
}

function filterSql(f: DashboardFilters): SQL[] {
  const parts: SQL[] = []
  if (f.channel) parts.push(sql`s.channel_type = ${f.channel}`)
  if (f.kind) parts.push(sql`s.kind = ${f.kind}`)
  if (f.category) parts.push(sql`s.category_id = ${f.category}::uuid`)
  if (f.district) parts.push(sql`s.district_code = ${f.district}`)
  return parts
}

/**
 * The rows to sum for a panel grouping by `dims` (beside the filters): a subquery `(…)` with
 * day, channel_type, kind, status, category_id, district_code, received, verified, answered,
 * emergency; or null when the rollup cannot answer (then read the reports). With `months`, whole
 * local months inside the period come from month rows (the caller must not group by day or week).
 */
export function rollupSource(q: RollupQuery, dims: readonly Dim[], opts: { months: boolean } = { months: true }): SQL | null {
  if (!rollupApplies(q)) return null
  const all = new Set<Dim>([...filterDims(q.filters), ...dims])
  // Every set of at most two dimensions, and channel + kind with a third: status (migration 0019),
  // category or kecamatan (0020).
  if (all.size > 3 || (all.size === 3 && !(all.has('channel') && all.has('kind')))) return null
  const gset = [...all].reduce((s, d) => s + BIT[d], 0)
  const { from, to } = q.period
  const f = filterSql(q.filters)
  const and = (parts: SQL[]) => sql.join(parts, sql` and `)
  const cols = sql`s.day, s.channel_type, s.kind, s.status, s.category_id, s.district_code, s.received, s.verified, s.answered, s.emergency`
  const branches = grainRanges(from, to, opts.months)
    .map(
      ([grain, a, b]) => sql`select ${cols} from report_daily_stats s where ${and([
        sql`s.tenant_id = ${q.scope.tenantId}::uuid`,
        sql`s.gset = ${gset}`,
        sql`s.grain = ${grain}`,
        sql`s.day >= ${a}::date`,
        sql`s.day <= ${b}::date`,
        ...f,
      ])}`,
    )
  branches.push(sql`select ${cols} from report_stats_delta s
      where ${and([sql`s.tenant_id = ${q.scope.tenantId}::uuid`, sql`s.day >= ${from}::date`, sql`s.day <= ${to}::date`, ...f])}`)
  return sql`(${sql.join(branches, sql` union all `)})`
}

/** Folds every pending delta into the rollup and the hours histograms (the job, every minute). Returns the deltas folded. */
export async function compactRollup(db: Db): Promise<number> {
  const [r] = await rowsOf<{ n: unknown }>(db, sql`select report_daily_stats_compact() as n`)
  // The hours histograms (0009's, which nothing folded before, and 0019's per dimension).
  const [h] = await rowsOf<{ n: unknown }>(db, sql`select report_hours_dim_compact() as n`)
  return Number(r?.n ?? 0) + Number(h?.n ?? 0)
}

/** Recounts one tenant's rollup from its reports (after a bulk load without the trigger; a repair). */
export async function rebuildRollup(db: Db, tenantId: string): Promise<void> {
  await db.execute(sql`select report_daily_stats_rebuild(${tenantId}::uuid)`)
}
