// Signing of outgoing webhook deliveries (pure). The header is
//   X-Aduan-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
// the scheme Stripe documents: the timestamp inside the signed string lets a subscriber refuse
// replays older than its tolerance. docs/WEBHOOKS.md shows how to verify it.
import crypto from 'node:crypto'

export const SIGNATURE_HEADER = 'x-aduan-signature'

export function signatureOf(secret: string, timestamp: number, body: string): string {
  return crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')
}

export function signatureHeader(secret: string, body: string, now: Date): string {
  const t = Math.floor(now.getTime() / 1000)
  return `t=${t},v1=${signatureOf(secret, t, body)}`
}

/** What a subscriber does: parse, recompute, compare in constant time, check the age. */
export function verifySignature(
  header: string | undefined,
  secret: string,
  body: string,
  opts: { now?: Date; toleranceSeconds?: number } = {},
): boolean {
  if (!header) return false
  const parts = new Map<string, string[]>()
  for (const kv of header.split(',')) {
    const i = kv.indexOf('=')
    if (i <= 0) continue
    const k = kv.slice(0, i).trim()
    parts.set(k, [...(parts.get(k) ?? []), kv.slice(i + 1).trim()])
  }
  const t = Number(parts.get('t')?.[0])
  if (!Number.isInteger(t)) return false
  const tolerance = opts.toleranceSeconds ?? 300
  const now = Math.floor((opts.now ?? new Date()).getTime() / 1000)
  if (Math.abs(now - t) > tolerance) return false
  const expected = Buffer.from(signatureOf(secret, t, body), 'hex')
  return (parts.get('v1') ?? []).some((v) => {
    const given = Buffer.from(v, 'hex')
    return given.length === expected.length && crypto.timingSafeEqual(given, expected)
  })
}

/** A new signing secret, shown to the admin once. */
export const newWebhookSecret = () => `whsec_${crypto.randomBytes(24).toString('base64url')}`
