// CSV and XLSX of the filtered report list and of the scoreboard. Headers in Bahasa Indonesia;
// times in the tenant's zone. CSV cells that start with = + - @ are prefixed with ' (no formula
// injection when opened in a spreadsheet).
import ExcelJS from 'exceljs'
import { REPORT_KIND_LABELS, REPORT_STATUS_LABELS, type ChannelType, type ReportKind, type ReportStatus } from '../reports/model.ts'
import { tzOffsetMinutes } from './period.ts'
import type { ExportRow, ScoreRow } from './queries.ts'

const CHANNEL_LABELS: Record<ChannelType, string> = {
  whatsapp: 'WhatsApp',
  messenger: 'Messenger',
  instagram: 'Instagram',
  facebook_comment: 'Komentar Facebook',
  instagram_comment: 'Komentar Instagram',
  x: 'X',
  telegram: 'Telegram',
  sms: 'SMS',
  email: 'E-mail',
  web: 'Portal web',
  api: 'API',
  phone: 'Telepon',
  walk_in: 'Datang langsung',
  lapor: 'SP4N-LAPOR!',
}

export interface Table {
  name: string
  header: string[]
  rows: (string | number | null)[][]
}

const localTime = (d: Date | null, tz: string) =>
  d === null ? null : new Date(d.getTime() + tzOffsetMinutes(tz, d) * 60_000).toISOString().slice(0, 16).replace('T', ' ')

export function reportTable(rows: readonly ExportRow[], tz: string): Table {
  return {
    name: 'Laporan',
    header: ['Kode pelacakan', 'Diterima', 'Status', 'Jenis', 'Kanal', 'Kategori', 'Kecamatan', 'OPD', 'Judul', 'Tenggat', 'Dijawab'],
    rows: rows.map((r) => [
      r.trackingCode,
      localTime(r.createdAt, tz),
      REPORT_STATUS_LABELS[r.status as ReportStatus]?.id ?? r.status,
      REPORT_KIND_LABELS[r.kind as ReportKind]?.id ?? r.kind,
      CHANNEL_LABELS[r.channelType as ChannelType] ?? r.channelType,
      r.category,
      r.district,
      r.agencies,
      r.title,
      localTime(r.dueAt, tz),
      localTime(r.answeredAt, tz),
    ]),
  }
}

export function scoreboardTable(rows: readonly ScoreRow[]): Table {
  return {
    name: 'Rapor OPD',
    header: [
      'OPD',
      'Singkatan',
      'Laporan',
      'Disposisi',
      'Dijawab',
      'Tepat waktu',
      'Dikembalikan',
      'Lewat tenggat (terbuka)',
      'Kepatuhan SLA (%)',
      'Median respons pertama (jam)',
      'Median penyelesaian (jam)',
    ],
    rows: rows.map((r) => [
      r.name,
      r.shortName,
      r.reports,
      r.dispositions,
      r.answered,
      r.answeredOnTime,
      r.returned,
      r.overdueOpen,
      r.slaCompliance,
      r.medianFirstResponseHours,
      r.medianCompletionHours,
    ]),
  }
}

function csvCell(v: string | number | null): string {
  if (v === null) return ''
  let s = String(v)
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** CSV with a UTF-8 BOM (Excel opens Indonesian text correctly) and CRLF line ends (RFC 4180). */
export function toCsv(t: Table): string {
  return '\ufeff' + [t.header, ...t.rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

export async function toXlsx(t: Table): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'aduan'
  const ws = wb.addWorksheet(t.name)
  ws.addRow(t.header).font = { bold: true }
  for (const r of t.rows) ws.addRow(r)
  ws.columns.forEach((c, i) => {
    c.width = Math.min(60, Math.max(10, t.header[i]!.length + 2))
  })
  ws.views = [{ state: 'frozen', ySplit: 1 }]
  return Buffer.from(await wb.xlsx.writeBuffer())
}
