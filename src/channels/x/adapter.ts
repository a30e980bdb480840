// X (Twitter) channel: mentions of the Pemda's account and direct messages to it.
// Inbound follows the Account Activity API webhooks:
//   https://docs.x.com/x-api/webhooks/quickstart (CRC check and x-twitter-webhooks-signature)
//   https://developer.x.com/en/docs/x-api/enterprise/account-activity-api/guides/securing-webhooks
// - GET ?crc_token=... must be answered with
//   {"response_token": "sha256=" + base64(HMAC-SHA256(key = consumer secret, msg = crc_token))}
// - every POST carries x-twitter-webhooks-signature = "sha256=" + base64(HMAC-SHA256(key =
//   consumer secret, msg = raw body)).
// Outbound uses X API v2 with an OAuth 2.0 user-context access token (see send.ts). OAuth 1.0a
// request signing is out of scope, and so is refreshing the token: `accessToken` must be a user
// token of the Pemda account with tweet.write and dm.write scopes.
import { createHmac, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import type { ChannelAdapter, HandshakeResult, VerifyResult, WebhookRequest } from '../contract.ts'
import { parseAccountActivity } from './parse.ts'
import { fetchXMedia, sendX, X_DM_MAX, type XConfig } from './send.ts'

export type { XConfig } from './send.ts'
export { parseAccountActivity } from './parse.ts'
export { classifyXError, threadParts } from './send.ts'
export { weightedLength } from './weighted-length.ts'

const configSchema = z.object({
  consumerSecret: z.string().min(1),
  accessToken: z.string().min(1),
  accountId: z.string().regex(/^\d+$/, 'accountId is the numeric X user id of the Pemda account'),
  apiBaseUrl: z
    .url()
    .default('https://api.x.com')
    .transform((u) => u.replace(/\/+$/, '')),
})

export const X_SIGNATURE_HEADER = 'x-twitter-webhooks-signature'

export const xAdapter: ChannelAdapter<XConfig> = {
  type: 'x',
  secretKeys: ['consumerSecret', 'accessToken'] as const,
  // A DM carries 10,000 characters; public replies are threaded at 280 (see send.ts).
  maxTextLength: X_DM_MAX,

  parseConfig(input) {
    return configSchema.parse(input)
  },

  handshake(req, config) {
    return answerCrc(req, config.consumerSecret)
  },

  verify(req, config) {
    return verifyXSignature(req, config.consumerSecret)
  },

  parse(req, config) {
    return parseAccountActivity(JSON.parse(req.rawBody.toString('utf8')), config.accountId)
  },

  send(msg, ctx) {
    return sendX(msg, ctx)
  },

  fetchMedia(att, ctx) {
    return fetchXMedia(att, ctx)
  },
}

export function crcResponseToken(crcToken: string, consumerSecret: string): string {
  return `sha256=${createHmac('sha256', consumerSecret).update(crcToken).digest('base64')}`
}

export function answerCrc(req: WebhookRequest, consumerSecret: string): HandshakeResult {
  const token = req.query.crc_token
  if (req.method !== 'GET' || !token) {
    return {
      status: 400,
      contentType: 'application/json',
      body: JSON.stringify({ error: 'crc_token required' }),
    }
  }
  return {
    status: 200,
    contentType: 'application/json',
    body: JSON.stringify({ response_token: crcResponseToken(token, consumerSecret) }),
  }
}

export function signXPayload(rawBody: Buffer | string, consumerSecret: string): string {
  return `sha256=${createHmac('sha256', consumerSecret).update(rawBody).digest('base64')}`
}

export function verifyXSignature(req: WebhookRequest, consumerSecret: string): VerifyResult {
  if (req.method !== 'POST') return { ok: false, reason: 'GET is the CRC handshake, not an event' }
  const given = req.headers[X_SIGNATURE_HEADER]
  if (!given) return { ok: false, reason: 'missing x-twitter-webhooks-signature' }
  const expected = Buffer.from(signXPayload(req.rawBody, consumerSecret))
  const actual = Buffer.from(given)
  // timingSafeEqual needs equal lengths; a length mismatch is already a mismatch.
  const ok = actual.length === expected.length && timingSafeEqual(actual, expected)
  return ok ? { ok: true } : { ok: false, reason: 'signature mismatch' }
}
