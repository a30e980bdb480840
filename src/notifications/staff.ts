// Staff notifications: one bell row per event per person (unique dedupe key), then the external
// copies (e-mail, WhatsApp to the person's own number through the tenant's account) through the
// outbox, or held for quiet hours / the digest / a flood.
import { and, count, eq, gt } from 'drizzle-orm'
import type { AppContext } from '../context.ts'
import type { Db } from '../db/connect.ts'
import { notifications } from '../db/schema/index.ts'
import { queueMessage } from '../delivery/outbox.ts'
import { accountOf, lastInboundFrom, phoneDigits, windowOpen } from './channels.ts'
import { createLoginLink } from './links.ts'
import { holdUntil, readPreferences } from './preferences.ts'
import type { StaffUser } from './recipients.ts'
import { langOf, staffMessage, TEMPLATES, templateParam } from './texts.ts'

export type NotificationRow = typeof notifications.$inferSelect

/** More external messages than this in an hour and the rest wait for one combined message. */
export const FLOOD_PER_HOUR = 10

export interface NewNotification {
  tenantId: string
  userId: string
  type: string
  reportId: string | null
  title: string
  body: string
  dedupeKey: string
}

/** In-app path of a notification: the approval page for drafts, else the report. */
export const appPath = (type: string, reportId: string | null) =>
  !reportId ? '/admin/' : type === 'approval_needed' ? `/admin/persetujuan/${reportId}` : `/admin/laporan/${reportId}`

/** Insert the bell row; null when this person was already told of this event. */
export async function createNotification(tx: Db, n: NewNotification, now: Date): Promise<NotificationRow | null> {
  const [row] = await tx
    .insert(notifications)
    .values({ ...n, link: appPath(n.type, n.reportId), createdAt: now })
    .onConflictDoNothing()
    .returning()
  return row ?? null
}

/** The link an external message carries: a single-use sign-in link for approvals (two taps on a phone). */
async function externalLink(ctx: AppContext, tx: Db, n: NotificationRow, now: Date): Promise<string> {
  const base = ctx.config.BASE_URL.replace(/\/$/, '')
  const path = n.link ?? appPath(n.type, n.reportId)
  if (n.type !== 'approval_needed') return `${base}${path}`
  return createLoginLink(tx, { tenantId: n.tenantId, userId: n.userId, redirectPath: path, now, baseUrl: base })
}

/** Decide now-or-later for the external copies of a fresh notification. */
export async function dispatchStaff(ctx: AppContext, tx: Db, n: NotificationRow, user: StaffUser, timeZone: string, now: Date) {
  const prefs = readPreferences(user.preferences)
  let until = holdUntil(n.type, prefs, now, timeZone)
  if (!until) {
    const [c] = await tx
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.tenantId, n.tenantId), eq(notifications.userId, n.userId), gt(notifications.deliveredAt, new Date(now.getTime() - 3600_000))))
    if ((c?.n ?? 0) >= FLOOD_PER_HOUR) until = new Date(now.getTime() + 3600_000)
  }
  if (until) {
    await tx.update(notifications).set({ heldUntil: until }).where(and(eq(notifications.tenantId, n.tenantId), eq(notifications.id, n.id)))
    return
  }
  await sendExternal(ctx, tx, { tenantId: n.tenantId, user, key: `notif:${n.id}`, reportId: n.reportId, kind: n.type, title: n.title, text: (link) => staffMessage(n.title, n.body, link, langOf(user.locale)), link: () => externalLink(ctx, tx, n, now) }, now)
  await tx.update(notifications).set({ deliveredAt: now }).where(and(eq(notifications.tenantId, n.tenantId), eq(notifications.id, n.id)))
}

export interface ExternalMessage {
  tenantId: string
  user: StaffUser
  /** Idempotency prefix: one message per channel per key. */
  key: string
  reportId: string | null
  kind: string
  title: string
  text: (link: string) => string
  /** A fresh link per channel (sign-in links are single-use). */
  link: () => Promise<string>
}

/** Queue the e-mail and WhatsApp copies the person chose; returns the channels used. */
export async function sendExternal(ctx: AppContext, tx: Db, m: ExternalMessage, now: Date): Promise<string[]> {
  const prefs = readPreferences(m.user.preferences)
  const used: string[] = []
  const notice = { audience: 'staff' as const, kind: m.kind, userId: m.user.id }
  const phone = phoneDigits(m.user.phone)
  const wa = prefs.channels.whatsapp && phone ? await accountOf(tx, m.tenantId, 'whatsapp') : null
  if (wa && phone) {
    const link = await m.link()
    const text = m.text(link)
    const open = windowOpen('whatsapp', await lastInboundFrom(tx, m.tenantId, wa, phone), now)
    await queueMessage(tx, {
      tenantId: m.tenantId,
      channelType: 'whatsapp',
      channelAccountId: wa,
      reportId: m.reportId,
      userId: m.user.id,
      recipient: phone,
      message: open
        ? { text }
        : { text, template: { name: TEMPLATES.staff, language: 'id', parameters: [templateParam(m.title), link] } },
      idempotencyKey: `${m.key}:whatsapp`,
      notice,
    })
    used.push('whatsapp')
  }
  const mail = prefs.channels.email ? await accountOf(tx, m.tenantId, 'email') : null
  if (mail) {
    const link = await m.link()
    await queueMessage(tx, {
      tenantId: m.tenantId,
      channelType: 'email',
      channelAccountId: mail,
      reportId: m.reportId,
      userId: m.user.id,
      recipient: m.user.email,
      message: { text: m.text(link), subject: `[aduan] ${m.title}` },
      idempotencyKey: `${m.key}:email`,
      notice,
    })
    used.push('email')
  }
  return used
}
