// Open311 GeoReport v2 at /open311/v2/ (JSON and XML) with FixMyStreet's servicerequestupdates.
// Errors in GeoReport's own format ([{ code, description }] / <errors>), not problem+json, since
// Open311 clients parse that. docs/OPEN311.md describes keys, privacy and mappings.
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { AppContext } from '../../context.ts'
import { createRequest, parsePostRequest } from '../../integrations/open311/create-request.ts'
import {
  CONTENT_TYPE,
  Open311Error,
  parseW3c,
  renderErrors,
  renderList,
  renderXml,
  type Format,
} from '../../integrations/open311/format.ts'
import { resolveJurisdiction } from '../../integrations/open311/jurisdiction.ts'
import { findPublicRequests } from '../../integrations/open311/public-requests.ts'
import { listServices, serviceDefinition } from '../../integrations/open311/services.ts'
import { findUpdates } from '../../integrations/open311/updates.ts'

const CHANGESET = '2026-11-23T00:00:00Z'
const DAY = 86_400_000
const MAX_RESULTS = 1000

type Query = Record<string, string | undefined>

/** Repeated query keys arrive as arrays: read them as one comma-separated value. */
function normalise(q: unknown): Query {
  const out: Query = {}
  for (const [k, v] of Object.entries((q ?? {}) as Record<string, unknown>)) {
    out[k] = Array.isArray(v) ? v.map(String).join(',') : v === undefined ? undefined : String(v)
  }
  return out
}

function split(name: string, value: string | undefined): [string, Format] {
  const m = /^(.+)\.(json|xml)$/.exec(value ?? '')
  if (!m) throw new Open311Error(404, `unknown resource ${String(value).slice(0, 60)}: use ${name}.json or ${name}.xml`)
  return [m[1]!, m[2] as Format]
}
const formatOf = (url: string): Format => (/\.json(\?|$)/.test(url) ? 'json' : 'xml')
const send = (reply: FastifyReply, format: Format, body: string, status = 200) =>
  reply.code(status).type(CONTENT_TYPE[format]).send(body)
const list = (v: string | undefined) =>
  v === undefined || v === '' ? undefined : v.split(',').map((x) => x.trim()).filter(Boolean).slice(0, 100)

export const open311Routes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (base) => {
    await base.register(
      async (app) => {
        if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) {
          app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) =>
            done(null, Object.fromEntries(new URLSearchParams(body as string))),
          )
        }
        app.setErrorHandler((err: FastifyError | Open311Error, req, reply) => {
          const format = formatOf(req.url)
          let status = 500
          let description = 'internal error'
          if (err instanceof Open311Error) ({ status, description } = err)
          else if ((err as FastifyError).statusCode === 429) [status, description] = [429, 'too many requests, try again later']
          else if ((err as FastifyError).statusCode && (err as FastifyError).statusCode! < 500) {
            status = (err as FastifyError).statusCode!
            description = status === 401 ? 'invalid credentials' : err.message.slice(0, 200)
          } else req.log.error({ err }, 'open311 error')
          return send(reply, format, renderErrors(format, [{ code: status, description }]), status)
        })
        app.setNotFoundHandler((req, reply) => {
          const format = formatOf(req.url)
          return send(reply, format, renderErrors(format, [{ code: 404, description: 'no such Open311 resource' }]), 404)
        })

        app.get('/:resource', async (req: FastifyRequest<{ Params: { resource: string }; Querystring: Query }>, reply) => {
          const [name, format] = split('resource', req.params.resource)
          const q = normalise(req.query)
          switch (name) {
            case 'discovery':
              return send(reply, format, discovery(format))
            case 'services': {
              const j = await resolveJurisdiction(ctx.db, q.jurisdiction_id)
              return send(reply, format, renderList(format, 'services', 'service', await listServices(ctx.db, j.id)))
            }
            case 'requests': {
              const j = await resolveJurisdiction(ctx.db, q.jurisdiction_id)
              const ids = list(q.service_request_id)
              const status = list(q.status)
              if (status?.some((s) => s !== 'open' && s !== 'closed')) throw new Open311Error(400, 'status must be open or closed')
              let start = parseW3c(q.start_date, 'start_date')
              const end = parseW3c(q.end_date, 'end_date')
              if (!ids && !start && !end) start = new Date(+ctx.clock.now() - 90 * DAY) // the specification's default window
              if (start && end && start >= end) throw new Open311Error(400, 'start_date must be before end_date')
              const items = await findPublicRequests(ctx.db, j, {
                ids,
                serviceCodes: list(q.service_code),
                start,
                end,
                status: status as ('open' | 'closed')[] | undefined,
                limit: MAX_RESULTS,
              })
              return send(reply, format, renderList(format, 'service_requests', 'request', items))
            }
            case 'servicerequestupdates': {
              const j = await resolveJurisdiction(ctx.db, q.jurisdiction_id)
              // Without dates: the last seven days (FixMyStreet fetches updates in short windows).
              const end = parseW3c(q.end_date, 'end_date')
              const start = parseW3c(q.start_date, 'start_date') ?? new Date(+(end ?? ctx.clock.now()) - 7 * DAY)
              if (end && start >= end) throw new Open311Error(400, 'start_date must be before end_date')
              const items = await findUpdates(ctx.db, j, { start, end }, MAX_RESULTS)
              return send(reply, format, renderList(format, 'service_request_updates', 'request_update', items))
            }
          }
          throw new Open311Error(404, `unknown resource ${name.slice(0, 60)}`)
        })

        app.get('/services/:file', async (req: FastifyRequest<{ Params: { file: string }; Querystring: Query }>, reply) => {
          const [code, format] = split('services/{service_code}', req.params.file)
          const j = await resolveJurisdiction(ctx.db, normalise(req.query).jurisdiction_id)
          const def = await serviceDefinition(ctx.db, j.id, code)
          if (format === 'json') return send(reply, format, JSON.stringify(def))
          return send(
            reply,
            format,
            renderXml('service_definition', {
              service_code: def.service_code,
              attributes: { attribute: def.attributes.map((a) => ({ ...a, values: { value: a.values } })) },
            }),
          )
        })

        app.get('/requests/:file', async (req: FastifyRequest<{ Params: { file: string }; Querystring: Query }>, reply) => {
          const [id, format] = split('requests/{service_request_id}', req.params.file)
          const j = await resolveJurisdiction(ctx.db, normalise(req.query).jurisdiction_id)
          const items = await findPublicRequests(ctx.db, j, { ids: [id], limit: 1 })
          if (items.length === 0) throw new Open311Error(404, `service_request_id ${id.slice(0, 60)} not found`)
          return send(reply, format, renderList(format, 'service_requests', 'request', items))
        })

        app.post(
          '/:resource',
          { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } },
          async (req: FastifyRequest<{ Params: { resource: string }; Body: unknown }>, reply) => {
            const [name, format] = split('requests', req.params.resource)
            if (name !== 'requests') throw new Open311Error(404, `cannot POST ${name.slice(0, 60)}`)
            const created = await createRequest(ctx.db, parsePostRequest(req.body), ctx.clock.now())
            return send(reply, format, renderList(format, 'service_requests', 'request', [created]), 201)
          },
        )
      },
      { prefix: '/open311/v2' },
    )

    function discovery(format: Format) {
      const body = {
        changeset: CHANGESET,
        contact: 'Diskominfo of each jurisdiction; see docs/OPEN311.md',
        key_service: `${ctx.config.BASE_URL}/admin (an API token of an operator account: POST /api/auth/tokens)`,
        endpoints: [
          {
            specification: 'http://wiki.open311.org/GeoReport_v2',
            url: `${ctx.config.BASE_URL}/open311/v2`,
            changeset: CHANGESET,
            type: 'production',
            formats: ['text/xml', 'application/json'],
          },
        ],
      }
      if (format === 'json') return JSON.stringify(body)
      return renderXml('discovery', {
        ...body,
        endpoints: { endpoint: body.endpoints.map((e) => ({ ...e, formats: { format: e.formats } })) },
      })
    }
  }
