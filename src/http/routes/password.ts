// Passwords, self-service (accounts/password-links.ts): "forgot password" e-mails a single-use link,
// the link's page sets a new password, a signed-in person changes theirs, and a super admin
// (re)sends an invitation. Nothing here tells a stranger whether an address is registered.
import { and, eq } from 'drizzle-orm'
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { hashPassword, sha256, verifyPassword } from '../../accounts/crypto.ts'
import { resetPasswordWithLink, sendPasswordMail } from '../../accounts/password-links.ts'
import { storePasswordHash } from '../../accounts/users.ts'
import type { AppContext } from '../../context.ts'
import type { Db } from '../../db/connect.ts'
import { memberships, users } from '../../db/schema/index.ts'
import { requirePrincipal, requireRole } from '../auth.ts'
import { AppError, conflict, invalid, notFound } from '../errors.ts'

const NewPassword = z.string().min(10).max(200)
const message = z.object({ id: z.string(), en: z.string() })

export const passwordRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>()

    app.post(
      '/api/auth/password-reset',
      {
        config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
        schema: { tags: ['auth'], body: z.object({ email: z.string().trim().min(3).max(320) }), response: { 202: z.object({ message }) } },
      },
      async (req, reply) => {
        await sendPasswordMail(ctx.db, { email: req.body.email, kind: 'reset', now: ctx.clock.now(), baseUrl: ctx.config.BASE_URL })
        return reply.code(202).send({
          message: {
            id: 'Jika e-mail itu terdaftar, tautan untuk membuat kata sandi baru sudah dikirim ke sana. Tautan berlaku 60 menit.',
            en: 'If that e-mail is registered, a link to choose a new password has been sent to it. The link works for 60 minutes.',
          },
        })
      },
    )

    app.post(
      '/api/auth/password-reset/confirm',
      {
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: { tags: ['auth'], body: z.object({ token: z.string().min(20).max(100), password: NewPassword }) },
      },
      async (req, reply) => {
        if (!(await resetPasswordWithLink(ctx.db, req.body.token, req.body.password, ctx.clock.now())))
          throw invalid({
            id: 'Tautan ini sudah dipakai atau kedaluwarsa. Minta tautan baru lewat "Lupa kata sandi?".',
            en: 'This link was already used or has expired. Ask for a new one with "Forgot password?".',
          })
        return reply.code(204).send()
      },
    )

    // A signed-in person changes their own password; their other sessions end, this one stays.
    app.put(
      '/api/auth/password',
      {
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: { tags: ['auth'], body: z.object({ currentPassword: z.string().max(1024).optional(), newPassword: NewPassword }) },
      },
      async (req, reply) => {
        const p = requirePrincipal(req)
        if (p.via !== 'session' || !req.sessionToken)
          throw new AppError('forbidden', { id: 'Ganti kata sandi dari aplikasi, bukan dengan token API.', en: 'Change the password in the app, not with an API token.' })
        const [u] = await ctx.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, p.user.id))
        // An account without a password yet (imported, or signed in by a link) sets its first one.
        if (u?.hash && !(await verifyPassword(u.hash, req.body.currentPassword ?? '')))
          throw invalid({ id: 'Kata sandi saat ini salah.', en: 'The current password is wrong.' })
        const hash = await hashPassword(req.body.newPassword)
        await ctx.db.transaction(async (tx) => storePasswordHash(tx as unknown as Db, p.user.id, hash, { keepSessionId: sha256(req.sessionToken!) }))
        return reply.code(204).send()
      },
    )

    app.post(
      '/api/users/:id/invite',
      { schema: { tags: ['users'], params: z.object({ id: z.uuid() }), response: { 202: z.object({ email: z.string() }) } } },
      async (req, reply) => {
        const p = requireRole(req, 'super_admin')
        const [u] = await ctx.db
          .select({ email: users.email })
          .from(users)
          .innerJoin(memberships, eq(memberships.userId, users.id))
          .where(and(eq(users.id, req.params.id), eq(memberships.tenantId, p.tenantId)))
          .limit(1)
        if (!u) throw notFound()
        const sent = await sendPasswordMail(ctx.db, { email: u.email, kind: 'invite', tenantId: p.tenantId, now: ctx.clock.now(), baseUrl: ctx.config.BASE_URL })
        if (!sent)
          throw conflict({
            id: 'Undangan tidak terkirim: akun ini nonaktif, atau belum ada akun e-mail aktif di Pengaturan > Kanal.',
            en: 'Invitation not sent: the account is disabled, or there is no active e-mail account in Settings > Channels.',
          })
        return reply.code(202).send({ email: u.email })
      },
    )
  }
