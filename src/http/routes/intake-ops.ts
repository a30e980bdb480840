// Intake operations: dead-lettered inbound events (list, inspect, replay) and linking contact
// identities across channels. Operators and super admins; the raw payload (the citizen's words,
// number, name) only to super admins, on the detail endpoint, never in the list.
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../../context.ts'
import { contactView, linkContacts, searchContacts, unlinkIdentity } from '../../intake/contact-links.ts'
import { getInboundEvent, listDeadLetters, replayInboundEvent } from '../../intake/dead-letters.ts'
import { CHANNEL_TYPES } from '../../reports/model.ts'
import { requireRole } from '../auth.ts'
import { conflict, notFound } from '../errors.ts'

const eventParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) })
const contactParams = z.object({ id: z.uuid() })

export const intakeOpsRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>()

    app.get(
      '/api/inbound-events/dead',
      {
        schema: {
          tags: ['intake'],
          querystring: z.object({
            channel: z.enum(CHANNEL_TYPES).optional(),
            before: z.coerce.number().int().positive().optional(),
            limit: z.coerce.number().int().min(1).max(200).optional(),
          }),
        },
      },
      async (req) => {
        const p = requireRole(req, 'super_admin', 'operator')
        const limit = req.query.limit ?? 50
        const rows = await listDeadLetters(ctx.db, p.tenantId, { channel: req.query.channel, before: req.query.before, limit: limit + 1 })
        const page = rows.slice(0, limit)
        return { items: page, nextBefore: rows.length > limit ? (page.at(-1)?.id ?? null) : null }
      },
    )

    app.get('/api/inbound-events/:id', { schema: { tags: ['intake'], params: eventParams } }, async (req) => {
      const p = requireRole(req, 'super_admin')
      const row = await getInboundEvent(ctx.db, p.tenantId, req.params.id)
      if (!row) throw notFound()
      return row
    })

    app.post('/api/inbound-events/:id/replay', { schema: { tags: ['intake'], params: eventParams } }, async (req) => {
      const p = requireRole(req, 'super_admin', 'operator')
      const r = await replayInboundEvent(ctx, p.tenantId, req.params.id)
      if (!r) throw notFound()
      if (r.outcome === 'unparsable') {
        throw conflict({
          id: 'Pesan ini masih tidak dapat diurai; perbaiki kanal atau adaptornya lalu coba lagi.',
          en: 'This event still cannot be parsed; fix the channel or its adapter and retry.',
        })
      }
      return r
    })

    // Contacts: identities across channels.

    app.get(
      '/api/contacts',
      { schema: { tags: ['contacts'], querystring: z.object({ q: z.string().trim().min(2).max(100) }) } },
      async (req) => {
        const p = requireRole(req, 'super_admin', 'operator')
        return { items: await searchContacts(ctx.db, p.tenantId, req.query.q) }
      },
    )

    app.get('/api/contacts/:id', { schema: { tags: ['contacts'], params: contactParams } }, async (req) => {
      const p = requireRole(req, 'super_admin', 'operator')
      const v = await contactView(ctx.db, p.tenantId, req.params.id)
      if (!v) throw notFound()
      return v
    })

    app.post(
      '/api/contacts/:id/links',
      { schema: { tags: ['contacts'], params: contactParams, body: z.object({ otherContactId: z.uuid() }) } },
      async (req) => {
        const p = requireRole(req, 'super_admin', 'operator')
        await linkContacts(ctx, p.tenantId, req.params.id, req.body.otherContactId, p.user.id)
        return (await contactView(ctx.db, p.tenantId, req.params.id))!
      },
    )

    app.delete(
      '/api/contacts/:id/identities/:identityId',
      { schema: { tags: ['contacts'], params: z.object({ id: z.uuid(), identityId: z.uuid() }) } },
      async (req) => {
        const p = requireRole(req, 'super_admin', 'operator')
        const newContactId = await unlinkIdentity(ctx, p.tenantId, req.params.id, req.params.identityId, p.user.id)
        return { contactId: req.params.id, newContactId }
      },
    )
  }
