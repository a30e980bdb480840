// Media store: attachment bytes on disk under DATA_DIR/media/<tenant>/, content-addressed by
// SHA-256 (the same photo sent twice is stored once). Every image also gets a public copy with
// all metadata (EXIF, GPS, XMP, ICC comments) removed and orientation applied: the original stays
// for operators; every other view (agencies, the public portal, Open311) reads the public copy.
// On several machines DATA_DIR/media must be a shared volume (docs/OPERATIONS.md).
import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'

export const MAX_MEDIA_BYTES = 16 * 1024 * 1024
const STRIPPABLE = /^image\/(jpeg|png|webp|heic|heif|avif|tiff|gif)$/

export interface StoredMedia {
  sha256: string
  size: number
  mimeType: string
  storageKey: string
  /** Null when no safe public copy could be made (not an image we can re-encode). */
  publicStorageKey: string | null
}

function keyPath(dataDir: string, key: string): string {
  if (!/^[0-9a-f-]{36}\/[0-9a-f]{64}(\.public\.(jpg|png|webp))?$/.test(key)) throw new Error('bad media key')
  return path.join(dataDir, 'media', key)
}

async function writeOnce(file: string, bytes: Buffer): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true })
  try {
    await fs.access(file)
    return // content-addressed: already there
  } catch {
    /* write it */
  }
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`
  await fs.writeFile(tmp, bytes)
  await fs.rename(tmp, file)
}

/** A copy of an image without any metadata: re-encoded, orientation applied. */
export async function stripImageMetadata(bytes: Buffer, mimeType: string): Promise<{ bytes: Buffer; ext: 'jpg' | 'png' | 'webp' }> {
  const img = sharp(bytes, { limitInputPixels: 50_000_000, failOn: 'error' }).rotate()
  // sharp writes no metadata unless asked (withMetadata/keepExif); we never ask.
  if (mimeType === 'image/png' || mimeType === 'image/gif') return { bytes: await img.png().toBuffer(), ext: 'png' }
  if (mimeType === 'image/webp') return { bytes: await img.webp({ quality: 82 }).toBuffer(), ext: 'webp' }
  return { bytes: await img.jpeg({ quality: 82, mozjpeg: true }).toBuffer(), ext: 'jpg' }
}

export async function storeMedia(
  dataDir: string,
  tenantId: string,
  input: { bytes: Buffer; mimeType: string },
): Promise<StoredMedia> {
  if (input.bytes.length > MAX_MEDIA_BYTES) throw Object.assign(new Error('media too large'), { retryable: false })
  const sha256 = crypto.createHash('sha256').update(input.bytes).digest('hex')
  const storageKey = `${tenantId}/${sha256}`
  await writeOnce(keyPath(dataDir, storageKey), input.bytes)
  let publicStorageKey: string | null = null
  if (STRIPPABLE.test(input.mimeType)) {
    try {
      const stripped = await stripImageMetadata(input.bytes, input.mimeType)
      publicStorageKey = `${storageKey}.public.${stripped.ext}`
      await writeOnce(keyPath(dataDir, publicStorageKey), stripped.bytes)
    } catch {
      publicStorageKey = null // not a decodable image: only operators see the original
    }
  }
  return { sha256, size: input.bytes.length, mimeType: input.mimeType, storageKey, publicStorageKey }
}

export async function readMedia(dataDir: string, key: string): Promise<Buffer> {
  return fs.readFile(keyPath(dataDir, key))
}

export function publicMimeType(key: string): string {
  if (key.endsWith('.png')) return 'image/png'
  if (key.endsWith('.webp')) return 'image/webp'
  return 'image/jpeg'
}
