// Photos and PDFs attached to an agency's follow-up (tindak lanjut). Stored like every other
// medium (content-addressed, images with a metadata-free public copy, src/media/store.ts) in the
// attachments table with response_id set. While the follow-up is a draft only the report's staff
// who may see that draft see them; on publication (the response_published event) the images are
// also linked to the report, which is what carries them to the public portal (stripped copies
// only). The outbound reply to the reporter stays text with the tracking link (docs/ADMIN.md).
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm'
import type { Principal } from '../accounts/users.ts'
import type { Db } from '../db/connect.ts'
import { attachments } from '../db/schema/index.ts'
import { AppError, forbidden, invalid, notFound } from '../http/errors.ts'
import { storeMedia } from '../media/store.ts'
import { registerReportEventHook } from './hooks.ts'

export const MAX_RESPONSE_FILE_BYTES = 10 * 1024 * 1024
export const MAX_RESPONSE_FILES = 6

export const tooLarge = () =>
  new AppError('payload_too_large', {
    id: `Berkas terlalu besar (paling besar ${MAX_RESPONSE_FILE_BYTES / 1024 / 1024} MB per berkas).`,
    en: `File too large (at most ${MAX_RESPONSE_FILE_BYTES / 1024 / 1024} MB each).`,
  })

/** The real type from the first bytes; the client's claimed type is not trusted. */
export function sniffType(bytes: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf' | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png'
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp'
  if (bytes.length >= 5 && bytes.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf'
  return null
}

export interface VisibleResponse {
  id: string
  agencyId: string | null
  status: string
}

/** The responses of a report this principal may see, as the report detail presents them. */
export function visibleResponses(report: {
  publishedResponses?: { id: string; agencyId: string | null }[]
  unpublishedResponses?: { id: string; agencyId: string | null; status: string }[]
}): VisibleResponse[] {
  return [
    ...(report.publishedResponses ?? []).map((r) => ({ id: r.id, agencyId: r.agencyId, status: 'published' })),
    ...(report.unpublishedResponses ?? []).map((r) => ({ id: r.id, agencyId: r.agencyId, status: r.status })),
  ]
}

/** Who may add or remove files: the follow-up's own agency, while it is not yet published. */
export function checkMayEdit(p: Principal, r: VisibleResponse | undefined): VisibleResponse {
  const agencyRole = p.roles.has('agency_admin') || p.roles.has('agency_head')
  if (!agencyRole) throw forbidden({ id: 'Hanya petugas OPD yang dapat melampirkan berkas pada tindak lanjut.', en: 'Only agency staff can attach files to a follow-up.' })
  if (!r || !r.agencyId || !p.agencyIds.includes(r.agencyId)) throw notFound({ id: 'Tindak lanjut tidak ditemukan.', en: 'Follow-up not found.' })
  const head = p.roles.has('agency_head')
  if (!(r.status === 'draft' || r.status === 'rejected' || (r.status === 'pending_approval' && head))) {
    throw new AppError(
      'conflict',
      { id: 'Lampiran hanya dapat diubah selama tindak lanjut masih draf.', en: 'Attachments can only change while the follow-up is a draft.' },
      { reason: 'invalid_transition' },
    )
  }
  return r
}

export async function listResponseAttachments(db: Db, tenantId: string, responseIds: string[]) {
  if (responseIds.length === 0) return []
  return db
    .select({
      id: attachments.id,
      responseId: attachments.responseId,
      kind: attachments.kind,
      mimeType: attachments.mimeType,
      size: attachments.size,
      fileName: attachments.fileName,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .where(and(eq(attachments.tenantId, tenantId), inArray(attachments.responseId, responseIds)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id))
}

export async function addResponseAttachment(
  db: Db,
  dataDir: string,
  args: { tenantId: string; responseId: string; bytes: Buffer; fileName: string | null; now: Date },
) {
  const mimeType = sniffType(args.bytes)
  if (!mimeType) {
    throw new AppError(
      'invalid',
      { id: 'Jenis berkas tidak didukung: lampirkan foto (JPEG, PNG, WebP) atau PDF.', en: 'Unsupported file type: attach a photo (JPEG, PNG, WebP) or a PDF.' },
      { reason: 'unsupported_type' },
    )
  }
  if (args.bytes.length > MAX_RESPONSE_FILE_BYTES) throw tooLarge()
  const existing = await listResponseAttachments(db, args.tenantId, [args.responseId])
  if (existing.length >= MAX_RESPONSE_FILES) {
    throw invalid(
      { id: `Paling banyak ${MAX_RESPONSE_FILES} lampiran per tindak lanjut.`, en: `At most ${MAX_RESPONSE_FILES} attachments per follow-up.` },
      { reason: 'too_many_files' },
    )
  }
  const stored = await storeMedia(dataDir, args.tenantId, { bytes: args.bytes, mimeType })
  const image = mimeType.startsWith('image/')
  if (image && !stored.publicStorageKey) {
    throw invalid({ id: 'Foto tidak dapat dibaca; coba berkas lain.', en: 'The photo cannot be read; try another file.' }, { reason: 'unreadable_image' })
  }
  const fileName = args.fileName ? args.fileName.replace(/[\\/\0-\x1f]/g, '_').slice(0, 200) : null
  const [row] = await db
    .insert(attachments)
    .values({
      tenantId: args.tenantId,
      responseId: args.responseId,
      kind: image ? 'image' : 'document',
      mimeType,
      size: stored.size,
      sha256: stored.sha256,
      fileName,
      storageKey: stored.storageKey,
      publicStorageKey: stored.publicStorageKey,
      createdAt: args.now,
    })
    .returning({ id: attachments.id, responseId: attachments.responseId, kind: attachments.kind, mimeType: attachments.mimeType, size: attachments.size, fileName: attachments.fileName, createdAt: attachments.createdAt })
  return row!
}

export async function removeResponseAttachment(db: Db, tenantId: string, responseId: string, id: string): Promise<void> {
  const gone = await db
    .delete(attachments)
    .where(and(eq(attachments.tenantId, tenantId), eq(attachments.responseId, responseId), eq(attachments.id, id)))
    .returning({ id: attachments.id })
  if (gone.length === 0) throw notFound()
}

// On publication the follow-up's images (their metadata-free copies) join the report's public media.
registerReportEventHook('response-attachments', async (tx, batch) => {
  for (const e of batch.events) {
    if (e.type !== 'response_published') continue
    const responseId = String(e.data.responseId ?? '')
    if (!responseId) continue
    await tx
      .update(attachments)
      .set({ reportId: batch.reportId })
      .where(and(eq(attachments.tenantId, batch.tenantId), eq(attachments.responseId, responseId), isNotNull(attachments.publicStorageKey)))
  }
})
