// Conversations (Kotak Masuk): the list of every channel's conversations, one conversation with
// its whole thread, attachments and the reporter's other conversations, marking read, and the
// operator's reply on the citizen's own channel through the outbox. Outside WhatsApp's 24-hour
// window free text is not allowed: an approved template carries it. Operators, super admins and
// auditors (read-only) work here; agency roles never see citizens' conversations.
import crypto from 'node:crypto'
import { and, asc, desc, eq, gt, inArray, ne, sql, type SQL } from 'drizzle-orm'
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { getAdapter } from '../../channels/registry.ts'
import type { AppContext } from '../../context.ts'
import { attachments, contactIdentities, contacts, conversations, messages, reports } from '../../db/schema/index.ts'
import { queueMessage } from '../../delivery/outbox.ts'
import { notifyLive } from '../../live/notify.ts'
import { CHANNEL_TYPES, type ChannelType } from '../../reports/model.ts'
import { requireRole } from '../auth.ts'
import { notFound } from '../errors.ts'
import { cannedResponseRoutes } from './canned-responses.ts'
import { deskRoutes } from './desk.ts'

const READERS = ['super_admin', 'operator', 'auditor'] as const
const idParams = z.object({ id: z.uuid() })

/** When free text stops being allowed (null: the channel has no window, or no inbound yet). */
function windowOf(channelType: ChannelType, lastInboundAt: Date | null, now: Date) {
  const hours = getAdapter(channelType)?.freeTextWindowHours
  if (!hours) return { hours: null, closesAt: null, open: true }
  const closesAt = lastInboundAt ? new Date(lastInboundAt.getTime() + hours * 3600_000) : null
  return { hours, closesAt, open: !!closesAt && closesAt > now }
}

const encodeCursor = (at: Date, id: string) => Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url')
function decodeCursor(c: string): [Date, string] | null {
  try {
    const [t, id] = JSON.parse(Buffer.from(c, 'base64url').toString()) as [string, string]
    const d = new Date(t)
    return Number.isNaN(+d) || !/^[0-9a-f-]{36}$/i.test(id) ? null : [d, id]
  } catch {
    return null
  }
}

export const conversationRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>()
    // The admin app's other small resources, registered with the inbox they serve.
    await base.register(cannedResponseRoutes(ctx))
    await base.register(deskRoutes(ctx))

    const summary = {
      id: conversations.id,
      channelType: conversations.channelType,
      status: conversations.status,
      unreadCount: conversations.unreadCount,
      lastMessageAt: conversations.lastMessageAt,
      lastInboundAt: conversations.lastInboundAt,
      preview: conversations.lastMessagePreview,
      contactId: conversations.contactId,
      contactName: sql<string | null>`coalesce(${contacts.name}, ${contactIdentities.displayName})`,
      reportId: reports.id,
      trackingCode: reports.trackingCode,
      reportStatus: reports.status,
      dueAt: reports.dueAt,
    }
    type Row = { [K in keyof typeof summary]: unknown } & { dueAt: Date | null; lastMessageAt: Date; lastInboundAt: Date | null; channelType: ChannelType }
    const present = (r: Row, now: Date) => ({
      id: r.id as string,
      channelType: r.channelType,
      status: r.status as string,
      unreadCount: r.unreadCount as number,
      lastMessageAt: r.lastMessageAt,
      preview: (r.preview as string | null) ?? '',
      contact: { id: r.contactId as string, name: r.contactName as string | null },
      report: r.reportId
        ? { id: r.reportId as string, trackingCode: r.trackingCode as string, status: r.reportStatus as string, dueAt: r.dueAt }
        : null,
      slaState: !r.dueAt || !r.reportId ? null : +r.dueAt < +now ? 'overdue' : +r.dueAt < +now + 86_400_000 ? 'due_soon' : 'on_track',
      window: windowOf(r.channelType, r.lastInboundAt, now),
    })
    const selectSummaries = (where: SQL) =>
      ctx.db
        .select(summary)
        .from(conversations)
        .innerJoin(contacts, and(eq(contacts.tenantId, conversations.tenantId), eq(contacts.id, conversations.contactId)))
        .leftJoin(contactIdentities, and(eq(contactIdentities.tenantId, conversations.tenantId), eq(contactIdentities.id, conversations.identityId)))
        .leftJoin(reports, and(eq(reports.tenantId, conversations.tenantId), eq(reports.id, conversations.reportId)))
        .where(where)

    app.get(
      '/api/conversations',
      {
        schema: {
          tags: ['conversations'],
          querystring: z.object({
            /** One conversation's list row (live updates refresh just that row). */
            id: z.uuid().optional(),
            channel: z.enum(CHANNEL_TYPES).optional(),
            unread: z.enum(['true', 'false']).optional(),
            status: z.enum(['open', 'closed']).optional(),
            sla: z.enum(['overdue', 'due_soon', 'on_track']).optional(),
            q: z.string().trim().min(1).max(200).optional(),
            cursor: z.string().max(200).optional(),
            limit: z.coerce.number().int().min(1).max(200).optional(),
          }),
        },
      },
      async (req) => {
        const p = requireRole(req, ...READERS)
        const f = req.query
        const now = ctx.clock.now()
        const where: SQL[] = [eq(conversations.tenantId, p.tenantId)]
        if (f.id) where.push(eq(conversations.id, f.id))
        if (f.channel) where.push(eq(conversations.channelType, f.channel))
        if (f.unread === 'true') where.push(gt(conversations.unreadCount, 0))
        if (f.unread === 'false') where.push(eq(conversations.unreadCount, 0))
        if (f.status) where.push(eq(conversations.status, f.status))
        if (f.sla === 'overdue') where.push(sql`${reports.dueAt} < ${now.toISOString()}::timestamptz`)
        if (f.sla === 'due_soon')
          where.push(sql`${reports.dueAt} >= ${now.toISOString()}::timestamptz and ${reports.dueAt} < ${new Date(+now + 86_400_000).toISOString()}::timestamptz`)
        if (f.sla === 'on_track') where.push(sql`${reports.dueAt} >= ${new Date(+now + 86_400_000).toISOString()}::timestamptz`)
        if (f.q) {
          const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
          where.push(sql`(${contacts.name} ilike ${like} or ${contactIdentities.displayName} ilike ${like}
            or ${conversations.lastMessagePreview} ilike ${like} or ${reports.trackingCode} ilike ${like})`)
        }
        const c = f.cursor ? decodeCursor(f.cursor) : null
        if (c) where.push(sql`(${conversations.lastMessageAt}, ${conversations.id}) < (${c[0].toISOString()}::timestamptz, ${c[1]}::uuid)`)
        const limit = f.limit ?? 50
        const rows = (await selectSummaries(and(...where)!)
          .orderBy(desc(conversations.lastMessageAt), desc(conversations.id))
          .limit(limit + 1)) as Row[]
        const page = rows.slice(0, limit)
        const last = page.at(-1)
        return {
          items: page.map((r) => present(r, now)),
          nextCursor: rows.length > limit && last ? encodeCursor(last.lastMessageAt, last.id as string) : null,
        }
      },
    )

    app.get('/api/conversations/:id', { schema: { tags: ['conversations'], params: idParams } }, async (req) => {
      const p = requireRole(req, ...READERS)
      const now = ctx.clock.now()
      const [row] = (await selectSummaries(and(eq(conversations.tenantId, p.tenantId), eq(conversations.id, req.params.id))!)) as Row[]
      if (!row) throw notFound()
      const conv = present(row, now)
      const [contact] = await ctx.db
        .select({ id: contacts.id, name: contacts.name, phone: contacts.phone, email: contacts.email })
        .from(contacts)
        .where(and(eq(contacts.tenantId, p.tenantId), eq(contacts.id, conv.contact.id)))
      const thread = await ctx.db
        .select({ id: messages.id, direction: messages.direction, body: messages.body, kind: messages.kind, status: messages.status, authorUserId: messages.authorUserId, createdAt: messages.createdAt })
        .from(messages)
        .where(and(eq(messages.tenantId, p.tenantId), eq(messages.conversationId, conv.id)))
        .orderBy(asc(messages.createdAt), asc(messages.id))
      const files = thread.length
        ? await ctx.db
            .select({ id: attachments.id, messageId: attachments.messageId, kind: attachments.kind, mimeType: attachments.mimeType, size: attachments.size, fileName: attachments.fileName })
            .from(attachments)
            .where(and(eq(attachments.tenantId, p.tenantId), inArray(attachments.messageId, thread.map((m) => m.id))))
        : []
      const others = (await selectSummaries(
        and(eq(conversations.tenantId, p.tenantId), eq(conversations.contactId, conv.contact.id), ne(conversations.id, conv.id))!,
      )
        .orderBy(desc(conversations.lastMessageAt))
        .limit(20)) as Row[]
      return {
        ...conv,
        contact: { id: conv.contact.id, name: contact?.name ?? conv.contact.name, phone: contact?.phone ?? null, email: contact?.email ?? null },
        messages: thread.map((m) => ({
          ...m,
          attachments: files
            .filter((a) => a.messageId === m.id)
            .map((a) => ({ id: a.id, kind: a.kind, mimeType: a.mimeType, size: a.size, fileName: a.fileName, url: `/api/attachments/${a.id}` })),
        })),
        otherConversations: others.map((r) => present(r, now)),
      }
    })

    app.post('/api/conversations/:id/read', { schema: { tags: ['conversations'], params: idParams } }, async (req, reply) => {
      const p = requireRole(req, 'super_admin', 'operator')
      const done = await ctx.db
        .update(conversations)
        .set({ unreadCount: 0 })
        .where(and(eq(conversations.tenantId, p.tenantId), eq(conversations.id, req.params.id)))
        .returning({ id: conversations.id })
      if (done.length === 0) throw notFound()
      return reply.code(204).send()
    })

    app.get('/api/conversations/:id/messages', { schema: { tags: ['conversations'], params: idParams } }, async (req) => {
      const p = requireRole(req, ...READERS)
      const rows = await ctx.db
        .select({ id: messages.id, direction: messages.direction, body: messages.body, kind: messages.kind, status: messages.status, createdAt: messages.createdAt })
        .from(messages)
        .where(and(eq(messages.tenantId, p.tenantId), eq(messages.conversationId, req.params.id)))
        .orderBy(asc(messages.createdAt))
      return { items: rows }
    })

    app.post(
      '/api/conversations/:id/messages',
      { schema: { tags: ['conversations'], params: idParams, body: z.object({ text: z.string().trim().min(1).max(4000) }) } },
      async (req, reply) => {
        const p = requireRole(req, 'super_admin', 'operator')
        const [c] = await ctx.db
          .select({ conv: conversations, externalId: contactIdentities.externalId })
          .from(conversations)
          .innerJoin(contactIdentities, and(eq(contactIdentities.tenantId, conversations.tenantId), eq(contactIdentities.id, conversations.identityId)))
          .where(and(eq(conversations.tenantId, p.tenantId), eq(conversations.id, req.params.id)))
        if (!c) throw notFound()
        const outside = !windowOf(c.conv.channelType, c.conv.lastInboundAt, ctx.clock.now()).open
        const text = req.body.text
        // Answer in the thread the citizen wrote in: a public comment or mention gets a private
        // reply to it (Meta: one per comment), an e-mail a reply in the same thread.
        const [lastIn] = await ctx.db
          .select({ externalId: messages.externalId, isPublic: messages.isPublic })
          .from(messages)
          .where(and(eq(messages.tenantId, p.tenantId), eq(messages.conversationId, c.conv.id), eq(messages.direction, 'in')))
          .orderBy(desc(messages.createdAt))
          .limit(1)
        const thread = !lastIn?.externalId
          ? {}
          : lastIn.isPublic
            ? { isPublic: false, replyToProviderId: lastIn.externalId }
            : c.conv.channelType === 'email'
              ? { inReplyTo: lastIn.externalId }
              : {}
        const id = await ctx.db.transaction(async (tx) => {
          const queued = await queueMessage(tx, {
            tenantId: p.tenantId,
            channelType: c.conv.channelType,
            channelAccountId: c.conv.channelAccountId,
            conversationId: c.conv.id,
            reportId: c.conv.reportId,
            recipient: c.externalId,
            message: outside ? { text, template: { name: 'pemberitahuan_laporan', language: 'id', parameters: [text] } } : { text, ...thread },
            idempotencyKey: `reply:${crypto.randomUUID()}`,
            authorUserId: p.user.id,
          })
          await notifyLive(tx, { tenantId: p.tenantId, kind: 'message', reportId: c.conv.reportId, conversationId: c.conv.id, agencyIds: [], types: ['out'] })
          return queued
        })
        return reply.code(202).send({ outboundId: id, template: outside })
      },
    )
  }
