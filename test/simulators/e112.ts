// A local stand-in for a Pemda's 112 command centre speaking the hand-off contract of
// docs/BRIDGES.md (node:http, port 0): POST /incidents with a bearer token and an Idempotency-Key,
// answered with the centre's incident id. Records each incident with the instant it arrived,
// fails on request, and sends the centre's callbacks (accepted, acted ...) to aduan.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Incident {
  incidentId: string
  body: any
  headers: Record<string, string>
  /** Date.now() when the request arrived. */
  receivedAt: number
}

export type E112Simulator = Awaited<ReturnType<typeof startE112Simulator>>

export async function startE112Simulator(opts: { token?: string; answerStatus?: 'received' | 'accepted' } = {}) {
  const token = opts.token ?? 'sim-112-token'
  const incidents: Incident[] = []
  const byKey = new Map<string, Incident>()
  const requests: { status: number; at: number }[] = []
  const failures: number[] = []
  let seq = 0

  const server = createServer((req, res) => void handle(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const at = Date.now()
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]))
    let status = 201
    let json: unknown
    const fail = failures.shift()
    if (fail) [status, json] = [fail, { error: 'simulated failure' }]
    else if (req.method !== 'POST' || req.url !== '/incidents') [status, json] = [404, { error: 'unknown path' }]
    else if (headers.authorization !== `Bearer ${token}`) [status, json] = [401, { error: 'invalid token' }]
    else {
      const key = headers['idempotency-key'] ?? ''
      let inc = byKey.get(key)
      if (inc) status = 200
      else {
        inc = { incidentId: `CC112-${++seq}`, body: JSON.parse(Buffer.concat(chunks).toString('utf8')), headers, receivedAt: at }
        incidents.push(inc)
        if (key) byKey.set(key, inc)
      }
      json = { incidentId: inc.incidentId, status: opts.answerStatus ?? 'received' }
    }
    requests.push({ status, at })
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(json))
  }

  return {
    /** The URL to configure as the centre's endpoint. */
    url: `${base}/incidents`,
    token,
    incidents,
    requests,
    failNext(n: number, status = 503) {
      for (let i = 0; i < n; i++) failures.push(status)
    },
    async waitForIncident(match: (i: Incident) => boolean = () => true, timeoutMs = 10_000): Promise<Incident> {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const found = incidents.find(match)
        if (found) return found
        if (Date.now() > deadline) throw new Error(`112 simulator: no matching incident after ${timeoutMs} ms`)
        await new Promise((r) => setTimeout(r, 10))
      }
    },
    /** The centre reports back (to the callbackUrl it was given) with its callback token. */
    async callback(callbackUrl: string, callbackToken: string, body: Record<string, unknown>) {
      const res = await fetch(callbackUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-bridge-token': callbackToken },
        body: JSON.stringify(body),
      })
      return { status: res.status, body: await res.text() }
    },
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  }
}
