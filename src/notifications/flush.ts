// Held external copies (quiet hours, the daily digest, flood control) leave when due: one message
// per person, the notification itself when only one is due, a digest listing them when several.
import { and, asc, eq, inArray, isNotNull, isNull, lte } from 'drizzle-orm'
import crypto from 'node:crypto'
import type { AppContext } from '../context.ts'
import type { Db } from '../db/connect.ts'
import { notifications } from '../db/schema/index.ts'
import { usersByIds } from './recipients.ts'
import { appPath, sendExternal, type NotificationRow } from './staff.ts'
import { createLoginLink } from './links.ts'
import { digestMessage, digestTitle, langOf, staffMessage } from './texts.ts'

export const FLUSH_QUEUE = 'notify-flush'
export const FLUSH_EVERY_MS = 5 * 60_000
const DIGEST_MAX_ITEMS = 15

/** Send everything held until now or earlier; returns how many people got a message. */
export async function flushHeld(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now()
  const due = await ctx.db
    .select({ tenantId: notifications.tenantId, userId: notifications.userId })
    .from(notifications)
    .where(and(isNotNull(notifications.heldUntil), lte(notifications.heldUntil, now), isNull(notifications.deliveredAt)))
    .groupBy(notifications.tenantId, notifications.userId)
  let people = 0
  for (const d of due) {
    const sent = await ctx.db.transaction(async (t) => flushOne(ctx, t as unknown as Db, d.tenantId, d.userId, now))
    if (sent) people++
  }
  return people
}

async function flushOne(ctx: AppContext, tx: Db, tenantId: string, userId: string, now: Date): Promise<boolean> {
  const rows = await tx
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.tenantId, tenantId),
        eq(notifications.userId, userId),
        isNotNull(notifications.heldUntil),
        lte(notifications.heldUntil, now),
        isNull(notifications.deliveredAt),
      ),
    )
    .orderBy(asc(notifications.createdAt))
    .for('update', { skipLocked: true })
  const [user] = await usersByIds(tx, [userId])
  if (rows.length === 0 || !user) return false
  const base = ctx.config.BASE_URL.replace(/\/$/, '')
  const linkOf = (n: NotificationRow) =>
    n.type === 'approval_needed'
      ? createLoginLink(tx, { tenantId, userId, redirectPath: n.link ?? appPath(n.type, n.reportId), now, baseUrl: base })
      : Promise.resolve(`${base}${n.link ?? appPath(n.type, n.reportId)}`)
  if (rows.length === 1) {
    const n = rows[0]!
    await sendExternal(ctx, tx, { tenantId, user, key: `notif:${n.id}`, reportId: n.reportId, kind: n.type, title: n.title, text: (l) => staffMessage(n.title, n.body, l, langOf(user.locale)), link: () => linkOf(n) }, now)
  } else {
    const shown = rows.slice(0, DIGEST_MAX_ITEMS)
    const key = crypto.createHash('sha256').update(rows.map((r) => r.id).join(',')).digest('hex').slice(0, 32)
    const title = digestTitle(rows.length, langOf(user.locale))
    await sendExternal(
      ctx,
      tx,
      {
        tenantId,
        user,
        key: `digest:${key}`,
        reportId: null,
        kind: 'digest',
        title,
        text: () => digestMessage(shown.map((n) => ({ title: n.title, link: `${base}${n.link ?? appPath(n.type, n.reportId)}` })), rows.length - shown.length, langOf(user.locale)),
        link: () => Promise.resolve(`${base}/admin/`),
      },
      now,
    )
  }
  await tx
    .update(notifications)
    .set({ deliveredAt: now, heldUntil: null })
    .where(and(eq(notifications.tenantId, tenantId), inArray(notifications.id, rows.map((r) => r.id))))
  return true
}
