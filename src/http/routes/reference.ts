// Reference data every signed-in user needs: the tenant, its agencies, categories and regions.
import { and, asc, eq } from 'drizzle-orm'
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../../context.ts'
import { agencies, categories, categoryAgencies, regions, tenants } from '../../db/schema/index.ts'
import { requirePrincipal } from '../auth.ts'

export const referenceRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>()

    app.get('/api/tenant', { schema: { tags: ['reference'] } }, async (req) => {
      const p = requirePrincipal(req)
      const [t] = await ctx.db.select().from(tenants).where(eq(tenants.id, p.tenantId))
      return { id: t!.id, slug: t!.slug, name: t!.name, kind: t!.kind, regionCode: t!.regionCode, timeZone: t!.timeZone }
    })

    app.get('/api/agencies', { schema: { tags: ['reference'] } }, async (req) => {
      const p = requirePrincipal(req)
      const rows = await ctx.db
        .select({
          id: agencies.id,
          parentId: agencies.parentId,
          slug: agencies.slug,
          name: agencies.name,
          shortName: agencies.shortName,
          type: agencies.type,
          requiresApproval: agencies.requiresApproval,
          isCoordinator: agencies.isCoordinator,
          active: agencies.active,
        })
        .from(agencies)
        .where(eq(agencies.tenantId, p.tenantId))
        .orderBy(asc(agencies.name))
      return { items: rows }
    })

    app.get('/api/categories', { schema: { tags: ['reference'] } }, async (req) => {
      const p = requirePrincipal(req)
      const rows = await ctx.db.select().from(categories).where(eq(categories.tenantId, p.tenantId)).orderBy(asc(categories.name))
      const links = await ctx.db.select().from(categoryAgencies).where(eq(categoryAgencies.tenantId, p.tenantId))
      return {
        items: rows.map((c) => ({
          id: c.id,
          slug: c.slug,
          name: c.name,
          slaTier: c.slaTier,
          isWhistleblowing: c.isWhistleblowing,
          active: c.active,
          defaultAgencyIds: links
            .filter((l) => l.categoryId === c.id)
            .sort((a, b) => a.position - b.position)
            .map((l) => l.agencyId),
        })),
      }
    })

    app.get(
      '/api/regions',
      {
        schema: {
          tags: ['reference'],
          querystring: z.object({ parent: z.string().max(20).optional(), level: z.enum(['province', 'regency', 'district', 'village']).optional() }),
        },
      },
      async (req) => {
        const p = requirePrincipal(req)
        const conds = [eq(regions.tenantId, p.tenantId)]
        if (req.query.parent) conds.push(eq(regions.parentCode, req.query.parent))
        if (req.query.level) conds.push(eq(regions.level, req.query.level))
        const rows = await ctx.db
          .select({ code: regions.code, parentCode: regions.parentCode, level: regions.level, name: regions.name })
          .from(regions)
          .where(and(...conds))
          .orderBy(asc(regions.name))
        return { items: rows }
      },
    )
  }
