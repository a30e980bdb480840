// The outbox: a message to send is a row in outbound_messages plus an 'outbox' job, both written
// in the caller's transaction. The job sends through the channel adapter, records the provider id,
// retries what the adapter marks retryable (the job's backoff) and marks the rest failed.
// Notifications (src/notifications) add two things: a `notice` that puts the outcome on the
// report's timeline (an internal 'notified' / 'notify_failed' event), and `fallbacks`: where a
// channel cannot reach the person any more (permanent failure, retries exhausted), the next one
// (SMS, e-mail) is queued.
import { and, eq, inArray, sql } from 'drizzle-orm'
import { loadAccountForWebhookCached, loadChannelConfig } from '../channels/accounts.ts'
import type { OutboundMessage } from '../channels/contract.ts'
import { getAdapter } from '../channels/registry.ts'
import type { AppContext } from '../context.ts'
import type { Db } from '../db/connect.ts'
import { messages, outboundMessages, reportEvents } from '../db/schema/index.ts'
import { JOBS_CHANNEL, PRIORITY, type BatchJobHandler, type Job } from '../jobs/queue.ts'
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
  // One round trip: the conversation's message (unless the key was queued before), the outbox
  // row, its job and the NOTIFY that wakes a worker (sent at commit).
  const payload = {
    ...input.message,
    ...(input.notice ? { notice: input.notice } : {}),
    ...(input.fallbacks?.length ? { fallbacks: input.fallbacks } : {}),
  }
  const t = sql`${input.tenantId}::uuid`
  const conv = sql`${input.conversationId ?? null}::uuid`
  const res = (await tx.execute(sql`with m as (
      insert into messages (tenant_id, conversation_id, report_id, direction, author_user_id, body, kind, channel_account_id, is_public, status)
      select ${t}, ${conv}, ${input.reportId ?? null}::uuid, 'out', ${input.authorUserId ?? null}::uuid, ${input.message.text}::text,
        ${input.message.template ? 'template' : 'text'}::text, ${input.channelAccountId}::uuid, ${input.message.isPublic ?? false}::boolean, 'queued'
      where ${conv} is not null
        and not exists (select 1 from outbound_messages x where x.tenant_id = ${t} and x.idempotency_key = ${input.idempotencyKey})
      returning id),
    o as (
      insert into outbound_messages (tenant_id, channel_account_id, channel_type, conversation_id, message_id, report_id, user_id, recipient, payload, idempotency_key)
      values (${t}, ${input.channelAccountId}::uuid, ${input.channelType}::channel_type, ${conv}, (select id from m), ${input.reportId ?? null}::uuid,
        ${input.userId ?? null}::uuid, ${input.recipient}, ${JSON.stringify(payload)}::jsonb, ${input.idempotencyKey})
      on conflict do nothing
      returning id),
    j as (
      insert into jobs (queue, tenant_id, priority, payload)
      select ${OUTBOX_QUEUE}, ${t}, ${PRIORITY.outbox}::int, jsonb_build_object('outboundId', o.id) from o
      returning id),
    n as (select pg_notify(${JOBS_CHANNEL}, ${OUTBOX_QUEUE}) from j)
    select (select id from o) as id, (select id from m) as message_id, (select count(*) from n)::int as notified`)) as unknown as
    | { rows?: { id: string | null; message_id: string | null }[] }
    | { id: string | null; message_id: string | null }[]
  const [r] = Array.isArray(res) ? res : (res.rows ?? [])
  // Two callers raced for the key: the other's outbox row stands; drop our message row.
  if (!r?.id && r?.message_id) await tx.delete(messages).where(and(eq(messages.tenantId, input.tenantId), eq(messages.id, r.message_id)))
  return r?.id ?? null
}

/** Outbox jobs one worker takes at once (see BatchJobHandler). */
export const OUTBOX_BATCH = 20

export function outboxHandler(ctx: AppContext): BatchJobHandler {
  return Object.assign(sendOne(ctx), { batch: { size: OUTBOX_BATCH, run: (jobs: Job[]) => sendBatch(ctx, jobs) } })
}

/**
 * Many sends at once: the rows in one query, the configs from the account cache, the sends in
 * parallel (one recipient's messages in order), the successes recorded in two statements. If any
 * send failed, the successes are recorded first and then the batch throws: the queue runs each job
 * alone, which skips those already sent (no longer 'queued') and retries or fails the rest with
 * the usual per-job accounting.
 */
async function sendBatch(ctx: AppContext, jobs: Job[]): Promise<void> {
  const byId = new Map(jobs.map((j) => [j.payload.outboundId as string, j]))
  const rows = await ctx.db
    .select()
    .from(outboundMessages)
    .where(and(inArray(outboundMessages.id, [...byId.keys()]), eq(outboundMessages.status, 'queued')))
  const groups = new Map<string, OutboundRow[]>()
  for (const r of rows) {
    if (r.tenantId !== byId.get(r.id)?.tenantId) continue
    const k = `${r.channelAccountId}\u0000${r.recipient}`
    groups.set(k, [...(groups.get(k) ?? []), r])
  }
  const sent: { row: OutboundRow; providerMessageId: string; attempts: number }[] = []
  let failed = 0
  await Promise.all(
    [...groups.values()].map(async (list) => {
      for (const row of list) {
        const found = row.channelAccountId ? await loadAccountForWebhookCached(ctx, row.channelAccountId) : null
        const adapter = getAdapter(row.channelType)
        if (!adapter || !found || found.account.tenantId !== row.tenantId) {
          failed++
          return // the single path marks it failed
        }
        const { notice: _n, fallbacks: _f, ...payload } = row.payload as StoredPayload
        const result = await adapter
          .send({ ...payload, to: row.recipient, idempotencyKey: row.idempotencyKey }, { config: adapter.parseConfig(found.config) })
          .catch((e: unknown) => ({ ok: false as const, error: String(e) }))
        if (!result.ok) {
          failed++
          return // keep this recipient's later messages behind the failed one
        }
        sent.push({ row, providerMessageId: result.providerMessageId, attempts: byId.get(row.id)!.attempts })
      }
    }),
  )
  if (sent.length > 0) {
    const now = ctx.clock.now()
    await ctx.db.transaction(async (tx) => {
      const values = sql.join(
        sent.map((s) => sql`(${s.row.tenantId}::uuid, ${s.row.id}::uuid, ${s.providerMessageId}, ${s.attempts}::int, ${s.row.messageId}::uuid)`),
        sql`, `,
      )
      await tx.execute(sql`update outbound_messages o set status = 'sent', provider_message_id = v.pid, sent_at = ${now.toISOString()}::timestamptz, attempts = v.attempts
        from (values ${values}) as v(tenant_id, id, pid, attempts, message_id)
        where o.tenant_id = v.tenant_id and o.id = v.id`)
      await tx.execute(sql`update messages m set status = 'sent', external_id = v.pid
        from (values ${values}) as v(tenant_id, id, pid, attempts, message_id)
        where v.message_id is not null and m.tenant_id = v.tenant_id and m.id = v.message_id`)
      for (const s of sent) await recordNotice(ctx, s.row, 'notified', { template: Boolean((s.row.payload as StoredPayload).template), attempts: s.attempts }, tx)
    })
  }
  if (failed > 0) throw new Error(`${failed} of ${jobs.length} sends failed; retrying them one by one`)
}

function sendOne(ctx: AppContext) {
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
