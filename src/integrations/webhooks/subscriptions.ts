// Managing subscriptions and reading their delivery log. The signing secret is generated here,
// returned once at creation and stored sealed (AES-GCM under SECRET_KEY).
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm'
import type { Sealer } from '../../accounts/crypto.ts'
import type { Db } from '../../db/connect.ts'
import { webhookDeliveries, webhookSubscriptions } from '../../db/schema/index.ts'
import { enqueueChain } from './enqueue.ts'
import { newWebhookSecret } from './signature.ts'

type SubscriptionRow = typeof webhookSubscriptions.$inferSelect
type DeliveryRow = typeof webhookDeliveries.$inferSelect

export const presentSubscription = (s: SubscriptionRow) => ({
  id: s.id,
  url: s.url,
  eventTypes: s.eventTypes,
  active: s.active === 'true',
  createdAt: s.createdAt,
})

export const presentDelivery = (d: DeliveryRow) => ({
  id: d.id,
  eventId: d.eventId,
  eventType: d.eventType,
  reportId: d.reportId,
  status: d.status,
  attempts: d.attempts,
  responseStatus: d.responseStatus,
  lastError: d.lastError,
  attemptLog: d.attemptLog,
  createdAt: d.createdAt,
  deliveredAt: d.deliveredAt,
})

export async function createSubscription(db: Db, sealer: Sealer, tenantId: string, input: { url: string; eventTypes: string[] }) {
  const secret = newWebhookSecret()
  const [row] = await db
    .insert(webhookSubscriptions)
    .values({ tenantId, url: input.url, eventTypes: input.eventTypes, secret: sealer.seal(secret) })
    .returning()
  return { ...presentSubscription(row!), secret }
}

export async function listSubscriptions(db: Db, tenantId: string) {
  const rows = await db
    .select()
    .from(webhookSubscriptions)
    .where(eq(webhookSubscriptions.tenantId, tenantId))
    .orderBy(webhookSubscriptions.createdAt)
  return rows.map(presentSubscription)
}

async function findSubscription(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.tenantId, tenantId), eq(webhookSubscriptions.id, id)))
  return row ?? null
}

export async function updateSubscription(
  db: Db,
  tenantId: string,
  id: string,
  patch: { url?: string; eventTypes?: string[]; active?: boolean },
) {
  return db.transaction(async (t) => {
    const tx = t as unknown as Db
    const [row] = await tx
      .update(webhookSubscriptions)
      .set({
        ...(patch.url ? { url: patch.url } : {}),
        ...(patch.eventTypes ? { eventTypes: patch.eventTypes } : {}),
        ...(patch.active === undefined ? {} : { active: String(patch.active) }),
      })
      .where(and(eq(webhookSubscriptions.tenantId, tenantId), eq(webhookSubscriptions.id, id)))
      .returning()
    if (!row) return null
    if (patch.active) await resumeChains(tx, tenantId, id)
    return presentSubscription(row)
  })
}

/** Deletes the subscription; its undelivered deliveries are cancelled, the log is kept. */
export async function deleteSubscription(db: Db, tenantId: string, id: string): Promise<boolean> {
  return db.transaction(async (t) => {
    const tx = t as unknown as Db
    const gone = await tx
      .delete(webhookSubscriptions)
      .where(and(eq(webhookSubscriptions.tenantId, tenantId), eq(webhookSubscriptions.id, id)))
      .returning({ id: webhookSubscriptions.id })
    if (gone.length === 0) return false
    await tx
      .update(webhookDeliveries)
      .set({ status: 'cancelled' })
      .where(
        and(
          eq(webhookDeliveries.tenantId, tenantId),
          eq(webhookDeliveries.subscriptionId, id),
          inArray(webhookDeliveries.status, ['queued', 'failed', 'dead']),
        ),
      )
    return true
  })
}

export async function listDeliveries(
  db: Db,
  tenantId: string,
  subscriptionId: string,
  opts: { status?: string; before?: number; limit?: number },
) {
  if (!(await findSubscription(db, tenantId, subscriptionId))) return null
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 200)
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.tenantId, tenantId),
        eq(webhookDeliveries.subscriptionId, subscriptionId),
        opts.status ? eq(webhookDeliveries.status, opts.status) : undefined,
        opts.before ? lt(webhookDeliveries.id, opts.before) : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit + 1)
  const page = rows.slice(0, limit)
  return { items: page.map(presentDelivery), nextBefore: rows.length > limit ? page.at(-1)!.id : null }
}

/** Queues a delivery again (dead, failed or already delivered) and wakes its chain. */
export async function redeliver(db: Db, tenantId: string, subscriptionId: string, deliveryId: number) {
  return db.transaction(async (t) => {
    const tx = t as unknown as Db
    const [row] = await tx
      .update(webhookDeliveries)
      .set({ status: 'queued', deliveredAt: null })
      .where(
        and(
          eq(webhookDeliveries.tenantId, tenantId),
          eq(webhookDeliveries.subscriptionId, subscriptionId),
          eq(webhookDeliveries.id, deliveryId),
          sql`${webhookDeliveries.status} <> 'cancelled'`,
        ),
      )
      .returning()
    if (!row) return null
    if (row.reportId) await enqueueChain(tx, tenantId, subscriptionId, row.reportId)
    return presentDelivery(row)
  })
}

async function resumeChains(tx: Db, tenantId: string, subscriptionId: string) {
  const rows = await tx
    .selectDistinct({ reportId: webhookDeliveries.reportId })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.tenantId, tenantId),
        eq(webhookDeliveries.subscriptionId, subscriptionId),
        inArray(webhookDeliveries.status, ['queued', 'failed']),
      ),
    )
  for (const r of rows) if (r.reportId) await enqueueChain(tx, tenantId, subscriptionId, r.reportId)
}
