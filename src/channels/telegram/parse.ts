// Pure: Telegram Update JSON -> normalised events.
// Follows the Bot API object reference: https://core.telegram.org/bots/api#update
// (Update, Message, User, Chat, PhotoSize, Document, Voice, Audio, Video, Location, Venue,
// Contact, CallbackQuery). Only the fields aduan reads are declared; the rest pass through.
import { z } from 'zod'
import type { InboundMessageEvent, NormalisedAttachment, NormalisedEvent } from '../contract.ts'

const file = z.looseObject({
  file_id: z.string(),
  file_unique_id: z.string().optional(),
  file_size: z.number().optional(),
  mime_type: z.string().optional(),
  file_name: z.string().optional(),
})
const photoSize = file.extend({ width: z.number(), height: z.number() })
const user = z.looseObject({
  id: z.number(),
  is_bot: z.boolean().optional(),
  first_name: z.string(),
  last_name: z.string().optional(),
  username: z.string().optional(),
})
const chat = z.looseObject({ id: z.number(), type: z.string() })
const location = z.looseObject({ latitude: z.number(), longitude: z.number() })
const message = z.looseObject({
  message_id: z.number(),
  from: user.optional(),
  chat,
  date: z.number(),
  edit_date: z.number().optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  photo: z.array(photoSize).optional(),
  document: file.optional(),
  voice: file.optional(),
  audio: file.optional(),
  video: file.optional(),
  video_note: file.optional(),
  sticker: file.optional(),
  location: location.optional(),
  venue: z.looseObject({ location, title: z.string(), address: z.string() }).optional(),
  contact: z
    .looseObject({
      phone_number: z.string(),
      first_name: z.string(),
      last_name: z.string().optional(),
      user_id: z.number().optional(),
    })
    .optional(),
  reply_to_message: z.looseObject({ message_id: z.number() }).optional(),
})
const update = z.looseObject({
  update_id: z.number(),
  message: message.optional(),
  edited_message: message.optional(),
  callback_query: z
    .looseObject({
      id: z.string(),
      from: user,
      message: z.looseObject({ message_id: z.number(), chat, date: z.number() }).optional(),
      data: z.string().optional(),
    })
    .optional(),
})
export type TelegramUpdate = z.infer<typeof update>
type TelegramMessage = z.infer<typeof message>
type TelegramUser = z.infer<typeof user>

/** Parse one webhook body (Telegram posts exactly one Update per request). */
export function parseTelegramUpdate(body: unknown): NormalisedEvent[] {
  const u = update.parse(body)
  const id = String(u.update_id)
  // An edit is taken as a new message (the citizen may have corrected a location or added
  // detail); it points at the original through replyToProviderId so intake can relate them.
  const msg = u.message ?? u.edited_message
  if (msg) {
    const ev = messageEvent(id, msg)
    if (ev && u.edited_message) ev.replyToProviderId = String(u.edited_message.message_id)
    return ev ? [ev] : []
  }
  const cb = u.callback_query
  if (cb && !cb.from.is_bot) {
    // Inline-keyboard button press: the chosen button's callback_data is the reply id.
    if (cb.message && cb.message.chat.type !== 'private') return []
    return [
      {
        type: 'message',
        providerEventId: id,
        ...sender(cb.from),
        isPublic: false,
        text: cb.data ?? '',
        attachments: [],
        interactiveReplyId: cb.data,
        replyToProviderId: cb.message ? String(cb.message.message_id) : undefined,
        // A callback query carries no timestamp; the button message's date may be hours old,
        // and Telegram delivers the press within seconds, so the parse time is closer.
        sentAt: new Date(),
      },
    ]
  }
  return [] // channel_post, poll, my_chat_member ...: nothing a citizen said to us
}

function messageEvent(id: string, m: TelegramMessage): InboundMessageEvent | undefined {
  // aduan's bot is a one-to-one service desk: group chats would expose reporters to each
  // other, and bots (including ourselves) never file complaints.
  if (m.chat.type !== 'private' || !m.from || m.from.is_bot) return undefined
  const attachments = attachmentsOf(m)
  const loc = m.venue?.location ?? m.location
  let text = m.text ?? m.caption ?? ''
  let senderPhone: string | undefined
  if (m.contact) {
    const digits = m.contact.phone_number.replace(/\D/g, '')
    // Sharing one's own contact (the "share my phone number" button) tells us the reporter's
    // phone; someone else's contact is content and stays in the text.
    if (m.contact.user_id === m.from.id) senderPhone = digits
    const name = [m.contact.first_name, m.contact.last_name].filter(Boolean).join(' ')
    if (!text) text = `Kontak: ${name} +${digits}`
  }
  return {
    type: 'message',
    providerEventId: id,
    ...sender(m.from),
    senderPhone,
    isPublic: false,
    text,
    attachments,
    location: loc
      ? { latitude: loc.latitude, longitude: loc.longitude, name: m.venue?.title, address: m.venue?.address }
      : undefined,
    replyToProviderId: m.reply_to_message ? String(m.reply_to_message.message_id) : undefined,
    sentAt: new Date((m.edit_date ?? m.date) * 1000),
  }
}

function sender(u: TelegramUser): { senderId: string; senderName?: string } {
  const name = [u.first_name, u.last_name].filter(Boolean).join(' ').trim()
  return { senderId: String(u.id), senderName: name || (u.username ? `@${u.username}` : undefined) }
}

function attachmentsOf(m: TelegramMessage): NormalisedAttachment[] {
  const caption = m.caption
  const out: NormalisedAttachment[] = []
  const add = (kind: NormalisedAttachment['kind'], f: z.infer<typeof file>, mimeType = f.mime_type) =>
    out.push({
      kind,
      providerMediaId: f.file_id,
      mimeType,
      fileName: f.file_name,
      size: f.file_size,
      caption,
    })
  if (m.photo?.length) {
    // Telegram sends every thumbnail size of one photo; keep only the largest.
    const largest = m.photo.reduce((a, b) => (area(b) > area(a) ? b : a))
    add('image', largest, 'image/jpeg')
  }
  if (m.document) add(m.document.mime_type?.startsWith('image/') ? 'image' : 'document', m.document)
  if (m.voice) add('voice', m.voice, m.voice.mime_type ?? 'audio/ogg')
  if (m.audio) add('audio', m.audio)
  if (m.video) add('video', m.video, m.video.mime_type ?? 'video/mp4')
  if (m.video_note) add('video', m.video_note, 'video/mp4')
  if (m.sticker) add('sticker', m.sticker)
  return out
}

function area(p: z.infer<typeof photoSize>): number {
  // Pixels decide; file size only breaks ties between equal dimensions.
  return p.width * p.height + (p.file_size ?? 0) / 1e12
}
