// Filing a report from the portal: validate the form, keep the photos (the media store keeps the
// original for operators and a copy without any metadata for everyone else), the contact for
// follow-up if one is given, openReport() with channel 'web' as the reporter, and the private
// link's secret (only its SHA-256 is stored).
import { and, eq, inArray } from 'drizzle-orm'
import { z } from 'zod'
import { randomToken, sha256 } from '../accounts/crypto.ts'
import type { AppContext } from '../context.ts'
import type { Db } from '../db/connect.ts'
import { attachments, categories, contactIdentities, contacts, regions, reports } from '../db/schema/index.ts'
import { AppError } from '../http/errors.ts'
import { storeMedia, type StoredMedia } from '../media/store.ts'
import { openReport } from '../reports/open.ts'

export const PORTAL_KINDS = ['pengaduan', 'aspirasi', 'permintaan_informasi'] as const
export const MAX_PHOTOS = 3
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif']

const empty = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)

export const ReportForm = z
  .object({
    body: z.string().trim().min(10).max(5000),
    kind: z.enum(PORTAL_KINDS).default('pengaduan'),
    category: z.preprocess(empty, z.uuid().optional()),
    region: z.preprocess(empty, z.string().regex(/^\d{2}(\.\d{2,4}){1,3}$/).optional()),
    place: z.preprocess(empty, z.string().trim().max(200).optional()),
    privacy: z.enum(['normal', 'anonymous', 'confidential']).default('normal'),
    contact: z.enum(['none', 'whatsapp', 'sms', 'email']).default('none'),
    contactValue: z.preprocess(empty, z.string().trim().max(200).optional()),
    name: z.preprocess(empty, z.string().trim().max(100).optional()),
  })
  .superRefine((f, c) => {
    if (f.contact === 'none') return
    if (!f.contactValue) c.addIssue({ code: 'custom', path: ['contactValue'], message: 'required' })
    else if (f.contact === 'email' && !z.email().safeParse(f.contactValue).success)
      c.addIssue({ code: 'custom', path: ['contactValue'], message: 'email' })
    else if (f.contact !== 'email' && !normalisePhone(f.contactValue))
      c.addIssue({ code: 'custom', path: ['contactValue'], message: 'phone' })
  })
export type ReportFormValues = z.infer<typeof ReportForm>

/** Indonesian mobile numbers as 62xxxxxxxxx, or null. */
export function normalisePhone(v: string): string | null {
  let d = v.replace(/[\s.\-()]/g, '')
  if (d.startsWith('+')) d = d.slice(1)
  if (d.startsWith('0')) d = `62${d.slice(1)}`
  if (d.startsWith('8')) d = `62${d}`
  return /^62\d{8,13}$/.test(d) ? d : null
}

export interface Photo {
  bytes: Buffer
  mimeType: string
  fileName: string | null
}

export const refusal = (id: string, en: string, extra: Record<string, unknown> = {}) =>
  new AppError('invalid', { id, en }, extra)

/** Store photos before the transaction (file I/O); refuse anything that does not decode as an image. */
export async function storePhotos(ctx: AppContext, tenantId: string, photos: Photo[]): Promise<(StoredMedia & { fileName: string | null })[]> {
  const out = []
  for (const p of photos) {
    const stored = await storeMedia(ctx.config.DATA_DIR, tenantId, { bytes: p.bytes, mimeType: p.mimeType })
    if (!stored.publicStorageKey)
      throw refusal('Berkas foto tidak dapat dibaca sebagai gambar.', 'A photo could not be read as an image.', { field: 'photos' })
    out.push({ ...stored, fileName: p.fileName ? p.fileName.slice(0, 120) : null })
  }
  return out
}

async function checkReferences(tx: Db, tenantId: string, f: ReportFormValues) {
  if (f.category) {
    const [c] = await tx
      .select({ id: categories.id })
      .from(categories)
      .where(and(eq(categories.tenantId, tenantId), eq(categories.id, f.category), eq(categories.active, true)))
    if (!c) throw refusal('Kategori tidak dikenal.', 'Unknown category.', { field: 'category' })
  }
  if (f.region) {
    const [r] = await tx
      .select({ code: regions.code })
      .from(regions)
      .where(and(eq(regions.tenantId, tenantId), eq(regions.code, f.region), inArray(regions.level, ['district', 'village'])))
    if (!r) throw refusal('Kecamatan/desa tidak dikenal.', 'Unknown district or village.', { field: 'region' })
  }
}

async function followUpContact(tx: Db, tenantId: string, f: ReportFormValues, now: Date): Promise<string | null> {
  if (f.contact === 'none' && !f.name) return null
  const channelType = f.contact === 'none' ? null : f.contact
  const externalId =
    f.contact === 'email' ? f.contactValue!.toLowerCase() : f.contact === 'none' ? null : normalisePhone(f.contactValue!)
  if (channelType && externalId) {
    const [known] = await tx
      .select({ contactId: contactIdentities.contactId })
      .from(contactIdentities)
      .where(and(eq(contactIdentities.tenantId, tenantId), eq(contactIdentities.channelType, channelType), eq(contactIdentities.externalId, externalId)))
    if (known) return known.contactId
  }
  const [c] = await tx
    .insert(contacts)
    .values({
      tenantId,
      name: f.name ?? null,
      phone: channelType && channelType !== 'email' ? externalId : null,
      email: channelType === 'email' ? externalId : null,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: contacts.id })
  if (channelType && externalId)
    await tx.insert(contactIdentities).values({ tenantId, contactId: c!.id, channelType, externalId, displayName: f.name ?? null })
  return c!.id
}

export interface FiledReport {
  id: string
  trackingCode: string
  /** The private link's secret: shown once, stored only as a hash. */
  token: string
}

export async function fileReport(ctx: AppContext, tenantId: string, f: ReportFormValues, photos: Photo[]): Promise<FiledReport> {
  const stored = await storePhotos(ctx, tenantId, photos)
  const token = randomToken(24)
  return ctx.db.transaction(async (t) => {
    const tx = t as unknown as Db
    const now = ctx.clock.now()
    await checkReferences(tx, tenantId, f)
    const contactId = await followUpContact(tx, tenantId, f, now)
    const opened = await openReport(tx, {
      tenantId,
      body: f.body,
      kind: f.kind,
      categoryId: f.category ?? null,
      regionCode: f.region ?? null,
      locationText: f.place ?? null,
      contactId,
      channelType: 'web',
      flags: { anonymous: f.privacy === 'anonymous', confidential: f.privacy === 'confidential' },
      actor: { kind: 'reporter' },
      eventData: { portal: true, followUp: f.contact, photos: stored.length },
      now,
    })
    await tx
      .update(reports)
      .set({ accessTokenHash: sha256(token) })
      .where(and(eq(reports.tenantId, tenantId), eq(reports.id, opened.id)))
    for (const s of stored)
      await tx.insert(attachments).values({
        tenantId,
        reportId: opened.id,
        kind: 'image',
        mimeType: s.mimeType,
        size: s.size,
        sha256: s.sha256,
        fileName: s.fileName,
        storageKey: s.storageKey,
        publicStorageKey: s.publicStorageKey,
        createdAt: now,
      })
    return { ...opened, token }
  })
}
