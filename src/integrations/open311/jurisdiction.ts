// jurisdiction_id is the tenant's slug. Without it the endpoint serves its only tenant; with
// several tenants a client must name one.
import { eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/connect.ts'
import { tenants } from '../../db/schema/index.ts'
import { Open311Error } from './format.ts'

export interface Jurisdiction {
  id: string
  slug: string
  name: string
  timeZone: string
}

const columns = { id: tenants.id, slug: tenants.slug, name: tenants.name, timeZone: tenants.timeZone }

export async function resolveJurisdiction(db: Db, jurisdictionId: string | undefined): Promise<Jurisdiction> {
  if (jurisdictionId) {
    const [t] = await db.select(columns).from(tenants).where(eq(tenants.slug, jurisdictionId)).limit(1)
    if (!t) throw new Open311Error(404, `jurisdiction_id ${jurisdictionId.slice(0, 60)} not found`)
    return t
  }
  const rows = await db.select(columns).from(tenants).orderBy(sql`${tenants.createdAt}`).limit(2)
  if (rows.length === 1) return rows[0]!
  throw new Open311Error(400, 'jurisdiction_id is required: this endpoint serves several jurisdictions')
}

export async function jurisdictionById(db: Db, tenantId: string): Promise<Jurisdiction> {
  const [t] = await db.select(columns).from(tenants).where(eq(tenants.id, tenantId)).limit(1)
  if (!t) throw new Open311Error(404, 'jurisdiction not found')
  return t
}
