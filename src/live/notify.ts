// Live-update notices: a tiny NOTIFY on one channel, sent inside the writer's transaction (so a
// notice goes out only if the change commits). Payloads carry ids only, never report text or
// identities: the SSE route filters them per principal and the browser reads the changed item
// through the ordinary, privacy-checked API.
import { sql } from 'drizzle-orm'
import type { Db } from '../db/connect.ts'

export const LIVE_CHANNEL = 'aduan_live'

export interface LiveNotice {
  tenantId: string
  /** report: a report event was written; message: a conversation got a new message. */
  kind: 'report' | 'message'
  reportId: string | null
  conversationId: string | null
  /** Agencies with a disposition on the report (or named by the event): who else may hear of it. */
  agencyIds: string[]
  /** Event types (report) or the direction (message). */
  types: string[]
}

export async function notifyLive(tx: Db, n: LiveNotice): Promise<void> {
  await tx.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(n)})`)
}

export function parseNotice(payload: string): LiveNotice | null {
  try {
    const n = JSON.parse(payload) as LiveNotice
    if (typeof n?.tenantId !== 'string' || (n.kind !== 'report' && n.kind !== 'message')) return null
    return { ...n, agencyIds: Array.isArray(n.agencyIds) ? n.agencyIds : [], types: Array.isArray(n.types) ? n.types : [] }
  } catch {
    return null
  }
}
