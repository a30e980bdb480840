// A local stand-in for api.x.com and the Account Activity webhook sender. It records our v2
// calls (POST /2/tweets, POST /2/dm_conversations/with/:id/messages), answers as X does
// (201 { data }, problem bodies, x-rate-limit-reset on 429), runs the CRC check against our
// webhook, and delivers activity payloads signed with x-twitter-webhooks-signature.
// https://docs.x.com/x-api/webhooks/quickstart
import { createHmac, randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface XCall {
  method: string
  path: string
  authorization?: string
  body: Record<string, unknown>
}

export interface XSimulatorOptions {
  consumerSecret?: string
  accessToken?: string
  accountId?: string
}

const PROBLEMS: Record<number, { title: string; detail: string }> = {
  400: { title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.' },
  403: { title: 'Forbidden', detail: 'You are not permitted to perform this action.' },
  429: { title: 'Too Many Requests', detail: 'Too Many Requests' },
  500: { title: 'Internal Server Error', detail: 'Something went wrong.' },
  503: { title: 'Service Unavailable', detail: 'Service Unavailable' },
}

export async function startXSimulator(opts: XSimulatorOptions = {}) {
  const consumerSecret = opts.consumerSecret ?? 'sim-consumer-secret'
  const accessToken = opts.accessToken ?? 'sim-user-access-token'
  const accountId = opts.accountId ?? '1480000000000000001'
  const calls: XCall[] = []
  const failures: number[] = []
  const media = new Map<string, { bytes: Buffer; contentType: string }>()
  let nextId = 1900000000000000000n

  const server = createServer(async (req, res) => {
    const raw = await readBody(req)
    const path = new URL(req.url ?? '/', 'http://sim').pathname
    if (req.method === 'GET' && media.has(path)) {
      const m = media.get(path)!
      res.writeHead(200, { 'content-type': m.contentType }).end(m.bytes)
      return
    }
    const body = raw.length ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {}
    calls.push({ method: req.method ?? 'GET', path, authorization: req.headers.authorization, body })
    if (req.headers.authorization !== `Bearer ${accessToken}`) {
      return problem(res, 401, { title: 'Unauthorized', detail: 'Unauthorized' })
    }
    const status = failures.shift()
    if (status)
      return problem(res, status, PROBLEMS[status] ?? { title: 'Error', detail: `status ${status}` })
    const id = String(nextId++)
    if (req.method === 'POST' && path === '/2/tweets') {
      return json(res, 201, { data: { id, text: body.text, edit_history_tweet_ids: [id] } })
    }
    const dm = path.match(/^\/2\/dm_conversations\/with\/(\d+)\/messages$/)
    if (req.method === 'POST' && dm) {
      const pair = [accountId, dm[1]].sort().join('-')
      return json(res, 201, { data: { dm_conversation_id: pair, dm_event_id: id } })
    }
    return problem(res, 404, { title: 'Not Found Error', detail: `no route ${path}` })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const sign = (body: string, secret = consumerSecret) =>
    `sha256=${createHmac('sha256', secret).update(body).digest('base64')}`

  return {
    url,
    consumerSecret,
    accessToken,
    accountId,
    calls,
    /** The next n API calls fail with this status and X's problem body (429 adds x-rate-limit-reset). */
    failNext(n: number, status: number) {
      for (let i = 0; i < n; i++) failures.push(status)
    },
    /** Serve bytes at url + path (for media downloads). */
    addMedia(path: string, bytes: Buffer, contentType = 'image/jpeg') {
      media.set(path, { bytes, contentType })
      return `${url}${path}`
    },
    /** Run the CRC check as X does: GET ?crc_token=..., then compare the response_token. */
    async crc(webhookUrl: string) {
      const token = randomUUID()
      const res = await fetch(`${webhookUrl}${webhookUrl.includes('?') ? '&' : '?'}crc_token=${token}`)
      const text = await res.text()
      let valid = false
      try {
        valid = (JSON.parse(text) as { response_token?: string }).response_token === sign(token)
      } catch {
        valid = false
      }
      return { status: res.status, body: text, valid }
    },
    /** POST an activity payload signed as X signs it (secret: null omits the header). */
    async sendActivity(webhookUrl: string, payload: unknown, o: { secret?: string | null } = {}) {
      const body = JSON.stringify(payload)
      const headers: Record<string, string> = { 'content-type': 'application/json' }
      if (o.secret !== null) headers['x-twitter-webhooks-signature'] = sign(body, o.secret ?? consumerSecret)
      const res = await fetch(webhookUrl, { method: 'POST', headers, body })
      return { status: res.status, body: await res.text() }
    },
    /** A citizen's mention of the account, as a tweet_create_events payload. */
    mention(from: { id: string; name: string; screen_name: string }, text: string, inReplyTo?: string) {
      const id = String(nextId++)
      const handle = '@PemdaSim'
      return {
        for_user_id: accountId,
        user_has_blocked: false,
        tweet_create_events: [
          {
            created_at: new Date()
              .toUTCString()
              .replace(/^(\w+), (\d+) (\w+) (\d+) (.+) GMT$/, '$1 $3 $2 $5 +0000 $4'),
            id_str: id,
            text: `${handle} ${text}`,
            truncated: false,
            in_reply_to_status_id_str: inReplyTo ?? null,
            in_reply_to_user_id_str: inReplyTo ? accountId : null,
            user: { id_str: from.id, name: from.name, screen_name: from.screen_name },
            entities: {
              hashtags: [],
              urls: [],
              symbols: [],
              user_mentions: [{ id_str: accountId, screen_name: 'PemdaSim', indices: [0, handle.length] }],
            },
            timestamp_ms: String(Date.now()),
          },
        ],
      }
    },
    /** A citizen's direct message to the account, as a direct_message_events payload. */
    directMessage(from: { id: string; name: string; screen_name: string }, text: string) {
      return {
        for_user_id: accountId,
        direct_message_events: [
          {
            type: 'message_create',
            id: String(nextId++),
            created_timestamp: String(Date.now()),
            message_create: {
              target: { recipient_id: accountId },
              sender_id: from.id,
              message_data: { text, entities: {} },
            },
          },
        ],
        users: { [from.id]: { id: from.id, name: from.name, screen_name: from.screen_name } },
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
export type XSimulator = Awaited<ReturnType<typeof startXSimulator>>

function problem(res: ServerResponse, status: number, p: { title: string; detail: string }): void {
  const headers: Record<string, string> = { 'content-type': 'application/problem+json' }
  if (status === 429) headers['x-rate-limit-reset'] = String(Math.floor(Date.now() / 1000) + 60)
  res.writeHead(status, headers).end(JSON.stringify({ ...p, type: 'about:blank', status }))
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}
