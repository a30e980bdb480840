// The reporter's side of the portal: file a report (/lapor), follow it by code (/lacak) or by the
// private link (/lacak/:code/:token) and act on it. Abuse protection: a per-IP rate limit, a
// honeypot field, size/type/count limits on photos, and plain refusals in the reader's language.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { and, asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import type { AppContext } from '../context.ts'
import { attachments, categories } from '../db/schema/index.ts'
import { AppError, notFound } from '../http/errors.ts'
import { portalRequest } from '../http/routes/portal.ts'
import { publicMimeType, readMedia } from '../media/store.ts'
import { TEXT, translator, type Lang } from './i18n.ts'
import { fileReport, PHOTO_TYPES, refusal, ReportForm, type Photo } from './intake.ts'
import { regionTree } from './queries.ts'
import { findReport, tokenMatches, trackView, runReporterAction, type ReporterAction } from './track.ts'
import { personalData, recordAccess, requestErasure } from '../portability/pdp.ts'
import { receipt, reportForm } from './views/file.ts'
import { pdpPage } from './views/pdp.ts'
import { trackForm, trackPage } from './views/track.ts'

/** Reports per IP per window; a village office sharing one connection still fits. */
export const REPORTS_PER_WINDOW = 10
export const REPORT_WINDOW = '15 minutes'

const wantsJson = (req: FastifyRequest) => /application\/json/.test(String(req.headers.accept ?? ''))

async function readForm(req: FastifyRequest): Promise<{ fields: Record<string, string>; photos: Photo[] }> {
  const fields: Record<string, string> = {}
  const photos: Photo[] = []
  if (!req.isMultipart()) {
    for (const [k, v] of Object.entries((req.body ?? {}) as Record<string, unknown>)) if (typeof v === 'string') fields[k] = v
    return { fields, photos }
  }
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer()
      if (bytes.length === 0) continue // an empty file input
      if (!PHOTO_TYPES.includes(part.mimetype))
        throw refusal('Hanya foto (JPEG, PNG, WebP, HEIC) yang dapat dilampirkan.', 'Only photos (JPEG, PNG, WebP, HEIC) can be attached.', { field: 'photos' })
      photos.push({ bytes, mimeType: part.mimetype, fileName: part.filename || null })
    } else if (typeof part.value === 'string') fields[part.fieldname] = part.value
  }
  return { fields, photos }
}

const formError = (lang: Lang, issues: z.core.$ZodIssue[]): string => {
  const field = String(issues[0]?.path[0] ?? '')
  const msg: Record<string, [string, string]> = {
    body: ['Ceritakan laporan Anda minimal 10 huruf.', 'Describe the report in at least 10 characters.'],
    contactValue: ['Nomor HP atau e-mail untuk dihubungi tidak valid.', 'The phone number or e-mail to reach you is not valid.'],
    region: ['Pilih kecamatan/desa dari daftar.', 'Choose the district or village from the list.'],
    category: ['Pilih kategori dari daftar.', 'Choose a category from the list.'],
  }
  const m = msg[field] ?? ['Periksa kembali isian formulir.', 'Please check the form.']
  return lang === 'id' ? m[0] : m[1]
}

export const reporterPortalRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const formPage = async (req: FastifyRequest, error: string | null = null, values: Record<string, string> = {}) => {
      const p = await portalRequest(ctx, req)
      const cats = await ctx.db
        .select({ id: categories.id, name: categories.name })
        .from(categories)
        .where(and(eq(categories.tenantId, p.tenant.id), eq(categories.active, true), eq(categories.isWhistleblowing, false)))
        .orderBy(asc(categories.name))
      const districts = await regionTree(ctx.db, p.tenant.id)
      return { p, body: reportForm({ lang: p.lang, categories: cats, districts, error, values }) }
    }

    app.get('/lapor', async (req, reply) => {
      const { p, body } = await formPage(req)
      return p.render(reply, 'report', translator(p.lang)('reportTitle'), body)
    })

    app.post(
      '/lapor',
      {
        config: {
          rateLimit: {
            max: REPORTS_PER_WINDOW,
            timeWindow: REPORT_WINDOW,
            errorResponseBuilder: () => new AppError('rate_limited', { id: TEXT.rateLimited.id, en: TEXT.rateLimited.en }),
          },
        },
      },
      async (req, reply) => {
        const p = await portalRequest(ctx, req)
        const { fields, photos } = await readForm(req)
        const lang: Lang = fields.lang === 'en' ? 'en' : p.lang
        // A person never sees the honeypot; software that fills every field does.
        if (fields.website) throw new AppError('invalid', { id: TEXT.spam.id, en: TEXT.spam.en }, { reason: 'honeypot' })
        const parsed = ReportForm.safeParse(fields)
        if (!parsed.success) {
          if (wantsJson(req)) throw new AppError('invalid', { id: formError('id', parsed.error.issues), en: formError('en', parsed.error.issues) })
          const { body } = await formPage(req, formError(lang, parsed.error.issues), fields)
          return p.render(reply, 'report', translator(lang)('reportTitle'), body, { status: 400 })
        }
        const filed = await fileReport(ctx, p.tenant.id, parsed.data, photos)
        const origin = `${req.protocol}://${req.host}`
        const privateUrl = `${origin}/lacak/${filed.trackingCode}/${filed.token}${lang === 'en' ? '?lang=en' : ''}`
        if (wantsJson(req)) return reply.code(201).send({ trackingCode: filed.trackingCode, privateUrl })
        return p.render(reply, 'report', translator(lang)('doneTitle'), receipt(lang, filed.trackingCode, privateUrl), { status: 201, noindex: true })
      },
    )

    app.get('/lacak', async (req, reply) => {
      const p = await portalRequest(ctx, req)
      const t = translator(p.lang)
      const code = String((req.query as { kode?: unknown }).kode ?? '').trim()
      if (!code) return p.render(reply, 'track', t('trackTitle'), trackForm(p.lang))
      const l = await findReport(ctx.db, p.tenant.id, code)
      if (!l) return p.render(reply, 'track', t('trackTitle'), trackForm(p.lang, code, t('notFound')), { status: 404 })
      const v = await trackView(ctx, p.tenant.id, l, false)
      return p.render(reply, 'track', t('trackTitle'), trackPage(v, p.lang, p.tenant.timeZone, '', null), { noindex: true })
    })

    const linkParams = z.object({ code: z.string().max(20), token: z.string().max(100) })
    /** The report behind a private link, or 404 (a wrong secret looks like no report). */
    const byLink = async (req: FastifyRequest) => {
      const p = await portalRequest(ctx, req)
      const { code, token } = linkParams.parse(req.params)
      const l = await findReport(ctx.db, p.tenant.id, code)
      if (!l || !tokenMatches(l, token)) throw notFound({ id: TEXT.notFound.id, en: TEXT.notFound.en })
      return { p, l, base: `/lacak/${l.row.trackingCode}/${token}` }
    }

    app.get('/lacak/:code/:token', async (req, reply) => {
      const { p, l, base } = await byLink(req)
      const t = translator(p.lang)
      const ok = (req.query as { ok?: string }).ok === '1' ? t('saved') : null
      reply.header('referrer-policy', 'no-referrer')
      const v = await trackView(ctx, p.tenant.id, l, true)
      return p.render(reply, 'track', t('yourReport'), trackPage(v, p.lang, p.tenant.timeZone, base, ok), { noindex: true })
    })

    app.get('/lacak/:code/:token/foto/:id', async (req, reply) => {
      const { p, l } = await byLink(req)
      const { id } = z.object({ id: z.uuid() }).parse({ id: (req.params as { id: string }).id })
      const [a] = await ctx.db
        .select({ key: attachments.publicStorageKey })
        .from(attachments)
        .where(and(eq(attachments.tenantId, p.tenant.id), eq(attachments.reportId, l.row.id), eq(attachments.id, id)))
      if (!a?.key) throw notFound()
      const bytes = await readMedia(ctx.config.DATA_DIR, a.key).catch(() => null)
      if (!bytes) throw notFound()
      reply.header('cache-control', 'private, max-age=86400')
      reply.header('x-content-type-options', 'nosniff')
      return reply.type(publicMimeType(a.key)).send(bytes)
    })

    // UU PDP: the reporter sees what is held about them (recorded as an access request), downloads
    // it as JSON, and may ask for their identity to be erased (docs/PORTABILITY.md).
    const linkReport = (l: { row: { id: string; trackingCode: string; contactId: string | null } }) => ({
      id: l.row.id,
      trackingCode: l.row.trackingCode,
      contactId: l.row.contactId,
    })
    app.get('/lacak/:code/:token/data-pribadi', { config: { rateLimit: { max: 30, timeWindow: REPORT_WINDOW } } }, async (req, reply) => {
      const { p, l, base } = await byLink(req)
      const now = ctx.clock.now()
      await recordAccess(ctx.db, p.tenant.id, linkReport(l), now)
      const data = await personalData(ctx.db, p.tenant.id, linkReport(l))
      reply.header('referrer-policy', 'no-referrer')
      reply.header('cache-control', 'no-store')
      const query = req.query as { unduh?: string; ok?: string; error?: string }
      if (query.unduh === '1' || wantsJson(req)) {
        if (!wantsJson(req)) reply.header('content-disposition', `attachment; filename="data-pribadi-${l.row.trackingCode}.json"`)
        return reply.type('application/json; charset=utf-8').send(JSON.stringify({ trackingCode: l.row.trackingCode, exportedAt: now, ...data }, null, 2))
      }
      const t = translator(p.lang)
      const notice = query.ok === '1' ? t('saved') : null
      const error = query.error === 'confirm' ? t('pdpEraseNeedConfirm') : null
      return p.render(reply, 'track', t('pdpTitle'), pdpPage(data, p.lang, p.tenant.timeZone, base, notice, error), { noindex: true })
    })

    app.post('/lacak/:code/:token/hapus-data', { config: { rateLimit: { max: 10, timeWindow: REPORT_WINDOW } } }, async (req, reply) => {
      const { p, l, base } = await byLink(req)
      const b = (req.body ?? {}) as Record<string, unknown>
      const en = p.lang === 'en' ? '&lang=en' : ''
      if (b.confirm !== 'ya') {
        if (wantsJson(req)) throw new AppError('invalid', { id: TEXT.pdpEraseNeedConfirm.id, en: TEXT.pdpEraseNeedConfirm.en })
        return reply.redirect(`${base}/data-pribadi?error=confirm${en}`, 303)
      }
      const reason = typeof b.reason === 'string' && b.reason.trim() ? b.reason.trim().slice(0, 2000) : null
      const r = await requestErasure(ctx.db, p.tenant.id, linkReport(l), reason, ctx.clock.now())
      if (wantsJson(req)) return reply.code(202).send({ status: r.status, dueAt: r.dueAt })
      return reply.redirect(`${base}/data-pribadi?ok=1${en}`, 303)
    })

    const actionLimit = { rateLimit: { max: 30, timeWindow: REPORT_WINDOW } }
    const text = (v: unknown) => z.string().trim().min(3).max(5000).parse(v)
    const actions: Record<string, (b: Record<string, unknown>) => ReporterAction> = {
      keterangan: (b) => ({ action: 'info', message: text(b.message) }),
      selesai: () => ({ action: 'confirm' }),
      nilai: (b) => ({
        action: 'rate',
        rating: z.coerce.number().int().min(1).max(5).parse(b.rating),
        comment: z.string().trim().max(2000).optional().parse(b.comment || undefined),
      }),
      'buka-kembali': (b) => ({ action: 'reopen', reason: text(b.reason) }),
    }
    for (const [path, build] of Object.entries(actions))
      app.post(`/lacak/:code/:token/${path}`, { config: actionLimit }, async (req, reply) => {
        const { p, l, base } = await byLink(req)
        let action: ReporterAction
        try {
          action = build((req.body ?? {}) as Record<string, unknown>)
        } catch {
          throw new AppError('invalid', { id: 'Isian belum lengkap.', en: 'The form is incomplete.' })
        }
        await runReporterAction(ctx, p.tenant.id, l, action)
        if (wantsJson(req)) return { ok: true }
        return reply.redirect(`${base}?ok=1${p.lang === 'en' ? '&lang=en' : ''}`, 303)
      })
  }
