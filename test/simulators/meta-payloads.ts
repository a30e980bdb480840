// Webhook payloads exactly as Meta sends them, for the Meta simulator and any test that needs one.
// Shapes follow Meta's published examples:
//   WhatsApp:  https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/payload-examples
//   Messenger: https://developers.facebook.com/docs/messenger-platform/reference/webhook-events/messages
//   Page feed: https://developers.facebook.com/docs/graph-api/webhooks/reference/page/#feed
//   Instagram: https://developers.facebook.com/docs/instagram-platform/webhooks/examples
import { randomBytes, randomInt } from 'node:crypto'

export const SIM_WABA_ID = '102290129340398'
export const SIM_PHONE_NUMBER_ID = '109876543210987'
export const SIM_DISPLAY_PHONE_NUMBER = '6281100001111'
export const SIM_PAGE_ID = '104523456789012'
export const SIM_IG_USER_ID = '17841405822304914'

export interface Built {
  payload: Record<string, unknown>
  /** The provider event id the adapter will report (message id, comment id, `${wamid}:${status}`). */
  id: string
}

/**
 * Meta's wire JSON: non-ASCII as lower-case \uXXXX escapes and '/' as '\/'. Meta signs these
 * bytes, so a receiver that re-serialises the parsed body computes a different signature.
 */
export function metaJson(payload: unknown): string {
  return JSON.stringify(payload)
    .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/\//g, '\\/')
}

export const digits = (n: number) =>
  Array.from({ length: n }, (_, i) => String(randomInt(i === 0 ? 1 : 0, 10))).join('')
export const newWamid = () => `wamid.${randomBytes(30).toString('base64')}`
export const newMid = () => `m_${randomBytes(33).toString('base64url')}`
const nowSeconds = () => String(Math.floor(Date.now() / 1000))

export interface WaAccount {
  phoneNumberId?: string
  displayPhoneNumber?: string
  wabaId?: string
}

function whatsappEnvelope(a: WaAccount, value: Record<string, unknown>): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: a.wabaId ?? SIM_WABA_ID,
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: {
                display_phone_number: a.displayPhoneNumber ?? SIM_DISPLAY_PHONE_NUMBER,
                phone_number_id: a.phoneNumberId ?? SIM_PHONE_NUMBER_ID,
              },
              ...value,
            },
            field: 'messages',
          },
        ],
      },
    ],
  }
}

export interface WaMessageInput extends WaAccount {
  /** The citizen's number, E.164 digits without '+'. */
  from: string
  name?: string
  /** The type-specific part, e.g. `{ type: 'location', location: {...} }`. */
  message: { type: string } & Record<string, unknown>
  id?: string
  timestamp?: string
  /** The wamid of our message the citizen replied to. */
  contextId?: string
}

export function whatsappMessagePayload(o: WaMessageInput): Built {
  const id = o.id ?? newWamid()
  const message = {
    ...(o.contextId
      ? { context: { from: o.displayPhoneNumber ?? SIM_DISPLAY_PHONE_NUMBER, id: o.contextId } }
      : {}),
    from: o.from,
    id,
    timestamp: o.timestamp ?? nowSeconds(),
    ...o.message,
  }
  const contacts = [{ profile: { name: o.name ?? 'Warga' }, wa_id: o.from }]
  return { payload: whatsappEnvelope(o, { contacts, messages: [message] }), id }
}

export type WaTextInput = Omit<WaMessageInput, 'message'> & { text: string }
export const whatsappTextPayload = (o: WaTextInput): Built =>
  whatsappMessagePayload({ ...o, message: { type: 'text', text: { body: o.text } } })

export type WaImageInput = Omit<WaMessageInput, 'message'> & {
  mediaId: string
  caption?: string
  mimeType?: string
}
export const whatsappImagePayload = (o: WaImageInput): Built =>
  whatsappMessagePayload({
    ...o,
    message: {
      type: 'image',
      image: {
        ...(o.caption ? { caption: o.caption } : {}),
        mime_type: o.mimeType ?? 'image/jpeg',
        sha256: randomBytes(32).toString('base64'),
        id: o.mediaId,
      },
    },
  })

export interface WaStatusInput extends WaAccount {
  /** The wamid our send returned. */
  messageId: string
  status: 'sent' | 'delivered' | 'read' | 'failed'
  recipientId: string
  timestamp?: string
  error?: { code: number; title: string; details?: string }
}

export function whatsappStatusPayload(o: WaStatusInput): Built {
  const status = {
    id: o.messageId,
    status: o.status,
    timestamp: o.timestamp ?? nowSeconds(),
    recipient_id: o.recipientId,
    ...(o.status === 'failed'
      ? {
          errors: [
            {
              code: o.error?.code ?? 131026,
              title: o.error?.title ?? 'Message undeliverable',
              message: o.error?.title ?? 'Message undeliverable',
              error_data: { details: o.error?.details ?? o.error?.title ?? 'Message undeliverable' },
              href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
            },
          ],
        }
      : {
          conversation: { id: randomBytes(16).toString('hex'), origin: { type: 'service' } },
          pricing: {
            billable: false,
            pricing_model: 'PMP',
            category: 'service',
            type: 'free_customer_service',
          },
        }),
  }
  return { payload: whatsappEnvelope(o, { statuses: [status] }), id: `${o.messageId}:${o.status}` }
}

export interface DmInput {
  /** The Page (Messenger) or Instagram account id; defaults to the simulator's. */
  accountId?: string
  /** PSID (Messenger) or IGSID (Instagram) of the citizen. */
  senderId: string
  text: string
  mid?: string
  timestamp?: number
}

function dmPayload(object: 'page' | 'instagram', o: DmInput, defaultAccount: string, mid: string): Built {
  const account = o.accountId ?? defaultAccount
  const timestamp = o.timestamp ?? Date.now()
  return {
    payload: {
      object,
      entry: [
        {
          id: account,
          time: timestamp + 120,
          messaging: [
            {
              sender: { id: o.senderId },
              recipient: { id: account },
              timestamp,
              message: { mid, text: o.text },
            },
          ],
        },
      ],
    },
    id: mid,
  }
}

export const messengerTextPayload = (o: DmInput) => dmPayload('page', o, SIM_PAGE_ID, o.mid ?? newMid())
export const instagramTextPayload = (o: DmInput) =>
  dmPayload(
    'instagram',
    o,
    SIM_IG_USER_ID,
    o.mid ?? `aWdfZAG1faXRlbToxOklHTWVzc2FnZA${randomBytes(60).toString('base64url')}`,
  )

export interface FacebookCommentInput {
  pageId?: string
  fromId: string
  fromName: string
  text: string
  postId?: string
  commentId?: string
  /** The comment replied to; a top-level comment's parent is the post. */
  parentId?: string
  createdTime?: number
}

export function facebookCommentPayload(o: FacebookCommentInput): Built {
  const pageId = o.pageId ?? SIM_PAGE_ID
  const postId = o.postId ?? `${pageId}_${digits(16)}`
  const commentId = o.commentId ?? `${postId.split('_').pop()}_${digits(15)}`
  const createdTime = o.createdTime ?? Math.floor(Date.now() / 1000)
  const value = {
    from: { id: o.fromId, name: o.fromName },
    post: {
      status_type: 'added_photos',
      is_published: true,
      updated_time: new Date(createdTime * 1000).toISOString().replace(/\.\d{3}Z$/, '+0000'),
      permalink_url: `https://www.facebook.com/${pageId}/posts/${postId.split('_').pop()}`,
      promotion_status: 'inactive',
      id: postId,
    },
    message: o.text,
    post_id: postId,
    comment_id: commentId,
    created_time: createdTime,
    item: 'comment',
    parent_id: o.parentId ?? postId,
    verb: 'add',
  }
  return {
    payload: {
      object: 'page',
      entry: [{ id: pageId, time: createdTime + 3, changes: [{ field: 'feed', value }] }],
    },
    id: commentId,
  }
}

export interface InstagramCommentInput {
  igUserId?: string
  fromId: string
  username: string
  text: string
  mediaId?: string
  commentId?: string
  parentId?: string
}

export function instagramCommentPayload(o: InstagramCommentInput): Built {
  const commentId = o.commentId ?? `1786${digits(13)}`
  const value = {
    from: { id: o.fromId, username: o.username },
    media: { id: o.mediaId ?? `1802${digits(13)}`, media_product_type: 'FEED' },
    id: commentId,
    ...(o.parentId ? { parent_id: o.parentId } : {}),
    text: o.text,
  }
  const entry = {
    id: o.igUserId ?? SIM_IG_USER_ID,
    time: Math.floor(Date.now() / 1000),
    changes: [{ field: 'comments', value }],
  }
  return { payload: { object: 'instagram', entry: [entry] }, id: commentId }
}

/**
 * Channel-account configs (the `config` of POST /api/channels) that point every Meta adapter at
 * a simulator and match the ids its webhooks carry.
 */
export function metaChannelConfigs(
  apiBaseUrl: string,
  secrets = { appSecret: 'sim-app-secret', verifyToken: 'sim-verify' },
) {
  const page = { pageId: SIM_PAGE_ID, pageAccessToken: 'EAA-sim-page', ...secrets, apiBaseUrl }
  const instagram = { igUserId: SIM_IG_USER_ID, pageAccessToken: 'EAA-sim-page', ...secrets, apiBaseUrl }
  return {
    whatsapp: { phoneNumberId: SIM_PHONE_NUMBER_ID, accessToken: 'EAA-sim-whatsapp', ...secrets, apiBaseUrl },
    messenger: page,
    facebook_comment: page,
    instagram,
    instagram_comment: instagram,
  }
}
