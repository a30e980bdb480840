// The dashboard's API calls and types (the server's shapes from src/analytics).
import type { ChannelType, ReportKind, Role } from '../../../src/reports/model.ts'
import { tr } from '../i18n.ts'
import { locale } from '../labels.ts'

export interface Filters {
  from: string
  to: string
  granularity: '' | 'day' | 'week' | 'month'
  channel: '' | ChannelType
  kind: '' | ReportKind
  category: string
  agency: string
  district: string
}
export const NO_FILTERS: Omit<Filters, 'from' | 'to'> = { granularity: '', channel: '', kind: '', category: '', agency: '', district: '' }

export interface Count {
  key: string | null
  count: number
}
export interface ScoreRow {
  agencyId: string
  name: string
  shortName: string
  reports: number
  dispositions: number
  answered: number
  answeredOnTime: number
  returned: number
  overdueOpen: number
  slaCompliance: number | null
  medianFirstResponseHours: number | null
  medianCompletionHours: number | null
}
export interface DashboardData {
  period: { from: string; to: string; granularity: 'day' | 'week' | 'month'; timeZone: string }
  scope: 'tenant' | 'agencies'
  summary: {
    received: number
    verified: number
    answered: number
    closed: number
    archived: number
    emergency: number
    overdueOpen: number
    medianFirstResponseHours: number | null
    medianCompletionHours: number | null
    slaCompliance: number | null
  }
  trend: { bucket: string; received: number; answered: number }[]
  breakdowns: Record<'channel' | 'kind' | 'status' | 'category' | 'district', Count[]>
  scoreboard: ScoreRow[]
  trending: { term: string; count: number; previous: number; changePct: number | null; isNew: boolean }[]
}
export interface Options {
  agencies: { id: string; name: string; shortName: string }[]
  categories: { id: string; name: string }[]
  districts: { code: string; name: string }[]
}
export interface Boundaries {
  type: 'FeatureCollection'
  features: { type: 'Feature'; properties: { code: string; name: string }; geometry: GeoJSON.Geometry }[]
}
export interface Me {
  roles: Role[]
  csrfToken: string | null
}

export class DashError extends Error {}

/** A problem+json's message in the current language (the server sends both). */
const problemText = (body: { message?: { id?: string; en?: string }; detail_id?: string } | null): string | undefined =>
  (tr(body?.message?.id ?? '', body?.message?.en ?? '') || body?.message?.id) ?? body?.detail_id

async function getJson<T>(url: string): Promise<T> {
  let res: Response
  try {
    res = await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } })
  } catch {
    throw new DashError(tr('Tidak dapat terhubung ke server. Periksa koneksi internet Anda.', 'Cannot reach the server. Check your internet connection.'))
  }
  const body = await res.json().catch(() => null)
  if (!res.ok) throw new DashError(problemText(body) ?? tr(`Permintaan gagal (HTTP ${res.status}).`, `Request failed (HTTP ${res.status}).`))
  return body as T
}

/** The query string for the API and the export links: only the filters that are set. */
export function queryOf(f: Partial<Filters>, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries({ ...f, ...extra })) if (v) p.set(k, String(v))
  return p.toString()
}

export const fetchDashboard = (f: Filters) => getJson<DashboardData>(`/api/dashboard?${queryOf(f)}`)
export const fetchOptions = () => getJson<Options>('/api/dashboard/options')
export const fetchBoundaries = () => getJson<Boundaries>('/api/dashboard/boundaries')
export const fetchMe = () => getJson<Me>('/api/auth/session')

export async function uploadBoundaries(geojson: unknown, csrf: string | null) {
  const res = await fetch('/api/dashboard/boundaries', {
    method: 'PUT',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
    body: JSON.stringify(geojson),
  })
  const body = await res.json().catch(() => null)
  if (!res.ok) throw new DashError(problemText(body) ?? tr(`Impor gagal (HTTP ${res.status}).`, `Import failed (HTTP ${res.status}).`))
  return body as { matched: { code: string; name: string }[]; unmatched: { index: number; label: string }[] }
}

// Numbers, percentages, hours and days in the current language (id-ID: "1.234,5" and "Agu";
// en-GB: "1,234.5" and "Aug"). Formatters are read at render time, so a language switch re-renders
// them; they are cached per locale.
const numberFormats = new Map<string, Intl.NumberFormat>()
function numberFormat(decimals: 0 | 1): Intl.NumberFormat {
  const key = `${locale()}:${decimals}`
  let f = numberFormats.get(key)
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(locale(), { maximumFractionDigits: decimals })))
  return f
}
export const fmtNum = (n: number) => numberFormat(0).format(n)
export const fmtPct = (n: number | null) => (n === null ? '—' : `${numberFormat(1).format(n)}%`)
/** Hours as "5,5 jam" / "5.5 h" or, past two days, "3,2 hari" / "3.2 days". */
export function fmtHours(h: number | null): string {
  if (h === null) return '—'
  const f = numberFormat(1)
  return h >= 48 ? tr(`${f.format(h / 24)} hari`, `${f.format(h / 24)} days`) : tr(`${f.format(h)} jam`, `${f.format(h)} h`)
}
/** A calendar day (YYYY-MM-DD, no time zone shift) as "5 Agu" / "5 Aug", or its month as "Agu 2026". */
export function fmtDay(day: string, g: 'day' | 'week' | 'month' = 'day'): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const opts: Intl.DateTimeFormatOptions = g === 'month' ? { month: 'short', year: 'numeric' } : { day: 'numeric', month: 'short' }
  return new Intl.DateTimeFormat(locale(), { ...opts, timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d))
}
/** "5 Agu 2026" / "5 Aug 2026". */
export function fmtLongDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d))
}
