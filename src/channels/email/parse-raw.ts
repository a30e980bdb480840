// Inbound e-mail -> normalised events. Parsing uses mailparser's simpleParser
// (https://nodemailer.com/extras/mailparser/), which is async; nothing here does I/O.
// Threading headers per RFC 5322 §3.6.4; auto-replies per RFC 3834; bounces per RFC 3464.
import { createHash } from 'node:crypto'
import { simpleParser, type AddressObject, type Attachment } from 'mailparser'
import type {
  DeliveryStatusEvent,
  InboundMessageEvent,
  NormalisedAttachment,
  NormalisedEvent,
} from '../contract.ts'
import { htmlToText, stripQuotedReply } from './quote-strip.ts'

/** What an e-mail says, however it reached us (raw RFC 822 or a relay's JSON). */
export interface MailFacts {
  fromAddress?: string
  fromName?: string
  subject?: string
  text?: string
  html?: string
  messageId?: string
  inReplyTo?: string
  references: string[]
  date?: Date
  attachments: { fileName?: string; mimeType: string; contentBase64: string; size: number }[]
  /** Auto-Submitted other than "no", or a Precedence of bulk/junk/list/auto_reply. */
  automatic: boolean
}

/**
 * The idempotency key of a raw message, readable without a full parse (the webhook route and
 * the SMTP listener need it before storing): the Message-ID, else a hash of the bytes.
 */
export function emailEventId(raw: Buffer): string {
  const head = raw.subarray(0, Math.min(raw.length, 64 * 1024)).toString('latin1')
  const headerEnd = head.search(/\r?\n\r?\n/)
  const unfolded = (headerEnd < 0 ? head : head.slice(0, headerEnd)).replace(/\r?\n[ \t]+/g, ' ')
  const m = /^message-id:\s*(<[^>\s]+>)/im.exec(unfolded)
  return m ? m[1] : `sha256:${createHash('sha256').update(raw).digest('hex')}`
}

/** Parses one raw RFC 822 message. Returns [] for auto-replies (so we never answer a robot). */
export async function parseRawEmail(
  raw: Buffer,
  opts: { receivedAt?: Date } = {},
): Promise<NormalisedEvent[]> {
  // skipHtmlToText: `text` then comes only from a text/plain part; HTML-only mail goes through
  // our converter, which drops quoted blocks that mailparser's conversion would keep.
  const mail = await simpleParser(raw, {
    keepDeliveryStatus: true,
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipImageLinks: true,
  })
  const dsn = mail.attachments.find((a) => a.contentType === 'message/delivery-status')
  if (dsn)
    return deliveryReport(
      mail.messageId ?? emailEventId(raw),
      dsn,
      mail.attachments,
      mail.date ?? opts.receivedAt,
    )
  const header = (name: string) => String(mail.headers.get(name) ?? '').toLowerCase()
  const auto = header('auto-submitted')
  const facts: MailFacts = {
    ...firstAddress(mail.from),
    subject: mail.subject,
    text: mail.text || undefined,
    html: mail.html || undefined,
    messageId: mail.messageId ?? emailEventId(raw),
    inReplyTo: mail.inReplyTo,
    references: typeof mail.references === 'string' ? [mail.references] : (mail.references ?? []),
    date: mail.date,
    attachments: mail.attachments.map((a) => ({
      fileName: a.filename,
      mimeType: a.contentType,
      contentBase64: a.content.toString('base64'),
      size: a.size,
    })),
    automatic: (auto !== '' && auto !== 'no') || /^(bulk|junk|list|auto_reply)$/.test(header('precedence')),
  }
  const ev = mailFactsToEvent(facts, opts.receivedAt)
  return ev ? [ev] : []
}

/** Shared by the raw and JSON paths. */
export function mailFactsToEvent(f: MailFacts, receivedAt?: Date): InboundMessageEvent | undefined {
  if (f.automatic || !f.fromAddress || /^(mailer-daemon|postmaster)@/i.test(f.fromAddress)) return undefined
  const body = f.text ?? (f.html ? htmlToText(f.html) : '')
  const senderEmail = f.fromAddress.toLowerCase()
  const messageId = f.messageId
  return {
    type: 'message',
    providerEventId: messageId ?? `${senderEmail}:${f.date?.toISOString() ?? ''}:${f.subject ?? ''}`,
    senderId: senderEmail,
    senderName: f.fromName || undefined,
    senderEmail,
    // The thread is named by its first message: the head of References, else what this answers.
    threadId: f.references[0] ?? f.inReplyTo ?? messageId,
    isPublic: false,
    text: stripQuotedReply(body),
    subject: f.subject,
    attachments: f.attachments.map(toAttachment),
    messageId,
    inReplyTo: f.inReplyTo,
    references: f.references.length ? f.references : undefined,
    replyToProviderId: f.inReplyTo,
    sentAt: f.date ?? receivedAt ?? new Date(),
  }
}

function toAttachment(a: MailFacts['attachments'][number]): NormalisedAttachment {
  const [top, sub] = a.mimeType.toLowerCase().split('/')
  const kind: NormalisedAttachment['kind'] =
    top === 'image'
      ? 'image'
      : top === 'video'
        ? 'video'
        : top === 'audio'
          ? 'audio'
          : sub
            ? 'document'
            : 'other'
  return { kind, mimeType: a.mimeType, fileName: a.fileName, size: a.size, contentBase64: a.contentBase64 }
}

function firstAddress(from: AddressObject | undefined): { fromAddress?: string; fromName?: string } {
  const a = from?.value[0]
  return { fromAddress: a?.address, fromName: a?.name }
}

function deliveryReport(id: string, dsn: Attachment, all: Attachment[], at?: Date): NormalisedEvent[] {
  const fields = dsn.content.toString('utf8')
  const action = /^Action:\s*(\S+)/im.exec(fields)?.[1]?.toLowerCase()
  // Only failures matter: "delayed" and "relayed" reports are not final.
  if (action !== 'failed') return []
  const original = all.find(
    (a) => a.contentType === 'text/rfc822-headers' || a.contentType === 'message/rfc822',
  )
  const originalId = original && /^Message-ID:\s*(<[^>\s]+>)/im.exec(original.content.toString('utf8'))?.[1]
  if (!originalId) return []
  const diagnostic = /^Diagnostic-Code:\s*(.+)$/im.exec(fields)?.[1] ?? /^Status:\s*(\S+)/im.exec(fields)?.[1]
  const ev: DeliveryStatusEvent = {
    type: 'status',
    providerEventId: id,
    providerMessageId: originalId,
    status: 'failed',
    at: at ?? new Date(),
    error: diagnostic?.trim(),
  }
  return [ev]
}
