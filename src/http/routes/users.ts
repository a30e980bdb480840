// People and roles within the tenant. Super admins manage; operators and auditors read all;
// agency admins and heads read their own agencies' people; leaders have no business here.
import { and, eq, inArray, sql } from 'drizzle-orm'
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { createUser, findUserByEmail } from '../../accounts/users.ts'
import { sendPasswordMail } from '../../accounts/password-links.ts'
import type { AppContext } from '../../context.ts'
import { agencies, memberships, users } from '../../db/schema/index.ts'
import { ROLES } from '../../reports/model.ts'
import { requireRole } from '../auth.ts'
import { conflict, invalid, notFound } from '../errors.ts'

export const userRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>()

    app.get('/api/users', { schema: { tags: ['users'] } }, async (req) => {
      const p = requireRole(req, 'super_admin', 'operator', 'auditor', 'agency_admin', 'agency_head')
      const seesAll = p.roles.has('super_admin') || p.roles.has('operator') || p.roles.has('auditor')
      if (!seesAll && p.agencyIds.length === 0) return { items: [] }
      const rows = await ctx.db
        .select({
          id: users.id,
          email: users.email,
          name: users.name,
          disabled: users.disabled,
          lockedUntil: users.lockedUntil,
          totpEnabled: users.totpEnabled,
          lastLoginAt: users.lastLoginAt,
          membershipId: memberships.id,
          role: memberships.role,
          agencyId: memberships.agencyId,
          agencyName: agencies.shortName,
        })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .leftJoin(agencies, and(eq(agencies.tenantId, memberships.tenantId), eq(agencies.id, memberships.agencyId)))
        .where(
          seesAll
            ? eq(memberships.tenantId, p.tenantId)
            : and(eq(memberships.tenantId, p.tenantId), inArray(memberships.agencyId, p.agencyIds)),
        )
        .orderBy(users.name)
      const byUser = new Map<string, { id: string; email: string; name: string; disabled: boolean; locked: boolean; totpEnabled: boolean; lastLoginAt: Date | null; roles: { membershipId: string; role: string; agencyId: string | null; agencyName: string | null }[] }>()
      const now = ctx.clock.now()
      for (const r of rows) {
        const u = byUser.get(r.id) ?? {
          id: r.id,
          email: r.email,
          name: r.name,
          disabled: r.disabled,
          locked: !!r.lockedUntil && r.lockedUntil > now,
          totpEnabled: r.totpEnabled,
          lastLoginAt: r.lastLoginAt,
          roles: [],
        }
        u.roles.push({ membershipId: r.membershipId, role: r.role, agencyId: r.agencyId, agencyName: r.agencyName })
        byUser.set(r.id, u)
      }
      return { items: [...byUser.values()] }
    })

    app.post(
      '/api/users',
      {
        schema: {
          tags: ['users'],
          body: z.object({
            email: z.email(),
            name: z.string().trim().min(1).max(200),
            password: z.string().min(10).max(200).optional(),
            phone: z.string().regex(/^\+?\d{8,15}$/).optional(),
            role: z.enum(ROLES),
            agencyId: z.uuid().nullable().optional(),
          }),
        },
      },
      async (req, reply) => {
        const p = requireRole(req, 'super_admin')
        const b = req.body
        const needsAgency = b.role === 'agency_admin' || b.role === 'agency_head'
        if (needsAgency && !b.agencyId) {
          throw invalid({ id: 'Peran OPD memerlukan OPD.', en: 'Agency roles need an agency.' })
        }
        if (b.agencyId) {
          const a = await ctx.db.select({ id: agencies.id }).from(agencies).where(and(eq(agencies.tenantId, p.tenantId), eq(agencies.id, b.agencyId)))
          if (a.length === 0) throw invalid({ id: 'OPD tidak dikenal.', en: 'Unknown agency.' })
        }
        const existing = await findUserByEmail(ctx.db, b.email)
        if (existing) {
          const m = await ctx.db
            .select({ id: memberships.id })
            .from(memberships)
            .where(and(eq(memberships.tenantId, p.tenantId), eq(memberships.userId, existing.id), eq(memberships.role, b.role)))
          if (m.length > 0) throw conflict({ id: 'Pengguna sudah punya peran ini.', en: 'The user already has this role.' })
        }
        const u = await createUser(ctx.db, { ...b, tenantId: p.tenantId, agencyId: needsAgency ? b.agencyId : null })
        // Without an initial password (and without one from another Pemda), the person is invited by e-mail.
        const invited =
          !b.password && !u.passwordHash
            ? await sendPasswordMail(ctx.db, { email: u.email, kind: 'invite', tenantId: p.tenantId, now: ctx.clock.now(), baseUrl: ctx.config.BASE_URL })
            : false
        return reply.code(201).send({ id: u.id, email: u.email, name: u.name, invited })
      },
    )

    app.post(
      '/api/users/:id/unlock',
      { schema: { tags: ['users'], params: z.object({ id: z.uuid() }) } },
      async (req) => {
        const p = requireRole(req, 'super_admin')
        const inTenant = await ctx.db
          .select({ id: memberships.id })
          .from(memberships)
          .where(and(eq(memberships.tenantId, p.tenantId), eq(memberships.userId, req.params.id)))
        if (inTenant.length === 0) throw notFound()
        await ctx.db.update(users).set({ lockedUntil: null, failedLogins: 0 }).where(eq(users.id, req.params.id))
        return { unlocked: true }
      },
    )

    app.patch(
      '/api/users/:id',
      {
        schema: {
          tags: ['users'],
          params: z.object({ id: z.uuid() }),
          body: z.object({ disabled: z.boolean().optional(), name: z.string().min(1).max(200).optional() }),
        },
      },
      async (req) => {
        const p = requireRole(req, 'super_admin')
        const inTenant = await ctx.db
          .select({ id: memberships.id })
          .from(memberships)
          .where(and(eq(memberships.tenantId, p.tenantId), eq(memberships.userId, req.params.id)))
        if (inTenant.length === 0) throw notFound()
        if (req.body.disabled && req.params.id === p.user.id)
          throw invalid({ id: 'Anda tidak dapat menonaktifkan akun Anda sendiri.', en: 'You cannot deactivate your own account.' })
        await ctx.db.update(users).set(req.body).where(eq(users.id, req.params.id))
        if (req.body.disabled) await ctx.db.execute(sql`delete from sessions where user_id = ${req.params.id}`)
        return { updated: true }
      },
    )
      // Roles (memberships) of a person in this tenant: add one, remove one. Super admins only.
    const membershipBody = z.object({ role: z.enum(ROLES), agencyId: z.uuid().nullable().optional() })
    app.post(
      '/api/users/:id/memberships',
      { schema: { tags: ['users'], params: z.object({ id: z.uuid() }), body: membershipBody } },
      async (req, reply) => {
        const p = requireRole(req, 'super_admin')
        const b = req.body
        const inTenant = await ctx.db
          .select({ id: memberships.id, role: memberships.role, agencyId: memberships.agencyId })
          .from(memberships)
          .where(and(eq(memberships.tenantId, p.tenantId), eq(memberships.userId, req.params.id)))
        if (inTenant.length === 0) throw notFound()
        const needsAgency = b.role === 'agency_admin' || b.role === 'agency_head'
        if (needsAgency && !b.agencyId) throw invalid({ id: 'Peran OPD memerlukan OPD.', en: 'Agency roles need an agency.' })
        const agencyId = needsAgency ? b.agencyId! : null
        if (agencyId) {
          const a = await ctx.db.select({ id: agencies.id }).from(agencies).where(and(eq(agencies.tenantId, p.tenantId), eq(agencies.id, agencyId)))
          if (a.length === 0) throw invalid({ id: 'OPD tidak dikenal.', en: 'Unknown agency.' })
        }
        if (inTenant.some((m) => m.role === b.role && m.agencyId === agencyId))
          throw conflict({ id: 'Pengguna sudah punya peran ini.', en: 'The user already has this role.' })
        const [m] = await ctx.db
          .insert(memberships)
          .values({ tenantId: p.tenantId, userId: req.params.id, role: b.role, agencyId })
          .returning({ id: memberships.id })
        req.log.info({ action: 'membership.add', userId: req.params.id }, 'role added')
        return reply.code(201).send({ membershipId: m!.id, role: b.role, agencyId })
      },
    )

    app.delete(
      '/api/users/:id/memberships/:membershipId',
      { schema: { tags: ['users'], params: z.object({ id: z.uuid(), membershipId: z.uuid() }) } },
      async (req, reply) => {
        const p = requireRole(req, 'super_admin')
        const mine = await ctx.db
          .select({ id: memberships.id, role: memberships.role })
          .from(memberships)
          .where(and(eq(memberships.tenantId, p.tenantId), eq(memberships.userId, req.params.id)))
        const target = mine.find((m) => m.id === req.params.membershipId)
        if (!target) throw notFound()
        if (mine.length === 1)
          throw invalid({
            id: 'Ini peran terakhir pengguna. Nonaktifkan akunnya sebagai gantinya.',
            en: "This is the user's last role. Deactivate the account instead.",
          })
        if (target.role === 'super_admin' && req.params.id === p.user.id)
          throw invalid({ id: 'Anda tidak dapat mencabut peran super admin Anda sendiri.', en: 'You cannot remove your own super admin role.' })
        await ctx.db.delete(memberships).where(and(eq(memberships.tenantId, p.tenantId), eq(memberships.id, target.id)))
        req.log.info({ action: 'membership.remove', userId: req.params.id }, 'role removed')
        return reply.code(204).send()
      },
    )
  }
