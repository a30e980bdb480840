// Pure: a generic SMS gateway's webhook body -> normalised events. The wire format is aduan's
// own (docs/CHANNELS.md, "SMS gateway"), chosen so that common gateways (Android SMS gateway
// apps, Indonesian aggregators' HTTP push, Kannel's get-url) can be pointed at it:
//   incoming SMS:    { from, to, text, id, timestamp }
//   delivery report: { id, status, timestamp, error?, reference? }   (no `text`)
// as JSON or application/x-www-form-urlencoded. `timestamp` is Unix seconds, Unix ms or ISO 8601.
import type { DeliveryStatus, NormalisedEvent, WebhookRequest } from '../contract.ts'
import { parseKeywordCommand } from './keywords.ts'

export function readSmsBody(req: WebhookRequest): Record<string, string> {
  const type = (req.headers['content-type'] ?? '').toLowerCase()
  const raw = req.rawBody.toString('utf8')
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw))
  const json: unknown = JSON.parse(raw)
  if (!json || typeof json !== 'object' || Array.isArray(json))
    throw new Error('sms webhook body must be an object')
  return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, v == null ? '' : String(v)]))
}

export function parseSmsPayload(body: Record<string, string>): NormalisedEvent[] {
  if (!body.id) throw new Error('sms webhook without id (needed for idempotency)')
  const at = parseTimestamp(body.timestamp)
  if (body.status !== undefined && body.text === undefined) {
    const status = mapDeliveryStatus(body.status)
    // Intermediate states (queued, buffered) tell the operator nothing new: skip them.
    if (!status) return []
    return [
      {
        type: 'status',
        providerEventId: `dlr:${body.id}:${body.status.toLowerCase()}`,
        providerMessageId: body.id,
        status,
        at,
        error: status === 'failed' ? body.error || body.status : undefined,
      },
    ]
  }
  if (!body.from) throw new Error('sms webhook without from')
  const text = body.text ?? ''
  const senderId = normalisePhone(body.from)
  return [
    {
      type: 'message',
      providerEventId: body.id,
      senderId,
      senderPhone: /^\d{8,15}$/.test(senderId) ? senderId : undefined,
      isPublic: false,
      text,
      attachments: [],
      command: parseKeywordCommand(text),
      sentAt: at,
    },
  ]
}

const STATUS_MAP: Record<string, DeliveryStatus> = {
  sent: 'sent',
  submitted: 'sent',
  accepted: 'sent',
  enroute: 'sent',
  delivered: 'delivered',
  delivrd: 'delivered', // SMPP receipt spelling
  read: 'read',
  failed: 'failed',
  undelivered: 'failed',
  undeliv: 'failed',
  rejected: 'failed',
  rejectd: 'failed',
  expired: 'failed',
  deleted: 'failed',
}

export function mapDeliveryStatus(status: string): DeliveryStatus | undefined {
  return STATUS_MAP[status.trim().toLowerCase()]
}

/**
 * Indonesian numbers arrive as 0812..., +62 812-..., or 62812...; we keep E.164 digits
 * (62812...). Alphanumeric senders (an operator's "TELKOMSEL" notice) stay as sent.
 */
export function normalisePhone(from: string): string {
  const t = from.trim()
  if (/[a-z]/i.test(t)) return t
  const digits = t.replace(/\D/g, '')
  if (digits.startsWith('0')) return `62${digits.slice(1)}`
  return digits
}

function parseTimestamp(ts: string | undefined): Date {
  // Without a timestamp the parse time stands in (moments after receipt, except on a replay);
  // every gateway we know can send one, and docs/CHANNELS.md asks for it.
  if (!ts) return new Date()
  if (/^\d+(\.\d+)?$/.test(ts)) {
    const n = Number(ts)
    return new Date(n < 1e12 ? n * 1000 : n)
  }
  const d = new Date(ts)
  if (Number.isNaN(d.getTime())) throw new Error(`sms webhook: unreadable timestamp ${ts}`)
  return d
}
