// Which tenant (Pemda) the public portal serves. One deployment usually serves one Pemda; several
// can share one by host name. Order: a tenant whose settings.portal.hosts lists the request's
// host; else the tenant marked settings.portal.default; else the demo tenant (slug nagan-raya);
// else the oldest tenant. Cached for a minute (tenants change rarely).
import { asc } from 'drizzle-orm'
import type { Db } from '../db/connect.ts'
import { tenants } from '../db/schema/index.ts'

export interface PortalTenant {
  id: string
  slug: string
  name: string
  regionCode: string
  timeZone: string
}

type Row = typeof tenants.$inferSelect
let cache: { at: number; db: Db; rows: Row[] } | null = null

async function allTenants(db: Db, now: number): Promise<Row[]> {
  if (cache && cache.db === db && now - cache.at < 60_000) return cache.rows
  const rows = await db.select().from(tenants).orderBy(asc(tenants.createdAt), asc(tenants.id))
  if (rows.length > 0) cache = { at: now, db, rows }
  return rows
}

/** Test helper and for admins changing portal settings: forget the cached list. */
export function forgetPortalTenants(): void {
  cache = null
}

const portalSettings = (t: Row) => (t.settings?.portal ?? {}) as { hosts?: unknown; default?: unknown }

export function pickTenant(rows: Row[], host: string | undefined): Row | undefined {
  const h = (host ?? '').toLowerCase().replace(/:\d+$/, '')
  const byHost = rows.find((t) => {
    const hosts = portalSettings(t).hosts
    return Array.isArray(hosts) && hosts.some((x) => typeof x === 'string' && x.toLowerCase() === h)
  })
  return byHost ?? rows.find((t) => portalSettings(t).default === true) ?? rows.find((t) => t.slug === 'nagan-raya') ?? rows[0]
}

export async function resolvePortalTenant(db: Db, host: string | undefined): Promise<PortalTenant | null> {
  const rows = await allTenants(db, Date.now()) // an empty list is not cached: a fresh install looks again
  const t = pickTenant(rows, host)
  return t ? { id: t.id, slug: t.slug, name: t.name, regionCode: t.regionCode, timeZone: t.timeZone } : null
}
