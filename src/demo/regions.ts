// The regions the demo content is placed in: Nagan Raya's real kecamatan and desa, read from
// idn-area-data the same way createTenant loads them (or from the regions table of a tenant).
import { regionRowsFor } from '../accounts/tenants.ts'
import { DEMO_TENANT } from './tenant.ts'

export interface DemoRegion {
  code: string
  name: string
  level: 'province' | 'regency' | 'district' | 'village'
  parentCode: string | null
}

/** Nagan Raya's regions from idn-area-data (no database needed). */
export async function loadDemoRegions(): Promise<DemoRegion[]> {
  const rows = await regionRowsFor('demo', DEMO_TENANT.regionCode)
  return rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parentCode ?? null }))
}
