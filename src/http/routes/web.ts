// Serves the built admin app from web/dist at /admin/ (any /admin/* path answers the admin
// index.html so the app's own router takes over). The public portal (/ and its pages) is
// server-rendered by routes/portal.ts. When web/dist is missing, /admin answers a short text
// saying how to build it.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import fastifyStatic from '@fastify/static'
import type { FastifyPluginAsync } from 'fastify'
import type { AppContext } from '../../context.ts'

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist')

const NOT_BUILT =
  'Aplikasi web belum dibangun. Jalankan `npm run build:web` (atau `npm start`, yang membangunnya), lalu muat ulang halaman ini.\n' +
  'The web app is not built yet. Run `npm run build:web` (or `npm start`, which builds it) and reload this page.\n'

export const webRoutes =
  (_ctx: AppContext, dist: string = WEB_DIST): FastifyPluginAsync =>
  async (app) => {
    const adminIndex = path.join(dist, 'admin', 'index.html')
    if (!fs.existsSync(adminIndex)) {
      const notBuilt = async (_req: unknown, reply: import('fastify').FastifyReply) =>
        reply.code(503).type('text/plain; charset=utf-8').send(NOT_BUILT)
      app.get('/admin', notBuilt)
      app.get('/admin/*', notBuilt)
      return
    }
    await app.register(fastifyStatic, {
      root: dist,
      prefix: '/',
      wildcard: false, // one route per built file: no catch-all that could shadow /api, /docs, /health
      index: ['index.html'],
      // / belongs to the portal; a stale landing page from an older build must not claim it.
      globIgnore: ['index.html', 'landing.css'],
      setHeaders(res: unknown, file: string) {
        // This version of @fastify/static passes the Fastify reply; older ones passed the raw response.
        const r = res as { header?: (k: string, v: string) => void; setHeader?: (k: string, v: string) => void }
        const set = (k: string, v: string) => (r.header ? r.header(k, v) : r.setHeader?.(k, v))
        set('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache')
      },
    })
    app.get('/admin', async (_req, reply) => reply.redirect('/admin/', 302))
    // SPA fallback: deep links such as /admin/laporan/<id> load the app.
    app.get('/admin/*', async (_req, reply) => {
      reply.header('cache-control', 'no-cache')
      return reply.sendFile('admin/index.html', dist)
    })
  }
