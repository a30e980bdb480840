// Services are the tenant's active categories (service_code = category slug); every service has
// the same optional attributes: the kind of report, the privacy choice and the region code.
import { and, eq } from 'drizzle-orm'
import type { Db } from '../../db/connect.ts'
import { categories } from '../../db/schema/index.ts'
import { REPORT_KIND_LABELS } from '../../reports/model.ts'
import { Open311Error } from './format.ts'

export const SUBMITTABLE_KINDS = ['pengaduan', 'aspirasi', 'permintaan_informasi', 'kedaruratan'] as const
export const PRIVACY_CHOICES = {
  publik: 'Publik: laporan dapat dilihat publik setelah diverifikasi (public)',
  anonim: 'Anonim: identitas pelapor disembunyikan (anonymous)',
  rahasia: 'Rahasia: laporan tidak dipublikasikan (confidential)',
} as const

export async function listServices(db: Db, tenantId: string) {
  const rows = await db
    .select({ id: categories.id, slug: categories.slug, name: categories.name, description: categories.description, keywords: categories.keywords, parentId: categories.parentId })
    .from(categories)
    .where(and(eq(categories.tenantId, tenantId), eq(categories.active, true)))
    .orderBy(categories.name)
  const names = new Map(rows.map((r) => [r.id, r.name]))
  return rows.map((r) => ({
    service_code: r.slug,
    service_name: r.name,
    description: r.description ?? r.name,
    metadata: true,
    type: 'realtime',
    keywords: r.keywords.join(', '),
    group: r.parentId ? (names.get(r.parentId) ?? '') : '',
  }))
}

export async function findService(db: Db, tenantId: string, code: string) {
  const [c] = await db
    .select({ id: categories.id, slug: categories.slug, name: categories.name, slaTier: categories.slaTier })
    .from(categories)
    .where(and(eq(categories.tenantId, tenantId), eq(categories.slug, code), eq(categories.active, true)))
    .limit(1)
  return c ?? null
}

export async function serviceDefinition(db: Db, tenantId: string, code: string) {
  if (!(await findService(db, tenantId, code))) throw new Open311Error(404, `service_code ${code.slice(0, 60)} not found`)
  return {
    service_code: code,
    attributes: [
      {
        variable: true,
        code: 'kind',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: 'Jenis laporan; default pengaduan',
        order: 1,
        description: 'Jenis laporan (kind of report)',
        values: SUBMITTABLE_KINDS.map((k) => ({ key: k, name: `${REPORT_KIND_LABELS[k].id} (${REPORT_KIND_LABELS[k].en})` })),
      },
      {
        variable: true,
        code: 'privacy',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: 'Pilihan kerahasiaan; default publik',
        order: 2,
        description: 'Kerahasiaan pelapor dan laporan (privacy)',
        values: Object.entries(PRIVACY_CHOICES).map(([key, name]) => ({ key, name })),
      },
      {
        variable: true,
        code: 'region_code',
        datatype: 'string',
        required: false,
        datatype_description: 'Kode wilayah Kemendagri, misalnya 11.15.01.2001',
        order: 3,
        description: 'Desa/kelurahan atau kecamatan lokasi (region code)',
        values: [],
      },
    ],
  }
}
