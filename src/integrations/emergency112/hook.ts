// Report event hook: a report that is an emergency when it arrives (intake's detector, a LAPOR!
// dispatch of kind kedaruratan) or becomes one at verification opens a 112 hand-off in the same
// transaction; the hand-off's job (top priority) delivers it.
import { and, eq, inArray, or } from 'drizzle-orm'
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

/** Many reports' events (the batched intake): the emergencies among new reports found with one query per tenant. */
export async function emergency112EventHookMany(tx: Db, batches: readonly ReportEventBatch[]): Promise<void> {
  const received: ReportEventBatch[] = []
  for (const b of batches) {
    if (b.events.some((e) => e.type === 'verified_and_dispatched' && e.data.kind === 'kedaruratan')) await emergency112EventHook(tx, b)
    else if (b.events.some((e) => e.type === 'received')) received.push(b)
  }
  for (const tenantId of new Set(received.map((b) => b.tenantId))) {
    const mine = received.filter((b) => b.tenantId === tenantId)
    const urgent = await tx
      .select({ id: reports.id })
      .from(reports)
      .where(and(eq(reports.tenantId, tenantId), inArray(reports.id, mine.map((b) => b.reportId)), or(eq(reports.isEmergency, true), eq(reports.kind, 'kedaruratan'))))
    const ids = new Set(urgent.map((r) => r.id))
    for (const b of mine) if (ids.has(b.reportId)) await openHandoff(tx, tenantId, b.reportId, 'intake', b.now)
  }
}
