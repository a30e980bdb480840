// Learning from operators' decisions: a report event hook sees every dispatch and every "bukan
// kewenangan" return inside the transaction that writes it and enqueues one 'triage-learn' job;
// the job teaches the tenant's routers (agency and category) and saves them. Learning happens
// only when the decision committed, once per event (the stored model remembers applied event
// ids), and without a retraining pause.
import { and, eq } from 'drizzle-orm'
import type { AppContext } from '../context.ts'
import type { Db } from '../db/connect.ts'
import { reports } from '../db/schema/index.ts'
import { enqueue, PRIORITY, type Job } from '../jobs/queue.ts'
import type { ReportEventBatch } from '../reports/hooks.ts'
import { commitCached, dropPending, updateRouter } from './models.ts'

export const LEARN_QUEUE = 'triage-learn'

/** One decision to learn: agencies (and a category) chosen, or an agency that returned the report. */
export interface LearnItem {
  eventId: number
  kind: 'dispatch' | 'return'
  agencyIds: string[]
  categoryId: string | null
}

function dispositionAgencies(data: Record<string, unknown>): string[] {
  const list = Array.isArray(data.dispositions) ? (data.dispositions as { agencyId?: unknown }[]) : []
  return list.map((d) => d.agencyId).filter((a): a is string => typeof a === 'string')
}

/** The decisions in a batch of report events that teach the routers. */
export function learnItemsOf(batch: ReportEventBatch): LearnItem[] {
  const items: LearnItem[] = []
  for (const e of batch.events) {
    if (e.type === 'verified_and_dispatched' || e.type === 'dispositions_added') {
      const categoryId = typeof e.data.categoryId === 'string' ? e.data.categoryId : null
      const agencyIds = dispositionAgencies(e.data)
      if (agencyIds.length > 0 || categoryId) items.push({ eventId: e.id, kind: 'dispatch', agencyIds, categoryId })
    } else if (e.type === 'disposition_returned' && e.agencyId) {
      items.push({ eventId: e.id, kind: 'return', agencyIds: [e.agencyId], categoryId: null })
    }
  }
  return items
}

/** The report event hook: enqueue the learning in the caller's transaction. */
export async function enqueueLearning(tx: Db, batch: ReportEventBatch): Promise<void> {
  const items = learnItemsOf(batch)
  if (items.length === 0) return
  await enqueue(tx, {
    queue: LEARN_QUEUE,
    tenantId: batch.tenantId,
    priority: PRIORITY.bulk,
    payload: { reportId: batch.reportId, items },
  })
}

/** The text a router learns from and suggests on: what the reporter wrote. */
export function reportText(r: { title: string | null; body: string }): string {
  return r.body
}

/** Teach the tenant's routers the decisions of one job. Returns the saved states' sizes in bytes. */
export async function learnFromReport(
  db: Db,
  tenantId: string,
  reportId: string,
  items: readonly LearnItem[],
): Promise<{ agency: number; category: number }> {
  try {
    const sizes = await learnInTransaction(db, tenantId, reportId, items)
    commitCached(tenantId)
    return sizes
  } catch (err) {
    dropPending(tenantId)
    throw err
  }
}

function learnInTransaction(
  db: Db,
  tenantId: string,
  reportId: string,
  items: readonly LearnItem[],
): Promise<{ agency: number; category: number }> {
  return db.transaction(async (tx) => {
    const [r] = await tx
      .select({ title: reports.title, body: reports.body })
      .from(reports)
      .where(and(eq(reports.tenantId, tenantId), eq(reports.id, reportId)))
    if (!r) return { agency: 0, category: 0 }
    const text = reportText(r)
    const ids = items.map((i) => i.eventId)
    const agency = await updateRouter(tx, tenantId, 'agency', ids, (router) => {
      let changed = false
      for (const item of items) {
        for (const a of item.agencyIds) {
          if (item.kind === 'dispatch') router.learn(text, a)
          else router.unlearn(text, a)
          changed = true
        }
      }
      return changed
    })
    const category = await updateRouter(tx, tenantId, 'category', ids, (router) => {
      let changed = false
      for (const item of items) {
        if (item.kind === 'dispatch' && item.categoryId) {
          router.learn(text, item.categoryId)
          changed = true
        }
      }
      return changed
    })
    return { agency, category }
  })
}

export const learnHandler = (ctx: AppContext) => async (job: Job) => {
  const { reportId, items } = job.payload as { reportId?: string; items?: LearnItem[] }
  if (!job.tenantId || typeof reportId !== 'string' || !Array.isArray(items)) return
  await learnFromReport(ctx.db, job.tenantId, reportId, items)
}
