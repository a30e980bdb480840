// Citizen updates on the channel the reporter used: verified (and which agency), more
// information needed, the answer (its text), closed, archived; always with the tracking code.
// Outside WhatsApp's 24-hour window an approved template carries the text; where the channel
// cannot reach them (no conversation, or it fails for good) SMS or e-mail follows if the reporter
// gave a number or address. Anonymous reporters are told the same way: the message goes only to
// their own channel and nothing about them reaches staff or the timeline.
import { and, eq, inArray } from 'drizzle-orm'
import { getAdapter } from '../channels/registry.ts'
import type { AppContext } from '../context.ts'
import type { Db } from '../db/connect.ts'
import { agencies, contactIdentities, contacts, conversations, reportEvents, responses } from '../db/schema/index.ts'
import { queueMessage, type Fallback } from '../delivery/outbox.ts'
import type { ReportEventRecord } from '../reports/hooks.ts'
import type { ChannelType } from '../reports/model.ts'
import { accountOf, phoneDigits, windowOpen } from './channels.ts'
import { citizenText, TEMPLATES, templateParam, type CitizenKind } from './texts.ts'

export interface ReportFacts {
  id: string
  tenantId: string
  trackingCode: string
  contactId: string | null
  conversationId: string | null
}

const KINDS: Record<string, CitizenKind> = {
  verified_and_dispatched: 'verified',
  info_requested: 'needs_info',
  response_published: 'answered',
  closed: 'closed',
  closed_by_silence: 'closed',
  archived: 'archived',
  rejected_not_pemda_authority: 'archived',
}

export const citizenKindOf = (e: ReportEventRecord): CitizenKind | null => KINDS[e.type] ?? null

async function agencyNames(tx: Db, tenantId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return []
  const rows = await tx
    .select({ name: agencies.name })
    .from(agencies)
    .where(and(eq(agencies.tenantId, tenantId), inArray(agencies.id, ids)))
  return rows.map((r) => r.name)
}

async function textFor(ctx: AppContext, tx: Db, r: ReportFacts, e: ReportEventRecord, kind: CitizenKind): Promise<string> {
  const d = e.data
  const trackUrl = `${ctx.config.BASE_URL.replace(/\/$/, '')}/lacak`
  const base = { kind, code: r.trackingCode, trackUrl }
  if (kind === 'verified') {
    const ids = ((d.dispositions as { agencyId: string }[] | undefined) ?? []).map((x) => x.agencyId)
    return citizenText({ ...base, agencies: await agencyNames(tx, r.tenantId, ids) })
  }
  if (kind === 'needs_info') return citizenText({ ...base, message: String(d.message ?? '') })
  if (kind === 'archived') return citizenText({ ...base, message: String(d.explanation ?? 'laporan berada di luar kewenangan kami.') })
  if (kind === 'answered') {
    const [resp] = await tx
      .select({ body: responses.body, agencyId: responses.agencyId })
      .from(responses)
      .where(and(eq(responses.tenantId, r.tenantId), eq(responses.id, String(d.responseId))))
    const [agencyName] = resp?.agencyId ? await agencyNames(tx, r.tenantId, [resp.agencyId]) : []
    return citizenText({ ...base, answer: resp?.body ?? '', agencyName: agencyName ?? null })
  }
  return citizenText(base)
}

interface Target extends Fallback {
  conversationId: string | null
  lastInboundAt: Date | null
}

/** Every way to reach the reporter, best first: their own conversation, then SMS, then e-mail. */
async function targetsOf(tx: Db, r: ReportFacts): Promise<Target[]> {
  const out: Target[] = []
  if (r.conversationId) {
    const [c] = await tx
      .select({ conv: conversations, externalId: contactIdentities.externalId })
      .from(conversations)
      .innerJoin(contactIdentities, and(eq(contactIdentities.tenantId, conversations.tenantId), eq(contactIdentities.id, conversations.identityId)))
      .where(and(eq(conversations.tenantId, r.tenantId), eq(conversations.id, r.conversationId)))
    if (c?.conv.channelAccountId && getAdapter(c.conv.channelType)) {
      out.push({
        channelType: c.conv.channelType,
        channelAccountId: c.conv.channelAccountId,
        recipient: c.externalId,
        conversationId: c.conv.id,
        lastInboundAt: c.conv.lastInboundAt,
      })
    }
  }
  if (r.contactId) {
    const [contact] = await tx
      .select({ phone: contacts.phone, email: contacts.email, erasedAt: contacts.erasedAt })
      .from(contacts)
      .where(and(eq(contacts.tenantId, r.tenantId), eq(contacts.id, r.contactId)))
    if (contact && !contact.erasedAt) {
      const extra: [ChannelType, string | null][] = [
        ['sms', phoneDigits(contact.phone)],
        ['email', contact.email?.trim() || null],
      ]
      for (const [type, recipient] of extra) {
        if (!recipient || out.some((t) => t.channelType === type)) continue
        const account = await accountOf(tx, r.tenantId, type)
        if (account) out.push({ channelType: type, channelAccountId: account, recipient, conversationId: null, lastInboundAt: null })
      }
    }
  }
  return out
}

/** Queue the reporter's update for one event (idempotent on the event id). */
export async function notifyReporter(ctx: AppContext, tx: Db, r: ReportFacts, e: ReportEventRecord, now: Date): Promise<boolean> {
  const kind = citizenKindOf(e)
  if (!kind || e.internal) return false
  const targets = await targetsOf(tx, r)
  const notice = { audience: 'reporter' as const, kind }
  if (targets.length === 0) {
    await tx.insert(reportEvents).values({
      tenantId: r.tenantId,
      reportId: r.id,
      type: 'notify_failed',
      actorKind: 'system',
      data: { ...notice, channel: null, reason: 'no_channel' },
      internal: true,
      createdAt: now,
    })
    return false
  }
  const text = await textFor(ctx, tx, r, e, kind)
  const [first, ...rest] = targets as [Target, ...Target[]]
  const subject = `Laporan ${r.trackingCode}`
  const template = !windowOpen(first.channelType, first.lastInboundAt, now)
  await queueMessage(tx, {
    tenantId: r.tenantId,
    channelType: first.channelType,
    channelAccountId: first.channelAccountId,
    conversationId: first.conversationId,
    reportId: r.id,
    recipient: first.recipient,
    message: {
      text,
      ...(first.channelType === 'email' ? { subject } : {}),
      ...(template ? { template: { name: TEMPLATES.citizen, language: 'id', parameters: [templateParam(text)] } } : {}),
    },
    idempotencyKey: `citizen:${e.id}`,
    notice,
    fallbacks: rest.map((t) => ({
      channelType: t.channelType,
      channelAccountId: t.channelAccountId,
      recipient: t.recipient,
      ...(t.channelType === 'email' ? { subject } : {}),
    })),
  })
  return true
}
