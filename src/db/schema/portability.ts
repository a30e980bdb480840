// Reporters' personal-data requests under UU PDP no. 27/2022 (migration 0010; docs/PORTABILITY.md):
// a request to see their data (answered at once) or to erase their identity (executed by an
// operator, due 3 x 24 hours after the request).
import { index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { id, tenantId, ts } from './common.ts'
import { tenants } from './tenancy.ts'

export const pdpRequests = pgTable(
  'pdp_requests',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    id: id(),
    /** The report whose private link the request came through. */
    reportId: uuid('report_id').notNull(),
    trackingCode: text('tracking_code').notNull(),
    contactId: uuid('contact_id'),
    /** access | erasure */
    kind: text('kind').notNull(),
    /** pending | done | rejected */
    status: text('status').default('pending').notNull(),
    reason: text('reason'),
    requestedAt: ts('requested_at').defaultNow().notNull(),
    dueAt: ts('due_at').notNull(),
    executedAt: ts('executed_at'),
    executedBy: uuid('executed_by'),
    /** What the execution removed (counts only; never the removed data). */
    summary: jsonb('summary').$type<Record<string, number>>().default({}).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('pdp_requests_status_idx').on(t.tenantId, t.status, t.dueAt),
    index('pdp_requests_report_idx').on(t.tenantId, t.reportId),
  ],
)
