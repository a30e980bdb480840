// Browser journey of the leaders' dashboard: a leader filters to one kecamatan and exports CSV
// (the downloaded file is read and checked), an operator imports kecamatan boundaries once and
// the choropleth appears; screenshots go to docs/screenshots/dashboard-*.png.
import fs from 'node:fs'
import path from 'node:path'
import { type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Running } from '../../src/main.ts'
import { hasChromium, ROOT, startBrowserDemo, type BrowserDemo } from '../harness/web.ts'

const shots = path.join(ROOT, 'docs/screenshots')
const PASSWORD = 'demo-password-1'

/** Parses RFC 4180 CSV (quoted cells, CRLF), dropping the UTF-8 BOM. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const s = text.replace(/^\ufeff/, '')
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(cell)
      cell = ''
    } else if (c === '\n') {
      row.push(cell.replace(/\r$/, ''))
      rows.push(row)
      row = []
      cell = ''
    } else cell += c
  }
  if (cell || row.length) {
    row.push(cell)
    rows.push(row)
  }
  return rows
}

/** Tile-shaped stand-in boundaries (a grid around Nagan Raya), so the test needs no map data. */
function tileBoundaries(districts: { code: string; name: string }[]) {
  const cols = 4
  return {
    type: 'FeatureCollection',
    features: districts.map((d, i) => {
      const x = 96.2 + (i % cols) * 0.12
      const y = 4.4 - Math.floor(i / cols) * 0.1
      const ring = [[x, y], [x, y - 0.095], [x + 0.115, y - 0.095], [x + 0.115, y], [x, y]]
      return { type: 'Feature', properties: { KDCPUM: d.code.replace(/\./g, ''), WADMKC: d.name }, geometry: { type: 'Polygon', coordinates: [ring] } }
    }),
  }
}

async function signIn(page: Page, base: string, email: string) {
  await page.goto(`${base}/admin/`)
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Kata sandi').fill(PASSWORD)
  await page.getByRole('button', { name: 'Masuk' }).click()
  await page.locator('.who-name').waitFor()
}

const kpi = (page: Page, label: string) => page.locator('.dash-kpi', { has: page.locator('dt', { hasText: label }) }).locator('dd')
const toInt = (s: string | null) => Number((s ?? '').replace(/\D/g, ''))

describe.runIf(hasChromium)('leaders dashboard in Chromium', { timeout: 180_000 }, () => {
  let demo: BrowserDemo
  let tmp: string
  let running: Running
  let browser: Browser
  let base: string

  beforeAll(async () => {
    demo = await startBrowserDemo('dash')
    tmp = demo.tmp
    running = demo.running
    browser = demo.browser
    base = running.url
  }, 240_000)

  afterAll(async () => {
    await demo?.stop()
  })

  it('a leader filters the dashboard to one kecamatan and exports CSV', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID', acceptDownloads: true })
    const page = await ctx.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await signIn(page, base, 'leader@demo.aduan.test')
    await page.getByRole('link', { name: 'Dasbor' }).click()
    await page.getByRole('heading', { name: 'Dasbor Pimpinan' }).waitFor()
    await kpi(page, 'Laporan masuk').waitFor()

    // A year, so the demo's reports are all in.
    const to = await page.getByLabel('Sampai').inputValue()
    const from = new Date(Date.parse(`${to}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10)
    await page.getByLabel('Dari').fill(from)
    await expect.poll(async () => page.url()).toContain(`from=${from}`)
    await expect.poll(async () => (await page.locator('.dash-body').getAttribute('aria-busy')) === 'false').toBe(true)
    const total = toInt(await kpi(page, 'Laporan masuk').textContent())
    expect(total).toBeGreaterThan(20)
    await page.locator('.recharts-surface').first().waitFor()
    await page.screenshot({ path: path.join(shots, 'dashboard-leader.png'), fullPage: true })

    // The busiest kecamatan from the table, then filter to it with the Kecamatan menu.
    const first = page.locator('.dash-district-table tbody tr').first()
    const name = (await first.locator('th').textContent())!.trim()
    const count = toInt(await first.locator('td.num').textContent())
    expect(count).toBeGreaterThan(0)
    expect(count).toBeLessThan(total)
    await page.getByLabel('Kecamatan', { exact: true }).selectOption({ label: name })
    await expect.poll(async () => toInt(await kpi(page, 'Laporan masuk').textContent())).toBe(count)
    expect(page.url()).toMatch(/district=\d{2}\.\d{2}\.\d{2}/)
    await page.screenshot({ path: path.join(shots, 'dashboard-kecamatan.png'), fullPage: true })

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh CSV laporan' }).click()])
    expect(download.suggestedFilename()).toMatch(/^laporan_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/)
    const csv = parseCsv(fs.readFileSync((await download.path())!, 'utf8'))
    const header = csv[0]!
    expect(header.slice(0, 3)).toEqual(['Kode pelacakan', 'Diterima', 'Status'])
    const rows = csv.slice(1).filter((r) => r.length > 1)
    expect(rows.length).toBe(count)
    const col = header.indexOf('Kecamatan')
    expect(new Set(rows.map((r) => r[col]))).toEqual(new Set([name]))
    for (const r of rows) expect(r[0]).toMatch(/^[A-Z]+-[A-Z2-7]+$/)
    expect(errors).toEqual([])
    await ctx.close()
  })

  it('an operator imports kecamatan boundaries once and the map appears', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' })
    const page = await ctx.newPage()
    await signIn(page, base, 'operator@demo.aduan.test')
    await page.goto(`${base}/admin/dasbor`)
    await page.getByRole('heading', { name: 'Sebaran per kecamatan' }).waitFor()
    await expect.poll(() => page.getByText('Peta belum tersedia').count()).toBe(1)
    const options = await page.evaluate(() => fetch('/api/dashboard/options').then((r) => r.json()))
    const file = path.join(tmp, 'kecamatan.geojson')
    fs.writeFileSync(file, JSON.stringify(tileBoundaries(options.districts)))
    await page.getByLabel('Impor batas kecamatan (GeoJSON)').setInputFiles(file)
    await page.getByRole('button', { name: 'Impor', exact: true }).click()
    await expect.poll(() => page.locator('.dash-import [role=status]').textContent()).toContain(`${options.districts.length} kecamatan diimpor`)
    await page.locator('svg.dash-map path').first().waitFor()
    expect(await page.locator('svg.dash-map path').count()).toBe(options.districts.length)
    await page.locator('section[aria-labelledby=map-title]').screenshot({ path: path.join(shots, 'dashboard-map.png') })
    // Picking a kecamatan on the map filters every panel.
    await page.locator('svg.dash-map path').first().click()
    await expect.poll(() => page.url()).toMatch(/district=/)
    await ctx.close()
  })

  it('fits a phone', async () => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'id-ID' })
    const page = await ctx.newPage()
    await signIn(page, base, 'leader@demo.aduan.test')
    await page.goto(`${base}/admin/dasbor`)
    await kpi(page, 'Laporan masuk').waitFor()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await page.screenshot({ path: path.join(shots, 'dashboard-phone.png') })
    await ctx.close()
  })
})
