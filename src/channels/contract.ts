// The one contract every channel adapter implements. Adapters are pure or talk only to
// their provider's HTTP API (at config.apiBaseUrl); they never touch the database and know
// nothing about reports. See docs/CHANNELS.md for the provider documentation each follows.
import type { ChannelType } from '../reports/model.ts'

/** What the webhook route hands an adapter: the raw request, untouched. */
export interface WebhookRequest {
  method: 'GET' | 'POST'
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>
  query: Record<string, string | undefined>
  /** The exact bytes the provider sent (signatures are computed over these). */
  rawBody: Buffer
}

/** Answer to a GET handshake (WhatsApp hub.challenge, X CRC). */
export interface HandshakeResult {
  status: number
  contentType: string
  body: string
}

export type VerifyResult = { ok: true } | { ok: false; reason: string }

export interface NormalisedAttachment {
  kind: 'image' | 'video' | 'audio' | 'voice' | 'document' | 'sticker' | 'other'
  /** Provider's media id (WhatsApp, Telegram file_id) or a direct URL. */
  providerMediaId?: string
  url?: string
  mimeType?: string
  fileName?: string
  caption?: string
  size?: number
  /** Inline bytes, base64 (e-mail attachments arrive inline). */
  contentBase64?: string
}

export interface NormalisedLocation {
  latitude: number
  longitude: number
  name?: string
  address?: string
}

/** One inbound message from a citizen, in a channel-neutral shape. */
export interface InboundMessageEvent {
  type: 'message'
  /** Unique per channel account: the provider's message id; used for idempotency. */
  providerEventId: string
  /** The sender's identity on this channel (phone in E.164 digits, PSID, user id, e-mail address). */
  senderId: string
  senderName?: string
  /** Extra contact facts the channel reveals (an e-mail address, a phone number). */
  senderPhone?: string
  senderEmail?: string
  /** Provider thread key: e-mail thread root, comment's post id; absent means "one thread per sender". */
  threadId?: string
  /** Public comment or mention (true) versus a private message (false). */
  isPublic: boolean
  text: string
  subject?: string
  attachments: NormalisedAttachment[]
  location?: NormalisedLocation
  /** A button/list reply: the id the citizen chose. */
  interactiveReplyId?: string
  /** E-mail: Message-ID / In-Reply-To / References for threading. */
  messageId?: string
  inReplyTo?: string
  references?: string[]
  /** Provider's reply context (quoted message id). */
  replyToProviderId?: string
  /**
   * Set only when the event belongs to another channel type than the account that received it:
   * Meta delivers a Page's Messenger messages and its post comments to one callback URL, so a
   * messenger account also yields facebook_comment events (instagram: instagram_comment).
   * Replies still leave through the receiving account, whose adapter handles both.
   */
  channelType?: ChannelType
  /** A keyword command recognised in the text (SMS `LAPOR#...`, `STATUS <kode>`); `text` stays verbatim. */
  command?: InboundCommand
  sentAt: Date
}

/** Structured hints parsed from a keyword format; intake decides what to do with them. */
export type InboundCommand =
  | { kind: 'report'; category?: string; location?: string; text: string }
  | { kind: 'status'; trackingCode: string }
  | { kind: 'help' }

/** A delivery receipt for a message we sent. */
export interface DeliveryStatusEvent {
  type: 'status'
  providerEventId: string
  providerMessageId: string
  status: DeliveryStatus
  at: Date
  error?: string
}

export type NormalisedEvent = InboundMessageEvent | DeliveryStatusEvent

export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'failed'

/** What aduan asks a channel to send. */
export interface OutboundMessage {
  /** The recipient's identity on this channel (same form as senderId inbound). */
  to: string
  text: string
  /** Our idempotency key; adapters pass it on where the provider supports one. */
  idempotencyKey: string
  /** Reply publicly (comment/mention) instead of privately, where the channel has both. */
  isPublic?: boolean
  /** The provider id of the message/comment being answered (comments, e-mail threading, X replies). */
  replyToProviderId?: string
  /** E-mail threading and subject. */
  subject?: string
  inReplyTo?: string
  references?: string[]
  /** WhatsApp: outside the 24-hour window a pre-approved template must be used. */
  template?: { name: string; language: string; parameters: string[] }
  attachments?: { url?: string; contentBase64?: string; mimeType: string; fileName?: string }[]
}

export type SendResult =
  | { ok: true; providerMessageId: string; parts?: number }
  | {
      ok: false
      retryable: boolean
      error: string
      code?: string
      /** The provider asked us to wait this long before retrying (Telegram retry_after, X rate-limit reset). */
      retryAfterSeconds?: number
    }

/** Channel-specific configuration, decrypted. Every channel accepts apiBaseUrl. */
export type ChannelConfig = Record<string, unknown> & { apiBaseUrl?: string }

export interface SendContext {
  config: ChannelConfig
  /** Injected for tests; defaults to global fetch. */
  fetch?: typeof fetch
}

export interface ChannelAdapter<C extends ChannelConfig = ChannelConfig> {
  type: ChannelType
  /** Validate and normalise a channel account's config (throws a ZodError-like message on bad input). */
  parseConfig(input: unknown): C
  /** Names of config keys that are secrets (encrypted at rest, never returned by the API). */
  secretKeys: readonly string[]
  /** GET handshake, where the provider has one. */
  handshake?(req: WebhookRequest, config: C): HandshakeResult
  /** Verify the provider's signature / secret over the raw body. */
  verify(req: WebhookRequest, config: C): VerifyResult
  /** Pure: provider payload -> normalised events (may be empty, e.g. for unrelated webhook fields). */
  parse(req: WebhookRequest, config: C): NormalisedEvent[]
  /**
   * Where parsing needs an async library (e-mail: mailparser). When present, intake calls this
   * instead of parse: `adapter.parseAsync ? await adapter.parseAsync(req, cfg) : adapter.parse(req, cfg)`.
   */
  parseAsync?(req: WebhookRequest, config: C): Promise<NormalisedEvent[]>
  /** Send through the provider API at config.apiBaseUrl. */
  send(msg: OutboundMessage, ctx: SendContext & { config: C }): Promise<SendResult>
  /** Download a media item referenced by an inbound attachment. */
  fetchMedia?(
    att: NormalisedAttachment,
    ctx: SendContext & { config: C },
  ): Promise<{ bytes: Buffer; mimeType: string; fileName?: string }>
  /** WhatsApp's customer-service window in hours (free text allowed only inside it). */
  freeTextWindowHours?: number
  /** Longest text one message may carry; longer replies are split by the adapter. */
  maxTextLength?: number
}
