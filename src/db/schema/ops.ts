// Operational tables: the job queue, staff notifications, canned responses, outgoing webhooks,
// links to other systems (SP4N-LAPOR!, 112), public posts and the triage models' state.
import { sql } from 'drizzle-orm'
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, tenantId, ts, updatedAt } from './common.ts'
import { tenants } from './tenancy.ts'

/**
 * A Postgres-backed job queue that works the same on PGlite and PostgreSQL: enqueued in the
 * caller's transaction, claimed with FOR UPDATE SKIP LOCKED, woken by NOTIFY, retried with backoff.
 * tenant_id is null only for system-wide jobs (schedules that fan out per tenant).
 */
export const jobs = pgTable(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tenantId: uuid('tenant_id'),
    queue: text('queue').notNull(),
    /** Lower runs first: inbound messages 0, outbox 10, bulk work 100. */
    priority: integer('priority').default(50).notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().default({}).notNull(),
    /** queued | running | done | failed (will retry) | dead */
    status: text('status').default('queued').notNull(),
    runAt: ts('run_at').defaultNow().notNull(),
    attempts: integer('attempts').default(0).notNull(),
    maxAttempts: integer('max_attempts').default(8).notNull(),
    lockedUntil: ts('locked_until'),
    lockedBy: text('locked_by'),
    /** At most one queued or running job per key. */
    singletonKey: text('singleton_key'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    finishedAt: ts('finished_at'),
  },
  (t) => [
    index('jobs_ready_idx').on(t.priority, t.runAt).where(sql`${t.status} in ('queued', 'failed')`),
    index('jobs_queue_ready_idx').on(t.queue, t.priority, t.runAt, t.id).where(sql`${t.status} in ('queued', 'failed')`),
    index('jobs_running_idx').on(t.lockedUntil).where(sql`${t.status} = 'running'`),
    uniqueIndex('jobs_singleton_idx').on(t.singletonKey).where(sql`${t.status} in ('queued', 'failed', 'running')`),
  ],
)

export const notifications = pgTable(
  'notifications',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    id: id(),
    userId: uuid('user_id').notNull(),
    type: text('type').notNull(),
    reportId: uuid('report_id'),
    title: text('title').notNull(),
    body: text('body').default('').notNull(),
    link: text('link'),
    /** One notification per event per person. */
    dedupeKey: text('dedupe_key').notNull(),
    readAt: ts('read_at'),
    /** External copy (e-mail, WhatsApp) held for quiet hours or the digest until this instant. */
    heldUntil: ts('held_until'),
    /** When the external copy left through the outbox (alone or in a digest). */
    deliveredAt: ts('delivered_at'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('notifications_held_idx').on(t.heldUntil).where(sql`${t.heldUntil} is not null`),
    uniqueIndex('notifications_dedupe_idx').on(t.tenantId, t.userId, t.dedupeKey),
    index('notifications_user_idx').on(t.tenantId, t.userId, t.createdAt),
  ],
)

export const cannedResponses = pgTable(
  'canned_responses',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    id: id(),
    shortcut: text('shortcut').notNull(),
    title: text('title').notNull(),
    /** With placeholders such as {{kode}}, {{nama_opd}}, {{tenggat}}. */
    body: text('body').notNull(),
    /** Auto-reply trigger: acknowledgement, outside_hours, ... (null for a canned answer). */
    autoReply: text('auto_reply'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('canned_shortcut_idx').on(t.tenantId, t.shortcut)],
)

export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    id: id(),
    url: text('url').notNull(),
    /** Encrypted signing secret. */
    secret: text('secret').notNull(),
    eventTypes: text('event_types').array().default(sql`'{}'::text[]`).notNull(),
    active: text('active').default('true').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
)

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    tenantId: tenantId(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    subscriptionId: uuid('subscription_id').notNull(),
    reportId: uuid('report_id'),
    eventId: text('event_id').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status').default('queued').notNull(),
    attempts: integer('attempts').default(0).notNull(),
    responseStatus: integer('response_status'),
    lastError: text('last_error'),
    /** The report event's type (received, verified_and_dispatched ...), for the delivery log. */
    eventType: text('event_type').default('').notNull(),
    /** Every attempt: [{ at, status (HTTP status or null), error, ms }] (migration 0004). */
    attemptLog: jsonb('attempt_log').$type<{ at: string; status: number | null; error: string | null; ms: number }[]>().default([]).notNull(),
    createdAt: createdAt(),
    deliveredAt: ts('delivered_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('webhook_deliveries_event_idx').on(t.tenantId, t.subscriptionId, t.eventId),
    /** Per report chain: the next delivery to attempt (a dead one blocks its chain until redelivered). */
    index('webhook_deliveries_chain_idx')
      .on(t.tenantId, t.subscriptionId, t.reportId, t.id)
      .where(sql`${t.status} in ('queued', 'failed', 'dead')`),
    index('webhook_deliveries_log_idx').on(t.tenantId, t.subscriptionId, t.id),
  ],
)

/** A log of exchanges with other systems (SP4N-LAPOR!, 112) that operators can read. */
export const integrationLog = pgTable(
  'integration_log',
  {
    tenantId: tenantId(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    system: text('system').notNull(),
    reportId: uuid('report_id'),
    direction: text('direction').notNull(),
    action: text('action').notNull(),
    status: text('status').notNull(),
    detail: jsonb('detail').default({}).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('integration_log_report_idx').on(t.tenantId, t.reportId)],
)

/** Agencies' public clarifications of rumours (klarifikasi) and activity posts. */
export const publicPosts = pgTable(
  'public_posts',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    id: id(),
    agencyId: uuid('agency_id'),
    reportId: uuid('report_id'),
    /** clarification | activity */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    publishedAt: ts('published_at').defaultNow().notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('public_posts_recent_idx').on(t.tenantId, t.publishedAt)],
)

/** Serialized online models of triage, per tenant and kind (agency, category). */
export const triageModels = pgTable(
  'triage_models',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    state: jsonb('state').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.kind] })],
)
