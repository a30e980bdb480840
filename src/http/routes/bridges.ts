// SP4N-LAPOR! bridge and 112 hand-off over HTTP (docs/BRIDGES.md): settings (secrets write-only),
// forward one report, sync now, the sync log, LAPOR!'s inbound dispatches, the open 112 hand-offs,
// an agency's confirmation, and the 112 centre's callback.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { and, desc, eq, lt } from 'drizzle-orm'
import { z } from 'zod'
import { safeEqual, sha256 } from '../../accounts/crypto.ts'
import type { AppContext } from '../../context.ts'
import { integrationLog, laporLinks, reports } from '../../db/schema/index.ts'
import { E112ConfigInput, loadE112Config, presentE112Config, saveE112Config } from '../../integrations/emergency112/config.ts'
import { openHandoff } from '../../integrations/emergency112/handoff.ts'
import { listHandoffs, updateHandoff, type Update } from '../../integrations/emergency112/status.ts'
import { mapDispatch } from '../../integrations/lapor/adapter.ts'
import { LaporConfigInput, loadLaporConfig, presentLaporConfig, saveLaporConfig } from '../../integrations/lapor/config.ts'
import { logIntegration } from '../../integrations/lapor/log.ts'
import { scheduleForward } from '../../integrations/lapor/outbound.ts'
import { enqueuePull, takeDispatch } from '../../integrations/lapor/pull.ts'
import { actorFor } from '../../reports/commands.ts'
import { insertEvents } from '../../reports/store.ts'
import { requireRole } from '../auth.ts'
import { AppError, conflict, invalid, notFound } from '../errors.ts'

const idParams = z.object({ id: z.uuid() })
const tenantParams = z.object({ tenantId: z.uuid() })
const STAFF = ['super_admin', 'operator', 'leader', 'auditor', 'agency_admin', 'agency_head'] as const
const unauthorised = () => new AppError('unauthenticated', { id: 'Token integrasi tidak valid.', en: 'Invalid integration token.' })

/**
 * A machine caller's token (X-Bridge-Token header) checked against a stored sha256 digest.
 * Not Authorization: Bearer, which aduan reserves for its own API tokens (src/http/auth.ts).
 */
function bearerMatches(req: FastifyRequest, digest: string | null): boolean {
  const h = req.headers['x-bridge-token']
  const token = typeof h === 'string' ? h.trim() : ''
  return Boolean(digest && token && safeEqual(sha256(token), digest))
}

export const bridgeRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>()
    const tags = ['bridges']

    // --- settings ---------------------------------------------------------------------------
    app.get('/api/bridges/lapor/config', { schema: { tags } }, async (req) => {
      const p = requireRole(req, 'super_admin', 'operator')
      return presentLaporConfig(await ctx.db.transaction((tx) => loadLaporConfig(ctx, tx, p.tenantId)))
    })
    app.put('/api/bridges/lapor/config', { schema: { tags, body: LaporConfigInput } }, async (req) => {
      const p = requireRole(req, 'super_admin', 'operator')
      return ctx.db.transaction(async (tx) => {
        await saveLaporConfig(ctx, tx, p.tenantId, req.body)
        return presentLaporConfig(await loadLaporConfig(ctx, tx, p.tenantId))
      })
    })
    app.get('/api/bridges/emergency112/config', { schema: { tags } }, async (req) => {
      const p = requireRole(req, 'super_admin', 'operator')
      return presentE112Config(await ctx.db.transaction((tx) => loadE112Config(ctx, tx, p.tenantId)))
    })
    app.put('/api/bridges/emergency112/config', { schema: { tags, body: E112ConfigInput } }, async (req) => {
      const p = requireRole(req, 'super_admin', 'operator')
      return ctx.db.transaction(async (tx) => {
        await saveE112Config(ctx, tx, p.tenantId, req.body)
        return presentE112Config(await loadE112Config(ctx, tx, p.tenantId))
      })
    })

    // --- LAPOR! -------------------------------------------------------------------------------
    app.post('/api/reports/:id/lapor', { schema: { tags, params: idParams } }, async (req, reply) => {
      const p = requireRole(req, 'super_admin', 'operator')
      const out = await ctx.db.transaction(async (tx) => {
        const [r] = await tx.select({ verifiedAt: reports.verifiedAt, channelType: reports.channelType }).from(reports).where(and(eq(reports.tenantId, p.tenantId), eq(reports.id, req.params.id)))
        if (!r) throw notFound()
        const c = await loadLaporConfig(ctx, tx, p.tenantId)
        if (!c?.enabled) throw conflict({ id: 'Jembatan SP4N-LAPOR! belum diaktifkan.', en: 'The SP4N-LAPOR! bridge is not enabled.' })
        if (!r.verifiedAt) throw conflict({ id: 'Hanya laporan terverifikasi yang dapat diteruskan ke LAPOR!.', en: 'Only verified reports can be forwarded to LAPOR!.' })
        if (!(await scheduleForward(tx, p.tenantId, req.params.id, ctx.clock.now(), { retryFailed: true })))
          throw conflict({ id: 'Laporan ini sudah diteruskan ke atau berasal dari LAPOR!.', en: 'This report is already linked to LAPOR!.' })
        return { state: 'pending' }
      })
      return reply.code(202).send(out)
    })

    app.get('/api/reports/:id/lapor', { schema: { tags, params: idParams } }, async (req) => {
      const p = requireRole(req, 'super_admin', 'operator', 'auditor')
      const [l] = await ctx.db.select().from(laporLinks).where(and(eq(laporLinks.tenantId, p.tenantId), eq(laporLinks.reportId, req.params.id)))
      if (!l) throw notFound({ id: 'Laporan ini tidak terhubung ke LAPOR!.', en: 'This report is not linked to LAPOR!.' })
      return { direction: l.direction, state: l.state, laporId: l.laporId, laporStatus: l.laporStatus, pushedStatus: l.pushedStatus, lastPulledAt: l.lastPulledAt, lastError: l.lastError }
    })

    app.post('/api/bridges/lapor/sync', { schema: { tags } }, async (req, reply) => {
      const p = requireRole(req, 'super_admin', 'operator')
      const job = await enqueuePull(ctx.db, p.tenantId)
      return reply.code(202).send({ queued: job !== null })
    })

    app.get(
      '/api/bridges/log',
      {
        schema: {
          tags,
          querystring: z.object({
            system: z.enum(['lapor', 'emergency112']).optional(),
            reportId: z.uuid().optional(),
            before: z.coerce.number().int().positive().optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          }),
        },
      },
      async (req) => {
        const p = requireRole(req, 'super_admin', 'operator', 'auditor')
        const q = req.query
        const conds = [eq(integrationLog.tenantId, p.tenantId)]
        if (q.system) conds.push(eq(integrationLog.system, q.system))
        if (q.reportId) conds.push(eq(integrationLog.reportId, q.reportId))
        if (q.before) conds.push(lt(integrationLog.id, q.before))
        const rows = await ctx.db.select().from(integrationLog).where(and(...conds)).orderBy(desc(integrationLog.id)).limit(q.limit)
        const items = rows.map((r) => ({ id: Number(r.id), system: r.system, reportId: r.reportId, direction: r.direction, action: r.action, status: r.status, detail: r.detail, at: r.createdAt }))
        return { items, nextBefore: items.length === q.limit ? items.at(-1)!.id : null }
      },
    )

    // LAPOR! (or a relay) pushes a dispatched report; the same intake as the pull.
    app.post('/bridges/lapor/:tenantId/dispatches', { schema: { tags, params: tenantParams, body: z.record(z.string(), z.unknown()) } }, async (req, reply) => {
      const { tenantId } = req.params
      const out = await ctx.db.transaction(async (tx) => {
        const c = await loadLaporConfig(ctx, tx, tenantId)
        if (!c?.enabled || !bearerMatches(req, c.inboundTokenHash)) throw unauthorised()
        const d = mapDispatch(c, req.body)
        if (!d) throw invalid({ id: 'Laporan LAPOR! tanpa id atau isi.', en: 'A LAPOR! report needs an id and a body.' })
        const trackingCode = await takeDispatch(tx, tenantId, c, d, ctx.clock.now())
        return { trackingCode, laporId: d.laporId }
      })
      return reply.code(201).send(out)
    })

    // --- 112 ----------------------------------------------------------------------------------
    app.post('/api/reports/:id/emergency112', { schema: { tags, params: idParams, body: z.object({ reason: z.string().trim().min(3).max(2000) }) } }, async (req, reply) => {
      const p = requireRole(req, 'super_admin', 'operator')
      const out = await ctx.db.transaction(async (tx) => {
        const [r] = await tx.select({ status: reports.status }).from(reports).where(and(eq(reports.tenantId, p.tenantId), eq(reports.id, req.params.id))).for('update')
        if (!r) throw notFound()
        const now = ctx.clock.now()
        const id = await openHandoff(tx, p.tenantId, req.params.id, 'operator', now)
        if (!id) throw conflict({ id: 'Sambungan 112 belum diaktifkan, atau laporan ini sudah diteruskan ke 112.', en: 'The 112 hand-off is not enabled, or this report was already handed off.' })
        await insertEvents(tx, p.tenantId, req.params.id, [{ type: 'emergency_112_requested', fromStatus: r.status, toStatus: r.status, data: { handoffId: id, reason: req.body.reason }, agencyId: null, internal: true }], actorFor(p, undefined), now)
        return { handoffId: id }
      })
      return reply.code(202).send(out)
    })

    app.get('/api/bridges/emergency112/handoffs', { schema: { tags, querystring: z.object({ open: z.enum(['true', 'false']).default('true'), limit: z.coerce.number().int().min(1).max(500).default(100) }) } }, async (req) => {
      const p = requireRole(req, ...STAFF)
      return { items: await listHandoffs(ctx.db, p.tenantId, { open: req.query.open === 'true', limit: req.query.limit }, ctx.clock.now()) }
    })

    app.post(
      '/api/bridges/emergency112/handoffs/:id/confirm',
      { schema: { tags, params: idParams, body: z.object({ agency: z.string().trim().min(2).max(200), note: z.string().trim().max(4000).optional() }) } },
      async (req) => {
        const p = requireRole(req, 'super_admin', 'operator', 'agency_admin', 'agency_head')
        const res = await ctx.db.transaction((tx) =>
          updateHandoff(tx, p.tenantId, req.params.id, { status: 'acted', agency: req.body.agency, note: req.body.note ?? null }, { via: 'staff', actor: actorFor(p, undefined) }, ctx.clock.now()),
        )
        if (res === 'not_found') throw notFound()
        if (res === 'closed') throw conflict({ id: 'Penanganan ini sudah dikonfirmasi.', en: 'This hand-off was already confirmed.' })
        return { status: 'acted' }
      },
    )

    const CallbackBody = z.object({
      handoffId: z.uuid(),
      status: z.enum(['accepted', 'dispatched', 'acted', 'rejected']),
      incidentId: z.string().max(200).optional(),
      agency: z.string().trim().min(2).max(200).optional(),
      note: z.string().max(4000).optional(),
    })
    app.post('/bridges/emergency112/:tenantId/callback', { schema: { tags, params: tenantParams, body: CallbackBody } }, async (req) => {
      const { tenantId } = req.params
      const b = req.body
      if (b.status === 'acted' && !b.agency) throw invalid({ id: 'Status acted memerlukan nama instansi.', en: "Status 'acted' needs the agency's name." })
      const res = await ctx.db.transaction(async (tx) => {
        const c = await loadE112Config(ctx, tx, tenantId)
        if (!c?.enabled || !bearerMatches(req, c.callbackTokenHash)) throw unauthorised()
        const base = { centreRef: b.incidentId ?? null, note: b.note ?? null }
        const u: Update =
          b.status === 'acted'
            ? { status: 'acted', agency: b.agency!, ...base }
            : b.status === 'rejected'
              ? { status: 'rejected', ...base }
              : { status: 'accepted', agency: b.agency ?? null, ...base }
        const r = await updateHandoff(tx, tenantId, b.handoffId, u, { via: 'callback', actor: { kind: 'system' } }, ctx.clock.now())
        if (r === 'closed') await logIntegration(tx, { tenantId, system: 'emergency112', direction: 'in', action: 'callback', status: 'skipped', detail: { handoffId: b.handoffId, reason: 'already acted' } }, ctx.clock.now())
        return r
      })
      if (res === 'not_found') throw notFound()
      return { ok: true, alreadyClosed: res === 'closed' }
    })
  }
