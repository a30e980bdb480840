// bench/ingest/intake.ts: the intake workers alone. Stores N signed WhatsApp complaints through the
// webhook route of a ROLE=api process (no worker running), then starts a ROLE=worker process and
// times how long the backlog takes to become N reports and N acknowledgements sent (through a local
// Graph stand-in), with the CPU each process used per event.
// Usage: N=1500 npx tsx bench/ingest/intake.ts   (env as run.ts: BENCH_DATABASE_URL, JOB_CONCURRENCY,
//        DATABASE_POOL_SIZE, LOG_LEVEL, BENCH_NODE_ARGS, BENCH_PG_EXPLAIN). Prints the load average before and after.
import fs from 'node:fs'
import { drive, writeRequests } from './drive.ts'
import { aduanEnv, closeAgent, cpuSplit, createBenchDb, createWhatsappChannel, explainIfAsked, loadavg, prepareDb, sampleCpu, signedBodies, startAduan, startGraphSim, type AduanProcess } from './lib.ts'

const N = Number(process.env.N ?? 1500)

async function main() {
  const db = await createBenchDb()
  const cleanup: (() => Promise<void>)[] = [db.drop]
  const files: string[] = []
  try {
    const { database, email } = await prepareDb(db.url)
    cleanup.unshift(() => database.close())
    await explainIfAsked(database, db.name)
    const sim = await startGraphSim()
    cleanup.unshift(sim.close)
    const env = aduanEnv(db, 'intake')
    const procs: AduanProcess[] = []
    cleanup.unshift(async () => {
      for (const p of procs) await p.stop()
    })
    const api = await startAduan('api', env)
    procs.push(api)
    const hookPath = await createWhatsappChannel(api.url, email, sim.url)
    const file = writeRequests(signedBodies(N + 40))
    files.push(file)
    const stored = await drive({ file, url: api.url + hookPath, count: N, conns: 32, maxSeconds: 120 })
    if (stored.ok !== stored.requests) throw new Error(`webhooks not accepted: ${JSON.stringify(stored.errors)}`)
    await api.stop()
    const events = Number((await database.query<{ n: number }>('select count(*)::int as n from inbound_events'))[0]!.n)

    const before = loadavg()
    const worker = await startAduan('worker', env)
    procs.push(worker)
    // The worker's start (module loading, migrations check) is outside the timing: from here on it
    // only processes the backlog.
    const cpu0 = await sampleCpu({ 'aduan ROLE=worker (node)': worker.child.pid }, db.name)
    const t0 = performance.now()
    let tReports = NaN
    for (;;) {
      const reports = Number((await database.query<{ n: number }>('select count(*)::int as n from reports'))[0]!.n)
      if (reports >= events && Number.isNaN(tReports)) tReports = (performance.now() - t0) / 1000
      if (sim.firstSend.size >= events || performance.now() - t0 > 300_000) break
      await new Promise((r) => setTimeout(r, 50))
    }
    const tAcks = (performance.now() - t0) / 1000
    const cpu1 = await sampleCpu({ 'aduan ROLE=worker (node)': worker.child.pid }, db.name)
    console.log(`bench/ingest/intake  N=${N} (stored events ${events})  JOB_CONCURRENCY=${env.JOB_CONCURRENCY ?? 4} pool=${env.DATABASE_POOL_SIZE ?? 10}`)
    console.log(`backlog of ${events}: all reports in ${tReports.toFixed(1)} s (${(events / tReports).toFixed(0)}/s); all ${sim.firstSend.size} acks sent in ${tAcks.toFixed(1)} s (${(sim.firstSend.size / tAcks).toFixed(0)}/s)`)
    console.log(`load avg before: ${before}  after: ${loadavg()}`)
    for (const l of cpuSplit(cpu0, cpu1, events).lines) console.log(`worker phase: ${l}`)
  } finally {
    for (const c of cleanup) await c().catch((e) => process.stderr.write(`cleanup: ${e}\n`))
    for (const f of files) fs.rmSync(f, { force: true })
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
