// Creating a tenant (a Pemda): its row, and its own regions loaded from idn-area-data
// (Kemendagri codes; ODbL data) down to desa/kelurahan.
import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data'
import type { Db } from '../db/connect.ts'
import { regions, tenants } from '../db/schema/index.ts'
import type { TimeZone } from '../reports/model.ts'

export interface NewTenant {
  slug: string
  name: string
  kind: 'kabupaten' | 'kota' | 'provinsi'
  regionCode: string
  timeZone: TimeZone
  codePrefix: string
  settings?: Record<string, unknown>
}

export async function createTenant(db: Db, input: NewTenant) {
  const [t] = await db
    .insert(tenants)
    .values({ ...input, settings: input.settings ?? {} })
    .returning()
  await loadRegions(db, t!.id, input.regionCode)
  return t!
}

const titleCase = (s: string) =>
  s
    .toLowerCase()
    .replace(/(^|[\s(/-])([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase())
    .replace(/^Kabupaten /, 'Kabupaten ')

type RegionRow = typeof regions.$inferInsert

/** Regions under (and including) a province or regency code, with their parents up to the province. */
export async function regionRowsFor(tenantId: string, code: string): Promise<RegionRow[]> {
  const [provinces, regencies, districts, villages] = await Promise.all([
    getProvinces(),
    getRegencies(),
    getDistricts(),
    getVillages(),
  ])
  const under = (c: string) => c === code || c.startsWith(code + '.')
  const rows: RegionRow[] = []
  const provCode = code.split('.')[0]!
  for (const p of provinces) if (p.code === provCode) rows.push({ tenantId, code: p.code, parentCode: null, level: 'province', name: titleCase(p.name) })
  for (const r of regencies)
    if (under(r.code) || (code.split('.').length > 1 && r.code === code))
      rows.push({ tenantId, code: r.code, parentCode: r.province_code, level: 'regency', name: titleCase(r.name) })
  for (const d of districts) if (under(d.code)) rows.push({ tenantId, code: d.code, parentCode: d.regency_code, level: 'district', name: d.name })
  for (const v of villages) if (under(v.code)) rows.push({ tenantId, code: v.code, parentCode: v.district_code, level: 'village', name: v.name })
  return rows
}

export async function loadRegions(db: Db, tenantId: string, code: string): Promise<number> {
  const rows = await regionRowsFor(tenantId, code)
  for (let i = 0; i < rows.length; i += 500) {
    await db.insert(regions).values(rows.slice(i, i + 500)).onConflictDoNothing()
  }
  return rows.length
}
