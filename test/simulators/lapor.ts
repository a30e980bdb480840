// A local stand-in for SP4N-LAPOR! speaking the bridge contract of docs/BRIDGES.md with the
// default field names (node:http, port 0). It keeps reports by LAPOR! id, honours Idempotency-Key
// on POST /reports (a retried forward returns the same report), lets a test post follow-ups,
// change statuses and dispatch reports to the Pemda, records every call, and fails on request:
// 'before' answers the error without doing anything; 'after' does the work, then answers the error
// (a lost response: the retry must not create a second report).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface LaporCall {
  method: string
  path: string
  headers: Record<string, string>
  body: any
  status: number
}

export interface SimReport {
  id: string
  fields: Record<string, unknown>
  status: string
  tindak_lanjut: { id: string; isi: string; instansi: string | null; tanggal: string }[]
  statusHistory: { status: string; catatan: string | null }[]
}

export interface Dispatch {
  id: string
  item: Record<string, unknown>
  ackedWith: string | null
}

export type LaporSimulator = Awaited<ReturnType<typeof startLaporSimulator>>

export async function startLaporSimulator(opts: { token?: string } = {}) {
  const token = opts.token ?? 'sim-lapor-token'
  const calls: LaporCall[] = []
  const failures: { status: number; mode: 'before' | 'after'; path: RegExp }[] = []
  const reportsById = new Map<string, SimReport>()
  const byKey = new Map<string, string>()
  const dispatches = new Map<string, Dispatch>()
  let seq = 1000

  const server = createServer((req, res) => void handle(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const raw = Buffer.concat(chunks).toString('utf8')
    let body: any
    try {
      body = raw ? JSON.parse(raw) : undefined
    } catch {
      body = undefined
    }
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]))
    const method = req.method ?? 'GET'
    const path = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/api\/v1/, '')
    let answer: { status: number; json: unknown }
    const i = failures.findIndex((f) => f.path.test(path))
    const failure = i >= 0 ? failures.splice(i, 1)[0]! : null
    if (failure?.mode === 'before') answer = { status: failure.status, json: { error: 'simulated failure' } }
    else if (headers.authorization !== `Bearer ${token}`) answer = { status: 401, json: { error: 'invalid token' } }
    else {
      answer = route(method, path, headers, body)
      if (failure) answer = { status: failure.status, json: { error: 'simulated failure after commit' } }
    }
    calls.push({ method, path, headers, body, status: answer.status })
    res.writeHead(answer.status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(answer.json))
  }

  const view = (r: SimReport) => ({ id: r.id, status: r.status, tindak_lanjut: r.tindak_lanjut })

  function route(method: string, path: string, headers: Record<string, string>, body: any): { status: number; json: unknown } {
    if (method === 'POST' && path === '/reports') {
      const key = headers['idempotency-key']
      const existing = key ? byKey.get(key) : undefined
      if (existing) return { status: 200, json: view(reportsById.get(existing)!) }
      if (!body?.isi || !body?.nomor_referensi) return { status: 422, json: { error: 'isi and nomor_referensi are required' } }
      const r: SimReport = { id: `LPR-${++seq}`, fields: body, status: 'belum_terverifikasi', tindak_lanjut: [], statusHistory: [] }
      reportsById.set(r.id, r)
      if (key) byKey.set(key, r.id)
      return { status: 201, json: view(r) }
    }
    let m = /^\/reports\/([^/]+)$/.exec(path)
    if (method === 'GET' && m) {
      const r = reportsById.get(decodeURIComponent(m[1]!))
      return r ? { status: 200, json: view(r) } : { status: 404, json: { error: 'not found' } }
    }
    m = /^\/reports\/([^/]+)\/status$/.exec(path)
    if (method === 'POST' && m) {
      const r = reportsById.get(decodeURIComponent(m[1]!))
      if (!r) return { status: 404, json: { error: 'not found' } }
      const key = headers['idempotency-key']
      if (!key || !byKey.has(key)) {
        r.status = String(body?.status)
        r.statusHistory.push({ status: r.status, catatan: body?.catatan ?? null })
        if (key) byKey.set(key, r.id)
      }
      return { status: 200, json: view(r) }
    }
    if (method === 'GET' && path === '/dispatches') {
      return { status: 200, json: { items: [...dispatches.values()].filter((d) => !d.ackedWith).map((d) => d.item) } }
    }
    m = /^\/dispatches\/([^/]+)\/ack$/.exec(path)
    if (method === 'POST' && m) {
      const d = dispatches.get(decodeURIComponent(m[1]!))
      if (!d) return { status: 404, json: { error: 'not found' } }
      d.ackedWith = String(body?.nomor_referensi ?? '')
      const r = reportsById.get(d.id)
      if (r) r.fields.nomor_referensi = d.ackedWith
      return { status: 200, json: { id: d.id } }
    }
    return { status: 404, json: { error: 'unknown path' } }
  }

  return {
    /** The API root to configure as the bridge's endpoint. */
    url,
    token,
    calls,
    reports: () => [...reportsById.values()],
    report: (id: string) => reportsById.get(id),
    dispatches: () => [...dispatches.values()],
    /** The next `n` requests whose path matches answer `status`. */
    failNext(n: number, status: number, o: { mode?: 'before' | 'after'; path?: RegExp } = {}) {
      for (let i = 0; i < n; i++) failures.push({ status, mode: o.mode ?? 'before', path: o.path ?? /.*/ })
    },
    /** An agency answers on LAPOR! (a tindak lanjut). */
    addFollowUp(laporId: string, f: { isi: string; instansi?: string }) {
      const r = reportsById.get(laporId)
      if (!r) throw new Error(`LAPOR! simulator: no report ${laporId}`)
      const fu = { id: `TL-${++seq}`, isi: f.isi, instansi: f.instansi ?? null, tanggal: new Date().toISOString() }
      r.tindak_lanjut.push(fu)
      return fu
    },
    setStatus(laporId: string, status: string) {
      const r = reportsById.get(laporId)
      if (!r) throw new Error(`LAPOR! simulator: no report ${laporId}`)
      r.status = status
    },
    /** LAPOR! dispatches a citizen's report to this Pemda; returns its LAPOR! id. */
    dispatch(fields: Record<string, unknown>) {
      const id = `LPR-${++seq}`
      const item = { id, status: 'belum_ditindaklanjuti', tanggal: new Date().toISOString(), ...fields }
      reportsById.set(id, { id, fields: item, status: 'belum_ditindaklanjuti', tindak_lanjut: [], statusHistory: [] })
      dispatches.set(id, { id, item, ackedWith: null })
      return id
    },
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  }
}
