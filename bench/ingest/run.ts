// bench/ingest: signed WhatsApp webhooks against aduan on PostgreSQL, beside a bare
// single-row-INSERT Fastify baseline on the same database, in the same run.
// Usage: npx tsx bench/ingest/run.ts   (env: N=5000 C=32 MAX_SECONDS=60 ACK_WAIT_SECONDS=120
//        BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test; DATABASE_POOL_SIZE and
//        JOB_CONCURRENCY are passed to aduan's config when set; ROLE=api runs aduan without job
//        workers, which isolates the webhook path and skips the acknowledgement measurement)
// The machine's load average (as uptime prints it) is recorded before and after each phase:
// on a shared machine the figures mean little without it.
import crypto from 'node:crypto'
import http from 'node:http'
import os from 'node:os'
import type { AddressInfo } from 'node:net'
import Fastify from 'fastify'
import pg from 'pg'
import { createTenant } from '../../src/accounts/tenants.ts'
import { createUser } from '../../src/accounts/users.ts'
import { loadConfig } from '../../src/config.ts'
import { start } from '../../src/main.ts'
import { metaChannelConfigs, metaJson, whatsappTextPayload } from '../../test/simulators/meta.ts'

const N = Number(process.env.N ?? 5000)
const C = Number(process.env.C ?? 32)
const MAX_MS = Number(process.env.MAX_SECONDS ?? 60) * 1000
const ACK_WAIT_MS = Number(process.env.ACK_WAIT_SECONDS ?? 120) * 1000
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const ROLE = process.env.ROLE ?? 'all'
const APP_SECRET = 'sim-app-secret'
const PASSWORD = 'correct-horse-battery'

const loadavg = () => os.loadavg().map((x) => x.toFixed(2)).join(', ')

const agent = new http.Agent({ keepAlive: true, maxSockets: C })

function request(url: string, method: string, body: string | undefined, headers: Record<string, string>) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const u = new URL(url)
    const req = http.request(
      { host: u.hostname, port: u.port, path: u.pathname + u.search, method, agent, headers: body !== undefined ? { ...headers, 'content-length': Buffer.byteLength(body) } : headers },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    if (body !== undefined) req.write(body)
    req.end()
  })
}

function pct(sorted: number[], p: number): number {
  if (!sorted.length) return NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

interface LoadResult {
  sent: number
  ok: number
  failed: number
  statuses: Record<string, number>
  seconds: number
  perSecond: number
  latencies: number[] // sorted, ms, of 200 answers
  answeredAt: Map<number, number> // index -> epoch ms when the 200 arrived
}

/** Runs `n` requests with `c` workers; stops issuing new ones after MAX_MS. */
async function drive(n: number, c: number, one: (i: number) => Promise<number>): Promise<LoadResult> {
  let next = 0
  let ok = 0
  let failed = 0
  const statuses: Record<string, number> = {}
  const latencies: number[] = []
  const answeredAt = new Map<number, number>()
  const t0 = performance.now()
  const deadline = t0 + MAX_MS
  async function worker() {
    while (next < n && performance.now() < deadline) {
      const i = next++
      const s = performance.now()
      let status = 0
      try {
        status = await one(i)
      } catch {
        status = 0
      }
      const e = performance.now()
      statuses[status] = (statuses[status] ?? 0) + 1
      if (status === 200) {
        ok++
        latencies.push(e - s)
        answeredAt.set(i, Date.now())
      } else failed++
    }
  }
  await Promise.all(Array.from({ length: c }, worker))
  const seconds = (performance.now() - t0) / 1000
  latencies.sort((a, b) => a - b)
  return { sent: ok + failed, ok, failed, statuses, seconds, perSecond: ok / seconds, latencies, answeredAt }
}

/** Minimal Graph API stand-in that timestamps the first WhatsApp send to each recipient. */
async function startGraphSim() {
  const firstSend = new Map<string, number>()
  let calls = 0
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const at = Date.now()
      calls++
      let body: any
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
      } catch {
        body = undefined
      }
      if (req.method === 'POST' && body?.messaging_product === 'whatsapp' && typeof body.to === 'string' && (body.type === 'text' || body.type === 'template')) {
        if (!firstSend.has(body.to)) firstSend.set(body.to, at)
      }
      res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' })
      res.end(JSON.stringify({ messaging_product: 'whatsapp', contacts: [{ input: body?.to, wa_id: body?.to }], messages: [{ id: `wamid.${crypto.randomBytes(30).toString('base64')}` }] }))
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    firstSend,
    calls: () => calls,
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}

async function main() {
  const dbName = `aduan_bench_${crypto.randomBytes(5).toString('hex')}`
  const admin = new pg.Client({ connectionString: ADMIN_URL })
  await admin.connect()
  await admin.query(`create database ${dbName}`)
  await admin.end()
  const u = new URL(ADMIN_URL)
  u.pathname = `/${dbName}`
  const dbUrl = u.toString()
  let cleanup: (() => Promise<void>)[] = []
  try {
    const sim = await startGraphSim()
    cleanup.push(sim.close)
    const config = loadConfig({
      DATABASE_URL: dbUrl,
      ROLE,
      LOG_LEVEL: 'silent',
      PORT: '0',
      HOST: '127.0.0.1',
      BASE_URL: 'http://127.0.0.1:3000',
      SECRET_KEY: crypto.randomBytes(32).toString('base64url'),
      DATA_DIR: `.tmp/bench-ingest-${dbName}`,
      ...(process.env.DATABASE_POOL_SIZE ? { DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE } : {}),
      ...(process.env.JOB_CONCURRENCY ? { JOB_CONCURRENCY: process.env.JOB_CONCURRENCY } : {}),
    })
    const running = await start(config, { listen: true, logger: false })
    cleanup.unshift(() => running.stop())
    const base = running.url

    const tenant = await createTenant(running.ctx.db, { slug: 'bench', name: 'Pemerintah Bench', kind: 'kabupaten', regionCode: '11.15', timeZone: 'Asia/Jakarta', codePrefix: 'BEN' })
    const user = await createUser(running.ctx.db, { email: 'operator@bench.test', name: 'Operator Bench', password: PASSWORD, tenantId: tenant.id, role: 'operator', agencyId: null })
    const login = await request(`${base}/api/auth/login`, 'POST', JSON.stringify({ email: user.email, password: PASSWORD }), { 'content-type': 'application/json' })
    if (login.status !== 200) throw new Error(`login: ${login.status} ${login.body}`)
    const cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).find((c) => c.startsWith('aduan_session='))!
    const csrf = JSON.parse(login.body).csrfToken as string
    const ch = await request(`${base}/api/channels`, 'POST', JSON.stringify({ type: 'whatsapp', name: 'WA Bench', config: metaChannelConfigs(sim.url).whatsapp }), { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf })
    if (ch.status !== 201) throw new Error(`channel: ${ch.status} ${ch.body}`)
    const hookUrl = `${base}/webhooks/whatsapp/${JSON.parse(ch.body).id}`

    // Pre-build N distinct signed payloads (distinct sender each) so signing is outside the timing.
    const fromOf = (i: number) => `62812${String(i).padStart(8, '0')}`
    const bodies: { raw: string; sig: string }[] = []
    for (let i = 0; i < N; i++) {
      const raw = metaJson(whatsappTextPayload({ from: fromOf(i), name: `Warga ${i}`, text: `Jalan rusak di gampong nomor ${i}, mohon segera diperbaiki` }).payload)
      bodies.push({ raw, sig: 'sha256=' + crypto.createHmac('sha256', APP_SECRET).update(raw).digest('hex') })
    }
    // Warm-up (not counted): a few webhooks from numbers outside the measured range.
    for (let i = 0; i < 20; i++) {
      const raw = metaJson(whatsappTextPayload({ from: `62899${String(i).padStart(8, '0')}`, text: 'pemanasan' }).payload)
      await request(hookUrl, 'POST', raw, { 'content-type': 'application/json', 'x-hub-signature-256': 'sha256=' + crypto.createHmac('sha256', APP_SECRET).update(raw).digest('hex') })
    }

    process.stderr.write(`aduan webhooks: N=${N} C=${C} ...\n`)
    const loadBeforeHooks = loadavg()
    const hooks = await drive(N, C, async (i) => {
      const b = bodies[i]!
      const r = await request(hookUrl, 'POST', b.raw, { 'content-type': 'application/json', 'user-agent': 'facebookexternalua', 'x-hub-signature-256': b.sig })
      return r.status
    })

    const loadAfterHooks = loadavg()
    // Webhook -> acknowledgement: wait for the simulator to see a send to every accepted sender.
    process.stderr.write(`waiting for acknowledgements of ${hooks.ok} accepted webhooks ...\n`)
    const ackDeadline = Date.now() + ACK_WAIT_MS
    const want = [...hooks.answeredAt.keys()].map(fromOf)
    while (ROLE !== 'api' && Date.now() < ackDeadline && want.some((f) => !sim.firstSend.has(f))) await new Promise((r) => setTimeout(r, 100))
    const loadAfterAcks = loadavg()
    const ackMs: number[] = []
    for (const [i, at] of hooks.answeredAt) {
      const acked = sim.firstSend.get(fromOf(i))
      if (acked !== undefined) ackMs.push(acked - at)
    }
    ackMs.sort((a, b) => a - b)
    const lastAck = Math.max(...[...sim.firstSend.values()])
    const firstAnswer = Math.min(...hooks.answeredAt.values())
    const reports = (await running.ctx.database.query<{ n: string }>('select count(*)::text as n from reports'))[0]!.n

    // Baseline: plain Fastify + pg pool, one single-row INSERT per request, same DB, same C.
    const pool = new pg.Pool({ connectionString: dbUrl, max: config.DATABASE_POOL_SIZE })
    cleanup.unshift(() => pool.end())
    await pool.query('create table bench_baseline (id bigserial primary key, body jsonb not null, received_at timestamptz not null default now())')
    const bare = Fastify({ logger: false, bodyLimit: 2 * 1024 * 1024 })
    bare.post('/ingest', async (req) => {
      await pool.query('insert into bench_baseline (body) values ($1)', [req.body])
      return { ok: true }
    })
    const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' })
    cleanup.unshift(() => bare.close())
    for (let i = 0; i < 20; i++) await request(`${bareUrl}/ingest`, 'POST', bodies[i]!.raw, { 'content-type': 'application/json' })
    process.stderr.write(`baseline: N=${N} C=${C} ...\n`)
    const loadBeforeBase = loadavg()
    const base2 = await drive(N, C, async (i) => (await request(`${bareUrl}/ingest`, 'POST', bodies[i]!.raw, { 'content-type': 'application/json' })).status)
    const loadAfterBase = loadavg()

    const f = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '-')
    const rows = [
      ['run', 'ok/sent', 'req/s', 'p50 ms', 'p99 ms', 'seconds', 'load avg before', 'load avg after'],
      ['aduan WhatsApp webhook', `${hooks.ok}/${hooks.sent}`, f(hooks.perSecond), f(pct(hooks.latencies, 50)), f(pct(hooks.latencies, 99)), f(hooks.seconds), loadBeforeHooks, loadAfterHooks],
      ['bare Fastify + INSERT', `${base2.ok}/${base2.sent}`, f(base2.perSecond), f(pct(base2.latencies, 50)), f(pct(base2.latencies, 99)), f(base2.seconds), loadBeforeBase, loadAfterBase],
    ]
    const w = rows[0]!.map((_, j) => Math.max(...rows.map((r) => r[j]!.length)))
    const line = (r: string[]) => r.map((c, j) => (j === 0 ? c.padEnd(w[j]!) : c.padStart(w[j]!))).join('  ')
    console.log(`\nbench/ingest  ROLE=${ROLE}  N=${N} C=${C}  node ${process.version}  ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? '?'})  PostgreSQL ${(await pool.query('show server_version')).rows[0].server_version}  pool=${config.DATABASE_POOL_SIZE} JOB_CONCURRENCY=${config.JOB_CONCURRENCY}`)
    console.log(line(rows[0]!))
    console.log(line(rows[1]!))
    console.log(line(rows[2]!))
    console.log(`non-200 answers: aduan ${JSON.stringify(Object.fromEntries(Object.entries(hooks.statuses).filter(([k]) => k !== '200')))}  baseline ${JSON.stringify(Object.fromEntries(Object.entries(base2.statuses).filter(([k]) => k !== '200')))}`)
    console.log(`webhook -> acknowledgement (Graph send seen by simulator): ${ackMs.length}/${hooks.ok} acked  p50 ${f(pct(ackMs, 50))} ms  p95 ${f(pct(ackMs, 95))} ms  max ${f(ackMs.at(-1) ?? NaN)} ms  (load avg when acks done: ${loadAfterAcks})`)
    console.log(`backlog drained in ${f((lastAck - firstAnswer) / 1000)} s after the first accepted webhook (${f(ackMs.length / ((lastAck - firstAnswer) / 1000))} acks/s); reports created: ${reports}; simulator calls: ${sim.calls()}`)
  } finally {
    for (const c of cleanup) await c().catch((e) => process.stderr.write(`cleanup: ${e}\n`))
    cleanup = []
    agent.destroy()
    const a = new pg.Client({ connectionString: ADMIN_URL })
    await a.connect()
    await a.query(`drop database if exists ${dbName} with (force)`)
    await a.end()
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err)
    process.exit(1)
  },
)
