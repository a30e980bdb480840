// The 'inbound' job: stored webhook events -> contact (by channel identity), conversation,
// message, and a report with a tracking code (or the reporter's open report), then the
// acknowledgement through the outbox. Idempotent: the event row is marked processed in the same
// transaction (a second run finds it processed), and the message's unique external id backs that.
// One job or a batch of them: the same set-based path (messages.ts), one transaction.
import { sql } from 'drizzle-orm'
import type { DeliveryStatusEvent, InboundMessageEvent } from '../channels/contract.ts'
import type { AppContext } from '../context.ts'
import type { Db } from '../db/connect.ts'
import { applyDeliveryStatus } from '../delivery/outbox.ts'
import type { BatchJobHandler, Job } from '../jobs/queue.ts'
import type { ChannelType } from '../reports/model.ts'
import { recordInboundFailure } from './dead-letters.ts'
import { processMessages, rows, type MessageInput } from './messages.ts'

/** Inbound events processed in one transaction by one worker (see BatchJobHandler). */
export const INBOUND_BATCH = 200

type StoredEvent = (InboundMessageEvent | DeliveryStatusEvent) & { channelType?: ChannelType }

export interface InboundInput {
  tenantId: string
  inboundEventId: number
  channelAccountId: string
  event: StoredEvent
  attempts: number
}

const jobInput = (job: Job): InboundInput => ({
  tenantId: job.tenantId!,
  inboundEventId: Number(job.payload.inboundEventId),
  channelAccountId: job.payload.channelAccountId as string,
  event: job.payload.event as unknown as StoredEvent,
  attempts: job.attempts,
})

export function inboundHandler(ctx: AppContext): BatchJobHandler {
  const one = async (job: Job) => {
    const i = jobInput(job)
    try {
      await ctx.db.transaction((tx) => processInboundEvents(tx, ctx, [i]))
    } catch (err) {
      // Visible to operators: attempts and the (sanitised) error; after the last attempt, dead.
      await recordInboundFailure(ctx.db, i.tenantId, i.inboundEventId, job.attempts, err, job.attempts >= job.maxAttempts)
      throw err
    }
  }
  // Many events, one transaction, a fixed number of statements. If any fails, the queue rolls the
  // whole batch back and runs each job through `one`, so a bad event fails alone.
  return Object.assign(one, {
    batch: {
      size: INBOUND_BATCH,
      run: (jobs: Job[]) => ctx.db.transaction((tx) => processInboundEvents(tx, ctx, jobs.map(jobInput))),
    },
  })
}

/** Processes stored inbound events in `tx` (in their order); those already processed are skipped. */
export async function processInboundEvents(tx: Db, ctx: AppContext, inputs: readonly InboundInput[]): Promise<void> {
  if (inputs.length === 0) return
  const now = ctx.clock.now()
  // Marks them processed first (the row locks; rolled back with everything if processing fails):
  // a row not returned was processed by another run.
  const claimed = await rows<{ id: string | number; channel_type: ChannelType }>(
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
