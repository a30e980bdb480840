// Reports over HTTP: the list, the detail, the timeline, operator entry, and one POST per
// lifecycle command at /api/reports/{id}/{command-with-hyphens}.
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../../context.ts'
import type { Db } from '../../db/connect.ts'
import { contacts } from '../../db/schema/index.ts'
import { runCommand } from '../../reports/commands.ts'
import { COMMAND_TYPES } from '../../reports/lifecycle.ts'
import { REPORT_KINDS, REPORT_STATUSES, CHANNEL_TYPES } from '../../reports/model.ts'
import { getReportFor, getTimelineFor, listReportsFor } from '../../reports/queries.ts'
import { openReport } from '../../reports/open.ts'
import { requirePrincipal, requireRole } from '../auth.ts'
import { notFound } from '../errors.ts'

const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.enum(values), z.array(z.enum(values))])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]))

const idParams = z.object({ id: z.uuid() })

export const reportRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>()

    app.get(
      '/api/reports',
      {
        schema: {
          tags: ['reports'],
          querystring: z.object({
            status: list(REPORT_STATUSES),
            kind: list(REPORT_KINDS),
            channel: list(CHANNEL_TYPES),
            agency: z.uuid().optional(),
            category: z.uuid().optional(),
            region: z.string().max(20).optional(),
            sla: z.enum(['on_track', 'due_soon', 'overdue']).optional(),
            from: z.coerce.date().optional(),
            to: z.coerce.date().optional(),
            q: z.string().trim().min(1).max(200).optional(),
            cursor: z.string().max(200).optional(),
            limit: z.coerce.number().int().min(1).max(200).optional(),
          }),
        },
      },
      async (req) => {
        const p = requirePrincipal(req)
        return listReportsFor(ctx.db, p, req.query, ctx.clock.now())
      },
    )

    app.get('/api/reports/:id', { schema: { tags: ['reports'], params: idParams } }, async (req) => {
      const p = requirePrincipal(req)
      const r = await getReportFor(ctx.db, p, req.params.id, ctx.clock.now())
      if (!r) throw notFound()
      return r
    })

    app.get('/api/reports/:id/events', { schema: { tags: ['reports'], params: idParams } }, async (req) => {
      const p = requirePrincipal(req)
      const items = await getTimelineFor(ctx.db, p, req.params.id)
      if (!items) throw notFound()
      return { items }
    })

    app.post(
      '/api/reports',
      {
        schema: {
          tags: ['reports'],
          body: z.object({
            body: z.string().trim().min(3).max(20_000),
            title: z.string().trim().min(3).max(200).optional(),
            channel: z.enum(['phone', 'walk_in']),
            kind: z.enum(REPORT_KINDS).optional(),
            reporterName: z.string().trim().min(1).max(200).optional(),
            reporterPhone: z.string().regex(/^\+?\d{8,15}$/).optional(),
            regionCode: z.string().max(20).optional(),
            locationText: z.string().max(500).optional(),
            flags: z
              .object({ anonymous: z.boolean().default(false), confidential: z.boolean().default(false), emergency: z.boolean().default(false) })
              .prefault({}),
          }),
        },
      },
      async (req, reply) => {
        const p = requireRole(req, 'operator', 'super_admin')
        const b = req.body
        const now = ctx.clock.now()
        const created = await ctx.db.transaction(async (t) => {
          const tx = t as unknown as Db
          let contactId: string | null = null
          if (b.reporterName || b.reporterPhone) {
            const [c] = await tx
              .insert(contacts)
              .values({ tenantId: p.tenantId, name: b.reporterName ?? null, phone: b.reporterPhone ?? null, createdAt: now, updatedAt: now })
              .returning({ id: contacts.id })
            contactId = c!.id
          }
          const opened = await openReport(tx, {
            tenantId: p.tenantId,
            title: b.title ?? null,
            body: b.body,
            kind: b.kind,
            regionCode: b.regionCode ?? null,
            locationText: b.locationText ?? null,
            contactId,
            channelType: b.channel,
            flags: b.flags,
            actor: { kind: 'user', userId: p.user.id, role: p.roles.has('operator') ? 'operator' : 'super_admin', agencyIds: [] },
            eventData: { enteredByOperator: true },
            now,
          })
          return { ...opened, status: 'received' as const }
        })
        return reply.code(201).send(created)
      },
    )

    for (const type of COMMAND_TYPES) {
      app.post(
        `/api/reports/:id/${type.replaceAll('_', '-')}`,
        { schema: { tags: ['reports'], params: idParams, body: z.record(z.string(), z.unknown()).nullish() } },
        async (req) => {
          const p = requirePrincipal(req)
          const r = await runCommand(ctx, p, req.params.id, { ...(req.body ?? {}), type })
          return { id: r.state.id, status: r.state.status, events: r.events }
        },
      )
    }

    app.post(
      '/api/reports/:id/commands',
      { schema: { tags: ['reports'], params: idParams, body: z.object({ type: z.enum(COMMAND_TYPES as [string, ...string[]]) }).loose() } },
      async (req) => {
        const p = requirePrincipal(req)
        const r = await runCommand(ctx, p, req.params.id, req.body)
        return { id: r.state.id, status: r.state.status, events: r.events }
      },
    )
  }
