// People, their memberships and the principal a request acts as.
import { and, eq, ne, sql } from 'drizzle-orm'
import type { Db } from '../db/connect.ts'
import { agencies, memberships, sessions, users } from '../db/schema/index.ts'
import type { Role } from '../reports/model.ts'
import { hashPassword } from './crypto.ts'

export type UserRow = typeof users.$inferSelect

export interface MembershipView {
  id: string
  tenantId: string
  role: Role
  agencyId: string | null
  agencyName: string | null
}

/** Who is acting, in which tenant, with what powers. */
export interface Principal {
  user: { id: string; email: string; name: string; locale: string }
  tenantId: string
  memberships: MembershipView[]
  roles: Set<Role>
  /** Agencies the user works in, with their sub-units. */
  agencyIds: string[]
  via: 'session' | 'token'
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const rows = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
    .limit(1)
  return rows[0]
}

export interface CreateUserInput {
  email: string
  name: string
  password?: string
  phone?: string
  tenantId: string
  role: Role
  agencyId?: string | null
}

export async function createUser(db: Db, input: CreateUserInput): Promise<UserRow> {
  const existing = await findUserByEmail(db, input.email)
  const user =
    existing ??
    (
      await db
        .insert(users)
        .values({
          email: input.email.trim().toLowerCase(),
          name: input.name,
          phone: input.phone,
          passwordHash: input.password ? await hashPassword(input.password) : null,
        })
        .returning()
    )[0]!
  await db
    .insert(memberships)
    .values({ tenantId: input.tenantId, userId: user.id, role: input.role, agencyId: input.agencyId ?? null })
    .onConflictDoNothing()
  return user
}

/**
 * Set a person's password (an imported account has none; a forgotten one is replaced) and end
 * their sessions, so whoever held the old one is signed out. Undefined when no such e-mail.
 */
export async function setPassword(db: Db, email: string, password: string): Promise<UserRow | undefined> {
  const user = await findUserByEmail(db, email)
  if (!user) return undefined
  const passwordHash = await hashPassword(password)
  await db.transaction(async (tx) => storePasswordHash(tx as unknown as Db, user.id, passwordHash))
  return user
}

/**
 * Store a new password hash and end the person's sessions (all of them, or all but `keepSessionId`,
 * the session of the person changing it). Call inside the caller's transaction.
 */
export async function storePasswordHash(
  tx: Db,
  userId: string,
  passwordHash: string,
  opts: { keepSessionId?: string; clearLockout?: boolean } = {},
): Promise<void> {
  const lockout = opts.clearLockout ? { failedLogins: 0, lockedUntil: null } : {}
  await tx.update(users).set({ passwordHash, ...lockout }).where(eq(users.id, userId))
  await tx
    .delete(sessions)
    .where(opts.keepSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, opts.keepSessionId)) : eq(sessions.userId, userId))
}

export async function membershipsOf(db: Db, userId: string, tenantId?: string): Promise<MembershipView[]> {
  const rows = await db
    .select({
      id: memberships.id,
      tenantId: memberships.tenantId,
      role: memberships.role,
      agencyId: memberships.agencyId,
      agencyName: agencies.name,
    })
    .from(memberships)
    .leftJoin(agencies, and(eq(agencies.tenantId, memberships.tenantId), eq(agencies.id, memberships.agencyId)))
    .where(tenantId ? and(eq(memberships.userId, userId), eq(memberships.tenantId, tenantId)) : eq(memberships.userId, userId))
  return rows
}

/** The agencies with all their descendants (an agency user sees its sub-units' reports). */
export async function expandAgencies(db: Db, tenantId: string, agencyIds: string[]): Promise<string[]> {
  if (agencyIds.length === 0) return []
  const rows = await db.execute<{ id: string }>(sql`
    with recursive tree as (
      select id from agencies where tenant_id = ${tenantId} and id in (${sql.join(
        agencyIds.map((a) => sql`${a}::uuid`),
        sql`, `,
      )})
      union
      select a.id from agencies a join tree on a.parent_id = tree.id where a.tenant_id = ${tenantId}
    ) select id from tree`)
  return (rows as unknown as { rows?: { id: string }[] }).rows?.map((r) => r.id) ?? (rows as unknown as { id: string }[]).map((r) => r.id)
}

export async function buildPrincipal(
  db: Db,
  user: Pick<UserRow, 'id' | 'email' | 'name' | 'locale'>,
  tenantId: string,
  via: Principal['via'],
): Promise<Principal | null> {
  const ms = await membershipsOf(db, user.id, tenantId)
  if (ms.length === 0) return null
  const direct = ms.map((m) => m.agencyId).filter((a): a is string => !!a)
  return {
    user: { id: user.id, email: user.email, name: user.name, locale: user.locale },
    tenantId,
    memberships: ms,
    roles: new Set(ms.map((m) => m.role)),
    agencyIds: await expandAgencies(db, tenantId, direct),
    via,
  }
}

export const hasRole = (p: Principal, ...roles: Role[]) => roles.some((r) => p.roles.has(r))
