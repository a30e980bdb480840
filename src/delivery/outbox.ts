// The outbox: a message to send is a row in outbound_messages plus an 'outbox' job, both written
// in the caller's transaction. The job sends through the channel adapter, records the provider id,
// retries what the adapter marks retryable (the job's backoff) and marks the rest failed.
// Notifications (src/notifications) add two things: a `notice` that puts the outcome on the
// report's timeline (an internal 'notified' / 'notify_failed' event), and `fallbacks`: where a
// channel cannot reach the person any more (permanent failure, retries exhausted), the next one
// (SMS, e-mail) is queued.
import crypto from 'node:crypto'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { loadChannelConfig } from '../channels/accounts.ts'
import type { ChannelConfig, OutboundMessage } from '../channels/contract.ts'
import { getAdapter } from '../channels/registry.ts'
import { leanFetch } from './http-fetch.ts'
import type { AppContext } from '../context.ts'
import { rowsOf, type Db } from '../db/connect.ts'
import { messages, outboundMessages, reportEvents } from '../db/schema/index.ts'
import { JOBS_CHANNEL, PRIORITY, type BatchJobHandler, type BatchOutcome, type Job } from '../jobs/queue.ts'
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
  /** The thread message's time (default: the transaction's): intake passes the report's, so an acknowledgement sorts after it. */
  createdAt?: Date
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
  return (await queueMessages(tx, [input]))[0] ?? null
}


/**
 * Many messages in one round trip: the conversations' message rows (unless the key was queued
 * before), the outbox rows, their jobs and one NOTIFY that wakes a worker (sent at commit).
 * Returns each input's outbox id, or null where the key was already queued (also for a key
 * repeated within the inputs: the first one stands).
 */
export async function queueMessages(tx: Db, inputs: readonly QueueMessageInput[]): Promise<(string | null)[]> {
  if (inputs.length === 0) return []
  const seen = new Set<string>()
  const items = inputs.flatMap((input, i) => {
    const k = `${input.tenantId}\u0000${input.idempotencyKey}`
    if (seen.has(k)) return []
    seen.add(k)
    const payload = {
      ...input.message,
      ...(input.notice ? { notice: input.notice } : {}),
      ...(input.fallbacks?.length ? { fallbacks: input.fallbacks } : {}),
    }
    return [
      {
        i,
        tenant_id: input.tenantId,
        conversation_id: input.conversationId ?? null,
        report_id: input.reportId ?? null,
        author_user_id: input.authorUserId ?? null,
        body: input.message.text,
        kind: input.message.template ? 'template' : 'text',
        channel_account_id: input.channelAccountId,
        channel_type: input.channelType,
        is_public: input.message.isPublic ?? false,
        user_id: input.userId ?? null,
        recipient: input.recipient,
        payload,
        idempotency_key: input.idempotencyKey,
        message_id: crypto.randomUUID(),
        created_at: input.createdAt?.toISOString() ?? null,
      },
    ]
  })
  const res = await rowsOf<{ i: number; id: string | null; message_id: string | null }>(
    tx,
    sql`with v as (
      select * from jsonb_to_recordset(${JSON.stringify(items)}::jsonb) as v(i int, tenant_id uuid, conversation_id uuid, report_id uuid,
        author_user_id uuid, body text, kind text, channel_account_id uuid, channel_type channel_type, is_public boolean, user_id uuid,
        recipient text, payload jsonb, idempotency_key text, message_id uuid, created_at timestamptz)),
    m as (
      insert into messages (id, tenant_id, conversation_id, report_id, direction, author_user_id, body, kind, channel_account_id, is_public, status, created_at)
      select v.message_id, v.tenant_id, v.conversation_id, v.report_id, 'out', v.author_user_id, v.body, v.kind, v.channel_account_id, v.is_public, 'queued',
        coalesce(v.created_at, now())
      from v
      where v.conversation_id is not null
        and not exists (select 1 from outbound_messages x where x.tenant_id = v.tenant_id and x.idempotency_key = v.idempotency_key)
      returning id),
    o as (
      insert into outbound_messages (tenant_id, channel_account_id, channel_type, conversation_id, message_id, report_id, user_id, recipient, payload, idempotency_key)
      select v.tenant_id, v.channel_account_id, v.channel_type, v.conversation_id, (select m.id from m where m.id = v.message_id), v.report_id,
        v.user_id, v.recipient, v.payload, v.idempotency_key
      from v order by v.i
      on conflict do nothing
      returning id, tenant_id, idempotency_key),
    oc as (
      select o.tenant_id, o.id, (row_number() over (partition by o.tenant_id order by o.id) - 1) / ${OUTBOX_MESSAGES_PER_JOB}::int as chunk from o),
    j as (
      insert into jobs (queue, tenant_id, priority, payload)
      select ${OUTBOX_QUEUE}, oc.tenant_id, ${PRIORITY.outbox}::int,
        case when count(*) = 1 then jsonb_build_object('outboundId', min(oc.id::text)) else jsonb_build_object('outboundIds', jsonb_agg(oc.id order by oc.id)) end
      from oc group by oc.tenant_id, oc.chunk
      returning id),
    n as (select pg_notify(${JOBS_CHANNEL}, ${OUTBOX_QUEUE}) where exists (select 1 from j))
    select v.i, o.id, m.id as message_id, (select count(*) from n)::int as notified
    from v left join o on o.tenant_id = v.tenant_id and o.idempotency_key = v.idempotency_key left join m on m.id = v.message_id`,
  )
  // Two callers raced for a key: the other's outbox row stands; drop our message row.
  const orphans = res.filter((r) => !r.id && r.message_id)
  for (const r of orphans) {
    const input = inputs[r.i]!
    await tx.delete(messages).where(and(eq(messages.tenantId, input.tenantId), eq(messages.id, r.message_id!)))
  }
  const out: (string | null)[] = inputs.map(() => null)
  for (const r of res) out[r.i] = r.id ?? null
  return out
}

/**
 * Messages queued in one statement share an outbox job, up to this many (payload `{ outboundIds }`;
 * one message: `{ outboundId }`): a job row per acknowledgement was three tuple versions and about
 * eight index entries. The job is settled as a whole: sent messages stay sent, a retry sends only
 * those still queued.
 */
export const OUTBOX_MESSAGES_PER_JOB = 10
/** Outbox jobs one worker takes at once (see BatchJobHandler). */
export const OUTBOX_BATCH = 40
/** Sends in flight at once per batch (keep-alive connections to each provider are reused). */
export const OUTBOX_PARALLEL = 32

export function outboxHandler(ctx: AppContext): BatchJobHandler {
  // One job is a batch of one: one code path for the single and the batched run.
  const one = async (job: Job) => {
    const { failed } = await sendBatch(ctx, [job])
    if (failed.length > 0) throw failed[0]!.error
  }
  return Object.assign(one, { batch: { size: OUTBOX_BATCH, run: (jobs: Job[]) => sendBatch(ctx, jobs) } })
}

/**
 * Sends outbox jobs: the rows in one query, each account's config read once, the sends in
 * parallel (at most OUTBOX_PARALLEL; one recipient's messages in order), the successes recorded
 * in two statements. Every job is settled here: sent, failed for good (markFailed: the fallback
 * channel is queued), or returned as failed so that the queue retries it after its backoff (a
 * retryable provider error, and the same recipient's later messages, which wait behind it).
 */
async function sendBatch(ctx: AppContext, jobs: Job[]): Promise<BatchOutcome> {
  const byId = new Map(jobs.flatMap((j) => ((j.payload.outboundIds as string[] | undefined) ?? [j.payload.outboundId as string]).map((id) => [id, j] as const)))
  const rows = await ctx.db
    .select()
    .from(outboundMessages)
    .where(and(inArray(outboundMessages.id, [...byId.keys()]), eq(outboundMessages.status, 'queued')))
  const groups = new Map<string, OutboundRow[]>()
  for (const r of rows) {
    if (r.tenantId !== byId.get(r.id)?.tenantId || !r.channelAccountId) continue
    const k = `${r.channelAccountId}\u0000${r.recipient}`
    groups.set(k, [...(groups.get(k) ?? []), r])
  }
  const configs = new Map<string, Promise<ChannelConfig | null>>()
  const configOf = (r: OutboundRow) => {
    const k = `${r.tenantId}\u0000${r.channelAccountId}`
    if (!configs.has(k)) configs.set(k, loadChannelConfig(ctx, r.tenantId, r.channelAccountId!))
    return configs.get(k)!
  }
  // each account's config is validated once per batch, not per message (zod was ~4% of the worker)
  const parsed = new Map<ChannelConfig, unknown>()
  const parsedOf = <C>(adapter: { parseConfig(input: unknown): C }, config: ChannelConfig): C => {
    if (!parsed.has(config)) parsed.set(config, adapter.parseConfig(config))
    return parsed.get(config) as C
  }
  const sent: { row: OutboundRow; providerMessageId: string; attempts: number }[] = []
  const failed: BatchOutcome['failed'] = []
  const permanent: { row: OutboundRow; error: string; attempts: number }[] = []
  const sendGroup = async (list: OutboundRow[]) => {
    for (const [k, row] of list.entries()) {
      const job = byId.get(row.id)!
      const adapter = getAdapter(row.channelType)
      const config = await configOf(row)
      if (!adapter || !config) {
        permanent.push({ row, error: 'no adapter or channel account', attempts: job.attempts })
        continue
      }
      const { notice: _n, fallbacks: _f, ...payload } = row.payload as StoredPayload
      // A retryable failure: the queue retries it after its backoff, and this recipient's later
      // messages wait behind it (their order matters).
      const retry = (error: unknown) => {
        failed.push({ job, error })
        for (const later of list.slice(k + 1)) failed.push({ job: byId.get(later.id)!, error: new Error('waiting behind an earlier message to the same recipient') })
      }
      let result: Awaited<ReturnType<typeof adapter.send>>
      try {
        result = await adapter.send({ ...payload, to: row.recipient, idempotencyKey: row.idempotencyKey }, { config: parsedOf(adapter, config), fetch: leanFetch })
      } catch (error) {
        return retry(error)
      }
      if (result.ok) {
        sent.push({ row, providerMessageId: result.providerMessageId, attempts: job.attempts })
        continue
      }
      if (result.retryable && job.attempts < job.maxAttempts) {
        await ctx.db
          .update(outboundMessages)
          .set({ attempts: job.attempts, lastError: result.error.slice(0, 1000) })
          .where(and(eq(outboundMessages.tenantId, row.tenantId), eq(outboundMessages.id, row.id)))
        return retry(new Error(`send failed (retryable): ${result.error}`))
      }
      permanent.push({ row, error: result.error, attempts: job.attempts })
    }
  }
  const queue = [...groups.values()]
  await Promise.all(
    Array.from({ length: Math.min(OUTBOX_PARALLEL, queue.length) }, async () => {
      for (let list = queue.shift(); list; list = queue.shift()) await sendGroup(list)
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
  for (const p of permanent) await markFailed(ctx, p.row, p.error, p.attempts)
  // A job of several messages fails once (its first error), and is retried for those still queued.
  const seenJobs = new Set<number>()
  return { failed: failed.filter((f) => (seenJobs.has(f.job.id) ? false : (seenJobs.add(f.job.id), true))) }
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
