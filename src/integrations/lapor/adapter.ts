// The one SP4N-LAPOR! adapter: field mapping and HTTP transport, nothing else (no database).
// LAPOR!'s integration API is documented only to registered developer accounts, so this speaks a
// small documented contract (docs/BRIDGES.md) whose paths are fixed and whose field names and
// status codes come from the tenant's configuration (config.ts). Failures are classified here so
// nothing else parses LAPOR!'s bodies: network errors, 408, 429 and 5xx are retryable.
import type { LaporConfig } from './config.ts'

export class LaporError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status: number | null,
  ) {
    super(message)
  }
}

/** What we forward: texts already redacted by the caller; no reporter identity ever. */
export interface OutgoingReport {
  trackingCode: string
  title: string
  body: string
  kind: string
  category: string | null
  location: string | null
  regionCode: string | null
  anonymous: boolean
  confidential: boolean
  submittedAt: Date
}

export interface LaporFollowUp {
  id: string
  body: string
  author: string | null
  at: string | null
}

export interface LaporReportView {
  laporId: string
  status: string | null
  followUps: LaporFollowUp[]
}

export interface LaporDispatch {
  laporId: string
  title: string | null
  body: string
  kind: string | null
  category: string | null
  location: string | null
  regionCode: string | null
  anonymous: boolean
  confidential: boolean
  submittedAt: string | null
  status: string | null
  raw: Record<string, unknown>
}

type Fetch = typeof fetch
const TIMEOUT_MS = 10_000

async function call(c: LaporConfig, method: string, path: string, body?: unknown, idempotencyKey?: string, f: Fetch = fetch) {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (c.token) headers.authorization = `Bearer ${c.token}`
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey
  let res: Response
  try {
    res = await f(`${c.endpoint}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
  } catch (err) {
    throw new LaporError(`LAPOR! unreachable: ${(err as Error).name}`, true, null)
  }
  const text = await res.text()
  if (!res.ok) {
    const retryable = res.status >= 500 || res.status === 408 || res.status === 429
    throw new LaporError(`LAPOR! answered ${res.status}`, retryable, res.status)
  }
  try {
    return (text ? JSON.parse(text) : {}) as Record<string, unknown>
  } catch {
    throw new LaporError('LAPOR! answered with a body that is not JSON', true, res.status)
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : typeof v === 'number' ? String(v) : null)
const bool = (v: unknown): boolean => v === true || v === 1 || v === '1' || v === 'true' || v === 'ya'

export function mapOutgoing(c: LaporConfig, r: OutgoingReport): Record<string, unknown> {
  const f = c.fields
  return {
    [f.trackingCode]: r.trackingCode,
    [f.title]: r.title,
    [f.body]: r.body,
    [f.kind]: r.kind,
    [f.category]: r.category,
    [f.location]: r.location,
    [f.regionCode]: r.regionCode,
    [f.anonymous]: r.anonymous,
    [f.confidential]: r.confidential,
    [f.submittedAt]: r.submittedAt.toISOString(),
  }
}

export function mapReportView(c: LaporConfig, raw: Record<string, unknown>): LaporReportView {
  const f = c.fields
  const id = str(raw[f.id])
  if (!id) throw new LaporError('LAPOR! answer has no report id', false, null)
  const list = Array.isArray(raw[f.followUps]) ? (raw[f.followUps] as Record<string, unknown>[]) : []
  const followUps = list.flatMap((x) => {
    const fid = str(x[f.followUpId])
    const body = str(x[f.followUpBody])
    return fid && body ? [{ id: fid, body, author: str(x[f.followUpAuthor]), at: str(x[f.followUpAt]) }] : []
  })
  return { laporId: id, status: str(raw[f.status]), followUps }
}

export function mapDispatch(c: LaporConfig, raw: Record<string, unknown>): LaporDispatch | null {
  const f = c.fields
  const laporId = str(raw[f.id])
  const body = str(raw[f.body])
  if (!laporId || !body) return null
  return {
    laporId,
    title: str(raw[f.title]),
    body,
    kind: str(raw[f.kind]),
    category: str(raw[f.category]),
    location: str(raw[f.location]),
    regionCode: str(raw[f.regionCode]),
    anonymous: bool(raw[f.anonymous]),
    confidential: bool(raw[f.confidential]),
    submittedAt: str(raw[f.submittedAt]),
    status: str(raw[f.status]),
    raw,
  }
}

export const laporAdapter = {
  /** Create the report on LAPOR!; the idempotency key makes a retry return the same LAPOR! id. */
  async forward(c: LaporConfig, r: OutgoingReport, idempotencyKey: string, f?: Fetch): Promise<LaporReportView> {
    return mapReportView(c, await call(c, 'POST', '/reports', mapOutgoing(c, r), idempotencyKey, f))
  },
  async fetchReport(c: LaporConfig, laporId: string, f?: Fetch): Promise<LaporReportView> {
    return mapReportView(c, await call(c, 'GET', `/reports/${encodeURIComponent(laporId)}`, undefined, undefined, f))
  },
  async pushStatus(c: LaporConfig, laporId: string, status: string, note: string | null, idempotencyKey: string, f?: Fetch) {
    await call(c, 'POST', `/reports/${encodeURIComponent(laporId)}/status`, { [c.fields.status]: status, catatan: note }, idempotencyKey, f)
  },
  /** Reports LAPOR! dispatched to this Pemda that we have not acknowledged yet. */
  async listDispatches(c: LaporConfig, f?: Fetch): Promise<{ items: LaporDispatch[]; skipped: number }> {
    const raw = await call(c, 'GET', '/dispatches', undefined, undefined, f)
    const list = Array.isArray(raw.items) ? (raw.items as Record<string, unknown>[]) : []
    const items = list.map((x) => mapDispatch(c, x)).filter((x): x is LaporDispatch => x !== null)
    return { items, skipped: list.length - items.length }
  },
  async ackDispatch(c: LaporConfig, laporId: string, trackingCode: string, f?: Fetch) {
    await call(c, 'POST', `/dispatches/${encodeURIComponent(laporId)}/ack`, { [c.fields.trackingCode]: trackingCode }, `ack:${laporId}`, f)
  },
}
