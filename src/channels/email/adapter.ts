// E-mail channel. Inbound mail arrives three ways, all ending in parseRawEmail (parse-raw.ts):
//   1. the built-in SMTP listener (smtp-listener.ts, smtp-server: https://nodemailer.com/extras/smtp-server/),
//   2. IMAP polling of an existing mailbox (imap-poller.ts, imapflow: https://imapflow.com/),
//   3. a webhook: an inbound mail relay POSTs the raw RFC 822 message (content-type
//      message/rfc822) to /webhooks/email/{channelId} with the `x-aduan-email-secret` header,
//      or posts the already-parsed JSON shape below.
// Parsing raw mail is async (mailparser), so this adapter offers `parseAsync`; intake calls
// it whenever an adapter has one. `parse` handles only the JSON shape.
// Outbound goes over SMTP with nodemailer (send.ts). `apiBaseUrl` is accepted, as every channel
// config accepts it, but unused: e-mail has no provider HTTP API.
import { createHash, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import type { ChannelAdapter, NormalisedEvent, VerifyResult, WebhookRequest } from '../contract.ts'
import { mailFactsToEvent, parseRawEmail, type MailFacts } from './parse-raw.ts'
import { sendEmail } from './send.ts'

export { emailEventId, mailFactsToEvent, parseRawEmail } from './parse-raw.ts'
export { htmlToText, stripQuotedReply } from './quote-strip.ts'
export { classifySmtpError, messageIdFor, replySubject } from './send.ts'

const configSchema = z.object({
  smtpHost: z.string().min(1),
  smtpPort: z.coerce.number().int().min(1).max(65535).default(587),
  // true = implicit TLS (port 465); false = plain, upgraded with STARTTLS when offered.
  smtpSecure: z.boolean().default(false),
  smtpUser: z.string().optional(),
  smtpPass: z.string().optional(),
  fromAddress: z.email(),
  fromName: z.string().optional(),
  imapHost: z.string().optional(),
  imapPort: z.coerce.number().int().min(1).max(65535).default(993),
  imapSecure: z.boolean().default(true),
  imapUser: z.string().optional(),
  imapPass: z.string().optional(),
  imapMailbox: z.string().default('INBOX'),
  inboundSecret: z.string().min(16).optional(),
  apiBaseUrl: z.string().optional(),
})
export type EmailConfig = z.infer<typeof configSchema>

export const EMAIL_SECRET_HEADER = 'x-aduan-email-secret'

/** The JSON a relay that already parsed the mail may post instead of the raw message. */
const relayJson = z.object({
  from: z.object({ address: z.string(), name: z.string().optional() }),
  subject: z.string().optional(),
  text: z.string().optional(),
  html: z.string().optional(),
  messageId: z.string().optional(),
  inReplyTo: z.string().optional(),
  references: z.array(z.string()).default([]),
  date: z.coerce.date().optional(),
  autoSubmitted: z.string().optional(),
  attachments: z
    .array(z.object({ fileName: z.string().optional(), mimeType: z.string(), contentBase64: z.string() }))
    .default([]),
})
export type EmailRelayJson = z.input<typeof relayJson>

export const emailAdapter: ChannelAdapter<EmailConfig> = {
  type: 'email',
  secretKeys: ['smtpPass', 'imapPass', 'inboundSecret'] as const,

  parseConfig(input) {
    return configSchema.parse(input)
  },

  verify(req, config) {
    return verifyEmailWebhook(req, config.inboundSecret)
  },

  parse(req) {
    if (!isJson(req)) throw new Error('raw RFC 822 mail needs emailAdapter.parseAsync')
    return parseRelayJson(JSON.parse(req.rawBody.toString('utf8')))
  },

  parseAsync(req) {
    return parseEmailAsync(req)
  },

  send(msg, ctx) {
    return sendEmail(msg, ctx.config)
  },

  // E-mail attachments arrive inline; this lets intake treat every channel's media alike.
  async fetchMedia(att) {
    if (att.contentBase64 === undefined)
      throw Object.assign(new Error('e-mail attachment has no content'), { retryable: false })
    return {
      bytes: Buffer.from(att.contentBase64, 'base64'),
      mimeType: att.mimeType ?? 'application/octet-stream',
      fileName: att.fileName,
    }
  },
}

/** Raw RFC 822 (webhook, SMTP listener, IMAP) or relay JSON -> events. */
export async function parseEmailAsync(req: WebhookRequest): Promise<NormalisedEvent[]> {
  if (isJson(req)) return parseRelayJson(JSON.parse(req.rawBody.toString('utf8')))
  return parseRawEmail(req.rawBody)
}

export function parseRelayJson(body: unknown): NormalisedEvent[] {
  const j = relayJson.parse(body)
  const auto = j.autoSubmitted?.toLowerCase()
  const facts: MailFacts = {
    fromAddress: j.from.address,
    fromName: j.from.name,
    subject: j.subject,
    text: j.text,
    html: j.html,
    messageId: j.messageId,
    inReplyTo: j.inReplyTo,
    references: j.references,
    date: j.date,
    attachments: j.attachments.map((a) => ({ ...a, size: Buffer.byteLength(a.contentBase64, 'base64') })),
    automatic: auto !== undefined && auto !== 'no',
  }
  const ev = mailFactsToEvent(facts)
  return ev ? [ev] : []
}

/**
 * The webhook path exists only for relays; with no inboundSecret configured it is closed.
 * (SMTP and IMAP hand mail to intake directly and never pass through verify.)
 */
export function verifyEmailWebhook(req: WebhookRequest, secret: string | undefined): VerifyResult {
  if (!secret) return { ok: false, reason: 'e-mail webhook disabled: no inboundSecret configured' }
  if (req.method !== 'POST') return { ok: false, reason: 'e-mail webhooks are POST only' }
  const given = req.headers[EMAIL_SECRET_HEADER]
  if (!given) return { ok: false, reason: `missing ${EMAIL_SECRET_HEADER}` }
  const a = createHash('sha256').update(given).digest()
  const b = createHash('sha256').update(secret).digest()
  return timingSafeEqual(a, b) ? { ok: true } : { ok: false, reason: 'shared secret mismatch' }
}

function isJson(req: WebhookRequest): boolean {
  return (req.headers['content-type'] ?? '').toLowerCase().includes('json')
}
