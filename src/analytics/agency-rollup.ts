// Counts per agency for the agency scopes (migration 0015): the reports "of" one agency per
// tenant-local day and month, grouping sets () and each one of channel, kind, status, category and
// kecamatan, as report_agency_stats rows plus the pending report_agency_stats_delta. Basis 'f'
// answers a leader's agency filter (the agency holds a disposition that is not cancelled); 'v'
// (+ 'w' for an agency on the Inspektorat path) an agency user's own scope (a disposition in a
// live status; reports about officials only on the Inspektorat path), exactly the conditions of
// scope.ts. Used for one agency (a user with several agencies, or sub-units, would count a report
// once per agency: those read the reports), at most one dimension between the filters and the
// panel's grouping, and one UTC offset over the period.
import { sql, type SQL } from 'drizzle-orm'
import type { Db } from '../db/connect.ts'
import { LIVE_DISPOSITION_STATUSES } from '../reports/privacy.ts'
import { grainRanges } from './period.ts'
import { rollupApplies, type Dim } from './rollup.ts'
import { rowsOf, type DashboardFilters, type DashboardScope } from './scope.ts'
import type { Period } from './period.ts'

interface AgencyRollupQuery {
  scope: DashboardScope
  period: Period
  filters: DashboardFilters
}

/** The one agency and the bases whose rows make this query's reports, or null. */
export interface AgencyTarget {
  agencyId: string
  /** 'f' for the agency filter; 'v' for an agency user's scope ('w' is added where the agency is on the Inspektorat path). */
  basis: 'f' | 'v'
}

export function agencyTarget(q: AgencyRollupQuery): AgencyTarget | null {
  // rollupApplies: switched on (useRollup) and one UTC offset over the period.
  if (!rollupApplies({ ...q, scope: { ...q.scope, agencyIds: null }, filters: {} })) return null
  const s = q.scope
  if (s.agencyIds === null) return q.filters.agency ? { agencyId: q.filters.agency, basis: 'f' } : null
  if (s.agencyIds.length !== 1 || q.filters.agency) return null
  const live = new Set<string>(LIVE_DISPOSITION_STATUSES)
  if (s.dispositionStatuses.length !== live.size || !s.dispositionStatuses.every((x) => live.has(x)))
    return null
  return { agencyId: s.agencyIds[0]!, basis: 'v' }
}

function filterDims(f: DashboardFilters): Dim[] {
  const out: Dim[] = []
  if (f.channel) out.push('channel')
  if (f.kind) out.push('kind')
  if (f.category) out.push('category')
  if (f.district) out.push('district')
  return out
}
const BIT: Record<Dim, number> = { channel: 16, kind: 8, status: 4, category: 2, district: 1 }

/** Whether the agency rollup can answer a panel grouping by `dims` (beside the filters). */
export function agencyRollupApplies(q: AgencyRollupQuery, dims: readonly Dim[]): boolean {
  return agencyTarget(q) !== null && new Set([...filterDims(q.filters), ...dims]).size <= 1
}

/**
 * The rows to sum (the same columns as rollupSource: day, channel_type, kind, status,
 * category_id, district_code, received, verified, answered, emergency), or null.
 */
export function agencySource(
  q: AgencyRollupQuery,
  dims: readonly Dim[],
  opts: { months: boolean } = { months: true },
): SQL | null {
  const target = agencyTarget(q)
  if (!target) return null
  const all = new Set<Dim>([...filterDims(q.filters), ...dims])
  if (all.size > 1) return null
  const gset = [...all].reduce((s, d) => s + BIT[d], 0)
  const t = sql`${q.scope.tenantId}::uuid`
  const a = sql`${target.agencyId}::uuid`
  // 'w' (reports about officials) only for an agency on the Inspektorat path, as scope.ts decides it.
  const basis =
    target.basis === 'f'
      ? sql`s.basis = 'f'`
      : sql`(s.basis = 'v' or (s.basis = 'w' and ${a} in (with recursive i(id) as (
          select x.id from agencies x where x.tenant_id = ${t} and x.type = 'inspektorat'
          union select x.id from agencies x join i on x.parent_id = i.id where x.tenant_id = ${t}
        ) select id from i)))`
  const f: SQL[] = []
  if (q.filters.channel) f.push(sql`s.channel_type = ${q.filters.channel}`)
  if (q.filters.kind) f.push(sql`s.kind = ${q.filters.kind}`)
  if (q.filters.category) f.push(sql`s.category_id = ${q.filters.category}::uuid`)
  if (q.filters.district) f.push(sql`s.district_code = ${q.filters.district}`)
  const { from, to } = q.period
  const and = (parts: SQL[]) => sql.join(parts, sql` and `)
  const cols = sql`s.day, s.channel_type, s.kind, s.status, s.category_id, s.district_code, s.received, s.verified, s.answered, s.emergency`
  const branches = grainRanges(from, to, opts.months)
    .map(
      ([grain, x, y]) =>
        sql`select ${cols} from report_agency_stats s where ${and([
          sql`s.tenant_id = ${t}`,
          sql`s.agency_id = ${a}`,
          basis,
          sql`s.gset = ${gset}`,
          sql`s.grain = ${grain}`,
          sql`s.day >= ${x}::date`,
          sql`s.day <= ${y}::date`,
          ...f,
        ])}`,
    )
  branches.push(sql`select ${cols} from report_agency_stats_delta s
      where ${and([sql`s.tenant_id = ${t}`, sql`s.agency_id = ${a}`, basis, sql`s.day >= ${from}::date`, sql`s.day <= ${to}::date`, ...f])}`)
  return sql`(${sql.join(branches, sql` union all `)})`
}

/** Recounts one tenant's agency counts (after a bulk load without the triggers; a repair). */
export async function rebuildAgencyRollup(db: Db, tenantId: string): Promise<void> {
  await db.execute(sql`select report_agency_stats_rebuild(${tenantId}::uuid)`)
}

/** Pending agency deltas (tests). */
export async function pendingAgencyDeltas(db: Db, tenantId: string): Promise<number> {
  const [r] = await rowsOf<{ n: unknown }>(
    db,
    sql`select count(*) as n from report_agency_stats_delta where tenant_id = ${tenantId}::uuid`,
  )
  return Number(r?.n ?? 0)
}
