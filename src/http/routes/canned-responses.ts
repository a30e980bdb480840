// Canned responses (template jawaban): short answers with placeholders ({nama}, {kode}, {status},
// {opd}, {tenggat}) that operators pick in the reply box. Staff read; operators and super admins
// write. Auto-reply texts (auto_reply set) are the settings page's, not listed here.
import { and, asc, eq, isNull } from 'drizzle-orm'
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../../context.ts'
import { cannedResponses } from '../../db/schema/index.ts'
import { requireRole } from '../auth.ts'
import { notFound } from '../errors.ts'

const fields = z.object({
  shortcut: z.string().trim().min(1).max(40).regex(/^[\p{L}\p{N}_-]+$/u),
  title: z.string().trim().min(1).max(120),
  body: z.string().trim().min(1).max(4000),
})
const idParams = z.object({ id: z.uuid() })
const columns = { id: cannedResponses.id, shortcut: cannedResponses.shortcut, title: cannedResponses.title, body: cannedResponses.body, updatedAt: cannedResponses.updatedAt }

export const cannedResponseRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>()
    const own = (tenantId: string, id: string) => and(eq(cannedResponses.tenantId, tenantId), eq(cannedResponses.id, id), isNull(cannedResponses.autoReply))

    app.get('/api/canned-responses', { schema: { tags: ['conversations'] } }, async (req) => {
      const p = requireRole(req, 'super_admin', 'operator', 'auditor', 'agency_admin', 'agency_head')
      const items = await ctx.db
        .select(columns)
        .from(cannedResponses)
        .where(and(eq(cannedResponses.tenantId, p.tenantId), isNull(cannedResponses.autoReply)))
        .orderBy(asc(cannedResponses.shortcut))
      return { items }
    })

    app.post('/api/canned-responses', { schema: { tags: ['conversations'], body: fields } }, async (req, reply) => {
      const p = requireRole(req, 'super_admin', 'operator')
      const [row] = await ctx.db.insert(cannedResponses).values({ tenantId: p.tenantId, ...req.body }).returning(columns)
      return reply.code(201).send(row)
    })

    app.patch('/api/canned-responses/:id', { schema: { tags: ['conversations'], params: idParams, body: fields.partial() } }, async (req) => {
      const p = requireRole(req, 'super_admin', 'operator')
      const [row] = await ctx.db
        .update(cannedResponses)
        .set({ ...req.body, updatedAt: ctx.clock.now() })
        .where(own(p.tenantId, req.params.id))
        .returning(columns)
      if (!row) throw notFound()
      return row
    })

    app.delete('/api/canned-responses/:id', { schema: { tags: ['conversations'], params: idParams } }, async (req, reply) => {
      const p = requireRole(req, 'super_admin', 'operator')
      const done = await ctx.db.delete(cannedResponses).where(own(p.tenantId, req.params.id)).returning({ id: cannedResponses.id })
      if (done.length === 0) throw notFound()
      return reply.code(204).send()
    })
  }
