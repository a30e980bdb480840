// Report event hooks: consumers (notifications, outgoing webhooks, bridges, live updates) learn
// of every report event inside the transaction that writes it, and typically enqueue their own
// job there (so the work happens only if the event commits, and once). A hook must not do I/O
// outside the transaction: enqueue, then let the job talk to the world.
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

const hooks = new Map<string, ReportEventHook>()

/** Register (or replace) a named hook. Registered at import time by the consumer's module. */
export function registerReportEventHook(name: string, hook: ReportEventHook): void {
  hooks.set(name, hook)
}

export async function runReportEventHooks(tx: Db, batch: ReportEventBatch): Promise<void> {
  for (const hook of hooks.values()) await hook(tx, batch)
}
