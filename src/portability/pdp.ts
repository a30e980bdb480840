// Reporters' rights under UU PDP no. 27/2022 through their private link: see the personal data
// aduan holds about them (recorded as an 'access' request), and ask for erasure (a pending
// 'erasure' request an operator executes within 3 x 24 hours; erase.ts). docs/PORTABILITY.md.
import { and, asc, desc, eq, gt, inArray, or } from 'drizzle-orm'
import type { Db } from '../db/connect.ts'
import { attachments, contactIdentities, contacts, conversations, messages, pdpRequests, reports } from '../db/schema/index.ts'

/** UU PDP art. 43: erasure within 3 x 24 hours of the request. */
export const ERASURE_DEADLINE_MS = 72 * 3600 * 1000
/** Viewing the page again within this window is the same access request. */
const ACCESS_DEDUPE_MS = 3600 * 1000
/** At most this many messages and reports in one answer (the newest). */
const LIMIT = 2000

interface LinkReport {
  id: string
  trackingCode: string
  contactId: string | null
}

export async function recordAccess(db: Db, tenantId: string, r: LinkReport, now: Date): Promise<void> {
  const [recent] = await db
    .select({ id: pdpRequests.id })
    .from(pdpRequests)
    .where(and(eq(pdpRequests.tenantId, tenantId), eq(pdpRequests.reportId, r.id), eq(pdpRequests.kind, 'access'), gt(pdpRequests.requestedAt, new Date(now.getTime() - ACCESS_DEDUPE_MS))))
    .limit(1)
  if (recent) return
  await db.insert(pdpRequests).values({ tenantId, reportId: r.id, trackingCode: r.trackingCode, contactId: r.contactId, kind: 'access', status: 'done', requestedAt: now, dueAt: now, executedAt: now })
}

/** The pending or executed erasure request of this report's reporter, if any. */
export async function erasureOf(db: Db, tenantId: string, r: LinkReport) {
  const [req] = await db
    .select()
    .from(pdpRequests)
    .where(and(eq(pdpRequests.tenantId, tenantId), eq(pdpRequests.kind, 'erasure'), or(eq(pdpRequests.reportId, r.id), r.contactId ? eq(pdpRequests.contactId, r.contactId) : undefined)))
    .orderBy(desc(pdpRequests.requestedAt))
    .limit(1)
  return req ?? null
}

/** Files an erasure request (once: a pending or executed one is returned as it is). */
export async function requestErasure(db: Db, tenantId: string, r: LinkReport, reason: string | null, now: Date) {
  const existing = await erasureOf(db, tenantId, r)
  if (existing && existing.status !== 'rejected') return existing
  const [req] = await db
    .insert(pdpRequests)
    .values({ tenantId, reportId: r.id, trackingCode: r.trackingCode, contactId: r.contactId, kind: 'erasure', reason, requestedAt: now, dueAt: new Date(now.getTime() + ERASURE_DEADLINE_MS) })
    .returning()
  return req!
}

/** Everything aduan holds about the person behind this report (their contact, or only this report). */
export async function personalData(db: Db, tenantId: string, r: LinkReport) {
  const contact = r.contactId
    ? (await db.select().from(contacts).where(and(eq(contacts.tenantId, tenantId), eq(contacts.id, r.contactId))))[0]
    : undefined
  const identities = r.contactId
    ? await db
        .select({ channel: contactIdentities.channelType, id: contactIdentities.externalId, displayName: contactIdentities.displayName, since: contactIdentities.createdAt })
        .from(contactIdentities)
        .where(and(eq(contactIdentities.tenantId, tenantId), eq(contactIdentities.contactId, r.contactId)))
    : []
  const reportRows = await db
    .select({ id: reports.id, trackingCode: reports.trackingCode, status: reports.status, kind: reports.kind, title: reports.title, body: reports.body, locationText: reports.locationText, latitude: reports.latitude, longitude: reports.longitude, channel: reports.channelType, anonymous: reports.isAnonymous, confidential: reports.isConfidential, rating: reports.rating, ratingComment: reports.ratingComment, createdAt: reports.createdAt })
    .from(reports)
    .where(and(eq(reports.tenantId, tenantId), r.contactId ? eq(reports.contactId, r.contactId) : eq(reports.id, r.id)))
    .orderBy(desc(reports.createdAt))
    .limit(LIMIT)
  const convIds = r.contactId
    ? (await db.select({ id: conversations.id }).from(conversations).where(and(eq(conversations.tenantId, tenantId), eq(conversations.contactId, r.contactId)))).map((c) => c.id)
    : []
  const msgs = convIds.length
    ? await db
        .select({ id: messages.id, direction: messages.direction, kind: messages.kind, body: messages.body, at: messages.createdAt })
        .from(messages)
        .where(and(eq(messages.tenantId, tenantId), inArray(messages.conversationId, convIds)))
        .orderBy(asc(messages.createdAt))
        .limit(LIMIT)
    : []
  const reportIds = reportRows.map((x) => x.id)
  const files = reportIds.length
    ? await db
        .select({ kind: attachments.kind, mimeType: attachments.mimeType, size: attachments.size, fileName: attachments.fileName, at: attachments.createdAt })
        .from(attachments)
        .where(and(eq(attachments.tenantId, tenantId), inArray(attachments.reportId, reportIds)))
    : []
  const erasure = await erasureOf(db, tenantId, r)
  return {
    contact: contact
      ? { name: contact.name, phone: contact.phone, email: contact.email, since: contact.createdAt, erasedAt: contact.erasedAt }
      : null,
    identities,
    reports: reportRows.map(({ id: _id, ...rest }) => rest),
    messages: msgs.map(({ id: _id, ...rest }) => rest),
    attachments: files,
    erasure: erasure ? { status: erasure.status, requestedAt: erasure.requestedAt, dueAt: erasure.dueAt, executedAt: erasure.executedAt } : null,
  }
}
export type PersonalData = Awaited<ReturnType<typeof personalData>>

/** Requests for the admin list (newest first; pending erasures first when asked). */
export async function listRequests(db: Db, tenantId: string, opts: { status?: 'pending' | 'done' | 'rejected'; kind?: 'access' | 'erasure'; limit: number }, now: Date) {
  const conds = [eq(pdpRequests.tenantId, tenantId)]
  if (opts.status) conds.push(eq(pdpRequests.status, opts.status))
  if (opts.kind) conds.push(eq(pdpRequests.kind, opts.kind))
  const rows = await db.select().from(pdpRequests).where(and(...conds)).orderBy(desc(pdpRequests.requestedAt)).limit(opts.limit)
  return rows.map((q) => ({
    id: q.id,
    kind: q.kind,
    status: q.status,
    reportId: q.reportId,
    trackingCode: q.trackingCode,
    reason: q.reason,
    requestedAt: q.requestedAt,
    dueAt: q.dueAt,
    overdue: q.status === 'pending' && q.dueAt.getTime() < now.getTime(),
    executedAt: q.executedAt,
    executedBy: q.executedBy,
    summary: q.summary,
  }))
}
