// FixMyStreet's servicerequestupdates extension (GET servicerequestupdates.{json,xml}): the
// public timeline of public reports (status changes and published follow-ups; never internal
// events, never staff names), with FixMyStreet's extended states.
// https://github.com/mysociety/fixmystreet/wiki/Open311-FMS---Proposed-differences-to-Open311
import { and, asc, eq, gte, lte, or, sql } from 'drizzle-orm'
import type { Db } from '../../db/connect.ts'
import { contacts, reportEvents, reports, responses } from '../../db/schema/index.ts'
import { REPORT_STATUS_LABELS, type ReportStatus } from '../../reports/model.ts'
import { redactText } from '../../triage/redact.ts'
import { w3c } from './format.ts'
import type { Jurisdiction } from './jurisdiction.ts'
import { publicReportSql } from '../../reports/public-sql.ts'

/** aduan status -> FixMyStreet state (lower case, as mySociety's open311-adapter sends them). */
export const FMS_STATE: Record<ReportStatus, string> = {
  received: 'open',
  needs_info: 'investigating',
  dispatched: 'action_scheduled',
  in_progress: 'in_progress',
  returned: 'internal_referral',
  answered: 'fixed',
  reopened: 'reopen',
  closed: 'closed',
  archived: 'no_further_action',
  merged: 'duplicate',
}

export async function findUpdates(db: Db, j: Jurisdiction, range: { start: Date; end?: Date }, limit: number) {
  const rows = await db
    .select({
      id: reportEvents.id,
      type: reportEvents.type,
      toStatus: reportEvents.toStatus,
      createdAt: reportEvents.createdAt,
      trackingCode: reports.trackingCode,
      reportStatus: reports.status,
      answer: responses.body,
      reporterName: contacts.name,
    })
    .from(reportEvents)
    .innerJoin(reports, and(eq(reports.tenantId, reportEvents.tenantId), eq(reports.id, reportEvents.reportId)))
    .leftJoin(
      responses,
      and(
        eq(responses.tenantId, reportEvents.tenantId),
        eq(reportEvents.type, 'response_published'),
        sql`${responses.id}::text = ${reportEvents.data}->>'responseId'`,
      ),
    )
    .leftJoin(contacts, and(eq(contacts.tenantId, reports.tenantId), eq(contacts.id, reports.contactId)))
    .where(
      and(
        eq(reportEvents.tenantId, j.id),
        publicReportSql(j.id),
        eq(reportEvents.internal, false),
        or(sql`${reportEvents.toStatus} is not null`, eq(reportEvents.type, 'response_published')),
        gte(reportEvents.createdAt, range.start),
        range.end ? lte(reportEvents.createdAt, range.end) : undefined,
      ),
    )
    .orderBy(asc(reportEvents.id))
    .limit(limit)
  return rows.map((r) => {
    const status: ReportStatus = r.toStatus ?? (r.type === 'response_published' ? 'answered' : r.reportStatus)
    const text = r.answer ?? `${REPORT_STATUS_LABELS[status].id} (${REPORT_STATUS_LABELS[status].en})`
    return {
      update_id: String(r.id),
      service_request_id: r.trackingCode,
      status: FMS_STATE[status],
      updated_datetime: w3c(r.createdAt, j.timeZone),
      description: redactText(text, { names: r.reporterName ? [r.reporterName] : [] }),
      media_url: null,
    }
  })
}
