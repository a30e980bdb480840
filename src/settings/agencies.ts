// Agencies (perangkat daerah / OPD) for super admins: the admin list, create, edit, deactivate,
// and delete while nothing refers to an agency yet. The tree must stay a tree (no cycles).
import { and, asc, eq, sql } from 'drizzle-orm'
import type { Db } from '../db/connect.ts'
import { agencies } from '../db/schema/index.ts'
import { conflict, invalid } from '../http/errors.ts'
import type { AgencyType } from '../reports/model.ts'

export interface AgencyInput {
  name: string
  shortName: string
  type: AgencyType
  parentId: string | null
  requiresApproval: boolean
  isCoordinator: boolean
  keywords: string[]
  contactPhone: string | null
  contactEmail: string | null
  active: boolean
}

const columns = {
  id: agencies.id,
  parentId: agencies.parentId,
  slug: agencies.slug,
  name: agencies.name,
  shortName: agencies.shortName,
  type: agencies.type,
  requiresApproval: agencies.requiresApproval,
  isCoordinator: agencies.isCoordinator,
  keywords: agencies.keywords,
  contactPhone: agencies.contactPhone,
  contactEmail: agencies.contactEmail,
  active: agencies.active,
}

export async function listAgenciesAdmin(db: Db, tenantId: string) {
  return db.select(columns).from(agencies).where(eq(agencies.tenantId, tenantId)).orderBy(asc(agencies.name))
}

/** A URL-safe slug from a name: "Dinas PUPR" -> "dinas-pupr". */
export function slugify(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return s || 'opd'
}

/** A slug not yet used in the table for this tenant (suffix -2, -3 ...). */
export async function freeSlug(
  db: Db,
  table: typeof agencies | typeof import('../db/schema/index.ts').categories,
  tenantId: string,
  name: string,
): Promise<string> {
  const base = slugify(name)
  const rows = await db
    .select({ slug: table.slug })
    .from(table)
    .where(and(eq(table.tenantId, tenantId), sql`${table.slug} like ${`${base}%`}`))
  const used = new Set(rows.map((r) => r.slug))
  if (!used.has(base)) return base
  for (let i = 2; ; i++) if (!used.has(`${base}-${i}`)) return `${base}-${i}`
}

async function checkParent(db: Db, tenantId: string, id: string | null, parentId: string | null) {
  if (!parentId) return
  const all = await db.select({ id: agencies.id, parentId: agencies.parentId }).from(agencies).where(eq(agencies.tenantId, tenantId))
  const byId = new Map(all.map((a) => [a.id, a.parentId]))
  if (!byId.has(parentId)) throw invalid({ id: 'Induk OPD tidak dikenal.', en: 'Unknown parent agency.' })
  // Walk up from the new parent: meeting the agency itself would close a cycle.
  for (let cur: string | null | undefined = parentId, n = 0; cur && n <= all.length; cur = byId.get(cur), n++) {
    if (cur === id)
      throw invalid({
        id: 'Induk tidak boleh OPD itu sendiri atau salah satu unit di bawahnya.',
        en: 'The parent may not be the agency itself or one of its sub-units.',
      })
  }
}

export async function createAgency(db: Db, tenantId: string, input: AgencyInput) {
  await checkParent(db, tenantId, null, input.parentId)
  const slug = await freeSlug(db, agencies, tenantId, input.shortName || input.name)
  const [row] = await db
    .insert(agencies)
    .values({ tenantId, slug, ...input })
    .returning(columns)
  return row!
}

export async function updateAgency(db: Db, tenantId: string, id: string, input: Partial<AgencyInput>) {
  if (input.parentId !== undefined) await checkParent(db, tenantId, id, input.parentId)
  if (Object.keys(input).length === 0) {
    const [row] = await db.select(columns).from(agencies).where(and(eq(agencies.tenantId, tenantId), eq(agencies.id, id)))
    return row ?? null
  }
  const [row] = await db
    .update(agencies)
    .set(input)
    .where(and(eq(agencies.tenantId, tenantId), eq(agencies.id, id)))
    .returning(columns)
  return row ?? null
}

/** Rows that refer to an agency; a referenced agency is deactivated, never deleted. */
export async function agencyReferences(db: Db, tenantId: string, id: string): Promise<number> {
  const rows = await db.execute<{ n: number | string }>(sql`
    select (select count(*) from agencies where tenant_id = ${tenantId} and parent_id = ${id})
         + (select count(*) from memberships where tenant_id = ${tenantId} and agency_id = ${id})
         + (select count(*) from category_agencies where tenant_id = ${tenantId} and agency_id = ${id})
         + (select count(*) from dispositions where tenant_id = ${tenantId} and agency_id = ${id})
         + (select count(*) from responses where tenant_id = ${tenantId} and agency_id = ${id})
         + (select count(*) from report_events where tenant_id = ${tenantId} and agency_id = ${id})
         + (select count(*) from public_posts where tenant_id = ${tenantId} and agency_id = ${id}) as n`)
  const list = (rows as unknown as { rows?: { n: number | string }[] }).rows ?? (rows as unknown as { n: number | string }[])
  return Number(list[0]?.n ?? 0)
}

export async function deleteAgency(db: Db, tenantId: string, id: string): Promise<boolean> {
  if ((await agencyReferences(db, tenantId, id)) > 0)
    throw conflict({
      id: 'OPD ini sudah dipakai (pengguna, kategori, disposisi atau unit di bawahnya). Nonaktifkan saja.',
      en: 'This agency is in use (people, categories, dispositions or sub-units). Deactivate it instead.',
    })
  const del = await db
    .delete(agencies)
    .where(and(eq(agencies.tenantId, tenantId), eq(agencies.id, id)))
    .returning({ id: agencies.id })
  return del.length > 0
}
