// Sign-in and sessions, API tokens and the optional TOTP second factor.
import { and, desc, eq, isNull } from 'drizzle-orm'
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { generateSecret, generateURI, verify } from 'otplib'
import { z } from 'zod'
import { dummyPasswordHash, verifyPassword } from '../../accounts/crypto.ts'
import { createApiToken, createSession, deleteSession, loadSession } from '../../accounts/sessions.ts'
import { buildPrincipal, findUserByEmail, membershipsOf } from '../../accounts/users.ts'
import type { AppContext } from '../../context.ts'
import { apiTokens, tenants, users } from '../../db/schema/index.ts'
import { requirePrincipal, SESSION_COOKIE } from '../auth.ts'
import { AppError, invalid, notFound } from '../errors.ts'
import { presentPrincipal } from '../presenters.ts'

const badLogin = () =>
  new AppError('unauthenticated', { id: 'E-mail atau kata sandi salah.', en: 'Wrong e-mail or password.' })

export const authRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>()
    const secure = ctx.config.COOKIE_SECURE ?? ctx.config.BASE_URL.startsWith('https://')

    app.post(
      '/api/auth/login',
      {
        config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: {
          tags: ['auth'],
          body: z.object({
            email: z.string().trim().min(3).max(320),
            password: z.string().min(1).max(1024),
            totp: z.string().regex(/^\d{6}$/).optional(),
            tenant: z.string().optional(),
          }),
        },
      },
      async (req, reply) => {
        const { email, password, totp, tenant } = req.body
        const now = ctx.clock.now()
        const user = await findUserByEmail(ctx.db, email)
        if (!user) {
          await verifyPassword(await dummyPasswordHash(), password)
          throw badLogin()
        }
        if (user.lockedUntil && user.lockedUntil > now) {
          throw new AppError('rate_limited', {
            id: `Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi setelah ${user.lockedUntil.toISOString()}.`,
            en: `Account temporarily locked after too many failed attempts. Try again after ${user.lockedUntil.toISOString()}.`,
          }, { lockedUntil: user.lockedUntil.toISOString() })
        }
        const ok = !user.disabled && (await verifyPassword(user.passwordHash, password))
        if (!ok) {
          const failed = user.failedLogins + 1
          const lock = failed >= ctx.config.LOGIN_MAX_ATTEMPTS
          await ctx.db
            .update(users)
            .set({
              failedLogins: lock ? 0 : failed,
              lockedUntil: lock ? new Date(now.getTime() + ctx.config.LOGIN_LOCK_MINUTES * 60_000) : user.lockedUntil,
            })
            .where(eq(users.id, user.id))
          throw badLogin()
        }
        if (user.totpEnabled) {
          const secret = user.totpSecret ? ctx.sealer.open(user.totpSecret) : ''
          if (!totp) {
            throw new AppError('unauthenticated', {
              id: 'Masukkan kode 6 digit dari aplikasi autentikator.',
              en: 'Enter the 6-digit code from your authenticator app.',
            }, { mfaRequired: true })
          }
          if (!(await verify({ secret, token: totp })).valid) throw badLogin()
        }
        const ms = await membershipsOf(ctx.db, user.id)
        let tenantId: string | undefined = ms[0]?.tenantId
        if (tenant) {
          const t = await ctx.db.select().from(tenants).where(eq(tenants.slug, tenant)).limit(1)
          tenantId = ms.find((m) => m.tenantId === t[0]?.id)?.tenantId
        }
        if (!tenantId) {
          throw new AppError('forbidden', { id: 'Akun ini belum punya peran di instansi mana pun.', en: 'This account has no role anywhere yet.' })
        }
        await ctx.db.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, user.id))
        const s = await createSession(ctx.db, { userId: user.id, tenantId, ttlHours: ctx.config.SESSION_TTL_HOURS, now })
        reply.setCookie(SESSION_COOKIE, s.token, {
          httpOnly: true,
          sameSite: 'lax',
          secure,
          path: '/',
          expires: s.expiresAt,
        })
        const principal = (await buildPrincipal(ctx.db, user, tenantId, 'session'))!
        return { ...presentPrincipal(principal), csrfToken: s.csrfToken, expiresAt: s.expiresAt.toISOString() }
      },
    )

    app.post('/api/auth/logout', { schema: { tags: ['auth'] } }, async (req, reply) => {
      if (req.sessionToken) await deleteSession(ctx.db, req.sessionToken)
      reply.clearCookie(SESSION_COOKIE, { path: '/' })
      return reply.code(204).send()
    })

    app.get('/api/auth/session', { schema: { tags: ['auth'] } }, async (req) => {
      const p = requirePrincipal(req)
      let csrfToken: string | null = null
      if (req.sessionToken) {
        csrfToken = (await loadSession(ctx.db, req.sessionToken, ctx.clock.now()))?.session.csrfToken ?? null
      }
      return { ...presentPrincipal(p), csrfToken }
    })

    // The signed-in user's language (the admin app's switch): notification texts follow it.
    app.put(
      '/api/auth/locale',
      { schema: { tags: ['auth'], body: z.object({ locale: z.enum(['id', 'en']) }), response: { 200: z.object({ locale: z.enum(['id', 'en']) }) } } },
      async (req) => {
        const p = requirePrincipal(req)
        await ctx.db.update(users).set({ locale: req.body.locale }).where(eq(users.id, p.user.id))
        return { locale: req.body.locale }
      },
    )

    app.get('/api/auth/tokens', { schema: { tags: ['auth'] } }, async (req) => {
      const p = requirePrincipal(req)
      const rows = await ctx.db
        .select({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt })
        .from(apiTokens)
        .where(and(eq(apiTokens.tenantId, p.tenantId), eq(apiTokens.userId, p.user.id), isNull(apiTokens.revokedAt)))
        .orderBy(desc(apiTokens.createdAt))
      return { items: rows }
    })

    app.post(
      '/api/auth/tokens',
      { schema: { tags: ['auth'], body: z.object({ name: z.string().trim().min(1).max(100) }) } },
      async (req, reply) => {
        const p = requirePrincipal(req)
        const t = await createApiToken(ctx.db, { tenantId: p.tenantId, userId: p.user.id, name: req.body.name })
        return reply.code(201).send({ id: t.id, token: t.token, prefix: t.prefix, name: req.body.name })
      },
    )

    app.delete(
      '/api/auth/tokens/:id',
      { schema: { tags: ['auth'], params: z.object({ id: z.uuid() }) } },
      async (req, reply) => {
        const p = requirePrincipal(req)
        const rows = await ctx.db
          .update(apiTokens)
          .set({ revokedAt: ctx.clock.now() })
          .where(and(eq(apiTokens.tenantId, p.tenantId), eq(apiTokens.id, req.params.id), eq(apiTokens.userId, p.user.id)))
          .returning({ id: apiTokens.id })
        if (rows.length === 0) throw notFound()
        return reply.code(204).send()
      },
    )

    app.post('/api/auth/totp/setup', { schema: { tags: ['auth'] } }, async (req) => {
      const p = requirePrincipal(req)
      const secret = generateSecret()
      await ctx.db.update(users).set({ totpSecret: ctx.sealer.seal(secret), totpEnabled: false }).where(eq(users.id, p.user.id))
      return { secret, uri: generateURI({ issuer: 'aduan', label: p.user.email, secret }) }
    })

    app.post(
      '/api/auth/totp/enable',
      { schema: { tags: ['auth'], body: z.object({ code: z.string().regex(/^\d{6}$/) }) } },
      async (req) => {
        const p = requirePrincipal(req)
        const [u] = await ctx.db.select().from(users).where(eq(users.id, p.user.id))
        if (!u?.totpSecret) throw invalid({ id: 'Jalankan penyiapan TOTP terlebih dahulu.', en: 'Run TOTP setup first.' })
        const ok = (await verify({ secret: ctx.sealer.open(u.totpSecret), token: req.body.code })).valid
        if (!ok) throw invalid({ id: 'Kode salah.', en: 'Wrong code.' })
        await ctx.db.update(users).set({ totpEnabled: true }).where(eq(users.id, p.user.id))
        return { totpEnabled: true }
      },
    )
  }
