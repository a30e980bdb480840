// The admin app in English: Bahasa Indonesia is the default; the switch (on the sign-in page and
// in the header) turns the inbox, a report page and the dashboard (with its month names, numbers and
// percentages) into English, sets <html lang>, survives a reload, and switches back. Server refusals
// show their English side. Runs on the demo tenant; the English inbox is saved as
// docs/screenshots/admin-inbox-en.png.
import path from 'node:path'
import { type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Running } from '../../src/main.ts'
import { hasChromium, ROOT, startBrowserDemo, type BrowserDemo } from '../harness/web.ts'

const shots = path.join(ROOT, 'docs/screenshots')
const PASSWORD = 'demo-password-1'

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang)

describe.runIf(hasChromium)('admin app in English and back', { timeout: 400_000 }, () => {
  let demo: BrowserDemo
  let running: Running
  let browser: Browser
  let base: string

  beforeAll(async () => {
    demo = await startBrowserDemo('i18n')
    running = demo.running
    browser = demo.browser
    base = running.url
  }, 240_000)

  afterAll(async () => {
    await demo?.stop()
  })

  it('switches the inbox, a report and the dashboard to English, keeps it over a reload, and back', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' })
    const page = await ctx.newPage()
    // The demo's background jobs share the embedded database right after start: allow slow first answers.
    page.setDefaultTimeout(90_000)
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))

    // Sign-in page: Indonesian by default, English on request.
    await page.goto(`${base}/admin/`)
    await page.getByRole('heading', { name: 'Masuk ke Aplikasi Petugas' }).waitFor()
    expect(await htmlLang(page)).toBe('id')
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('heading', { name: 'Sign in to the staff app' }).waitFor()
    expect(await htmlLang(page)).toBe('en')
    // A refusal from the server in English.
    await page.getByLabel('E-mail').fill('operator@demo.aduan.test')
    await page.getByLabel('Password').fill('wrong-password-123')
    await page.getByRole('button', { name: 'Sign in' }).click()
    const refusal = await page.getByRole('alert').textContent()
    expect(refusal).toMatch(/[a-z]/)
    expect(refusal).not.toMatch(/kata sandi|salah/i)
    await page.getByLabel('Password').fill(PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()

    // Inbox.
    await page.getByRole('heading', { name: 'Inbox' }).waitFor()
    const nav = page.getByRole('navigation', { name: 'Main navigation' })
    for (const label of ['Inbox', 'Reports', 'Dashboard', 'Settings']) await nav.getByRole('link', { name: label }).waitFor()
    await page.getByLabel('Channel').waitFor()
    expect(await page.getByLabel('Channel').locator('option').first().textContent()).toBe('All channels')
    await page.getByRole('button', { name: 'Apply' }).waitFor()
    await page.getByRole('button', { name: 'Log out' }).waitFor()
    await page.locator('.convs li').first().waitFor()
    await page.screenshot({ path: path.join(shots, 'admin-inbox-en.png') })

    // The choice lasts over a reload.
    await page.reload()
    await page.getByRole('heading', { name: 'Inbox' }).waitFor()
    expect(await htmlLang(page)).toBe('en')
    // The choice made on the sign-in page became the person's: their notifications come in English.
    const serverLocale = () => page.evaluate(async () => (await (await fetch('/api/auth/session')).json()).user.locale)
    await expect.poll(serverLocale).toBe('en')

    // A report page: details, English status and dates.
    await nav.getByRole('link', { name: 'Reports' }).click()
    await page.getByRole('heading', { name: 'Reports' }).waitFor()
    await page.locator('table tbody tr').first().waitFor()
    await page.locator('table tbody tr a').first().click()
    await page.getByRole('heading', { name: 'Details' }).waitFor()
    const details = page.locator('section[aria-labelledby="rincian"] dl.details')
    for (const dt of ['Kind', 'Channel', 'Received', 'Deadline']) await details.locator('dt', { hasText: dt }).first().waitFor()
    await page.getByRole('heading', { name: 'Timeline' }).waitFor()
    await page.locator('.timeline li').first().waitFor()
    const badge = await page.locator('.report-head .badge').textContent()
    expect(['Received', 'Waiting for details', 'Archived', 'Dispatched', 'In progress', 'Returned', 'Answered', 'Reopened', 'Closed', 'Merged'].some((s) => badge?.includes(s)) || /^[A-Z][a-z ]+$/.test(badge ?? '')).toBe(true)
    expect(await page.locator('.timeline').textContent()).toMatch(/WIB/)
    expect(await page.locator('.timeline').textContent()).not.toMatch(/\boleh\b/)
    if (process.env.ADUAN_SHOTS_DIR) await page.screenshot({ path: path.join(process.env.ADUAN_SHOTS_DIR, 'report-en.png'), fullPage: true })

    // Dashboard.
    await nav.getByRole('link', { name: 'Dashboard' }).click()
    await page.getByRole('heading', { name: 'Leadership dashboard' }).waitFor()
    await page.locator('.dash-kpi dt', { hasText: 'Reports received' }).waitFor()
    await page.getByRole('heading', { name: 'Report trend' }).waitFor()
    // Month names, numbers, percentages and hours follow the language (en-GB), here a monthly trend.
    await page.goto(`${base}/admin/dasbor?from=2026-05-01&to=2026-10-31&granularity=month`)
    await page.getByRole('heading', { name: 'Leadership dashboard' }).waitFor()
    const trendTable = page.locator('figure.dash-figure table.sr-only')
    const months = () => trendTable.locator('tbody td:first-child').allTextContents()
    const kpi = (label: string) => page.locator('.dash-kpi', { has: page.locator('dt', { hasText: label }) }).locator('dd')
    await expect.poll(months).toEqual(['May 2026', 'Jun 2026', 'Jul 2026', 'Aug 2026', expect.stringMatching(/^Sept? 2026$/), 'Oct 2026'])
    expect(await trendTable.locator('caption').textContent()).toBe('Reports per month')
    expect(await page.locator('.dash-sub').textContent()).toMatch(/^1 May 2026 – 31 Oct 2026/)
    expect(await kpi('Reports received').textContent()).toMatch(/^\d{1,3}(,\d{3})*$/)
    expect(await kpi('Agency SLA compliance').textContent()).toMatch(/^(\d+(\.\d)?%|—)$/)
    expect(await kpi('Median first response').textContent()).toMatch(/^(\d+(\.\d)? (h|days)|—)$/)
    expect(await page.locator('.dash').textContent()).not.toMatch(/\b(Agu|Okt|Mei) 2026|\d,\d%/)
    if (process.env.ADUAN_SHOTS_DIR) await page.screenshot({ path: path.join(process.env.ADUAN_SHOTS_DIR, 'dashboard-en.png'), fullPage: true })

    // Back to Indonesian, from the header.
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click()
    await page.getByRole('heading', { name: 'Dasbor Pimpinan' }).waitFor()
    await expect.poll(serverLocale).toBe('id')
    await page.locator('.dash-kpi dt', { hasText: 'Laporan masuk' }).waitFor()
    expect(await htmlLang(page)).toBe('id')
    await expect.poll(months).toEqual(['Mei 2026', 'Jun 2026', 'Jul 2026', 'Agu 2026', 'Sep 2026', 'Okt 2026'])
    expect(await trendTable.locator('caption').textContent()).toBe('Tren laporan per bulan')
    expect(await kpi('Laporan masuk').textContent()).toMatch(/^\d{1,3}(\.\d{3})*$/)
    expect(await kpi('Kepatuhan SLA OPD').textContent()).toMatch(/^(\d+(,\d)?%|—)$/)
    await page.reload()
    await page.getByRole('heading', { name: 'Dasbor Pimpinan' }).waitFor()
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Kotak Masuk' }).waitFor()
    expect(errors).toEqual([])
    await ctx.close()
  })
})
