// A small typed client for the aduan API: same-origin cookies, the CSRF token on writes, and
// problem+json errors mapped to ApiError with the Indonesian message first.
import type { ChannelType, ReportKind, ReportStatus, Role } from '../../src/reports/model.ts'

export interface Bilingual {
  id: string
  en: string
}

export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    public messages: Bilingual,
    public body: unknown = null,
  ) {
    super(messages.id)
  }
}

export interface SessionInfo {
  user: { id: string; email: string; name: string | null; locale: string | null }
  tenantId: string
  roles: Role[]
  agencyIds: string[]
  memberships: { id: string; tenantId: string; role: Role; agencyId: string | null; agencyName: string | null }[]
  csrfToken: string | null
}

export interface ReportListItem {
  id: string
  trackingCode: string
  status: ReportStatus
  kind: ReportKind
  title: string | null
  excerpt: string
  categoryId: string | null
  regionCode: string | null
  channelType: ChannelType
  urgency: string | null
  flags: { anonymous: boolean; confidential: boolean }
  dueAt: string | null
  slaState: 'overdue' | 'due_soon' | 'on_track' | null
  createdAt: string
  updatedAt: string
}

export interface ReportList {
  items: ReportListItem[]
  nextCursor: string | null
}

export interface ReportDetail {
  id: string
  trackingCode: string
  status: ReportStatus
  kind: ReportKind
  title: string | null
  body: string
  categoryId: string | null
  regionCode: string | null
  locationText: string | null
  createdAt: string
  updatedAt: string
  flags?: Record<string, boolean | undefined>
  urgency: string | null
  sla?: { current: { dueAt: string; kind?: string } | null }
  dispositions?: { id: string; agencyId: string; status: string; instruction: string | null; dueAt: string | null; createdAt: string }[]
  publishedResponses?: { id: string; agencyId: string | null; body: string; publishedAt: string | null }[]
  channelType: ChannelType
  reporterName?: string | null
  reporterContact?: { phone: string | null; email: string | null } | null
}

export interface TimelineEvent {
  id: string | number
  type: string
  at: string
  actorKind: string
  actorUserId: string | null
  actorRole: string | null
  agencyId: string | null
  fromStatus: ReportStatus | null
  toStatus: ReportStatus | null
  internal: boolean
  data: Record<string, unknown>
}

export interface Agency {
  id: string
  name: string
  shortName: string | null
}

let csrfToken: string | null = null
export const setCsrfToken = (t: string | null) => {
  csrfToken = t
}

async function request<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken
  let res: Response
  try {
    res = await fetch(url, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) })
  } catch {
    throw new ApiError(0, 'network', {
      id: 'Tidak dapat terhubung ke server. Periksa koneksi internet Anda.',
      en: 'Cannot reach the server. Check your connection.',
    })
  }
  if (res.status === 204) return undefined as T
  const text = await res.text()
  let data: unknown = null
  try {
    data = text ? JSON.parse(text) : null
  } catch {
    data = null
  }
  if (!res.ok) {
    const p = (data ?? {}) as { code?: string; message?: Bilingual; detail?: string; detail_id?: string }
    const messages: Bilingual = p.message ?? {
      id: p.detail_id ?? `Permintaan gagal (HTTP ${res.status}).`,
      en: p.detail ?? `Request failed (HTTP ${res.status}).`,
    }
    throw new ApiError(res.status, p.code ?? `http_${res.status}`, messages, data)
  }
  return data as T
}

export const api = {
  async login(email: string, password: string): Promise<SessionInfo> {
    const s = await request<SessionInfo>('POST', '/api/auth/login', { email, password })
    setCsrfToken(s.csrfToken)
    return s
  },
  async session(): Promise<SessionInfo> {
    const s = await request<SessionInfo>('GET', '/api/auth/session')
    setCsrfToken(s.csrfToken)
    return s
  },
  async logout(): Promise<void> {
    await request<void>('POST', '/api/auth/logout')
    setCsrfToken(null)
  },
  tenant: () => request<{ id: string; name: string; timeZone: string }>('GET', '/api/tenant'),
  agencies: () => request<{ items: Agency[] }>('GET', '/api/agencies'),
  reports(params: { status?: string; q?: string; cursor?: string; limit?: number } = {}): Promise<ReportList> {
    const qs = new URLSearchParams()
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') qs.set(k, String(v))
    const s = qs.toString()
    return request<ReportList>('GET', `/api/reports${s ? `?${s}` : ''}`)
  },
  report: (id: string) => request<ReportDetail>('GET', `/api/reports/${encodeURIComponent(id)}`),
  events: (id: string) => request<{ items: TimelineEvent[] }>('GET', `/api/reports/${encodeURIComponent(id)}/events`),
}
