// The 'inbound' job: one stored webhook event -> contact (by channel identity), conversation,
// message, and a report with a tracking code (or the reporter's open report), then the
// acknowledgement through the outbox. Idempotent: the message's unique external id makes a
// second run a no-op, and everything happens in one transaction.
import { and, desc, eq, notInArray, sql } from 'drizzle-orm'
import type { DeliveryStatusEvent, InboundMessageEvent } from '../channels/contract.ts'
import type { AppContext } from '../context.ts'
import type { Db } from '../db/connect.ts'
import {
  contactIdentities,
  contacts,
  conversations,
  inboundEvents,
  messages,
  reports,
} from '../db/schema/index.ts'
import { applyDeliveryStatus, queueMessage } from '../delivery/outbox.ts'
import type { Job } from '../jobs/queue.ts'
import type { ChannelType } from '../reports/model.ts'
import { runReporterCommand } from '../reports/commands.ts'
import { openReport } from '../reports/open.ts'
import { insertEvents } from '../reports/store.ts'
import { classifyComplaint } from '../triage/complaint.ts'
import { detectEmergency } from '../triage/emergency.ts'
import { notifyLive } from '../live/notify.ts'
import { recordInboundFailure } from './dead-letters.ts'
import { enqueueMediaFetches } from './media.ts'
import { statusReplyText, tenantAcknowledgementText } from './replies.ts'

const CLOSED = ['closed', 'archived', 'merged'] as const
const STATUS_COMMAND = /^\s*(?:status|cek|lacak)\s+([A-Z]{2,5}-[A-Z2-7]{6,8})\s*$/i

export function inboundHandler(ctx: AppContext) {
  return async (job: Job) => {
    const tenantId = job.tenantId!
    const inboundEventId = Number(job.payload.inboundEventId)
    const channelAccountId = job.payload.channelAccountId as string
    const event = job.payload.event as unknown as (InboundMessageEvent | DeliveryStatusEvent) & { channelType?: ChannelType }
    try {
      await processInboundEvent(ctx, tenantId, inboundEventId, channelAccountId, event, job.attempts)
    } catch (err) {
      // Visible to operators: attempts and the (sanitised) error; after the last attempt, dead.
      await recordInboundFailure(ctx.db, tenantId, inboundEventId, job.attempts, err, job.attempts >= job.maxAttempts)
      throw err
    }
  }
}

async function processInboundEvent(
  ctx: AppContext,
  tenantId: string,
  inboundEventId: number,
  channelAccountId: string,
  event: (InboundMessageEvent | DeliveryStatusEvent) & { channelType?: ChannelType },
  attempts: number,
) {
    await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .select({ status: inboundEvents.status, channelType: inboundEvents.channelType })
        .from(inboundEvents)
        .where(and(eq(inboundEvents.tenantId, tenantId), eq(inboundEvents.id, inboundEventId)))
        .for('update')
      if (!row || row.status === 'processed') return
      const now = ctx.clock.now()
      if (event.type === 'status') {
        await applyDeliveryStatus(tx, tenantId, event.providerMessageId, event.status, new Date(event.at))
      } else {
        await processMessage(tx, { ctx, tenantId, channelAccountId, channelType: row.channelType, event, now })
      }
      await tx
        .update(inboundEvents)
        .set({ status: 'processed', processedAt: now, attempts, lastError: null })
        .where(and(eq(inboundEvents.tenantId, tenantId), eq(inboundEvents.id, inboundEventId)))
    })
}

interface MessageInput {
  ctx: AppContext
  tenantId: string
  channelAccountId: string
  channelType: ChannelType
  event: InboundMessageEvent
  now: Date
}

async function findOrCreateContact(tx: Db, i: MessageInput) {
  const e = i.event
  const [identity] = await tx
    .select()
    .from(contactIdentities)
    .where(
      and(
        eq(contactIdentities.tenantId, i.tenantId),
        eq(contactIdentities.channelType, i.channelType),
        eq(contactIdentities.externalId, e.senderId),
      ),
    )
  if (identity) return identity
  const [contact] = await tx
    .insert(contacts)
    .values({ tenantId: i.tenantId, name: e.senderName ?? null, phone: e.senderPhone ?? null, email: e.senderEmail ?? null })
    .returning({ id: contacts.id })
  const [created] = await tx
    .insert(contactIdentities)
    .values({
      tenantId: i.tenantId,
      contactId: contact!.id,
      channelType: i.channelType,
      externalId: e.senderId,
      displayName: e.senderName ?? null,
    })
    .returning()
  return created!
}

async function findOrCreateConversation(tx: Db, i: MessageInput, contactId: string, identityId: string) {
  const threadId = i.event.threadId ?? null
  const [existing] = await tx
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.tenantId, i.tenantId),
        // By identity, not contact: after operators linked two numbers as one person, each
        // number keeps its own thread (replies go to the identity the conversation names).
        eq(conversations.identityId, identityId),
        eq(conversations.channelAccountId, i.channelAccountId),
        threadId ? eq(conversations.externalThreadId, threadId) : sql`${conversations.externalThreadId} is null`,
      ),
    )
    .orderBy(desc(conversations.lastMessageAt))
    .limit(1)
  if (existing) return existing
  const [c] = await tx
    .insert(conversations)
    .values({
      tenantId: i.tenantId,
      channelAccountId: i.channelAccountId,
      channelType: i.channelType,
      contactId,
      identityId,
      externalThreadId: threadId,
    })
    .returning()
  return c!
}

async function processMessage(tx: Db, i: MessageInput) {
  const e = i.event
  const identity = await findOrCreateContact(tx, i)
  const conversation = await findOrCreateConversation(tx, i, identity.contactId, identity.id)
  const text = [e.subject, e.text].filter(Boolean).join('\n').trim()
  const inserted = await tx
    .insert(messages)
    .values({
      tenantId: i.tenantId,
      conversationId: conversation.id,
      direction: 'in',
      body: text,
      kind: e.location ? 'location' : (e.attachments[0]?.kind ?? (e.interactiveReplyId ? 'interactive' : 'text')),
      externalId: e.providerEventId,
      channelAccountId: i.channelAccountId,
      isPublic: e.isPublic,
      status: 'received',
      metadata: { attachments: e.attachments.map((a) => ({ kind: a.kind, mimeType: a.mimeType, fileName: a.fileName })), location: e.location ?? null },
      createdAt: new Date(e.sentAt),
    })
    .onConflictDoNothing()
    .returning({ id: messages.id })
  if (inserted.length === 0) return // already processed
  const messageId = inserted[0]!.id
  await enqueueMediaFetches(tx, { tenantId: i.tenantId, messageId, channelAccountId: i.channelAccountId, channelType: i.channelType, attachments: e.attachments })
  await tx
    .update(conversations)
    .set({
      lastMessageAt: i.now,
      lastInboundAt: new Date(e.sentAt),
      unreadCount: sql`${conversations.unreadCount} + 1`,
      lastMessagePreview: text.slice(0, 140),
    })
    .where(and(eq(conversations.tenantId, i.tenantId), eq(conversations.id, conversation.id)))
  await notifyLive(tx, { tenantId: i.tenantId, kind: 'message', reportId: conversation.reportId, conversationId: conversation.id, agencyIds: [], types: ['in'] })

  const reply = (body: string, key: string, reportId: string | null) =>
    queueMessage(tx, {
      tenantId: i.tenantId,
      channelType: i.channelType,
      channelAccountId: i.channelAccountId,
      conversationId: conversation.id,
      reportId,
      recipient: e.senderId,
      message: { text: body, isPublic: e.isPublic, replyToProviderId: e.isPublic ? e.providerEventId : e.replyToProviderId, subject: e.subject, inReplyTo: e.messageId },
      idempotencyKey: key,
    })

  // "STATUS <kode>": answer with the report's status, open nothing.
  const asked = e.command?.kind === 'status' ? e.command.trackingCode : STATUS_COMMAND.exec(text)?.[1]
  if (asked) {
    const [r] = await tx
      .select({ trackingCode: reports.trackingCode, status: reports.status, contactId: reports.contactId })
      .from(reports)
      .where(and(eq(reports.tenantId, i.tenantId), eq(reports.trackingCode, asked.toUpperCase())))
    await reply(statusReplyText(asked.toUpperCase(), r && r.contactId === identity.contactId ? r.status : null), `status:${messageId}`, null)
    return
  }

  // Append to the reporter's open report on this conversation.
  if (conversation.reportId) {
    const [open] = await tx
      .select({ id: reports.id, status: reports.status })
      .from(reports)
      .where(
        and(
          eq(reports.tenantId, i.tenantId),
          eq(reports.id, conversation.reportId),
          notInArray(reports.status, [...CLOSED]),
        ),
      )
    if (open) {
      await tx.update(messages).set({ reportId: open.id }).where(and(eq(messages.tenantId, i.tenantId), eq(messages.id, messageId)))
      // A reply resumes a report waiting for the reporter (tunda) and stops closure by silence.
      const command = open.status === 'needs_info' ? 'provide_info' : open.status === 'answered' ? 'reporter_reply' : null
      if (command) {
        await runReporterCommand(i.ctx, i.tenantId, open.id, { type: command, message: text.slice(0, 2000) || undefined }, tx)
        return
      }
      await insertEvents(
        tx,
        i.tenantId,
        open.id,
        [{ type: 'reporter_message', fromStatus: open.status, toStatus: open.status, data: { messageId }, agencyId: null, internal: false }],
        { kind: 'reporter' },
        i.now,
      )
      return
    }
  }

  // A public comment or mention opens a report only when it reads as a complaint.
  if (e.isPublic && !classifyComplaint(text).isComplaint) return
  if (!text && e.attachments.length === 0 && !e.location) return

  const emergency = detectEmergency(text)
  const report = await openReport(tx, {
    tenantId: i.tenantId,
    body: text || '(lampiran tanpa teks)',
    kind: emergency.isEmergency ? 'kedaruratan' : 'pengaduan',
    flags: { emergency: emergency.isEmergency },
    urgency: emergency.isEmergency ? 'mendesak' : null,
    channelType: i.channelType,
    channelAccountId: i.channelAccountId,
    conversationId: conversation.id,
    contactId: identity.contactId,
    latitude: e.location?.latitude ?? null,
    longitude: e.location?.longitude ?? null,
    locationText: e.location?.address ?? e.location?.name ?? null,
    triage: { emergency },
    receivedAt: new Date(e.sentAt),
    actor: { kind: 'reporter' },
    eventData: { messageId },
    now: i.now,
  })
  const trackingCode = report.trackingCode
  await tx.update(messages).set({ reportId: report.id }).where(and(eq(messages.tenantId, i.tenantId), eq(messages.id, messageId)))
  await tx
    .update(conversations)
    .set({ reportId: report.id })
    .where(and(eq(conversations.tenantId, i.tenantId), eq(conversations.id, conversation.id)))
  await reply(await tenantAcknowledgementText(tx, i.tenantId, trackingCode, emergency.isEmergency, i.now), `ack:${report.id}`, report.id)
}


