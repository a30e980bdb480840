// The 'inbound' job: stored webhook events -> contact (by channel identity), conversation,
// message, and a report with a tracking code (or the reporter's open report), then the
// acknowledgement through the outbox. Idempotent: the event row is marked processed in the same
// transaction (a second run finds it processed), and the message's unique external id backs that.
// A job carries the events of one group commit (up to INBOUND_EVENTS_PER_JOB); one job or a batch
// of them: the same set-based path (messages.ts), one transaction.
import { sql } from 'drizzle-orm'
import type { DeliveryStatusEvent, InboundMessageEvent } from '../channels/contract.ts'
import type { AppContext } from '../context.ts'
import { rowsOf, type Db } from '../db/connect.ts'
import { applyDeliveryStatus } from '../delivery/outbox.ts'
import type { BatchJobHandler, Job } from '../jobs/queue.ts'
import type { ChannelType } from '../reports/model.ts'
import { recordInboundFailure } from './dead-letters.ts'
import { INBOUND_EVENTS_PER_JOB } from './ingest.ts'
import { processMessages, type MessageInput } from './messages.ts'

/** Most inbound events processed in one transaction by one worker. */
export const INBOUND_BATCH = 200
/** Inbound jobs one worker takes at once (see BatchJobHandler): each carries up to INBOUND_EVENTS_PER_JOB events. */
export const INBOUND_JOBS_PER_BATCH = Math.max(1, Math.floor(INBOUND_BATCH / INBOUND_EVENTS_PER_JOB))

type StoredEvent = (InboundMessageEvent | DeliveryStatusEvent) & { channelType?: ChannelType }

export interface InboundInput {
  tenantId: string
  inboundEventId: number
  channelAccountId: string
  event: StoredEvent
  attempts: number
}

type JobEvent = { inboundEventId: unknown; channelAccountId: unknown; event: unknown }

/**
 * The events of an 'inbound' job: `{ events: [...] }` from the group commit (ingest.ts), or one
 * event's fields at the top level (a dead-letter replay, the backfill). Each event's attempts are
 * its job's.
 */
export const jobInputs = (job: Job): InboundInput[] =>
  (Array.isArray(job.payload.events) ? (job.payload.events as JobEvent[]) : [job.payload as JobEvent]).map((e) => ({
    tenantId: job.tenantId!,
    inboundEventId: Number(e.inboundEventId),
    channelAccountId: e.channelAccountId as string,
    event: e.event as StoredEvent,
    attempts: job.attempts,
  }))

export function inboundHandler(ctx: AppContext): BatchJobHandler {
  const alone = async (job: Job, i: InboundInput) => {
    try {
      await ctx.db.transaction((tx) => processInboundEvents(tx, ctx, [i]))
    } catch (err) {
      // Visible to operators: attempts and the (sanitised) error; after the last attempt, dead.
      await recordInboundFailure(ctx.db, i.tenantId, i.inboundEventId, job.attempts, err, job.attempts >= job.maxAttempts)
      throw err
    }
  }
  // One job: its events in one transaction; if that fails, each event in its own, so a bad event
  // fails alone: the others are processed now, and the job is retried (after its backoff) for the
  // failed ones only (a retry skips the events already processed).
  const one = async (job: Job) => {
    const inputs = jobInputs(job)
    if (inputs.length === 1) return alone(job, inputs[0]!)
    try {
      await ctx.db.transaction((tx) => processInboundEvents(tx, ctx, inputs))
      return
    } catch {
      // nothing of the job committed: each event alone
    }
    let first: unknown
    for (const i of inputs) {
      try {
        await alone(job, i)
      } catch (err) {
        first ??= err
      }
    }
    if (first !== undefined) throw first
  }
  // Many jobs, one transaction, a fixed number of statements. If any fails, the queue rolls the
  // whole batch back and runs each job through `one`.
  return Object.assign(one, {
    batch: {
      size: INBOUND_JOBS_PER_BATCH,
      run: (jobs: Job[]) => ctx.db.transaction((tx) => processInboundEvents(tx, ctx, jobs.flatMap(jobInputs))),
    },
  })
}

/** Processes stored inbound events in `tx` (in their order); those already processed are skipped. */
export async function processInboundEvents(tx: Db, ctx: AppContext, inputs: readonly InboundInput[]): Promise<void> {
  if (inputs.length === 0) return
  const now = ctx.clock.now()
  // Marks them processed first (the row locks; rolled back with everything if processing fails):
  // a row not returned was processed by another run.
  const claimed = await rowsOf<{ id: string | number; channel_type: ChannelType }>(
    tx,
    sql`update inbound_events e set status = 'processed', processed_at = ${now.toISOString()}::timestamptz, attempts = v.attempts, last_error = null
      from jsonb_to_recordset(${JSON.stringify(inputs.map((i) => ({ tenant_id: i.tenantId, id: i.inboundEventId, attempts: i.attempts })))}::jsonb)
        as v(tenant_id uuid, id bigint, attempts int)
      where e.tenant_id = v.tenant_id and e.id = v.id and e.status <> 'processed'
      returning e.id, e.channel_type`,
  )
  const channelOf = new Map(claimed.map((r) => [Number(r.id), r.channel_type]))
  const batch: MessageInput[] = []
  for (const i of inputs) {
    const channelType = channelOf.get(i.inboundEventId)
    if (channelType === undefined) continue
    channelOf.delete(i.inboundEventId) // the same event twice in one batch: once
    if (i.event.type === 'status') {
      await applyDeliveryStatus(tx, i.tenantId, i.event.providerMessageId, i.event.status, new Date(i.event.at))
    } else {
      batch.push({ ctx, tenantId: i.tenantId, channelAccountId: i.channelAccountId, channelType, event: i.event, now })
    }
  }
  await processMessages(tx, batch)
}
