// Triage suggestions for operators: agency, category, emergency, duplicates (see src/triage/).
// Only a principal who may see the report gets its suggestions (the report queries' own rule);
// anyone else gets the same 404 as for the report itself.
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../../context.ts'
import { getReportFor } from '../../reports/queries.ts'
import { suggestionsFor } from '../../triage/suggestions.ts'
import { requirePrincipal } from '../auth.ts'
import { notFound } from '../errors.ts'

const scored = { score: z.number(), reasons: z.array(z.string()) }

const suggestionsSchema = z.object({
  agencies: z.array(z.object({ agencyId: z.string(), name: z.string(), ...scored })),
  categories: z.array(z.object({ categoryId: z.string(), name: z.string(), ...scored })),
  emergency: z.object({
    isEmergency: z.boolean(),
    type: z.string().nullable(),
    score: z.number(),
    matched: z.array(z.string()),
  }),
  duplicates: z.array(z.object({ reportId: z.string(), trackingCode: z.string(), ...scored })),
})

export const triageRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>()
    app.get(
      '/api/reports/:id/suggestions',
      {
        schema: {
          tags: ['reports'],
          summary: 'Triage suggestions: agencies, categories, emergency, duplicates',
          params: z.object({ id: z.uuid() }),
          response: { 200: suggestionsSchema },
        },
      },
      async (req) => {
        const p = requirePrincipal(req)
        const now = ctx.clock.now()
        if (!(await getReportFor(ctx.db, p, req.params.id, now))) throw notFound()
        const s = await suggestionsFor(ctx.db, p, req.params.id, now)
        if (!s) throw notFound()
        return s
      },
    )
  }
