// Registers this folder's report event hook: every committed report event becomes a live notice
// (ids only) for the admin app's server-sent events. Imported once by src/jobs/handlers.ts.
import { and, eq } from 'drizzle-orm'
import { dispositions, reports } from '../db/schema/index.ts'
import { registerReportEventHook } from '../reports/hooks.ts'
import { notifyLive } from './notify.ts'

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
})
