// SMS through a generic HTTP gateway. There is no single provider to follow, so the wire format
// is aduan's own, documented in docs/CHANNELS.md ("SMS gateway"); the length rules follow
// 3GPP TS 23.038 / 23.040 (see segments.ts).
// - inbound: POST (JSON or form) authenticated by a shared secret in `x-aduan-sms-secret`.
//   A static header rather than an HMAC: most gateways (Android gateway apps, aggregators'
//   HTTP push, Kannel get-url) can add a fixed header but cannot sign a body. Run it over HTTPS.
// - outbound: POST {apiBaseUrl}/send { to, text, reference } with `Authorization: Bearer <apiKey>`
//   and `Idempotency-Key: <reference>`; the gateway answers 2xx { id }.
import { createHash, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import type {
  ChannelAdapter,
  OutboundMessage,
  SendContext,
  SendResult,
  VerifyResult,
  WebhookRequest,
} from '../contract.ts'
import { splitText } from '../telegram/split-text.ts'
import { parseSmsPayload, readSmsBody } from './parse.ts'
import { SMS_LIMITS, smsEncoding, smsUnits, splitSmsParts } from './segments.ts'

export { parseKeywordCommand } from './keywords.ts'
export { mapDeliveryStatus, normalisePhone, parseSmsPayload } from './parse.ts'
export { smsEncoding, smsUnits, splitSmsParts } from './segments.ts'

const configSchema = z.object({
  apiBaseUrl: z.url().transform((u) => u.replace(/\/+$/, '')),
  apiKey: z.string().min(1),
  inboundSecret: z.string().min(16, 'inboundSecret: at least 16 characters'),
  /**
   * true (default): one request per reply; the gateway sends it as one concatenated SMS.
   * false: for gateways that cannot concatenate, one request per part, cut at word breaks.
   */
  concatenate: z.boolean().default(true),
})
export type SmsConfig = z.infer<typeof configSchema>

export const SMS_SECRET_HEADER = 'x-aduan-sms-secret'
const TIMEOUT_MS = 15_000

export const smsAdapter: ChannelAdapter<SmsConfig> = {
  type: 'sms',
  secretKeys: ['apiKey', 'inboundSecret'] as const,
  // One single SMS (GSM-7). Longer replies go out concatenated and `parts` reports the count
  // (each part is billed), so callers should keep SMS answers short and point to the portal.
  maxTextLength: SMS_LIMITS.gsm7.single,

  parseConfig(input) {
    return configSchema.parse(input)
  },

  verify(req, config) {
    return verifySmsSecret(req, config.inboundSecret)
  },

  parse(req) {
    return parseSmsPayload(readSmsBody(req))
  },

  send(msg, ctx) {
    return sendSms(msg, ctx)
  },
}

export function verifySmsSecret(req: WebhookRequest, secret: string): VerifyResult {
  if (req.method !== 'POST') return { ok: false, reason: 'sms webhooks are POST only' }
  const given = req.headers[SMS_SECRET_HEADER]
  if (!given) return { ok: false, reason: `missing ${SMS_SECRET_HEADER}` }
  const a = createHash('sha256').update(given).digest()
  const b = createHash('sha256').update(secret).digest()
  return timingSafeEqual(a, b) ? { ok: true } : { ok: false, reason: 'shared secret mismatch' }
}

async function sendSms(msg: OutboundMessage, ctx: SendContext & { config: SmsConfig }): Promise<SendResult> {
  const text = msg.text.trim()
  if (!text) return { ok: false, retryable: false, error: 'empty message', code: 'invalid' }
  if (ctx.config.concatenate) {
    const parts = splitSmsParts(text).parts.length
    const res = await postSend(ctx, { to: msg.to, text, reference: msg.idempotencyKey })
    return res.ok ? { ok: true, providerMessageId: res.id, parts } : res
  }
  const encoding = smsEncoding(text)
  const chunks = splitText(text, SMS_LIMITS[encoding].single, (s) => smsUnits(s, encoding))
  let first: string | undefined
  for (const [i, chunk] of chunks.entries()) {
    // Each part gets its own reference so a gateway that dedupes by reference keeps them all.
    const res = await postSend(ctx, { to: msg.to, text: chunk, reference: `${msg.idempotencyKey}#${i + 1}` })
    if (!res.ok)
      return i === 0 ? res : { ...res, error: `${res.error} (after ${i} of ${chunks.length} parts)` }
    first ??= res.id
  }
  return { ok: true, providerMessageId: first ?? '', parts: chunks.length }
}

async function postSend(
  ctx: SendContext & { config: SmsConfig },
  body: { to: string; text: string; reference: string },
): Promise<{ ok: true; id: string } | Extract<SendResult, { ok: false }>> {
  let res: Response
  try {
    res = await (ctx.fetch ?? fetch)(`${ctx.config.apiBaseUrl}/send`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${ctx.config.apiKey}`,
        'content-type': 'application/json',
        'idempotency-key': body.reference,
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
  } catch (err) {
    return { ok: false, retryable: true, error: `network: ${(err as Error).message}`, code: 'network' }
  }
  const json = (await res.json().catch(() => ({}))) as { id?: unknown; error?: string; message?: string }
  // A 2xx without an id was still accepted: retrying would send the SMS twice, so we keep
  // our reference as the message id (gateways without ids echo it in delivery reports).
  if (res.ok) return { ok: true, id: json.id != null ? String(json.id) : body.reference }
  return classifySmsError(
    res.status,
    json.error ?? json.message ?? 'no detail',
    res.headers.get('retry-after'),
  )
}

/** Maps a gateway failure to retryable or permanent. */
export function classifySmsError(
  status: number,
  detail: string,
  retryAfter: string | null,
): Extract<SendResult, { ok: false }> {
  const error = `sms gateway ${status}: ${detail}`
  if (status === 429) {
    const secs = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) : undefined
    return { ok: false, retryable: true, error, code: 'rate_limited', retryAfterSeconds: secs }
  }
  if (status >= 500 || status === 408) return { ok: false, retryable: true, error, code: 'unavailable' }
  if (status === 401 || status === 403) return { ok: false, retryable: false, error, code: 'unauthorized' }
  return { ok: false, retryable: false, error, code: 'rejected' }
}
