// Citizens and what they send: contacts and their identities per channel, channel accounts,
// conversations, messages and attachments; the raw inbound events and the outbox.
import { sql } from 'drizzle-orm'
import {
  bigserial,
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { channelTypeEnum, createdAt, id, tenantId, ts, updatedAt } from './common.ts'
import { tenants } from './tenancy.ts'

export const contacts = pgTable(
  'contacts',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    id: id(),
    name: text('name'),
    phone: text('phone'),
    email: text('email'),
    /** When operators link two contacts as one person, the merged one points here. */
    mergedIntoId: uuid('merged_into_id'),
    /** UU PDP erasure: identity removed, reports kept. */
    erasedAt: ts('erased_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('contacts_phone_idx').on(t.tenantId, t.phone),
    index('contacts_email_idx').on(t.tenantId, sql`lower(${t.email})`),
  ],
)

export const contactIdentities = pgTable(
  'contact_identities',
  {
    tenantId: tenantId(),
    id: id(),
    contactId: uuid('contact_id').notNull(),
    channelType: channelTypeEnum('channel_type').notNull(),
    /** The sender's id on that channel: phone digits, PSID, user id, e-mail address. */
    externalId: text('external_id').notNull(),
    displayName: text('display_name'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('contact_identities_ext_idx').on(t.tenantId, t.channelType, t.externalId),
    index('contact_identities_contact_idx').on(t.tenantId, t.contactId),
    foreignKey({ columns: [t.tenantId, t.contactId], foreignColumns: [contacts.tenantId, contacts.id] }).onDelete('cascade'),
  ],
)

export const channelAccounts = pgTable(
  'channel_accounts',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    id: id(),
    type: channelTypeEnum('type').notNull(),
    name: text('name').notNull(),
    /** Non-secret settings (apiBaseUrl, phoneNumberId ...), returned by the API. */
    publicConfig: jsonb('public_config').$type<Record<string, unknown>>().default({}).notNull(),
    /** Secret settings, AES-256-GCM encrypted with SECRET_KEY; never returned. */
    secretConfig: text('secret_config').notNull(),
    active: boolean('active').default(true).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('channel_accounts_id_idx').on(t.id)],
)

export const conversations = pgTable(
  'conversations',
  {
    tenantId: tenantId(),
    id: id(),
    channelAccountId: uuid('channel_account_id'),
    channelType: channelTypeEnum('channel_type').notNull(),
    contactId: uuid('contact_id').notNull(),
    identityId: uuid('identity_id'),
    /** Provider thread: e-mail root Message-ID, a post id for comments. */
    externalThreadId: text('external_thread_id'),
    status: text('status').default('open').notNull(),
    /** The report this conversation currently feeds. */
    reportId: uuid('report_id'),
    unreadCount: integer('unread_count').default(0).notNull(),
    lastMessageAt: ts('last_message_at').defaultNow().notNull(),
    /** The last citizen message: opens WhatsApp's 24-hour customer-service window. */
    lastInboundAt: ts('last_inbound_at'),
    lastMessagePreview: text('last_message_preview'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('conversations_recent_idx').on(t.tenantId, t.lastMessageAt),
    index('conversations_contact_idx').on(t.tenantId, t.contactId),
    index('conversations_report_idx').on(t.tenantId, t.reportId),
    index('conversations_identity_idx').on(t.tenantId, t.identityId, t.channelAccountId),
    foreignKey({ columns: [t.tenantId, t.contactId], foreignColumns: [contacts.tenantId, contacts.id] }),
  ],
)

export const messages = pgTable(
  'messages',
  {
    tenantId: tenantId(),
    id: id(),
    conversationId: uuid('conversation_id').notNull(),
    reportId: uuid('report_id'),
    /** in | out */
    direction: text('direction').notNull(),
    authorUserId: uuid('author_user_id'),
    body: text('body').default('').notNull(),
    /** text | image | video | audio | voice | document | location | interactive | template | system */
    kind: text('kind').default('text').notNull(),
    /** Provider message id; unique per conversation's channel account for idempotency. */
    externalId: text('external_id'),
    channelAccountId: uuid('channel_account_id'),
    isPublic: boolean('is_public').default(false).notNull(),
    /** received | queued | sent | delivered | read | failed */
    status: text('status').default('received').notNull(),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().default({}).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('messages_conversation_idx').on(t.tenantId, t.conversationId, t.createdAt),
    index('messages_report_idx').on(t.tenantId, t.reportId),
    uniqueIndex('messages_external_idx')
      .on(t.tenantId, t.channelAccountId, t.externalId)
      .where(sql`${t.externalId} is not null`),
    foreignKey({ columns: [t.tenantId, t.conversationId], foreignColumns: [conversations.tenantId, conversations.id] }).onDelete(
      'cascade',
    ),
  ],
)

export const attachments = pgTable(
  'attachments',
  {
    tenantId: tenantId(),
    id: id(),
    messageId: uuid('message_id'),
    reportId: uuid('report_id'),
    responseId: uuid('response_id'),
    /** image | video | audio | voice | document | other */
    kind: text('kind').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    fileName: text('file_name'),
    /** Where the original bytes are (operators only). */
    storageKey: text('storage_key').notNull(),
    /** A copy without EXIF/GPS metadata, for every view beyond operators. */
    publicStorageKey: text('public_storage_key'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('attachments_message_idx').on(t.tenantId, t.messageId),
    index('attachments_report_idx').on(t.tenantId, t.reportId),
  ],
)

/** Every webhook body exactly as it arrived, stored before we answer the provider. */
export const inboundEvents = pgTable(
  'inbound_events',
  {
    tenantId: tenantId(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    channelAccountId: uuid('channel_account_id').notNull(),
    channelType: channelTypeEnum('channel_type').notNull(),
    providerEventId: text('provider_event_id').notNull(),
    headers: jsonb('headers').$type<Record<string, string>>().default({}).notNull(),
    body: text('body').notNull(),
    /** pending | processed | failed | dead */
    status: text('status').default('pending').notNull(),
    attempts: integer('attempts').default(0).notNull(),
    lastError: text('last_error'),
    receivedAt: ts('received_at').defaultNow().notNull(),
    processedAt: ts('processed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('inbound_events_provider_idx').on(t.tenantId, t.channelAccountId, t.providerEventId),
    // 0023: no index reads status, so marking an event processed is a HOT update
    index('inbound_events_dead_idx').on(t.tenantId, t.id).where(sql`${t.lastError} is not null`),
    index('inbound_events_received_idx').on(t.receivedAt),
  ],
)

/** The outbox: every message we send, with retries and an idempotency key. */
export const outboundMessages = pgTable(
  'outbound_messages',
  {
    tenantId: tenantId(),
    id: id(),
    channelAccountId: uuid('channel_account_id'),
    channelType: channelTypeEnum('channel_type').notNull(),
    conversationId: uuid('conversation_id'),
    messageId: uuid('message_id'),
    reportId: uuid('report_id'),
    /** Staff notifications go to a user rather than a conversation. */
    userId: uuid('user_id'),
    recipient: text('recipient').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    /** queued | sending | sent | delivered | read | failed */
    status: text('status').default('queued').notNull(),
    attempts: integer('attempts').default(0).notNull(),
    nextAttemptAt: ts('next_attempt_at').defaultNow().notNull(),
    providerMessageId: text('provider_message_id'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: ts('sent_at'),
    deliveredAt: ts('delivered_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('outbound_idempotency_idx').on(t.tenantId, t.idempotencyKey),
    index('outbound_provider_idx').on(t.tenantId, t.providerMessageId),
    index('outbound_report_idx').on(t.tenantId, t.reportId),
  ],
)

/** Operators linking (and unlinking) a person's identities across channels: the audit trail (migration 0012). */
export const contactLinkEvents = pgTable(
  'contact_link_events',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    id: bigserial('id', { mode: 'number' }).notNull(),
    /** link | unlink */
    action: text('action').notNull(),
    /** link: the contact kept; unlink: the contact the identity left. */
    contactId: uuid('contact_id').notNull(),
    /** link: the contact merged into contactId; unlink: the new contact holding the identity. */
    otherContactId: uuid('other_contact_id').notNull(),
    /** The identities that moved (ids only, never the handles). */
    identityIds: jsonb('identity_ids').$type<string[]>().default([]).notNull(),
    /** How many conversations and reports moved with them. */
    moved: jsonb('moved').$type<Record<string, number>>().default({}).notNull(),
    actorUserId: uuid('actor_user_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('contact_link_events_contact_idx').on(t.tenantId, t.contactId),
    index('contact_link_events_other_idx').on(t.tenantId, t.otherContactId),
  ],
)
