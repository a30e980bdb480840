// Cookie sessions (stored as the sha256 of the cookie's token) and API tokens.
import { and, eq, gt, isNull } from 'drizzle-orm'
import type { Db } from '../db/connect.ts'
import { apiTokens, sessions, users } from '../db/schema/index.ts'
import { randomToken, sha256 } from './crypto.ts'

export async function createSession(
  db: Db,
  input: { userId: string; tenantId: string; ttlHours: number; mfaPending?: boolean; now: Date },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomToken()
  const csrfToken = randomToken(24)
  const expiresAt = new Date(input.now.getTime() + input.ttlHours * 3600_000)
  await db.insert(sessions).values({
    id: sha256(token),
    userId: input.userId,
    tenantId: input.tenantId,
    csrfToken,
    mfaPending: input.mfaPending ?? false,
    expiresAt,
  })
  return { token, csrfToken, expiresAt }
}

export async function loadSession(db: Db, token: string, now: Date) {
  const rows = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sha256(token)), gt(sessions.expiresAt, now)))
    .limit(1)
  const row = rows[0]
  if (!row || row.user.disabled) return null
  return row
}

export async function deleteSession(db: Db, token: string) {
  await db.delete(sessions).where(eq(sessions.id, sha256(token)))
}

export async function createApiToken(db: Db, input: { tenantId: string; userId: string; name: string }) {
  const token = `adn_${randomToken(30)}`
  const [row] = await db
    .insert(apiTokens)
    .values({ tenantId: input.tenantId, userId: input.userId, name: input.name, tokenHash: sha256(token), prefix: token.slice(0, 10) })
    .returning({ id: apiTokens.id, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt })
  return { token, ...row! }
}

export async function loadApiToken(db: Db, token: string) {
  const rows = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, sha256(token)), isNull(apiTokens.revokedAt)))
    .limit(1)
  const row = rows[0]
  if (!row || row.user.disabled) return null
  return row
}
