// Telegram bot channel. Follows the Telegram Bot API: https://core.telegram.org/bots/api
// - webhook: https://core.telegram.org/bots/api#setwebhook — Telegram POSTs one Update per
//   request and, when setWebhook was given secret_token, sends it back verbatim in the
//   X-Telegram-Bot-Api-Secret-Token header. There is no GET handshake.
// - objects: https://core.telegram.org/bots/api#update (see parse.ts)
// - sending and media: see send.ts
import { createHash, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import type { ChannelAdapter, VerifyResult, WebhookRequest } from '../contract.ts'
import { parseTelegramUpdate } from './parse.ts'
import { fetchTelegramMedia, sendTelegramMessage, TELEGRAM_MAX_TEXT, type TelegramConfig } from './send.ts'

export type { TelegramConfig } from './send.ts'
export { parseTelegramUpdate } from './parse.ts'

const configSchema = z.object({
  // "123456789:AA..." as BotFather issues it.
  botToken: z.string().regex(/^\d+:[A-Za-z0-9_-]+$/, 'botToken must look like 123456:ABC-DEF...'),
  // setWebhook allows 1-256 characters A-Z, a-z, 0-9, _ and -.
  secretToken: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'secretToken: 1-256 of A-Z a-z 0-9 _ -'),
  apiBaseUrl: z
    .url()
    .default('https://api.telegram.org')
    .transform((u) => u.replace(/\/+$/, '')),
})

export const TELEGRAM_SECRET_HEADER = 'x-telegram-bot-api-secret-token'

export const telegramAdapter: ChannelAdapter<TelegramConfig> = {
  type: 'telegram',
  secretKeys: ['botToken', 'secretToken'] as const,
  maxTextLength: TELEGRAM_MAX_TEXT,

  parseConfig(input) {
    return configSchema.parse(input)
  },

  verify(req, config) {
    return verifyTelegramSecret(req, config.secretToken)
  },

  parse(req) {
    return parseTelegramUpdate(JSON.parse(req.rawBody.toString('utf8')))
  },

  send(msg, ctx) {
    return sendTelegramMessage(msg, ctx)
  },

  fetchMedia(att, ctx) {
    return fetchTelegramMedia(att, ctx)
  },
}

export function verifyTelegramSecret(req: WebhookRequest, secretToken: string): VerifyResult {
  if (req.method !== 'POST') return { ok: false, reason: 'telegram webhooks are POST only' }
  const given = req.headers[TELEGRAM_SECRET_HEADER]
  if (!given) return { ok: false, reason: 'missing X-Telegram-Bot-Api-Secret-Token' }
  return safeEqual(given, secretToken) ? { ok: true } : { ok: false, reason: 'secret token mismatch' }
}

/** Constant-time, also in the length: both sides are hashed to equal-size digests first. */
function safeEqual(a: string, b: string): boolean {
  const da = createHash('sha256').update(a).digest()
  const db = createHash('sha256').update(b).digest()
  return timingSafeEqual(da, db)
}
