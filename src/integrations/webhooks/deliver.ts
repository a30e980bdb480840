// The chain job: sends one report's pending deliveries to one subscription, oldest first, and
// stops at the first failure (the queue retries the job with backoff), so event n+1 of a report
// never reaches a subscriber before event n was accepted (2xx). Every attempt is logged on its
// delivery row. After the last retry the delivery is 'dead' and blocks its chain until an admin
// redelivers it. A sweep re-enqueues chains whose job ended just as a new event arrived.
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { AppContext } from '../../context.ts'
import { webhookDeliveries, webhookSubscriptions } from '../../db/schema/index.ts'
import type { Job } from '../../jobs/queue.ts'
import { enqueueChain } from './enqueue.ts'
import { signatureHeader } from './signature.ts'

const TIMEOUT_MS = 10_000

export interface AttemptResult {
  ok: boolean
  status: number | null
  error: string | null
  ms: number
}

export async function postDelivery(
  url: string,
  secret: string,
  d: { id: number; eventType: string; payload: unknown },
  now: Date,
): Promise<AttemptResult> {
  const body = JSON.stringify(d.payload)
  const key = (d.payload as { id?: string }).id ?? String(d.id)
  const started = Date.now()
  try {
    const res = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'aduan-webhooks/1',
        'x-aduan-event': `report.${d.eventType}`,
        'x-aduan-delivery': String(d.id),
        'idempotency-key': key,
        'x-aduan-signature': signatureHeader(secret, body, now),
      },
      body,
    })
    await res.body?.cancel().catch(() => {})
    const ok = res.status >= 200 && res.status < 300
    return { ok, status: res.status, error: ok ? null : `HTTP ${res.status}`, ms: Date.now() - started }
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } }
    return { ok: false, status: null, error: (e.cause?.code ?? e.name ?? 'error').slice(0, 100), ms: Date.now() - started }
  }
}

export const deliverChainHandler = (ctx: AppContext) => async (job: Job) => {
  const tenantId = job.tenantId!
  const { subscriptionId, reportId } = job.payload as { subscriptionId: string; reportId: string }
  const db = ctx.db
  const [sub] = await db
    .select()
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.tenantId, tenantId), eq(webhookSubscriptions.id, subscriptionId)))
  if (!sub || sub.active !== 'true') return
  const secret = ctx.sealer.open(sub.secret)
  for (;;) {
    const [d] = await db
      .select()
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.tenantId, tenantId),
          eq(webhookDeliveries.subscriptionId, subscriptionId),
          eq(webhookDeliveries.reportId, reportId),
          inArray(webhookDeliveries.status, ['queued', 'failed', 'dead']),
        ),
      )
      .orderBy(asc(webhookDeliveries.id))
      .limit(1)
    if (!d || d.status === 'dead') return // nothing to send, or blocked until redelivered
    const now = ctx.clock.now()
    // The signature's timestamp is the wall clock of the transmission: subscribers compare it
    // with their own clock to refuse replays.
    const r = await postDelivery(sub.url, secret, d, new Date())
    const last = !r.ok && job.attempts >= job.maxAttempts
    const entry = { at: now.toISOString(), status: r.status, error: r.error, ms: r.ms }
    await db
      .update(webhookDeliveries)
      .set({
        status: r.ok ? 'delivered' : last ? 'dead' : 'failed',
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        responseStatus: r.status,
        lastError: r.error,
        attemptLog: sql`${webhookDeliveries.attemptLog} || ${JSON.stringify([entry])}::jsonb`,
        deliveredAt: r.ok ? now : null,
      })
      .where(and(eq(webhookDeliveries.tenantId, tenantId), eq(webhookDeliveries.id, d.id)))
    if (last) return
    if (!r.ok) throw new Error(`webhook delivery ${d.id} failed: ${r.error}`)
  }
}

/** Chains with pending deliveries and no live job get one (the singleton key dedupes). */
export const sweepHandler = (ctx: AppContext) => async () => {
  const rows = await ctx.database.query<{ tenant_id: string; subscription_id: string; report_id: string }>(
    `select distinct d.tenant_id, d.subscription_id, d.report_id from webhook_deliveries d
       join webhook_subscriptions s on s.tenant_id = d.tenant_id and s.id = d.subscription_id and s.active = 'true'
      where d.status = 'queued' and d.report_id is not null
      limit 500`,
  )
  for (const r of rows) await enqueueChain(ctx.db, r.tenant_id, r.subscription_id, r.report_id)
}
