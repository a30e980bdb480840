// Conversations: the operator's reply on the citizen's own channel, through the outbox.
// Outside WhatsApp's 24-hour window free text is not allowed: an approved template carries it.
import crypto from 'node:crypto'
import { and, asc, eq } from 'drizzle-orm'
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { getAdapter } from '../../channels/registry.ts'
import type { AppContext } from '../../context.ts'
import { contactIdentities, conversations, messages } from '../../db/schema/index.ts'
import { queueMessage } from '../../delivery/outbox.ts'
import { requireRole } from '../auth.ts'
import { notFound } from '../errors.ts'

export const conversationRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>()

    app.get('/api/conversations/:id/messages', { schema: { tags: ['conversations'], params: z.object({ id: z.uuid() }) } }, async (req) => {
      const p = requireRole(req, 'super_admin', 'operator', 'auditor')
      const rows = await ctx.db
        .select({ id: messages.id, direction: messages.direction, body: messages.body, kind: messages.kind, status: messages.status, createdAt: messages.createdAt })
        .from(messages)
        .where(and(eq(messages.tenantId, p.tenantId), eq(messages.conversationId, req.params.id)))
        .orderBy(asc(messages.createdAt))
      return { items: rows }
    })

    app.post(
      '/api/conversations/:id/messages',
      { schema: { tags: ['conversations'], params: z.object({ id: z.uuid() }), body: z.object({ text: z.string().trim().min(1).max(4000) }) } },
      async (req, reply) => {
        const p = requireRole(req, 'super_admin', 'operator')
        const [c] = await ctx.db
          .select({ conv: conversations, externalId: contactIdentities.externalId })
          .from(conversations)
          .innerJoin(contactIdentities, and(eq(contactIdentities.tenantId, conversations.tenantId), eq(contactIdentities.id, conversations.identityId)))
          .where(and(eq(conversations.tenantId, p.tenantId), eq(conversations.id, req.params.id)))
        if (!c) throw notFound()
        const adapter = getAdapter(c.conv.channelType)
        const windowHours = adapter?.freeTextWindowHours
        const outside =
          !!windowHours && (!c.conv.lastInboundAt || ctx.clock.now().getTime() - c.conv.lastInboundAt.getTime() > windowHours * 3600_000)
        const text = req.body.text
        const id = await ctx.db.transaction((tx) =>
          queueMessage(tx, {
            tenantId: p.tenantId,
            channelType: c.conv.channelType,
            channelAccountId: c.conv.channelAccountId,
            conversationId: c.conv.id,
            reportId: c.conv.reportId,
            recipient: c.externalId,
            message: outside ? { text, template: { name: 'pemberitahuan_laporan', language: 'id', parameters: [text] } } : { text },
            idempotencyKey: `reply:${crypto.randomUUID()}`,
            authorUserId: p.user.id,
          }),
        )
        return reply.code(202).send({ outboundId: id, template: outside })
      },
    )
  }
