// Calls to Meta's Graph API and the classification of its failures, shared by every Meta adapter,
// so nothing outside the adapters parses a Graph error body.
// Error shape and codes: https://developers.facebook.com/docs/graph-api/guides/error-handling
// WhatsApp codes:        https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes
// Messenger codes:       https://developers.facebook.com/docs/messenger-platform/error-codes
import type { SendResult } from '../contract.ts'
import { num, obj, str } from './json.ts'

export type SendFailure = Extract<SendResult, { ok: false }>
export type GraphResult<T> = { ok: true; data: T } | SendFailure

const TIMEOUT_MS = 20_000

/** Throttling: app/page/business-use-case limits and WhatsApp throughput and pair rate limits. */
const RATE_LIMIT_CODES = new Set([
  4, 17, 32, 613, 80001, 80002, 80003, 80004, 80005, 80006, 80007, 80008, 80009, 80014, 130429, 131048,
  131056,
])
/** Meta's own "try again later" failures. */
const TRANSIENT_CODES = new Set([1, 2, 131000, 131016, 133004])
/** The customer-service window has closed: only a template (WhatsApp) or a tagged message may go. */
const WINDOW_CLOSED_CODE = 131047
const WINDOW_CLOSED_SUBCODES = new Set([2018278, 2534022]) // Messenger, Instagram (with code 10)
const AUTH_CODES = new Set([102, 190])
/** The person cannot be reached (blocked us, left, not on WhatsApp): retrying cannot help. */
const UNREACHABLE_CODES = new Set([551, 131026, 2018001, 2018108])

export interface GraphRequest {
  method: 'GET' | 'POST'
  url: string
  token: string
  body?: unknown
  fetch?: typeof fetch
}

/** One JSON call to the Graph API with a bearer token; every failure comes back classified. */
export async function graphJson<T = Record<string, unknown>>(req: GraphRequest): Promise<GraphResult<T>> {
  const doFetch = req.fetch ?? fetch
  let res: Response
  try {
    res = await doFetch(req.url, {
      method: req.method,
      headers: {
        authorization: `Bearer ${req.token}`,
        ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: req.body !== undefined ? JSON.stringify(req.body) : undefined,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
  } catch (err) {
    return networkFailure(err)
  }
  const text = await res.text().catch(() => '')
  let parsed: unknown
  try {
    parsed = text ? JSON.parse(text) : {}
  } catch {
    parsed = undefined
  }
  if (!res.ok || parsed === undefined || obj(parsed).error !== undefined) {
    return classifyGraphFailure(res.status, parsed ?? text, res.headers.get('retry-after'))
  }
  return { ok: true, data: parsed as T }
}

/** Downloads bytes (a media URL); the bearer token is sent only when given. */
export async function graphDownload(
  url: string,
  token: string | undefined,
  f: typeof fetch = fetch,
): Promise<{ ok: true; bytes: Buffer; contentType?: string } | SendFailure> {
  let res: Response
  try {
    res = await f(url, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal: AbortSignal.timeout(TIMEOUT_MS * 3),
    })
  } catch (err) {
    return networkFailure(err)
  }
  if (!res.ok) {
    const text = await res.text().catch(() => '')
    let body: unknown = text
    try {
      body = JSON.parse(text)
    } catch {
      // a CDN error page: classify by status alone
    }
    return classifyGraphFailure(res.status, body, res.headers.get('retry-after'))
  }
  const bytes = Buffer.from(await res.arrayBuffer())
  return { ok: true, bytes, contentType: res.headers.get('content-type') ?? undefined }
}

/** A media download that failed, with the same retryable/permanent judgement as a send. */
export class MediaFetchError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly code?: string,
  ) {
    super(message)
    this.name = 'MediaFetchError'
  }
}

export function networkFailure(err: unknown): SendFailure {
  const message = err instanceof Error ? err.message : String(err)
  return { ok: false, retryable: true, code: 'network', error: `Graph API unreachable: ${message}` }
}

/**
 * Maps an HTTP status and Graph error body to retryable or permanent. Meta answers most errors,
 * throttling included, with HTTP 400, so the Graph `code` decides before the status does.
 */
export function classifyGraphFailure(status: number, body: unknown, retryAfter?: string | null): SendFailure {
  const error = obj(obj(body).error)
  const code = num(error.code)
  const subcode = num(error.error_subcode)
  const details = str(obj(error.error_data).details)
  const message =
    str(error.message) ?? (typeof body === 'string' && body ? body.slice(0, 200) : 'no error body')
  const text = `Graph API HTTP ${status}${code !== undefined ? ` code ${code}` : ''}: ${message}${details ? ` (${details})` : ''}`
  const wait = num(retryAfter)
  const after = wait !== undefined && wait >= 0 ? { retryAfterSeconds: wait } : {}

  if (
    code === WINDOW_CLOSED_CODE ||
    (code === 10 && subcode !== undefined && WINDOW_CLOSED_SUBCODES.has(subcode))
  ) {
    return { ok: false, retryable: false, code: 'window_closed', error: text }
  }
  if (status === 429 || (code !== undefined && RATE_LIMIT_CODES.has(code))) {
    return { ok: false, retryable: true, code: 'rate_limited', error: text, ...after }
  }
  if (status >= 500 || error.is_transient === true || (code !== undefined && TRANSIENT_CODES.has(code))) {
    return { ok: false, retryable: true, code: 'unavailable', error: text, ...after }
  }
  if (status === 401 || (code !== undefined && (AUTH_CODES.has(code) || (code >= 200 && code < 300)))) {
    return { ok: false, retryable: false, code: 'unauthorized', error: text }
  }
  if (code !== undefined && UNREACHABLE_CODES.has(code)) {
    return { ok: false, retryable: false, code: 'blocked', error: text }
  }
  return { ok: false, retryable: false, code: 'rejected', error: text }
}

/** `${apiBaseUrl}/${apiVersion}/${path}` with exactly one slash at each join. */
export function graphUrl(apiBaseUrl: string, apiVersion: string, path: string): string {
  return `${apiBaseUrl.replace(/\/+$/, '')}/${apiVersion.replace(/^\/+|\/+$/g, '')}/${path.replace(/^\/+/, '')}`
}
