// The head's taps on a phone: the sign-in link from the WhatsApp simulator's recorded message
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
import { as, createTestApp, login, makeAgency, makeTenant, makeUser, type TestApp } from '../harness/app.ts'
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
    const admin = await login(t.app, adminUser.email)
    const responseId = crypto.randomUUID()
    for (const [cmd, body] of [
      ['accept', { dispositionId }],
      ['draft-response', { responseId, dispositionId, body: answer, requiresApproval: true }],
      ['upload', null],
      ['submit-response', { responseId }],
    ] as const) {
      if (cmd === 'upload') {
        // The agency's photo of the patched road, attached to the draft (multipart, as the desk sends it).
        const photo = await fieldPhoto()
        const boundary = '----aduanphoto'
        const payload = Buffer.concat([
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="jalan-ditambal.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
          photo,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ])
        const up = await t.app.inject({
          method: 'POST',
          url: `/api/reports/${reportId}/responses/${responseId}/attachments`,
          payload,
          headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': `multipart/form-data; boundary=${boundary}` },
        })
        expect(up.statusCode, up.body).toBe(201)
        continue
      }
      const res = await as(t.app, admin)('POST', `/api/reports/${reportId}/${cmd}`, body)
      expect(res.statusCode, res.body).toBe(200)
    }
    await drain()
    const toHead = sim.calls.filter((c) => c.body?.to === HEAD_PHONE)
    expect(toHead).toHaveLength(1)
    const m = /https?:\/\/[^/"\s]+(\/api\/auth\/link\/[A-Za-z0-9_-]+)/.exec(JSON.stringify(toHead[0]!.body))
    expect(m).not.toBeNull()
    link = `${base}${m![1]}` // the test app's BASE_URL names no port; same path on the listening server
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    fs.mkdirSync(shots, { recursive: true })
  }, 240_000)

  afterAll(async () => {
    await browser?.close()
    await jobs?.stop(2000)
    await sim?.close()
    await t?.close()
  })

  it('opens the link, approves in one tap, and the reporter receives the answer', async () => {
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
