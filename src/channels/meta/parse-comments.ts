// Pure: comments on the Pemda's own posts -> public inbound events (isPublic, threadId = post).
//   Facebook Page `feed` field, item `comment`, verb `add`:
//     https://developers.facebook.com/docs/graph-api/webhooks/reference/page/#feed
//   Instagram `comments` field:
//     https://developers.facebook.com/docs/instagram-platform/webhooks/examples
//     https://developers.facebook.com/docs/graph-api/webhooks/reference/instagram/#comments
import type { InboundMessageEvent, NormalisedAttachment } from '../contract.ts'
import { metaTime, obj, str, type JsonObject } from './json.ts'

/** A new comment (or reply) under a Page post; the Page's own replies are skipped. */
export function parseFeedComment(
  value: JsonObject,
  pageId: string,
  entryTime: unknown,
): InboundMessageEvent | undefined {
  if (value.item !== 'comment' || value.verb !== 'add') return undefined
  const commentId = str(value.comment_id)
  const postId = str(value.post_id)
  if (!commentId || !postId) return undefined
  const from = obj(value.from)
  const fromId = str(from.id)
  if (fromId === pageId) return undefined
  const attachments: NormalisedAttachment[] = []
  const photo = str(value.photo)
  const video = str(value.video)
  if (photo) attachments.push({ kind: 'image', url: photo })
  if (video) attachments.push({ kind: 'video', url: video })
  const text = str(value.message) ?? ''
  if (!text && attachments.length === 0) return undefined
  const parent = str(value.parent_id)
  const name = str(from.name)
  return {
    type: 'message',
    providerEventId: commentId,
    // Meta omits `from` when the commenter has not allowed apps to see them: the comment then
    // stands for its own anonymous author.
    senderId: fromId ?? `comment:${commentId}`,
    ...(name ? { senderName: name } : {}),
    threadId: postId,
    isPublic: true,
    text,
    attachments,
    // A reply to another comment names that comment; a top-level comment names the post.
    ...(parent && parent !== postId ? { replyToProviderId: parent } : {}),
    sentAt: metaTime(value.created_time ?? entryTime),
  }
}

/** A new comment (or reply) on an Instagram media; the account's own replies are skipped. */
export function parseInstagramComment(
  value: JsonObject,
  igUserId: string,
  entryTime: unknown,
): InboundMessageEvent | undefined {
  const id = str(value.id)
  const mediaId = str(obj(value.media).id)
  const from = obj(value.from)
  const fromId = str(from.id)
  if (!id || !mediaId || !fromId || fromId === igUserId) return undefined
  const text = str(value.text) ?? ''
  if (!text) return undefined
  const username = str(from.username)
  const parent = str(value.parent_id)
  return {
    type: 'message',
    providerEventId: id,
    senderId: fromId,
    ...(username ? { senderName: username } : {}),
    threadId: mediaId,
    isPublic: true,
    text,
    attachments: [],
    ...(parent ? { replyToProviderId: parent } : {}),
    // The comments payload carries no creation time; the entry's is when Meta sent it.
    sentAt: metaTime(entryTime),
  }
}
