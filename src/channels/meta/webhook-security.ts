// Meta's webhook subscription handshake and payload signature. WhatsApp Cloud API, Messenger,
// Instagram and Page webhooks all arrive through the same Graph API Webhooks platform, so every
// Meta adapter uses this one implementation.
// https://developers.facebook.com/docs/graph-api/webhooks/getting-started
//   (sections "Verification Requests" and "Validating Payloads")
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { HandshakeResult, VerifyResult, WebhookRequest } from '../contract.ts'

export const META_SIGNATURE_HEADER = 'x-hub-signature-256'

/** The X-Hub-Signature-256 value Meta sends: 'sha256=' + hex HMAC-SHA256 of the raw body. */
export function signMetaPayload(rawBody: Buffer | string, appSecret: string): string {
  return 'sha256=' + createHmac('sha256', appSecret).update(rawBody).digest('hex')
}

/**
 * Checks X-Hub-Signature-256 against the exact bytes received (Meta signs its escaped-unicode
 * JSON, so re-serialising a parsed body would not match). Compares in constant time.
 */
export function verifyMetaSignature(req: WebhookRequest, appSecret: string): VerifyResult {
  const header = req.headers[META_SIGNATURE_HEADER]
  if (!header) return { ok: false, reason: 'missing X-Hub-Signature-256 header' }
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header.trim())
  if (!match) return { ok: false, reason: 'malformed X-Hub-Signature-256 header' }
  const expected = createHmac('sha256', appSecret).update(req.rawBody).digest()
  const given = Buffer.from(match[1], 'hex')
  if (!timingSafeEqual(expected, given)) return { ok: false, reason: 'X-Hub-Signature-256 does not match' }
  return { ok: true }
}

/**
 * The GET Meta sends when a callback URL is subscribed: answer hub.challenge as plain text when
 * hub.mode is 'subscribe' and hub.verify_token is ours; anything else is refused with 403.
 */
export function metaHandshake(req: WebhookRequest, verifyToken: string): HandshakeResult {
  const mode = req.query['hub.mode']
  const token = req.query['hub.verify_token']
  const challenge = req.query['hub.challenge']
  if (
    mode === 'subscribe' &&
    token !== undefined &&
    challenge !== undefined &&
    sameSecret(token, verifyToken)
  ) {
    return { status: 200, contentType: 'text/plain', body: challenge }
  }
  return { status: 403, contentType: 'text/plain', body: 'Forbidden' }
}

/** Constant-time string equality that does not leak the length either (compares digests). */
function sameSecret(a: string, b: string): boolean {
  const key = 'aduan-compare'
  const da = createHmac('sha256', key).update(a).digest()
  const db = createHmac('sha256', key).update(b).digest()
  return timingSafeEqual(da, db)
}
