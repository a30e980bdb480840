// Data portability (JSON lines export/import) and reporters' personal-data requests under UU PDP (docs/PORTABILITY.md).
// Export and import are a super admin's; the list of requests and executing an erasure are an
// operator's or a super admin's. The reporter's own side is on the portal (src/portal/routes-reporter.ts).
import { Readable } from 'node:stream'
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import type { AppContext } from '../../context.ts'
import { tenants } from '../../db/schema/index.ts'
import { executeErasure } from '../../portability/erase.ts'
import { exportTenant } from '../../portability/export.ts'
import { ImportError, importTenant } from '../../portability/import.ts'
import { listRequests } from '../../portability/pdp.ts'
import { requireRole } from '../auth.ts'
import { conflict, invalid, notFound } from '../errors.ts'

const NDJSON = 'application/x-ndjson'

export const portabilityRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>()
    const tags = ['portability']
    // The import body is read as a stream line by line (no size limit: a tenant may be large).
    app.addContentTypeParser(NDJSON, (_req, payload, done) => done(null, payload))

    app.get(
      '/api/export',
      { schema: { tags, querystring: z.object({ withSecrets: z.enum(['true', 'false']).default('false') }) } },
      async (req, reply) => {
        const p = requireRole(req, 'super_admin')
        const [t] = await ctx.db.select({ slug: tenants.slug }).from(tenants).where(eq(tenants.id, p.tenantId))
        if (!t) throw notFound()
        const stamp = ctx.clock.now().toISOString().slice(0, 10)
        const lines = exportTenant(ctx.db, t.slug, { withSecrets: req.query.withSecrets === 'true', now: ctx.clock.now() })
        reply.header('content-type', `${NDJSON}; charset=utf-8`)
        reply.header('content-disposition', `attachment; filename="aduan-${t.slug}-${stamp}.jsonl"`)
        reply.header('cache-control', 'no-store')
        return reply.send(Readable.from(lines))
      },
    )

    app.post(
      '/api/import',
      { schema: { tags, querystring: z.object({ tenantSlug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/).optional() }) } },
      async (req, reply) => {
        const p = requireRole(req, 'super_admin')
        const body = req.body as unknown
        if (!(body instanceof Readable))
          throw invalid({ id: `Kirim berkas ekspor sebagai ${NDJSON}.`, en: `Send the export file as ${NDJSON}.` })
        try {
          const r = await importTenant(ctx.db, body, { sealer: ctx.sealer, callerTenantId: p.tenantId, ...(req.query.tenantSlug ? { tenantSlug: req.query.tenantSlug } : {}) })
          return reply.code(r.created ? 201 : 200).send(r)
        } catch (err) {
          if (err instanceof ImportError)
            throw invalid({ id: `Impor berhenti di ${err.id}`, en: `Import stopped at ${err.message}` }, { line: err.line })
          throw err
        }
      },
    )

    app.get(
      '/api/pdp-requests',
      {
        schema: {
          tags,
          querystring: z.object({
            status: z.enum(['pending', 'done', 'rejected']).optional(),
            kind: z.enum(['access', 'erasure']).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          }),
        },
      },
      async (req) => {
        const p = requireRole(req, 'super_admin', 'operator')
        return { items: await listRequests(ctx.db, p.tenantId, req.query, ctx.clock.now()) }
      },
    )

    app.post('/api/pdp-requests/:id/execute', { schema: { tags, params: z.object({ id: z.uuid() }) } }, async (req) => {
      const p = requireRole(req, 'super_admin', 'operator')
      const role = p.roles.has('super_admin') ? 'super_admin' : 'operator'
      const r = await executeErasure(ctx.db, ctx.config.DATA_DIR, p.tenantId, req.params.id, { userId: p.user.id, role }, ctx.clock.now())
      if (r.status === 'not_found') throw notFound({ id: 'Permintaan penghapusan tidak ditemukan.', en: 'No such erasure request.' })
      if (r.status === 'already_done') throw conflict({ id: 'Permintaan ini sudah dilaksanakan.', en: 'This request was already executed.' })
      ctx.log.info({ requestId: req.params.id, summary: r.summary }, 'pdp erasure executed')
      return { status: 'done', summary: r.summary }
    })
  }
