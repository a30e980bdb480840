// Channel accounts: super admins and operators connect WhatsApp numbers, Pages, bots ...
// Credentials are encrypted at rest and never returned; each account has its own webhook URL.
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  ChannelConfigError,
  createChannelAccount,
  getChannelAccount,
  listChannelAccounts,
  type ChannelAccountView,
} from '../../channels/accounts.ts'
import { ADAPTER_TYPES } from '../../channels/registry.ts'
import type { AppContext } from '../../context.ts'
import { requireRole } from '../auth.ts'
import { invalid, notFound } from '../errors.ts'

export const webhookUrl = (ctx: AppContext, type: string, id: string) => `${ctx.config.BASE_URL}/webhooks/${type}/${id}`

export const channelRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>()
    const present = (a: ChannelAccountView) => ({
      id: a.id,
      type: a.type,
      name: a.name,
      active: a.active,
      webhookUrl: webhookUrl(ctx, a.type, a.id),
      config: a.config,
      createdAt: a.createdAt,
    })

    app.get('/api/channels', { schema: { tags: ['channels'] } }, async (req) => {
      const p = requireRole(req, 'super_admin', 'operator')
      return { items: (await listChannelAccounts(ctx.db, p.tenantId)).map(present) }
    })

    app.get(
      '/api/channels/:id',
      { schema: { tags: ['channels'], params: z.object({ id: z.uuid() }) } },
      async (req) => {
        const p = requireRole(req, 'super_admin', 'operator')
        const a = await getChannelAccount(ctx.db, p.tenantId, req.params.id)
        if (!a) throw notFound({ id: 'Kanal tidak ditemukan.', en: 'Channel not found.' })
        return present(a)
      },
    )

    app.post(
      '/api/channels',
      {
        schema: {
          tags: ['channels'],
          body: z.object({
            type: z.enum(ADAPTER_TYPES),
            name: z.string().trim().min(1).max(200),
            config: z.record(z.string(), z.unknown()),
          }),
        },
      },
      async (req, reply) => {
        const p = requireRole(req, 'super_admin', 'operator')
        try {
          const a = await createChannelAccount(ctx, { tenantId: p.tenantId, ...req.body })
          return reply.code(201).send(present(a))
        } catch (err) {
          if (err instanceof ChannelConfigError) {
            throw invalid(
              {
                id: `Konfigurasi kanal ${req.body.type} tidak valid: ${err.message}`,
                en: `Invalid ${req.body.type} channel configuration: ${err.message}`,
              },
              { errors: err.issues },
            )
          }
          throw err
        }
      },
    )
  }
