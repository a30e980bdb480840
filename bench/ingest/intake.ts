// bench/ingest/intake.ts: the intake workers alone. Stores N signed WhatsApp complaints through
// the webhook route with no worker running, then starts the job workers and times how long the
// backlog takes to become N reports and N acknowledgements sent (through a local Graph stand-in).
// Usage: N=3000 npx tsx bench/ingest/intake.ts   (env as run.ts: BENCH_DATABASE_URL, JOB_CONCURRENCY,
//        DATABASE_POOL_SIZE). Prints the load average before and after.
import crypto from 'node:crypto'
import http from 'node:http'
import os from 'node:os'
import type { AddressInfo } from 'node:net'
import pg from 'pg'
import { createTenant } from '../../src/accounts/tenants.ts'
import { createUser } from '../../src/accounts/users.ts'
import { loadConfig } from '../../src/config.ts'
import { startJobs } from '../../src/jobs/index.ts'
import { start } from '../../src/main.ts'
import { metaChannelConfigs, metaJson, whatsappTextPayload } from '../../test/simulators/meta.ts'

const N = Number(process.env.N ?? 3000)
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const loadavg = () => os.loadavg().map((x) => x.toFixed(2)).join(', ')
const agent = new http.Agent({ keepAlive: true, maxSockets: 32 })

function post(url: string, body: string, headers: Record<string, string>) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const u = new URL(url)
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

async function main() {
  const dbName = `aduan_bench_${crypto.randomBytes(5).toString('hex')}`
  const admin = new pg.Client({ connectionString: ADMIN_URL })
  await admin.connect()
  await admin.query(`create database ${dbName}`)
  await admin.end()
  const u = new URL(ADMIN_URL)
  u.pathname = `/${dbName}`
  let sends = 0
  const graph = http.createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      sends++
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ messaging_product: 'whatsapp', messages: [{ id: `wamid.${crypto.randomBytes(12).toString('hex')}` }] }))
    })
  })
  await new Promise<void>((r) => graph.listen(0, '127.0.0.1', r))
  const graphUrl = `http://127.0.0.1:${(graph.address() as AddressInfo).port}`
  const config = loadConfig({
    DATABASE_URL: u.toString(),
    ROLE: 'api',
    LOG_LEVEL: 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    BASE_URL: 'http://127.0.0.1:3000',
    SECRET_KEY: crypto.randomBytes(32).toString('base64url'),
    DATA_DIR: `.tmp/bench-intake-${dbName}`,
    ...(process.env.DATABASE_POOL_SIZE ? { DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE } : {}),
    ...(process.env.JOB_CONCURRENCY ? { JOB_CONCURRENCY: process.env.JOB_CONCURRENCY } : {}),
  })
  const running = await start(config, { listen: true, logger: false })
  try {
    const tenant = await createTenant(running.ctx.db, { slug: 'bench', name: 'Pemerintah Bench', kind: 'kabupaten', regionCode: '11.15', timeZone: 'Asia/Jakarta', codePrefix: 'BEN' })
    const user = await createUser(running.ctx.db, { email: 'op@bench.test', name: 'Op', password: 'correct-horse-battery', tenantId: tenant.id, role: 'operator', agencyId: null })
    const login = await post(`${running.url}/api/auth/login`, JSON.stringify({ email: user.email, password: 'correct-horse-battery' }), { 'content-type': 'application/json' })
    const cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).find((c) => c.startsWith('aduan_session='))!
    const ch = await post(`${running.url}/api/channels`, JSON.stringify({ type: 'whatsapp', name: 'WA', config: metaChannelConfigs(graphUrl).whatsapp }), {
      'content-type': 'application/json',
      cookie,
      'x-csrf-token': JSON.parse(login.body).csrfToken,
    })
    const hook = `${running.url}/webhooks/whatsapp/${JSON.parse(ch.body).id}`
    let next = 0
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (next < N) {
          const i = next++
          const raw = metaJson(whatsappTextPayload({ from: `62812${String(i).padStart(8, '0')}`, name: `Warga ${i}`, text: `Jalan rusak di gampong nomor ${i}, mohon segera diperbaiki` }).payload)
          const r = await post(hook, raw, { 'content-type': 'application/json', 'x-hub-signature-256': 'sha256=' + crypto.createHmac('sha256', 'sim-app-secret').update(raw).digest('hex') })
          if (r.status !== 200) throw new Error(`webhook ${r.status}`)
        }
      }),
    )
    const q = async (s: string) => Number((await running.ctx.database.query<{ n: number }>(s))[0]!.n)
    const before = loadavg()
    const t0 = performance.now()
    const jobs = await startJobs(running.ctx, { schedules: false })
    let tReports = NaN
    for (;;) {
      const reports = await q('select count(*)::int as n from reports')
      if (reports >= N && Number.isNaN(tReports)) tReports = (performance.now() - t0) / 1000
      if (sends >= N) break
      if (performance.now() - t0 > 300_000) break
      await new Promise((r) => setTimeout(r, 50))
    }
    const tAcks = (performance.now() - t0) / 1000
    await jobs.stop(5000)
    console.log(`bench/ingest/intake  N=${N}  JOB_CONCURRENCY=${config.JOB_CONCURRENCY} pool=${config.DATABASE_POOL_SIZE}`)
    console.log(`backlog of ${N}: all reports in ${tReports.toFixed(1)} s (${(N / tReports).toFixed(0)}/s); all ${sends} acks sent in ${tAcks.toFixed(1)} s (${(sends / tAcks).toFixed(0)}/s)`)
    console.log(`load avg before: ${before}  after: ${loadavg()}`)
  } finally {
    await running.stop()
    graph.close()
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
