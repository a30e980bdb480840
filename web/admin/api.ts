// A small typed client for the aduan API: same-origin cookies, the CSRF token on writes, and
// problem+json errors mapped to ApiError (both languages kept; ui.tsx shows the current one). Query strings and
// request bodies are typed from api-types/index.ts (generated from the OpenAPI document by
// generate-api-types.ts); response shapes are declared here, as the routes present them.
import type { ChannelType, ReportKind, ReportStatus, Role } from '../../src/reports/model.ts'
import type { paths } from './api-types/index.ts'

type QueryOf<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Q } } } ? NonNullable<Q> : never
type BodyOf<P extends keyof paths, M extends 'post' | 'patch'> = paths[P] extends {
  [K in M]: { requestBody?: { content: { 'application/json': infer B } } }
}
  ? B
  : never

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
  sla?: { current: { dueAt: string; kind?: string; agencyId?: string | null; paused?: boolean } | null }
  dispositions?: {
    id: string
    agencyId: string
    status: string
    instruction: string | null
    dueAt: string | null
    returnReason?: string | null
    createdAt: string
  }[]
  unpublishedResponses?: { id: string; agencyId: string | null; dispositionId: string | null; body: string; status: string; rejectReason: string | null }[]
  internalNotes?: { id: string; body: string; agencyId: string | null; authorId: string | null; createdAt: string }[]
  allowedCommands?: string[]
  masterReportId?: string | null
  conversationId?: string | null
  contactId?: string | null
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
  parentId?: string | null
  requiresApproval?: boolean
  active?: boolean
}

export type SlaState = 'overdue' | 'due_soon' | 'on_track' | null

export interface ReplyWindow {
  hours: number | null
  closesAt: string | null
  open: boolean
}

export interface ConversationSummary {
  id: string
  channelType: ChannelType
  status: string
  unreadCount: number
  lastMessageAt: string
  preview: string
  contact: { id: string; name: string | null }
  report: { id: string; trackingCode: string; status: ReportStatus; dueAt: string | null } | null
  slaState: SlaState
  window: ReplyWindow
}

export interface ThreadMessage {
  id: string
  direction: 'in' | 'out'
  body: string
  kind: string
  status: string
  authorUserId: string | null
  createdAt: string
  attachments: { id: string; kind: string; mimeType: string; size: number; fileName: string | null; url: string }[]
}

export interface ConversationDetail extends ConversationSummary {
  contact: { id: string; name: string | null; phone: string | null; email: string | null }
  messages: ThreadMessage[]
  otherConversations: ConversationSummary[]
}

export interface CannedResponse {
  id: string
  shortcut: string
  title: string
  body: string
}

export interface Category {
  id: string
  name: string
  defaultAgencyIds: string[]
}

export interface Region {
  code: string
  parentCode: string | null
  level: 'province' | 'regency' | 'district' | 'village'
  name: string
}

/** Triage suggestions with the words behind each (generated from the OpenAPI document). */
export type Suggestions =
  paths['/api/reports/{id}/suggestions']['get']['responses'][200]['content']['application/json']

export interface DeskDisposition {
  id: string
  agencyId: string
  status: string
  instruction: string | null
  dueAt: string | null
  reportId: string
  trackingCode: string
  title: string | null
  excerpt: string
  reportStatus: ReportStatus
  isEmergency: boolean
  slaState: SlaState
}

export interface DeskResponse {
  id: string
  agencyId: string | null
  dispositionId: string | null
  status: 'draft' | 'pending_approval' | 'rejected'
  body: string
  rejectReason: string | null
  updatedAt: string
  reportId: string
  trackingCode: string
  title: string | null
}

let csrfToken: string | null = null
export const setCsrfToken = (t: string | null) => {
  csrfToken = t
}

async function request<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  const form = body instanceof FormData
  if (body !== undefined && !form) headers['content-type'] = 'application/json'
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken
  let res: Response
  try {
    res = await fetch(url, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : form ? body : JSON.stringify(body) })
  } catch {
    throw new ApiError(0, 'network', {
      id: 'Tidak dapat terhubung ke server. Periksa koneksi internet Anda.',
      en: 'Cannot reach the server. Check your internet connection.',
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
  requestPasswordReset: (email: string) =>
    request<{ message: { id: string; en: string } }>('POST', '/api/auth/password-reset', { email }),
  confirmPasswordReset: (token: string, password: string) =>
    request<void>('POST', '/api/auth/password-reset/confirm', { token, password }),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>('PUT', '/api/auth/password', { currentPassword, newPassword }),
  invite: (userId: string) => request<{ email: string }>('POST', `/api/users/${encodeURIComponent(userId)}/invite`, {}),
  /** The signed-in user's language; the server writes their notifications in it. */
  setLocale: (locale: 'id' | 'en') => request<{ locale: 'id' | 'en' }>('PUT', '/api/auth/locale', { locale }),
  async logout(): Promise<void> {
    await request<void>('POST', '/api/auth/logout')
    setCsrfToken(null)
  },
  tenant: () => request<{ id: string; name: string; timeZone: string }>('GET', '/api/tenant'),
  agencies: () => request<{ items: Agency[] }>('GET', '/api/agencies'),
  reports: (params: QueryOf<'/api/reports'> = {}) => request<ReportList>('GET', `/api/reports${qs(params)}`),
  report: (id: string) => request<ReportDetail>('GET', `/api/reports/${encodeURIComponent(id)}`),
  events: (id: string) => request<{ items: TimelineEvent[] }>('GET', `/api/reports/${encodeURIComponent(id)}/events`),
  /** One lifecycle command: POST /api/reports/{id}/{command-with-hyphens}. */
  command: (id: string, type: string, body: Record<string, unknown> = {}) =>
    request<{ id: string; status: ReportStatus }>('POST', `/api/reports/${encodeURIComponent(id)}/${type.replaceAll('_', '-')}`, body),
  suggestions: (id: string) => request<Suggestions>('GET', `/api/reports/${encodeURIComponent(id)}/suggestions`),
  categories: () => request<{ items: Category[] }>('GET', '/api/categories'),
  regions: (params: QueryOf<'/api/regions'>) => request<{ items: Region[] }>('GET', `/api/regions${qs(params)}`),
  conversations: (params: QueryOf<'/api/conversations'> = {}) =>
    request<{ items: ConversationSummary[]; nextCursor: string | null }>('GET', `/api/conversations${qs(params)}`),
  conversation: (id: string) => request<ConversationDetail>('GET', `/api/conversations/${encodeURIComponent(id)}`),
  markRead: (id: string) => request<void>('POST', `/api/conversations/${encodeURIComponent(id)}/read`),
  sendMessage: (id: string, body: BodyOf<'/api/conversations/{id}/messages', 'post'>) =>
    request<{ outboundId: string; template: boolean }>('POST', `/api/conversations/${encodeURIComponent(id)}/messages`, body),
  cannedResponses: () => request<{ items: CannedResponse[] }>('GET', '/api/canned-responses'),
  createCanned: (body: BodyOf<'/api/canned-responses', 'post'>) => request<CannedResponse>('POST', '/api/canned-responses', body),
  updateCanned: (id: string, body: BodyOf<'/api/canned-responses/{id}', 'patch'>) =>
    request<CannedResponse>('PATCH', `/api/canned-responses/${encodeURIComponent(id)}`, body),
  deleteCanned: (id: string) => request<void>('DELETE', `/api/canned-responses/${encodeURIComponent(id)}`),
  desk: () => request<{ dispositions: DeskDisposition[]; responses: DeskResponse[] }>('GET', '/api/desk'),
  /** Photos and PDFs on the follow-ups of a report this user may see. */
  responseFiles: (reportId: string) =>
    request<{ items: ResponseFile[] }>('GET', `/api/reports/${encodeURIComponent(reportId)}/response-attachments`),
  uploadResponseFiles: (reportId: string, responseId: string, files: File[]) => {
    const form = new FormData()
    for (const f of files) form.append('file', f, f.name)
    return request<{ items: ResponseFile[] }>('POST', `/api/reports/${encodeURIComponent(reportId)}/responses/${encodeURIComponent(responseId)}/attachments`, form)
  },
  removeResponseFile: (reportId: string, responseId: string, id: string) =>
    request<void>('DELETE', `/api/reports/${encodeURIComponent(reportId)}/responses/${encodeURIComponent(responseId)}/attachments/${encodeURIComponent(id)}`),
}

export interface ResponseFile {
  id: string
  responseId: string
  kind: 'image' | 'document'
  mimeType: string
  size: number
  fileName: string | null
  url: string
}

function qs(params: object): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params))
    if (Array.isArray(v)) for (const x of v) q.append(k, String(x))
    else if (v !== undefined && v !== null && v !== '') q.set(k, v instanceof Date ? v.toISOString() : String(v))
  const s = q.toString()
  return s ? `?${s}` : ''
}
