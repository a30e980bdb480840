// Tenant settings for super admins: agencies, categories and default agencies, SLA rules, holidays,
// auto-replies. Super admins write; super admins, operators and auditors read. Every write is
// logged (action and ids, no personal data). Validation errors are problem+json (invalid).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../../context.ts'
import { acknowledgementText } from '../../intake/replies.ts'
import { AGENCY_TYPES, SLA_TIERS } from '../../reports/model.ts'
import { SlaSettingsSchema } from '../../reports/sla.ts'
import { createAgency, deleteAgency, listAgenciesAdmin, updateAgency } from '../../settings/agencies.ts'
import { AUTO_REPLY_PLACEHOLDERS, AutoRepliesSchema, parseAutoReplies } from '../../settings/autoreplies.ts'
import { addLocalHoliday, holidaysView, readSlaView, removeLocalHoliday, saveSla } from '../../settings/calendar.ts'
import { createCategory, deleteCategory, listCategoriesAdmin, updateCategory } from '../../settings/categories.ts'
import { readTenant, updateSettingsKey } from '../../settings/tenant-settings.ts'
import { requireRole } from '../auth.ts'
import { notFound } from '../errors.ts'

const idParams = z.object({ id: z.uuid() })
const keywords = z.array(z.string().trim().min(1).max(60)).max(100)
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((v) => (v ? v : null))

const agencyFields = z.object({
  name: z.string().trim().min(2).max(200),
  shortName: z.string().trim().min(1).max(60),
  type: z.enum(AGENCY_TYPES),
  parentId: z.uuid().nullable().default(null),
  requiresApproval: z.boolean().default(true),
  isCoordinator: z.boolean().default(false),
  keywords: keywords.default([]),
  contactPhone: optText(20)
    .refine((v) => v === null || /^\+?[\d\s-]{6,20}$/.test(v), 'phone: digits, spaces, - or +')
    .default(null),
  contactEmail: z.email().max(200).nullable().or(z.literal('').transform(() => null)).default(null),
  active: z.boolean().default(true),
})

const categoryFields = z.object({
  name: z.string().trim().min(2).max(200),
  description: optText(1000).default(null),
  slaTier: z.enum(SLA_TIERS).default('normatif'),
  keywords: keywords.default([]),
  isWhistleblowing: z.boolean().default(false),
  parentId: z.uuid().nullable().default(null),
  active: z.boolean().default(true),
  /** In order of preference: the first is suggested first. */
  defaultAgencyIds: z.array(z.uuid()).max(20).default([]),
})

/** PATCH bodies: every field optional, no defaults filled in (zod 4 partial keeps defaults otherwise). */
const noDefault = (v: z.ZodType): z.ZodType => (v instanceof z.ZodDefault ? (v.unwrap() as z.ZodType) : v)
const patchOf = <T extends z.ZodRawShape>(o: z.ZodObject<T>) =>
  z.object(Object.fromEntries(Object.entries(o.shape).map(([k, v]) => [k, noDefault(v as z.ZodType).optional()]))).strict()

const slaBody = z.object({
  sla: SlaSettingsSchema,
  weekend: z.array(z.number().int().min(0).max(6)).max(6).optional(),
  cutiBersamaIsWorkingDay: z.boolean().optional(),
})

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')

export const settingsAdminRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>()
    const reader = (req: FastifyRequest) => requireRole(req, 'super_admin', 'operator', 'auditor')
    const writer = (req: FastifyRequest, action: string, id?: string) => {
      const p = requireRole(req, 'super_admin')
      req.log.info({ action, id, tenantId: p.tenantId, userId: p.user.id }, 'settings changed')
      return p
    }
    const tags = ['settings']

    // ---- agencies ----
    app.get('/api/settings/agencies', { schema: { tags } }, async (req) => ({
      items: await listAgenciesAdmin(ctx.db, reader(req).tenantId),
    }))
    app.post('/api/settings/agencies', { schema: { tags, body: agencyFields } }, async (req, reply) => {
      const p = writer(req, 'agency.create')
      return reply.code(201).send(await createAgency(ctx.db, p.tenantId, req.body))
    })
    app.patch(
      '/api/settings/agencies/:id',
      { schema: { tags, params: idParams, body: patchOf(agencyFields) } },
      async (req) => {
        const p = writer(req, 'agency.update', req.params.id)
        const row = await updateAgency(ctx.db, p.tenantId, req.params.id, req.body as Partial<z.output<typeof agencyFields>>)
        if (!row) throw notFound({ id: 'OPD tidak ditemukan.', en: 'Agency not found.' })
        return row
      },
    )
    app.delete('/api/settings/agencies/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
      const p = writer(req, 'agency.delete', req.params.id)
      if (!(await deleteAgency(ctx.db, p.tenantId, req.params.id)))
        throw notFound({ id: 'OPD tidak ditemukan.', en: 'Agency not found.' })
      return reply.code(204).send()
    })

    // ---- categories ----
    app.get('/api/settings/categories', { schema: { tags } }, async (req) => ({
      items: await listCategoriesAdmin(ctx.db, reader(req).tenantId),
    }))
    app.post('/api/settings/categories', { schema: { tags, body: categoryFields } }, async (req, reply) => {
      const p = writer(req, 'category.create')
      return reply.code(201).send(await createCategory(ctx.db, p.tenantId, req.body))
    })
    app.patch(
      '/api/settings/categories/:id',
      { schema: { tags, params: idParams, body: patchOf(categoryFields) } },
      async (req) => {
        const p = writer(req, 'category.update', req.params.id)
        const row = await updateCategory(ctx.db, p.tenantId, req.params.id, req.body as Partial<z.output<typeof categoryFields>>)
        if (!row) throw notFound({ id: 'Kategori tidak ditemukan.', en: 'Category not found.' })
        return row
      },
    )
    app.delete('/api/settings/categories/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
      const p = writer(req, 'category.delete', req.params.id)
      if (!(await deleteCategory(ctx.db, p.tenantId, req.params.id)))
        throw notFound({ id: 'Kategori tidak ditemukan.', en: 'Category not found.' })
      return reply.code(204).send()
    })

    // ---- SLA rules and holidays ----
    app.get('/api/settings/sla', { schema: { tags } }, async (req) => readSlaView(ctx.db, reader(req).tenantId))
    app.put('/api/settings/sla', { schema: { tags, body: slaBody } }, async (req) => {
      const p = writer(req, 'sla.update')
      return saveSla(ctx.db, p.tenantId, req.body)
    })
    app.get(
      '/api/settings/holidays',
      { schema: { tags, querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }) } },
      async (req) => {
        const p = reader(req)
        return holidaysView(ctx.db, p.tenantId, req.query.year ?? ctx.clock.now().getUTCFullYear())
      },
    )
    app.post(
      '/api/settings/holidays',
      { schema: { tags, body: z.object({ date: isoDate, name: z.string().trim().min(2).max(120) }) } },
      async (req, reply) => {
        const p = writer(req, 'holiday.add')
        await addLocalHoliday(ctx.db, p.tenantId, req.body)
        return reply.code(201).send(req.body)
      },
    )
    app.delete(
      '/api/settings/holidays/:date',
      { schema: { tags, params: z.object({ date: isoDate }) } },
      async (req, reply) => {
        const p = writer(req, 'holiday.remove')
        await removeLocalHoliday(ctx.db, p.tenantId, req.params.date)
        return reply.code(204).send()
      },
    )

    // ---- auto-replies ----
    const autoRepliesView = async (tenantId: string) => {
      const t = await readTenant(ctx.db, tenantId)
      return {
        autoReplies: parseAutoReplies(t?.settings.autoReplies),
        builtIn: { acknowledgement: acknowledgementText('{kode}', false, '{hari}'), emergencyAcknowledgement: acknowledgementText('{kode}', true) },
        placeholders: AUTO_REPLY_PLACEHOLDERS,
      }
    }
    app.get('/api/settings/auto-replies', { schema: { tags } }, async (req) => autoRepliesView(reader(req).tenantId))
    app.put('/api/settings/auto-replies', { schema: { tags, body: AutoRepliesSchema } }, async (req) => {
      const p = writer(req, 'auto_replies.update')
      await updateSettingsKey(ctx.db, p.tenantId, 'autoReplies', () => req.body)
      return autoRepliesView(p.tenantId)
    })
  }
