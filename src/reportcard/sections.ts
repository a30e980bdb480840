// The card's sections as plain rows, shared by the PDF and the XLSX so both print the same figures.
import type { ScoreRow } from '../analytics/queries.ts'
import type { CardData, MonthFigures } from './data.ts'
import { fmtDelta, fmtHours, fmtNum, fmtPct, monthBounds, monthLabel } from './month.ts'
import { zoneLabel } from './labels.ts'

export type Kind = 'count' | 'pct' | 'hours' | 'rating'

export interface SummaryRow {
  label: string
  kind: Kind
  current: number | null
  previous: number | null
}

/** The headline figures, this month against the previous one. */
export function summaryRows(card: CardData): SummaryRow[] {
  const row = (label: string, kind: Kind, f: (m: MonthFigures) => number | null): SummaryRow => ({
    label,
    kind,
    current: f(card.current),
    previous: f(card.previous),
  })
  return [
    row('Laporan diterima', 'count', (m) => m.summary.received),
    row('Terverifikasi', 'count', (m) => m.summary.verified),
    row('Dijawab', 'count', (m) => m.summary.answered),
    row('Selesai (ditutup)', 'count', (m) => m.summary.closed),
    row('Darurat', 'count', (m) => m.summary.emergency),
    row('Laporan terbuka lewat tenggat', 'count', (m) => m.summary.overdueOpen),
    row('Kepatuhan SLA (dijawab tepat waktu)', 'pct', (m) => m.slaCompliance),
    row('Median waktu respons pertama', 'hours', (m) => m.summary.medianFirstResponseHours),
    row('Median waktu penyelesaian', 'hours', (m) => m.summary.medianCompletionHours),
    row('Kepuasan pelapor (rata-rata 1-5)', 'rating', (m) => m.satisfaction.average),
    row('Pelapor puas (nilai 4-5)', 'pct', (m) => m.satisfaction.satisfiedPercent),
    row('Jumlah penilaian', 'count', (m) => m.satisfaction.rated),
  ]
}

export function fmtValue(kind: Kind, v: number | null): string {
  if (kind === 'pct') return fmtPct(v)
  if (kind === 'hours') return fmtHours(v)
  if (kind === 'rating') return v === null ? '-' : fmtNum(v, 1)
  return fmtNum(v)
}

/** The change written for a reader: counts with percent, percentages in points, times in hours. */
export function fmtChange(r: SummaryRow): string {
  if (r.current === null || r.previous === null) return '-'
  if (r.kind === 'count') return fmtDelta(r.current, r.previous)
  const d = Math.round((r.current - r.previous) * 10) / 10
  if (d === 0) return 'tetap'
  const s = d > 0 ? '+' : '-'
  if (r.kind === 'pct') return `${s}${fmtNum(Math.abs(d), 1)} poin`
  // In days when either month is in days, so the change reads in the same unit as the figures.
  if (r.kind === 'hours') return Math.max(r.current, r.previous) >= 48 ? `${s}${fmtNum(Math.abs(d) / 24, 1)} hari` : `${s}${fmtHours(Math.abs(d))}`
  return `${s}${fmtNum(Math.abs(d), 1)}`
}

export interface Titles {
  title: string
  subject: string
  period: string
  previous: string
}

export function titlesOf(card: CardData): Titles {
  const { from, to } = monthBounds(card.current.month)
  const subject = card.agency ? `${card.agency.name} (${card.agency.shortName})` : card.scoped ? 'OPD Anda' : 'Seluruh OPD'
  return {
    title: `Rapor Pengaduan ${monthLabel(card.current.month)}`,
    subject,
    period: `${+from.slice(8)}-${+to.slice(8)} ${monthLabel(card.current.month)} (${zoneLabel(card.tenant.timeZone)})`,
    previous: monthLabel(card.previous.month),
  }
}

/** Scoreboard rows with the previous month's SLA compliance beside this month's. */
export function scoreRows(card: CardData): (ScoreRow & { previousCompliance: number | null })[] {
  const prev = new Map(card.previous.scoreboard.map((r) => [r.agencyId, r.slaCompliance]))
  return card.current.scoreboard.map((r) => ({ ...r, previousCompliance: prev.get(r.agencyId) ?? null }))
}

/** File name stem: rapor_2026-11 or rapor_2026-11_pupr. */
export function fileStem(card: CardData): string {
  const tag = card.agency ? `_${card.agency.shortName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}` : ''
  return `rapor_${card.current.month}${tag}`
}
