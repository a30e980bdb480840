// The agency admin attaches a photo to the follow-up draft in the browser and submits it; the
// head's taps on a phone: the sign-in link from the WhatsApp simulator's recorded message
// opens the approval page (tap 1) with the agency's photo beside the draft; the head edits the
// text in place, and "Simpan perubahan & setujui" publishes it; the reporter's simulator then
// receives the edited answer, the timeline marks the edit as the head's, and the photo (its copy
// without metadata) is under the published answer. Screenshots of the approval page and the bell
// in docs/screenshots/.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startJobs, type JobRuntime } from '../../src/jobs/index.ts'
import { as, createTestApp, login, makeAgency, makeTenant, makeUser, PASSWORD, type TestApp } from '../harness/app.ts'
import { metaChannelConfigs, startMetaSimulator, type MetaSimulator } from '../simulators/meta.ts'
import { buildWeb, CHROMIUM, CHROMIUM_ARGS, hasChromium, ROOT } from '../harness/web.ts'

const shots = path.join(ROOT, 'docs/screenshots')
const REPORTER = '6281234567001'
const HEAD_PHONE = '6281200000002'

describe.runIf(hasChromium)('a head approves a draft from WhatsApp on a phone', { timeout: 120_000 }, () => {
  let t: TestApp
  let sim: MetaSimulator
  let jobs: JobRuntime
  let browser: Browser
  let base: string
  let reportId: string
  let code: string
  let link: string
  let adminEmail: string
  const responseId = crypto.randomUUID()
  const answer = 'Lubang jalan di Ujong Fatihah sudah ditambal oleh UPTD Jalan pada hari ini.'
  const edited = 'Lubang jalan di Ujong Fatihah sudah ditambal oleh UPTD Jalan pada hari ini; pengaspalan ulang dijadwalkan pekan depan.'
  const drain = () => jobs.worker.drain(['inbound', 'notify', 'outbox'])

  beforeAll(async () => {
    buildWeb()
    t = await createTestApp('pglite')
    t.clock.set(new Date()) // the browser judges cookie expiry by the real clock
    sim = await startMetaSimulator()
    base = await t.app.listen({ port: 0, host: '127.0.0.1' })
    jobs = await startJobs(t.ctx, { schedules: false })
    const tenant = await makeTenant(t.ctx)
    const agencyId = (await makeAgency(t.ctx, tenant.id, 'pupr', { name: 'Dinas Pekerjaan Umum dan Penataan Ruang', requiresApproval: true })).id
    const op = await login(t.app, (await makeUser(t.ctx, tenant.id, 'operator')).email)
    const adminUser = await makeUser(t.ctx, tenant.id, 'agency_admin', agencyId)
    const head = await makeUser(t.ctx, tenant.id, 'agency_head', agencyId)
    // Real time may fall in the default quiet hours (21:00-06:00 WIB): this head wants messages at any hour.
    await t.ctx.database.query(`update users set phone = $1, name = 'Ir. Teuku Ridwan', preferences = $2 where id = $3`, [
      HEAD_PHONE,
      JSON.stringify({ notifications: { quietHours: null } }),
      head.id,
    ])
    const wa = await as(t.app, op)('POST', '/api/channels', { type: 'whatsapp', name: 'WA Pemkab', config: metaChannelConfigs(sim.url).whatsapp })
    const channelId = wa.json().id
    await sim.sendWhatsAppText({ url: `${base}/webhooks/whatsapp/${channelId}`, appSecret: 'sim-app-secret', from: REPORTER, name: 'Budi', text: 'Jalan di gampong Ujong Fatihah berlubang besar, sudah 2 bulan tidak diperbaiki' })
    await drain()
    const [r] = await t.ctx.database.query<{ id: string; tracking_code: string }>('select id, tracking_code from reports')
    reportId = r!.id
    code = r!.tracking_code
    const dispositionId = crypto.randomUUID()
    await as(t.app, op)('POST', `/api/reports/${reportId}/verify-and-dispatch`, {
      title: 'Jalan berlubang di Ujong Fatihah', kind: 'pengaduan', categoryId: null, regionCode: null,
      flags: { anonymous: false, confidential: false }, dispositions: [{ id: dispositionId, agencyId, instruction: 'Mohon diperbaiki' }],
    })
    adminEmail = adminUser.email
    const admin = await login(t.app, adminUser.email)
    for (const [cmd, body] of [
      ['accept', { dispositionId }],
      ['draft-response', { responseId, dispositionId, body: answer, requiresApproval: true }],
    ] as const) {
      const res = await as(t.app, admin)('POST', `/api/reports/${reportId}/${cmd}`, body)
      expect(res.statusCode, res.body).toBe(200)
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    fs.mkdirSync(shots, { recursive: true })
  }, 240_000)

  afterAll(async () => {
    await browser?.close()
    await jobs?.stop(2000)
    await sim?.close()
    await t?.close()
  })

  it('the agency admin attaches a photo to the draft in the browser and submits it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto(`${base}/admin/`)
    await page.getByLabel('E-mail').fill(adminEmail)
    await page.getByLabel('Kata sandi').fill(PASSWORD)
    await page.getByRole('button', { name: 'Masuk' }).click()
    await page.locator('.who-name').waitFor()
    await page.goto(`${base}/admin/laporan/${reportId}`)
    const picker = page.getByLabel('Lampirkan foto atau PDF')
    await picker.waitFor()
    // A file the server would refuse is stopped in the browser already.
    await picker.setInputFiles({ name: 'catatan.txt', mimeType: 'text/plain', buffer: Buffer.from('bukan foto') })
    await page.getByText('catatan.txt: hanya foto (JPEG, PNG, WebP) atau PDF.').waitFor()
    await picker.setInputFiles({ name: 'jalan-ditambal.jpg', mimeType: 'image/jpeg', buffer: await fieldPhoto() })
    await page.locator('.chosen li', { hasText: 'jalan-ditambal.jpg' }).waitFor()
    await page.getByRole('button', { name: 'Ajukan untuk disetujui' }).click()
    await page.getByText('Draf diajukan ke kepala OPD untuk disetujui.').waitFor()
    const rows = await t.ctx.database.query<{ kind: string; file_name: string; public_storage_key: string | null }>(
      'select kind, file_name, public_storage_key from attachments where response_id = $1',
      [responseId],
    )
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ kind: 'image', file_name: 'jalan-ditambal.jpg' })
    expect(rows[0]!.public_storage_key).toMatch(/\.public\.jpg$/)
    expect(errors).toEqual([])
    await page.close()

    // The head is told on WhatsApp, with a one-time sign-in link to the approval page.
    await drain()
    const toHead = sim.calls.filter((c) => c.body?.to === HEAD_PHONE)
    expect(toHead).toHaveLength(1)
    const m = /https?:\/\/[^/"\s]+(\/api\/auth\/link\/[A-Za-z0-9_-]+)/.exec(JSON.stringify(toHead[0]!.body))
    expect(m).not.toBeNull()
    link = `${base}${m![1]}` // the test app's BASE_URL names no port; same path on the listening server
  })

  it('opens the link, edits the text, approves, and the reporter receives the answer', async () => {
    expect(link).toBeTruthy()
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'id-ID' })
    const page = await ctx.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto(link) // tap 1
    await page.waitForURL(`**/admin/persetujuan/${reportId}`)
    const approve = page.getByRole('button', { name: 'Setujui', exact: true })
    await approve.waitFor()
    expect(await page.locator('.draft blockquote').textContent()).toContain('ditambal')
    expect(await page.locator('.approval .code').textContent()).toBe(code)
    // The photo the agency attached, shown before approving (the copy without metadata).
    const thumb = page.locator('.draft .response-files img')
    await thumb.waitFor()
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)

    // The head edits the text in place, then approves it.
    await page.getByRole('button', { name: 'Ubah teks' }).tap()
    await page.getByLabel(/Teks jawaban/).fill(edited)
    await page.screenshot({ path: path.join(shots, 'notifications-approval.png'), fullPage: true })
    await page.getByRole('button', { name: 'Simpan perubahan & setujui' }).tap() // tap 2
    await page.getByText('Disetujui dan diterbitkan').waitFor()
    expect(await page.locator('.draft blockquote').textContent()).toBe(edited)
    await drain()
    const toReporter = sim.calls.filter((c) => c.body?.to === REPORTER && JSON.stringify(c.body).includes('pekan depan'))
    expect(toReporter).toHaveLength(1)
    expect(JSON.stringify(toReporter[0]!.body)).toContain(code)
    const [rep] = await t.ctx.database.query<{ status: string }>('select status from reports where id = $1', [reportId])
    expect(rep!.status).toBe('answered')

    // The report page: the published answer is the edited text with the photo; the timeline says the head edited it.
    await page.goto(`${base}/admin/laporan/${reportId}`)
    await page.locator('.timeline li', { hasText: 'teks diubah kepala OPD' }).waitFor()
    expect(await page.locator('blockquote', { hasText: 'pekan depan' }).locator('.response-files img').count()).toBe(1)

    // The bell: the approval request is there, unread until opened.
    await page.reload()
    const bell = page.getByRole('button', { name: /Pemberitahuan, 1 belum dibaca/ })
    await bell.waitFor()
    await bell.tap()
    await page.locator('.bell-list li.unread').first().waitFor()
    expect(await page.locator('.bell-list li').first().textContent()).toContain('menunggu persetujuan')
    await page.screenshot({ path: path.join(shots, 'notifications-bell.png') })

    // Single use: the same link again signs nobody in (a fresh browser lands on the login page).
    const other = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'id-ID' })
    const p2 = await other.newPage()
    await p2.goto(link)
    await p2.getByRole('heading', { name: 'Masuk ke Aplikasi Petugas' }).waitFor()
    await other.close()
    expect(errors).toEqual([])
    await ctx.close()
  })
})

/** A field photo: a grey road with a fresh dark patch, as a JPEG. */
async function fieldPhoto(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="360">
    <rect width="480" height="360" fill="#8fb8de"/>
    <rect y="150" width="480" height="210" fill="#6b6b6b"/>
    <rect y="250" width="480" height="8" fill="#f2f2f2"/>
    <ellipse cx="250" cy="300" rx="90" ry="30" fill="#2b2b2b"/>
    <rect y="120" width="480" height="30" fill="#5d8c3a"/>
  </svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer()
}
