// Months as YYYY-MM in the tenant's time zone, and the Indonesian way to write figures. Pure.
import { localDay } from '../analytics/period.ts'

export const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/

export const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember']

export function isValidMonth(m: string): boolean {
  const x = MONTH_RE.exec(m)
  return !!x && +x[1]! >= 2000
}

/** First and last local day of a month. */
export function monthBounds(month: string): { from: string; to: string } {
  const y = +month.slice(0, 4)
  const m = +month.slice(5, 7)
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` }
}

export function previousMonth(month: string): string {
  const y = +month.slice(0, 4)
  const m = +month.slice(5, 7)
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

/** The month an instant falls in, in the zone. */
export function monthOf(at: Date, timeZone: string): string {
  return localDay(at, timeZone).slice(0, 7)
}

/** "November 2026". */
export function monthLabel(month: string): string {
  return `${MONTHS_ID[+month.slice(5, 7) - 1]} ${month.slice(0, 4)}`
}

/** Indonesian number: 1.234 and 12,5. */
export function fmtNum(n: number | null, digits = 0): string {
  if (n === null || Number.isNaN(n)) return '-'
  return n.toLocaleString('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

export function fmtPct(n: number | null): string {
  return n === null ? '-' : `${fmtNum(n, 1)}%`
}

/** Hours as "5,2 jam" up to two days, else "3,1 hari". */
export function fmtHours(h: number | null): string {
  if (h === null) return '-'
  return h < 48 ? `${fmtNum(h, 1)} jam` : `${fmtNum(h / 24, 1)} hari`
}

/** Change against the previous month: "+12 (+8,5%)", "-3", "=" ; for counts. */
export function fmtDelta(cur: number | null, prev: number | null, digits = 0): string {
  if (cur === null || prev === null) return '-'
  const d = Math.round((cur - prev) * 10 ** digits) / 10 ** digits
  if (d === 0) return 'tetap'
  const sign = d > 0 ? '+' : '-'
  const pct = prev !== 0 ? ` (${sign}${fmtNum(Math.abs((d / prev) * 100), 1)}%)` : ''
  return `${sign}${fmtNum(Math.abs(d), digits)}${digits === 0 ? pct : ''}`
}

/** Local date and time "23 Nov 2026 10.00" in the zone. */
export function fmtDateTime(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('id-ID', { timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(at)
  return parts
}

export function fmtDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('id-ID', { timeZone, day: 'numeric', month: 'short', year: 'numeric' }).format(at)
}
