// Pure: the `entry[].messaging[]` events Messenger and Instagram Messaging deliver -> normalised
// events. Both platforms share this shape (sender, recipient, timestamp, message | postback |
// delivery | read).
//   https://developers.facebook.com/docs/messenger-platform/reference/webhook-events/messages
//   https://developers.facebook.com/docs/messenger-platform/reference/webhook-events/messaging_postbacks
//   https://developers.facebook.com/docs/messenger-platform/reference/webhook-events/message-deliveries
//   https://developers.facebook.com/docs/instagram-platform/webhooks/examples
import type {
  DeliveryStatusEvent,
  InboundMessageEvent,
  NormalisedAttachment,
  NormalisedEvent,
  NormalisedLocation,
} from '../contract.ts'
import { arr, metaTime, num, obj, str, type JsonObject } from './json.ts'

const ATTACHMENT_KINDS: Record<string, NormalisedAttachment['kind']> = {
  image: 'image',
  video: 'video',
  audio: 'audio',
  file: 'document',
}

/** Events of one entry; `ownId` is the Page or Instagram account, whose own echoes are skipped. */
export function parseMessagingEntry(entry: JsonObject, ownId: string): NormalisedEvent[] {
  const events: NormalisedEvent[] = []
  for (const raw of arr(entry.messaging)) {
    const e = obj(raw)
    const sender = str(obj(e.sender).id)
    if (!sender || sender === ownId) continue
    if (e.message) {
      const m = toMessage(obj(e.message), sender, e.timestamp)
      if (m) events.push(m)
    } else if (e.postback) {
      const m = toPostback(obj(e.postback), sender, e.timestamp)
      if (m) events.push(m)
    } else if (e.delivery) {
      const d = obj(e.delivery)
      const at = metaTime(d.watermark ?? e.timestamp)
      for (const mid of arr(d.mids)) if (str(mid)) events.push(status(str(mid)!, 'delivered', at))
    } else if (e.read) {
      // Instagram names the message read; Messenger gives only a watermark, which we cannot map.
      const mid = str(obj(e.read).mid)
      if (mid) events.push(status(mid, 'read', metaTime(e.timestamp)))
    }
  }
  return events
}

function toMessage(m: JsonObject, sender: string, timestamp: unknown): InboundMessageEvent | undefined {
  const mid = str(m.mid)
  // Echoes of our own sends, unsent (deleted) messages and media Meta cannot pass on.
  if (!mid || m.is_echo === true || m.is_deleted === true || m.is_unsupported === true) return undefined
  const attachments: NormalisedAttachment[] = []
  let location: NormalisedLocation | undefined
  for (const raw of arr(m.attachments)) {
    const a = obj(raw)
    const payload = obj(a.payload)
    const coords = obj(payload.coordinates)
    if (a.type === 'location' && num(coords.lat) !== undefined && num(coords.long) !== undefined) {
      location = {
        latitude: num(coords.lat)!,
        longitude: num(coords.long)!,
        ...(str(a.title) ? { name: str(a.title) } : {}),
      }
      continue
    }
    const url = str(payload.url)
    if (!url) continue
    const type = str(a.type) ?? 'other'
    const kind = payload.sticker_id !== undefined ? 'sticker' : (ATTACHMENT_KINDS[type] ?? 'other')
    const title = str(payload.title) ?? str(a.title)
    attachments.push({ kind, url, ...(title ? { caption: title } : {}) })
  }
  const text = str(m.text) ?? ''
  if (!text && attachments.length === 0 && !location) return undefined
  const quickReply = str(obj(m.quick_reply).payload)
  const replyTo = str(obj(m.reply_to).mid)
  return {
    type: 'message',
    providerEventId: mid,
    senderId: sender,
    isPublic: false,
    text,
    attachments,
    ...(location ? { location } : {}),
    ...(quickReply ? { interactiveReplyId: quickReply } : {}),
    ...(replyTo ? { replyToProviderId: replyTo } : {}),
    sentAt: metaTime(timestamp),
  }
}

/** A tapped button: its title is what the citizen "said", its payload what they chose. */
function toPostback(p: JsonObject, sender: string, timestamp: unknown): InboundMessageEvent | undefined {
  const payload = str(p.payload)
  const title = str(p.title)
  if (!payload && !title) return undefined
  return {
    type: 'message',
    // Older Messenger versions send no mid with a postback; sender and time identify it then.
    providerEventId: str(p.mid) ?? `postback:${sender}:${str(timestamp) ?? ''}`,
    senderId: sender,
    isPublic: false,
    text: title ?? payload!,
    attachments: [],
    ...(payload ? { interactiveReplyId: payload } : {}),
    sentAt: metaTime(timestamp),
  }
}

function status(mid: string, s: 'delivered' | 'read', at: Date): DeliveryStatusEvent {
  return { type: 'status', providerEventId: `${mid}:${s}`, providerMessageId: mid, status: s, at }
}
