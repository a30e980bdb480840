// Pulling from SP4N-LAPOR!: the status and follow-ups of every linked report, and the reports
// LAPOR! dispatched to this Pemda. One 'lapor-pull' job per tenant (scheduled, or on demand).
//
// Reconciliation rule (docs/BRIDGES.md): aduan's lifecycle is the record of how the Pemda handled
// a report, and the bridge never moves it. Statuses are compared by their position in the
// configured LAPOR! progression: when LAPOR! is behind ours we push ours again; when LAPOR! is
// ahead (e.g. closed there) an internal 'lapor_status_conflict' event tells the operators, once
// per new LAPOR! status, and they decide with the normal commands.
import { and, asc, eq, sql } from 'drizzle-orm'
import type { AppContext } from '../../context.ts'
import type { Db } from '../../db/connect.ts'
import { laporLinks, reportEvents, reports, tenants } from '../../db/schema/index.ts'
import { enqueue, PRIORITY, type Job } from '../../jobs/queue.ts'
import { REPORT_KINDS, type ReportKind } from '../../reports/model.ts'
import { openReport } from '../../reports/open.ts'
import { insertEvents } from '../../reports/store.ts'
import { laporAdapter, LaporError, type LaporDispatch, type LaporReportView } from './adapter.ts'
import { laporRank, loadLaporConfig, type LaporConfig } from './config.ts'
import { logIntegration } from './log.ts'
import { enqueuePush, setExternalRef } from './outbound.ts'

export const LAPOR_PULL_QUEUE = 'lapor-pull'
export const LAPOR_SCHEDULE_QUEUE = 'lapor-schedule'
const BATCH = 200

export async function enqueuePull(tx: Db, tenantId: string) {
  return enqueue(tx, { queue: LAPOR_PULL_QUEUE, tenantId, payload: { tenantId }, singletonKey: `lapor-pull:${tenantId}`, priority: PRIORITY.bulk })
}

/** Every minute: enqueue a pull for each tenant whose interval has come round. */
export function scheduleHandler(ctx: AppContext) {
  return async () => {
    const minute = Math.floor(ctx.clock.now().getTime() / 60_000)
    const rows = await ctx.db
      .select({ id: tenants.id, every: sql<number>`coalesce((${tenants.settings}->'integrations'->'lapor'->>'pullEveryMinutes')::int, 5)` })
      .from(tenants)
      .where(sql`${tenants.settings}->'integrations'->'lapor'->>'enabled' = 'true'`)
    for (const t of rows) if (minute % Math.max(1, Number(t.every)) === 0) await enqueuePull(ctx.db, t.id)
  }
}

export function pullHandler(ctx: AppContext) {
  return async (job: Job) => {
    const { tenantId } = job.payload as { tenantId: string }
    const config = await ctx.db.transaction((tx) => loadLaporConfig(ctx, tx, tenantId))
    if (!config?.enabled) return
    let transient: LaporError | null = null
    const links = await ctx.db
      .select({ reportId: laporLinks.reportId, laporId: laporLinks.laporId })
      .from(laporLinks)
      .where(and(eq(laporLinks.tenantId, tenantId), eq(laporLinks.state, 'sent')))
      .orderBy(sql`${laporLinks.lastPulledAt} asc nulls first`)
      .limit(BATCH)
    for (const l of links) {
      if (!l.laporId) continue
      try {
        const view = await laporAdapter.fetchReport(config, l.laporId)
        await ctx.db.transaction((tx) => applyView(ctx, tx, config, tenantId, l.reportId, view))
      } catch (err) {
        transient = await note(ctx, tenantId, l.reportId, 'pull_report', err) ?? transient
      }
    }
    try {
      const { items, skipped } = await laporAdapter.listDispatches(config)
      if (skipped > 0)
        await ctx.db.transaction((tx) => logIntegration(tx, { tenantId, system: 'lapor', direction: 'in', action: 'pull_dispatches', status: 'skipped', detail: { skipped } }, ctx.clock.now()))
      for (const d of items) {
        const trackingCode = await ctx.db.transaction((tx) => takeDispatch(tx, tenantId, config, d, ctx.clock.now()))
        await laporAdapter.ackDispatch(config, d.laporId, trackingCode)
      }
    } catch (err) {
      transient = await note(ctx, tenantId, null, 'pull_dispatches', err) ?? transient
    }
    if (transient) throw transient
  }
}

/** Log a failed exchange; return it when the queue should retry the pull. */
async function note(ctx: AppContext, tenantId: string, reportId: string | null, action: string, err: unknown) {
  const e = err instanceof LaporError ? err : new LaporError((err as Error).message, true, null)
  await ctx.db.transaction((tx) =>
    logIntegration(tx, { tenantId, system: 'lapor', reportId, direction: 'in', action, status: e.retryable ? 'retry' : 'failed', detail: { error: e.message, httpStatus: e.status } }, ctx.clock.now()),
  )
  return e.retryable ? e : null
}

/** New follow-ups become timeline events (once each); statuses are reconciled (rule above). */
async function applyView(ctx: AppContext, tx: Db, c: LaporConfig, tenantId: string, reportId: string, view: LaporReportView) {
  const now = ctx.clock.now()
  const [row] = await tx
    .select({ status: reports.status, laporStatus: laporLinks.laporStatus })
    .from(reports)
    .innerJoin(laporLinks, and(eq(laporLinks.tenantId, reports.tenantId), eq(laporLinks.reportId, reports.id)))
    .where(and(eq(reports.tenantId, tenantId), eq(reports.id, reportId)))
    .for('update', { of: reports })
  if (!row) return
  const seen = await tx
    .select({ id: sql<string>`${reportEvents.data}->>'laporFollowUpId'` })
    .from(reportEvents)
    .where(and(eq(reportEvents.tenantId, tenantId), eq(reportEvents.reportId, reportId), eq(reportEvents.type, 'lapor_follow_up')))
    .orderBy(asc(reportEvents.id))
  const known = new Set(seen.map((s) => s.id))
  const fresh = view.followUps.filter((f) => !known.has(f.id))
  if (fresh.length > 0) {
    await insertEvents(
      tx,
      tenantId,
      reportId,
      fresh.map((f) => ({
        type: 'lapor_follow_up',
        fromStatus: row.status,
        toStatus: row.status,
        data: { laporId: view.laporId, laporFollowUpId: f.id, body: f.body.slice(0, 20_000), author: f.author, at: f.at },
        agencyId: null,
        internal: false,
      })),
      { kind: 'system' },
      now,
    )
  }
  const ours = c.statusOut[row.status]
  const theirs = view.status
  const ahead = theirs !== null && laporRank(c, theirs) > laporRank(c, ours)
  const behind = theirs === null || laporRank(c, theirs) < laporRank(c, ours)
  if (ahead && theirs !== row.laporStatus) {
    await insertEvents(
      tx,
      tenantId,
      reportId,
      [{ type: 'lapor_status_conflict', fromStatus: row.status, toStatus: row.status, data: { laporId: view.laporId, laporStatus: theirs, ourStatus: row.status, ourLaporStatus: ours }, agencyId: null, internal: true }],
      { kind: 'system' },
      now,
    )
  }
  await tx
    .update(laporLinks)
    .set({ laporStatus: theirs, lastPulledAt: now, updatedAt: now })
    .where(and(eq(laporLinks.tenantId, tenantId), eq(laporLinks.reportId, reportId)))
  if (behind) await enqueuePush(tx, tenantId, reportId)
  await logIntegration(
    tx,
    { tenantId, system: 'lapor', reportId, direction: 'in', action: 'pull_report', status: ahead ? 'conflict' : 'ok', detail: { laporId: view.laporId, laporStatus: theirs, ourStatus: row.status, newFollowUps: fresh.length } },
    now,
  )
}

/**
 * A report LAPOR! dispatched to this Pemda becomes a report here (once: the LAPOR! id is unique per
 * tenant), keeping both tracking ids. Returns our tracking code. Used by the pull and by the
 * inbound endpoint alike.
 */
export async function takeDispatch(tx: Db, tenantId: string, c: LaporConfig, d: LaporDispatch, now: Date): Promise<string> {
  const [existing] = await tx
    .select({ code: reports.trackingCode })
    .from(laporLinks)
    .innerJoin(reports, and(eq(reports.tenantId, laporLinks.tenantId), eq(reports.id, laporLinks.reportId)))
    .where(and(eq(laporLinks.tenantId, tenantId), eq(laporLinks.laporId, d.laporId)))
  if (existing) return existing.code
  const kind = (REPORT_KINDS as readonly string[]).includes(d.kind ?? '') ? (d.kind as ReportKind) : 'pengaduan'
  const submitted = d.submittedAt ? new Date(d.submittedAt) : null
  const opened = await openReport(tx, {
    tenantId,
    body: d.body,
    title: d.title,
    kind,
    channelType: 'lapor',
    flags: { anonymous: d.anonymous, confidential: d.confidential, emergency: kind === 'kedaruratan' },
    locationText: d.location,
    regionCode: d.regionCode,
    receivedAt: submitted && !Number.isNaN(+submitted) && +submitted <= +now ? submitted : now,
    actor: { kind: 'system' },
    eventData: { laporId: d.laporId, laporCategory: d.category },
    now,
  })
  await tx.insert(laporLinks).values({
    tenantId,
    reportId: opened.id,
    direction: 'inbound',
    state: 'sent',
    laporId: d.laporId,
    idempotencyKey: `in:${d.laporId}`,
    laporStatus: d.status,
    createdAt: now,
    updatedAt: now,
  })
  await setExternalRef(tx, tenantId, opened.id, d.laporId)
  await logIntegration(tx, { tenantId, system: 'lapor', reportId: opened.id, direction: 'in', action: 'dispatch', status: 'ok', detail: { laporId: d.laporId, trackingCode: opened.trackingCode } }, now)
  return opened.trackingCode
}
