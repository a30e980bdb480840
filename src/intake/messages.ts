// Inbound messages, set-based: a batch of stored messages becomes contacts, conversations, messages,
// reports and acknowledgements with a fixed number of statements per batch (one per table), not
// per message. One path for one message and for hundreds: processInboundEvents (process.ts) calls
// this with whatever the job claimed.
//
// Messages of one sender depend on each other (the second appends to the report the first opened),
// so a batch is cut into rounds: a round holds at most one message per sender (channel identity),
// in arrival order, and each round sees everything the earlier rounds wrote. Within a round the
// messages are independent, and each ends exactly as if processed alone.
import crypto from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import type { InboundMessageEvent } from '../channels/contract.ts'
import type { AppContext } from '../context.ts'
import { rowsOf, type Db } from '../db/connect.ts'
import { reports } from '../db/schema/index.ts'
import { queueMessages, type QueueMessageInput } from '../delivery/outbox.ts'
import { LIVE_CHANNEL } from '../live/notify.ts'
import type { ChannelType } from '../reports/model.ts'
import { runReporterCommand } from '../reports/commands.ts'
import { openReports, type OpenReportInput } from '../reports/open.ts'
import { insertEvents } from '../reports/store.ts'
import { classifyComplaint } from '../triage/complaint.ts'
import { detectEmergency } from '../triage/emergency.ts'
import { enqueueMediaFetches } from './media.ts'
import { statusReplyText, tenantAcknowledger } from './replies.ts'

const CLOSED = ['closed', 'archived', 'merged']
const STATUS_COMMAND = /^\s*(?:status|cek|lacak)\s+([A-Z]{2,5}-[A-Z2-7]{6,8})\s*$/i

export interface MessageInput {
  ctx: AppContext
  tenantId: string
  channelAccountId: string
  channelType: ChannelType
  event: InboundMessageEvent
  now: Date
}

/** A JSON array as a set of rows: one parameter, whatever the batch size, on both backends. */
const recordset = (items: unknown[]) => sql`jsonb_to_recordset(${JSON.stringify(items)}::jsonb)`

export async function processMessages(tx: Db, items: readonly MessageInput[]): Promise<void> {
  const rounds: MessageInput[][] = []
  const seen = new Map<string, number>()
  for (const item of items) {
    const key = `${item.tenantId}\u0000${item.channelType}\u0000${item.event.senderId}`
    const r = seen.get(key) ?? 0
    seen.set(key, r + 1)
    ;(rounds[r] ??= []).push(item)
  }
  for (const round of rounds) await processRound(tx, round)
}

interface Threaded extends MessageInput {
  identityId: string
  contactId: string
  conversationId: string
  conversationReportId: string | null
  messageId: string
  text: string
  plan: Plan
}

/**
 * What a message will do, decided before anything is written (from its text and the state of the
 * conversation's report): so the message row is inserted with its report, and the conversation
 * updated once, instead of both updated again after the report opened.
 */
type Plan =
  | { do: 'status'; code: string }
  | { do: 'append'; reportId: string; status: string }
  | { do: 'open'; reportId: string; emergency: ReturnType<typeof detectEmergency> }
  | { do: 'none' }

function planOf(e: InboundMessageEvent, text: string, conversationReportId: string | null, open: Map<string, string>): Plan {
  // "STATUS <kode>": answer with the report's status, open nothing.
  const asked = e.command?.kind === 'status' ? e.command.trackingCode : STATUS_COMMAND.exec(text)?.[1]
  if (asked) return { do: 'status', code: asked.toUpperCase() }
  // Append to the reporter's open report on this conversation.
  const status = conversationReportId ? open.get(conversationReportId) : undefined
  if (conversationReportId && status) return { do: 'append', reportId: conversationReportId, status }
  // A public comment or mention opens a report only when it reads as a complaint.
  if (e.isPublic && !classifyComplaint(text).isComplaint) return { do: 'none' }
  if (!text && e.attachments.length === 0 && !e.location) return { do: 'none' }
  return { do: 'open', reportId: crypto.randomUUID(), emergency: detectEmergency(text) }
}

async function processRound(tx: Db, items: MessageInput[]): Promise<void> {
  // Contacts and identities: the sender's identity, or a new contact and identity.
  const ids = await rowsOf<{ i: number; id: string; contact_id: string }>(
    tx,
    sql`with v as (select * from ${recordset(
      items.map((m, i) => ({
        i,
        tenant_id: m.tenantId,
        channel_type: m.channelType,
        external_id: m.event.senderId,
        name: m.event.senderName ?? null,
        phone: m.event.senderPhone ?? null,
        email: m.event.senderEmail ?? null,
        new_contact: crypto.randomUUID(),
      })),
    )} as v(i int, tenant_id uuid, channel_type channel_type, external_id text, name text, phone text, email text, new_contact uuid)),
      found as (
        select v.i, ci.id, ci.contact_id from v join contact_identities ci
          on ci.tenant_id = v.tenant_id and ci.channel_type = v.channel_type and ci.external_id = v.external_id),
      c as (
        insert into contacts (id, tenant_id, name, phone, email)
        select v.new_contact, v.tenant_id, v.name, v.phone, v.email from v where not exists (select 1 from found f where f.i = v.i)
        returning id),
      ins as (
        insert into contact_identities (tenant_id, contact_id, channel_type, external_id, display_name)
        select v.tenant_id, c.id, v.channel_type, v.external_id, v.name from c join v on v.new_contact = c.id
        returning id, contact_id)
      select i, id, contact_id from found
      union all select v.i, ins.id, ins.contact_id from ins join v on v.new_contact = ins.contact_id`,
  )
  const identity = new Map(ids.map((r) => [r.i, r]))

  // Conversations: the identity's latest on this channel account (and thread), or a new one. By
  // identity, not contact: linked numbers keep their own threads.
  const convs = await rowsOf<{ i: number; id: string; report_id: string | null }>(
    tx,
    sql`with v as (select * from ${recordset(
      items.map((m, i) => ({
        i,
        tenant_id: m.tenantId,
        account_id: m.channelAccountId,
        channel_type: m.channelType,
        contact_id: identity.get(i)!.contact_id,
        identity_id: identity.get(i)!.id,
        thread: m.event.threadId ?? null,
        new_id: crypto.randomUUID(),
      })),
    )} as v(i int, tenant_id uuid, account_id uuid, channel_type channel_type, contact_id uuid, identity_id uuid, thread text, new_id uuid)),
      found as (
        select distinct on (v.i) v.i, c.id, c.report_id from v join conversations c
          on c.tenant_id = v.tenant_id and c.identity_id = v.identity_id and c.channel_account_id = v.account_id
          and (c.external_thread_id = v.thread or (c.external_thread_id is null and v.thread is null))
        order by v.i, c.last_message_at desc),
      ins as (
        insert into conversations (id, tenant_id, channel_account_id, channel_type, contact_id, identity_id, external_thread_id)
        select v.new_id, v.tenant_id, v.account_id, v.channel_type, v.contact_id, v.identity_id, v.thread
        from v where not exists (select 1 from found f where f.i = v.i)
        returning id, report_id)
      select i, id, report_id from found
      union all select v.i, ins.id, ins.report_id from ins join v on v.new_id = ins.id`,
  )
  const conversation = new Map(convs.map((r) => [r.i, r]))

  // The state of the conversations' reports (closed ones take no more messages), then each
  // message's plan.
  const linked = items.flatMap((m, i) => (conversation.get(i)!.report_id ? [{ tenant_id: m.tenantId, id: conversation.get(i)!.report_id }] : []))
  const open = new Map(
    linked.length === 0
      ? []
      : (
          await rowsOf<{ id: string; status: string }>(
            tx,
            sql`select r.id, r.status from reports r join ${recordset(linked)} as v(tenant_id uuid, id uuid)
              on r.tenant_id = v.tenant_id and r.id = v.id
              where r.status::text not in (${sql.join(CLOSED.map((s) => sql`${s}`), sql`, `)})`,
          )
        ).map((r) => [r.id, r.status]),
  )

  // The messages; one already there (same provider id) means that event was processed before.
  const drafts = items.map((m, i) => {
    const e = m.event
    const body = [e.subject, e.text].filter(Boolean).join('\n').trim()
    const plan = planOf(e, body, conversation.get(i)!.report_id, open)
    return {
      i,
      id: crypto.randomUUID(),
      tenant_id: m.tenantId,
      conversation_id: conversation.get(i)!.id,
      report_id: plan.do === 'append' || plan.do === 'open' ? plan.reportId : null,
      body,
      kind: e.location ? 'location' : (e.attachments[0]?.kind ?? (e.interactiveReplyId ? 'interactive' : 'text')),
      external_id: e.providerEventId,
      channel_account_id: m.channelAccountId,
      is_public: e.isPublic,
      metadata: { attachments: e.attachments.map((a) => ({ kind: a.kind, mimeType: a.mimeType, fileName: a.fileName })), location: e.location ?? null },
      created_at: new Date(e.sentAt).toISOString(),
      plan,
    }
  })
  const inserted = await rowsOf<{ id: string }>(
    tx,
    sql`insert into messages (id, tenant_id, conversation_id, report_id, direction, body, kind, external_id, channel_account_id, is_public, status, metadata, created_at)
      select v.id, v.tenant_id, v.conversation_id, v.report_id, 'in', v.body, v.kind, v.external_id, v.channel_account_id, v.is_public, 'received', v.metadata, v.created_at
      from ${recordset(drafts.map(({ plan: _p, ...d }) => d))} as v(i int, id uuid, tenant_id uuid, conversation_id uuid, report_id uuid, body text, kind text,
        external_id text, channel_account_id uuid, is_public boolean, metadata jsonb, created_at timestamptz)
      order by v.i
      on conflict do nothing
      returning id`,
  )
  const fresh = new Set(inserted.map((r) => r.id))
  const threaded: Threaded[] = items.flatMap((m, i) =>
    fresh.has(drafts[i]!.id)
      ? [
          {
            ...m,
            identityId: identity.get(i)!.id,
            contactId: identity.get(i)!.contact_id,
            conversationId: conversation.get(i)!.id,
            conversationReportId: conversation.get(i)!.report_id,
            messageId: drafts[i]!.id,
            text: drafts[i]!.body,
            plan: drafts[i]!.plan,
          },
        ]
      : [],
  )
  if (threaded.length === 0) return
  for (const m of threaded) {
    if (m.event.attachments.length === 0) continue
    await enqueueMediaFetches(tx, { tenantId: m.tenantId, messageId: m.messageId, channelAccountId: m.channelAccountId, channelType: m.channelType, attachments: m.event.attachments })
  }
  // The conversations' last message, and the report a message will open (its id chosen above; the
  // report is inserted below in this transaction): one update per conversation.
  await tx.execute(sql`update conversations c
    set last_message_at = v.now, last_inbound_at = v.sent_at, unread_count = c.unread_count + 1, last_message_preview = v.preview,
      report_id = coalesce(v.report_id, c.report_id)
    from ${recordset(
      threaded.map((m) => ({
        tenant_id: m.tenantId,
        id: m.conversationId,
        now: m.now.toISOString(),
        sent_at: new Date(m.event.sentAt).toISOString(),
        preview: m.text.slice(0, 140),
        report_id: m.plan.do === 'open' ? m.plan.reportId : null,
      })),
    )} as v(tenant_id uuid, id uuid, now timestamptz, sent_at timestamptz, preview text, report_id uuid)
    where c.tenant_id = v.tenant_id and c.id = v.id`)
  // Live notices (ids only), one per message, as notifyLive sends them.
  const notices = threaded.map((m) =>
    JSON.stringify({ tenantId: m.tenantId, kind: 'message', reportId: m.conversationReportId, conversationId: m.conversationId, agencyIds: [], types: ['in'] }),
  )
  await tx.execute(sql`select pg_notify(${LIVE_CHANNEL}, n) from jsonb_array_elements_text(${JSON.stringify(notices)}::jsonb) as n`)

  await answerRound(tx, threaded)
}

/** Status commands, appends to open reports, new reports; every reply queued in one statement. */
async function answerRound(tx: Db, threaded: Threaded[]): Promise<void> {
  const replies: QueueMessageInput[] = []
  const reply = (m: Threaded, body: string, key: string, reportId: string | null) => {
    const e = m.event
    replies.push({
      tenantId: m.tenantId,
      channelType: m.channelType,
      channelAccountId: m.channelAccountId,
      conversationId: m.conversationId,
      reportId,
      recipient: e.senderId,
      message: { text: body, isPublic: e.isPublic, replyToProviderId: e.isPublic ? e.providerEventId : e.replyToProviderId, subject: e.subject, inReplyTo: e.messageId },
      idempotencyKey: key,
      createdAt: m.now,
    })
  }
  const toOpen: { m: Threaded; input: OpenReportInput; emergency: boolean }[] = []
  for (const m of threaded) {
    const e = m.event
    const plan = m.plan
    if (plan.do === 'status') {
      const [r] = await tx
        .select({ status: reports.status, contactId: reports.contactId })
        .from(reports)
        .where(and(eq(reports.tenantId, m.tenantId), eq(reports.trackingCode, plan.code)))
      reply(m, statusReplyText(plan.code, r && r.contactId === m.contactId ? r.status : null), `status:${m.messageId}`, null)
    } else if (plan.do === 'append') {
      // The message row already carries the report. A reply resumes a report waiting for the
      // reporter (tunda) and stops closure by silence.
      const { reportId, status } = plan
      const command = status === 'needs_info' ? 'provide_info' : status === 'answered' ? 'reporter_reply' : null
      if (command) {
        await runReporterCommand(m.ctx, m.tenantId, reportId, { type: command, message: m.text.slice(0, 2000) || undefined }, tx)
        continue
      }
      await insertEvents(
        tx,
        m.tenantId,
        reportId,
        [{ type: 'reporter_message', fromStatus: status as never, toStatus: status as never, data: { messageId: m.messageId }, agencyId: null, internal: false }],
        { kind: 'reporter' },
        m.now,
      )
    } else if (plan.do === 'open') {
      const emergency = plan.emergency
      toOpen.push({
        m,
        emergency: emergency.isEmergency,
        input: {
          id: plan.reportId,
          tenantId: m.tenantId,
          body: m.text || '(lampiran tanpa teks)',
          kind: emergency.isEmergency ? 'kedaruratan' : 'pengaduan',
          flags: { emergency: emergency.isEmergency },
          urgency: emergency.isEmergency ? 'mendesak' : null,
          channelType: m.channelType,
          channelAccountId: m.channelAccountId,
          conversationId: m.conversationId,
          contactId: m.contactId,
          latitude: e.location?.latitude ?? null,
          longitude: e.location?.longitude ?? null,
          locationText: e.location?.address ?? e.location?.name ?? null,
          triage: { emergency },
          receivedAt: new Date(e.sentAt),
          actor: { kind: 'reporter' },
          eventData: { messageId: m.messageId },
          now: m.now,
        },
      })
    }
  }
  if (toOpen.length > 0) {
    // The message rows and conversations already point at these ids (chosen in the plan).
    const opened = await openReports(
      tx,
      toOpen.map((o) => o.input),
    )
    const texters = new Map<string, (code: string, emergency: boolean) => string>()
    for (const [k, o] of toOpen.entries()) {
      let texter = texters.get(o.m.tenantId)
      if (!texter) texters.set(o.m.tenantId, (texter = await tenantAcknowledger(tx, o.m.tenantId, o.m.now)))
      reply(o.m, texter(opened[k]!.trackingCode, o.emergency), `ack:${opened[k]!.id}`, opened[k]!.id)
    }
  }
  await queueMessages(tx, replies)
}
