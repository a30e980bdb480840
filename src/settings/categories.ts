// Categories for super admins: name, SLA tier, keywords, whistle-blowing flag, and the default
// agencies in order of preference (category_agencies.position; the first is suggested first).
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { Db } from '../db/connect.ts'
import { agencies, categories, categoryAgencies } from '../db/schema/index.ts'
import { conflict, invalid } from '../http/errors.ts'
import type { SlaTier } from '../reports/model.ts'
import { freeSlug } from './agencies.ts'

export interface CategoryInput {
  name: string
  description: string | null
  slaTier: SlaTier
  keywords: string[]
  isWhistleblowing: boolean
  parentId: string | null
  active: boolean
  defaultAgencyIds: string[]
}

const columns = {
  id: categories.id,
  parentId: categories.parentId,
  slug: categories.slug,
  name: categories.name,
  description: categories.description,
  slaTier: categories.slaTier,
  keywords: categories.keywords,
  isWhistleblowing: categories.isWhistleblowing,
  active: categories.active,
}

export async function listCategoriesAdmin(db: Db, tenantId: string) {
  const rows = await db.select(columns).from(categories).where(eq(categories.tenantId, tenantId)).orderBy(asc(categories.name))
  const links = await db
    .select()
    .from(categoryAgencies)
    .where(eq(categoryAgencies.tenantId, tenantId))
    .orderBy(asc(categoryAgencies.position))
  return rows.map((c) => ({ ...c, defaultAgencyIds: links.filter((l) => l.categoryId === c.id).map((l) => l.agencyId) }))
}

async function getCategory(db: Db, tenantId: string, id: string) {
  return (await listCategoriesAdmin(db, tenantId)).find((c) => c.id === id) ?? null
}

/** Agencies of the Inspektorat path: inspektorat-type agencies and their sub-units. */
async function integrityAgencies(db: Db, tenantId: string): Promise<Set<string>> {
  const rows = await db.select({ id: agencies.id, parentId: agencies.parentId, type: agencies.type }).from(agencies).where(eq(agencies.tenantId, tenantId))
  const set = new Set(rows.filter((a) => a.type === 'inspektorat').map((a) => a.id))
  for (let grew = true; grew; ) {
    grew = false
    for (const a of rows)
      if (a.parentId && set.has(a.parentId) && !set.has(a.id)) {
        set.add(a.id)
        grew = true
      }
  }
  return set
}

async function checkInput(db: Db, tenantId: string, id: string | null, c: Partial<CategoryInput>, whistle: boolean) {
  const ids = c.defaultAgencyIds
  if (ids) {
    if (new Set(ids).size !== ids.length) throw invalid({ id: 'OPD default tidak boleh berulang.', en: 'Default agencies may not repeat.' })
    if (ids.length > 0) {
      const found = await db.select({ id: agencies.id, active: agencies.active }).from(agencies).where(and(eq(agencies.tenantId, tenantId), inArray(agencies.id, ids)))
      if (found.length !== ids.length) throw invalid({ id: 'OPD default tidak dikenal.', en: 'Unknown default agency.' })
    }
    if (whistle && ids.length > 0) {
      const allowed = await integrityAgencies(db, tenantId)
      if (ids.some((a) => !allowed.has(a)))
        throw invalid({
          id: 'Kategori whistle-blowing hanya boleh diarahkan ke Inspektorat atau unit di bawahnya.',
          en: 'A whistle-blowing category may only default to the Inspektorat or its sub-units.',
        })
    }
  }
  if (c.parentId) {
    if (c.parentId === id) throw invalid({ id: 'Kategori tidak boleh menjadi induknya sendiri.', en: 'A category cannot be its own parent.' })
    const [p] = await db.select({ parentId: categories.parentId }).from(categories).where(and(eq(categories.tenantId, tenantId), eq(categories.id, c.parentId)))
    if (!p) throw invalid({ id: 'Induk kategori tidak dikenal.', en: 'Unknown parent category.' })
    if (id && p.parentId === id) throw invalid({ id: 'Induk kategori membentuk lingkaran.', en: 'The parent category would form a cycle.' })
  }
}

async function writeDefaults(tx: Db, tenantId: string, categoryId: string, ids: string[]) {
  await tx.delete(categoryAgencies).where(and(eq(categoryAgencies.tenantId, tenantId), eq(categoryAgencies.categoryId, categoryId)))
  if (ids.length > 0)
    await tx.insert(categoryAgencies).values(ids.map((agencyId, position) => ({ tenantId, categoryId, agencyId, position })))
}

export async function createCategory(db: Db, tenantId: string, input: CategoryInput) {
  await checkInput(db, tenantId, null, input, input.isWhistleblowing)
  const slug = await freeSlug(db, categories, tenantId, input.name)
  const { defaultAgencyIds, ...fields } = input
  const id = await db.transaction(async (tx) => {
    const [row] = await tx.insert(categories).values({ tenantId, slug, ...fields }).returning({ id: categories.id })
    await writeDefaults(tx, tenantId, row!.id, defaultAgencyIds)
    return row!.id
  })
  return (await getCategory(db, tenantId, id))!
}

export async function updateCategory(db: Db, tenantId: string, id: string, input: Partial<CategoryInput>) {
  const current = await getCategory(db, tenantId, id)
  if (!current) return null
  const whistle = input.isWhistleblowing ?? current.isWhistleblowing
  // Turning the flag on re-checks the defaults already stored.
  await checkInput(db, tenantId, id, { ...input, defaultAgencyIds: input.defaultAgencyIds ?? current.defaultAgencyIds }, whistle)
  const { defaultAgencyIds, ...fields } = input
  await db.transaction(async (tx) => {
    if (Object.keys(fields).length > 0)
      await tx.update(categories).set(fields).where(and(eq(categories.tenantId, tenantId), eq(categories.id, id)))
    if (defaultAgencyIds) await writeDefaults(tx, tenantId, id, defaultAgencyIds)
  })
  return getCategory(db, tenantId, id)
}

/** Deletes a category no report uses yet; a used one is to be deactivated instead. */
export async function deleteCategory(db: Db, tenantId: string, id: string): Promise<boolean> {
  const rows = await db.execute<{ n: number | string }>(sql`
    select (select count(*) from reports where tenant_id = ${tenantId} and category_id = ${id})
         + (select count(*) from categories where tenant_id = ${tenantId} and parent_id = ${id}) as n`)
  const list = (rows as unknown as { rows?: { n: number | string }[] }).rows ?? (rows as unknown as { n: number | string }[])
  if (Number(list[0]?.n ?? 0) > 0)
    throw conflict({
      id: 'Kategori ini sudah dipakai laporan atau punya subkategori. Nonaktifkan saja.',
      en: 'This category is used by reports or has sub-categories. Deactivate it instead.',
    })
  const del = await db.delete(categories).where(and(eq(categories.tenantId, tenantId), eq(categories.id, id))).returning({ id: categories.id })
  return del.length > 0
}
