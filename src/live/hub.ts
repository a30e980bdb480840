// One LISTEN per process and database, fanned out to every open server-sent-events stream.
// Subscribers get parsed notices; filtering per principal is the caller's (see visibleTo).
import type { Principal } from '../accounts/users.ts'
import type { Database } from '../db/connect.ts'
import { LIVE_CHANNEL, parseNotice, type LiveNotice } from './notify.ts'

type Listener = (n: LiveNotice) => void

interface Hub {
  listeners: Set<Listener>
  ready: Promise<void>
}

const hubs = new WeakMap<Database, Hub>()

/** Subscribe to the live notices of this database; returns the unsubscribe function. */
export async function subscribeLive(database: Database, listener: Listener): Promise<() => void> {
  let hub = hubs.get(database)
  if (!hub) {
    const listeners = new Set<Listener>()
    const ready = database
      .listen(LIVE_CHANNEL, (payload) => {
        const n = parseNotice(payload)
        if (!n) return
        for (const l of listeners) {
          try {
            l(n)
          } catch {
            // one broken stream must not stop the others
          }
        }
      })
      .then(() => undefined)
    hub = { listeners, ready }
    hubs.set(database, hub)
  }
  await hub.ready
  hub.listeners.add(listener)
  const h = hub
  return () => void h.listeners.delete(listener)
}

const TENANT_WIDE = ['super_admin', 'operator', 'auditor', 'leader'] as const
const CONVERSATION_READERS = ['super_admin', 'operator', 'auditor'] as const

/**
 * Whether the principal may hear of this notice. Mirrors the read rules: conversations are for
 * operators (and auditors, super admins); report changes for tenant-wide roles, and for agency
 * roles only when one of their agencies holds a disposition on the report. A notice carries ids
 * only; the browser then reads through the privacy-checked API, which has the last word.
 */
export function visibleTo(p: Principal, n: LiveNotice): boolean {
  if (n.tenantId !== p.tenantId) return false
  if (n.kind === 'message') return CONVERSATION_READERS.some((r) => p.roles.has(r))
  if (TENANT_WIDE.some((r) => p.roles.has(r))) return true
  if (p.roles.has('agency_admin') || p.roles.has('agency_head')) return n.agencyIds.some((a) => p.agencyIds.includes(a))
  return false
}
