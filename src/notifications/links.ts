// Single-use, short-lived sign-in links bound to one user (a head approving from WhatsApp).
// Only the sha256 of the token is stored; consuming marks it used in the same statement that
// checks it, so two clicks (or a link scanner and the head) cannot both sign in.
import { and, eq, gt, isNull, ne } from 'drizzle-orm'
import { randomToken, sha256 } from '../accounts/crypto.ts'
import type { Db } from '../db/connect.ts'
import { loginLinks } from '../db/schema/index.ts'

/** How long a link stays valid. Long enough to read a WhatsApp message, short enough to be useless later. */
export const LOGIN_LINK_TTL_MINUTES = 120

/**
 * The page a password link (reset or invitation) opens. Such links set a password and never sign
 * in by themselves (a second factor still applies), so the sign-in route refuses them.
 */
export const PASSWORD_LINK_PATH = '/admin/kata-sandi-baru'

export async function createLoginLink(
  tx: Db,
  input: { tenantId: string; userId: string; redirectPath: string; now: Date; baseUrl: string; ttlMinutes?: number },
): Promise<string> {
  const token = randomToken(32)
  await tx.insert(loginLinks).values({
    tenantId: input.tenantId,
    userId: input.userId,
    tokenHash: sha256(token),
    redirectPath: input.redirectPath,
    expiresAt: new Date(input.now.getTime() + (input.ttlMinutes ?? LOGIN_LINK_TTL_MINUTES) * 60_000),
    createdAt: input.now,
  })
  const base = input.baseUrl.replace(/\/$/, '')
  // A password link opens its page with the token in the fragment (never sent to a server or a Referer).
  return input.redirectPath === PASSWORD_LINK_PATH ? `${base}${PASSWORD_LINK_PATH}#${token}` : `${base}/api/auth/link/${token}`
}

export type ConsumeResult =
  | { ok: true; tenantId: string; userId: string; redirectPath: string }
  | { ok: false; redirectPath: string | null }

/** Use a link once. A used or expired link still tells where it pointed (sign in normally, land there). */
export async function consumeLoginLink(db: Db, token: string, now: Date, kind: 'sign_in' | 'password' = 'sign_in'): Promise<ConsumeResult> {
  const hash = sha256(token)
  const purpose = kind === 'password' ? eq(loginLinks.redirectPath, PASSWORD_LINK_PATH) : ne(loginLinks.redirectPath, PASSWORD_LINK_PATH)
  const [used] = await db
    .update(loginLinks)
    .set({ usedAt: now })
    .where(and(eq(loginLinks.tokenHash, hash), purpose, isNull(loginLinks.usedAt), gt(loginLinks.expiresAt, now)))
    .returning({ tenantId: loginLinks.tenantId, userId: loginLinks.userId, redirectPath: loginLinks.redirectPath })
  if (used) return { ok: true, ...used }
  const [stale] = await db.select({ redirectPath: loginLinks.redirectPath }).from(loginLinks).where(eq(loginLinks.tokenHash, hash))
  return { ok: false, redirectPath: stale?.redirectPath ?? null }
}

/** Only paths inside the admin app: a link can never redirect elsewhere. */
export const safeRedirect = (p: string | null) => (p && /^\/admin\/[A-Za-z0-9/_-]*$/.test(p) ? p : '/admin/')
