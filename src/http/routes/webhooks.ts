// Provider webhooks: /webhooks/{type}/{channelId}. GET answers the provider's handshake; POST
// takes the raw bytes (signatures are over them), verifies, stores every event durably and
// answers 200 only after the transaction committed (group commit: concurrent webhooks share one,
// see src/intake/ingest.ts). Nothing is stored when verification fails; when the store fails the
// provider gets 503 and retries. The account and its decrypted config are cached for 30 s.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { loadAccountForWebhookCached } from '../../channels/accounts.ts'
import type { WebhookRequest } from '../../channels/contract.ts'
import { getAdapter } from '../../channels/registry.ts'
import type { AppContext } from '../../context.ts'
import { ingestWebhook } from '../../intake/ingest.ts'
import { problem } from '../errors.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function flat(o: Record<string, unknown>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {}
  for (const [k, v] of Object.entries(o)) {
    out[k.toLowerCase()] = Array.isArray(v) ? v.map(String).join(', ') : v === undefined ? undefined : String(v)
  }
  return out
}

function notFound(reply: FastifyReply, url: string) {
  return reply
    .code(404)
    .type('application/problem+json')
    .send(problem('not_found', { id: 'Kanal tidak ditemukan.', en: 'No such channel.' }, url))
}

export const webhookRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    // This plugin's scope only: keep the body as the exact bytes for every content type.
    app.removeAllContentTypeParsers()
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 }, (_req, body, done) => done(null, body))

    type Params = { type: string; channelId: string }

    async function resolve(req: FastifyRequest<{ Params: Params }>) {
      const { type, channelId } = req.params
      const adapter = getAdapter(type)
      if (!adapter || !UUID.test(channelId)) return null
      const found = await loadAccountForWebhookCached(ctx, channelId)
      if (!found || found.account.type !== type || !found.account.active) return null
      return { adapter, ...found }
    }

    const toWebhookRequest = (req: FastifyRequest, method: 'GET' | 'POST'): WebhookRequest => ({
      method,
      headers: flat(req.headers as Record<string, unknown>),
      query: flat((req.query ?? {}) as Record<string, unknown>),
      rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
    })

    // No browser reads these answers: the security headers (helmet) are skipped on this hot path.
    const routeOptions = { schema: { hide: true }, helmet: false as const }

    app.get<{ Params: Params }>('/webhooks/:type/:channelId', routeOptions, async (req, reply) => {
      const r = await resolve(req)
      if (!r) return notFound(reply, req.url)
      if (!r.adapter.handshake) {
        return reply.code(405).type('application/problem+json').send(
          problem('invalid', { id: 'Kanal ini tidak memakai verifikasi GET.', en: 'This channel has no GET handshake.' }, req.url),
        )
      }
      const h = r.adapter.handshake(toWebhookRequest(req, 'GET'), r.config)
      return reply.code(h.status).type(h.contentType).send(h.body)
    })

    app.post<{ Params: Params }>('/webhooks/:type/:channelId', routeOptions, async (req, reply) => {
      const r = await resolve(req)
      if (!r) return notFound(reply, req.url)
      const wreq = toWebhookRequest(req, 'POST')
      const v = r.adapter.verify(wreq, r.config)
      if (!v.ok) {
        req.log.warn({ channelId: r.account.id, type: r.account.type, reason: v.reason }, 'webhook rejected')
        return reply
          .code(401)
          .type('application/problem+json')
          .send(problem('unauthenticated', { id: `Tanda tangan webhook tidak valid: ${v.reason}`, en: `Invalid webhook signature: ${v.reason}` }, req.url))
      }
      let result
      try {
        result = await ingestWebhook(ctx.db, r.account, r.adapter, wreq, r.config)
      } catch (err) {
        req.log.error({ channelId: r.account.id, err: (err as Error).message }, 'webhook not stored')
        return reply
          .code(503)
          .header('retry-after', '5')
          .type('application/problem+json')
          .send(problem('unavailable', { id: 'Webhook belum tersimpan; kirim ulang.', en: 'Webhook not stored; retry.' }, req.url))
      }
      if (result.unparsable) req.log.warn({ channelId: r.account.id }, 'webhook verified but unparsable; stored as failed')
      return reply.code(200).send({ ok: true, events: result.events, stored: result.stored })
    })
  }
