// The admin app's main journey in Debian's Chromium against the real server (embedded database,
// demo tenant) and the Meta simulator: a WhatsApp complaint arrives live in the operator's inbox
// (no reload), the operator verifies and dispatches it, the agency admin drafts the follow-up,
// the head approves it on a phone-sized screen, and the simulator receives the answer. Another
// agency cannot open the report, even by URL. axe-core checks every page visited (no serious or
// critical violations) and screenshots go to docs/screenshots/admin-*.png.
import fs from 'node:fs'
import path from 'node:path'
import { type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Running } from '../../src/main.ts'
import { hasChromium, ROOT, startBrowserDemo, type BrowserDemo } from '../harness/web.ts'
import { metaChannelConfigs, startMetaSimulator, type MetaSimulator } from '../simulators/meta.ts'

const shots = path.join(ROOT, 'docs/screenshots')
const PASSWORD = 'demo-password-1'
const AXE_SOURCE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8')
const at = (who: string) => `${who}@demo.aduan.test`

/** axe-core on the current page: the serious and critical violations, as readable lines. */
async function axeProblems(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol: the app's CSP (script-src 'self') refuses inline tags.
  await page.evaluate(AXE_SOURCE)
  const violations = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
      resultTypes: ['violations'],
    })
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }))
  })
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.targets.slice(0, 3).join(' | ')}`)
}

async function login(page: Page, base: string, email: string) {
  await page.goto(`${base}/admin/`)
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Kata sandi').fill(PASSWORD)
  await page.getByRole('button', { name: 'Masuk' }).click()
  await page.locator('.who-name').waitFor()
}

describe.runIf(hasChromium)('admin journey: WhatsApp complaint to approved answer', { timeout: 120_000 }, () => {
  let demo: BrowserDemo
  let running: Running
  let browser: Browser
  let sim: MetaSimulator
  let base: string
  let channelId: string
  let pupr: { id: string; shortName: string | null; name: string }
  let reportId = ''
  let trackingCode = ''
  const axe: Record<string, string[]> = {}
  const answer = 'Lampu jalan di Jalan Teuku Umar sudah diganti oleh tim PUPR pada hari ini. Terima kasih atas laporannya.'

  beforeAll(async () => {
    sim = await startMetaSimulator()
    demo = await startBrowserDemo('journey')
    running = demo.running
    browser = demo.browser
    base = running.url
    // The super admin connects a WhatsApp number served by the simulator.
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: at('admin'), password: PASSWORD }) })
    expect(login.status).toBe(200)
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
    const { csrfToken } = (await login.json()) as { csrfToken: string }
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }
    const ch = await fetch(`${base}/api/channels`, { method: 'POST', headers, body: JSON.stringify({ type: 'whatsapp', name: 'WA Uji', config: metaChannelConfigs(sim.url).whatsapp }) })
    expect(ch.status, await ch.clone().text()).toBe(201)
    channelId = ((await ch.json()) as { id: string }).id
    const ags = (await (await fetch(`${base}/api/agencies`, { headers })).json()) as { items: { id: string; slug: string; shortName: string | null; name: string }[] }
    pupr = ags.items.find((a) => a.slug === 'pupr')!
    expect(pupr).toBeTruthy()
  }, 420_000)

  afterAll(async () => {
    await demo?.stop()
    await sim?.close()
  })

  it('the operator sees the WhatsApp complaint arrive live, verifies and dispatches it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await login(page, base, at('operator'))
    await page.getByRole('heading', { name: 'Kotak Masuk' }).waitFor()
    await page.locator('.live-open').waitFor()
    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true))

    const d = await sim.sendWhatsAppText({
      url: `${base}/webhooks/whatsapp/${channelId}`,
      appSecret: 'sim-app-secret',
      from: '6281377001122',
      name: 'Budi Santoso',
      text: 'Lampu jalan di Jalan Teuku Umar mati sejak seminggu, malam hari sangat gelap dan rawan.',
    })
    expect(d.status).toBe(200)
    const row = page.locator('.convs li', { hasText: 'Budi Santoso' })
    await row.waitFor({ timeout: 20_000 })
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true)
    await row.locator('.conv-report .code').waitFor({ timeout: 20_000 })
    trackingCode = (await row.locator('.conv-report .code').textContent())!.trim()
    expect(await row.getAttribute('class')).toContain('unread')
    axe.inbox = await axeProblems(page)
    await page.screenshot({ path: path.join(shots, 'admin-inbox.png') })

    await row.locator('a.conv-name').click()
    await page.getByRole('heading', { name: 'Budi Santoso' }).waitFor()
    await page.locator('.msg-in', { hasText: 'Lampu jalan' }).waitFor()
    await page.locator('.msg-out', { hasText: trackingCode }).waitFor({ timeout: 20_000 })
    await page.getByLabel('Balasan').fill('Terima kasih Pak Budi, laporan Anda sedang kami periksa.')
    await page.getByRole('button', { name: 'Kirim', exact: true }).click()
    await page.getByText('Balasan masuk antrean kirim.').waitFor()
    await sim.waitForCalls((c) => JSON.stringify(c.body ?? '').includes('sedang kami periksa'), 1, 15_000)
    axe.conversation = await axeProblems(page)
    await page.screenshot({ path: path.join(shots, 'admin-conversation.png'), fullPage: true })

    await page.getByRole('link', { name: `Laporan ${trackingCode}` }).click()
    await page.locator('.report-head .code', { hasText: trackingCode }).waitFor()
    reportId = /laporan\/([0-9a-f-]{36})/.exec(page.url())![1]!
    const form = page.locator('form[aria-label="Verifikasi dan disposisi"]')
    await form.waitFor()
    await page.getByLabel('Judul').fill('Lampu jalan mati di Jalan Teuku Umar')
    await form.getByRole('checkbox', { name: pupr.shortName ?? pupr.name, exact: true }).check()
    await page.getByLabel('Instruksi untuk OPD').fill('Mohon periksa dan ganti lampu jalan dalam 3 hari.')
    // Triage suggestions show the words behind each: stems of this complaint's own words.
    const topAgency = page.locator('.suggestions ul[aria-label="Saran OPD"] li').first()
    await topAgency.waitFor()
    expect(await topAgency.locator('.sugg-score').textContent()).toMatch(/^\d+%$/)
    expect(await topAgency.locator('.sugg-why').textContent()).toMatch(
      /kata penentu: .*\b(lampu|jalan|teuku|umar|mati|minggu|malam|hari|gelap|rawan)\b/,
    )
    await page.locator('.suggestions ul[aria-label="Saran kategori"] li .sugg-why').first().waitFor()
    axe.triage = await axeProblems(page)
    await page.screenshot({ path: path.join(shots, 'admin-triage.png'), fullPage: true })
    await form.getByRole('button', { name: 'Verifikasi & disposisi' }).click()
    await page.getByText('Laporan diverifikasi dan didisposisikan ke 1 OPD.').waitFor()
    await page.locator('.timeline li', { hasText: 'Pesan pelapor' }).first().waitFor()
    expect(errors).toEqual([])
    await page.close()
  })

  it('the agency admin accepts and drafts the follow-up on the desk', async () => {
    expect(reportId).not.toBe('')
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' })
    await login(page, base, at('pupr.admin'))
    await page.getByRole('heading', { name: 'Meja OPD' }).waitFor()
    const item = page.locator('.desk-list li', { hasText: trackingCode })
    await item.waitFor()
    axe.desk = await axeProblems(page)
    await page.screenshot({ path: path.join(shots, 'admin-desk.png'), fullPage: true })
    await item.getByRole('link', { name: trackingCode }).click()
    await page.getByRole('button', { name: 'Terima disposisi' }).click()
    await page.getByText('Disposisi diterima.').waitFor()
    await page.getByLabel('Tindak lanjut untuk pelapor').fill(answer)
    await page.getByRole('button', { name: 'Ajukan untuk disetujui' }).click()
    await page.getByText('Draf diajukan ke kepala OPD untuk disetujui.').waitFor()
    axe.agencyReport = await axeProblems(page)
    await page.screenshot({ path: path.join(shots, 'admin-report-agency.png'), fullPage: true })
    await page.close()
  })

  it('the head approves on a phone, and the WhatsApp simulator receives the answer', async () => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'id-ID' })
    const page = await ctx.newPage()
    await login(page, base, at('pupr.head'))
    const item = page.locator('li.approval', { hasText: trackingCode })
    await item.waitFor()
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
    axe.approvePhone = await axeProblems(page)
    await page.screenshot({ path: path.join(shots, 'admin-approve-phone.png') })
    await item.getByRole('button', { name: 'Setujui & terbitkan' }).click()
    await page.getByText(`Tindak lanjut ${trackingCode} disetujui dan diterbitkan.`).waitFor()
    const calls = await sim.waitForCalls((c) => JSON.stringify(c.body ?? '').includes('sudah diganti oleh tim PUPR'), 1, 30_000)
    expect(JSON.stringify(calls[0]!.body)).toContain('6281377001122')
    await ctx.close()
  })

  it('the operator sees the whole timeline; another agency cannot open the report, even by URL', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' })
    await login(page, base, at('operator'))
    await page.goto(`${base}/admin/laporan/${reportId}`)
    await page.locator('.timeline li', { hasText: 'Tindak lanjut diterbitkan' }).waitFor()
    axe.report = await axeProblems(page)
    await page.screenshot({ path: path.join(shots, 'admin-report.png'), fullPage: true })
    await page.close()

    const other = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' })
    await login(other, base, at('dinkes.admin'))
    await other.goto(`${base}/admin/laporan/${reportId}`)
    await expect.poll(() => other.getByRole('alert').first().textContent()).toContain('tidak berwenang')
    expect(await other.locator('.report-head').count()).toBe(0)
    const status = await other.evaluate((id) => fetch(`/api/reports/${id}`).then((r) => r.status), reportId)
    expect(status).toBe(404)
    const events = await other.evaluate((id) => fetch(`/api/reports/${id}/events`).then((r) => r.status), reportId)
    expect(events).toBe(404)
    await other.close()
  })

  it('no serious or critical accessibility violations on the pages visited', () => {
    expect(Object.keys(axe).length).toBeGreaterThanOrEqual(6)
    expect(axe).toEqual(Object.fromEntries(Object.keys(axe).map((k) => [k, []])))
  })
})
