// Transparency: the home page, published reports (list, dot map, one report), the agencies'
// figures and latest answers, klarifikasi posts; the same data as JSON under /api/portal/.
// Every read goes through src/portal/queries.ts or trackView (privacy in the queries).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { AppContext } from '../context.ts'
import { notFound } from '../http/errors.ts'
import { portalRequest } from '../http/routes/portal.ts'
import { resolvePortalTenant } from './tenant.ts'
import { translator } from './i18n.ts'
import { agencyStats, findAgency, homeFigures, latestAnswers, listPosts, listPublicReports, regionTree } from './queries.ts'
import { findReport, trackView } from './track.ts'
import { agencyPage, agencyTable, home, postsPage, publicList, publicReport } from './views/public.ts'

const listQuery = z.object({
  kecamatan: z.string().regex(/^\d{2}(\.\d{2}){2}$/).optional().catch(undefined),
  sebelum: z.coerce.date().optional().catch(undefined),
})

export const publicPortalRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    /** A public report as the public may see it, or null (not found, or not public). */
    const publicReportOf = async (tenantId: string, code: string) => {
      const l = await findReport(ctx.db, tenantId, code)
      if (!l) return null
      const v = await trackView(ctx, tenantId, l, false)
      return v.isPublic && v.body !== null ? v : null
    }

    app.get('/', async (req, reply) => {
      const p = await portalRequest(ctx, req)
      const [figures, latest] = await Promise.all([homeFigures(ctx.db, p.tenant.id), listPublicReports(ctx.db, p.tenant.id, { limit: 5 })])
      return p.render(reply, 'home', translator(p.lang)('siteName'), home(p.lang, p.tenant.timeZone, figures, latest.items))
    })

    app.get('/laporan', async (req, reply) => {
      const p = await portalRequest(ctx, req)
      const q = listQuery.parse(req.query)
      const [list, districts] = await Promise.all([
        listPublicReports(ctx.db, p.tenant.id, { district: q.kecamatan, before: q.sebelum }),
        regionTree(ctx.db, p.tenant.id),
      ])
      const next = list.next
        ? `/laporan?${new URLSearchParams({ ...(q.kecamatan ? { kecamatan: q.kecamatan } : {}), sebelum: list.next.toISOString(), ...(p.lang === 'en' ? { lang: 'en' } : {}) })}`
        : null
      const body = publicList(p.lang, p.tenant.timeZone, list.items, districts, q.kecamatan, next)
      return p.render(reply, 'public', translator(p.lang)('publicTitle'), body)
    })

    app.get('/laporan/:code', async (req, reply) => {
      const p = await portalRequest(ctx, req)
      const v = await publicReportOf(p.tenant.id, String((req.params as { code: string }).code))
      if (!v) throw notFound()
      const body = publicReport(p.lang, p.tenant.timeZone, { ...v, body: v.body! })
      return p.render(reply, 'public', v.title ?? v.trackingCode, body)
    })

    app.get('/opd', async (req, reply) => {
      const p = await portalRequest(ctx, req)
      const stats = await agencyStats(ctx.db, p.tenant.id)
      return p.render(reply, 'agencies', translator(p.lang)('agenciesTitle'), agencyTable(p.lang, stats))
    })

    app.get('/opd/:slug', async (req, reply) => {
      const p = await portalRequest(ctx, req)
      const a = await findAgency(ctx.db, p.tenant.id, String((req.params as { slug: string }).slug))
      if (!a) throw notFound()
      const [[stats], answers] = await Promise.all([agencyStats(ctx.db, p.tenant.id, a.id), latestAnswers(ctx.db, p.tenant.id, a.id)])
      return p.render(reply, 'agencies', a.name, agencyPage(p.lang, p.tenant.timeZone, stats!, answers))
    })

    app.get('/klarifikasi', async (req, reply) => {
      const p = await portalRequest(ctx, req)
      const posts = await listPosts(ctx.db, p.tenant.id)
      return p.render(reply, 'posts', translator(p.lang)('postsTitle'), postsPage(p.lang, p.tenant.timeZone, posts))
    })

    // The same, as JSON (for other sites, civic apps and tests).
    const tenantOf = async (req: FastifyRequest) => {
      const t = await resolvePortalTenant(ctx.db, req.headers.host)
      if (!t) throw notFound()
      return t
    }
    app.get('/api/portal/reports', { schema: { tags: ['portal'] } }, async (req) => {
      const t = await tenantOf(req)
      const q = listQuery.parse(req.query)
      const list = await listPublicReports(ctx.db, t.id, { district: q.kecamatan, before: q.sebelum })
      return { items: list.items, next: list.next }
    })
    app.get('/api/portal/reports/:code', { schema: { tags: ['portal'] } }, async (req) => {
      const t = await tenantOf(req)
      const v = await publicReportOf(t.id, String((req.params as { code: string }).code))
      if (!v) throw notFound()
      return {
        trackingCode: v.trackingCode,
        status: v.status,
        kind: v.kind,
        title: v.title,
        body: v.body,
        regionName: v.regionName,
        districtName: v.area?.district ?? null,
        createdAt: v.createdAt,
        answers: v.answers,
        timeline: v.timeline,
      }
    })
    app.get('/api/portal/agencies', { schema: { tags: ['portal'] } }, async (req) => {
      const t = await tenantOf(req)
      return { items: await agencyStats(ctx.db, t.id) }
    })
    app.get('/api/portal/agencies/:slug', { schema: { tags: ['portal'] } }, async (req) => {
      const t = await tenantOf(req)
      const a = await findAgency(ctx.db, t.id, String((req.params as { slug: string }).slug))
      if (!a) throw notFound()
      const [[stats], answers] = await Promise.all([agencyStats(ctx.db, t.id, a.id), latestAnswers(ctx.db, t.id, a.id)])
      return { ...stats, latestAnswers: answers }
    })
    app.get('/api/portal/posts', { schema: { tags: ['portal'] } }, async (req) => {
      const t = await tenantOf(req)
      return { items: await listPosts(ctx.db, t.id) }
    })
  }
