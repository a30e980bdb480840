// Links to other systems: SP4N-LAPOR! (lapor_links) and the 112 command centre (emergency_handoffs).
// Migration 0008; the rules are in docs/BRIDGES.md.
import { sql } from 'drizzle-orm'
import { foreignKey, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, tenantId, ts, updatedAt } from './common.ts'
import { reports } from './reports.ts'

/** One row per report LAPOR! knows: forwarded from here (outbound) or dispatched from there (inbound). */
export const laporLinks = pgTable(
  'lapor_links',
  {
    tenantId: tenantId(),
    reportId: uuid('report_id').notNull(),
    /** outbound (forwarded from aduan) | inbound (dispatched by LAPOR!) */
    direction: text('direction').notNull(),
    /** pending (to be sent) | sent | failed (gave up; an operator may forward again) */
    state: text('state').default('pending').notNull(),
    /** LAPOR!'s tracking id, once known. */
    laporId: text('lapor_id'),
    /** Sent as Idempotency-Key so a retried forward creates one LAPOR! report. */
    idempotencyKey: text('idempotency_key').notNull(),
    /** LAPOR!'s status code as last pulled. */
    laporStatus: text('lapor_status'),
    /** The LAPOR! status code we last pushed. */
    pushedStatus: text('pushed_status'),
    lastPulledAt: ts('last_pulled_at'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.reportId] }),
    uniqueIndex('lapor_links_lapor_id_idx').on(t.tenantId, t.laporId).where(sql`${t.laporId} IS NOT NULL`),
    index('lapor_links_state_idx').on(t.tenantId, t.state),
    foreignKey({ name: 'lapor_links_report_fk', columns: [t.tenantId, t.reportId], foreignColumns: [reports.tenantId, reports.id] }).onDelete('cascade'),
  ],
)

/** A report handed to the tenant's 112 command centre; open until the responsible agency acted. */
export const emergencyHandoffs = pgTable(
  'emergency_handoffs',
  {
    tenantId: tenantId(),
    id: id(),
    reportId: uuid('report_id').notNull(),
    /** pending | delivered | accepted | acted | rejected */
    status: text('status').default('pending').notNull(),
    /** intake | verification | operator */
    trigger: text('trigger').notNull(),
    /** The 112 centre's own incident id. */
    centreRef: text('centre_ref'),
    /** By when an agency must have confirmed it acted. */
    dueAt: ts('due_at').notNull(),
    deliveredAt: ts('delivered_at'),
    acceptedAt: ts('accepted_at'),
    actedAt: ts('acted_at'),
    actedAgency: text('acted_agency'),
    actedNote: text('acted_note'),
    actedBy: uuid('acted_by'),
    /** staff | callback */
    confirmedVia: text('confirmed_via'),
    /** When the overdue alarm was raised (once). */
    overdueAt: ts('overdue_at'),
    attempts: integer('attempts').default(0).notNull(),
    lastError: text('last_error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('emergency_handoffs_report_idx').on(t.tenantId, t.reportId),
    index('emergency_handoffs_open_idx').on(t.tenantId, t.dueAt).where(sql`${t.actedAt} IS NULL`),
    foreignKey({ name: 'emergency_handoffs_report_fk', columns: [t.tenantId, t.reportId], foreignColumns: [reports.tenantId, reports.id] }).onDelete('cascade'),
  ],
)
