// Report event hook: a report that is an emergency when it arrives (intake's detector, a LAPOR!
// dispatch of kind kedaruratan) or becomes one at verification opens a 112 hand-off in the same
// transaction; the hand-off's job (top priority) delivers it.
import { and, eq } from 'drizzle-orm'
import type { Db } from '../../db/connect.ts'
import { reports } from '../../db/schema/index.ts'
import type { ReportEventBatch } from '../../reports/hooks.ts'
import { openHandoff } from './handoff.ts'

export async function emergency112EventHook(tx: Db, batch: ReportEventBatch): Promise<void> {
  const { tenantId, reportId, now } = batch
  if (batch.events.some((e) => e.type === 'verified_and_dispatched' && e.data.kind === 'kedaruratan')) {
    await openHandoff(tx, tenantId, reportId, 'verification', now)
    return
  }
  if (!batch.events.some((e) => e.type === 'received')) return
  const [r] = await tx
    .select({ isEmergency: reports.isEmergency, kind: reports.kind })
    .from(reports)
    .where(and(eq(reports.tenantId, tenantId), eq(reports.id, reportId)))
  if (r && (r.isEmergency || r.kind === 'kedaruratan')) await openHandoff(tx, tenantId, reportId, 'intake', now)
}
