// Dead letters: an inbound event whose processing keeps failing ends in status 'dead' (after the
// job's last attempt), one that verified but could not be parsed in 'failed'. Operators list them
// (channel, received, attempts, error: never the payload), a super admin may read the raw payload,
// and a replay parses the stored body again and queues it: safe to repeat, because processing is
// exactly-once in effect (the row's status and the message's unique provider id).
import { and, desc, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm'
import { loadAccountForWebhook } from '../channels/accounts.ts'
import type { NormalisedEvent, WebhookRequest } from '../channels/contract.ts'
import { getAdapter } from '../channels/registry.ts'
import type { AppContext } from '../context.ts'
import type { Db } from '../db/connect.ts'
import { channelAccounts, inboundEvents } from '../db/schema/index.ts'
import { enqueue, errorText, PRIORITY } from '../jobs/queue.ts'
import { eventToJson, parseWebhook, storeRows, INBOUND_QUEUE } from './ingest.ts'

export const DEAD_STATUSES = ['dead', 'failed'] as const

/** After a failed attempt: remember the attempt and the error; the last attempt makes it dead. */
export async function recordInboundFailure(db: Db, tenantId: string, id: number, attempts: number, err: unknown, dead: boolean) {
  await db
    .update(inboundEvents)
    .set({ attempts, lastError: errorText(err), status: dead ? 'dead' : 'pending' })
    .where(and(eq(inboundEvents.tenantId, tenantId), eq(inboundEvents.id, id), sql`${inboundEvents.status} <> 'processed'`))
    .catch(() => {}) // the job's own retry bookkeeping still happens
}

export interface DeadLetterRow {
  id: number
  status: string
  channelType: string
  channelAccountId: string
  channelName: string | null
  receivedAt: Date
  attempts: number
  lastError: string | null
}

/** The list: no body, no headers, no provider ids (a WhatsApp id is the citizen's number). */
export async function listDeadLetters(
  db: Db,
  tenantId: string,
  opts: { channel?: string; before?: number; limit: number },
): Promise<DeadLetterRow[]> {
  // last_error is set on every dead or failed row: the partial index (0023) reads it
  const where = [eq(inboundEvents.tenantId, tenantId), isNotNull(inboundEvents.lastError), inArray(inboundEvents.status, [...DEAD_STATUSES])]
  if (opts.channel) where.push(sql`${inboundEvents.channelType} = ${opts.channel}`)
  if (opts.before) where.push(lt(inboundEvents.id, opts.before))
  return db
    .select({
      id: inboundEvents.id,
      status: inboundEvents.status,
      channelType: inboundEvents.channelType,
      channelAccountId: inboundEvents.channelAccountId,
      channelName: channelAccounts.name,
      receivedAt: inboundEvents.receivedAt,
      attempts: inboundEvents.attempts,
      lastError: inboundEvents.lastError,
    })
    .from(inboundEvents)
    .leftJoin(channelAccounts, and(eq(channelAccounts.tenantId, inboundEvents.tenantId), eq(channelAccounts.id, inboundEvents.channelAccountId)))
    .where(and(...where))
    .orderBy(desc(inboundEvents.id))
    .limit(opts.limit)
}

/** One event with its raw payload (super admins only: the route checks). */
export async function getInboundEvent(db: Db, tenantId: string, id: number) {
  const [row] = await db
    .select()
    .from(inboundEvents)
    .where(and(eq(inboundEvents.tenantId, tenantId), eq(inboundEvents.id, id)))
  return row ?? null
}

export type ReplayOutcome =
  | { outcome: 'queued'; status: string; events: number }
  | { outcome: 'already_processed' | 'already_queued'; status: string; events: 0 }
  | { outcome: 'unparsable'; status: string; events: 0; error: string }

/**
 * Replays one dead or failed event: parses the stored body again (an adapter fix applies) and
 * queues the event(s). A 'dead' row is re-queued itself; a 'failed' (unparsable) row's events are
 * stored as their own rows (provider ids unique, so never twice) and the row is marked processed.
 * Repeating a replay is a no-op: a processed row stays processed, a queued one is queued once.
 */
export async function replayInboundEvent(ctx: Pick<AppContext, 'db' | 'sealer'>, tenantId: string, id: number): Promise<ReplayOutcome | null> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(inboundEvents)
      .where(and(eq(inboundEvents.tenantId, tenantId), eq(inboundEvents.id, id)))
      .for('update')
    if (!row) return null
    if (row.status === 'processed') return { outcome: 'already_processed', status: row.status, events: 0 }
    if (row.status === 'pending') return { outcome: 'already_queued', status: row.status, events: 0 }
    const found = await loadAccountForWebhook({ db: tx, sealer: ctx.sealer }, row.channelAccountId)
    const adapter = found && getAdapter(found.account.type)
    if (!found || !adapter || found.account.tenantId !== tenantId) {
      return { outcome: 'unparsable', status: row.status, events: 0, error: 'channel account no longer exists' }
    }
    const req: WebhookRequest = { method: 'POST', headers: row.headers, query: {}, rawBody: Buffer.from(row.body, 'utf8') }
    let events: NormalisedEvent[]
    try {
      events = await parseWebhook(adapter, req, found.config)
    } catch (err) {
      const error = `parse: ${errorText(err)}`.slice(0, 2000)
      await tx.update(inboundEvents).set({ lastError: error }).where(and(eq(inboundEvents.tenantId, tenantId), eq(inboundEvents.id, id)))
      return { outcome: 'unparsable', status: row.status, events: 0, error }
    }
    const own = events.find((e) => e.providerEventId === row.providerEventId)
    if (own) {
      await enqueue(tx, {
        queue: INBOUND_QUEUE,
        priority: PRIORITY.inbound,
        tenantId,
        singletonKey: `inbound-replay:${tenantId}:${id}`,
        payload: { inboundEventId: id, channelAccountId: row.channelAccountId, providerEventId: row.providerEventId, event: eventToJson(own), replay: true },
      })
      await tx
        .update(inboundEvents)
        .set({ status: 'pending', attempts: 0 })
        .where(and(eq(inboundEvents.tenantId, tenantId), eq(inboundEvents.id, id)))
      return { outcome: 'queued', status: 'pending', events: 1 }
    }
    // A body stored as unparsable (keyed by its digest): its events become rows of their own.
    const stored = events.length === 0 ? new Set<string>() : await storeRows(
      tx,
      events.map((e) => ({
        tenantId,
        channelAccountId: row.channelAccountId,
        channelType: (e.type === 'message' && e.channelType) || found.account.type,
        providerEventId: e.providerEventId,
        headers: row.headers,
        body: row.body,
        status: 'pending' as const,
        lastError: null,
        event: e,
      })),
    )
    await tx
      .update(inboundEvents)
      .set({ status: 'processed', processedAt: new Date(), lastError: null })
      .where(and(eq(inboundEvents.tenantId, tenantId), eq(inboundEvents.id, id)))
    return { outcome: 'queued', status: 'processed', events: stored.size }
  })
}
