// Nothing personal is readable anywhere public. Reports whose texts (and answers, titles and
// klarifikasi posts) carry names, phone numbers, NIK, e-mail addresses and account handles are
// seeded through the portal and the lifecycle; then every public page and JSON document reachable
// from the portal's entry points is crawled, and every image found is checked for EXIF.
import { eq } from 'drizzle-orm'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publicPosts, reports } from '../../src/db/schema/index.ts'
import { forgetPortalTenants } from '../../src/portal/tenant.ts'
import { BACKENDS } from '../harness/db.ts'
import { as, createTestApp, login, makeAgency, makeTenant, makeUser, type TestApp } from '../harness/app.ts'
import { answerReport, EXIF_OWNER, photoWithExif } from './helpers.ts'

/** Personal data that must never be readable in public, in every spelling the texts use. */
const SECRETS = [
  'Ahmad Fauzi', 'Fauzi', 'Siti Rahmawati', 'Rahmawati', 'Teuku Hasan',
  '0812-3456-7890', '081234567890', '6281234567890', '+62 813 9876 5432', '813 9876 5432',
  '1115012345678901', '1115 0123 4567 8901',
  'ahmad.fauzi@gmail.com', 'siti@contoh.id',
  '@ahmadfz', 'ahmadfz',
  EXIF_OWNER, 'PonselCam',
]

const BODY =
  'Saya Ahmad Fauzi, tinggal dekat pasar Jeuram. Jalan di depan rumah berlubang besar. Hubungi 0812-3456-7890 atau ' +
  '+62 813 9876 5432 atau ahmad.fauzi@gmail.com, NIK 1115012345678901 (juga 1115 0123 4567 8901), akun @ahmadfz. ' +
  'Tetangga saya Ibu Siti Rahmawati (siti@contoh.id) dan Pak Teuku Hasan juga mengeluh. Fauzi sudah lapor ke desa.'

describe.each(BACKENDS)('nothing personal is public on %s', (backend) => {
  let t: TestApp
  let tenantId: string
  const codes: string[] = []

  beforeAll(async () => {
    forgetPortalTenants()
    t = await createTestApp(backend, { DATA_DIR: `.tmp/test-data/portal-privacy-${backend}-${process.pid}` })
    tenantId = (await makeTenant(t.ctx)).id
    const agency = await makeAgency(t.ctx, tenantId, 'pupr')
    const session = async (role: 'operator' | 'agency_admin' | 'agency_head', a: string | null = null) =>
      as(t.app, await login(t.app, (await makeUser(t.ctx, tenantId, role, a)).email))
    const staff = { operator: await session('operator'), admin: await session('agency_admin', agency.id), head: await session('agency_head', agency.id) }
    const photo = await photoWithExif()
    for (const privacy of ['normal', 'anonymous']) {
      const fd = new FormData()
      for (const [k, v] of Object.entries({ body: BODY, privacy, contact: 'email', contactValue: 'ahmad.fauzi@gmail.com', name: 'Ahmad Fauzi', place: 'Depan rumah Ahmad Fauzi' })) fd.append(k, v)
      fd.append('photos', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'Ahmad Fauzi 0812-3456-7890.jpg')
      const r = await t.app.inject({ method: 'POST', url: '/lapor', payload: fd, headers: { accept: 'application/json' } })
      expect(r.statusCode, r.body).toBe(201)
      const code = r.json().trackingCode as string
      codes.push(code)
      const [row] = await t.ctx.db.select().from(reports).where(eq(reports.trackingCode, code))
      await answerReport(
        staff,
        row!.id,
        agency.id,
        'Kami sudah menghubungi Bapak Ahmad Fauzi di 081234567890 dan ahmad.fauzi@gmail.com. Lubang ditambal hari ini.',
        { title: 'Jalan berlubang dilaporkan Ahmad Fauzi', anonymous: privacy === 'anonymous' },
      )
    }
    await t.ctx.db.insert(publicPosts).values({
      tenantId,
      agencyId: agency.id,
      kind: 'clarification',
      title: 'Klarifikasi kabar tentang Ibu Siti Rahmawati',
      body: 'Kabar bahwa Ibu Siti Rahmawati (NIK 1115012345678901, 0812-3456-7890, @ahmadfz) menerima bantuan ganda tidak benar.',
    })
  }, 180_000)
  afterAll(async () => t?.close())

  it('crawls every public page, JSON document and image without finding any of it', async () => {
    const seen = new Set<string>()
    const queue = ['/', '/?lang=en', '/laporan', '/opd', '/klarifikasi', '/lacak', '/api/portal/reports', '/api/portal/agencies', '/api/portal/posts',
      ...codes.flatMap((c) => [`/laporan/${c}`, `/api/portal/reports/${c}`, `/lacak?kode=${c}`])]
    let pages = 0
    let images = 0
    let sawReportText = false
    while (queue.length) {
      const url = queue.shift()!
      if (seen.has(url)) continue
      seen.add(url)
      const r = await t.app.inject({ method: 'GET', url })
      expect(r.statusCode, url).toBeLessThan(400)
      const type = String(r.headers['content-type'] ?? '')
      if (type.startsWith('image/')) {
        images++
        const meta = await sharp(r.rawPayload).metadata()
        expect(meta.exif, url).toBeUndefined()
        expect(meta.xmp, url).toBeUndefined()
        for (const s of SECRETS) expect(r.rawPayload.includes(Buffer.from(s)), `${url} holds ${s}`).toBe(false)
        continue
      }
      pages++
      const text = r.body
      if (text.includes('Jalan di depan rumah berlubang besar')) sawReportText = true
      for (const s of SECRETS) expect(text.includes(s), `${url} shows ${s}`).toBe(false)
      // Follow same-origin links and images (not the staff app, the API docs or form posts).
      for (const m of text.matchAll(/(?:href|src)="(\/[^"#]*)"/g)) {
        const next = m[1]!.replace(/&amp;/g, '&')
        if (/^\/(admin|docs)/.test(next) || seen.has(next)) continue
        if (seen.size + queue.length < 400) queue.push(next)
      }
      if (type.includes('json')) for (const m of text.matchAll(/"trackingCode":"([^"]+)"/g)) queue.push(`/laporan/${m[1]}`)
    }
    expect(pages).toBeGreaterThan(15)
    expect(images).toBeGreaterThan(0) // the icons at least; report photos are not public
    expect(sawReportText).toBe(true) // the reports are public, masked: not hidden altogether
  })
})
