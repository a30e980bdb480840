// The report event hook: inside the transaction that writes report events, one delivery row per
// (active subscription that wants the event) and one chain job per (subscription, report). The
// chain job sends that report's deliveries in event order (see deliver.ts). Internal events
// (notes, drafts, reminders) are never delivered.
import { and, eq } from 'drizzle-orm'
import type { Db } from '../../db/connect.ts'
import { contacts, reports, tenants, webhookDeliveries, webhookSubscriptions } from '../../db/schema/index.ts'
import type { ReportEventBatch } from '../../reports/hooks.ts'
import { enqueue, PRIORITY } from '../../jobs/queue.ts'
import { buildPayload } from './payload.ts'

export const WEBHOOK_QUEUE = 'webhook-deliver'

/** Chain jobs retry with the queue's backoff (1 s doubling to 15 min): about four hours in all. */
export const CHAIN_MAX_ATTEMPTS = 25

export const chainKey = (subscriptionId: string, reportId: string) => `webhook:${subscriptionId}:${reportId}`

export async function enqueueChain(tx: Db, tenantId: string, subscriptionId: string, reportId: string) {
  await enqueue(tx, {
    queue: WEBHOOK_QUEUE,
    tenantId,
    payload: { subscriptionId, reportId },
    singletonKey: chainKey(subscriptionId, reportId),
    priority: PRIORITY.normal,
    maxAttempts: CHAIN_MAX_ATTEMPTS,
  })
}

const wants = (types: readonly string[], type: string) => types.includes('*') || types.includes(type)

export async function enqueueWebhookDeliveries(tx: Db, batch: ReportEventBatch): Promise<void> {
  const events = batch.events.filter((e) => !e.internal)
  if (events.length === 0) return
  const subs = await tx
    .select({ id: webhookSubscriptions.id, eventTypes: webhookSubscriptions.eventTypes })
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.tenantId, batch.tenantId), eq(webhookSubscriptions.active, 'true')))
  const targets = subs.filter((s) => events.some((e) => wants(s.eventTypes, e.type)))
  if (targets.length === 0) return
  const [row] = await tx
    .select({ report: reports, slug: tenants.slug, reporterName: contacts.name })
    .from(reports)
    .innerJoin(tenants, eq(tenants.id, reports.tenantId))
    .leftJoin(contacts, and(eq(contacts.tenantId, reports.tenantId), eq(contacts.id, reports.contactId)))
    .where(and(eq(reports.tenantId, batch.tenantId), eq(reports.id, batch.reportId)))
  if (!row) return
  for (const s of targets) {
    const mine = events.filter((e) => wants(s.eventTypes, e.type))
    if (mine.length === 0) continue
    await tx
      .insert(webhookDeliveries)
      .values(
        mine.map((e) => ({
          tenantId: batch.tenantId,
          subscriptionId: s.id,
          reportId: batch.reportId,
          eventId: String(e.id),
          eventType: e.type,
          payload: buildPayload(batch, e, row.report, row.slug, row.reporterName),
          createdAt: batch.now,
        })),
      )
      .onConflictDoNothing()
    await enqueueChain(tx, batch.tenantId, s.id, batch.reportId)
  }
}

/** Many reports' events (the batched intake): the subscriptions read once per tenant; a report no subscription wants costs nothing more. */
export async function enqueueWebhookDeliveriesMany(tx: Db, batches: readonly ReportEventBatch[]): Promise<void> {
  for (const tenantId of new Set(batches.map((b) => b.tenantId))) {
    const subs = await tx
      .select({ eventTypes: webhookSubscriptions.eventTypes })
      .from(webhookSubscriptions)
      .where(and(eq(webhookSubscriptions.tenantId, tenantId), eq(webhookSubscriptions.active, 'true')))
    if (subs.length === 0) continue
    for (const b of batches) {
      if (b.tenantId !== tenantId) continue
      if (b.events.some((e) => !e.internal && subs.some((s) => wants(s.eventTypes, e.type)))) await enqueueWebhookDeliveries(tx, b)
    }
  }
}
