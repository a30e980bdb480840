// Who sees which figures, and the filters every panel shares, as one SQL condition on `r`
// (reports). Agency users are limited inside the query (never only in the UI): a report counts
// for them only while one of their agencies (sub-units expanded) holds a live disposition, the
// same rule the report list applies (src/reports/queries.ts).
import { sql, type SQL } from 'drizzle-orm'
import type { Principal } from '../accounts/users.ts'
import { rowsOf, type Db } from '../db/connect.ts'
import type { ChannelType, ReportKind } from '../reports/model.ts'
import { visibilityScope } from '../reports/privacy.ts'
import { viewerOf } from '../reports/queries.ts'
import type { Period } from './period.ts'

export interface DashboardFilters {
  channel?: ChannelType
  kind?: ReportKind
  category?: string
  agency?: string
  /** Kecamatan (Kemendagri code, e.g. 11.15.01). */
  district?: string
}

/** The viewer's reach: every report of the tenant, or only their agencies'. */
export interface DashboardScope {
  tenantId: string
  /** null: the whole tenant; otherwise the agencies whose live dispositions make a report count. */
  agencyIds: readonly string[] | null
  dispositionStatuses: readonly string[]
}

export const DASHBOARD_ROLES = ['super_admin', 'leader', 'operator', 'auditor', 'agency_head'] as const

export function scopeOf(p: Principal): DashboardScope {
  const s = visibilityScope(viewerOf(p), { integrityAgencyIds: p.agencyIds })
  if (s.kind === 'all') return { tenantId: p.tenantId, agencyIds: null, dispositionStatuses: [] }
  if (s.kind === 'agencies')
    return { tenantId: p.tenantId, agencyIds: s.agencyIds, dispositionStatuses: s.dispositionStatuses }
  return { tenantId: p.tenantId, agencyIds: [], dispositionStatuses: [] }
}

export const uuidList = (ids: readonly string[]) =>
  sql.join(
    ids.map((a) => sql`${a}::uuid`),
    sql`, `,
  )
const textList = (xs: readonly string[]) =>
  sql.join(
    xs.map((a) => sql`${a}`),
    sql`, `,
  )

/**
 * The condition on one disposition `d` that puts its report in an agency user's scope: one of
 * their agencies, a live status, the report received in the period, and a report about officials
 * only on the Inspektorat path. Null for the whole tenant.
 */
export function scopeDispositionSql(
  scope: DashboardScope,
  period: Pick<Period, 'start' | 'end'>,
  alias = 'd',
): SQL | null {
  const d = sql.raw(alias)
  if (scope.agencyIds === null) return null
  if (scope.agencyIds.length === 0) return sql`false`
  // A report about officials is visible to an agency user only on the Inspektorat path.
  const wb = sql`coalesce((select (e.data->'after'->>'whistleblowing')::boolean from report_events e
      where e.tenant_id = ${d}.tenant_id and e.report_id = ${d}.report_id and e.type = 'flags_set'
      order by e.id desc limit 1), false)`
  const inspektorat = sql`${d}.agency_id in (with recursive i(id) as (
      select a.id from agencies a where a.tenant_id = ${scope.tenantId}::uuid and a.type = 'inspektorat'
      union select a.id from agencies a join i on a.parent_id = i.id where a.tenant_id = ${scope.tenantId}::uuid
    ) select id from i)`
  return sql`${d}.tenant_id = ${scope.tenantId}::uuid
    and ${d}.agency_id in (${uuidList(scope.agencyIds)}) and ${d}.status in (${textList(scope.dispositionStatuses)})
    and ${d}.report_created_at >= ${period.start.toISOString()}::timestamptz and ${d}.report_created_at < ${period.end.toISOString()}::timestamptz
    and (not ${wb} or ${inspektorat})`
}

/** The condition on one disposition `d` that puts its report under the agency filter. */
export function filterDispositionSql(
  tenantId: string,
  agency: string,
  period: Pick<Period, 'start' | 'end'>,
  alias = 'd',
): SQL {
  const d = sql.raw(alias)
  return sql`${d}.tenant_id = ${tenantId}::uuid and ${d}.agency_id = ${agency}::uuid and ${d}.status <> 'cancelled'
    and ${d}.report_created_at >= ${period.start.toISOString()}::timestamptz and ${d}.report_created_at < ${period.end.toISOString()}::timestamptz`
}

/** The agency-scope condition alone (also used to limit the scoreboard's rows). */
function agencyScopeSql(scope: DashboardScope, period: Pick<Period, 'start' | 'end'>): SQL | null {
  const d = scopeDispositionSql(scope, period)
  if (d === null || scope.agencyIds!.length === 0) return d
  // Driven from the agencies' dispositions of reports received in the period (a range scan of
  // dispositions_agency_report_idx), not a probe per report of the tenant.
  return sql`r.id in (select d.report_id from dispositions d where ${d})`
}

/** Tenant and the filters on the report's own columns (channel, kind, category, kecamatan), on `r`. */
export function reportFilterWhere(tenantId: string, f: DashboardFilters): SQL {
  const parts: SQL[] = [sql`r.tenant_id = ${tenantId}::uuid`]
  if (f.channel) parts.push(sql`r.channel_type = ${f.channel}`)
  if (f.kind) parts.push(sql`r.kind = ${f.kind}`)
  if (f.category) parts.push(sql`r.category_id = ${f.category}::uuid`)
  if (f.district) parts.push(sql`r.district_code = ${f.district}`)
  return sql.join(parts, sql` and `)
}

/** Tenant, period, filters and the viewer's scope: the WHERE clause shared by every panel. */
export function reportWhere(
  scope: DashboardScope,
  period: Pick<Period, 'start' | 'end'>,
  f: DashboardFilters,
): SQL {
  const parts: SQL[] = [
    reportFilterWhere(scope.tenantId, f),
    sql`r.created_at >= ${period.start.toISOString()}::timestamptz`,
    sql`r.created_at < ${period.end.toISOString()}::timestamptz`,
  ]
  if (f.agency)
    // A semi-join on the agency's dispositions of reports received in the period (one range scan
    // of dispositions_agency_report_idx), not a probe per report.
    parts.push(
      sql`r.id in (select d.report_id from dispositions d where ${filterDispositionSql(scope.tenantId, f.agency, period)})`,
    )
  const a = agencyScopeSql(scope, period)
  if (a) parts.push(a)
  return sql.join(parts, sql` and `)
}

// The analytics readers take rowsOf from here with their other SQL helpers.
export { rowsOf }

/**
 * rowsOf without PostgreSQL's JIT nor parallel workers: for a query walking an index with a LIMIT,
 * whose estimated total cost (not what it does) passes jit_above_cost; compiling then takes longer
 * than the query (about 1 s against 0.1 s), and starting a worker about as long as the query
 * (bench/dashboard/README.md). SET LOCAL: only this transaction.
 */
export async function rowsWithoutJit<T>(db: Db, q: SQL, opts: { sortMemory?: boolean } = {}): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`)
    await tx.execute(sql`set local max_parallel_workers_per_gather = 0`)
    // A statement sorting every value of a long period (medians per agency: ~180,000 rows, 12 MB)
    // would spill to disk with the default 4 MB.
    if (opts.sortMemory) await tx.execute(sql`set local work_mem = '32MB'`)
    return rowsOf<T>(tx as unknown as Db, q)
  })
}
