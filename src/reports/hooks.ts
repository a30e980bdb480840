// Report event hooks: consumers (notifications, outgoing webhooks, bridges, live updates) learn
// of every report event inside the transaction that writes it, and typically enqueue their own
// job there (so the work happens only if the event commits, and once). A hook must not do I/O
// outside the transaction: enqueue, then let the job talk to the world.
// A hook may also give a set-based variant for many reports at once (`many`): the batched intake
// opens hundreds of reports in one transaction and calls it once instead of once per report.
// It must do exactly what calling the hook once per batch would do.
import type { Db } from '../db/connect.ts'
import type { Actor } from './lifecycle-types.ts'

export interface ReportEventRecord {
  id: number
  type: string
  fromStatus: string | null
  toStatus: string | null
  agencyId: string | null
  data: Record<string, unknown>
  internal: boolean
}

export interface ReportEventBatch {
  tenantId: string
  reportId: string
  events: readonly ReportEventRecord[]
  actor: Actor
  now: Date
}

export type ReportEventHook = (tx: Db, batch: ReportEventBatch) => Promise<void>
export type ReportEventHookMany = (tx: Db, batches: readonly ReportEventBatch[]) => Promise<void>

const hooks = new Map<string, { one: ReportEventHook; many?: ReportEventHookMany }>()

/** Register (or replace) a named hook. Registered at import time by the consumer's module. */
export function registerReportEventHook(name: string, hook: ReportEventHook, many?: ReportEventHookMany): void {
  hooks.set(name, { one: hook, many })
}

export async function runReportEventHooks(tx: Db, batch: ReportEventBatch): Promise<void> {
  await runReportEventHooksMany(tx, [batch])
}

/** Every hook for many reports' events (one batch per report), hook by hook, in registration order. */
export async function runReportEventHooksMany(tx: Db, batches: readonly ReportEventBatch[]): Promise<void> {
  if (batches.length === 0) return
  for (const { one, many } of hooks.values()) {
    if (many && batches.length > 1) await many(tx, batches)
    else for (const b of batches) await one(tx, b)
  }
}
