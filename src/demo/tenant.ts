// The demo tenant: Pemerintah Kabupaten Nagan Raya with its real kecamatan and desa, the SKPK
// from the Diskominfotik article, categories routed as the article says, one login per role and
// per agency, and canned responses. Reports come separately (content.ts gives their planned life).
import { and, asc, eq } from 'drizzle-orm'
import type { Db } from '../db/connect.ts'
import { agencies, cannedResponses, categories, categoryAgencies, regions } from '../db/schema/index.ts'
import { createTenant } from '../accounts/tenants.ts'
import { createUser } from '../accounts/users.ts'
import type { Role } from '../reports/model.ts'
import {
  DEMO_AGENCIES,
  DEMO_PUSKESMAS,
  STAFFED_AGENCIES,
  kecamatanAgency,
  type DemoAgency,
} from './agencies.ts'
import { DEMO_CANNED_RESPONSES } from './canned.ts'
import { DEMO_CATEGORIES } from './categories.ts'

export const DEMO_TENANT = {
  slug: 'nagan-raya',
  name: 'Pemerintah Kabupaten Nagan Raya',
  kind: 'kabupaten',
  regionCode: '11.15',
  timeZone: 'Asia/Jakarta',
  codePrefix: 'NGR',
} as const

export const DEMO_EMAIL_DOMAIN = 'demo.aduan.test'

export interface DemoLogin {
  email: string
  role: Role
  agencySlug?: string
  name: string
}

export interface DemoTenant {
  tenantId: string
  logins: DemoLogin[]
  /** slug -> id, every agency including puskesmas and kecamatan offices. */
  agencies: Record<string, string>
  /** slug -> id */
  categories: Record<string, string>
}

/** The demo logins, in the order they are printed: the four tenant-wide roles, then two per agency. */
export function demoLogins(): DemoLogin[] {
  const at = (local: string) => `${local}@${DEMO_EMAIL_DOMAIN}`
  const logins: DemoLogin[] = [
    { email: at('admin'), role: 'super_admin', name: 'Teuku Akmal Rizki' },
    { email: at('operator'), role: 'operator', agencySlug: 'diskominfotik', name: 'Cut Rahmi Fitria' },
    { email: at('leader'), role: 'leader', name: 'Drs. Abdul Hadi Syam, M.Si.' },
    { email: at('auditor'), role: 'auditor', name: 'Nurlaili, S.E., Ak.' },
  ]
  for (const a of STAFFED_AGENCIES) {
    logins.push({
      email: at(`${a.slug}.admin`),
      role: 'agency_admin',
      agencySlug: a.slug,
      name: a.staff!.admin,
    })
    logins.push({ email: at(`${a.slug}.head`), role: 'agency_head', agencySlug: a.slug, name: a.staff!.head })
  }
  return logins
}

async function insertAgency(db: Db, tenantId: string, a: DemoAgency, ids: Record<string, string>) {
  const parentId = a.parent ? ids[a.parent] : null
  if (a.parent && !parentId) throw new Error(`demo agency ${a.slug}: parent ${a.parent} is not created yet`)
  const [row] = await db
    .insert(agencies)
    .values({
      tenantId,
      parentId,
      slug: a.slug,
      name: a.name,
      shortName: a.shortName,
      type: a.type,
      requiresApproval: a.requiresApproval,
      isCoordinator: a.isCoordinator ?? false,
      regionCode: a.regionCode ?? null,
      keywords: a.keywords,
      contactEmail: a.contactEmail ?? null,
    })
    .returning({ id: agencies.id })
  ids[a.slug] = row!.id
}

/** The district (kecamatan) regions of a tenant, in code order. */
export async function tenantDistricts(db: Db, tenantId: string): Promise<{ code: string; name: string }[]> {
  return db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(and(eq(regions.tenantId, tenantId), eq(regions.level, 'district')))
    .orderBy(asc(regions.code))
}

/**
 * Creates the demo tenant with everything but reports. Pass a transaction as `db` to make it
 * atomic. Every login gets `password`.
 */
export async function setupDemoTenant(db: Db, opts: { password: string }): Promise<DemoTenant> {
  const tenant = await createTenant(db, { ...DEMO_TENANT })
  const tenantId = tenant.id

  const agencyIds: Record<string, string> = {}
  for (const a of DEMO_AGENCIES) await insertAgency(db, tenantId, a, agencyIds)
  for (const p of DEMO_PUSKESMAS) await insertAgency(db, tenantId, p, agencyIds)
  const districts = await tenantDistricts(db, tenantId)
  if (districts.length === 0) throw new Error('demo tenant: no kecamatan were loaded for region 11.15')
  for (const d of districts) await insertAgency(db, tenantId, kecamatanAgency(d), agencyIds)

  const categoryIds: Record<string, string> = {}
  for (const c of DEMO_CATEGORIES) {
    const [row] = await db
      .insert(categories)
      .values({
        tenantId,
        slug: c.slug,
        name: c.name,
        description: c.description,
        slaTier: c.slaTier,
        keywords: c.keywords,
        isWhistleblowing: c.isWhistleblowing ?? false,
      })
      .returning({ id: categories.id })
    categoryIds[c.slug] = row!.id
    await db.insert(categoryAgencies).values(
      c.agencies.map((slug, position) => {
        const agencyId = agencyIds[slug]
        if (!agencyId) throw new Error(`demo category ${c.slug}: unknown agency ${slug}`)
        return { tenantId, categoryId: row!.id, agencyId, position }
      }),
    )
  }

  await db.insert(cannedResponses).values(
    DEMO_CANNED_RESPONSES.map((r) => ({
      tenantId,
      shortcut: r.shortcut,
      title: r.title,
      body: r.body,
      autoReply: r.autoReply ?? null,
    })),
  )

  const logins = demoLogins()
  for (const l of logins) {
    await createUser(db, {
      email: l.email,
      name: l.name,
      password: opts.password,
      tenantId,
      role: l.role,
      agencyId: l.agencySlug ? agencyIds[l.agencySlug] : null,
    })
  }

  return { tenantId, logins, agencies: agencyIds, categories: categoryIds }
}
