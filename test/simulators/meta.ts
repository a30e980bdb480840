// A local stand-in for Meta (node:http, port 0). It (a) answers our Graph API calls the way the
// Graph API does (WhatsApp messages, Messenger/Instagram Send API, comment replies, media
// lookups and downloads, reading the WhatsApp phone number, Page and Instagram account nodes that
// the channel test calls), records each with headers and body, and fails on request; (b) sends
// webhooks in Meta's wire format, signed as Meta signs them (X-Hub-Signature-256 over the exact
// escaped-unicode bytes), to any URL.
// https://developers.facebook.com/docs/graph-api/webhooks/getting-started#validate-payloads
import { createHash, createHmac, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import * as build from './meta-payloads.ts'

export * from './meta-payloads.ts'

export interface RecordedCall {
  method: string
  /** Path without the query, e.g. `/v21.0/109876543210987/messages`. */
  path: string
  query: Record<string, string>
  /** Lower-cased names. */
  headers: Record<string, string>
  /** Parsed JSON when the body was JSON, else undefined. */
  body: any
  rawBody: string
  /** The status the simulator answered. */
  status: number
}

export interface GraphErrorSpec {
  code?: number
  subcode?: number
  message?: string
  details?: string
}

export interface WebhookDelivery {
  /** The HTTP status the receiver answered. */
  status: number
  body: string
  /** The provider event id the adapter should report for this webhook. */
  id: string
  url: string
  rawBody: string
  /** What was sent, signature headers included, for an identical redelivery. */
  headers: Record<string, string>
}

interface Target {
  url: string
  appSecret: string
}

export type MetaSimulator = Awaited<ReturnType<typeof startMetaSimulator>>

export async function startMetaSimulator() {
  const calls: RecordedCall[] = []
  const failures: { status: number; error?: GraphErrorSpec }[] = []
  const media = new Map<string, { bytes: Buffer; mimeType: string }>()
  const accounts = new Map<string, Account>(defaultAccounts().map((a) => [String(a.fields.id), a]))

  const server = createServer((req, res) => {
    void handle(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const rawBody = Buffer.concat(chunks).toString('utf8')
    const u = new URL(req.url ?? '/', url)
    let body: unknown
    try {
      body = rawBody ? JSON.parse(rawBody) : undefined
    } catch {
      body = undefined
    }
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]))
    const answer = route(req.method ?? 'GET', u.pathname, headers, body, u.searchParams)
    calls.push({
      method: req.method ?? 'GET',
      path: u.pathname,
      query: Object.fromEntries(u.searchParams),
      headers,
      body,
      rawBody,
      status: answer.status,
    })
    res.writeHead(answer.status, { 'content-type': answer.contentType ?? 'application/json; charset=UTF-8' })
    res.end(answer.raw ?? JSON.stringify(answer.json))
  }

  type Answer = { status: number; json?: unknown; raw?: Buffer; contentType?: string }
  const graphError = (status: number, e: GraphErrorSpec = {}): Answer => ({
    status,
    json: {
      error: {
        message: e.message ?? defaultMessage(status, e.code),
        type: 'OAuthException',
        code: e.code ?? (status === 429 ? 4 : status >= 500 ? 2 : 100),
        ...(e.subcode !== undefined ? { error_subcode: e.subcode } : {}),
        ...(e.details ? { error_data: { messaging_product: 'whatsapp', details: e.details } } : {}),
        ...(status >= 500 ? { is_transient: true } : {}),
        fbtrace_id: randomBytes(8).toString('base64url'),
      },
    },
  })

  function route(method: string, path: string, headers: Record<string, string>, body: any, query: URLSearchParams): Answer {
    const failure = failures.shift()
    if (failure) return graphError(failure.status, failure.error)
    if (!/^Bearer \S+/.test(headers.authorization ?? '')) {
      return graphError(401, { code: 190, message: 'Invalid OAuth access token - Cannot parse access token' })
    }
    const download = /^\/media-download\/([^/]+)$/.exec(path)
    if (download) {
      const m = media.get(download[1])
      return m
        ? { status: 200, raw: m.bytes, contentType: m.mimeType }
        : { status: 404, raw: Buffer.from('Not Found'), contentType: 'text/plain' }
    }
    const graph = /^\/v\d+\.\d+\/(.+)$/.exec(path)
    if (!graph) return graphError(404, { code: 100, message: 'Unknown path components' })
    const [node, edge] = graph[1].split('/')
    const account = method === 'GET' && !edge ? accounts.get(node) : undefined
    if (account) return readAccount(account, headers, query)
    if (method === 'GET' && !edge) {
      const m = media.get(node)
      if (!m)
        return graphError(400, {
          code: 100,
          subcode: 33,
          message: `Unsupported get request. Object with ID '${node}' does not exist`,
        })
      const sha256 = createHash('sha256').update(m.bytes).digest('hex')
      return {
        status: 200,
        json: {
          messaging_product: 'whatsapp',
          url: `${url}/media-download/${node}`,
          mime_type: m.mimeType,
          sha256,
          file_size: m.bytes.length,
          id: node,
        },
      }
    }
    if (method !== 'POST') return graphError(400, { code: 100, message: 'Unsupported request' })
    if (edge === 'messages' && body?.messaging_product === 'whatsapp') return whatsappSend(body)
    if (edge === 'messages') return pageSend(body)
    if (edge === 'comments' || edge === 'replies') {
      if (typeof body?.message !== 'string' || !body.message)
        return graphError(400, { code: 100, message: '(#100) Missing message' })
      return {
        status: 200,
        json: {
          id:
            edge === 'comments' ? `${node.split('_').pop()}_${build.digits(15)}` : `1786${build.digits(13)}`,
        },
      }
    }
    return graphError(400, { code: 100, message: `(#100) Unsupported post request to ${edge}` })
  }

  /**
   * GET /{version}/{node}: a node answers the fields asked for (`?fields=a,b`; `id` always), or its
   * default fields. A node with its own access token refuses any other token as Graph does (code 190).
   * https://developers.facebook.com/docs/whatsapp/cloud-api/reference/phone-numbers
   */
  function readAccount(a: Account, headers: Record<string, string>, query: URLSearchParams): Answer {
    if (a.accessToken && headers.authorization !== `Bearer ${a.accessToken}`) {
      return graphError(401, { code: 190, message: 'Error validating access token: The session is invalid because the user logged out.' })
    }
    const asked = query.get('fields')?.split(',').map((f) => f.trim()).filter(Boolean)
    const names = asked ? [...new Set(['id', ...asked])] : a.defaultFields
    const unknown = names.find((n) => !(n in a.fields))
    if (unknown) {
      return graphError(400, { code: 100, message: `(#100) Tried accessing nonexisting field (${unknown}) on node type (${a.nodeType})` })
    }
    return { status: 200, json: Object.fromEntries(names.map((n) => [n, a.fields[n]])) }
  }

  function whatsappSend(body: any): Answer {
    if (body.type === 'text' && !(typeof body.text?.body === 'string' && body.text.body.length <= 4096)) {
      return graphError(400, {
        code: 100,
        message: "(#100) Param text['body'] must be at most 4096 characters long.",
      })
    }
    if (body.type === 'template' && !body.template?.name)
      return graphError(400, { code: 100, message: '(#100) template name is required' })
    const id = build.newWamid()
    return {
      status: 200,
      json: {
        messaging_product: 'whatsapp',
        contacts: [{ input: body.to, wa_id: body.to }],
        messages: [{ id, ...(body.type === 'template' ? { message_status: 'accepted' } : {}) }],
      },
    }
  }

  function pageSend(body: any): Answer {
    const text = body?.message?.text
    if (typeof text !== 'string' || text.length > 2000)
      return graphError(400, {
        code: 100,
        message: '(#100) Length of param message[text] must be less than or equal to 2000',
      })
    const recipient = body?.recipient ?? {}
    if (!recipient.id && !recipient.comment_id)
      return graphError(400, { code: 100, message: '(#100) The parameter recipient is required' })
    return {
      status: 200,
      json: { recipient_id: recipient.id ?? build.digits(16), message_id: build.newMid() },
    }
  }

  /** POSTs Meta's wire bytes with Meta's signature headers; returns what the receiver answered. */
  async function deliver(t: Target, built: build.Built): Promise<WebhookDelivery> {
    const rawBody = build.metaJson(built.payload)
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'facebookexternalua',
      'x-hub-signature': `sha1=${createHmac('sha1', t.appSecret).update(rawBody).digest('hex')}`,
      'x-hub-signature-256': `sha256=${createHmac('sha256', t.appSecret).update(rawBody).digest('hex')}`,
    }
    return post(t.url, rawBody, headers, built.id)
  }

  async function post(
    target: string,
    rawBody: string,
    headers: Record<string, string>,
    id: string,
  ): Promise<WebhookDelivery> {
    const res = await fetch(target, { method: 'POST', headers, body: rawBody })
    return { status: res.status, body: await res.text(), id, url: target, rawBody, headers }
  }

  return {
    url,
    calls,
    /** The next `n` requests (Graph calls, media lookups or downloads) answer `status` with a Graph error. */
    failNext(n: number, status: number, error?: GraphErrorSpec) {
      for (let i = 0; i < n; i++) failures.push({ status, error })
    },
    /** Makes a media id resolvable (GET /{version}/{id}) and downloadable. */
    addMedia(id: string, bytes: Buffer, mimeType: string) {
      media.set(id, { bytes, mimeType })
    },
    /**
     * Adds or replaces a readable node (a WhatsApp phone number, Page or Instagram account); with
     * `accessToken`, only that bearer token may read it. The simulator starts with the SIM_* ids.
     */
    setAccount(a: Account) {
      accounts.set(String(a.fields.id), a)
    },
    /** Forgets recorded calls and pending failures. */
    reset() {
      calls.length = 0
      failures.length = 0
    },
    /** Resolves once `count` recorded calls match, for code that sends in the background. */
    async waitForCalls(
      match: (c: RecordedCall) => boolean,
      count = 1,
      timeoutMs = 5000,
    ): Promise<RecordedCall[]> {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const found = calls.filter(match)
        if (found.length >= count) return found
        if (Date.now() > deadline)
          throw new Error(`Meta simulator: ${found.length} of ${count} expected calls after ${timeoutMs} ms`)
        await new Promise((r) => setTimeout(r, 10))
      }
    },
    /** The GET Meta sends when the callback URL is subscribed. */
    async verifySubscription(o: { url: string; verifyToken: string; challenge?: string }) {
      const u = new URL(o.url)
      u.searchParams.set('hub.mode', 'subscribe')
      u.searchParams.set('hub.challenge', o.challenge ?? build.digits(10))
      u.searchParams.set('hub.verify_token', o.verifyToken)
      const res = await fetch(u)
      return { status: res.status, body: await res.text() }
    },
    sendWhatsAppText: (o: Target & build.WaTextInput) => deliver(o, build.whatsappTextPayload(o)),
    /** Also registers the image so fetchMedia can download `bytes` (a tiny JPEG header by default). */
    sendWhatsAppImage(
      o: Target & Omit<build.WaImageInput, 'mediaId'> & { mediaId?: string; bytes?: Buffer },
    ) {
      const mediaId = o.mediaId ?? build.digits(16)
      media.set(mediaId, {
        bytes: o.bytes ?? Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
        mimeType: o.mimeType ?? 'image/jpeg',
      })
      return deliver(o, build.whatsappImagePayload({ ...o, mediaId }))
    },
    /** Any message type: `message: { type: 'location', location: {...} }`. */
    sendWhatsAppMessage: (o: Target & build.WaMessageInput) => deliver(o, build.whatsappMessagePayload(o)),
    sendWhatsAppStatus: (o: Target & build.WaStatusInput) => deliver(o, build.whatsappStatusPayload(o)),
    sendMessengerText: (o: Target & build.DmInput) => deliver(o, build.messengerTextPayload(o)),
    sendInstagramText: (o: Target & build.DmInput) => deliver(o, build.instagramTextPayload(o)),
    sendFacebookComment: (o: Target & build.FacebookCommentInput) =>
      deliver(o, build.facebookCommentPayload(o)),
    sendInstagramComment: (o: Target & build.InstagramCommentInput) =>
      deliver(o, build.instagramCommentPayload(o)),
    /** Any payload (e.g. a recorded fixture), serialised and signed the way Meta does. */
    sendPayload: (o: Target & { payload: Record<string, unknown>; id?: string }) =>
      deliver(o, { payload: o.payload, id: o.id ?? '' }),
    /** Meta's retry: the very same bytes and signature again. */
    redeliver: (d: WebhookDelivery): Promise<WebhookDelivery> => post(d.url, d.rawBody, d.headers, d.id),
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  }
}

function defaultMessage(status: number, code?: number): string {
  if (status === 429 || code === 4) return '(#4) Application request limit reached'
  if (status >= 500) return 'An unexpected error has occurred. Please retry your request later.'
  return `(#${code ?? 100}) Invalid parameter`
}

export interface Account {
  nodeType: 'WhatsAppBusinessPhoneNumber' | 'Page' | 'IGUser'
  /** Every field the node has, `id` included. */
  fields: Record<string, unknown> & { id: string }
  /** What a GET without `fields` returns. */
  defaultFields: string[]
  accessToken?: string
}

/** The WhatsApp phone number, Facebook Page and Instagram account of metaChannelConfigs(). */
export function defaultAccounts(): Account[] {
  return [
    {
      nodeType: 'WhatsAppBusinessPhoneNumber',
      // The shape of Graph's "Get phone number by ID" answer.
      fields: {
        id: build.SIM_PHONE_NUMBER_ID,
        display_phone_number: '+62 811-0000-1111',
        verified_name: 'Pemkab Uji Simulator',
        code_verification_status: 'VERIFIED',
        quality_rating: 'GREEN',
        platform_type: 'CLOUD_API',
        throughput: { level: 'STANDARD' },
        name_status: 'APPROVED',
        messaging_limit_tier: 'TIER_1K',
      },
      defaultFields: ['verified_name', 'code_verification_status', 'display_phone_number', 'quality_rating', 'platform_type', 'throughput', 'id'],
    },
    { nodeType: 'Page', fields: { id: build.SIM_PAGE_ID, name: 'Pemkab Uji Simulator', category: 'Government organization' }, defaultFields: ['name', 'id'] },
    { nodeType: 'IGUser', fields: { id: build.SIM_IG_USER_ID, username: 'pemkab.uji', name: 'Pemkab Uji Simulator' }, defaultFields: ['id'] },
  ]
}
