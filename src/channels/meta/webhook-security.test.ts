import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { WebhookRequest } from '../contract.ts'
import { metaHandshake, signMetaPayload, verifyMetaSignature } from './webhook-security.ts'

const secret = 'f3c0a1b2c3d4e5f6'
const body = Buffer.from(
  '{"object":"page","entry":[{"id":"1","messaging":[{"message":{"text":"J\\u00e4lan"}}]}]}',
)

function post(rawBody: Buffer, signature?: string): WebhookRequest {
  return {
    method: 'POST',
    headers: signature ? { 'x-hub-signature-256': signature } : {},
    query: {},
    rawBody,
  }
}

describe('X-Hub-Signature-256', () => {
  it('accepts the signature Meta computes: sha256= + hex HMAC-SHA256 of the raw body with the app secret', () => {
    // Reference value computed independently: printf '%s' "$body" | openssl dgst -sha256 -hmac "$secret"
    expect(signMetaPayload('hello', 'secret')).toBe(
      'sha256=88aab3ede8d3adf94d26ab90d3bafd4a2083070c3bcce9c014ee04a443847c0b',
    )
    expect(verifyMetaSignature(post(body, signMetaPayload(body, secret)), secret)).toEqual({ ok: true })
  })

  it('accepts upper-case hex digits', () => {
    const sig = signMetaPayload(body, secret)
      .replace(/[a-f]/g, (c) => c.toUpperCase())
      .replace('SHA256', 'sha256')
    expect(verifyMetaSignature(post(body, sig), secret).ok).toBe(true)
  })

  it('rejects a missing, malformed, wrong-secret or other-body signature', () => {
    expect(verifyMetaSignature(post(body), secret)).toEqual({
      ok: false,
      reason: 'missing X-Hub-Signature-256 header',
    })
    expect(verifyMetaSignature(post(body, 'sha1=abc'), secret).ok).toBe(false)
    expect(verifyMetaSignature(post(body, 'sha256=zz'), secret).ok).toBe(false)
    expect(verifyMetaSignature(post(body, signMetaPayload(body, 'other-secret')), secret).ok).toBe(false)
    const other = Buffer.from(body.toString().replace('1', '2'))
    expect(verifyMetaSignature(post(other, signMetaPayload(body, secret)), secret).ok).toBe(false)
  })

  it('rejects the signature of a re-serialised body (Meta signs its escaped-unicode bytes)', () => {
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(body.toString())))
    expect(reserialised.equals(body)).toBe(false)
    expect(verifyMetaSignature(post(reserialised, signMetaPayload(body, secret)), secret).ok).toBe(false)
  })

  it('holds for any body: its own signature passes, any changed byte fails', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 300 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (bytes, pos, delta) => {
          const raw = Buffer.from(bytes)
          const sig = signMetaPayload(raw, secret)
          expect(verifyMetaSignature(post(raw, sig), secret).ok).toBe(true)
          const tampered = Buffer.from(raw)
          const i = pos % tampered.length
          tampered[i] = (tampered[i] + delta) % 256
          expect(verifyMetaSignature(post(tampered, sig), secret).ok).toBe(false)
        },
      ),
    )
  })
})

describe('subscription handshake', () => {
  const get = (query: Record<string, string>): WebhookRequest => ({
    method: 'GET',
    headers: {},
    query,
    rawBody: Buffer.alloc(0),
  })

  it('answers hub.challenge as text/plain when mode is subscribe and the verify token is ours', () => {
    const res = metaHandshake(
      get({ 'hub.mode': 'subscribe', 'hub.verify_token': 'tok', 'hub.challenge': '1158201444' }),
      'tok',
    )
    expect(res).toEqual({ status: 200, contentType: 'text/plain', body: '1158201444' })
  })

  it('refuses with 403 a wrong token, another mode, or a missing challenge', () => {
    const cases: Record<string, string>[] = [
      { 'hub.mode': 'subscribe', 'hub.verify_token': 'nope', 'hub.challenge': '1' },
      { 'hub.mode': 'unsubscribe', 'hub.verify_token': 'tok', 'hub.challenge': '1' },
      { 'hub.mode': 'subscribe', 'hub.verify_token': 'tok' },
      { 'hub.mode': 'subscribe', 'hub.challenge': '1' },
      {},
    ]
    for (const q of cases) expect(metaHandshake(get(q), 'tok').status).toBe(403)
  })
})
