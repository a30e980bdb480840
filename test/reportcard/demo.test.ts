// The demo tenant's monthly report card, generated as the scheduled job would (last month, whole
// tenant), rendered to PNG pages. With REPORT_CARD_SHOTS=1 the pages are written to
// docs/screenshots/report-card-<n>.png (the pictures in docs/REPORT-CARD.md).
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importBoundaries } from '../../src/analytics/boundaries.ts'
import { buildQuery, loadDashboard } from '../../src/analytics/dashboard.ts'
import { and, eq } from 'drizzle-orm'
import { agencies } from '../../src/db/schema/index.ts'
import { materialiseDemoReports } from '../../src/demo/materialise.ts'
import { setupDemoTenant, tenantDistricts } from '../../src/demo/tenant.ts'
import { assembleCard, type CardData } from '../../src/reportcard/data.ts'
import { channelLabel } from '../../src/reportcard/labels.ts'
import { renderPdf } from '../../src/reportcard/pdf.ts'
import { renderXlsx, SHEETS } from '../../src/reportcard/xlsx.ts'
import { createTestDatabase, type TestDatabase } from '../harness/db.ts'
import { pdfPages, type Page } from './pdf-pages.ts'
import { tileBoundaries } from './tiles.ts'

const NOW = new Date('2026-12-01T02:00:00Z') // 09:00 WIB on the 1st: the scheduled run's moment
const MONTH = '2026-11'
const shots = path.resolve(import.meta.dirname, '../../docs/screenshots')

describe('the demo tenant report card', { timeout: 240_000 }, () => {
  let tdb: TestDatabase
  let tenantId: string
  let card: CardData
  let pdf: Buffer
  let pages: Page[]
  let agencyPages: Page[]

  beforeAll(async () => {
    tdb = await createTestDatabase('pglite')
    const db = tdb.database.db
    const demo = await db.transaction(async (tx) => {
      const d = await setupDemoTenant(tx, { password: 'demo-password-1' })
      await materialiseDemoReports(tx, d, { now: NOW })
      return d
    })
    tenantId = demo.tenantId
    await importBoundaries(db, tenantId, tileBoundaries(await tenantDistricts(db, tenantId)))
    card = await assembleCard(db, { scope: { tenantId, agencyIds: null, dispositionStatuses: [] }, month: MONTH, now: NOW }, channelLabel)
    pdf = await renderPdf(card)
    pages = await pdfPages(pdf)
    // One agency's card, as its head downloads it.
    const [pupr] = await db.select({ id: agencies.id }).from(agencies).where(and(eq(agencies.tenantId, tenantId), eq(agencies.shortName, 'PUPR')))
    const agencyCard = await assembleCard(db, { scope: { tenantId, agencyIds: null, dispositionStatuses: [] }, month: MONTH, agencyId: pupr!.id, now: NOW }, channelLabel)
    agencyPages = await pdfPages(await renderPdf(agencyCard))
    if (process.env.REPORT_CARD_SHOTS) {
      fs.mkdirSync(shots, { recursive: true })
      for (const f of fs.readdirSync(shots)) if (/^report-card-(opd-)?\d+\.png$/.test(f)) fs.rmSync(path.join(shots, f))
      pages.forEach((p, i) => fs.writeFileSync(path.join(shots, `report-card-${i + 1}.png`), p.png))
      agencyPages.forEach((p, i) => fs.writeFileSync(path.join(shots, `report-card-opd-${i + 1}.png`), p.png))
    }
  }, 240_000)
  afterAll(async () => tdb?.close())

  it('has the demo month in it, and its figures are the dashboard figures for that month', async () => {
    const scope = { tenantId, agencyIds: null, dispositionStatuses: [] }
    const d = await loadDashboard(tdb.database.db, await buildQuery(tdb.database.db, scope, { from: '2026-11-01', to: '2026-11-30', granularity: 'day' }, NOW))
    expect(card.current.summary.received).toBeGreaterThan(50)
    const { slaCompliance, ...summary } = d.summary
    expect(card.current.summary).toEqual(summary)
    expect(card.current.slaCompliance).toBe(slaCompliance)
    expect(card.current.scoreboard).toEqual(d.scoreboard)
    expect(card.current.trend).toEqual(d.trend)
    expect(card.current.satisfaction.rated).toBeGreaterThan(0)
  })

  it('renders to readable A4 pages in Bahasa Indonesia with every section', () => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pages.length).toBeGreaterThanOrEqual(3)
    for (const p of pages) {
      expect(p.png.subarray(1, 4).toString()).toBe('PNG')
      expect(p.height / p.width).toBeCloseTo(297 / 210, 2)
    }
    const all = pages.map((p) => p.text).join('\n')
    for (const s of ['Rapor Pengaduan November 2026', 'Pemerintah Kabupaten Nagan Raya', 'Ringkasan', 'Tren harian', 'Kanal pengaduan', 'Kategori', 'Sebaran per kecamatan', 'Kinerja per OPD', 'Disposisi lewat tenggat', 'Oktober 2026', `Halaman 1 dari ${pages.length}`])
      expect(all).toContain(s)
    expect(all).toContain(card.current.summary.received.toLocaleString('id-ID'))
    const opd = agencyPages.map((p) => p.text).join('\n')
    expect(opd).toContain('Dinas Pekerjaan Umum dan Penataan Ruang (PUPR)')
    expect(opd).toContain('Kinerja OPD')
  })

  it('has an XLSX with a sheet per section and the same numbers', async () => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await renderXlsx(card)) as never)
    expect(wb.worksheets.map((w) => w.name)).toEqual([...SHEETS])
    const sum = wb.getWorksheet('Ringkasan')!
    expect(sum.getRow(2).getCell(1).value).toBe('Laporan diterima')
    expect(sum.getRow(2).getCell(2).value).toBe(card.current.summary.received)
    expect(sum.getRow(2).getCell(3).value).toBe(card.previous.summary.received)
    const opd = wb.getWorksheet('Kinerja OPD')!
    expect(opd.rowCount - 1).toBe(card.current.scoreboard.length)
  })
})
