// The report card downloads on the dashboard, in Chromium on the demo tenant: a leader picks an
// agency and downloads its PDF (last month by default) and the tenant's XLSX; an agency head's
// menu lists only their agency. Screenshot: docs/screenshots/report-card-dashboard.png.
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Running } from '../../src/main.ts'
import { hasChromium, ROOT, startBrowserDemo, type BrowserDemo } from '../harness/web.ts'

const PASSWORD = 'demo-password-1'
const shots = path.join(ROOT, 'docs/screenshots')

async function signIn(page: Page, base: string, email: string) {
  await page.goto(`${base}/admin/`)
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Kata sandi').fill(PASSWORD)
  await page.getByRole('button', { name: 'Masuk' }).click()
  await page.locator('.who-name').waitFor()
}

describe.runIf(hasChromium)('report card downloads in Chromium', { timeout: 180_000 }, () => {
  let demo: BrowserDemo
  let running: Running
  let browser: Browser
  let base: string

  beforeAll(async () => {
    demo = await startBrowserDemo('rapor')
    running = demo.running
    browser = demo.browser
    base = running.url
  }, 240_000)

  afterAll(async () => {
    await demo?.stop()
  })

  const openCard = async (email: string) => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID', acceptDownloads: true })
    const page = await ctx.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await signIn(page, base, email)
    await page.getByRole('link', { name: 'Dasbor' }).click()
    const group = page.getByRole('group', { name: 'Rapor bulanan (PDF dan XLSX)' })
    await group.waitFor()
    return { ctx, page, group, errors }
  }

  it('a leader downloads an agency PDF and the tenant XLSX for last month', async () => {
    const { ctx, page, group, errors } = await openCard('leader@demo.aduan.test')
    const now = new Date()
    const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15)).toISOString().slice(0, 7)
    expect(await group.getByLabel('Bulan').inputValue()).toBe(last)
    const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember']
    expect(await group.getByLabel('Bulan').locator('option:checked').textContent()).toBe(`${MONTHS[+last.slice(5) - 1]} ${last.slice(0, 4)}`)
    await group.getByLabel('Cakupan').selectOption({ label: 'PUPR' })
    await group.scrollIntoViewIfNeeded()
    await group.screenshot({ path: path.join(shots, 'report-card-dashboard.png') })
    const [pdf] = await Promise.all([page.waitForEvent('download'), group.getByRole('link', { name: 'Unduh PDF' }).click()])
    expect(pdf.suggestedFilename()).toBe(`rapor_${last}_pupr.pdf`)
    expect(fs.readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-')
    await group.getByLabel('Cakupan').selectOption({ label: 'Seluruh OPD' })
    const [xlsx] = await Promise.all([page.waitForEvent('download'), group.getByRole('link', { name: 'Unduh XLSX' }).click()])
    expect(xlsx.suggestedFilename()).toBe(`rapor_${last}.xlsx`)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile((await xlsx.path())!)
    expect(wb.getWorksheet('Ringkasan')!.getRow(2).getCell(1).value).toBe('Laporan diterima')
    expect(errors).toEqual([])
    await ctx.close()
  })

  it("an agency head's menu lists only their agency", async () => {
    const { ctx, group, errors } = await openCard('pupr.head@demo.aduan.test')
    const labels = await group.getByLabel('Cakupan').locator('option').allTextContents()
    expect(labels).toEqual(['Seluruh OPD', 'PUPR'])
    expect(errors).toEqual([])
    await ctx.close()
  })
})
