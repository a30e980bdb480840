// Browser journey of the admin app's first slice (login, the report list, a report page, a phone): Debian's Chromium driven by playwright-core
// against the real server (embedded database, demo tenant). Saves screenshots to docs/screenshots/.
import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Running } from '../../src/main.ts'
import { startBrowserDemo, type BrowserDemo } from '../harness/web.ts'

const CHROMIUM = '/usr/bin/chromium'
const hasChromium = fs.existsSync(CHROMIUM)
if (!hasChromium) console.warn(`skipping the admin browser test: ${CHROMIUM} is missing (apt-get install -y chromium)`)

const root = path.resolve(import.meta.dirname, '../..')
const shots = path.join(root, 'docs/screenshots')

describe.runIf(hasChromium)('admin app in Chromium', { timeout: 90_000 }, () => {
  let demo: BrowserDemo
  let running: Running
  let browser: Browser
  let base: string

  beforeAll(async () => {
    demo = await startBrowserDemo('web')
    running = demo.running
    browser = demo.browser
    base = running.url
  }, 180_000)

  afterAll(async () => {
    await demo?.stop()
  })

  it('serves the landing page and keeps the API routes', async () => {
    const landing = await fetch(`${base}/`)
    expect(landing.status).toBe(200)
    expect(await landing.text()).toContain('Layanan Pengaduan Masyarakat')
    const deep = await fetch(`${base}/admin/laporan/00000000-0000-0000-0000-000000000000`)
    expect(deep.status).toBe(200)
    expect(await deep.text()).toContain('<div id="root">')
    expect((await fetch(`${base}/health/live`)).status).toBe(200)
    const api404 = await fetch(`${base}/api/nope`)
    expect(api404.status).toBe(404)
    expect(api404.headers.get('content-type')).toContain('problem+json')
  })

  it('an operator logs in, sees the reports, opens one, and logs out', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'id-ID' })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    await page.goto(`${base}/admin/`)
    await page.getByLabel('E-mail').fill('operator@demo.aduan.test')
    await page.getByLabel('Kata sandi').fill('salah-sekali')
    await page.getByRole('button', { name: 'Masuk' }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('E-mail atau kata sandi salah')
    await page.screenshot({ path: path.join(shots, 'admin-login.png') })

    await page.getByLabel('Kata sandi').fill('demo-password-1')
    await page.getByRole('button', { name: 'Masuk' }).click()
    await page.getByRole('heading', { name: 'Kotak Masuk' }).waitFor()
    await page.locator('.convs li').first().waitFor()
    await page.getByRole('link', { name: 'Laporan', exact: true }).click()
    await page.getByRole('heading', { name: 'Daftar Laporan' }).waitFor()
    await page.locator('table.reports tbody tr').first().waitFor()
    expect(await page.locator('table.reports tbody tr').count()).toBeGreaterThan(5)
    expect(await page.locator('.who-role').textContent()).toContain('Admin koordinator')
    await page.screenshot({ path: path.join(shots, 'admin-reports.png') })

    // Open a finished report: its timeline shows the whole journey.
    await page.getByLabel('Status').selectOption('closed')
    await page.getByRole('button', { name: 'Terapkan' }).click()
    await page.locator('table.reports tbody tr .badge', { hasText: 'Selesai' }).first().waitFor()
    const first = page.locator('table.reports tbody tr td.code a').first()
    const code = (await first.textContent())!.trim()
    await first.click()
    await page.getByRole('heading', { name: 'Riwayat' }).waitFor()
    await page.locator('.timeline li').first().waitFor()
    expect(await page.locator('.report-head .code').textContent()).toBe(code)
    expect(page.url()).toMatch(/\/admin\/laporan\/[0-9a-f-]{36}$/)
    // The region reads as names (desa, kecamatan), with the code only in the tooltip.
    const region = page.locator('dl.details dt:text-is("Wilayah") + dd')
    await expect.poll(() => region.textContent()).toContain('Kec. ')
    expect(await region.textContent()).not.toMatch(/\d+\.\d+/)
    await page.screenshot({ path: path.join(shots, 'admin-report.png'), fullPage: true })

    // A deep link survives a reload (SPA fallback), and an unknown id says so in Indonesian.
    await page.reload()
    await page.locator('.timeline li').first().waitFor()
    await page.goto(`${base}/admin/laporan/00000000-0000-4000-8000-000000000000`)
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Laporan tidak ditemukan')

    await page.getByRole('button', { name: 'Keluar' }).click()
    await page.getByRole('heading', { name: 'Masuk ke Aplikasi Petugas' }).waitFor()
    expect(errors.filter((e) => !/404|401/.test(e))).toEqual([])
    await page.close()
  })

  it('works on a 390px-wide phone', async () => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'id-ID' })
    const page = await ctx.newPage()
    await page.goto(`${base}/admin/`)
    await page.getByLabel('E-mail').fill('operator@demo.aduan.test')
    await page.getByLabel('Kata sandi').fill('demo-password-1')
    await page.getByRole('button', { name: 'Masuk' }).click()
    await page.locator('.convs li').first().waitFor()
    await page.goto(`${base}/admin/laporan`)
    await page.locator('table.reports tbody tr').first().waitFor()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await page.screenshot({ path: path.join(shots, 'admin-reports-phone.png') })
    await ctx.close()
  })
})
