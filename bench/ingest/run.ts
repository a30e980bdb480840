// bench/ingest: signed WhatsApp webhooks against aduan on PostgreSQL, beside a bare
// single-row-INSERT Fastify baseline on the same database, in the same run.
// Usage: npx tsx bench/ingest/run.ts   (env: N=3000 C=32 MAX_SECONDS=60 ACK_WAIT_SECONDS=60
//        BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test
//        ROLE=all        one aduan process with HTTP and job workers (the default deployment)
//        ROLE=split      two aduan processes: ROLE=api (HTTP) and ROLE=worker (jobs);
//                        WORKER_NICE=n or WORKER_SCHED=idle lower the worker's CPU priority
//        RATE=n          open loop: n webhooks/s offered over C connections (default: closed loop)
//        ROLE=api        aduan without job workers: the webhook path alone, no ack figure
//        DRIVER=node     the Node load generator even when wrk is installed
//        WARM=3000       warm-up webhooks (and their acknowledgements) before the timed phase
//        DATABASE_POOL_SIZE, JOB_CONCURRENCY, LOG_LEVEL (default silent)   passed to aduan
//        BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=.tmp/prof"            node flags for aduan)
// aduan runs as `node bin/aduan.js serve` in child processes, the load generator (wrk, or the Node
// fallback) in another, so the CPU each one used can be read from /proc and printed per accepted
// webhook beside PostgreSQL's. The load average is printed before and after each phase.
import Fastify from 'fastify'
import os from 'node:os'
import fs from 'node:fs'
import pg from 'pg'
import { drive, driverName, writeRequests } from './drive.ts'
import {
  aduanEnv,
  closeAgent,
  cpuSplit,
  createBenchDb,
  createWhatsappChannel,
  explainIfAsked,
  loadavg,
  prepareDb,
  sampleCpu,
  signedBodies,
  startAduan,
  startGraphSim,
  type AduanProcess,
} from './lib.ts'

const N = Number(process.env.N ?? 3000)
const C = Number(process.env.C ?? 32)
// RATE=n: the timed phases offer n webhooks per second (open loop, over C connections) instead of
// sending as fast as C connections allow; req/s is then counted from the first answer to the last
const RATE = process.env.RATE ? Number(process.env.RATE) : undefined
const MAX_SECONDS = Number(process.env.MAX_SECONDS ?? 60)
const ACK_WAIT_MS = Number(process.env.ACK_WAIT_SECONDS ?? 60) * 1000
const ROLE = (process.env.ROLE ?? 'all') as 'all' | 'api' | 'split'
const WARM = Number(process.env.WARM ?? 3000)

function pct(sorted: number[], p: number): number {
  if (!sorted.length) return NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}
const f = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '-')

async function main() {
  const db = await createBenchDb()
  const cleanup: (() => Promise<void>)[] = [db.drop]
  const files: string[] = []
  try {
    const { database, email } = await prepareDb(db.url)
    await explainIfAsked(database, db.name)
    cleanup.unshift(() => database.close())
    const sim = await startGraphSim()
    cleanup.unshift(sim.close)
    const env = aduanEnv(db, 'ingest')
    const procs: AduanProcess[] = []
    cleanup.unshift(async () => {
      for (const p of procs) await p.stop()
    })
    procs.push(await startAduan(ROLE === 'all' ? 'all' : 'api', env))
    if (ROLE === 'split') procs.push(await startAduan('worker', env))
    const api = procs[0]!
    const hookPath = await createWhatsappChannel(api.url, email, sim.url)

    // Warm-up (not counted): WARM webhooks from numbers outside the measured range, driven the same
    // way, and their acknowledgements. A server that takes 3,000 webhooks a second is warm; with
    // a few hundred, a third of the measured CPU was V8 still compiling (perf, session 5).
    const warmFile = writeRequests(signedBodies(WARM + C + 8, '62899'))
    files.push(warmFile)
    const warmed = await drive({ file: warmFile, url: api.url + hookPath, count: WARM, conns: C, maxSeconds: MAX_SECONDS })
    if (warmed.ok !== warmed.requests) throw new Error(`warm-up: ${warmed.requests - warmed.ok} webhooks not accepted ${JSON.stringify(warmed.errors)}`)
    const warmDeadline = Date.now() + 60_000
    while (ROLE !== 'api' && sim.firstSend.size < WARM && Date.now() < warmDeadline) await new Promise((r) => setTimeout(r, 50))
    // Current planner statistics, as autovacuum keeps them in production: planned on the empty
    // tables, the foreign-key checks' cached plans scanned a tenant's reports by tenant_id alone
    // (auto_explain, session 5; at this size it made no measurable difference).
    await database.query('analyze')
    await new Promise((r) => setTimeout(r, 1000)) // let the optimising compiler finish

    // N distinct signed complaints (each its own sender), plus C spare ones the driver may have in
    // flight when it stops; signed before the timed phase, read by the driver before it starts.
    const bodies = signedBodies(N + C + 8)
    const file = writeRequests(bodies)
    files.push(file)

    const named = () => Object.fromEntries(procs.map((p) => [`aduan ROLE=${p.role} (node)`, p.child.pid]))
    process.stderr.write(`aduan webhooks: ROLE=${ROLE} N=${N} C=${C} driver=${driverName()} ...\n`)
    const loadBeforeHooks = loadavg()
    const cpu0 = await sampleCpu(named(), db.name)
    const hooks = await drive({ file, url: api.url + hookPath, count: N, conns: C, maxSeconds: MAX_SECONDS, rate: RATE })
    const cpu1 = await sampleCpu(named(), db.name)
    const loadAfterHooks = loadavg()
    cpu1.procs.set(`load generator (${hooks.driver})`, hooks.cpuMs)
    cpu0.procs.set(`load generator (${hooks.driver})`, 0)

    // Webhook -> acknowledgement: from the moment the webhook's row was written (its statement's
    // start, a little before the 200 left) to the first send to that sender seen by the stand-in.
    const received = async () =>
      (
        await database.query<{ from: string; at: string }>(
          `select body::jsonb->'entry'->0->'changes'->0->'value'->'messages'->0->>'from' as from,
             (extract(epoch from received_at) * 1000)::float8::text as at
           from inbound_events where body like '%"from":"62812%'`,
        )
      ).map((r) => ({ from: r.from, at: Number(r.at) }))
    let stored = await received()
    process.stderr.write(`waiting for acknowledgements of ${stored.length} stored webhooks ...\n`)
    const ackDeadline = Date.now() + ACK_WAIT_MS
    while (ROLE !== 'api' && Date.now() < ackDeadline && stored.some((s) => !sim.firstSend.has(s.from))) await new Promise((r) => setTimeout(r, 50))
    const cpu2 = await sampleCpu(named(), db.name)
    const loadAfterAcks = loadavg()
    stored = await received()
    const ackMs = stored.flatMap((s) => (sim.firstSend.has(s.from) ? [sim.firstSend.get(s.from)! - s.at] : [])).sort((a, b) => a - b)
    const firstAt = Math.min(...stored.map((s) => s.at))
    const lastAck = Math.max(...stored.map((s) => sim.firstSend.get(s.from) ?? -Infinity))
    const reports = (await database.query<{ n: string }>('select count(*)::text as n from reports'))[0]!.n
    for (const p of procs) await p.stop()
    procs.length = 0

    // Baseline: plain Fastify + pg pool, one single-row INSERT per request, same DB, same driver and C.
    const poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 10)
    const pool = new pg.Pool({ connectionString: db.url, max: poolSize })
    cleanup.unshift(() => pool.end())
    await pool.query('create table bench_baseline (id bigserial primary key, body jsonb not null, received_at timestamptz not null default now())')
    const bare = Fastify({ logger: false, bodyLimit: 2 * 1024 * 1024 })
    bare.post('/ingest', async (req) => {
      await pool.query('insert into bench_baseline (body) values ($1)', [req.body])
      return { ok: true }
    })
    const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' })
    cleanup.unshift(() => bare.close())
    await drive({ file: warmFile, url: `${bareUrl}/ingest`, count: WARM, conns: C, maxSeconds: MAX_SECONDS })
    await new Promise((r) => setTimeout(r, 1000))
    const loadBeforeBase = loadavg()
    const cpuB0 = await sampleCpu({}, db.name)
    const base = await drive({ file, url: `${bareUrl}/ingest`, count: N, conns: C, maxSeconds: MAX_SECONDS, rate: RATE })
    const cpuB1 = await sampleCpu({}, db.name)
    cpuB1.procs.set(`load generator (${base.driver})`, base.cpuMs)
    const loadAfterBase = loadavg()

    const rows = [
      ['run', 'ok/answered', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'seconds', 'load avg before', 'load avg after'],
      ['aduan WhatsApp webhook', `${hooks.ok}/${hooks.requests}`, f(hooks.perSecond), f(hooks.p50ms), f(hooks.p99ms), f(hooks.maxMs), f(hooks.seconds), loadBeforeHooks, loadAfterHooks],
      ['bare Fastify + INSERT', `${base.ok}/${base.requests}`, f(base.perSecond), f(base.p50ms), f(base.p99ms), f(base.maxMs), f(base.seconds), loadBeforeBase, loadAfterBase],
    ]
    const wd = rows[0]!.map((_, j) => Math.max(...rows.map((r) => r[j]!.length)))
    const line = (r: string[]) => r.map((c, j) => (j === 0 ? c.padEnd(wd[j]!) : c.padStart(wd[j]!))).join('  ')
    const version = (await pool.query('show server_version')).rows[0].server_version
    console.log(`\nbench/ingest  ROLE=${ROLE}  N=${N} C=${C}${RATE ? ` RATE=${RATE} (open loop)` : ""}  driver=${hooks.driver}  node ${process.version}  ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? '?'})  PostgreSQL ${version}  pool=${env.DATABASE_POOL_SIZE ?? 10} JOB_CONCURRENCY=${env.JOB_CONCURRENCY ?? 4}`)
    for (const r of rows) console.log(line(r))
    console.log(`errors: aduan ${JSON.stringify(hooks.errors)}  baseline ${JSON.stringify(base.errors)}`)
    console.log(`stored webhook events in the measured range: ${stored.length} (answered ${hooks.requests}; the rest were in flight when the driver stopped)`)
    for (const l of cpuSplit(cpu0, cpu1, hooks.ok).lines) console.log(`webhook phase: ${l}`)
    for (const l of cpuSplit(cpuB0, cpuB1, base.ok).lines) console.log(`baseline (bench script = the bare server): ${l}`)
    if (ROLE !== 'api') {
      console.log(
        `webhook -> acknowledgement: ${ackMs.length}/${stored.length} acked  p50 ${f(pct(ackMs, 50))} ms  p95 ${f(pct(ackMs, 95))} ms  max ${f(ackMs.at(-1) ?? NaN)} ms  (load avg when acks done: ${loadAfterAcks})`,
      )
      console.log(`all acknowledged ${f((lastAck - firstAt) / 1000)} s after the first webhook was stored (${f(ackMs.length / ((lastAck - firstAt) / 1000))} acks/s); reports: ${reports}; Graph calls: ${sim.calls()}`)
      for (const l of cpuSplit(cpu0, cpu2, ackMs.length).lines) console.log(`webhooks + acks: ${l}`)
    }
  } finally {
    for (const c of cleanup) await c().catch((e) => process.stderr.write(`cleanup: ${e}\n`))
    for (const file of files) fs.rmSync(file, { force: true })
    closeAgent()
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err)
    process.exit(1)
  },
)
