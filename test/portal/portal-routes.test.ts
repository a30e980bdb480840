// The portal's routes on PGlite and PostgreSQL: filing (photos, honeypot, limits, rate limit),
// tracking by code vs private link, reporter actions through the lifecycle, and transparency
// pages that never show a confidential report.
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { attachments, reports } from '../../src/db/schema/index.ts'
import { forgetPortalTenants } from '../../src/portal/tenant.ts'
import { readMedia } from '../../src/media/store.ts'
import { BACKENDS } from '../harness/db.ts'
import { as, createTestApp, login, makeAgency, makeTenant, makeUser, type TestApp } from '../harness/app.ts'
import { answerReport, EXIF_OWNER, photoWithExif } from './helpers.ts'

describe.each(BACKENDS)('public portal routes on %s', (backend) => {
  let t: TestApp
  let tenantId: string
  let agency: { id: string; slug: string }
  let staff: Parameters<typeof answerReport>[0]
  let filed: { trackingCode: string; privateUrl: string; path: string }

  const form = (fields: Record<string, string>, files: { name: string; type: string; bytes: Buffer }[] = []) => {
    const fd = new FormData()
    for (const [k, v] of Object.entries(fields)) fd.append(k, v)
    for (const f of files) fd.append('photos', new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name)
    return fd
  }
  const post = (payload: FormData, json = false, ip = '10.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/lapor', payload, remoteAddress: ip, headers: json ? { accept: 'application/json' } : {} })
  const get = (url: string) => t.app.inject({ method: 'GET', url })

  beforeAll(async () => {
    forgetPortalTenants()
    t = await createTestApp(backend, { DATA_DIR: `.tmp/test-data/portal-${backend}-${process.pid}` })
    tenantId = (await makeTenant(t.ctx)).id
    agency = await makeAgency(t.ctx, tenantId, 'pupr', { requiresApproval: true })
    const session = async (role: 'operator' | 'agency_admin' | 'agency_head', a: string | null = null) =>
      as(t.app, await login(t.app, (await makeUser(t.ctx, tenantId, role, a)).email))
    staff = { operator: await session('operator'), admin: await session('agency_admin', agency.id), head: await session('agency_head', agency.id) }
  }, 120_000)
  afterAll(async () => t?.close())

  it('serves the home page in Indonesian, English on ?lang=en, and the PWA files', async () => {
    const home = await get('/')
    expect(home.statusCode).toBe(200)
    expect(home.headers['content-type']).toContain('text/html')
    expect(home.body).toContain('Layanan Pengaduan Masyarakat')
    expect(home.body).toContain('<html lang="id">')
    const en = await get('/?lang=en')
    expect(en.body).toContain('<html lang="en">')
    expect(en.body).toContain('Public Complaints Service')
    const m = await get('/manifest.webmanifest')
    expect(m.json().icons.map((i: { sizes: string }) => i.sizes)).toContain('512x512')
    expect((await get('/sw.js')).body).toContain('aduan-portal-')
    expect((await get('/portal/icon-192.png')).headers['content-type']).toBe('image/png')
  })

  it('shows the form with the tenant’s kecamatan and desa', async () => {
    const r = await get('/lapor')
    expect(r.statusCode).toBe(200)
    expect(r.body).toMatch(/<optgroup label="[^"]+"><option value="11\.15\.\d{2}"/)
    expect(r.body).toContain('name="website"') // the honeypot
  })

  it('files a report with a photo: tracking code, private link, metadata-free public copy', async () => {
    const photo = await photoWithExif()
    const r = await post(
      form(
        { body: 'Lampu jalan di depan meunasah mati sejak seminggu, gelap sekali pada malam hari.', kind: 'pengaduan', region: '11.15.01', privacy: 'normal', contact: 'whatsapp', contactValue: '0812 3456 7890', name: 'Budi Santoso' },
        [{ name: 'lampu.jpg', type: 'image/jpeg', bytes: photo }],
      ),
    )
    expect(r.statusCode, r.body).toBe(201)
    const code = /id="tracking-code">([A-Z]+-[A-Z2-7]{8})</.exec(r.body)?.[1]
    const link = /id="private-link" href="([^"]+)"/.exec(r.body)?.[1]
    expect(code).toBeTruthy()
    expect(link).toMatch(new RegExp(`/lacak/${code}/[\\w-]{20,}$`))
    filed = { trackingCode: code!, privateUrl: link!, path: new URL(link!).pathname }
    const [row] = await t.ctx.db.select().from(reports).where(eq(reports.trackingCode, code!))
    expect(row!.channelType).toBe('web')
    expect(row!.accessTokenHash).toMatch(/^[0-9a-f]{64}$/)
    expect(row!.accessTokenHash).not.toBe(filed.path.split('/').pop())
    const [a] = await t.ctx.db.select().from(attachments).where(eq(attachments.reportId, row!.id))
    const copy = await readMedia(t.ctx.config.DATA_DIR, a!.publicStorageKey!)
    expect(copy.includes(Buffer.from(EXIF_OWNER))).toBe(false)
    expect(copy.includes(Buffer.from('Exif'))).toBe(false)
    expect(photo.includes(Buffer.from(EXIF_OWNER))).toBe(true) // the test photo did carry it
  })

  it('refuses the honeypot, bad input, non-images and too many photos with a clear message', async () => {
    const body = 'Jalan berlubang di depan sekolah dasar negeri.'
    const hp = await post(form({ body, website: 'http://spam.example' }))
    expect(hp.statusCode).toBe(400)
    expect(hp.body).toContain('kiriman otomatis')
    const short = await post(form({ body: 'pendek' }))
    expect(short.statusCode).toBe(400)
    expect(short.body).toContain('minimal 10 huruf')
    const bad = await post(form({ body }, [{ name: 'x.html', type: 'text/html', bytes: Buffer.from('<script>alert(1)</script>') }]))
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Hanya foto')
    const fake = await post(form({ body }, [{ name: 'x.jpg', type: 'image/jpeg', bytes: Buffer.from('not an image at all') }]), true)
    expect(fake.statusCode).toBe(400)
    expect(fake.json().message.id).toContain('tidak dapat dibaca')
    const p = await photoWithExif()
    const many = await post(form({ body }, [1, 2, 3, 4].map((i) => ({ name: `${i}.jpg`, type: 'image/jpeg', bytes: p }))))
    expect(many.statusCode).toBe(413)
    expect(many.body).toContain('paling banyak 3')
    const wa = await post(form({ body, contact: 'whatsapp', contactValue: 'bukan nomor' }))
    expect(wa.statusCode).toBe(400)
  })

  it('shows status only by code, the whole report by the private link, and 404 for a wrong secret', async () => {
    const byCode = await get(`/lacak?kode=${filed.trackingCode.toLowerCase()}`)
    expect(byCode.statusCode).toBe(200)
    expect(byCode.body).toContain('Belum terverifikasi')
    expect(byCode.body).not.toContain('Lampu jalan')
    const byLink = await get(filed.path)
    expect(byLink.statusCode).toBe(200)
    expect(byLink.body).toContain('Lampu jalan di depan meunasah')
    const img = /<img src="([^"]+)"/.exec(byLink.body)?.[1]
    expect(img).toBeTruthy()
    const photo = await get(img!)
    expect(photo.headers['content-type']).toBe('image/jpeg')
    expect(photo.rawPayload.includes(Buffer.from(EXIF_OWNER))).toBe(false)
    expect((await get(filed.path.replace(/[\w-]{6}$/, 'AAAAAA'))).statusCode).toBe(404)
    expect((await get('/lacak?kode=NGR-AAAAAAAA')).statusCode).toBe(404)
  })

  it('takes the reporter through answer, rating and reopening via the lifecycle', async () => {
    const [row] = await t.ctx.db.select().from(reports).where(eq(reports.trackingCode, filed.trackingCode))
    await answerReport(staff, row!.id, agency.id, 'Lampu sudah diganti oleh petugas pada hari Senin.', { title: 'Lampu jalan mati di depan meunasah' })
    const page = await get(filed.path)
    expect(page.body).toContain('Lampu sudah diganti oleh petugas')
    expect(page.body).toContain('Dijawab')
    const rate = await t.app.inject({ method: 'POST', url: `${filed.path}/nilai`, payload: new URLSearchParams({ rating: '4', comment: 'Cepat, terima kasih' }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect(rate.statusCode, rate.body).toBe(303)
    const after = await get(rate.headers.location as string)
    expect(after.body).toContain('★★★★☆')
    const reopen = await t.app.inject({ method: 'POST', url: `${filed.path}/buka-kembali`, payload: { reason: 'Lampu mati lagi setelah dua hari' } })
    expect(reopen.statusCode).toBe(303)
    expect((await get(filed.path)).body).toContain('Dibuka kembali')
    const empty = await t.app.inject({ method: 'POST', url: `${filed.path}/keterangan`, payload: { message: '' } })
    expect(empty.statusCode).toBe(400)
    const info = await t.app.inject({ method: 'POST', url: `${filed.path}/keterangan`, payload: { message: 'Tiangnya nomor 12 dekat jembatan' } })
    expect(info.statusCode).toBe(303)
    // A secret from another report does not authorise actions here.
    expect((await t.app.inject({ method: 'POST', url: `${filed.path}x/selesai` })).statusCode).toBe(404)
  })

  it('lists the public report masked, with the agency’s figures, and never a confidential one', async () => {
    const conf = await post(form({ body: 'Rahasia: pungutan di kantor desa oleh oknum KONFIDENSIAL-777.', privacy: 'confidential' }), true)
    expect(conf.statusCode).toBe(201)
    const [c] = await t.ctx.db.select().from(reports).where(eq(reports.trackingCode, conf.json().trackingCode))
    await answerReport(staff, c!.id, agency.id, 'Dijawab untuk KONFIDENSIAL-777', { confidential: true, title: 'KONFIDENSIAL-777' })
    const pages = ['/', '/laporan', `/opd/${agency.slug}`, '/opd', '/klarifikasi', '/api/portal/reports', `/api/portal/agencies/${agency.slug}`, '/api/portal/agencies']
    for (const url of pages) {
      const r = await get(url)
      expect(r.statusCode, url).toBe(200)
      expect(r.body, url).not.toContain('KONFIDENSIAL-777')
      expect(r.body, url).not.toContain(conf.json().trackingCode)
    }
    expect((await get(`/laporan/${conf.json().trackingCode}`)).statusCode).toBe(404)
    expect((await get(`/api/portal/reports/${conf.json().trackingCode}`)).statusCode).toBe(404)
    const byCode = await get(`/lacak?kode=${conf.json().trackingCode}`)
    expect(byCode.body).not.toContain('KONFIDENSIAL-777')

    const list = (await get('/api/portal/reports')).json().items
    expect(list.map((i: { trackingCode: string }) => i.trackingCode)).toContain(filed.trackingCode)
    const detail = await get(`/laporan/${filed.trackingCode}`)
    expect(detail.statusCode).toBe(200)
    expect(detail.body).toContain('Lampu sudah diganti')
    const stats = (await get(`/api/portal/agencies/${agency.slug}`)).json()
    expect(stats.assigned).toBe(2)
    expect(stats.answered).toBe(2)
    expect(stats.medianFirstHours).not.toBeNull()
    expect(stats.latestAnswers.map((a: { trackingCode: string }) => a.trackingCode)).toEqual([filed.trackingCode])
  })

  it('shows the region by name (desa, kecamatan), never its code, and only where the report may be seen', async () => {
    const file = async (privacy: string) => {
      const r = await post(form({ body: 'Saluran air tersumbat di depan meunasah, banjir setiap hujan turun.', region: '11.15.01.2003', place: 'Lorong Mawar no. 7', privacy }), true, '10.0.0.7')
      expect(r.statusCode, r.body).toBe(201)
      const code = r.json().trackingCode as string
      const [row] = await t.ctx.db.select().from(reports).where(eq(reports.trackingCode, code))
      return { code, id: row!.id, path: new URL(r.json().privateUrl as string).pathname }
    }
    const pub = await file('normal')
    // Not verified yet: the code alone shows no region; the private link does.
    expect((await get(`/lacak?kode=${pub.code}`)).body).not.toContain('Lawa Batu')
    expect((await get(pub.path)).body).toContain('Wilayah: Lawa Batu, Kecamatan Kuala')
    await answerReport(staff, pub.id, agency.id, 'Saluran sudah dibersihkan petugas.', { title: 'Saluran tersumbat', regionCode: '11.15.01.2003' })
    const page = await get(`/laporan/${pub.code}`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('<p class="meta" id="wilayah">Wilayah: Lawa Batu, Kecamatan Kuala</p>')
    expect((await get(`/laporan/${pub.code}?lang=en`)).body).toContain('Area: Lawa Batu, Kuala district')
    expect((await get(`/lacak?kode=${pub.code}`)).body).toContain('Wilayah: Lawa Batu, Kecamatan Kuala')
    for (const body of [page.body, (await get(`/api/portal/reports/${pub.code}`)).body]) {
      expect(body).not.toContain('11.15.01')
      expect(body).not.toContain('Lorong Mawar') // the exact place stays with staff and the reporter
    }
    expect((await get(`/api/portal/reports/${pub.code}`)).json()).toMatchObject({ regionName: 'Lawa Batu', districtName: 'Kuala' })
    // A confidential report's region is shown to nobody but the link holder.
    const conf = await file('confidential')
    await answerReport(staff, conf.id, agency.id, 'Sudah ditangani.', { confidential: true, regionCode: '11.15.01.2003' })
    expect((await get(`/lacak?kode=${conf.code}`)).body).not.toContain('Lawa Batu')
    expect((await get(conf.path)).body).toContain('Wilayah: Lawa Batu, Kecamatan Kuala')
  })

  it('rate-limits filing per IP with a clear refusal', async () => {
    const ip = '10.9.9.9'
    let last = 0
    let body = ''
    for (let i = 0; i < 11; i++) {
      const r = await post(form({ body: `Laporan uji batas nomor ${i} tentang jalan rusak.` }), false, ip)
      last = r.statusCode
      body = r.body
    }
    expect(last).toBe(429)
    expect(body).toContain('Terlalu banyak laporan')
    const other = await post(form({ body: 'Laporan dari jaringan lain tentang jalan rusak.' }), true, '10.9.9.10')
    expect(other.statusCode).toBe(201)
  })
})
