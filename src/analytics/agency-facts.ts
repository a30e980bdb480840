// The (report, agency) pairs of migration 0017 (report_agency_facts): for every agency holding a
// disposition that is not cancelled, the report's read columns and that pair's disposition
// figures, kept exact by triggers in the writer's transaction. One index-only range scan of
// report_agency_facts_agency_idx (or the kecamatan / channel index) answers what otherwise
// probes `reports` once per report or semi-joins the filtered reports with every disposition of
// the period:
// - the summary of one agency's reports (a leader's agency filter, or an agency user with one
//   agency): counts, overdue open and the exact medians (percentile_cont over the same values);
// - the scoreboard with a report filter (kecamatan, category, channel, kind) for the whole tenant,
//   and the scoreboard of an agency user with one agency.
// A pair counts for the agency filter when it exists (a disposition not cancelled); for an agency
// user's own scope when it has a live disposition and the report is not about officials, or the
// agency is on the Inspektorat path (scope.ts's conditions).
import { sql, type SQL } from 'drizzle-orm'
import type { Db } from '../db/connect.ts'
import { agencyTarget, type AgencyTarget } from './agency-rollup.ts'
import { rollupApplies } from './rollup.ts'
import { rowsOf, rowsWithoutJit } from './scope.ts'
import type { Query } from './queries.ts'

const OPEN = `'received', 'dispatched', 'in_progress', 'returned', 'reopened'`

/** Whether facts may be read at all (switched off with useRollup(false), as every pre-aggregate). */
function enabled(q: Query): boolean {
  return rollupApplies({ ...q, scope: { ...q.scope, agencyIds: null }, filters: {} })
}

function inspektoratPath(tenantId: string, agencyId: string): SQL {
  const t = sql`${tenantId}::uuid`
  return sql`${agencyId}::uuid in (with recursive i(id) as (
      select x.id from agencies x where x.tenant_id = ${t} and x.type = 'inspektorat'
      union select x.id from agencies x join i on x.parent_id = i.id where x.tenant_id = ${t}
    ) select id from i)`
}

/** The pairs of the query: tenant, period, report filters, and the agency target's membership. */
function factsWhere(q: Query, target: AgencyTarget | null): SQL {
  const f = q.filters
  const parts: SQL[] = [
    sql`f.tenant_id = ${q.scope.tenantId}::uuid`,
    sql`f.created_at >= ${q.period.start.toISOString()}::timestamptz`,
    sql`f.created_at < ${q.period.end.toISOString()}::timestamptz`,
  ]
  if (f.channel) parts.push(sql`f.channel_type = ${f.channel}`)
  if (f.kind) parts.push(sql`f.kind = ${f.kind}`)
  if (f.category) parts.push(sql`f.category_id = ${f.category}::uuid`)
  if (f.district) parts.push(sql`f.district_code = ${f.district}`)
  if (target) {
    parts.push(sql`f.agency_id = ${target.agencyId}::uuid`)
    if (target.basis === 'v')
      parts.push(sql`f.v and (not f.wb or ${inspektoratPath(q.scope.tenantId, target.agencyId)})`)
  } else if (f.agency) parts.push(sql`f.agency_id = ${f.agency}::uuid`)
  return sql.join(parts, sql` and `)
}

/** Whether the summary of this query is one agency's reports (then summaryFromFacts answers). */
export function summaryFactsApply(q: Query): boolean {
  return agencyTarget(q) !== null
}

/**
 * The summary of one agency's reports as the raw query's row (received, verified, answered,
 * closed, archived, emergency, overdue_open, median_first_response, median_completion), or null.
 */
export async function summaryFromFacts(db: Db, q: Query): Promise<Record<string, unknown> | null> {
  const target = agencyTarget(q)
  if (!target) return null
  const [row] = await rowsWithoutJit<Record<string, unknown>>(
    db,
    sql`select count(*) as received, count(*) filter (where f.verified) as verified, count(*) filter (where f.answered) as answered,
      count(*) filter (where f.status = 'closed') as closed, count(*) filter (where f.status = 'archived') as archived,
      count(*) filter (where f.emergency) as emergency,
      count(*) filter (where f.status in (${sql.raw(OPEN)}) and f.due_at < ${q.now.toISOString()}::timestamptz) as overdue_open,
      percentile_cont(0.5) within group (order by f.first_hours) as median_first_response,
      percentile_cont(0.5) within group (order by f.done_hours) as median_completion
    from report_agency_facts f where ${factsWhere(q, target)}`,
  )
  return row ?? null
}

/** Whether the scoreboard of this query comes from the pairs: a report filter for the whole tenant, or one agency's own scope. */
export function scoreboardFactsApply(q: Query): boolean {
  if (!enabled(q)) return false
  const f = q.filters
  if (q.scope.agencyIds === null) return !!(f.channel || f.kind || f.category || f.district)
  return agencyTarget(q)?.basis === 'v'
}

/**
 * The condition that makes each agency's pairs of the period index ranges: none is needed for one
 * agency (its own scope, or the agency filter: report_agency_facts_agency_idx) or for filters that
 * lead an index ordered by agency after them (migration 0020: kecamatan, category, channel + kind:
 * one range); a channel alone or a kind alone reads one range per value of the other (the channel
 * + kind index, every value of the enum). Only the plan depends on it, not the result.
 */
function rangeCondition(q: Query, target: AgencyTarget | null): SQL {
  const f = q.filters
  if (target || f.agency || f.district || f.category || (f.channel && f.kind)) return sql``
  if (f.channel) return sql`and f.kind = any(array(select k::text from unnest(enum_range(null::report_kind)) k))`
  if (f.kind) return sql`and f.channel_type = any(array(select c::text from unnest(enum_range(null::channel_type)) c))`
  return sql``
}

/**
 * The scoreboard's rows as the raw query returns them (see scoreboardFromRollup), or null.
 * A lateral join over the tenant's agencies: each agency's pairs of the period are read as index
 * range(s) (rangeCondition) and aggregated on their own, so nothing sorts every pair by agency
 * (the grouped form did: ~178,000 wide rows for channel + kind over 12 months; and the union with
 * the extras made even one agency's pairs sort), and each agency's medians sort only its values.
 */
export async function scoreboardFromFacts(db: Db, q: Query): Promise<Record<string, unknown>[] | null> {
  if (!scoreboardFactsApply(q)) return null
  const target = q.scope.agencyIds === null ? null : agencyTarget(q)
  const now = sql`${q.now.toISOString()}::timestamptz`
  const w = factsWhere(q, target)
  const one = target?.agencyId ?? q.filters.agency
  // The few pairs with more than one value keep the rest in arrays (partial index report_agency_facts_extra_idx).
  const extra = sql`(f.open_extra <> '{}' or f.first_extra <> '{}' or f.done_extra <> '{}')`
  return rowsWithoutJit<Record<string, unknown>>(
    db,
    sql`with e as materialized (select f.agency_id, f.open_extra, f.first_extra, f.done_extra
        from report_agency_facts f where ${w} and ${extra})
      select a.id as agency_id, s.*, a.name, a.short_name from agencies a cross join lateral (
        select sum(x.r) as reports, sum(x.n) as dispositions, sum(x.a) as answered, sum(x.o) as on_time,
          sum(x.ret) as returned, sum(x.od) as overdue_open,
          percentile_cont(0.5) within group (order by x.fv) as median_first,
          percentile_cont(0.5) within group (order by x.dv) as median_done
        from (
          select f.agency_id, 1 as r, f.n, f.n_answered as a, f.n_on_time as o, f.n_returned as ret,
            case when f.open_due1 < ${now} then 1 else 0 end as od, f.first1 as fv, f.done1 as dv
          from report_agency_facts f where ${w} and f.agency_id = a.id ${rangeCondition(q, target)}
          union all
          select e.agency_id, 0, 0, 0, 0, 0, (select count(*) from unnest(e.open_extra) u where u < ${now})::int, null::float8, null::float8
          from e
          union all
          select e.agency_id, 0, 0, 0, 0, 0, 0, u, null from e cross join lateral unnest(e.first_extra) u
          union all
          select e.agency_id, 0, 0, 0, 0, 0, 0, null, u from e cross join lateral unnest(e.done_extra) u
        ) x where x.agency_id = a.id
      ) s where a.tenant_id = ${q.scope.tenantId}::uuid ${one ? sql`and a.id = ${one}::uuid` : sql``} and s.reports > 0`,
    { sortMemory: true },
  )
}

/** Recounts one tenant's pairs (after a bulk load without the triggers; a repair). */
export async function rebuildAgencyFacts(db: Db, tenantId: string): Promise<void> {
  await db.execute(sql`select report_agency_facts_rebuild(${tenantId}::uuid)`)
}

/** The pairs of one tenant as stored (tests compare them with a recount). */
export async function agencyFactRows(db: Db, tenantId: string): Promise<Record<string, unknown>[]> {
  return rowsOf<Record<string, unknown>>(
    db,
    sql`select * from report_agency_facts where tenant_id = ${tenantId}::uuid order by report_id, agency_id`,
  )
}
