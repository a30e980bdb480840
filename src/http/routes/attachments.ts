// Attachments for staff: GET /api/attachments/{id}. Who may see the report may see its media;
// operators (and super admins) get the original, everyone else the copy without metadata (EXIF,
// GPS). A message not (yet) tied to a report is visible to operators only.
import { and, eq } from 'drizzle-orm'
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../../context.ts'
import { attachments } from '../../db/schema/index.ts'
import { publicMimeType, readMedia } from '../../media/store.ts'
import { getReportFor } from '../../reports/queries.ts'
import { requirePrincipal } from '../auth.ts'
import { notFound } from '../errors.ts'

export const attachmentRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>()
    app.get(
      '/api/attachments/:id',
      {
        schema: {
          tags: ['attachments'],
          params: z.object({ id: z.uuid() }),
          querystring: z.object({ variant: z.enum(['original', 'public']).optional() }),
        },
      },
      async (req, reply) => {
        const p = requirePrincipal(req)
        const [a] = await ctx.db
          .select()
          .from(attachments)
          .where(and(eq(attachments.tenantId, p.tenantId), eq(attachments.id, req.params.id)))
        if (!a) throw notFound()
        const operator = p.roles.has('operator') || p.roles.has('super_admin')
        if (a.reportId) {
          if (!(await getReportFor(ctx.db, p, a.reportId, ctx.clock.now()))) throw notFound()
        } else if (!operator) throw notFound()
        const original = operator && req.query.variant !== 'public'
        const key = original ? a.storageKey : a.publicStorageKey
        if (!key) throw notFound()
        const bytes = await readMedia(ctx.config.DATA_DIR, key).catch(() => null)
        if (!bytes) throw notFound()
        reply.header('cache-control', 'private, max-age=3600')
        reply.header('x-content-type-options', 'nosniff')
        // Never render user-supplied files inline as HTML/SVG in our origin.
        const type = original ? a.mimeType : publicMimeType(key)
        if (!/^(image\/(jpeg|png|webp|gif)|video\/|audio\/)/.test(type)) reply.header('content-disposition', 'attachment')
        return reply.type(type).send(bytes)
      },
    )
  }
