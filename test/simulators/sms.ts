// A local generic SMS gateway speaking aduan's documented gateway format (docs/CHANNELS.md):
// receives POST /send { to, text, reference } with a bearer key and records it; pushes incoming
// SMS and delivery reports to our webhook as JSON or form posts with the shared-secret header.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface SmsCall {
  to: string
  text: string
  reference: string
  idempotencyKey?: string
  authorization?: string
}

export interface SmsGatewaySimulatorOptions {
  apiKey?: string
  inboundSecret?: string
}

export async function startSmsGatewaySimulator(opts: SmsGatewaySimulatorOptions = {}) {
  const apiKey = opts.apiKey ?? 'sim-gateway-api-key'
  const inboundSecret = opts.inboundSecret ?? 'sim-inbound-shared-secret'
  const calls: SmsCall[] = []
  const failures: number[] = []
  let seq = 1

  const server = createServer(async (req, res) => {
    const raw = await readBody(req)
    if (req.method !== 'POST' || req.url !== '/send') return json(res, 404, { error: 'not found' })
    const body = JSON.parse(raw.toString('utf8') || '{}') as Partial<SmsCall>
    calls.push({
      to: String(body.to),
      text: String(body.text),
      reference: String(body.reference),
      idempotencyKey: req.headers['idempotency-key'] as string | undefined,
      authorization: req.headers.authorization,
    })
    if (req.headers.authorization !== `Bearer ${apiKey}`) return json(res, 401, { error: 'invalid api key' })
    const status = failures.shift()
    if (status) {
      const headers: Record<string, string> = status === 429 ? { 'retry-after': '7' } : {}
      return json(
        res,
        status,
        { error: status === 429 ? 'throttled' : status >= 500 ? 'upstream SMSC down' : 'invalid number' },
        headers,
      )
    }
    return json(res, 200, { id: `sim-out-${seq++}` })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  async function push(
    webhookUrl: string,
    fields: Record<string, string | number>,
    o: { form?: boolean; secret?: string | null },
  ) {
    const headers: Record<string, string> = {}
    const secret = o.secret === undefined ? inboundSecret : o.secret
    if (secret !== null) headers['x-aduan-sms-secret'] = secret
    let body: string
    if (o.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded'
      body = new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])).toString()
    } else {
      headers['content-type'] = 'application/json'
      body = JSON.stringify(fields)
    }
    const res = await fetch(webhookUrl, { method: 'POST', headers, body })
    return { status: res.status, body: await res.text(), fields }
  }

  return {
    url,
    apiKey,
    inboundSecret,
    calls,
    /** The next n /send calls fail with this status (429 adds Retry-After: 7). */
    failNext(n: number, status: number) {
      for (let i = 0; i < n; i++) failures.push(status)
    },
    /** Push a citizen's SMS to our webhook. */
    sendSms(
      webhookUrl: string,
      sms: { from: string; text: string; to?: string; id?: string; timestamp?: number | string },
      o: { form?: boolean; secret?: string | null } = {},
    ) {
      const fields = { to: '1708', id: `sim-in-${seq++}`, timestamp: Math.floor(Date.now() / 1000), ...sms }
      return push(webhookUrl, fields, o)
    },
    /** Push a delivery report for a message we sent (id as returned by /send). */
    sendDeliveryReport(
      webhookUrl: string,
      dlr: { id: string; status: string; error?: string; timestamp?: number },
      o: { form?: boolean; secret?: string | null } = {},
    ) {
      return push(webhookUrl, { timestamp: Math.floor(Date.now() / 1000), ...dlr }, o)
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
export type SmsGatewaySimulator = Awaited<ReturnType<typeof startSmsGatewaySimulator>>

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body))
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}
