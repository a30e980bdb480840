// After the hand-off: the centre's callbacks and staff confirmations move it forward; the open
// list shows what still waits for an agency; the overdue job raises the alarm once per hand-off.
import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm'
import type { AppContext } from '../../context.ts'
import type { Db } from '../../db/connect.ts'
import { emergencyHandoffs, reports } from '../../db/schema/index.ts'
import type { Actor } from '../../reports/lifecycle-types.ts'
import { insertEvents } from '../../reports/store.ts'
import { logIntegration } from '../lapor/log.ts'

export const E112_OVERDUE_QUEUE = 'emergency112-overdue'

export type Update =
  | { status: 'accepted'; agency?: string | null; note?: string | null; centreRef?: string | null }
  | { status: 'acted'; agency: string; note?: string | null; centreRef?: string | null }
  | { status: 'rejected'; note?: string | null; centreRef?: string | null }

/**
 * Apply a status from the centre (callback) or staff (confirm). 'acted' closes the hand-off and
 * needs the agency's name; 'accepted' and 'rejected' keep it open (a rejected hand-off stays on
 * the list until an operator confirms what happened). Returns false when unknown or already acted.
 */
export async function updateHandoff(
  tx: Db,
  tenantId: string,
  handoffId: string,
  u: Update,
  by: { via: 'staff' | 'callback'; actor: Actor },
  now: Date,
): Promise<'ok' | 'not_found' | 'closed'> {
  const [h] = await tx
    .select({ h: emergencyHandoffs, status: reports.status })
    .from(emergencyHandoffs)
    .innerJoin(reports, and(eq(reports.tenantId, emergencyHandoffs.tenantId), eq(reports.id, emergencyHandoffs.reportId)))
    .where(and(eq(emergencyHandoffs.tenantId, tenantId), eq(emergencyHandoffs.id, handoffId)))
    .for('update', { of: emergencyHandoffs })
  if (!h) return 'not_found'
  if (h.h.actedAt) return 'closed'
  const patch: Partial<typeof emergencyHandoffs.$inferInsert> = { status: u.status, updatedAt: now }
  if (u.centreRef) patch.centreRef = u.centreRef
  if (u.status === 'accepted') patch.acceptedAt = h.h.acceptedAt ?? now
  if (u.status === 'acted') {
    Object.assign(patch, { actedAt: now, actedAgency: u.agency, actedNote: u.note ?? null, confirmedVia: by.via })
    if (by.actor.kind === 'user') patch.actedBy = by.actor.userId
  }
  await tx
    .update(emergencyHandoffs)
    .set(patch)
    .where(and(eq(emergencyHandoffs.tenantId, tenantId), eq(emergencyHandoffs.id, handoffId)))
  const data: Record<string, unknown> = { handoffId, via: by.via, note: u.note ?? null }
  if (u.status !== 'rejected') data.agency = u.agency ?? null
  if (u.status === 'acted') data.minutesAfterHandoff = Math.round((now.getTime() - h.h.createdAt.getTime()) / 60_000)
  await insertEvents(
    tx,
    tenantId,
    h.h.reportId,
    [{ type: `emergency_112_${u.status}`, fromStatus: h.status, toStatus: h.status, data, agencyId: null, internal: u.status === 'rejected' }],
    by.actor,
    now,
  )
  await logIntegration(tx, { tenantId, system: 'emergency112', reportId: h.h.reportId, direction: by.via === 'callback' ? 'in' : 'out', action: `handoff_${u.status}`, status: 'ok', detail: { handoffId, via: by.via } }, now)
  return 'ok'
}

/** Open hand-offs (no agency confirmation yet), oldest deadline first, with their report's code. */
export async function listHandoffs(db: Db, tenantId: string, opts: { open: boolean; limit: number }, now: Date) {
  const rows = await db
    .select({ h: emergencyHandoffs, trackingCode: reports.trackingCode, locationText: reports.locationText, triage: reports.triage })
    .from(emergencyHandoffs)
    .innerJoin(reports, and(eq(reports.tenantId, emergencyHandoffs.tenantId), eq(reports.id, emergencyHandoffs.reportId)))
    .where(and(eq(emergencyHandoffs.tenantId, tenantId), opts.open ? isNull(emergencyHandoffs.actedAt) : sql`true`))
    .orderBy(asc(emergencyHandoffs.dueAt))
    .limit(opts.limit)
  return rows.map(({ h, trackingCode, locationText, triage }) => ({
    id: h.id,
    reportId: h.reportId,
    trackingCode,
    emergencyType: ((triage ?? {}) as { emergency?: { type?: string | null } }).emergency?.type ?? null,
    locationText,
    status: h.status,
    trigger: h.trigger,
    centreRef: h.centreRef,
    dueAt: h.dueAt,
    overdue: !h.actedAt && h.dueAt.getTime() < now.getTime(),
    attempts: h.attempts,
    lastError: h.lastError,
    createdAt: h.createdAt,
    deliveredAt: h.deliveredAt,
    acceptedAt: h.acceptedAt,
    actedAt: h.actedAt,
    actedAgency: h.actedAgency,
    actedNote: h.actedNote,
    confirmedVia: h.confirmedVia,
  }))
}

/** Every minute: a hand-off past its deadline without an agency's confirmation gets one alarm event. */
export function overdueHandler(ctx: AppContext) {
  return async () => {
    const now = ctx.clock.now()
    const due = await ctx.db
      .select({ tenantId: emergencyHandoffs.tenantId, id: emergencyHandoffs.id, reportId: emergencyHandoffs.reportId, dueAt: emergencyHandoffs.dueAt })
      .from(emergencyHandoffs)
      .where(and(isNull(emergencyHandoffs.actedAt), isNull(emergencyHandoffs.overdueAt), lte(emergencyHandoffs.dueAt, now)))
      .limit(500)
    for (const h of due) {
      await ctx.db.transaction(async (tx) => {
        const done = await tx
          .update(emergencyHandoffs)
          .set({ overdueAt: now, updatedAt: now })
          .where(and(eq(emergencyHandoffs.tenantId, h.tenantId), eq(emergencyHandoffs.id, h.id), isNull(emergencyHandoffs.overdueAt)))
          .returning({ id: emergencyHandoffs.id })
        if (done.length === 0) return
        const [r] = await tx.select({ status: reports.status }).from(reports).where(and(eq(reports.tenantId, h.tenantId), eq(reports.id, h.reportId)))
        await insertEvents(
          tx,
          h.tenantId,
          h.reportId,
          [{ type: 'emergency_112_overdue', fromStatus: r!.status, toStatus: r!.status, data: { handoffId: h.id, dueAt: h.dueAt.toISOString() }, agencyId: null, internal: true }],
          { kind: 'system' },
          now,
        )
      })
    }
  }
}
