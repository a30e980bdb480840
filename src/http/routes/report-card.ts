// The monthly agency report card (rapor OPD): on-demand generation and downloads (docs/REPORT-CARD.md).
// GET /api/report-cards/{YYYY-MM}.pdf|.xlsx[?agency=<id>]: the dashboard's roles and scope (agency
// users get only their own agencies; another agency's card is 403). Cards are generated on each
// request from the dashboard's queries, never stored.
import { and, eq } from 'drizzle-orm'
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { tenantTimeZone } from '../../analytics/dashboard.ts'
import { DASHBOARD_ROLES, scopeOf } from '../../analytics/scope.ts'
import type { AppContext } from '../../context.ts'
import { agencies } from '../../db/schema/index.ts'
import { assembleCard } from '../../reportcard/data.ts'
import { channelLabel } from '../../reportcard/labels.ts'
import { isValidMonth, monthOf } from '../../reportcard/month.ts'
import { renderPdf } from '../../reportcard/pdf.ts'
import { fileStem } from '../../reportcard/sections.ts'
import { renderXlsx } from '../../reportcard/xlsx.ts'
import { requireRole } from '../auth.ts'
import { forbidden, invalid, notFound } from '../errors.ts'

const FILE_RE = /^(\d{4}-\d{2})\.(pdf|xlsx)$/

const params = z.object({
  file: z.string().max(20).describe('The month and format: YYYY-MM.pdf or YYYY-MM.xlsx (month in the tenant\'s time zone)'),
})
const query = z.object({
  agency: z.uuid().optional().describe("One agency's card; default: the whole tenant (or, for agency users, their agencies)"),
})

const badMonth = () =>
  invalid({
    id: 'Bulan tidak valid: gunakan YYYY-MM.pdf atau YYYY-MM.xlsx, bulan yang sudah dimulai, sejak tahun 2000.',
    en: 'Invalid month: use YYYY-MM.pdf or YYYY-MM.xlsx, a month that has begun, from 2000 on.',
  })

export const reportCardRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>()

    app.get(
      '/api/report-cards/:file',
      {
        schema: {
          tags: ['dashboard'],
          summary: 'Monthly report card (rapor OPD) as PDF or XLSX',
          params,
          querystring: query,
        },
      },
      async (req, reply) => {
        const p = requireRole(req, ...DASHBOARD_ROLES)
        const m = FILE_RE.exec(req.params.file)
        if (!m || !isValidMonth(m[1]!)) throw badMonth()
        const [month, format] = [m[1]!, m[2] as 'pdf' | 'xlsx']
        const now = ctx.clock.now()
        if (month > monthOf(now, await tenantTimeZone(ctx.db, p.tenantId))) throw badMonth()
        const scope = scopeOf(p)
        const agencyId = req.query.agency ?? null
        if (agencyId) {
          const [a] = await ctx.db
            .select({ id: agencies.id })
            .from(agencies)
            .where(and(eq(agencies.tenantId, p.tenantId), eq(agencies.id, agencyId)))
          if (!a) throw notFound({ id: 'OPD tidak ditemukan.', en: 'Agency not found.' })
          if (scope.agencyIds !== null && !scope.agencyIds.includes(agencyId))
            throw forbidden({ id: 'Anda hanya dapat mengunduh rapor OPD Anda sendiri.', en: "You may download only your own agency's report card." })
        }
        const card = await assembleCard(ctx.db, { scope, month, agencyId, now }, channelLabel)
        const name = `${fileStem(card)}.${format}`
        reply.header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'private, no-store')
        if (format === 'pdf') {
          reply.header('content-type', 'application/pdf')
          return renderPdf(card)
        }
        reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        return renderXlsx(card)
      },
    )
  }
