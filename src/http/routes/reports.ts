// Reports over HTTP: the list, the detail, the timeline, operator entry, and one POST per
// lifecycle command at /api/reports/{id}/{command-with-hyphens}.
import multipart from '@fastify/multipart'
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../../context.ts'
import type { Db } from '../../db/connect.ts'
import { and, eq } from 'drizzle-orm'
import { attachments, contacts } from '../../db/schema/index.ts'
import { runCommand } from '../../reports/commands.ts'
import { COMMAND_TYPES } from '../../reports/lifecycle.ts'
import { REPORT_KINDS, REPORT_STATUSES, CHANNEL_TYPES } from '../../reports/model.ts'
import { getReportFor, getTimelineFor, listReportsFor } from '../../reports/queries.ts'
import { openReport } from '../../reports/open.ts'
import { requirePrincipal, requireRole } from '../auth.ts'
import { invalid, notFound } from '../errors.ts'
import { publicMimeType, readMedia } from '../../media/store.ts'
import {
  addResponseAttachment,
  checkMayEdit,
  listResponseAttachments,
  MAX_RESPONSE_FILE_BYTES,
  MAX_RESPONSE_FILES,
  removeResponseAttachment,
  tooLarge,
  visibleResponses,
} from '../../reports/response-attachments.ts'

const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.enum(values), z.array(z.enum(values))])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]))

const idParams = z.object({ id: z.uuid() })

export const reportRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>()
    await base.register(responseAttachmentRoutes(ctx))

    app.get(
      '/api/reports',
      {
        schema: {
          tags: ['reports'],
          querystring: z.object({
            status: list(REPORT_STATUSES),
            kind: list(REPORT_KINDS),
            channel: list(CHANNEL_TYPES),
            agency: z.uuid().optional(),
            category: z.uuid().optional(),
            region: z.string().max(20).optional(),
            sla: z.enum(['on_track', 'due_soon', 'overdue']).optional(),
            from: z.coerce.date().optional(),
            to: z.coerce.date().optional(),
            q: z.string().trim().min(1).max(200).optional(),
            cursor: z.string().max(200).optional(),
            limit: z.coerce.number().int().min(1).max(200).optional(),
          }),
        },
      },
      async (req) => {
        const p = requirePrincipal(req)
        return listReportsFor(ctx.db, p, req.query, ctx.clock.now())
      },
    )

    app.get('/api/reports/:id', { schema: { tags: ['reports'], params: idParams } }, async (req) => {
      const p = requirePrincipal(req)
      const r = await getReportFor(ctx.db, p, req.params.id, ctx.clock.now())
      if (!r) throw notFound()
      return r
    })

    app.get('/api/reports/:id/events', { schema: { tags: ['reports'], params: idParams } }, async (req) => {
      const p = requirePrincipal(req)
      const items = await getTimelineFor(ctx.db, p, req.params.id)
      if (!items) throw notFound()
      return { items }
    })

    app.post(
      '/api/reports',
      {
        schema: {
          tags: ['reports'],
          body: z.object({
            body: z.string().trim().min(3).max(20_000),
            title: z.string().trim().min(3).max(200).optional(),
            channel: z.enum(['phone', 'walk_in']),
            kind: z.enum(REPORT_KINDS).optional(),
            reporterName: z.string().trim().min(1).max(200).optional(),
            reporterPhone: z.string().regex(/^\+?\d{8,15}$/).optional(),
            regionCode: z.string().max(20).optional(),
            locationText: z.string().max(500).optional(),
            flags: z
              .object({ anonymous: z.boolean().default(false), confidential: z.boolean().default(false), emergency: z.boolean().default(false) })
              .prefault({}),
          }),
        },
      },
      async (req, reply) => {
        const p = requireRole(req, 'operator', 'super_admin')
        const b = req.body
        const now = ctx.clock.now()
        const created = await ctx.db.transaction(async (t) => {
          const tx = t as unknown as Db
          let contactId: string | null = null
          if (b.reporterName || b.reporterPhone) {
            const [c] = await tx
              .insert(contacts)
              .values({ tenantId: p.tenantId, name: b.reporterName ?? null, phone: b.reporterPhone ?? null, createdAt: now, updatedAt: now })
              .returning({ id: contacts.id })
            contactId = c!.id
          }
          const opened = await openReport(tx, {
            tenantId: p.tenantId,
            title: b.title ?? null,
            body: b.body,
            kind: b.kind,
            regionCode: b.regionCode ?? null,
            locationText: b.locationText ?? null,
            contactId,
            channelType: b.channel,
            flags: b.flags,
            actor: { kind: 'user', userId: p.user.id, role: p.roles.has('operator') ? 'operator' : 'super_admin', agencyIds: [] },
            eventData: { enteredByOperator: true },
            now,
          })
          return { ...opened, status: 'received' as const }
        })
        return reply.code(201).send(created)
      },
    )

    for (const type of COMMAND_TYPES) {
      app.post(
        `/api/reports/:id/${type.replaceAll('_', '-')}`,
        { schema: { tags: ['reports'], params: idParams, body: z.record(z.string(), z.unknown()).nullish() } },
        async (req) => {
          const p = requirePrincipal(req)
          const r = await runCommand(ctx, p, req.params.id, { ...(req.body ?? {}), type })
          return { id: r.state.id, status: r.state.status, events: r.events }
        },
      )
    }

    app.post(
      '/api/reports/:id/commands',
      { schema: { tags: ['reports'], params: idParams, body: z.object({ type: z.enum(COMMAND_TYPES as [string, ...string[]]) }).loose() } },
      async (req) => {
        const p = requirePrincipal(req)
        const r = await runCommand(ctx, p, req.params.id, req.body)
        return { id: r.state.id, status: r.state.status, events: r.events }
      },
    )
  }

const attUrl = (reportId: string, id: string) => `/api/reports/${reportId}/response-attachments/${id}`

/** Files on a follow-up: upload (multipart, field "file"), list, fetch, remove. */
const responseAttachmentRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (base) => {
    await base.register(multipart, {
      limits: { fileSize: MAX_RESPONSE_FILE_BYTES, files: MAX_RESPONSE_FILES, fields: 5, parts: MAX_RESPONSE_FILES + 5 },
    })
    const app = base.withTypeProvider<ZodTypeProvider>()
    const respParams = z.object({ id: z.uuid(), responseId: z.uuid() })
    const attParams = z.object({ id: z.uuid(), attachmentId: z.uuid() })

    const visible = async (p: ReturnType<typeof requirePrincipal>, reportId: string) => {
      const r = await getReportFor(ctx.db, p, reportId, ctx.clock.now())
      if (!r) throw notFound()
      return visibleResponses(r as Parameters<typeof visibleResponses>[0])
    }

    app.get('/api/reports/:id/response-attachments', { schema: { tags: ['reports'], params: idParams } }, async (req) => {
      const p = requirePrincipal(req)
      const rs = await visible(p, req.params.id)
      const rows = await listResponseAttachments(ctx.db, p.tenantId, rs.map((r) => r.id))
      return { items: rows.map((a) => ({ ...a, url: attUrl(req.params.id, a.id) })) }
    })

    app.get('/api/reports/:id/response-attachments/:attachmentId', { schema: { tags: ['reports'], params: attParams } }, async (req, reply) => {
      const p = requirePrincipal(req)
      const rs = await visible(p, req.params.id)
      const [a] = await ctx.db
        .select()
        .from(attachments)
        .where(and(eq(attachments.tenantId, p.tenantId), eq(attachments.id, req.params.attachmentId)))
      if (!a || !a.responseId || !rs.some((r) => r.id === a.responseId)) throw notFound()
      // Images: always the copy without metadata. PDFs: the file itself, as a download.
      const key = a.kind === 'image' ? a.publicStorageKey : a.storageKey
      if (!key) throw notFound()
      const bytes = await readMedia(ctx.config.DATA_DIR, key).catch(() => null)
      if (!bytes) throw notFound()
      reply.header('cache-control', 'private, max-age=3600')
      reply.header('x-content-type-options', 'nosniff')
      if (a.kind !== 'image') reply.header('content-disposition', 'attachment')
      return reply.type(a.kind === 'image' ? publicMimeType(key) : a.mimeType).send(bytes)
    })

    app.post('/api/reports/:id/responses/:responseId/attachments', { schema: { tags: ['reports'], params: respParams } }, async (req, reply) => {
      const p = requirePrincipal(req)
      const rs = await visible(p, req.params.id)
      const r = checkMayEdit(p, rs.find((x) => x.id === req.params.responseId))
      if (!req.isMultipart()) {
        throw invalid({ id: 'Kirim berkas sebagai multipart/form-data (kolom "file").', en: 'Send the files as multipart/form-data (field "file").' })
      }
      const items = []
      try {
        for await (const part of req.files()) {
          const bytes = await part.toBuffer()
          const row = await addResponseAttachment(ctx.db, ctx.config.DATA_DIR, {
            tenantId: p.tenantId,
            responseId: r.id,
            bytes,
            fileName: part.filename || null,
            now: ctx.clock.now(),
          })
          items.push({ ...row, url: attUrl(req.params.id, row.id) })
        }
      } catch (err) {
        const code = (err as { code?: string }).code
        if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge()
        if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT')
          throw invalid({ id: `Paling banyak ${MAX_RESPONSE_FILES} berkas sekaligus.`, en: `At most ${MAX_RESPONSE_FILES} files at once.` })
        throw err
      }
      if (items.length === 0) throw invalid({ id: 'Tidak ada berkas yang dikirim.', en: 'No file was sent.' })
      return reply.code(201).send({ items })
    })

    app.delete('/api/reports/:id/responses/:responseId/attachments/:attachmentId', {
      schema: { tags: ['reports'], params: respParams.extend({ attachmentId: z.uuid() }) },
    }, async (req, reply) => {
      const p = requirePrincipal(req)
      const rs = await visible(p, req.params.id)
      const r = checkMayEdit(p, rs.find((x) => x.id === req.params.responseId))
      await removeResponseAttachment(ctx.db, p.tenantId, r.id, req.params.attachmentId)
      return reply.code(204).send()
    })
  }
