// One factory for the four Page/Instagram adapters. Meta sends everything about a Page (object
// `page`: Messenger messages and post comments) or an Instagram account (object `instagram`: DMs
// and comments) to a single callback URL per app, so the messaging adapters also read their
// platform's comments and mark them with the comment channel type; the comment-only adapters
// serve accounts subscribed to comments alone.
// https://developers.facebook.com/docs/graph-api/webhooks/getting-started
import type { ZodType } from 'zod'
import type { ChannelAdapter, ChannelConfig, InboundMessageEvent, NormalisedEvent } from '../contract.ts'
import type { ChannelType } from '../../reports/model.ts'
import { graphDownload, MediaFetchError } from './graph-client.ts'
import { arr, obj, parseJsonBody, type JsonObject } from './json.ts'
import { META_PAGE_SECRET_KEYS, type MetaPageConfig } from './page-config.ts'
import { parseFeedComment, parseInstagramComment } from './parse-comments.ts'
import { parseMessagingEntry } from './parse-messaging.ts'
import { sendFromPage, type PageSendSpec } from './page-send.ts'
import { metaHandshake, verifyMetaSignature } from './webhook-security.ts'

export interface PageAdapterSpec<C extends MetaPageConfig> extends PageSendSpec {
  type: ChannelType
  schema: ZodType<C, unknown>
  /** Whether the adapter reads its platform's comments. */
  comments: boolean
}

const COMMENT_TYPE = { facebook: 'facebook_comment', instagram: 'instagram_comment' } as const

export function createMetaPageAdapter<C extends MetaPageConfig & ChannelConfig>(
  spec: PageAdapterSpec<C>,
): ChannelAdapter<C> {
  return {
    type: spec.type,
    parseConfig: (input) => spec.schema.parse(input),
    secretKeys: META_PAGE_SECRET_KEYS,
    handshake: (req, config) => metaHandshake(req, config.verifyToken),
    verify: (req, config) => verifyMetaSignature(req, config.appSecret),
    parse: (req, config) => parsePagePayload(parseJsonBody(req.rawBody), config, spec),
    send: (msg, ctx) => sendFromPage(msg, ctx, spec),
    fetchMedia: async (att, ctx) => {
      // Messenger and Instagram attachment URLs are signed CDN links: no token is sent.
      if (!att.url) throw new MediaFetchError('attachment has no URL', false, 'invalid')
      const file = await graphDownload(att.url, undefined, ctx.fetch)
      if (!file.ok) throw new MediaFetchError(file.error, file.retryable, file.code)
      return { bytes: file.bytes, mimeType: att.mimeType ?? file.contentType ?? 'application/octet-stream' }
    },
    maxTextLength: spec.messaging ? spec.maxMessageLength : spec.maxCommentLength,
  }
}

/** The account's own id: entries about other Pages or accounts of the same app are not ours. */
function ownId(config: MetaPageConfig, platform: 'facebook' | 'instagram'): string {
  return 'igUserId' in config && platform === 'instagram' ? config.igUserId : (config.pageId ?? '')
}

function parsePagePayload(
  payload: JsonObject,
  config: MetaPageConfig,
  spec: PageAdapterSpec<MetaPageConfig & ChannelConfig>,
): NormalisedEvent[] {
  const object = spec.platform === 'facebook' ? 'page' : 'instagram'
  if (payload.object !== object) return []
  const me = ownId(config, spec.platform)
  const commentType = COMMENT_TYPE[spec.platform]
  const events: NormalisedEvent[] = []
  for (const raw of arr(payload.entry)) {
    const entry = obj(raw)
    if (String(entry.id) !== me) continue
    if (spec.messaging) events.push(...parseMessagingEntry(entry, me))
    if (!spec.comments) continue
    for (const change of arr(entry.changes)) {
      const { field, value } = obj(change)
      let event: InboundMessageEvent | undefined
      if (spec.platform === 'facebook' && field === 'feed')
        event = parseFeedComment(obj(value), me, entry.time)
      if (spec.platform === 'instagram' && field === 'comments')
        event = parseInstagramComment(obj(value), me, entry.time)
      if (event) events.push(spec.type === commentType ? event : { ...event, channelType: commentType })
    }
  }
  return events
}
