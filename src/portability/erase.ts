// Executes a UU PDP erasure request: the reporter's identity goes, their reports stay (tracking
// code, status, timeline, and the texts as the public view shows them). One transaction; the
// original media files are removed after it commits. docs/PORTABILITY.md lists what goes and why.
import fs from 'node:fs/promises'
import path from 'node:path'
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm'
import type { Db } from '../db/connect.ts'
import {
  attachments,
  contactIdentities,
  contacts,
  conversations,
  inboundEvents,
  jobs,
  messages,
  notifications,
  outboundMessages,
  pdpRequests,
  reportEvents,
  reports,
  webhookDeliveries,
} from '../db/schema/index.ts'
import { dropLocation, ERASED_NAME, ERASED_PLACE, EVENT_IDENTITY_KEY, identityOf, removeStrings, scrubJson, scrubText, type Identity } from './scrub.ts'

export interface ErasureSummary extends Record<string, number> {
  reports: number
  identities: number
  messages: number
  events: number
  attachmentsRemoved: number
  originalsRemoved: number
  rawEventsRemoved: number
  /** Reports whose point or address text went, plus messages that shared a location. */
  locationsRemoved: number
  /** Finished background jobs whose payload carried them (an inbound message as normalised, with its location). */
  jobsRemoved: number
}

export type EraseResult = { status: 'done'; summary: ErasureSummary } | { status: 'not_found' } | { status: 'already_done' }

async function identityFor(tx: Db, tenantId: string, contactId: string | null, places: (string | null)[]): Promise<Identity> {
  if (!contactId) return identityOf([], [], places)
  const [c] = await tx.select().from(contacts).where(and(eq(contacts.tenantId, tenantId), eq(contacts.id, contactId)))
  const ids = await tx.select().from(contactIdentities).where(and(eq(contactIdentities.tenantId, tenantId), eq(contactIdentities.contactId, contactId)))
  const names = [c?.erasedAt ? null : c?.name, ...ids.map((i) => i.displayName)]
  return identityOf([...names, c?.phone, c?.email, ...ids.map((i) => i.externalId)], names, places)
}

/** The name and address of a location shared in a message (metadata.location of the intake). */
function sharedPlace(metadata: unknown): { shared: boolean; strings: string[] } {
  const loc = (metadata as { location?: unknown } | null)?.location
  if (!loc || typeof loc !== 'object') return { shared: false, strings: [] }
  const l = loc as Record<string, unknown>
  return { shared: true, strings: [l.name, l.address].filter((v): v is string => typeof v === 'string') }
}

/** Erase the identity behind a request; marks every pending erasure of the same person done. */
export async function executeErasure(
  db: Db,
  dataDir: string,
  tenantId: string,
  requestId: string,
  actor: { userId: string; role: 'super_admin' | 'operator' } | null,
  now: Date,
): Promise<EraseResult> {
  const files: string[] = []
  const result = await db.transaction(async (tx): Promise<EraseResult> => {
    const [req] = await tx
      .select()
      .from(pdpRequests)
      .where(and(eq(pdpRequests.tenantId, tenantId), eq(pdpRequests.id, requestId), eq(pdpRequests.kind, 'erasure')))
      .for('update')
    if (!req) return { status: 'not_found' }
    if (req.status !== 'pending') return { status: 'already_done' }
    await tx.execute(sql`select set_config('aduan.pdp_erasure', 'on', true)`)
    const contactId = req.contactId
    const rs = await tx
      .select({ id: reports.id, status: reports.status, title: reports.title, body: reports.body, locationText: reports.locationText, latitude: reports.latitude, longitude: reports.longitude, triage: reports.triage, ratingComment: reports.ratingComment, conversationId: reports.conversationId })
      .from(reports)
      .where(and(eq(reports.tenantId, tenantId), contactId ? or(eq(reports.contactId, contactId), eq(reports.id, req.reportId)) : eq(reports.id, req.reportId)))
    const reportIds = rs.map((r) => r.id)

    // Conversations of the person (or, without a contact, of these reports) and their messages.
    const convIds = [
      ...new Set([
        ...rs.map((r) => r.conversationId).filter((c): c is string => !!c),
        ...(contactId
          ? (await tx.select({ id: conversations.id }).from(conversations).where(and(eq(conversations.tenantId, tenantId), eq(conversations.contactId, contactId)))).map((c) => c.id)
          : []),
      ]),
    ]
    const ms = convIds.length
      ? await tx.select({ id: messages.id, kind: messages.kind, body: messages.body, metadata: messages.metadata }).from(messages).where(and(eq(messages.tenantId, tenantId), inArray(messages.conversationId, convIds)))
      : []
    // Their exact places: the reports' address texts and the locations shared in messages; removed
    // from every text below, and the points themselves go (the region and kecamatan codes stay).
    const id = await identityFor(tx, tenantId, contactId, [...rs.map((r) => r.locationText), ...ms.flatMap((m) => sharedPlace(m.metadata).strings)])
    let locations = 0
    for (const r of rs) {
      if (r.latitude !== null || r.longitude !== null || r.locationText) locations++
      await tx
        .update(reports)
        .set({
          title: r.title ? scrubText(r.title, id) : null,
          body: scrubText(r.body, id),
          latitude: null,
          longitude: null,
          locationText: null,
          triage: dropLocation(r.triage) as Record<string, unknown>,
          ratingComment: r.ratingComment ? scrubText(r.ratingComment, id) : null,
          updatedAt: now,
        })
        .where(and(eq(reports.tenantId, tenantId), eq(reports.id, r.id)))
    }

    let messageCount = 0
    const messageIds: string[] = []
    if (convIds.length) {
      for (const m of ms) {
        messageIds.push(m.id)
        const shared = sharedPlace(m.metadata).shared || m.kind === 'location'
        if (shared) locations++
        await tx
          .update(messages)
          .set({ body: shared ? ERASED_PLACE : scrubText(m.body, id), metadata: { ...(scrubJson(m.metadata, id) as Record<string, unknown>), erased: true } })
          .where(and(eq(messages.tenantId, tenantId), eq(messages.id, m.id)))
      }
      messageCount = ms.length
      await tx.update(conversations).set({ identityId: null, lastMessagePreview: null }).where(and(eq(conversations.tenantId, tenantId), inArray(conversations.id, convIds)))
    }
    const outs = await tx
      .select({ id: outboundMessages.id, payload: outboundMessages.payload })
      .from(outboundMessages)
      .where(and(eq(outboundMessages.tenantId, tenantId), or(convIds.length ? inArray(outboundMessages.conversationId, convIds) : sql`false`, reportIds.length ? and(inArray(outboundMessages.reportId, reportIds), isNull(outboundMessages.userId)) : sql`false`)))
    for (const o of outs)
      await tx.update(outboundMessages).set({ recipient: '', payload: scrubJson(o.payload, id) as Record<string, unknown> }).where(and(eq(outboundMessages.tenantId, tenantId), eq(outboundMessages.id, o.id)))

    // The timeline stays; what the reporter wrote in it loses their identity (migration 0010 allows this update only).
    let eventCount = 0
    if (reportIds.length) {
      const evs = await tx.select({ id: reportEvents.id, data: reportEvents.data }).from(reportEvents).where(and(eq(reportEvents.tenantId, tenantId), inArray(reportEvents.reportId, reportIds)))
      for (const e of evs) {
        const data = scrubJson(e.data, id, EVENT_IDENTITY_KEY) as Record<string, unknown>
        if (JSON.stringify(data) === JSON.stringify(e.data)) continue
        await tx.update(reportEvents).set({ data }).where(and(eq(reportEvents.tenantId, tenantId), eq(reportEvents.id, e.id)))
        eventCount++
      }
      // Outgoing webhook bodies stored for (re)delivery carry the report's texts and event data.
      const whs = await tx.select({ id: webhookDeliveries.id, payload: webhookDeliveries.payload }).from(webhookDeliveries).where(and(eq(webhookDeliveries.tenantId, tenantId), inArray(webhookDeliveries.reportId, reportIds)))
      for (const w of whs)
        await tx.update(webhookDeliveries).set({ payload: scrubJson(w.payload, id, EVENT_IDENTITY_KEY) }).where(and(eq(webhookDeliveries.tenantId, tenantId), eq(webhookDeliveries.id, w.id)))
      const ns = await tx.select({ id: notifications.id, title: notifications.title, body: notifications.body }).from(notifications).where(and(eq(notifications.tenantId, tenantId), inArray(notifications.reportId, reportIds)))
      for (const n of ns)
        await tx.update(notifications).set({ title: removeStrings(n.title, id), body: scrubText(n.body, id) }).where(and(eq(notifications.tenantId, tenantId), eq(notifications.id, n.id)))
    }

    // Media: originals (EXIF, GPS, a voice) go; a metadata-free image copy stays in their place.
    const atts = await tx
      .select()
      .from(attachments)
      .where(and(eq(attachments.tenantId, tenantId), or(reportIds.length ? inArray(attachments.reportId, reportIds) : sql`false`, messageIds.length ? inArray(attachments.messageId, messageIds) : sql`false`)))
    let removed = 0
    let originals = 0
    for (const a of atts) {
      if (a.publicStorageKey) {
        if (a.storageKey !== a.publicStorageKey) {
          files.push(a.storageKey)
          originals++
        }
        await tx.update(attachments).set({ storageKey: a.publicStorageKey, fileName: null }).where(and(eq(attachments.tenantId, tenantId), eq(attachments.id, a.id)))
      } else {
        files.push(a.storageKey)
        removed++
        await tx.delete(attachments).where(and(eq(attachments.tenantId, tenantId), eq(attachments.id, a.id)))
      }
    }

    // Raw webhook bodies that carry their channel ids or phone number.
    let raw = 0
    const needles = id.strings.filter((s) => s.length >= 5)
    if (needles.length) {
      const del = await tx
        .delete(inboundEvents)
        .where(and(eq(inboundEvents.tenantId, tenantId), or(...needles.map((s) => sql`strpos(${inboundEvents.body}, ${s}) > 0`))))
        .returning({ id: inboundEvents.id })
      raw = del.length
    }
    // Finished jobs keep their payload (a normalised inbound event: sender, text, location). Jobs
    // still queued or running are left to run: their inbound event is gone or will start a new contact.
    let jobCount = 0
    if (needles.length)
      jobCount = (
        await tx
          .delete(jobs)
          .where(and(eq(jobs.tenantId, tenantId), inArray(jobs.status, ['done', 'dead']), or(...needles.map((s) => sql`strpos(${jobs.payload}::text, ${s}) > 0`))))
          .returning({ id: jobs.id })
      ).length

    let identities = 0
    if (contactId) {
      identities = (await tx.delete(contactIdentities).where(and(eq(contactIdentities.tenantId, tenantId), eq(contactIdentities.contactId, contactId))).returning({ id: contactIdentities.id })).length
      await tx.update(contacts).set({ name: ERASED_NAME, phone: null, email: null, erasedAt: now, updatedAt: now }).where(and(eq(contacts.tenantId, tenantId), eq(contacts.id, contactId)))
    }
    const summary: ErasureSummary = { reports: rs.length, identities, messages: messageCount, events: eventCount, attachmentsRemoved: removed, originalsRemoved: originals, rawEventsRemoved: raw, locationsRemoved: locations, jobsRemoved: jobCount }
    // An internal timeline entry; written directly (no hooks: nothing to notify or forward).
    if (rs.length)
      await tx.insert(reportEvents).values(
        rs.map((r) => ({
          tenantId,
          reportId: r.id,
          type: 'identity_erased',
          actorKind: actor ? 'user' : 'system',
          actorUserId: actor?.userId ?? null,
          actorRole: actor?.role ?? null,
          data: { requestId },
          internal: true,
          createdAt: now,
        })),
      )
    await tx
      .update(pdpRequests)
      .set({ status: 'done', executedAt: now, executedBy: actor?.userId ?? null, summary })
      .where(
        and(
          eq(pdpRequests.tenantId, tenantId),
          eq(pdpRequests.kind, 'erasure'),
          eq(pdpRequests.status, 'pending'),
          contactId ? or(eq(pdpRequests.id, requestId), eq(pdpRequests.contactId, contactId)) : eq(pdpRequests.id, requestId),
        ),
      )
    return { status: 'done', summary }
  })
  if (result.status === 'done') await removeUnreferenced(db, dataDir, tenantId, files)
  return result
}

/** Delete media files no attachment row points to any more (content-addressed: others may share them). */
async function removeUnreferenced(db: Db, dataDir: string, tenantId: string, keys: string[]) {
  for (const key of new Set(keys)) {
    const [still] = await db
      .select({ id: attachments.id })
      .from(attachments)
      .where(and(eq(attachments.tenantId, tenantId), or(eq(attachments.storageKey, key), eq(attachments.publicStorageKey, key))))
      .limit(1)
    if (still || !/^[0-9a-f-]{36}\/[0-9a-f]{64}$/.test(key)) continue
    await fs.rm(path.join(dataDir, 'media', key), { force: true })
  }
}
