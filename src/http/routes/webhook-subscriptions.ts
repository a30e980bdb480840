// Outgoing webhook subscriptions (super_admin): create (the signing secret is shown once), list,
// change, delete, the delivery log, redeliver. docs/WEBHOOKS.md describes payloads and signatures.
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../../context.ts'
import { WEBHOOK_EVENT_TYPES } from '../../integrations/webhooks/payload.ts'
import {
  createSubscription,
  deleteSubscription,
  listDeliveries,
  listSubscriptions,
  redeliver,
  updateSubscription,
} from '../../integrations/webhooks/subscriptions.ts'
import { requireRole } from '../auth.ts'
import { notFound } from '../errors.ts'

const url = z
  .url({ protocol: /^https?$/ })
  .max(2000)
const eventTypes = z
  .array(z.enum(['*', ...WEBHOOK_EVENT_TYPES]))
  .min(1)
  .max(50)
  .transform((v) => [...new Set(v)])
const idParams = z.object({ id: z.uuid() })
const NOT_FOUND = { id: 'Langganan webhook tidak ditemukan.', en: 'No such webhook subscription.' }

export const webhookSubscriptionRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>()
    const tags = ['webhooks']

    app.post(
      '/api/webhooks',
      { schema: { tags, body: z.object({ url, eventTypes: eventTypes.default(['*']) }) } },
      async (req, reply) => {
        const p = requireRole(req, 'super_admin')
        return reply.code(201).send(await createSubscription(ctx.db, ctx.sealer, p.tenantId, req.body))
      },
    )

    app.get('/api/webhooks', { schema: { tags } }, async (req) => {
      const p = requireRole(req, 'super_admin')
      return { items: await listSubscriptions(ctx.db, p.tenantId) }
    })

    app.patch(
      '/api/webhooks/:id',
      {
        schema: {
          tags,
          params: idParams,
          body: z.object({ url: url.optional(), eventTypes: eventTypes.optional(), active: z.boolean().optional() }),
        },
      },
      async (req) => {
        const p = requireRole(req, 'super_admin')
        const s = await updateSubscription(ctx.db, p.tenantId, req.params.id, req.body)
        if (!s) throw notFound(NOT_FOUND)
        return s
      },
    )

    app.delete('/api/webhooks/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
      const p = requireRole(req, 'super_admin')
      if (!(await deleteSubscription(ctx.db, p.tenantId, req.params.id))) throw notFound(NOT_FOUND)
      return reply.code(204).send()
    })

    app.get(
      '/api/webhooks/:id/deliveries',
      {
        schema: {
          tags,
          params: idParams,
          querystring: z.object({
            status: z.enum(['queued', 'failed', 'delivered', 'dead', 'cancelled']).optional(),
            before: z.coerce.number().int().positive().optional(),
            limit: z.coerce.number().int().min(1).max(200).optional(),
          }),
        },
      },
      async (req) => {
        const p = requireRole(req, 'super_admin')
        const r = await listDeliveries(ctx.db, p.tenantId, req.params.id, req.query)
        if (!r) throw notFound(NOT_FOUND)
        return r
      },
    )

    app.post(
      '/api/webhooks/:id/deliveries/:deliveryId/redeliver',
      { schema: { tags, params: z.object({ id: z.uuid(), deliveryId: z.coerce.number().int().positive() }) } },
      async (req, reply) => {
        const p = requireRole(req, 'super_admin')
        const d = await redeliver(ctx.db, p.tenantId, req.params.id, req.params.deliveryId)
        if (!d) throw notFound({ id: 'Pengiriman tidak ditemukan.', en: 'No such delivery.' })
        return reply.code(202).send(d)
      },
    )
  }
