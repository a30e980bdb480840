// Server-sent events for the admin app (GET /api/live): one stream per browser tab, notices of
// new messages and report changes filtered per principal in the server (src/live/hub.ts), ids
// only. A comment line every 20 s keeps proxies from closing an idle stream; the browser's
// EventSource reconnects by itself (retry: 3000).
import type { FastifyPluginAsync } from 'fastify'
import type { AppContext } from '../../context.ts'
import { subscribeLive, visibleTo } from '../../live/hub.ts'
import { requirePrincipal } from '../auth.ts'

export const HEARTBEAT_MS = 20_000

export const liveRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    // Open streams would keep the server from closing: end them first.
    const open = new Set<() => void>()
    app.addHook('preClose', async () => {
      for (const end of open) end()
    })
    app.get('/api/live', { schema: { tags: ['live'], summary: 'Server-sent events: new messages and report changes (ids only)' } }, async (req, reply) => {
      const p = requirePrincipal(req)
      reply.hijack()
      const res = reply.raw
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      })
      res.write(`retry: 3000\n: connected\n\n`)
      let seq = 0
      const unsubscribe = await subscribeLive(ctx.database, (n) => {
        if (!visibleTo(p, n)) return
        const data = { kind: n.kind, reportId: n.reportId, conversationId: n.kind === 'message' || p.roles.has('operator') || p.roles.has('super_admin') ? n.conversationId : null, types: n.types }
        res.write(`id: ${++seq}\nevent: ${n.kind}\ndata: ${JSON.stringify(data)}\n\n`)
      })
      const beat = setInterval(() => res.write(`: ping\n\n`), HEARTBEAT_MS)
      beat.unref()
      const done = () => {
        clearInterval(beat)
        unsubscribe()
        open.delete(end)
      }
      const end = () => {
        done()
        res.end()
      }
      open.add(end)
      req.raw.on('close', done)
      res.on('error', done)
    })
  }
