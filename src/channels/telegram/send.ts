// Outbound calls to the Bot API: sendMessage, getFile + file download.
// https://core.telegram.org/bots/api#making-requests (response envelope, ResponseParameters)
// https://core.telegram.org/bots/api#sendmessage (text 1-4096 characters)
// https://core.telegram.org/bots/api#getfile (download at /file/bot<token>/<file_path>, 20 MB max)
import type { NormalisedAttachment, OutboundMessage, SendContext, SendResult } from '../contract.ts'
import { splitText } from './split-text.ts'

export const TELEGRAM_MAX_TEXT = 4096
const TIMEOUT_MS = 15_000

export interface TelegramConfig {
  botToken: string
  secretToken: string
  apiBaseUrl: string
  [key: string]: unknown
}
type Ctx = SendContext & { config: TelegramConfig }

interface BotApiResponse {
  ok: boolean
  result?: unknown
  error_code?: number
  description?: string
  parameters?: { retry_after?: number; migrate_to_chat_id?: number }
}

/**
 * Sends `msg.text`, split into several messages above 4096 characters. The Bot API has no
 * idempotency key: if a later part fails, the outbox's retry resends the earlier parts too.
 * We accept that duplicate over losing the rest of an answer.
 */
export async function sendTelegramMessage(msg: OutboundMessage, ctx: Ctx): Promise<SendResult> {
  const parts = splitText(msg.text, TELEGRAM_MAX_TEXT)
  if (parts.length === 0) return { ok: false, retryable: false, error: 'empty message', code: 'invalid' }
  let firstId: string | undefined
  for (const [i, text] of parts.entries()) {
    // No reply_parameters: inbound events are keyed by update_id, not message_id, so we hold
    // no message id to quote. Plain text (no parse_mode) so a citizen's "<" or "_" cannot break it.
    const res = await callBotApi(ctx, 'sendMessage', { chat_id: msg.to, text })
    if (!res.ok)
      return i === 0 ? res : { ...res, error: `${res.error} (after ${i} of ${parts.length} parts)` }
    const result = res.result as { message_id?: number } | undefined
    firstId ??= String(result?.message_id ?? '')
  }
  return { ok: true, providerMessageId: firstId ?? '', parts: parts.length }
}

type CallResult = { ok: true; result: unknown } | Extract<SendResult, { ok: false }>

async function callBotApi(ctx: Ctx, method: string, body: unknown): Promise<CallResult> {
  const f = ctx.fetch ?? fetch
  const { apiBaseUrl, botToken } = ctx.config
  let res: Response
  try {
    res = await f(`${apiBaseUrl}/bot${botToken}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
  } catch (err) {
    return { ok: false, retryable: true, error: `network: ${(err as Error).message}`, code: 'network' }
  }
  const json = (await res.json().catch(() => ({}))) as BotApiResponse
  if (res.ok && json.ok) return { ok: true, result: json.result }
  return classifyTelegramError(res.status, json)
}

/** Maps a Bot API failure to retryable or permanent; nothing else reads Telegram error bodies. */
export function classifyTelegramError(
  status: number,
  json: BotApiResponse,
): Extract<SendResult, { ok: false }> {
  const code = json.error_code ?? status
  const error = `telegram ${code}: ${json.description ?? 'no description'}`
  if (code === 429) {
    return {
      ok: false,
      retryable: true,
      error,
      code: 'rate_limited',
      retryAfterSeconds: json.parameters?.retry_after,
    }
  }
  if (code >= 500) return { ok: false, retryable: true, error, code: 'unavailable' }
  // 403 is "bot was blocked by the user" / "user is deactivated": retrying cannot help.
  if (code === 403) return { ok: false, retryable: false, error, code: 'blocked' }
  if (code === 401 || code === 404) return { ok: false, retryable: false, error, code: 'unauthorized' }
  return { ok: false, retryable: false, error, code: 'rejected' }
}

export async function fetchTelegramMedia(
  att: NormalisedAttachment,
  ctx: Ctx,
): Promise<{ bytes: Buffer; mimeType: string; fileName?: string }> {
  if (!att.providerMediaId) throw new Error('telegram attachment has no file_id')
  const info = await callBotApi(ctx, 'getFile', { file_id: att.providerMediaId })
  if (!info.ok) throw Object.assign(new Error(info.error), { retryable: info.retryable })
  const filePath = (info.result as { file_path?: string }).file_path
  if (!filePath)
    throw Object.assign(new Error('getFile returned no file_path (file over 20 MB?)'), { retryable: false })
  const f = ctx.fetch ?? fetch
  const { apiBaseUrl, botToken } = ctx.config
  const res = await f(`${apiBaseUrl}/file/bot${botToken}/${filePath}`, {
    signal: AbortSignal.timeout(60_000),
  })
  if (!res.ok)
    throw Object.assign(new Error(`telegram file download ${res.status}`), { retryable: res.status >= 500 })
  const bytes = Buffer.from(await res.arrayBuffer())
  const fileName = att.fileName ?? filePath.split('/').pop()
  // The file endpoint answers application/octet-stream; the message told us the real type.
  const mimeType =
    att.mimeType ?? mimeFromName(filePath) ?? res.headers.get('content-type') ?? 'application/octet-stream'
  return { bytes, mimeType, fileName }
}

const EXT_MIME: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  oga: 'audio/ogg',
  ogg: 'audio/ogg',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  mp4: 'video/mp4',
  pdf: 'application/pdf',
  tgs: 'application/x-tgsticker',
  webm: 'video/webm',
}
function mimeFromName(name: string): string | undefined {
  return EXT_MIME[name.split('.').pop()?.toLowerCase() ?? '']
}
