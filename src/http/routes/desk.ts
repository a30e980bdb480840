// The agency desk (Meja OPD): the dispositions waiting for my agencies, soonest deadline first,
// and the follow-ups in progress (drafts, rejected drafts, and those waiting for the head's
// approval). Agency roles only, scoped to their own agencies (sub-units included) in the query.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import type { FastifyPluginAsync } from 'fastify'
import type { AppContext } from '../../context.ts'
import { dispositions, reports, responses } from '../../db/schema/index.ts'
import { requireRole } from '../auth.ts'

export const deskRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    app.get('/api/desk', { schema: { tags: ['reports'], summary: 'The agency desk: open dispositions and follow-ups of my agencies' } }, async (req) => {
      const p = requireRole(req, 'agency_admin', 'agency_head')
      if (p.agencyIds.length === 0) return { dispositions: [], responses: [] }
      const now = ctx.clock.now()
      const open = await ctx.db
        .select({
          id: dispositions.id,
          agencyId: dispositions.agencyId,
          status: dispositions.status,
          instruction: dispositions.instruction,
          dueAt: dispositions.dueAt,
          createdAt: dispositions.createdAt,
          reportId: reports.id,
          trackingCode: reports.trackingCode,
          title: reports.title,
          excerpt: sql<string>`left(${reports.body}, 160)`,
          reportStatus: reports.status,
          isEmergency: reports.isEmergency,
        })
        .from(dispositions)
        .innerJoin(reports, and(eq(reports.tenantId, dispositions.tenantId), eq(reports.id, dispositions.reportId)))
        .where(
          and(
            eq(dispositions.tenantId, p.tenantId),
            inArray(dispositions.agencyId, p.agencyIds),
            inArray(dispositions.status, ['pending', 'in_progress']),
            inArray(reports.status, ['dispatched', 'in_progress', 'reopened']),
          ),
        )
        .orderBy(sql`${dispositions.dueAt} asc nulls last`, asc(dispositions.createdAt))
        .limit(500)
      const drafts = await ctx.db
        .select({
          id: responses.id,
          agencyId: responses.agencyId,
          dispositionId: responses.dispositionId,
          status: responses.status,
          body: responses.body,
          rejectReason: responses.rejectReason,
          updatedAt: responses.updatedAt,
          reportId: reports.id,
          trackingCode: reports.trackingCode,
          title: reports.title,
        })
        .from(responses)
        .innerJoin(reports, and(eq(reports.tenantId, responses.tenantId), eq(reports.id, responses.reportId)))
        .where(
          and(
            eq(responses.tenantId, p.tenantId),
            inArray(responses.agencyId, p.agencyIds),
            inArray(responses.status, ['draft', 'pending_approval', 'rejected']),
          ),
        )
        .orderBy(desc(responses.updatedAt))
        .limit(500)
      return {
        dispositions: open.map((d) => ({
          ...d,
          slaState: !d.dueAt ? null : +d.dueAt < +now ? 'overdue' : +d.dueAt < +now + 86_400_000 ? 'due_soon' : 'on_track',
        })),
        responses: drafts,
      }
    })
  }
