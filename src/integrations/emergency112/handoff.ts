// The 112 hand-off: an emergency report is pushed at once to the tenant's 112 command centre and
// stays open, with its own deadline, until the responsible agency (Damkar, BPBD, RSUD ...)
// confirms it acted: Kutim Siaga's lesson is that agencies are slow after the hand-off.
// Created inside the transaction of the report event that made the report an emergency (intake,
// verification as kedaruratan, or an operator's hand-off); delivered by a job in the top priority.
import { and, eq } from 'drizzle-orm'
import type { AppContext } from '../../context.ts'
import type { Db } from '../../db/connect.ts'
import { contactIdentities, conversations, emergencyHandoffs, reports, tenants } from '../../db/schema/index.ts'
import { queueMessage } from '../../delivery/outbox.ts'
import { enqueue, PRIORITY, type Job } from '../../jobs/queue.ts'
import { insertEvents } from '../../reports/store.ts'
import { logIntegration } from '../lapor/log.ts'
import { e112Client, E112Error, type IncidentPayload } from './client.ts'
import { e112Settings, loadE112Config, type E112Config } from './config.ts'

export const E112_PUSH_QUEUE = 'emergency112-push'
export type HandoffTrigger = 'intake' | 'verification' | 'operator'

/** Open the hand-off and enqueue its delivery; once per report. Returns the id, or null when none was opened. */
export async function openHandoff(tx: Db, tenantId: string, reportId: string, trigger: HandoffTrigger, now: Date): Promise<string | null> {
  const c = await e112Settings(tx, tenantId)
  if (!c?.enabled) return null
  const rows = await tx
    .insert(emergencyHandoffs)
    .values({ tenantId, reportId, trigger, status: 'pending', dueAt: new Date(now.getTime() + c.actDeadlineMinutes * 60_000), createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning({ id: emergencyHandoffs.id })
  const id = rows[0]?.id ?? null
  if (id) await enqueue(tx, { queue: E112_PUSH_QUEUE, tenantId, priority: PRIORITY.inbound, payload: { tenantId, handoffId: id }, maxAttempts: 20 })
  return id
}

async function loadForPush(ctx: AppContext, tx: Db, tenantId: string, handoffId: string) {
  const [row] = await tx
    .select({ h: emergencyHandoffs, r: reports, tenantName: tenants.name, tenantSlug: tenants.slug })
    .from(emergencyHandoffs)
    .innerJoin(reports, and(eq(reports.tenantId, emergencyHandoffs.tenantId), eq(reports.id, emergencyHandoffs.reportId)))
    .innerJoin(tenants, eq(tenants.id, emergencyHandoffs.tenantId))
    .where(and(eq(emergencyHandoffs.tenantId, tenantId), eq(emergencyHandoffs.id, handoffId)))
  if (!row || row.h.status !== 'pending') return null
  const config = await loadE112Config(ctx, tx, tenantId)
  if (!config?.enabled) return null
  const [who] = row.r.conversationId
    ? await tx
        .select({ externalId: contactIdentities.externalId, conv: conversations })
        .from(conversations)
        .innerJoin(contactIdentities, and(eq(contactIdentities.tenantId, conversations.tenantId), eq(contactIdentities.id, conversations.identityId)))
        .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, row.r.conversationId)))
    : []
  return { ...row, config, who: who ?? null }
}

function payloadOf(ctx: AppContext, p: NonNullable<Awaited<ReturnType<typeof loadForPush>>>, now: Date): IncidentPayload {
  const { h, r, config } = p
  const triage = (r.triage ?? {}) as { emergency?: { type?: string | null } }
  const share = config.shareContact && !r.isAnonymous && p.who !== null
  return {
    version: 1,
    handoffId: h.id,
    reference: r.trackingCode,
    tenant: { id: r.tenantId, slug: p.tenantSlug, name: p.tenantName },
    emergencyType: triage.emergency?.type ?? null,
    text: r.body,
    location: { text: r.locationText, latitude: r.latitude, longitude: r.longitude, regionCode: r.regionCode },
    reporter: { channel: r.channelType, contact: share ? p.who!.externalId : null, anonymous: r.isAnonymous },
    reportedAt: r.createdAt.toISOString(),
    handedOffAt: now.toISOString(),
    actDeadline: h.dueAt.toISOString(),
    callbackUrl: `${ctx.config.BASE_URL.replace(/\/+$/, '')}/bridges/emergency112/${r.tenantId}/callback`,
  }
}

export function reporterNotice(code: string, c: Pick<E112Config, 'centreName' | 'phone'>): string {
  return (
    `Laporan darurat ${code} sudah diteruskan ke ${c.centreName}. ` +
    `Petugas ${c.phone} akan mengirim bantuan dan dapat menghubungi Anda di nomor ini. ` +
    `Jika keadaan memburuk, telepon ${c.phone} (gratis, 24 jam). Kami memantau sampai instansi terkait menanganinya.`
  )
}

export function pushHandler(ctx: AppContext) {
  return async (job: Job) => {
    const { tenantId, handoffId } = job.payload as { tenantId: string; handoffId: string }
    const p = await ctx.db.transaction((tx) => loadForPush(ctx, tx, tenantId, handoffId))
    if (!p) return
    let answer: { incidentId: string | null; status: string | null }
    try {
      answer = await e112Client.push(p.config, payloadOf(ctx, p, ctx.clock.now()))
    } catch (err) {
      const e = err instanceof E112Error ? err : new E112Error((err as Error).message, true, null)
      const retry = e.retryable && job.attempts < job.maxAttempts
      await ctx.db.transaction(async (tx) => {
        const now = ctx.clock.now()
        await tx
          .update(emergencyHandoffs)
          .set({ attempts: job.attempts, lastError: e.message, status: retry ? 'pending' : 'failed', updatedAt: now })
          .where(and(eq(emergencyHandoffs.tenantId, tenantId), eq(emergencyHandoffs.id, handoffId)))
        await logIntegration(tx, { tenantId, system: 'emergency112', reportId: p.r.id, direction: 'out', action: 'handoff', status: retry ? 'retry' : 'failed', detail: { handoffId, error: e.message, httpStatus: e.status, attempt: job.attempts } }, now)
      })
      if (retry) throw e
      return
    }
    await ctx.db.transaction(async (tx) => {
      const now = ctx.clock.now()
      const accepted = answer.status === 'accepted'
      await tx
        .update(emergencyHandoffs)
        .set({ status: accepted ? 'accepted' : 'delivered', centreRef: answer.incidentId, deliveredAt: now, acceptedAt: accepted ? now : null, attempts: job.attempts, lastError: null, updatedAt: now })
        .where(and(eq(emergencyHandoffs.tenantId, tenantId), eq(emergencyHandoffs.id, handoffId)))
      await insertEvents(
        tx,
        tenantId,
        p.r.id,
        [{ type: 'emergency_112_delivered', fromStatus: p.r.status, toStatus: p.r.status, data: { handoffId, centre: p.config.centreName, centreRef: answer.incidentId, dueAt: p.h.dueAt.toISOString() }, agencyId: null, internal: false }],
        { kind: 'system' },
        now,
      )
      await logIntegration(tx, { tenantId, system: 'emergency112', reportId: p.r.id, direction: 'out', action: 'handoff', status: 'ok', detail: { handoffId, centreRef: answer.incidentId, attempt: job.attempts, latencyMs: now.getTime() - p.h.createdAt.getTime() } }, now)
      if (p.who && p.r.conversationId)
        await queueMessage(tx, {
          tenantId,
          channelType: p.who.conv.channelType,
          channelAccountId: p.who.conv.channelAccountId,
          conversationId: p.r.conversationId,
          reportId: p.r.id,
          recipient: p.who.externalId,
          message: { text: reporterNotice(p.r.trackingCode, p.config) },
          idempotencyKey: `e112:${handoffId}`,
        })
    })
  }
}
