// The tenant's settings document (tenants.settings jsonb): read it, and replace one top-level key
// at a time under a row lock so two admins saving different sections do not overwrite each other.
// Keys: sla (reports/sla.ts), calendar (reports/calendar.ts), autoReplies (settings/autoreplies.ts).
import { eq } from 'drizzle-orm'
import type { Db } from '../db/connect.ts'
import { tenants } from '../db/schema/index.ts'
import { makeCalendar, type WorkingCalendar } from '../reports/calendar.ts'

export type SettingsDoc = Record<string, unknown>

export interface TenantWithSettings {
  id: string
  name: string
  timeZone: string
  settings: SettingsDoc
}

export async function readTenant(db: Db, tenantId: string): Promise<TenantWithSettings | null> {
  const [t] = await db
    .select({ id: tenants.id, name: tenants.name, timeZone: tenants.timeZone, settings: tenants.settings })
    .from(tenants)
    .where(eq(tenants.id, tenantId))
  return t ? { ...t, settings: (t.settings ?? {}) as SettingsDoc } : null
}

/** A plain object at settings[key], or {} when absent or not an object. */
export function section(settings: SettingsDoc, key: string): Record<string, unknown> {
  const v = settings[key]
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
}

/**
 * Replace settings[key] with what `change` returns from its current value, in one transaction
 * holding the tenant row. `change` may throw (an AppError) to refuse; nothing is written then.
 */
export async function updateSettingsKey<T>(
  db: Db,
  tenantId: string,
  key: string,
  change: (current: Record<string, unknown>, all: SettingsDoc) => T,
): Promise<T> {
  return db.transaction(async (tx) => {
    const [t] = await tx.select({ settings: tenants.settings }).from(tenants).where(eq(tenants.id, tenantId)).for('update')
    const all = ((t?.settings ?? {}) as SettingsDoc) ?? {}
    const next = change(section(all, key), all)
    await tx
      .update(tenants)
      .set({ settings: { ...all, [key]: next } })
      .where(eq(tenants.id, tenantId))
    return next
  })
}

/** The tenant's working calendar, read the same way reports/store.ts loadSettings reads it. */
export function tenantCalendar(t: Pick<TenantWithSettings, 'timeZone' | 'settings'>): WorkingCalendar {
  try {
    return makeCalendar({ ...section(t.settings, 'calendar'), timeZone: t.timeZone } as Parameters<typeof makeCalendar>[0])
  } catch {
    // A malformed stored calendar must not stop intake: fall back to the zone's plain calendar.
    return makeCalendar({ timeZone: t.timeZone as Parameters<typeof makeCalendar>[0]['timeZone'] })
  }
}
