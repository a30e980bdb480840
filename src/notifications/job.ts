// The report event hook and the 'notify' job. The hook runs inside the transaction that writes
// the events and only enqueues (so nothing is sent for a rolled-back command); the job works out
// who is told, writes the bell rows and queues the outbox messages in one transaction. Re-running
// it is harmless: bell rows are unique per event per person, outbox rows per idempotency key.
import { and, eq } from 'drizzle-orm'
import type { AppContext } from '../context.ts'
import type { Db } from '../db/connect.ts'
import { agencies, reports, tenants } from '../db/schema/index.ts'
import { enqueue, PRIORITY, type Job } from '../jobs/queue.ts'
import type { ReportEventBatch, ReportEventRecord } from '../reports/hooks.ts'
import { citizenKindOf, notifyReporter } from './citizen.ts'
import { staffTargets, usersFor } from './recipients.ts'
import { createNotification, dispatchStaff } from './staff.ts'
import { langOf, staffBody, staffTitle } from './texts.ts'

export const NOTIFY_QUEUE = 'notify'

/** Report event hook: enqueue one job for the events anyone must hear of. */
export async function onReportEvents(tx: Db, batch: ReportEventBatch): Promise<void> {
  const relevant = batch.events.filter((e) => staffTargets(e).length > 0 || (!e.internal && citizenKindOf(e)))
  if (relevant.length === 0) return
  await enqueue(tx, {
    queue: NOTIFY_QUEUE,
    tenantId: batch.tenantId,
    priority: PRIORITY.outbox,
    payload: {
      reportId: batch.reportId,
      actorUserId: batch.actor.kind === 'user' ? batch.actor.userId : null,
      events: relevant,
    },
  })
}

export function notifyHandler(ctx: AppContext) {
  return async (job: Job) => {
    const tenantId = job.tenantId!
    const reportId = job.payload.reportId as string
    const actorUserId = (job.payload.actorUserId as string | null) ?? null
    const events = job.payload.events as ReportEventRecord[]
    await ctx.db.transaction(async (t) => {
      const tx = t as unknown as Db
      const now = ctx.clock.now()
      const [r] = await tx
        .select({
          id: reports.id,
          tenantId: reports.tenantId,
          trackingCode: reports.trackingCode,
          title: reports.title,
          contactId: reports.contactId,
          conversationId: reports.conversationId,
        })
        .from(reports)
        .where(and(eq(reports.tenantId, tenantId), eq(reports.id, reportId)))
      if (!r) return
      const [tenant] = await tx.select({ timeZone: tenants.timeZone }).from(tenants).where(eq(tenants.id, tenantId))
      const tz = tenant?.timeZone ?? 'Asia/Jakarta'
      for (const e of events) {
        for (const target of staffTargets(e)) {
          const agencyName = target.agencyId || e.agencyId ? await nameOf(tx, tenantId, (target.type === 'returned' ? e.agencyId : target.agencyId)!) : null
          const text = { type: target.type, code: r.trackingCode, title: r.title, agencyName, level: target.level }
          for (const user of await usersFor(tx, tenantId, target)) {
            if (user.id === actorUserId) continue
            const n = await createNotification(
              tx,
              { tenantId, userId: user.id, type: target.type, reportId, title: staffTitle(text, langOf(user.locale)), body: staffBody(text, langOf(user.locale)), dedupeKey: `event:${e.id}` },
              now,
            )
            if (n) await dispatchStaff(ctx, tx, n, user, tz, now)
          }
        }
        await notifyReporter(ctx, tx, r, e, now)
      }
    })
  }
}

async function nameOf(tx: Db, tenantId: string, agencyId: string | null): Promise<string | null> {
  if (!agencyId) return null
  const [a] = await tx.select({ name: agencies.name }).from(agencies).where(and(eq(agencies.tenantId, tenantId), eq(agencies.id, agencyId)))
  return a?.name ?? null
}
