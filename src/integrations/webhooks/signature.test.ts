import crypto from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { newWebhookSecret, signatureHeader, verifySignature } from './signature.ts'

describe('webhook signatures', () => {
  const now = new Date('2026-11-23T03:00:00Z')
  const secret = newWebhookSecret()

  it('is the documented HMAC-SHA256 of "<t>.<body>" in hex', () => {
    const body = '{"id":"x"}'
    const header = signatureHeader(secret, body, now)
    const t = Math.floor(+now / 1000)
    const hex = crypto.createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')
    expect(header).toBe(`t=${t},v1=${hex}`)
  })

  it('verifies any body with the right secret, and refuses tampering, other secrets and old timestamps', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), (body, extra) => {
        const header = signatureHeader(secret, body, now)
        expect(verifySignature(header, secret, body, { now })).toBe(true)
        expect(verifySignature(header, secret, body + extra, { now })).toBe(false)
        expect(verifySignature(header, `${secret}x`, body, { now })).toBe(false)
        expect(verifySignature(header, secret, body, { now: new Date(+now + 301_000) })).toBe(false)
      }),
    )
  })

  it('accepts one matching v1 among several and refuses malformed headers', () => {
    const body = 'b'
    const header = signatureHeader(secret, body, now)
    expect(verifySignature(`${header.split(',')[0]},v1=${'0'.repeat(64)},${header.split(',')[1]}`, secret, body, { now })).toBe(true)
    for (const bad of [undefined, '', 'v1=abc', 't=x,v1=00', `t=${Math.floor(+now / 1000)}`]) {
      expect(verifySignature(bad, secret, body, { now })).toBe(false)
    }
  })

  it('makes distinct secrets', () => {
    expect(newWebhookSecret()).not.toBe(newWebhookSecret())
    expect(newWebhookSecret()).toMatch(/^whsec_[\w-]{32}$/)
  })
})
