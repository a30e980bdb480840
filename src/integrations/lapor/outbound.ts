// Forwarding to SP4N-LAPOR! and pushing our status there. Each is a job: the link row (written in
// the transaction that decided to forward) says what to send; the HTTP call happens outside any
// transaction; the outcome is written with an integration_log row. A retryable failure throws so
// the job queue retries with backoff; the Idempotency-Key keeps a retried forward to one LAPOR! report.
import { and, desc, eq, sql } from 'drizzle-orm'
import type { AppContext } from '../../context.ts'
import type { Db } from '../../db/connect.ts'
import { categories, laporLinks, reportEvents, reports, responses } from '../../db/schema/index.ts'
import { enqueue, PRIORITY, type Job } from '../../jobs/queue.ts'
import { insertEvents } from '../../reports/store.ts'
import { redactText } from '../../triage/redact.ts'
import { laporAdapter, LaporError } from './adapter.ts'
import { integrationSettings, loadLaporConfig, type LaporConfig } from './config.ts'
import { logIntegration } from './log.ts'

export const LAPOR_FORWARD_QUEUE = 'lapor-forward'
export const LAPOR_PUSH_QUEUE = 'lapor-push'

/**
 * Mark a report for forwarding and enqueue the job, in the caller's transaction. The link's primary
 * key (tenant, report) makes this happen once per report; returns false when it already existed.
 * A link that failed permanently is set back to pending (same idempotency key).
 */
export async function scheduleForward(tx: Db, tenantId: string, reportId: string, now: Date, opts: { retryFailed?: boolean } = {}) {
  const inserted = await tx
    .insert(laporLinks)
    .values({ tenantId, reportId, direction: 'outbound', state: 'pending', idempotencyKey: `fwd:${reportId}`, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning({ reportId: laporLinks.reportId })
  let go = inserted.length > 0
  if (!go && opts.retryFailed) {
    const reset = await tx
      .update(laporLinks)
      .set({ state: 'pending', lastError: null, updatedAt: now })
      .where(and(eq(laporLinks.tenantId, tenantId), eq(laporLinks.reportId, reportId), eq(laporLinks.state, 'failed')))
      .returning({ reportId: laporLinks.reportId })
    go = reset.length > 0
  }
  if (go) await enqueue(tx, { queue: LAPOR_FORWARD_QUEUE, tenantId, payload: { tenantId, reportId }, maxAttempts: 12 })
  return go
}

/** The forwarding policy, read without opening the token (report event hooks have no sealer). */
export async function shouldForward(tx: Db, tenantId: string, categoryId: string | null): Promise<boolean> {
  const c = await integrationSettings<{ enabled?: boolean; forward?: string; categoryIds?: string[] }>(tx, tenantId, 'lapor')
  if (!c?.enabled) return false
  if (c.forward === 'all') return true
  return c.forward === 'categories' && categoryId !== null && (c.categoryIds ?? []).includes(categoryId)
}

async function loadLink(tx: Db, tenantId: string, reportId: string) {
  const [row] = await tx
    .select({ link: laporLinks, report: reports })
    .from(laporLinks)
    .innerJoin(reports, and(eq(reports.tenantId, laporLinks.tenantId), eq(reports.id, laporLinks.reportId)))
    .where(and(eq(laporLinks.tenantId, tenantId), eq(laporLinks.reportId, reportId)))
  return row ?? null
}

/** Classify, log, and rethrow what the queue should retry. */
async function failed(ctx: AppContext, c: { tenantId: string; reportId: string; action: string }, err: unknown, job: Job) {
  const e = err instanceof LaporError ? err : new LaporError((err as Error).message, true, null)
  const last = job.attempts >= job.maxAttempts
  const status = e.retryable && !last ? 'retry' : 'failed'
  await ctx.db.transaction(async (tx) => {
    await logIntegration(tx, { tenantId: c.tenantId, system: 'lapor', reportId: c.reportId, direction: 'out', action: c.action, status, detail: { error: e.message, httpStatus: e.status, attempt: job.attempts } }, ctx.clock.now())
    if (status === 'failed' && c.action === 'forward')
      await tx
        .update(laporLinks)
        .set({ state: 'failed', lastError: e.message, updatedAt: ctx.clock.now() })
        .where(and(eq(laporLinks.tenantId, c.tenantId), eq(laporLinks.reportId, c.reportId)))
  })
  if (status === 'retry') throw e
}

export function forwardHandler(ctx: AppContext) {
  return async (job: Job) => {
    const { tenantId, reportId } = job.payload as { tenantId: string; reportId: string }
    const prep = await ctx.db.transaction(async (tx) => {
      const row = await loadLink(tx, tenantId, reportId)
      if (!row || row.link.state !== 'pending') return null
      const config = await loadLaporConfig(ctx, tx, tenantId)
      const [cat] = row.report.categoryId
        ? await tx.select({ name: categories.name }).from(categories).where(and(eq(categories.tenantId, tenantId), eq(categories.id, row.report.categoryId)))
        : []
      return { ...row, config, category: cat?.name ?? null }
    })
    if (!prep) return
    const { report, link, config } = prep
    if (!config?.enabled) {
      await failed(ctx, { tenantId, reportId, action: 'forward' }, new LaporError('LAPOR! bridge is not enabled', false, null), job)
      return
    }
    let view
    try {
      view = await laporAdapter.forward(
        config,
        {
          trackingCode: report.trackingCode,
          // LAPOR! publishes non-confidential reports: personal data is masked as on our portal.
          title: redactText(report.title ?? report.body.slice(0, 80)),
          body: redactText(report.body),
          kind: report.kind,
          category: prep.category,
          location: report.locationText ? redactText(report.locationText) : null,
          regionCode: report.regionCode,
          anonymous: report.isAnonymous,
          confidential: report.isConfidential,
          submittedAt: report.createdAt,
        },
        link.idempotencyKey,
      )
    } catch (err) {
      await failed(ctx, { tenantId, reportId, action: 'forward' }, err, job)
      return
    }
    await ctx.db.transaction(async (tx) => {
      const now = ctx.clock.now()
      await tx
        .update(laporLinks)
        .set({ state: 'sent', laporId: view.laporId, laporStatus: view.status, pushedStatus: view.status, lastError: null, updatedAt: now })
        .where(and(eq(laporLinks.tenantId, tenantId), eq(laporLinks.reportId, reportId)))
      await setExternalRef(tx, tenantId, reportId, view.laporId)
      await insertEvents(tx, tenantId, reportId, [{ type: 'lapor_forwarded', fromStatus: report.status, toStatus: report.status, data: { laporId: view.laporId }, agencyId: null, internal: false }], { kind: 'system' }, now)
      await logIntegration(tx, { tenantId, system: 'lapor', reportId, direction: 'out', action: 'forward', status: 'ok', detail: { laporId: view.laporId, attempt: job.attempts } }, now)
      // The report may have moved on while it was being forwarded.
      await enqueue(tx, { queue: LAPOR_PUSH_QUEUE, tenantId, payload: { tenantId, reportId } })
    })
  }
}

/** Keep LAPOR!'s tracking id beside ours on the report (reports.external_refs.lapor). */
export async function setExternalRef(tx: Db, tenantId: string, reportId: string, laporId: string) {
  await tx
    .update(reports)
    .set({ externalRefs: sql`${reports.externalRefs} || ${JSON.stringify({ lapor: laporId })}::jsonb` })
    .where(and(eq(reports.tenantId, tenantId), eq(reports.id, reportId)))
}

/** Push our current status when LAPOR! does not have it yet (compared with what LAPOR! last showed). */
export function pushHandler(ctx: AppContext) {
  return async (job: Job) => {
    const { tenantId, reportId } = job.payload as { tenantId: string; reportId: string }
    const prep = await ctx.db.transaction(async (tx) => {
      const row = await loadLink(tx, tenantId, reportId)
      if (!row || row.link.state !== 'sent' || !row.link.laporId) return null
      const config = await loadLaporConfig(ctx, tx, tenantId)
      if (!config?.enabled) return null
      const code = config.statusOut[row.report.status]
      if (code === row.link.laporStatus) return null
      const [lastEvent] = await tx
        .select({ id: reportEvents.id })
        .from(reportEvents)
        .where(and(eq(reportEvents.tenantId, tenantId), eq(reportEvents.reportId, reportId)))
        .orderBy(desc(reportEvents.id))
        .limit(1)
      const [answer] =
        row.report.status === 'answered' || row.report.status === 'closed'
          ? await tx
              .select({ body: responses.body })
              .from(responses)
              .where(and(eq(responses.tenantId, tenantId), eq(responses.reportId, reportId), eq(responses.status, 'published')))
              .orderBy(desc(responses.publishedAt))
              .limit(1)
          : []
      return { laporId: row.link.laporId, code, config, key: `status:${reportId}:${lastEvent?.id ?? 0}`, note: answer ? redactText(answer.body) : null }
    })
    if (!prep) return
    try {
      await laporAdapter.pushStatus(prep.config as LaporConfig, prep.laporId, prep.code, prep.note, prep.key)
    } catch (err) {
      await failed(ctx, { tenantId, reportId, action: 'push_status' }, err, job)
      return
    }
    await ctx.db.transaction(async (tx) => {
      const now = ctx.clock.now()
      await tx
        .update(laporLinks)
        .set({ laporStatus: prep.code, pushedStatus: prep.code, updatedAt: now })
        .where(and(eq(laporLinks.tenantId, tenantId), eq(laporLinks.reportId, reportId)))
      await logIntegration(tx, { tenantId, system: 'lapor', reportId, direction: 'out', action: 'push_status', status: 'ok', detail: { laporId: prep.laporId, status: prep.code } }, now)
    })
  }
}

export async function enqueuePush(tx: Db, tenantId: string, reportId: string) {
  await enqueue(tx, { queue: LAPOR_PUSH_QUEUE, tenantId, payload: { tenantId, reportId }, priority: PRIORITY.normal })
}
