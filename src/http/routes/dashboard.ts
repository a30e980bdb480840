// The leaders' dashboard API: aggregates, agency scoreboard, map by kecamatan, CSV/XLSX export, boundary import.
// Every figure is computed inside the viewer's scope (src/analytics/scope.ts): agency users see
// only their agencies' reports and rows.
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { boundariesOf, featureCollectionSchema, importBoundaries } from '../../analytics/boundaries.ts'
import { buildQuery, dashboardOptions, loadDashboard, tenantTimeZone } from '../../analytics/dashboard.ts'
import { reportTable, scoreboardTable, toCsv, toXlsx } from '../../analytics/export.ts'
import { reportRowsQuery, scoreboardQuery } from '../../analytics/queries.ts'
import { DASHBOARD_ROLES, scopeOf } from '../../analytics/scope.ts'
import type { AppContext } from '../../context.ts'
import { CHANNEL_TYPES, REPORT_KINDS } from '../../reports/model.ts'
import { requireRole } from '../auth.ts'
import { invalid } from '../errors.ts'

/** At most this many reports in one export (the filters narrow it; the header says when cut). */
export const EXPORT_LIMIT = 50_000

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const filters = z.object({
  from: day.optional(),
  to: day.optional(),
  granularity: z.enum(['day', 'week', 'month']).optional(),
  channel: z.enum(CHANNEL_TYPES).optional(),
  kind: z.enum(REPORT_KINDS).optional(),
  category: z.uuid().optional(),
  agency: z.uuid().optional(),
  district: z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/).optional(),
})

const badPeriod = () =>
  invalid({
    id: 'Periode tidak valid: tanggal YYYY-MM-DD, awal tidak sesudah akhir, paling lama dua tahun.',
    en: 'Invalid period: dates as YYYY-MM-DD, start not after end, at most two years.',
  })

export const dashboardRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>()

    const query = async (p: ReturnType<typeof requireRole>, input: z.infer<typeof filters>) => {
      try {
        return await buildQuery(ctx.db, scopeOf(p), input, ctx.clock.now())
      } catch (e) {
        if (e instanceof RangeError) throw badPeriod()
        throw e
      }
    }

    app.get('/api/dashboard', { schema: { tags: ['dashboard'], querystring: filters } }, async (req) => {
      const p = requireRole(req, ...DASHBOARD_ROLES)
      return loadDashboard(ctx.db, await query(p, req.query))
    })

    app.get('/api/dashboard/options', { schema: { tags: ['dashboard'] } }, async (req) => {
      const p = requireRole(req, ...DASHBOARD_ROLES)
      return dashboardOptions(ctx.db, scopeOf(p))
    })

    app.get(
      '/api/dashboard/export',
      {
        schema: {
          tags: ['dashboard'],
          querystring: filters.extend({ what: z.enum(['reports', 'scoreboard']), format: z.enum(['csv', 'xlsx']) }),
        },
      },
      async (req, reply) => {
        const p = requireRole(req, ...DASHBOARD_ROLES)
        const q = await query(p, req.query)
        const tz = await tenantTimeZone(ctx.db, p.tenantId)
        let table
        if (req.query.what === 'reports') {
          const rows = await reportRowsQuery(ctx.db, q, EXPORT_LIMIT + 1)
          if (rows.length > EXPORT_LIMIT) reply.header('x-export-truncated', String(EXPORT_LIMIT))
          table = reportTable(rows.slice(0, EXPORT_LIMIT), tz)
        } else {
          table = scoreboardTable(await scoreboardQuery(ctx.db, q))
        }
        const name = `${req.query.what === 'reports' ? 'laporan' : 'rapor-opd'}_${q.period.from}_${q.period.to}`
        if (req.query.format === 'csv') {
          reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`)
          return toCsv(table)
        }
        reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
        return toXlsx(table)
      },
    )

    app.get('/api/dashboard/boundaries', { schema: { tags: ['dashboard'] } }, async (req) => {
      const p = requireRole(req, ...DASHBOARD_ROLES)
      return boundariesOf(ctx.db, p.tenantId)
    })

    app.put(
      '/api/dashboard/boundaries',
      { bodyLimit: 25 * 1024 * 1024, schema: { tags: ['dashboard'], body: featureCollectionSchema } },
      async (req) => {
        const p = requireRole(req, 'super_admin', 'operator')
        const result = await importBoundaries(ctx.db, p.tenantId, req.body)
        if (result.matched.length === 0)
          throw invalid({
            id: 'Tidak ada batas wilayah yang cocok dengan kecamatan (kode Kemendagri atau nama).',
            en: 'No feature matched a kecamatan (Kemendagri code or name).',
          }, { unmatched: result.unmatched })
        return result
      },
    )
  }
