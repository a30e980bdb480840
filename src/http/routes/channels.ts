// Channel accounts: super admins and operators connect WhatsApp numbers, Pages, bots ...
// Credentials are encrypted at rest and never returned (only which secret keys are stored);
// each account has its own webhook URL. PATCH edits, POST .../test checks with the provider.
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
import { ADAPTER_TYPES, getAdapter } from '../../channels/registry.ts'
import type { AppContext } from '../../context.ts'
import { CHANNEL_TYPES_INFO } from '../../settings/channel-fields.ts'
import { storedSecretKeys, testChannelAccount, updateChannelAccount } from '../../settings/channels.ts'
import { requireRole } from '../auth.ts'
import { invalid, notFound } from '../errors.ts'

const configError = (type: string, err: ChannelConfigError) =>
  invalid(
    {
      id: `Konfigurasi kanal ${type} tidak valid: ${err.message}`,
      en: `Invalid ${type} channel configuration: ${err.message}`,
    },
    { errors: err.issues },
  )
const channelNotFound = () => notFound({ id: 'Kanal tidak ditemukan.', en: 'Channel not found.' })

export const webhookUrl = (ctx: AppContext, type: string, id: string) => `${ctx.config.BASE_URL}/webhooks/${type}/${id}`

export const channelRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>()
    const present = (a: ChannelAccountView, secrets: Map<string, string[]> = new Map()) => ({
      id: a.id,
      type: a.type,
      name: a.name,
      active: a.active,
      webhookUrl: webhookUrl(ctx, a.type, a.id),
      config: a.config,
      /** Names of the secret keys stored ("tersimpan"); their values never leave the server. */
      secretsStored: secrets.get(a.id) ?? [],
      secretKeys: [...(getAdapter(a.type)?.secretKeys ?? [])],
      createdAt: a.createdAt,
    })

    app.get('/api/channels', { schema: { tags: ['channels'] } }, async (req) => {
      const p = requireRole(req, 'super_admin', 'operator')
      const secrets = await storedSecretKeys(ctx, p.tenantId)
      return { items: (await listChannelAccounts(ctx.db, p.tenantId)).map((a) => present(a, secrets)) }
    })

    app.get('/api/channels/types', { schema: { tags: ['channels'] } }, async (req) => {
      requireRole(req, 'super_admin', 'operator')
      return { items: CHANNEL_TYPES_INFO }
    })

    app.get(
      '/api/channels/:id',
      { schema: { tags: ['channels'], params: z.object({ id: z.uuid() }) } },
      async (req) => {
        const p = requireRole(req, 'super_admin', 'operator')
        const a = await getChannelAccount(ctx.db, p.tenantId, req.params.id)
        if (!a) throw channelNotFound()
        return present(a, await storedSecretKeys(ctx, p.tenantId))
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
          return reply.code(201).send(present(a, await storedSecretKeys(ctx, p.tenantId)))
        } catch (err) {
          if (err instanceof ChannelConfigError) throw configError(req.body.type, err)
          throw err
        }
      },
    )

    app.patch(
      '/api/channels/:id',
      {
        schema: {
          tags: ['channels'],
          params: z.object({ id: z.uuid() }),
          body: z
            .object({
              name: z.string().trim().min(1).max(200).optional(),
              active: z.boolean().optional(),
              /** Only the keys to change; an empty secret keeps the stored one. */
              config: z.record(z.string(), z.unknown()).optional(),
            })
            .strict(),
        },
      },
      async (req) => {
        const p = requireRole(req, 'super_admin', 'operator')
        const existing = await getChannelAccount(ctx.db, p.tenantId, req.params.id)
        if (!existing) throw channelNotFound()
        try {
          const a = await updateChannelAccount(ctx, p.tenantId, req.params.id, req.body)
          if (!a) throw channelNotFound()
          req.log.info({ action: 'channel.update', channelAccountId: a.id }, 'channel account updated')
          return present(a, await storedSecretKeys(ctx, p.tenantId))
        } catch (err) {
          if (err instanceof ChannelConfigError) throw configError(existing.type, err)
          throw err
        }
      },
    )

    app.post(
      '/api/channels/:id/test',
      { schema: { tags: ['channels'], params: z.object({ id: z.uuid() }) } },
      async (req) => {
        const p = requireRole(req, 'super_admin', 'operator')
        const r = await testChannelAccount(ctx, p.tenantId, req.params.id)
        if (!r) throw channelNotFound()
        return r
      },
    )
  }
