import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { openDatabase, type Database } from '../db/connect.ts'
import {
  agencies,
  cannedResponses,
  categories,
  categoryAgencies,
  memberships,
  regions,
  users,
} from '../db/schema/index.ts'
import { verifyPassword } from '../accounts/crypto.ts'
import { DEMO_AGENCIES } from './agencies.ts'
import { DEMO_CATEGORIES } from './categories.ts'
import { setupDemoTenant, type DemoTenant } from './tenant.ts'

let database: Database
let demo: DemoTenant
const password = 'rahasia-demo-123'

beforeAll(async () => {
  database = await openDatabase({ pgliteDataDir: 'memory://' })
  await database.migrate()
  // In one transaction, as the start-up seeding does.
  demo = await database.db.transaction((tx) => setupDemoTenant(tx, { password }))
}, 120_000)

afterAll(async () => {
  await database?.close()
})

describe('setupDemoTenant', () => {
  it('loads the real kecamatan and desa of Nagan Raya', async () => {
    const rows = await database.db.select().from(regions).where(eq(regions.tenantId, demo.tenantId))
    expect(rows.filter((r) => r.level === 'district')).toHaveLength(10)
    expect(rows.filter((r) => r.level === 'village').length).toBeGreaterThan(200)
    expect(rows.some((r) => r.name === 'Seunagan Timur')).toBe(true)
  })

  it('creates every demo login DESIGN.md lists, with the given password', async () => {
    const emails = demo.logins.map((l) => l.email)
    for (const e of ['admin', 'operator', 'leader', 'auditor'].map((r) => `${r}@demo.aduan.test`))
      expect(emails).toContain(e)
    for (const a of DEMO_AGENCIES) {
      expect(emails).toContain(`${a.slug}.admin@demo.aduan.test`)
      expect(emails).toContain(`${a.slug}.head@demo.aduan.test`)
    }
    expect(emails).toContain('dlh.admin@demo.aduan.test')
    expect(emails).toContain('dinkes.head@demo.aduan.test')
    const rows = await database.db.select().from(users)
    expect(rows).toHaveLength(demo.logins.length)
    const operator = rows.find((u) => u.email === 'operator@demo.aduan.test')!
    expect(await verifyPassword(operator.passwordHash!, password)).toBe(true)
  })

  it('gives each login its role and agency', async () => {
    const rows = await database.db
      .select({ email: users.email, role: memberships.role, agencyId: memberships.agencyId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.tenantId, demo.tenantId))
    const byEmail = new Map(rows.map((r) => [r.email, r]))
    expect(byEmail.get('admin@demo.aduan.test')?.role).toBe('super_admin')
    expect(byEmail.get('operator@demo.aduan.test')).toMatchObject({
      role: 'operator',
      agencyId: demo.agencies.diskominfotik,
    })
    expect(byEmail.get('leader@demo.aduan.test')?.role).toBe('leader')
    expect(byEmail.get('auditor@demo.aduan.test')?.role).toBe('auditor')
    expect(byEmail.get('dlh.admin@demo.aduan.test')).toMatchObject({
      role: 'agency_admin',
      agencyId: demo.agencies.dlh,
    })
    expect(byEmail.get('dinkes.head@demo.aduan.test')).toMatchObject({
      role: 'agency_head',
      agencyId: demo.agencies.dinkes,
    })
  })

  it('builds the agency tree: coordinator, SKPK, puskesmas under Dinkes, kecamatan offices', async () => {
    const rows = await database.db.select().from(agencies).where(eq(agencies.tenantId, demo.tenantId))
    const coordinators = rows.filter((a) => a.isCoordinator)
    expect(coordinators.map((a) => a.slug)).toEqual(['diskominfotik'])
    const puskesmas = rows.filter((a) => a.type === 'puskesmas')
    expect(puskesmas.length).toBeGreaterThanOrEqual(3)
    for (const p of puskesmas) expect(p.parentId).toBe(demo.agencies.dinkes)
    expect(rows.filter((a) => a.type === 'kecamatan')).toHaveLength(10)
    const skpk = rows.filter((a) => !a.parentId && a.type !== 'kecamatan')
    expect(skpk.some((a) => a.requiresApproval)).toBe(true)
    expect(skpk.some((a) => !a.requiresApproval)).toBe(true)
    for (const a of skpk) expect(a.keywords.length).toBeGreaterThan(3)
  })

  it('routes categories the way the article says', async () => {
    const rows = await database.db
      .select({
        category: categories.slug,
        agencyId: categoryAgencies.agencyId,
        position: categoryAgencies.position,
      })
      .from(categoryAgencies)
      .innerJoin(
        categories,
        and(
          eq(categories.tenantId, categoryAgencies.tenantId),
          eq(categories.id, categoryAgencies.categoryId),
        ),
      )
      .where(eq(categoryAgencies.tenantId, demo.tenantId))
    const slugOf = Object.fromEntries(Object.entries(demo.agencies).map(([slug, id]) => [id, slug]))
    const routes = (c: string) =>
      rows
        .filter((r) => r.category === c)
        .sort((a, b) => a.position - b.position)
        .map((r) => slugOf[r.agencyId])
    expect(routes('kebersihan-sampah')).toEqual(['dlh', 'dinkes'])
    expect(routes('pelayanan-obat')).toEqual(['rsud-sim', 'dinkes'])
    expect(routes('ijazah-palsu-keuchik')).toEqual(['dpmgp4'])
    expect(routes('sanitasi')).toEqual(['perkim'])
    expect(routes('pungli-maladministrasi')).toEqual(['inspektorat'])
    expect(Object.keys(demo.categories)).toHaveLength(DEMO_CATEGORIES.length)
    const wb = await database.db.select().from(categories).where(eq(categories.isWhistleblowing, true))
    expect(wb.map((c) => c.slug)).toEqual(['pungli-maladministrasi'])
  })

  it('stores canned responses with placeholders', async () => {
    const rows = await database.db
      .select()
      .from(cannedResponses)
      .where(eq(cannedResponses.tenantId, demo.tenantId))
    expect(rows.length).toBeGreaterThanOrEqual(8)
    expect(rows.some((r) => r.body.includes('{{kode}}'))).toBe(true)
    expect(rows.some((r) => r.body.includes('{{nama_opd}}'))).toBe(true)
  })
})
