// The 'inbound' job: one stored webhook event -> contact (by channel identity), conversation,
// message, and a report with a tracking code (or the reporter's open report), then the
// acknowledgement through the outbox. Idempotent: the message's unique external id makes a
// second run a no-op, and everything happens in one transaction.
import { and, eq, ne, notInArray, sql } from 'drizzle-orm'
import type { DeliveryStatusEvent, InboundMessageEvent } from '../channels/contract.ts'
import type { AppContext } from '../context.ts'
import type { Db } from '../db/connect.ts'
import {
  conversations,
  inboundEvents,
  messages,
  reports,
} from '../db/schema/index.ts'
import { applyDeliveryStatus, queueMessage } from '../delivery/outbox.ts'
import type { BatchJobHandler, Job } from '../jobs/queue.ts'
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

/** Inbound events processed in one transaction by one worker (see BatchJobHandler). */
export const INBOUND_BATCH = 25

type StoredEvent = (InboundMessageEvent | DeliveryStatusEvent) & { channelType?: ChannelType }

const jobInput = (job: Job) => ({
  tenantId: job.tenantId!,
  inboundEventId: Number(job.payload.inboundEventId),
  channelAccountId: job.payload.channelAccountId as string,
  event: job.payload.event as unknown as StoredEvent,
  attempts: job.attempts,
})

export function inboundHandler(ctx: AppContext): BatchJobHandler {
  const one = async (job: Job) => {
    const i = jobInput(job)
    try {
      await ctx.db.transaction((tx) => processInboundEvent(tx, ctx, i))
    } catch (err) {
      // Visible to operators: attempts and the (sanitised) error; after the last attempt, dead.
      await recordInboundFailure(ctx.db, i.tenantId, i.inboundEventId, job.attempts, err, job.attempts >= job.maxAttempts)
      throw err
    }
  }
  // Many events, one transaction: one commit (and one WAL flush) instead of one per event. Each
  // event is still handled exactly as alone, in order; if any fails, the queue rolls the whole
  // batch back and runs each job through `one`, so a bad event fails alone.
  return Object.assign(one, {
    batch: {
      size: INBOUND_BATCH,
      run: (jobs: Job[]) =>
        ctx.db.transaction(async (tx) => {
          for (const job of jobs) await processInboundEvent(tx, ctx, jobInput(job))
        }),
    },
  })
}

async function processInboundEvent(tx: Db, ctx: AppContext, i: ReturnType<typeof jobInput>) {
  const { tenantId, inboundEventId, channelAccountId, event, attempts } = i
  const now = ctx.clock.now()
  // Marks it processed first (the row lock; rolled back with everything if processing fails):
  // no row means another run already processed it.
  const [row] = await tx
    .update(inboundEvents)
    .set({ status: 'processed', processedAt: now, attempts, lastError: null })
    .where(and(eq(inboundEvents.tenantId, tenantId), eq(inboundEvents.id, inboundEventId), ne(inboundEvents.status, 'processed')))
    .returning({ channelType: inboundEvents.channelType })
  if (!row) return
  if (event.type === 'status') {
    await applyDeliveryStatus(tx, tenantId, event.providerMessageId, event.status, new Date(event.at))
  } else {
    await processMessage(tx, { ctx, tenantId, channelAccountId, channelType: row.channelType, event, now })
  }
}

interface MessageInput {
  ctx: AppContext
  tenantId: string
  channelAccountId: string
  channelType: ChannelType
  event: InboundMessageEvent
  now: Date
}

/** Rows of a raw query on either backend (node-postgres and PGlite shape results differently). */
async function rows<T>(tx: Db, q: ReturnType<typeof sql>): Promise<T[]> {
  const res = (await tx.execute(q)) as unknown as { rows?: T[] } | T[]
  return Array.isArray(res) ? res : (res.rows ?? [])
}

/** The sender's identity, or a new contact and identity: one round trip either way. */
async function findOrCreateContact(tx: Db, i: MessageInput): Promise<{ id: string; contactId: string }> {
  const e = i.event
  const [r] = await rows<{ id: string; contact_id: string }>(
    tx,
    sql`with found as (
        select id, contact_id from contact_identities
        where tenant_id = ${i.tenantId}::uuid and channel_type = ${i.channelType}::channel_type and external_id = ${e.senderId}),
      c as (
        insert into contacts (tenant_id, name, phone, email)
        select ${i.tenantId}::uuid, ${e.senderName ?? null}::text, ${e.senderPhone ?? null}::text, ${e.senderEmail ?? null}::text
        where not exists (select 1 from found)
        returning id),
      ins as (
        insert into contact_identities (tenant_id, contact_id, channel_type, external_id, display_name)
        select ${i.tenantId}::uuid, c.id, ${i.channelType}::channel_type, ${e.senderId}::text, ${e.senderName ?? null}::text from c
        returning id, contact_id)
      select id, contact_id from found union all select id, contact_id from ins`,
  )
  return { id: r!.id, contactId: r!.contact_id }
}

/**
 * The identity's conversation on this channel account (and thread), or a new one: one round trip.
 * By identity, not contact: after operators linked two numbers as one person, each number keeps
 * its own thread (replies go to the identity the conversation names).
 */
async function findOrCreateConversation(tx: Db, i: MessageInput, contactId: string, identityId: string) {
  const threadId = i.event.threadId ?? null
  const [r] = await rows<{ id: string; report_id: string | null }>(
    tx,
    sql`with found as (
        select id, report_id from conversations
        where tenant_id = ${i.tenantId}::uuid and identity_id = ${identityId}::uuid and channel_account_id = ${i.channelAccountId}::uuid
          and ${threadId === null ? sql`external_thread_id is null` : sql`external_thread_id = ${threadId}`}
        order by last_message_at desc limit 1),
      ins as (
        insert into conversations (tenant_id, channel_account_id, channel_type, contact_id, identity_id, external_thread_id)
        select ${i.tenantId}::uuid, ${i.channelAccountId}::uuid, ${i.channelType}::channel_type, ${contactId}::uuid, ${identityId}::uuid, ${threadId}::text
        where not exists (select 1 from found)
        returning id, report_id)
      select id, report_id from found union all select id, report_id from ins`,
  )
  return { id: r!.id, reportId: r!.report_id }
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


