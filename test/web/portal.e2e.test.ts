// The public portal in Chromium on a phone-sized screen, against the real server (embedded
// database, demo tenant): file a report with a photo, get the code, track it, see the agency's
// answer (driven through the staff API), rate it; write a report offline and see it sent when the
// connection returns; a confidential report never shows on any public page or JSON. Screenshots
// of every portal page go to docs/screenshots/portal-*.png.
import fs from 'node:fs'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { type Browser, type BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { agencies, publicPosts, reports } from '../../src/db/schema/index.ts'
import type { Running } from '../../src/main.ts'
import { answerReport, photoWithExif } from '../portal/helpers.ts'
import { CHROMIUM, hasChromium, ROOT, startBrowserDemo, type BrowserDemo } from '../harness/web.ts'

if (!hasChromium) console.warn(`skipping the portal browser test: ${CHROMIUM} is missing`)
const shots = path.join(ROOT, 'docs/screenshots')
const PASSWORD = 'demo-password-1'
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'id-ID' }

describe.runIf(hasChromium)('public portal in Chromium (phone)', { timeout: 120_000 }, () => {
  let demo: BrowserDemo
  let tmp: string
  let running: Running
  let browser: Browser
  let base: string
  let photoFile: string
  let staff: Parameters<typeof answerReport>[0]
  let disdik: string

  /** A staff member over HTTP, as the admin app would be. */
  async function session(email: string) {
    const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) })
    if (r.status !== 200) throw new Error(`login ${email}: ${r.status}`)
    const cookie = r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
    const { csrfToken } = (await r.json()) as { csrfToken: string }
    return async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
      const res = await fetch(`${base}${url}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, ...(payload ? { 'content-type': 'application/json' } : {}) },
        body: payload ? JSON.stringify(payload) : undefined,
      })
      const body = await res.text()
      return { statusCode: res.status, body, json: () => JSON.parse(body) }
    }
  }
  const reportId = async (code: string) =>
    (await running.ctx.db.select({ id: reports.id }).from(reports).where(eq(reports.trackingCode, code)))[0]?.id

  beforeAll(async () => {
    demo = await startBrowserDemo('portal')
    tmp = demo.tmp
    running = demo.running
    browser = demo.browser
    base = running.url
    photoFile = path.join(tmp, 'jalan.jpg')
    fs.writeFileSync(photoFile, await photoWithExif())
    staff = {
      operator: await session('operator@demo.aduan.test'),
      admin: await session('disdik.admin@demo.aduan.test'),
      head: await session('disdik.head@demo.aduan.test'),
    }
    disdik = (await running.ctx.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, 'disdik')))[0]!.id
  }, 240_000)

  afterAll(async () => {
    await demo?.stop()
  })

  async function phone(): Promise<BrowserContext> {
    return browser.newContext(PHONE)
  }

  it('files a report with a photo, tracks it, sees the answer and rates it', async () => {
    const ctx = await phone()
    const page = await ctx.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto(`${base}/`)
    await page.screenshot({ path: path.join(shots, 'portal-home.png') })
    await page.getByRole('link', { name: 'Buat laporan' }).click()
    await page.getByLabel('Apa yang terjadi?').fill('Atap ruang kelas 3 SD Negeri Jeuram bocor, murid belajar sambil kehujanan.')
    await page.getByLabel('Jenis laporan').selectOption('pengaduan')
    const village = await page.locator('#region optgroup option').nth(1).getAttribute('value')
    await page.locator('#region').selectOption(village!)
    await page.locator('#photos').setInputFiles(photoFile)
    await page.getByText('Anonim', { exact: true }).click()
    await page.getByText('WhatsApp', { exact: true }).click()
    await page.getByLabel('Nomor HP atau alamat e-mail').fill('0812 7777 1234')
    await page.screenshot({ path: path.join(shots, 'portal-lapor.png') })
    await page.getByRole('button', { name: 'Kirim laporan' }).click()
    const code = (await page.locator('#tracking-code').textContent())!.trim()
    expect(code).toMatch(/^NGR-[A-Z2-7]{8}$/)
    await page.screenshot({ path: path.join(shots, 'portal-receipt.png'), fullPage: true })

    // By code alone: the status, not the text.
    await page.goto(`${base}/lacak`)
    await page.getByLabel('Kode pelacakan').fill(code)
    await page.getByRole('button', { name: 'Cari' }).click()
    await expect.poll(() => page.locator('#status').textContent()).toContain('Belum terverifikasi')
    expect(await page.content()).not.toContain('Atap ruang kelas')
    await page.screenshot({ path: path.join(shots, 'portal-lacak-kode.png') })

    // The agency answers through the staff API; the private link shows it.
    const id = await reportId(code)
    await answerReport(staff, id!, disdik, 'Atap kelas 3 sudah diperbaiki oleh Dinas Pendidikan pada hari Kamis.', { title: 'Atap kelas SD Negeri Jeuram bocor', anonymous: true })
    await page.goBack()
    await page.goBack()
    const link = await page.locator('#private-link').getAttribute('href')
    await page.goto(link!)
    await page.locator('#answers').getByText('Atap kelas 3 sudah diperbaiki').waitFor()
    expect(await page.locator('#status').textContent()).toContain('Dijawab')
    const img = page.locator('.photos img').first()
    await img.scrollIntoViewIfNeeded()
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0)
    await page.screenshot({ path: path.join(shots, 'portal-lacak.png'), fullPage: true })
    await page.locator('.stars label').filter({ hasText: '5' }).click()
    await page.getByLabel('Komentar (boleh dikosongkan)').fill('Cepat ditangani, terima kasih.')
    await page.getByRole('button', { name: 'Kirim penilaian' }).click()
    await page.getByRole('status').getByText('Tersimpan').waitFor()
    expect(await page.locator('#rating').textContent()).toBe('★★★★★')
    const [row] = await running.ctx.db.select().from(reports).where(eq(reports.trackingCode, code))
    expect(row!.rating).toBe(5)
    await page.screenshot({ path: path.join(shots, 'portal-dinilai.png'), fullPage: true })
    expect(errors).toEqual([])
    await ctx.close()
  })

  it('keeps a report written offline and sends it when the connection returns', async () => {
    const ctx = await phone()
    const page = await ctx.newPage()
    await page.goto(`${base}/lapor`)
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true))
    await ctx.setOffline(true)
    const text = `Jembatan gantung di Desa Blang Muko putus, ditulis saat luring ${Date.now()}.`
    await page.getByLabel('Apa yang terjadi?').fill(text)
    await page.locator('#photos').setInputFiles(photoFile)
    await page.getByRole('button', { name: 'Kirim laporan' }).click()
    await page.locator('#offline-status').getByText('Anda sedang luring').waitFor()
    await page.screenshot({ path: path.join(shots, 'portal-luring.png') })
    const count = async () => (await running.ctx.db.select({ id: reports.id }).from(reports).where(eq(reports.body, text))).length
    expect(await count()).toBe(0)
    // The page reloads from the service worker while offline: the form is still there.
    await page.reload()
    await page.getByLabel('Apa yang terjadi?').waitFor()
    await ctx.setOffline(false)
    await page.locator('#offline-status').getByText('sudah terkirim').waitFor({ timeout: 20_000 })
    expect(await count()).toBe(1)
    const sentCode = await page.locator('#offline-status').textContent()
    const [row] = await running.ctx.db.select().from(reports).where(eq(reports.body, text))
    expect(sentCode).toContain(row!.trackingCode)
    expect(row!.channelType).toBe('web')
    await page.locator('#saved-reports').getByText(row!.trackingCode).waitFor()
    await page.screenshot({ path: path.join(shots, 'portal-terkirim.png') })
    await ctx.close()
  })

  it('never shows a confidential report on any public page or JSON, and screenshots the public pages', async () => {
    const ctx = await phone()
    const page = await ctx.newPage()
    await page.goto(`${base}/lapor`)
    const secret = 'RAHASIA-PUNGLI-4242'
    await page.getByLabel('Apa yang terjadi?').fill(`Ada pungutan liar di sekolah, kode ${secret}, mohon dirahasiakan.`)
    await page.getByText('Rahasia', { exact: true }).click()
    await page.getByRole('button', { name: 'Kirim laporan' }).click()
    const code = (await page.locator('#tracking-code').textContent())!.trim()
    await answerReport(staff, (await reportId(code))!, disdik, `Sudah ditindak (${secret}).`, { title: `Pungli ${secret}`, confidential: true })

    const urls = ['/', '/laporan', '/opd', '/opd/disdik', '/klarifikasi', `/laporan/${code}`, `/lacak?kode=${code}`,
      '/api/portal/reports', '/api/portal/agencies', '/api/portal/agencies/disdik', '/api/portal/posts', `/api/portal/reports/${code}`]
    for (const u of urls) {
      const res = await page.goto(`${base}${u}`)
      const body = await res!.text()
      expect(body, u).not.toContain(secret)
      if (u.endsWith(code) && !u.startsWith('/lacak')) expect(res!.status(), u).toBe(404)
      else if (!u.startsWith('/lacak')) expect(body, u).not.toContain(code)
    }
    // A public (non-confidential) report of the demo is listed, so the list is not just empty.
    await page.goto(`${base}/laporan`)
    expect(await page.locator('#public-reports li').count()).toBeGreaterThan(3)
    await page.screenshot({ path: path.join(shots, 'portal-laporan.png') })
    await page.locator('#public-reports li a').first().click()
    await page.getByRole('heading', { name: 'Jawaban perangkat daerah' }).waitFor()
    await page.screenshot({ path: path.join(shots, 'portal-laporan-detail.png'), fullPage: true })
    await page.goto(`${base}/opd`)
    await page.screenshot({ path: path.join(shots, 'portal-opd.png') })
    await page.goto(`${base}/opd/disdik`)
    await page.screenshot({ path: path.join(shots, 'portal-opd-detail.png') })
    const tenantId = (await running.ctx.db.select({ t: agencies.tenantId }).from(agencies).where(eq(agencies.id, disdik)))[0]!.t
    await running.ctx.db.insert(publicPosts).values({
      tenantId,
      agencyId: disdik,
      kind: 'clarification',
      title: 'Tidak benar: sekolah diliburkan sebulan karena banjir',
      body: 'Pesan berantai yang menyebut semua SD di Kecamatan Kuala diliburkan sebulan tidak benar. Sekolah yang terdampak banjir belajar di gedung sementara; sekolah lain tetap masuk seperti biasa.',
    })
    await page.goto(`${base}/klarifikasi`)
    await page.getByText('Tidak benar: sekolah diliburkan').waitFor()
    await page.screenshot({ path: path.join(shots, 'portal-klarifikasi.png') })
    await page.goto(`${base}/?lang=en`)
    await page.screenshot({ path: path.join(shots, 'portal-home-en.png') })
    await ctx.close()
  })
})
