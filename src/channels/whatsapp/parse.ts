// Pure: WhatsApp Cloud API webhook payload -> normalised events.
// Payload formats followed:
//   https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/payload-examples
//   https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/image
//   https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status
import type {
  DeliveryStatus,
  DeliveryStatusEvent,
  InboundMessageEvent,
  NormalisedAttachment,
  NormalisedEvent,
} from '../contract.ts'
import { arr, metaTime, num, obj, str, type JsonObject } from '../meta/json.ts'

const MEDIA_KINDS = {
  image: 'image',
  video: 'video',
  document: 'document',
  sticker: 'sticker',
  audio: 'audio',
} as const satisfies Record<string, NormalisedAttachment['kind']>

const STATUSES = new Set<DeliveryStatus>(['sent', 'delivered', 'read', 'failed'])

/**
 * Reads `entry[].changes[].value` of field `messages`: inbound `messages` and outbound `statuses`.
 * Other fields (template reviews, account updates) and other phone numbers of the same WhatsApp
 * Business Account yield nothing: each phone number is its own channel account.
 */
export function parseWhatsAppPayload(payload: JsonObject, phoneNumberId: string): NormalisedEvent[] {
  if (payload.object !== 'whatsapp_business_account') return []
  const events: NormalisedEvent[] = []
  for (const entry of arr(payload.entry)) {
    for (const change of arr(obj(entry).changes)) {
      const { field, value } = obj(change)
      if (field !== 'messages') continue
      const v = obj(value)
      const target = str(obj(v.metadata).phone_number_id)
      if (target !== undefined && target !== phoneNumberId) continue
      const names = contactNames(v)
      for (const m of arr(v.messages)) {
        const event = toMessage(obj(m), names)
        if (event) events.push(event)
      }
      for (const s of arr(v.statuses)) {
        const event = toStatus(obj(s))
        if (event) events.push(event)
      }
    }
  }
  return events
}

/** wa_id -> profile name, from `value.contacts` (the sender's WhatsApp display name). */
function contactNames(v: JsonObject): Map<string, string> {
  const names = new Map<string, string>()
  for (const c of arr(v.contacts)) {
    const waId = str(obj(c).wa_id)
    const name = str(obj(obj(c).profile).name)
    if (waId && name) names.set(waId, name)
  }
  return names
}

function toMessage(m: JsonObject, names: Map<string, string>): InboundMessageEvent | undefined {
  const id = str(m.id)
  const from = str(m.from)
  const type = str(m.type)
  if (!id || !from || !type) return undefined
  const content = messageContent(type, m)
  if (!content) return undefined
  const replyTo = str(obj(m.context).id)
  return {
    type: 'message',
    providerEventId: id,
    senderId: from,
    senderName: names.get(from) ?? (names.size === 1 ? [...names.values()][0] : undefined),
    senderPhone: from,
    isPublic: false,
    text: content.text,
    attachments: content.attachments ?? [],
    ...(content.location ? { location: content.location } : {}),
    ...(content.interactiveReplyId ? { interactiveReplyId: content.interactiveReplyId } : {}),
    ...(replyTo ? { replyToProviderId: replyTo } : {}),
    sentAt: metaTime(m.timestamp),
  }
}

type Content = Pick<InboundMessageEvent, 'text'> &
  Partial<Pick<InboundMessageEvent, 'attachments' | 'location' | 'interactiveReplyId'>>

/** The text, media, place or choice a message carries; undefined for kinds we do not take in. */
function messageContent(type: string, m: JsonObject): Content | undefined {
  if (type === 'text') return { text: str(obj(m.text).body) ?? '' }
  if (type in MEDIA_KINDS) return media(type as keyof typeof MEDIA_KINDS, obj(m[type]))
  if (type === 'location') {
    const l = obj(m.location)
    const latitude = num(l.latitude)
    const longitude = num(l.longitude)
    if (latitude === undefined || longitude === undefined) return undefined
    const name = str(l.name)
    const address = str(l.address)
    return {
      text: [name, address].filter(Boolean).join(', '),
      location: { latitude, longitude, ...(name ? { name } : {}), ...(address ? { address } : {}) },
    }
  }
  if (type === 'interactive') {
    const i = obj(m.interactive)
    const reply = obj(i.button_reply ?? i.list_reply)
    const id = str(reply.id)
    if (!id) return undefined
    return { text: str(reply.title) ?? id, interactiveReplyId: id }
  }
  if (type === 'button') {
    // A quick-reply button of a template message we sent.
    const b = obj(m.button)
    const text = str(b.text) ?? ''
    const payload = str(b.payload)
    return { text, ...(payload ? { interactiveReplyId: payload } : {}) }
  }
  if (type === 'contacts')
    return {
      text: arr(m.contacts)
        .map((c) => describeContact(obj(c)))
        .join('\n'),
    }
  // reaction, unsupported/unknown, system, order, request_welcome: nothing a report can use.
  return undefined
}

function media(type: keyof typeof MEDIA_KINDS, data: JsonObject): Content | undefined {
  const id = str(data.id)
  if (!id) return undefined
  const caption = str(data.caption)
  const mimeType = str(data.mime_type)
  const fileName = str(data.filename)
  // WhatsApp marks a recorded voice note with audio.voice = true.
  const kind = type === 'audio' && data.voice === true ? 'voice' : MEDIA_KINDS[type]
  const attachment: NormalisedAttachment = {
    kind,
    providerMediaId: id,
    ...(mimeType ? { mimeType } : {}),
    ...(fileName ? { fileName } : {}),
    ...(caption ? { caption } : {}),
  }
  return { text: caption ?? '', attachments: [attachment] }
}

/** A shared contact card as one line: "Name (+62..., +62...)". */
function describeContact(c: JsonObject): string {
  const name = str(obj(c.name).formatted_name) ?? str(obj(c.name).first_name) ?? ''
  const phones = arr(c.phones)
    .map((p) => str(obj(p).phone))
    .filter(Boolean)
  return phones.length ? `${name} (${phones.join(', ')})`.trim() : name
}

function toStatus(s: JsonObject): DeliveryStatusEvent | undefined {
  const id = str(s.id)
  const status = str(s.status) as DeliveryStatus | undefined
  if (!id || !status || !STATUSES.has(status)) return undefined
  const errors = arr(s.errors).map((e) => describeError(obj(e)))
  return {
    type: 'status',
    providerEventId: `${id}:${status}`,
    providerMessageId: id,
    status,
    at: metaTime(s.timestamp),
    ...(errors.length ? { error: errors.join('; ') } : {}),
  }
}

/** "131047 Re-engagement message: <details>": the code first, for anything that matches on it. */
function describeError(e: JsonObject): string {
  const code = str(e.code)
  const title = str(e.title) ?? str(e.message) ?? 'error'
  const details = str(obj(e.error_data).details)
  return `${code ? `${code} ` : ''}${title}${details ? `: ${details}` : ''}`
}
