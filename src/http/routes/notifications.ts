// Staff notifications: the bell (list, unread count, mark read), preferences, the single-use
// sign-in links of notification messages, and the draft a head is asked to approve.
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm'
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { createSession } from '../../accounts/sessions.ts'
import type { AppContext } from '../../context.ts'
import { agencies, notifications, responses, users } from '../../db/schema/index.ts'
import { consumeLoginLink, safeRedirect } from '../../notifications/links.ts'
import { PreferencesSchema, readPreferences } from '../../notifications/preferences.ts'
import { getReportFor } from '../../reports/queries.ts'
import { requirePrincipal, SESSION_COOKIE } from '../auth.ts'
import { notFound } from '../errors.ts'

const idParams = z.object({ id: z.uuid() })

export const notificationRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>()
    const secure = ctx.config.COOKIE_SECURE ?? ctx.config.BASE_URL.startsWith('https://')
    const mine = (tenantId: string, userId: string) => and(eq(notifications.tenantId, tenantId), eq(notifications.userId, userId))

    const unreadOf = async (tenantId: string, userId: string) =>
      (await ctx.db.select({ n: count() }).from(notifications).where(and(mine(tenantId, userId), isNull(notifications.readAt))))[0]?.n ?? 0

    app.get(
      '/api/notifications',
      {
        schema: {
          tags: ['notifications'],
          querystring: z.object({
            limit: z.coerce.number().int().min(1).max(100).optional(),
            unread: z.enum(['true', 'false']).optional(),
          }),
        },
      },
      async (req) => {
        const p = requirePrincipal(req)
        const where = [mine(p.tenantId, p.user.id)!]
        if (req.query.unread === 'true') where.push(isNull(notifications.readAt))
        const items = await ctx.db
          .select({
            id: notifications.id,
            type: notifications.type,
            reportId: notifications.reportId,
            title: notifications.title,
            body: notifications.body,
            link: notifications.link,
            readAt: notifications.readAt,
            createdAt: notifications.createdAt,
          })
          .from(notifications)
          .where(and(...where))
          .orderBy(desc(notifications.createdAt), desc(notifications.id))
          .limit(req.query.limit ?? 20)
        return { items, unread: await unreadOf(p.tenantId, p.user.id) }
      },
    )

    app.get('/api/notifications/unread-count', { schema: { tags: ['notifications'] } }, async (req) => {
      const p = requirePrincipal(req)
      return { unread: await unreadOf(p.tenantId, p.user.id) }
    })

    app.post('/api/notifications/:id/read', { schema: { tags: ['notifications'], params: idParams } }, async (req, reply) => {
      const p = requirePrincipal(req)
      const done = await ctx.db
        .update(notifications)
        .set({ readAt: ctx.clock.now() })
        .where(and(mine(p.tenantId, p.user.id), eq(notifications.id, req.params.id)))
        .returning({ id: notifications.id })
      if (done.length === 0) throw notFound()
      return reply.code(204).send()
    })

    app.post('/api/notifications/read-all', { schema: { tags: ['notifications'] } }, async (req, reply) => {
      const p = requirePrincipal(req)
      await ctx.db
        .update(notifications)
        .set({ readAt: ctx.clock.now() })
        .where(and(mine(p.tenantId, p.user.id), isNull(notifications.readAt)))
      return reply.code(204).send()
    })

    app.get('/api/notifications/preferences', { schema: { tags: ['notifications'] } }, async (req) => {
      const p = requirePrincipal(req)
      const [u] = await ctx.db.select({ phone: users.phone, preferences: users.preferences }).from(users).where(eq(users.id, p.user.id))
      return { phone: u?.phone ?? null, preferences: readPreferences(u?.preferences) }
    })

    app.put(
      '/api/notifications/preferences',
      {
        schema: {
          tags: ['notifications'],
          body: PreferencesSchema.extend({ phone: z.string().regex(/^\+?\d{8,15}$/).nullable().optional() }),
        },
      },
      async (req) => {
        const p = requirePrincipal(req)
        const { phone, ...prefs } = req.body
        const [u] = await ctx.db.select({ preferences: users.preferences }).from(users).where(eq(users.id, p.user.id))
        await ctx.db
          .update(users)
          .set({ preferences: { ...(u?.preferences ?? {}), notifications: prefs }, ...(phone !== undefined ? { phone } : {}) })
          .where(eq(users.id, p.user.id))
        return { phone: phone ?? null, preferences: prefs }
      },
    )

    // A notification's sign-in link: single use, short-lived, bound to one user; lands on its page.
    app.get(
      '/api/auth/link/:token',
      {
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: { tags: ['auth'], params: z.object({ token: z.string().min(20).max(100) }) },
      },
      async (req, reply) => {
        const now = ctx.clock.now()
        const r = await consumeLoginLink(ctx.db, req.params.token, now)
        reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer')
        if (!r.ok) return reply.redirect(`${safeRedirect(r.redirectPath)}`, 303)
        const s = await createSession(ctx.db, { userId: r.userId, tenantId: r.tenantId, ttlHours: ctx.config.SESSION_TTL_HOURS, now })
        await ctx.db.update(users).set({ lastLoginAt: now }).where(eq(users.id, r.userId))
        reply.setCookie(SESSION_COOKIE, s.token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: s.expiresAt })
        return reply.redirect(safeRedirect(r.redirectPath), 303)
      },
    )

    // The drafts of this report waiting for the signed-in head's approval (the approval page).
    app.get('/api/approvals/:id', { schema: { tags: ['notifications'], params: idParams } }, async (req) => {
      const p = requirePrincipal(req)
      const report = await getReportFor(ctx.db, p, req.params.id, ctx.clock.now())
      if (!report) throw notFound()
      const heads = p.memberships.filter((m) => m.role === 'agency_head').length > 0
      const drafts =
        heads && p.agencyIds.length > 0
          ? await ctx.db
              .select({ id: responses.id, body: responses.body, agencyId: responses.agencyId, agencyName: agencies.name, updatedAt: responses.updatedAt })
              .from(responses)
              .leftJoin(agencies, and(eq(agencies.tenantId, responses.tenantId), eq(agencies.id, responses.agencyId)))
              .where(
                and(
                  eq(responses.tenantId, p.tenantId),
                  eq(responses.reportId, req.params.id),
                  eq(responses.status, 'pending_approval'),
                  inArray(responses.agencyId, p.agencyIds),
                ),
              )
          : []
      const r = report as { id: string; trackingCode: string; title: string | null; body: string; status: string }
      return {
        report: { id: r.id, trackingCode: r.trackingCode, title: r.title, body: r.body, status: r.status },
        drafts,
      }
    })
  }
