// Outbound e-mail over SMTP with nodemailer (https://nodemailer.com/smtp/ and
// https://nodemailer.com/message/ for messageId, inReplyTo, references and attachments).
// Threading follows RFC 5322 §3.6.4: In-Reply-To names the message answered, References the
// chain, and the subject gains one "Re:".
import { createHash } from 'node:crypto'
import nodemailer from 'nodemailer'
import type { OutboundMessage, SendResult } from '../contract.ts'

export interface EmailSmtpConfig {
  smtpHost: string
  smtpPort: number
  smtpSecure: boolean
  smtpUser?: string
  smtpPass?: string
  fromAddress: string
  fromName?: string
}

export const DEFAULT_SUBJECT = 'Tanggapan atas pengaduan Anda'

export async function sendEmail(msg: OutboundMessage, config: EmailSmtpConfig): Promise<SendResult> {
  const transport = nodemailer.createTransport({
    host: config.smtpHost,
    port: config.smtpPort,
    secure: config.smtpSecure,
    auth: config.smtpUser ? { user: config.smtpUser, pass: config.smtpPass ?? '' } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  })
  const inReplyTo = msg.inReplyTo ?? msg.replyToProviderId
  const references = [...new Set([...(msg.references ?? []), ...(inReplyTo ? [inReplyTo] : [])])]
  const messageId = messageIdFor(msg.idempotencyKey, config.fromAddress)
  try {
    const info = await transport.sendMail({
      from: config.fromName ? { name: config.fromName, address: config.fromAddress } : config.fromAddress,
      to: msg.to,
      subject: replySubject(msg.subject, Boolean(inReplyTo)),
      text: msg.text,
      messageId,
      inReplyTo,
      references: references.length ? references : undefined,
      attachments: (msg.attachments ?? []).map((a) =>
        a.contentBase64 !== undefined
          ? { filename: a.fileName, contentType: a.mimeType, content: a.contentBase64, encoding: 'base64' }
          : { filename: a.fileName, contentType: a.mimeType, path: a.url },
      ),
    })
    return { ok: true, providerMessageId: info.messageId || messageId }
  } catch (err) {
    return classifySmtpError(err as SmtpError)
  } finally {
    transport.close()
  }
}

/**
 * Derived from the outbox's idempotency key, so a retried send carries the same Message-ID and
 * the citizen's mail client (and our own threading) treats a duplicate as the same message.
 */
export function messageIdFor(idempotencyKey: string, fromAddress: string): string {
  const domain = fromAddress.split('@').pop() || 'aduan.invalid'
  const hash = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 24)
  return `<aduan.${hash}@${domain}>`
}

/** One "Re:" when answering, never "Re: Re:"; Indonesian clients write "Balas:" or "Bls:". */
export function replySubject(subject: string | undefined, isReply: boolean): string {
  const s = (subject ?? '').trim()
  if (!s) return isReply ? `Re: ${DEFAULT_SUBJECT}` : DEFAULT_SUBJECT
  if (!isReply || /^(re|aw|sv|balas|bls)\s*:/i.test(s)) return s
  return `Re: ${s}`
}

interface SmtpError extends Error {
  code?: string
  responseCode?: number
  response?: string
}

/** Maps a nodemailer failure to retryable or permanent (RFC 5321 §4.2.1: 4yz transient, 5yz permanent). */
export function classifySmtpError(err: SmtpError): Extract<SendResult, { ok: false }> {
  const error = `smtp ${err.responseCode ?? err.code ?? ''}: ${err.response ?? err.message}`.trim()
  if (err.code === 'EAUTH') return { ok: false, retryable: false, error, code: 'unauthorized' }
  if (err.responseCode && err.responseCode >= 500)
    return { ok: false, retryable: false, error, code: 'rejected' }
  if (err.responseCode && err.responseCode >= 400)
    return { ok: false, retryable: true, error, code: 'unavailable' }
  if (err.code === 'EENVELOPE') return { ok: false, retryable: false, error, code: 'invalid' }
  // Connection refused, DNS, timeouts, TLS hiccups: the server may be back in a minute.
  return { ok: false, retryable: true, error, code: 'network' }
}
