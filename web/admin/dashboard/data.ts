// The dashboard's API calls and types (the server's shapes from src/analytics).
import type { ChannelType, ReportKind, Role } from '../../../src/reports/model.ts'

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

async function getJson<T>(url: string): Promise<T> {
  let res: Response
  try {
    res = await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } })
  } catch {
    throw new DashError('Tidak dapat terhubung ke server. Periksa koneksi internet Anda.')
  }
  const body = await res.json().catch(() => null)
  if (!res.ok) throw new DashError(body?.message?.id ?? body?.detail_id ?? `Permintaan gagal (HTTP ${res.status}).`)
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
  if (!res.ok) throw new DashError(body?.message?.id ?? body?.detail_id ?? `Impor gagal (HTTP ${res.status}).`)
  return body as { matched: { code: string; name: string }[]; unmatched: { index: number; label: string }[] }
}

const nf = new Intl.NumberFormat('id-ID')
export const fmtNum = (n: number) => nf.format(n)
export const fmtPct = (n: number | null) => (n === null ? '—' : `${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }).format(n)}%`)
/** Hours as "5,5 jam" or, past two days, "3,2 hari". */
export function fmtHours(h: number | null): string {
  if (h === null) return '—'
  const f = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 })
  return h >= 48 ? `${f.format(h / 24)} hari` : `${f.format(h)} jam`
}
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des']
export function fmtDay(day: string, g: 'day' | 'week' | 'month' = 'day'): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  if (g === 'month') return `${MONTHS[m - 1]} ${y}`
  return `${d} ${MONTHS[m - 1]}${g === 'week' ? '' : ''}`
}
export function fmtLongDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return `${d} ${MONTHS[m - 1]} ${y}`
}
