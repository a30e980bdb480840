// Authentication for every request: a session cookie (with CSRF token on writes) or a bearer
// API token. Routes call requirePrincipal / requireRole; the server decides, never the UI.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { safeEqual } from '../accounts/crypto.ts'
import { loadApiToken, loadSession } from '../accounts/sessions.ts'
import { buildPrincipal, type Principal } from '../accounts/users.ts'
import type { AppContext } from '../context.ts'
import { apiTokens, sessions } from '../db/schema/index.ts'
import type { Role } from '../reports/model.ts'
import { eq } from 'drizzle-orm'
import { AppError, forbidden, unauthenticated } from './errors.ts'

export const SESSION_COOKIE = 'aduan_session'

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null
    sessionToken: string | null
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

export function registerAuth(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('principal', null)
  app.decorateRequest('sessionToken', null)
  app.addHook('preHandler', async (req: FastifyRequest, _reply: FastifyReply) => {
    const now = ctx.clock.now()
    const auth = req.headers.authorization
    if (auth?.startsWith('Bearer ')) {
      const row = await loadApiToken(ctx.db, auth.slice(7).trim())
      if (!row) throw unauthenticated({ id: 'Token API tidak valid atau dicabut.', en: 'Invalid or revoked API token.' })
      req.principal = await buildPrincipal(ctx.db, row.user, row.token.tenantId, 'token')
      ctx.db
        .update(apiTokens)
        .set({ lastUsedAt: now })
        .where(eq(apiTokens.id, row.token.id))
        .then(
          () => {},
          () => {},
        )
      return
    }
    const token = req.cookies?.[SESSION_COOKIE]
    if (!token) return
    const row = await loadSession(ctx.db, token, now)
    if (!row || row.session.mfaPending || !row.session.tenantId) return
    if (!SAFE.has(req.method)) {
      const sent = req.headers['x-csrf-token']
      if (typeof sent !== 'string' || !safeEqual(sent, row.session.csrfToken)) {
        throw new AppError('forbidden', {
          id: 'Token CSRF tidak ada atau salah. Muat ulang halaman.',
          en: 'Missing or wrong CSRF token. Reload the page.',
        }, { reason: 'csrf' })
      }
    }
    req.sessionToken = token
    req.principal = await buildPrincipal(ctx.db, row.user, row.session.tenantId, 'session')
    if (now.getTime() - row.session.lastSeenAt.getTime() > 60_000) {
      ctx.db
        .update(sessions)
        .set({ lastSeenAt: now })
        .where(eq(sessions.id, row.session.id))
        .then(
          () => {},
          () => {},
        )
    }
  })
}

export function requirePrincipal(req: FastifyRequest): Principal {
  if (!req.principal) throw unauthenticated()
  return req.principal
}

export function requireRole(req: FastifyRequest, ...roles: Role[]): Principal {
  const p = requirePrincipal(req)
  if (!roles.some((r) => p.roles.has(r))) throw forbidden()
  return p
}
