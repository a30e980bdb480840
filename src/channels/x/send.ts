// Outbound calls to X API v2, authenticated with an OAuth 2.0 user-context Bearer token.
// - DM:    POST /2/dm_conversations/with/{participant_id}/messages  { text }
//          https://docs.x.com/x-api/direct-messages/send-a-new-message-to-a-user
// - reply: POST /2/tweets  { text, reply: { in_reply_to_tweet_id } }
//          https://docs.x.com/x-api/posts/creation-of-a-post
// - errors: https://docs.x.com/x-api/fundamentals/response-codes-and-errors (429 with
//   x-rate-limit-reset, problem bodies { title, detail, type, status })
import type { NormalisedAttachment, OutboundMessage, SendContext, SendResult } from '../contract.ts'
import { splitText } from '../telegram/split-text.ts'
import { weightedLength, X_MAX_WEIGHTED } from './weighted-length.ts'

export const X_DM_MAX = 10_000
const TIMEOUT_MS = 15_000

export interface XConfig {
  consumerSecret: string
  accessToken: string
  accountId: string
  apiBaseUrl: string
  [key: string]: unknown
}
type Ctx = SendContext & { config: XConfig }
type Failure = Extract<SendResult, { ok: false }>

export async function sendX(msg: OutboundMessage, ctx: Ctx): Promise<SendResult> {
  return msg.isPublic ? sendPublicReply(msg, ctx) : sendDirectMessage(msg, ctx)
}

async function sendDirectMessage(msg: OutboundMessage, ctx: Ctx): Promise<SendResult> {
  const parts = splitText(msg.text, X_DM_MAX)
  let first: string | undefined
  for (const text of parts) {
    const res = await post(ctx, `/2/dm_conversations/with/${encodeURIComponent(msg.to)}/messages`, { text })
    if (!res.ok) return res
    first ??= String((res.data as { dm_event_id?: string }).dm_event_id ?? '')
  }
  if (first === undefined) return { ok: false, retryable: false, error: 'empty message', code: 'invalid' }
  return { ok: true, providerMessageId: first, parts: parts.length }
}

/**
 * A public answer longer than 280 weighted characters becomes a reply thread, each post
 * answering the one before and numbered "(i/n)". We thread rather than trim: trimming would
 * cut a government answer short, and the adapter does not know the portal link to point to.
 * Intake should keep public texts short anyway (tracking code publicly, details by DM).
 */
async function sendPublicReply(msg: OutboundMessage, ctx: Ctx): Promise<SendResult> {
  if (!msg.replyToProviderId) {
    return {
      ok: false,
      retryable: false,
      error: 'a public X reply needs replyToProviderId (the post answered)',
      code: 'invalid',
    }
  }
  const parts = threadParts(msg.text)
  if (parts.length === 0) return { ok: false, retryable: false, error: 'empty message', code: 'invalid' }
  let inReplyTo = msg.replyToProviderId
  let first: string | undefined
  for (const [i, text] of parts.entries()) {
    const res = await post(ctx, '/2/tweets', { text, reply: { in_reply_to_tweet_id: inReplyTo } })
    if (!res.ok)
      return i === 0 ? res : { ...res, error: `${res.error} (after ${i} of ${parts.length} posts)` }
    inReplyTo = String((res.data as { id?: string }).id ?? '')
    first ??= inReplyTo
  }
  return { ok: true, providerMessageId: first ?? '', parts: parts.length }
}

/** Splits into posts of at most 280 weighted characters including the " (i/n)" suffix. */
export function threadParts(text: string): string[] {
  if (weightedLength(text.trim()) <= X_MAX_WEIGHTED) return text.trim() ? [text.trim()] : []
  const suffixRoom = 10 // " (12/15)" with margin
  const parts = splitText(text, X_MAX_WEIGHTED - suffixRoom, weightedLength)
  return parts.map((p, i) => `${p} (${i + 1}/${parts.length})`)
}

async function post(ctx: Ctx, path: string, body: unknown): Promise<{ ok: true; data: unknown } | Failure> {
  const f = ctx.fetch ?? fetch
  let res: Response
  try {
    res = await f(`${ctx.config.apiBaseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ctx.config.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
  } catch (err) {
    return { ok: false, retryable: true, error: `network: ${(err as Error).message}`, code: 'network' }
  }
  const json = (await res.json().catch(() => ({}))) as { data?: unknown } & XProblem
  if (res.ok && json.data) return { ok: true, data: json.data }
  if (res.ok)
    return { ok: false, retryable: false, error: `x ${res.status}: ${describe(json)}`, code: 'rejected' }
  return classifyXError(res.status, json, res.headers.get('x-rate-limit-reset'))
}

interface XProblem {
  title?: string
  detail?: string
  errors?: { message?: string; detail?: string }[]
}

/** Maps an X API failure to retryable or permanent; `reset` is the x-rate-limit-reset header (epoch s). */
export function classifyXError(
  status: number,
  json: XProblem,
  reset: string | null,
  now = Date.now(),
): Failure {
  const error = `x ${status}: ${describe(json)}`
  if (status === 429) {
    const wait = reset ? Math.max(1, Number(reset) - Math.floor(now / 1000)) : undefined
    return {
      ok: false,
      retryable: true,
      error,
      code: 'rate_limited',
      retryAfterSeconds: Number.isFinite(wait) ? wait : undefined,
    }
  }
  if (status >= 500) return { ok: false, retryable: true, error, code: 'unavailable' }
  // 401: the user token expired or was revoked (OAuth 2.0 user tokens live two hours unless
  // refreshed); an operator must reconnect the account, so retrying now cannot help.
  if (status === 401) return { ok: false, retryable: false, error, code: 'unauthorized' }
  // 403: the citizen does not accept DMs from us, a duplicate post, or missing write access.
  if (status === 403) return { ok: false, retryable: false, error, code: 'forbidden' }
  return { ok: false, retryable: false, error, code: 'rejected' }
}

function describe(json: XProblem): string {
  return json.detail ?? json.title ?? json.errors?.[0]?.message ?? json.errors?.[0]?.detail ?? 'no detail'
}

/**
 * Public post media (pbs.twimg.com, video.twimg.com) download without credentials. DM media
 * (ton.twitter.com) needs an OAuth 1.0a-signed request, which aduan does not implement: that
 * download fails and the operator sees the attachment as a link only.
 */
export async function fetchXMedia(
  att: NormalisedAttachment,
  ctx: Ctx,
): Promise<{ bytes: Buffer; mimeType: string; fileName?: string }> {
  if (!att.url) throw Object.assign(new Error('x attachment has no url'), { retryable: false })
  const res = await (ctx.fetch ?? fetch)(att.url, { signal: AbortSignal.timeout(60_000) })
  if (!res.ok)
    throw Object.assign(new Error(`x media download ${res.status}`), { retryable: res.status >= 500 })
  const mimeType = res.headers.get('content-type') ?? att.mimeType ?? 'application/octet-stream'
  return {
    bytes: Buffer.from(await res.arrayBuffer()),
    mimeType,
    fileName: new URL(att.url).pathname.split('/').pop(),
  }
}
