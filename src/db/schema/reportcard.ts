// The monthly report card (rapor OPD, docs/REPORT-CARD.md): cards are generated on demand from the
// dashboard's queries and not stored; this table only records which month's card was e-mailed to
// a tenant's leaders, so the scheduled job never sends the same month twice. Migration 0011.
import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core'
import { createdAt, tenantId } from './common.ts'
import { tenants } from './tenancy.ts'

export const reportCardRuns = pgTable(
  'report_card_runs',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    /** The month the card covers, YYYY-MM in the tenant's time zone. */
    month: text('month').notNull(),
    /** Leaders the card was queued for (the outbox sends it). */
    recipients: integer('recipients').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.month] })],
)
