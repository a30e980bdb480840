// The notifications API for the bell and the approval page (same-origin cookie, CSRF on writes).
import { api, ApiError } from '../api.ts'

export interface BellItem {
  id: string
  type: string
  reportId: string | null
  title: string
  body: string
  link: string | null
  readAt: string | null
  createdAt: string
}

export interface ApprovalView {
  report: { id: string; trackingCode: string; title: string | null; body: string; status: string }
  drafts: { id: string; body: string; agencyId: string | null; agencyName: string | null; updatedAt: string }[]
}

let csrf: string | null = null
async function token(): Promise<string | null> {
  csrf ??= (await api.session()).csrfToken
  return csrf
}

async function call<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (method !== 'GET') headers['x-csrf-token'] = (await token()) ?? ''
  const res = await fetch(url, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) })
  if (res.status === 204) return undefined as T
  const data = await res.json().catch(() => null)
  if (!res.ok) {
    const p = (data ?? {}) as { code?: string; message?: { id: string; en: string } }
    throw new ApiError(res.status, p.code ?? `http_${res.status}`, p.message ?? { id: `Permintaan gagal (HTTP ${res.status}).`, en: `Request failed (HTTP ${res.status}).` }, data)
  }
  return data as T
}

export const notificationsApi = {
  list: () => call<{ items: BellItem[]; unread: number }>('GET', '/api/notifications?limit=20'),
  read: (id: string) => call<void>('POST', `/api/notifications/${encodeURIComponent(id)}/read`),
  readAll: () => call<void>('POST', '/api/notifications/read-all'),
  approval: (reportId: string) => call<ApprovalView>('GET', `/api/approvals/${encodeURIComponent(reportId)}`),
  /** Approve (= publish); with body, the head's edited text is what gets published. */
  approve: (reportId: string, responseId: string, body?: string) =>
    call<{ status: string }>('POST', `/api/reports/${encodeURIComponent(reportId)}/approve-response`, body === undefined ? { responseId } : { responseId, body }),
}
