// The LAPOR! bridge's report event hook: runs inside the transaction that writes report events.
// A verification forwards the report when the tenant's policy says so (all, or its category);
// any status change of a report LAPOR! knows enqueues a status push. Only enqueues; jobs do I/O.
import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../db/connect.ts'
import { laporLinks, reports } from '../../db/schema/index.ts'
import type { ReportEventBatch } from '../../reports/hooks.ts'
import { enqueuePush, scheduleForward, shouldForward } from './outbound.ts'

export async function laporEventHook(tx: Db, batch: ReportEventBatch): Promise<void> {
  const { tenantId, reportId, now } = batch
  if (batch.events.some((e) => e.type === 'verified_and_dispatched')) {
    const [r] = await tx
      .select({ categoryId: reports.categoryId, channelType: reports.channelType })
      .from(reports)
      .where(and(eq(reports.tenantId, tenantId), eq(reports.id, reportId)))
    if (r && r.channelType !== 'lapor' && (await shouldForward(tx, tenantId, r.categoryId))) {
      if (await scheduleForward(tx, tenantId, reportId, now)) return
    }
  }
  if (!batch.events.some((e) => e.toStatus !== null && e.toStatus !== e.fromStatus)) return
  const [link] = await tx
    .select({ state: laporLinks.state })
    .from(laporLinks)
    .where(and(eq(laporLinks.tenantId, tenantId), eq(laporLinks.reportId, reportId)))
  if (link?.state === 'sent') await enqueuePush(tx, tenantId, reportId)
}

/** Many reports' events (the batched intake): the status pushes found with one query per tenant. */
export async function laporEventHookMany(tx: Db, batches: readonly ReportEventBatch[]): Promise<void> {
  const changed: ReportEventBatch[] = []
  for (const b of batches) {
    if (b.events.some((e) => e.type === 'verified_and_dispatched')) await laporEventHook(tx, b)
    else if (b.events.some((e) => e.toStatus !== null && e.toStatus !== e.fromStatus)) changed.push(b)
  }
  for (const tenantId of new Set(changed.map((b) => b.tenantId))) {
    const ids = changed.filter((b) => b.tenantId === tenantId).map((b) => b.reportId)
    const links = await tx
      .select({ reportId: laporLinks.reportId })
      .from(laporLinks)
      .where(and(eq(laporLinks.tenantId, tenantId), inArray(laporLinks.reportId, ids), eq(laporLinks.state, 'sent')))
    for (const l of links) await enqueuePush(tx, tenantId, l.reportId)
  }
}
