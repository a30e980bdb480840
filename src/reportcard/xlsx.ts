// The report card as a workbook (exceljs): one sheet per section, numbers as numbers (percent and
// hours as plain decimals, their unit in the header), headers in Bahasa Indonesia.
import ExcelJS from 'exceljs'
import type { CardData } from './data.ts'
import { fmtDateTime, monthLabel } from './month.ts'
import { scoreRows, summaryRows, titlesOf } from './sections.ts'

type Cell = string | number | null

function sheet(wb: ExcelJS.Workbook, name: string, header: string[], rows: Cell[][], widths?: number[]) {
  const ws = wb.addWorksheet(name)
  ws.addRow(header).font = { bold: true }
  for (const r of rows) ws.addRow(r)
  ws.columns.forEach((c, i) => {
    c.width = widths?.[i] ?? Math.min(50, Math.max(12, header[i]!.length + 2))
  })
  ws.views = [{ state: 'frozen', ySplit: 1 }]
  return ws
}

export const SHEETS = ['Ringkasan', 'Tren harian', 'Kanal', 'Kategori', 'Kecamatan', 'Kinerja OPD', 'Lewat tenggat', 'Keterangan'] as const

export async function renderXlsx(card: CardData): Promise<Buffer> {
  const t = titlesOf(card)
  const cur = monthLabel(card.current.month)
  const prev = monthLabel(card.previous.month)
  const wb = new ExcelJS.Workbook()
  wb.creator = 'aduan'
  wb.title = `${t.title} - ${card.tenant.name}`
  const unit = (k: string) => (k === 'pct' ? ' (%)' : k === 'hours' ? ' (jam)' : '')
  sheet(
    wb,
    'Ringkasan',
    ['Indikator', cur, prev, 'Selisih'],
    summaryRows(card).map((r) => [
      r.label + unit(r.kind),
      r.current,
      r.previous,
      r.current === null || r.previous === null ? null : Math.round((r.current - r.previous) * 10) / 10,
    ]),
    [44, 18, 18, 12],
  )
  const prevByDay = card.previous.trend
  sheet(
    wb,
    'Tren harian',
    ['Tanggal', `Diterima ${cur}`, `Dijawab ${cur}`, `Tanggal ${prev}`, `Diterima ${prev}`],
    Array.from({ length: Math.max(card.current.trend.length, prevByDay.length) }, (_, i) => [
      card.current.trend[i]?.bucket ?? null,
      card.current.trend[i]?.received ?? null,
      card.current.trend[i]?.answered ?? null,
      prevByDay[i]?.bucket ?? null,
      prevByDay[i]?.received ?? null,
    ]),
  )
  sheet(wb, 'Kanal', ['Kanal', 'Laporan'], card.channels.map((c) => [c.label, c.count]), [30, 12])
  sheet(wb, 'Kategori', ['Kategori', 'Laporan'], card.categories.map((c) => [c.label, c.count]), [40, 12])
  sheet(wb, 'Kecamatan', ['Kode', 'Kecamatan', 'Laporan'], card.districts.map((d) => [d.key, d.label, d.count]), [12, 30, 12])
  sheet(
    wb,
    'Kinerja OPD',
    ['OPD', 'Singkatan', 'Laporan', 'Disposisi', 'Dijawab', 'Tepat waktu', 'Dikembalikan', 'Lewat tenggat (terbuka)', 'Kepatuhan SLA (%)', `Kepatuhan SLA ${prev} (%)`, 'Median respons pertama (jam)', 'Median penyelesaian (jam)'],
    scoreRows(card).map((r) => [r.name, r.shortName, r.reports, r.dispositions, r.answered, r.answeredOnTime, r.returned, r.overdueOpen, r.slaCompliance, r.previousCompliance, r.medianFirstResponseHours, r.medianCompletionHours]),
    [40, 12],
  )
  const overdue = sheet(
    wb,
    'Lewat tenggat',
    ['Kode pelacakan', 'Judul', 'OPD', 'Kecamatan', 'Tenggat', 'Terlambat (hari)'],
    card.overdue.rows.map((r) => [r.trackingCode, r.title, r.agency, r.district, fmtDateTime(r.dueAt, card.tenant.timeZone), r.daysOverdue]),
    [20, 50, 12, 20, 22, 16],
  )
  if (card.overdue.total > card.overdue.rows.length) overdue.addRow([`... dan ${card.overdue.total - card.overdue.rows.length} lainnya (total ${card.overdue.total})`])
  sheet(
    wb,
    'Keterangan',
    ['Butir', 'Isi'],
    [
      ['Judul', t.title],
      ['Pemerintah daerah', card.tenant.name],
      ['Cakupan', t.subject],
      ['Periode', t.period],
      ['Pembanding', prev],
      ['Data per', fmtDateTime(card.generatedAt, card.tenant.timeZone)],
      ['Definisi', 'Sama dengan Dasbor: laporan dihitung pada bulan diterima, dengan status saat data diambil (docs/DASHBOARD.md, docs/REPORT-CARD.md).'],
    ],
    [20, 100],
  )
  return Buffer.from(await wb.xlsx.writeBuffer())
}
