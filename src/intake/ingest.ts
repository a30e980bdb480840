// The durable half of a webhook: everything a verified request carries is stored as
// inbound_events rows (one per normalised event, unique on the provider's event id so provider
// retries never duplicate) and an 'inbound' job is enqueued per new row, in ONE transaction.
// The route answers 200 only after this commits.
import { createHash } from 'node:crypto'
import type { ChannelAdapter, ChannelConfig, NormalisedEvent, WebhookRequest } from '../channels/contract.ts'
import type { Db } from '../db/connect.ts'
import { inboundEvents } from '../db/schema/index.ts'
import { enqueue, PRIORITY } from '../jobs/queue.ts'
import type { ChannelType } from '../reports/model.ts'

export const INBOUND_QUEUE = 'inbound'

/** Headers worth keeping with the raw body (never cookies or authorisation). */
const DROP_HEADERS = new Set(['cookie', 'authorization', 'proxy-authorization'])

export function keptHeaders(headers: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(headers)) if (v !== undefined && !DROP_HEADERS.has(k)) out[k] = v
  return out
}

export const bodyDigestId = (raw: Buffer) => `sha256:${createHash('sha256').update(raw).digest('hex')}`

export interface IngestAccount {
  tenantId: string
  id: string
  type: ChannelType
}

export interface IngestResult {
  /** Normalised events the payload carried. */
  events: number
  /** Rows newly stored (the rest were already there: a provider retry). */
  stored: number
  /** True when the payload verified but could not be parsed and was stored as failed. */
  unparsable: boolean
}

/** Parses with the adapter (async where it has parseAsync). */
export async function parseWebhook(adapter: ChannelAdapter, req: WebhookRequest, config: ChannelConfig) {
  return adapter.parseAsync ? await adapter.parseAsync(req, config) : adapter.parse(req, config)
}

/** Serialisable form of a normalised event for a job payload (Dates as ISO strings). */
export function eventToJson(e: NormalisedEvent): Record<string, unknown> {
  return JSON.parse(JSON.stringify(e)) as Record<string, unknown>
}

/**
 * Stores a verified webhook. `db` must be the root database handle: this opens the transaction.
 */
export async function ingestWebhook(
  db: Db,
  account: IngestAccount,
  adapter: ChannelAdapter,
  req: WebhookRequest,
  config: ChannelConfig,
): Promise<IngestResult> {
  const headers = keptHeaders(req.headers)
  const body = req.rawBody.toString('utf8')
  let events: NormalisedEvent[]
  let parseError: string | null = null
  try {
    events = await parseWebhook(adapter, req, config)
  } catch (err) {
    events = []
    parseError = (err as Error).message || String(err)
  }

  if (parseError !== null) {
    await db
      .insert(inboundEvents)
      .values({
        tenantId: account.tenantId,
        channelAccountId: account.id,
        channelType: account.type,
        providerEventId: bodyDigestId(req.rawBody),
        headers,
        body,
        status: 'failed',
        lastError: `parse: ${parseError}`.slice(0, 2000),
      })
      .onConflictDoNothing()
    return { events: 0, stored: 0, unparsable: true }
  }
  if (events.length === 0) return { events: 0, stored: 0, unparsable: false }

  // One id may occur twice in one payload (Meta batches); keep the first.
  const seen = new Set<string>()
  const unique = events.filter((e) => (seen.has(e.providerEventId) ? false : (seen.add(e.providerEventId), true)))

  const stored = await db.transaction(async (tx) => {
    const rows = await tx
      .insert(inboundEvents)
      .values(
        unique.map((e) => ({
          tenantId: account.tenantId,
          channelAccountId: account.id,
          channelType: (e.type === 'message' && e.channelType) || account.type,
          providerEventId: e.providerEventId,
          headers,
          body,
        })),
      )
      .onConflictDoNothing({
        target: [inboundEvents.tenantId, inboundEvents.channelAccountId, inboundEvents.providerEventId],
      })
      .returning({ id: inboundEvents.id, providerEventId: inboundEvents.providerEventId })
    const byId = new Map(unique.map((e) => [e.providerEventId, e]))
    for (const r of rows) {
      await enqueue(tx as unknown as Db, {
        queue: INBOUND_QUEUE,
        priority: PRIORITY.inbound,
        tenantId: account.tenantId,
        payload: {
          inboundEventId: r.id,
          channelAccountId: account.id,
          providerEventId: r.providerEventId,
          event: eventToJson(byId.get(r.providerEventId)!),
        },
      })
    }
    return rows.length
  })
  return { events: unique.length, stored, unparsable: false }
}
