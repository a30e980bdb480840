// Orphaned inbound events: a row still 'pending' with no live 'inbound' job (its job row was lost
// or removed, e.g. a database restored from before the job, or jobs purged by hand) would wait
// forever. The 'inbound-backfill' job, run when the workers start and every few minutes, parses
// each such row's stored body again and queues it (as a dead-letter replay does). Processing is
// exactly-once in effect (the row's status and the message's unique provider id), so a backfill
// that races a job that was about to run costs nothing.
import { sql } from 'drizzle-orm'
import { loadAccountForWebhookCached } from '../channels/accounts.ts'
import type { WebhookRequest } from '../channels/contract.ts'
import { getAdapter } from '../channels/registry.ts'
import type { AppContext } from '../context.ts'
import { enqueue, PRIORITY } from '../jobs/queue.ts'
import { eventToJson, INBOUND_QUEUE, parseWebhook } from './ingest.ts'
import { rowsOf } from '../db/connect.ts'

export const INBOUND_BACKFILL_QUEUE = 'inbound-backfill'
export const INBOUND_BACKFILL_EVERY_MS = 5 * 60_000

// The first pass in a process reads every pending row; later passes only the last day's
// (through inbound_events_received_idx: no index reads status, 0023), so a periodic pass costs
// the same however many events the table holds. An orphan older than a day is found at the
// next start.
let sweptAll = false

/**
 * Queues every orphaned pending event (oldest first, at most `limit`); returns how many. `window`:
 * 'all' reads every pending row, 'day' the last day's; by default the first pass is 'all'.
 */
export async function requeueOrphanedInbound(ctx: Pick<AppContext, 'db' | 'sealer'>, limit = 1000, window: 'all' | 'day' = sweptAll ? 'day' : 'all'): Promise<number> {
  const orphans = await rowsOf<{ tenant_id: string; id: string | number; channel_account_id: string; provider_event_id: string; headers: Record<string, string>; body: string }>(
    ctx.db,
    sql`select e.tenant_id, e.id, e.channel_account_id, e.provider_event_id, e.headers, e.body from inbound_events e
      where e.status = 'pending' and e.received_at < now() - interval '1 minute'
        ${window === 'day' ? sql`and e.received_at > now() - interval '1 day'` : sql``}
        and not exists (select 1 from jobs j where j.queue = ${INBOUND_QUEUE} and j.status in ('queued', 'running', 'failed')
          and (j.payload->>'inboundEventId' = e.id::text or j.payload->'events' @> jsonb_build_array(jsonb_build_object('inboundEventId', e.id))))
      order by e.id limit ${limit}`,
  )
  if (window === 'all' && orphans.length < limit) sweptAll = true
  let queued = 0
  for (const o of orphans) {
    const found = await loadAccountForWebhookCached(ctx, o.channel_account_id)
    const adapter = found && getAdapter(found.account.type)
    if (!found || !adapter || found.account.tenantId !== o.tenant_id) continue
    const req: WebhookRequest = { method: 'POST', headers: o.headers, query: {}, rawBody: Buffer.from(o.body, 'utf8') }
    const own = (await parseWebhook(adapter, req, found.config).catch(() => [])).find((e) => e.providerEventId === o.provider_event_id)
    if (!own) continue
    const id = await enqueue(ctx.db, {
      queue: INBOUND_QUEUE,
      priority: PRIORITY.inbound,
      tenantId: o.tenant_id,
      singletonKey: `inbound-backfill:${o.tenant_id}:${o.id}`,
      payload: { inboundEventId: Number(o.id), channelAccountId: o.channel_account_id, providerEventId: o.provider_event_id, event: eventToJson(own) },
    })
    if (id !== null) queued++
  }
  return queued
}
