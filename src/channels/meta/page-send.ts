// Replies from a Facebook Page or Instagram account: direct messages, public comment replies,
// and the one private reply Meta allows per comment.
//   Send API:        https://developers.facebook.com/docs/messenger-platform/reference/send-api
//   Private replies: https://developers.facebook.com/docs/messenger-platform/discovery/private-replies
//                    https://developers.facebook.com/docs/instagram-platform/private-replies
//   FB comments:     https://developers.facebook.com/docs/graph-api/reference/object/comments#publish
//   IG replies:      https://developers.facebook.com/docs/instagram-platform/comment-moderation
import type { OutboundMessage, SendContext, SendResult } from '../contract.ts'
import { graphJson, graphUrl } from './graph-client.ts'
import { str } from './json.ts'
import type { MetaPageConfig } from './page-config.ts'
import { splitText } from './split-text.ts'

export interface PageSendSpec {
  platform: 'facebook' | 'instagram'
  /** The account takes direct messages (messenger, instagram) and not only comments. */
  messaging: boolean
  /** Longest direct message (Messenger 2,000, Instagram 1,000). */
  maxMessageLength: number
  /** Longest comment reply (Facebook 8,000, Instagram 2,200). */
  maxCommentLength: number
}

/** Comment ids are numeric (`<post>_<comment>` on Facebook); message ids never are (m_…, aWdf…). */
const COMMENT_ID = /^\d+(_\d+)?$/

/**
 * Routing, from OutboundMessage alone (adapters keep no state):
 * - public (`isPublic: true`; on comment-only accounts unless `isPublic: false`): a reply under
 *   the comment `replyToProviderId`, split into several replies past the comment limit;
 * - private with a comment id in `replyToProviderId`: a private reply to that commenter (one
 *   message only, so it is shortened rather than split);
 * - otherwise, on messaging accounts: a direct message to `to` (PSID / IGSID), split if long.
 */
export async function sendFromPage(
  msg: OutboundMessage,
  ctx: SendContext & { config: MetaPageConfig },
  spec: PageSendSpec,
): Promise<SendResult> {
  const target = msg.replyToProviderId
  const isPublic = spec.messaging ? msg.isPublic === true : msg.isPublic !== false
  if (!msg.text.trim()) return { ok: false, retryable: false, code: 'invalid', error: 'empty message' }

  if (isPublic) {
    if (!target) return missingTarget('a public reply needs the comment id in replyToProviderId')
    const edge = spec.platform === 'facebook' ? 'comments' : 'replies'
    const bodies = splitText(msg.text, spec.maxCommentLength).map((message) => ({ message }))
    return postAll(ctx, `${encodeURIComponent(target)}/${edge}`, bodies, 'id')
  }
  if (target && (!spec.messaging || COMMENT_ID.test(target))) {
    const body = {
      recipient: { comment_id: target },
      messaging_type: 'RESPONSE',
      message: { text: shorten(msg.text, spec.maxMessageLength) },
    }
    return postAll(ctx, 'me/messages', [body], 'message_id')
  }
  if (!spec.messaging) return missingTarget('a comment channel replies to a comment id in replyToProviderId')
  const bodies = splitText(msg.text, spec.maxMessageLength).map((text) => ({
    recipient: { id: msg.to },
    messaging_type: 'RESPONSE',
    message: { text },
  }))
  return postAll(ctx, 'me/messages', bodies, 'message_id')
}

/** Posts each body in order; the first id answers for the whole message. */
async function postAll(
  ctx: SendContext & { config: MetaPageConfig },
  path: string,
  bodies: unknown[],
  idField: 'id' | 'message_id',
): Promise<SendResult> {
  const { apiBaseUrl, apiVersion, pageAccessToken } = ctx.config
  const url = graphUrl(apiBaseUrl, apiVersion, path)
  let firstId: string | undefined
  for (const [i, body] of bodies.entries()) {
    const res = await graphJson({ method: 'POST', url, token: pageAccessToken, body, fetch: ctx.fetch })
    if (!res.ok) return i === 0 ? res : { ...res, error: `part ${i + 1} of ${bodies.length}: ${res.error}` }
    const id = str(res.data[idField])
    if (!id)
      return { ok: false, retryable: false, code: 'rejected', error: `Graph API answered without ${idField}` }
    firstId ??= id
  }
  return { ok: true, providerMessageId: firstId!, parts: bodies.length }
}

function missingTarget(error: string): SendResult {
  return { ok: false, retryable: false, code: 'invalid', error }
}

/** Cuts to `max` code units with an ellipsis, never inside a surrogate pair. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text
  let cut = max - 1
  const code = text.charCodeAt(cut - 1)
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1
  return `${text.slice(0, cut).trimEnd()}…`
}
