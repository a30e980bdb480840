// The sync log operators read (GET /api/bridges/log): one integration_log row per exchange with
// another system. Details carry ids, statuses and error classes, never report texts or identities.
import type { Db } from '../../db/connect.ts'
import { integrationLog } from '../../db/schema/index.ts'

export interface LogEntry {
  tenantId: string
  system: 'lapor' | 'emergency112'
  reportId?: string | null
  direction: 'out' | 'in'
  action: string
  /** ok | retry | failed | skipped | conflict */
  status: string
  detail?: Record<string, unknown>
}

export async function logIntegration(tx: Db, e: LogEntry, now: Date): Promise<void> {
  await tx.insert(integrationLog).values({
    tenantId: e.tenantId,
    system: e.system,
    reportId: e.reportId ?? null,
    direction: e.direction,
    action: e.action,
    status: e.status,
    detail: e.detail ?? {},
    createdAt: now,
  })
}
