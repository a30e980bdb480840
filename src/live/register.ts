// Registers this folder's report event hook: every committed report event becomes a live notice
// (ids only) for the admin app's server-sent events. Imported once by src/jobs/handlers.ts.
import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Db } from '../db/connect.ts'
import { dispositions, reports } from '../db/schema/index.ts'
import { registerReportEventHook, type ReportEventBatch } from '../reports/hooks.ts'
import { LIVE_CHANNEL, notifyLive, type LiveNotice } from './notify.ts'

registerReportEventHook('live', async (tx, batch) => {
  const rows = await tx
    .select({ agencyId: dispositions.agencyId })
    .from(dispositions)
    .where(and(eq(dispositions.tenantId, batch.tenantId), eq(dispositions.reportId, batch.reportId)))
  const [r] = await tx
    .select({ conversationId: reports.conversationId })
    .from(reports)
    .where(and(eq(reports.tenantId, batch.tenantId), eq(reports.id, batch.reportId)))
  const agencyIds = new Set(rows.map((d) => d.agencyId))
  for (const e of batch.events) if (e.agencyId) agencyIds.add(e.agencyId)
  await notifyLive(tx, {
    tenantId: batch.tenantId,
    kind: 'report',
    reportId: batch.reportId,
    conversationId: r?.conversationId ?? null,
    agencyIds: [...agencyIds],
    types: [...new Set(batch.events.map((e) => e.type))],
  })
}, liveMany)

/** The same notices for many reports (the batched intake): three statements whatever their number. */
async function liveMany(tx: Db, batches: readonly ReportEventBatch[]): Promise<void> {
  const notices: LiveNotice[] = []
  for (const tenantId of new Set(batches.map((b) => b.tenantId))) {
    const mine = batches.filter((b) => b.tenantId === tenantId)
    const ids = [...new Set(mine.map((b) => b.reportId))]
    const disp = await tx
      .select({ reportId: dispositions.reportId, agencyId: dispositions.agencyId })
      .from(dispositions)
      .where(and(eq(dispositions.tenantId, tenantId), inArray(dispositions.reportId, ids)))
    const convs = await tx
      .select({ id: reports.id, conversationId: reports.conversationId })
      .from(reports)
      .where(and(eq(reports.tenantId, tenantId), inArray(reports.id, ids)))
    const conversationOf = new Map(convs.map((r) => [r.id, r.conversationId]))
    const agenciesOf = new Map<string, string[]>()
    for (const d of disp) agenciesOf.set(d.reportId, [...(agenciesOf.get(d.reportId) ?? []), d.agencyId])
    for (const b of mine) {
      const agencyIds = new Set(agenciesOf.get(b.reportId) ?? [])
      for (const e of b.events) if (e.agencyId) agencyIds.add(e.agencyId)
      notices.push({
        tenantId,
        kind: 'report',
        reportId: b.reportId,
        conversationId: conversationOf.get(b.reportId) ?? null,
        agencyIds: [...agencyIds],
        types: [...new Set(b.events.map((e) => e.type))],
      })
    }
  }
  await tx.execute(sql`select pg_notify(${LIVE_CHANNEL}, n) from jsonb_array_elements_text(${JSON.stringify(notices.map((n) => JSON.stringify(n)))}::jsonb) as n`)
}
