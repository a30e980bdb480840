// The public visibility rule (privacy.ts isPublic) as SQL, for every public read: the portal,
// Open311, transparency JSON. One place, so the doors cannot drift apart.
import { and, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm'
import { reports } from '../db/schema/index.ts'
import { PUBLIC_STATUSES } from './privacy.ts'

/** Whether the report is about officials, from its last flags_set event (the rows keep no column). */
export const whistleblowingSql = sql`coalesce((select (e.data->'after'->>'whistleblowing')::boolean from report_events e
  where e.tenant_id = ${reports.tenantId} and e.report_id = ${reports.id} and e.type = 'flags_set'
  order by e.id desc limit 1), false)`

/**
 * isPublic() as SQL: verified, in a public status, not confidential, not about officials; also
 * never in a whistle-blowing category (stricter than the row's flag, for reports not yet flagged).
 */
export function publicReportSql(tenantId: string): SQL {
  return and(
    eq(reports.tenantId, tenantId),
    eq(reports.isConfidential, false),
    isNotNull(reports.verifiedAt),
    inArray(reports.status, [...PUBLIC_STATUSES]),
    sql`not ${whistleblowingSql}`,
    sql`not exists (select 1 from categories wc where wc.tenant_id = ${reports.tenantId}
      and wc.id = ${reports.categoryId} and wc.is_whistleblowing)`,
  )!
}
