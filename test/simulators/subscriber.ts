// A local subscriber to aduan's outgoing webhooks, written as an integrator following
// docs/WEBHOOKS.md would: it verifies X-Aduan-Signature (HMAC-SHA256 of "<t>.<raw body>"), dedupes
// on the Idempotency-Key header, and can be taken down (503 or a dropped connection) or made to
// lose its answer after it has already processed an event (500 after storing: the sender retries).
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import crypto from 'node:crypto'

export interface Receipt {
  key: string
  event: string
  signature: string
  body: string
  verified: boolean
  answered: number
}

export type SubscriberMode = 'up' | 'down' | 'drop' | 'lose-ack'

export interface Subscriber {
  url: string
  /** Every request as it arrived, with what we answered (0 = connection dropped). */
  receipts: Receipt[]
  /** Payloads processed, once per Idempotency-Key, in arrival order. */
  accepted: { key: string; payload: Record<string, unknown> }[]
  setSecret(secret: string): void
  setMode(mode: SubscriberMode, times?: number): void
  waitFor(pred: (s: Subscriber) => boolean, timeoutMs?: number): Promise<void>
  close(): Promise<void>
}

/** The verification recipe of docs/WEBHOOKS.md, on purpose written independently of src/. */
export function verify(header: string, secret: string, body: string, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(',').map((kv) => kv.split('=', 2) as [string, string]))
  const t = Number(parts.t)
  if (!Number.isFinite(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false
  const expected = crypto.createHmac('sha256', secret).update(`${parts.t}.${body}`).digest('hex')
  return typeof parts.v1 === 'string' && parts.v1.length === expected.length &&
    crypto.timingSafeEqual(Buffer.from(parts.v1), Buffer.from(expected))
}

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
  })

export async function startSubscriber(): Promise<Subscriber> {
  let secret = ''
  let mode: SubscriberMode = 'up'
  let modeTimes = Infinity
  const receipts: Receipt[] = []
  const accepted: Subscriber['accepted'] = []
  const seen = new Set<string>()
  const server = createServer(async (req, res) => {
    const body = await read(req)
    const r: Receipt = {
      key: String(req.headers['idempotency-key'] ?? ''),
      event: String(req.headers['x-aduan-event'] ?? ''),
      signature: String(req.headers['x-aduan-signature'] ?? ''),
      body,
      verified: false,
      answered: 0,
    }
    r.verified = verify(r.signature, secret, body)
    receipts.push(r)
    const now = mode
    if (now !== 'up' && --modeTimes <= 0) mode = 'up'
    if (now === 'drop') return req.socket.destroy()
    if (now === 'down') return void res.writeHead((r.answered = 503)).end()
    if (!r.verified) return void res.writeHead((r.answered = 401)).end()
    if (!seen.has(r.key)) {
      seen.add(r.key)
      accepted.push({ key: r.key, payload: JSON.parse(body) as Record<string, unknown> })
    }
    res.writeHead((r.answered = now === 'lose-ack' ? 500 : 200)).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const sub: Subscriber = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/aduan`,
    receipts,
    accepted,
    setSecret: (s) => void (secret = s),
    setMode(m, times = Infinity) {
      mode = m
      modeTimes = times
    },
    async waitFor(pred, timeoutMs = 15_000) {
      const end = Date.now() + timeoutMs
      while (!pred(sub)) {
        if (Date.now() > end) throw new Error('subscriber: condition not met in time')
        await new Promise((r) => setTimeout(r, 25))
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
  return sub
}
