// Shared by the portal tests: a photo carrying EXIF (GPS, camera, the owner's name), and the staff
// steps that take a report from received to answered through the real HTTP API.
import crypto from 'node:crypto'
import sharp from 'sharp'

export const EXIF_OWNER = 'Siti Rahmawati'

/** A JPEG with EXIF: camera, owner's name and GPS position. */
export async function photoWithExif(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PonselCam', Model: 'X100', Artist: EXIF_OWNER, Copyright: EXIF_OWNER },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '4/1 8/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '96/1 30/1 0/1' },
    })
    .toBuffer()
}

type Call = (method: 'GET' | 'POST', url: string, payload?: unknown) => Promise<{ statusCode: number; body: string; json(): unknown }>

/** Operator verifies and dispatches to the agency; the agency admin accepts, drafts, submits; the head approves (published). */
export async function answerReport(
  c: { operator: Call; admin: Call; head: Call },
  reportId: string,
  agencyId: string,
  answer: string,
  opts: { title?: string; confidential?: boolean; anonymous?: boolean; regionCode?: string | null } = {},
) {
  const ok = async (p: Promise<{ statusCode: number; body: string }>) => {
    const r = await p
    if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body}`)
  }
  const d = crypto.randomUUID()
  await ok(
    c.operator('POST', `/api/reports/${reportId}/verify-and-dispatch`, {
      title: opts.title ?? 'Laporan warga',
      kind: 'pengaduan',
      categoryId: null,
      regionCode: opts.regionCode ?? null,
      flags: { anonymous: opts.anonymous ?? false, confidential: opts.confidential ?? false },
      dispositions: [{ id: d, agencyId, instruction: 'Mohon ditindaklanjuti' }],
    }),
  )
  await ok(c.admin('POST', `/api/reports/${reportId}/accept`, { dispositionId: d }))
  const resp = crypto.randomUUID()
  await ok(c.admin('POST', `/api/reports/${reportId}/draft-response`, { responseId: resp, dispositionId: d, body: answer, requiresApproval: true }))
  await ok(c.admin('POST', `/api/reports/${reportId}/submit-response`, { responseId: resp }))
  await ok(c.head('POST', `/api/reports/${reportId}/approve-response`, { responseId: resp }))
}
