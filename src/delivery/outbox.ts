// The outbox: a message to send is a row in outbound_messages plus an 'outbox' job, both written
// in the caller's transaction. The job sends through the channel adapter, records the provider id,
// retries what the adapter marks retryable (the job's backoff) and marks the rest failed.
// Notifications (src/notifications) add two things: a `notice` that puts the outcome on the
// report's timeline (an internal 'notified' / 'notify_failed' event), and `fallbacks`: where a
// channel cannot reach the person any more (permanent failure, retries exhausted), the next one
// (SMS, e-mail) is queued.
import { and, eq } from 'drizzle-orm'
import { loadChannelConfig } from '../channels/accounts.ts'
import type { OutboundMessage } from '../channels/contract.ts'
import { getAdapter } from '../channels/registry.ts'
import type { AppContext } from '../context.ts'
import type { Db } from '../db/connect.ts'
import { messages, outboundMessages, reportEvents } from '../db/schema/index.ts'
import { enqueue, PRIORITY, type Job } from '../jobs/queue.ts'
import type { ChannelType } from '../reports/model.ts'

export const OUTBOX_QUEUE = 'outbox'

export interface QueueMessageInput {
  tenantId: string
  channelType: ChannelType
  channelAccountId: string | null
  conversationId?: string | null
  reportId?: string | null
  recipient: string
  message: Omit<OutboundMessage, 'to' | 'idempotencyKey'>
  idempotencyKey: string
  authorUserId?: string | null
  /** A staff notification's recipient. */
  userId?: string | null
  /** Put the outcome on the report's timeline. */
  notice?: Notice
  /** Tried in order when this channel fails for good. */
  fallbacks?: Fallback[]
}

/** What a notification was about, for the timeline (never the recipient's address). */
export interface Notice {
  audience: 'staff' | 'reporter'
  kind: string
  userId?: string
}

export interface Fallback {
  channelType: ChannelType
  channelAccountId: string
  recipient: string
  subject?: string
}

type StoredPayload = Omit<OutboundMessage, 'to' | 'idempotencyKey'> & { notice?: Notice; fallbacks?: Fallback[] }

/** Queue a message in `tx`: the conversation's message row, the outbox row and its job. Idempotent on the key. */
export async function queueMessage(tx: Db, input: QueueMessageInput): Promise<string | null> {
  let messageId: string | null = null
  if (input.conversationId) {
    const [m] = await tx
      .insert(messages)
      .values({
        tenantId: input.tenantId,
        conversationId: input.conversationId,
        reportId: input.reportId ?? null,
        direction: 'out',
        authorUserId: input.authorUserId ?? null,
        body: input.message.text,
        kind: input.message.template ? 'template' : 'text',
        channelAccountId: input.channelAccountId,
        isPublic: input.message.isPublic ?? false,
        status: 'queued',
      })
      .returning({ id: messages.id })
    messageId = m!.id
  }
  const rows = await tx
    .insert(outboundMessages)
    .values({
      tenantId: input.tenantId,
      channelAccountId: input.channelAccountId,
      channelType: input.channelType,
      conversationId: input.conversationId ?? null,
      messageId,
      reportId: input.reportId ?? null,
      userId: input.userId ?? null,
      recipient: input.recipient,
      payload: {
        ...input.message,
        ...(input.notice ? { notice: input.notice } : {}),
        ...(input.fallbacks?.length ? { fallbacks: input.fallbacks } : {}),
      } as Record<string, unknown>,
      idempotencyKey: input.idempotencyKey,
    })
    .onConflictDoNothing()
    .returning({ id: outboundMessages.id })
  const id = rows[0]?.id ?? null
  if (!id) {
    if (messageId) await tx.delete(messages).where(and(eq(messages.tenantId, input.tenantId), eq(messages.id, messageId)))
    return null
  }
  await enqueue(tx, { queue: OUTBOX_QUEUE, tenantId: input.tenantId, priority: PRIORITY.outbox, payload: { outboundId: id } })
  return id
}

export function outboxHandler(ctx: AppContext) {
  return async (job: Job) => {
    const tenantId = job.tenantId!
    const id = job.payload.outboundId as string
    const [row] = await ctx.db
      .select()
      .from(outboundMessages)
      .where(and(eq(outboundMessages.tenantId, tenantId), eq(outboundMessages.id, id)))
    if (!row || row.status !== 'queued' || !row.channelAccountId) return
    const adapter = getAdapter(row.channelType)
    const config = await loadChannelConfig(ctx, tenantId, row.channelAccountId)
    if (!adapter || !config) {
      await markFailed(ctx, row, 'no adapter or channel account', job.attempts)
      return
    }
    const { notice: _notice, fallbacks: _fallbacks, ...payload } = row.payload as StoredPayload
    const result = await adapter.send(
      { ...payload, to: row.recipient, idempotencyKey: row.idempotencyKey },
      { config: adapter.parseConfig(config) },
    )
    const now = ctx.clock.now()
    if (result.ok) {
      await ctx.db
        .update(outboundMessages)
        .set({ status: 'sent', providerMessageId: result.providerMessageId, sentAt: now, attempts: job.attempts })
        .where(and(eq(outboundMessages.tenantId, tenantId), eq(outboundMessages.id, id)))
      if (row.messageId) {
        await ctx.db
          .update(messages)
          .set({ status: 'sent', externalId: result.providerMessageId })
          .where(and(eq(messages.tenantId, tenantId), eq(messages.id, row.messageId)))
      }
      await recordNotice(ctx, row, 'notified', { template: Boolean(payload.template), attempts: job.attempts })
      return
    }
    if (result.retryable && job.attempts < job.maxAttempts) {
      await ctx.db
        .update(outboundMessages)
        .set({ attempts: job.attempts, lastError: result.error.slice(0, 1000) })
        .where(and(eq(outboundMessages.tenantId, tenantId), eq(outboundMessages.id, id)))
      throw new Error(`send failed (retryable): ${result.error}`)
    }
    await markFailed(ctx, row, result.error, job.attempts)
  }
}

type OutboundRow = typeof outboundMessages.$inferSelect

async function markFailed(ctx: AppContext, row: OutboundRow, error: string, attempts: number) {
  const db = ctx.db
  await db
    .update(outboundMessages)
    .set({ status: 'failed', lastError: error.slice(0, 1000) })
    .where(and(eq(outboundMessages.tenantId, row.tenantId), eq(outboundMessages.id, row.id)))
  if (row.messageId) {
    await db.update(messages).set({ status: 'failed' }).where(and(eq(messages.tenantId, row.tenantId), eq(messages.id, row.messageId)))
  }
  const { notice, fallbacks = [], template: _t, ...rest } = row.payload as StoredPayload
  const [next, ...later] = fallbacks
  await db.transaction(async (t) => {
    const tx = t as unknown as Db
    if (next) {
      await queueMessage(tx, {
        tenantId: row.tenantId,
        channelType: next.channelType,
        channelAccountId: next.channelAccountId,
        reportId: row.reportId,
        userId: row.userId,
        recipient: next.recipient,
        message: { text: rest.text, ...(next.subject ? { subject: next.subject } : {}) },
        idempotencyKey: `${row.idempotencyKey}:fallback:${next.channelType}`,
        notice,
        fallbacks: later,
      })
    }
    await recordNotice(ctx, row, 'notify_failed', { attempts, fallback: next?.channelType ?? null }, tx)
  })
}

/** The timeline entry of a notification's outcome: internal, by the system, no address in it. */
async function recordNotice(ctx: AppContext, row: OutboundRow, type: 'notified' | 'notify_failed', extra: Record<string, unknown>, tx: Db = ctx.db) {
  const notice = (row.payload as StoredPayload).notice
  if (!notice || !row.reportId) return
  await tx.insert(reportEvents).values({
    tenantId: row.tenantId,
    reportId: row.reportId,
    type,
    actorKind: 'system',
    data: { audience: notice.audience, kind: notice.kind, userId: notice.userId ?? null, channel: row.channelType, outboundId: row.id, ...extra },
    internal: true,
    createdAt: ctx.clock.now(),
  })
}

/** Delivery receipts: the provider's status for a message we sent. */
export async function applyDeliveryStatus(
  tx: Db,
  tenantId: string,
  providerMessageId: string,
  status: 'sent' | 'delivered' | 'read' | 'failed',
  at: Date,
) {
  const rank = { queued: 0, sending: 0, sent: 1, delivered: 2, read: 3, failed: 4 } as Record<string, number>
  const [row] = await tx
    .select()
    .from(outboundMessages)
    .where(and(eq(outboundMessages.tenantId, tenantId), eq(outboundMessages.providerMessageId, providerMessageId)))
  if (!row || (rank[status] ?? 0) <= (rank[row.status] ?? 0)) return
  await tx
    .update(outboundMessages)
    .set({ status, ...(status === 'delivered' ? { deliveredAt: at } : {}) })
    .where(and(eq(outboundMessages.tenantId, tenantId), eq(outboundMessages.id, row.id)))
  if (row.messageId) {
    await tx.update(messages).set({ status }).where(and(eq(messages.tenantId, tenantId), eq(messages.id, row.messageId)))
  }
}
