// Pure: X Account Activity API webhook body -> normalised events.
// Payload shapes: https://developer.x.com/en/docs/x-api/enterprise/account-activity-api/guides/account-activity-data-objects
// Tweets inside tweet_create_events are v1.1 Tweet objects:
//   https://developer.x.com/en/docs/x-api/v1/data-dictionary/object-model/tweet
// Direct messages are message_create events:
//   https://developer.x.com/en/docs/x-api/v1/direct-messages/sending-and-receiving/guides/message-create-object
import { z } from 'zod'
import type { InboundMessageEvent, NormalisedAttachment, NormalisedEvent } from '../contract.ts'

const xUser = z.looseObject({
  id_str: z.string().optional(),
  id: z.union([z.string(), z.number()]).optional(),
  name: z.string().optional(),
  screen_name: z.string().optional(),
})
const media = z.looseObject({
  id_str: z.string().optional(),
  type: z.string(),
  media_url_https: z.string().optional(),
  video_info: z
    .looseObject({
      variants: z.array(
        z.looseObject({ content_type: z.string(), url: z.string(), bitrate: z.number().optional() }),
      ),
    })
    .optional(),
})
const entities = z.looseObject({ user_mentions: z.array(z.looseObject({ id_str: z.string() })).optional() })
const extendedEntities = z.looseObject({ media: z.array(media).optional() })
const tweet = z.looseObject({
  id_str: z.string(),
  created_at: z.string(),
  timestamp_ms: z.string().optional(),
  text: z.string().optional(),
  full_text: z.string().optional(),
  display_text_range: z.tuple([z.number(), z.number()]).optional(),
  truncated: z.boolean().optional(),
  extended_tweet: z
    .looseObject({
      full_text: z.string(),
      display_text_range: z.tuple([z.number(), z.number()]).optional(),
      entities: entities.optional(),
      extended_entities: extendedEntities.optional(),
    })
    .optional(),
  in_reply_to_status_id_str: z.string().nullish(),
  in_reply_to_user_id_str: z.string().nullish(),
  conversation_id: z.string().optional(),
  user: xUser.extend({ id_str: z.string() }),
  entities: entities.optional(),
  extended_entities: extendedEntities.optional(),
  coordinates: z.looseObject({ coordinates: z.tuple([z.number(), z.number()]) }).nullish(),
  retweeted_status: z.unknown().optional(),
  quoted_status: z.looseObject({ user: xUser.optional() }).optional(),
})
const dmEvent = z.looseObject({
  type: z.string(),
  id: z.string(),
  created_timestamp: z.string(),
  message_create: z
    .looseObject({
      target: z.looseObject({ recipient_id: z.string() }),
      sender_id: z.string(),
      message_data: z.looseObject({
        text: z.string().default(''),
        quick_reply_response: z.looseObject({ metadata: z.string().optional() }).optional(),
        attachment: z.looseObject({ type: z.string(), media }).optional(),
      }),
    })
    .optional(),
})
const activity = z.looseObject({
  for_user_id: z.string(),
  tweet_create_events: z.array(tweet).optional(),
  direct_message_events: z.array(dmEvent).optional(),
  users: z.record(z.string(), xUser).optional(),
})
type Tweet = z.infer<typeof tweet>
type Media = z.infer<typeof media>

/**
 * `accountId` is the Pemda's own X user id. Events for another subscribed account (one app
 * may subscribe several users to one webhook) and the account's own posts and DMs yield nothing.
 */
export function parseAccountActivity(body: unknown, accountId: string): NormalisedEvent[] {
  const a = activity.parse(body)
  if (a.for_user_id !== accountId) return []
  const out: NormalisedEvent[] = []
  for (const t of a.tweet_create_events ?? []) {
    const ev = mentionEvent(t, accountId)
    if (ev) out.push(ev)
  }
  for (const d of a.direct_message_events ?? []) {
    const mc = d.message_create
    if (d.type !== 'message_create' || !mc) continue
    if (mc.sender_id === accountId || mc.target.recipient_id !== accountId) continue // our own outgoing DM
    const u = a.users?.[mc.sender_id]
    const quick = mc.message_data.quick_reply_response?.metadata
    out.push({
      type: 'message',
      providerEventId: d.id,
      senderId: mc.sender_id,
      senderName: displayName(u?.name, u?.screen_name),
      isPublic: false,
      text: mc.message_data.text,
      attachments: mc.message_data.attachment ? [attachmentOf(mc.message_data.attachment.media)] : [],
      interactiveReplyId: quick,
      sentAt: new Date(Number(d.created_timestamp)),
    })
  }
  return out
}

function mentionEvent(t: Tweet, accountId: string): InboundMessageEvent | undefined {
  if (t.user.id_str === accountId) return undefined // the Pemda's own post or reply
  if (t.retweeted_status) return undefined // a repost says nothing new
  const ent = t.extended_tweet?.entities ?? t.entities
  const mentionsUs =
    (ent?.user_mentions ?? []).some((m) => m.id_str === accountId) ||
    t.in_reply_to_user_id_str === accountId ||
    t.quoted_status?.user?.id_str === accountId
  if (!mentionsUs) return undefined
  const full = t.extended_tweet?.full_text ?? t.full_text ?? t.text ?? ''
  const range = t.extended_tweet?.display_text_range ?? t.display_text_range
  // display_text_range (in code points) leaves out the leading "@a @b" of a reply and the
  // trailing media link, which are X's plumbing rather than what the citizen wrote.
  const text = range ? Array.from(full).slice(range[0], range[1]).join('').trim() : full
  const media = (t.extended_tweet?.extended_entities ?? t.extended_entities)?.media ?? []
  const coords = t.coordinates?.coordinates
  return {
    type: 'message',
    providerEventId: t.id_str,
    senderId: t.user.id_str,
    senderName: displayName(t.user.name, t.user.screen_name),
    // v1.1 objects carry no conversation root; a reply threads under the post it answers,
    // a fresh mention starts its own thread (see docs/CHANNELS.md).
    threadId: t.conversation_id ?? t.in_reply_to_status_id_str ?? t.id_str,
    isPublic: true,
    text,
    attachments: media.map(attachmentOf),
    location: coords ? { latitude: coords[1], longitude: coords[0] } : undefined,
    replyToProviderId: t.in_reply_to_status_id_str ?? undefined,
    sentAt: new Date(t.timestamp_ms ? Number(t.timestamp_ms) : Date.parse(t.created_at)),
  }
}

function attachmentOf(m: Media): NormalisedAttachment {
  if (m.type === 'photo')
    return { kind: 'image', providerMediaId: m.id_str, url: m.media_url_https, mimeType: 'image/jpeg' }
  // video and animated_gif: the best mp4 variant is the playable file.
  const mp4 = (m.video_info?.variants ?? [])
    .filter((v) => v.content_type === 'video/mp4')
    .sort((a, b) => (b.bitrate ?? 0) - (a.bitrate ?? 0))[0]
  return {
    kind: 'video',
    providerMediaId: m.id_str,
    url: mp4?.url ?? m.media_url_https,
    mimeType: mp4 ? 'video/mp4' : undefined,
  }
}

function displayName(name?: string, screenName?: string): string | undefined {
  if (name && screenName) return `${name} (@${screenName})`
  return name ?? (screenName ? `@${screenName}` : undefined)
}
