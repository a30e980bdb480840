// The public portal (/, /lapor, /lacak, /laporan, /opd, /klarifikasi), server-rendered, plus its
// public JSON (/api/portal/*) and PWA files. Thin: the feature code lives in src/portal/.
import formbody from '@fastify/formbody'
import multipart from '@fastify/multipart'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { AppContext } from '../../context.ts'
import { ASSET_VERSION, iconPng, iconSvg, manifest, portalJs, serviceWorker } from '../../portal/assets.ts'
import type { Html } from '../../portal/html.ts'
import { langOf, TEXT, translator, type Lang } from '../../portal/i18n.ts'
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from '../../portal/intake.ts'
import { resolvePortalTenant, type PortalTenant } from '../../portal/tenant.ts'
import { page, type Tab } from '../../portal/views/layout.ts'
import { refused } from '../../portal/views/file.ts'
import { AppError, notFound } from '../errors.ts'
import { publicPortalRoutes } from '../../portal/routes-public.ts'
import { reporterPortalRoutes } from '../../portal/routes-reporter.ts'

export interface PortalRequest {
  tenant: PortalTenant
  lang: Lang
  render(reply: FastifyReply, tab: Tab, title: string, body: Html, opts?: { status?: number; noindex?: boolean }): FastifyReply
}

/** What every portal handler needs: the tenant, the language, and a renderer. */
export async function portalRequest(ctx: AppContext, req: FastifyRequest): Promise<PortalRequest> {
  const tenant = await resolvePortalTenant(ctx.db, req.headers.host)
  if (!tenant) throw new AppError('unavailable', { id: 'Portal belum disiapkan.', en: 'The portal is not set up yet.' })
  const lang = langOf(req.query, req.cookies?.lang)
  const q = req.query as { lang?: string }
  const path = req.url.replace(/([?&])lang=(id|en)&?/, '$1').replace(/[?&]$/, '')
  return {
    tenant,
    lang,
    render(reply, tab, title, body, opts = {}) {
      if (q.lang === 'en' || q.lang === 'id') reply.setCookie('lang', q.lang, { path: '/', sameSite: 'lax', maxAge: 31_536_000 })
      reply.header('cache-control', 'no-cache')
      return reply
        .code(opts.status ?? 200)
        .type('text/html; charset=utf-8')
        .send(page({ lang, title, tab, tenantName: tenant.name, path, body, assetVersion: ASSET_VERSION, noindex: opts.noindex }).value)
    },
  }
}

const wantsHtml = (req: FastifyRequest) =>
  !req.url.startsWith('/api/') && !/application\/(json|problem\+json)/.test(String(req.headers.accept ?? ''))

export const portalRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    await app.register(formbody, { bodyLimit: 64 * 1024 })
    await app.register(multipart, {
      limits: { fileSize: MAX_PHOTO_BYTES, files: MAX_PHOTOS, fields: 20, fieldSize: 20_000, parts: MAX_PHOTOS + 20 },
    })

    // Refusals on portal pages are pages, in the reader's language; JSON clients get problem+json
    // from the app's handler (throwing here hands the error to it).
    app.setErrorHandler(async (err, req, reply) => {
      const e = err as Error & { statusCode?: number; code?: string }
      const status = e instanceof AppError ? e.status : (e.statusCode ?? 500)
      if (!wantsHtml(req) || status >= 500) throw err
      const lang = langOf(req.query, req.cookies?.lang)
      const t = translator(lang)
      let message: string
      if (e instanceof AppError) message = e.detail[lang]
      else if (status === 429) message = TEXT.rateLimited[lang]
      else if (status === 413 || e.code === 'FST_REQ_FILE_TOO_LARGE' || e.code === 'FST_FILES_LIMIT')
        message = lang === 'id' ? `Foto terlalu besar atau terlalu banyak (paling banyak ${MAX_PHOTOS}, masing-masing 8 MB).` : `Photos too large or too many (at most ${MAX_PHOTOS}, 8 MB each).`
      else message = lang === 'id' ? 'Permintaan tidak dapat diproses.' : 'The request could not be processed.'
      const p = await portalRequest(ctx, req).catch(() => null)
      if (!p) throw err
      const title = status === 404 ? t('notFoundTitle') : t('refusedTitle')
      return p.render(reply, null, title, refused(lang, message, title), { status, noindex: true })
    })

    app.get('/manifest.webmanifest', async (req, reply) => {
      const tenant = await resolvePortalTenant(ctx.db, req.headers.host)
      if (!tenant) throw notFound()
      reply.header('cache-control', 'public, max-age=3600')
      return reply.type('application/manifest+json').send(manifest(`${TEXT.siteName.id} · ${tenant.name}`, 'Aduan'))
    })
    app.get('/sw.js', async (_req, reply) => {
      reply.header('cache-control', 'no-cache')
      reply.header('service-worker-allowed', '/')
      return reply.type('text/javascript; charset=utf-8').send(serviceWorker)
    })
    app.get('/portal/portal.js', async (req, reply) => {
      const versioned = (req.query as { v?: string }).v === ASSET_VERSION
      reply.header('cache-control', versioned ? 'public, max-age=31536000, immutable' : 'no-cache')
      return reply.type('text/javascript; charset=utf-8').send(portalJs)
    })
    app.get('/portal/icon.svg', async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=86400')
      return reply.type('image/svg+xml').send(iconSvg)
    })
    for (const size of [192, 512] as const)
      app.get(`/portal/icon-${size}.png`, async (_req, reply) => {
        reply.header('cache-control', 'public, max-age=86400')
        return reply.type('image/png').send(await iconPng(size))
      })

    await app.register(reporterPortalRoutes(ctx))
    await app.register(publicPortalRoutes(ctx))
  }
