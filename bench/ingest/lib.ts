// Shared pieces of bench/ingest: a throwaway database, aduan in child processes (the real
// `bin/aduan.js serve`), the tenant/operator/WhatsApp channel, pre-signed webhook bodies, the
// Graph API stand-in, and CPU accounting per process (/proc), so a figure can be split into what
// the load generator, aduan and PostgreSQL each spent.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { createTenant } from '../../src/accounts/tenants.ts'
import { createUser } from '../../src/accounts/users.ts'
import { openDatabase } from '../../src/db/connect.ts'
import { metaChannelConfigs, metaJson, whatsappTextPayload } from '../../test/simulators/meta-payloads.ts'

export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
export const APP_SECRET = 'sim-app-secret'
const PASSWORD = 'correct-horse-battery'
const ROOT = fileURLToPath(new URL('../../', import.meta.url))

export const loadavg = () => os.loadavg().map((x) => x.toFixed(2)).join(', ')

export async function createBenchDb(): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `aduan_bench_${crypto.randomBytes(5).toString('hex')}`
  const admin = new pg.Client({ connectionString: ADMIN_URL })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const u = new URL(ADMIN_URL)
  u.pathname = `/${name}`
  return {
    name,
    url: u.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: ADMIN_URL })
      await a.connect()
      await a.query(`drop database if exists ${name} with (force)`)
      await a.end()
    },
  }
}

/** Migrates the database and creates the bench tenant and its operator. */
export async function prepareDb(url: string) {
  const database = await openDatabase({ databaseUrl: url, poolSize: 2 })
  await database.migrate()
  const tenant = await createTenant(database.db, { slug: 'bench', name: 'Pemerintah Bench', kind: 'kabupaten', regionCode: '11.15', timeZone: 'Asia/Jakarta', codePrefix: 'BEN' })
  const user = await createUser(database.db, { email: 'operator@bench.test', name: 'Operator Bench', password: PASSWORD, tenantId: tenant.id, role: 'operator', agencyId: null })
  return { database, email: user.email }
}

export async function freePort(): Promise<number> {
  const s = net.createServer()
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r))
  const port = (s.address() as AddressInfo).port
  await new Promise<void>((r) => s.close(() => r()))
  return port
}

export interface AduanProcess {
  role: string
  child: ChildProcess
  url: string
  stop(): Promise<void>
}

/**
 * Starts `node bin/aduan.js serve` (what `npm start` runs) with ROLE `role`. Extra node flags
 * (e.g. --cpu-prof) come from BENCH_NODE_ARGS. Resolves when it answers /health (api, all) or
 * after its start line (worker).
 */
export async function startAduan(role: 'all' | 'api' | 'worker', env: Record<string, string>): Promise<AduanProcess> {
  const port = await freePort()
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)
  const child = spawn(process.execPath, [...nodeArgs, 'bin/aduan.js', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, ...env, ROLE: role, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  // WORKER_NICE=n (ROLE=split): the worker process, and the PostgreSQL backends serving it
  // (application_name 'aduan worker'), at a lower CPU priority than the webhook path.
  let renice: NodeJS.Timeout | undefined
  if (role === 'worker' && (process.env.WORKER_NICE || process.env.WORKER_SCHED === 'idle') && child.pid) {
    const nice = Number(process.env.WORKER_NICE ?? 0)
    // WORKER_SCHED=idle: SCHED_IDLE (chrt -i) for every thread, below any nice level
    const lower = (pid: number) =>
      process.env.WORKER_SCHED === 'idle' ? void spawnSync('chrt', ['-a', '-i', '-p', '0', String(pid)]) : os.setPriority(pid, nice)
    lower(child.pid)
    const admin = new pg.Client({ connectionString: env.DATABASE_URL })
    admin.on('error', () => {}) // the bench drops its database at the end
    await admin.connect()
    const done = new Set<number>()
    renice = setInterval(() => {
      admin
        .query<{ pid: number }>(`select pid from pg_stat_activity where application_name = 'aduan worker'`)
        .then(({ rows }) => {
          if (process.env.WORKER_NICE_PG === '0') return
          for (const { pid } of rows) {
            if (done.has(pid)) continue
            lower(pid)
            done.add(pid)
          }
        })
        .catch(() => {})
    }, 100)
    child.once('exit', () => (clearInterval(renice), void admin.end()))
  }
  let out = ''
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  while (!out.includes('aduan is listening')) {
    if (child.exitCode !== null) throw new Error(`aduan ${role} exited ${child.exitCode}: ${out}`)
    if (Date.now() > deadline) throw new Error(`aduan ${role} did not start: ${out}`)
    await new Promise((r) => setTimeout(r, 50))
  }
  return {
    role,
    child,
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })
export function request(url: string, method: string, body: string | undefined, headers: Record<string, string>) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const u = new URL(url)
    const req = http.request(
      { host: u.hostname, port: u.port, path: u.pathname + u.search, method, agent, headers: body !== undefined ? { ...headers, 'content-length': String(Buffer.byteLength(body)) } : headers },
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
export const closeAgent = () => agent.destroy()

/** Logs the operator in over HTTP and creates the WhatsApp channel with POST /api/channels; returns its webhook path. */
export async function createWhatsappChannel(base: string, email: string, graphUrl: string): Promise<string> {
  const login = await request(`${base}/api/auth/login`, 'POST', JSON.stringify({ email, password: PASSWORD }), { 'content-type': 'application/json' })
  if (login.status !== 200) throw new Error(`login: ${login.status} ${login.body}`)
  const cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).find((c) => c!.startsWith('aduan_session='))!
  const csrf = JSON.parse(login.body).csrfToken as string
  const ch = await request(`${base}/api/channels`, 'POST', JSON.stringify({ type: 'whatsapp', name: 'WA Bench', config: metaChannelConfigs(graphUrl).whatsapp }), {
    'content-type': 'application/json',
    cookie,
    'x-csrf-token': csrf,
  })
  if (ch.status !== 201) throw new Error(`channel: ${ch.status} ${ch.body}`)
  return `/webhooks/whatsapp/${JSON.parse(ch.body).id}`
}

export const fromOf = (i: number, prefix = '62812') => `${prefix}${String(i).padStart(8, '0')}`

/** `n` distinct complaints in Meta's wire format, each signed as Meta signs (HMAC-SHA256 of the raw body). */
export function signedBodies(n: number, prefix = '62812'): { raw: string; sig: string }[] {
  const out: { raw: string; sig: string }[] = []
  for (let i = 0; i < n; i++) {
    const raw = metaJson(whatsappTextPayload({ from: fromOf(i, prefix), name: `Warga ${i}`, text: `Jalan rusak di gampong nomor ${i}, mohon segera diperbaiki` }).payload)
    out.push({ raw, sig: 'sha256=' + crypto.createHmac('sha256', APP_SECRET).update(raw).digest('hex') })
  }
  return out
}

/**
 * Minimal Graph API stand-in that timestamps the first WhatsApp send to each recipient. Meta's
 * servers are not on this machine, so the stand-in is kept cheap (no per-call random ids or
 * response serialisation): its CPU still comes off the same two cores and is printed apart.
 */
export async function startGraphSim() {
  const firstSend = new Map<string, number>()
  let calls = 0
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const at = Date.now()
      calls++
      let body: { messaging_product?: string; to?: unknown; type?: string } | undefined
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
      } catch {
        body = undefined
      }
      const to = typeof body?.to === 'string' ? body.to : ''
      if (req.method === 'POST' && body?.messaging_product === 'whatsapp' && to && (body.type === 'text' || body.type === 'template')) {
        if (!firstSend.has(to)) firstSend.set(to, at)
      }
      res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' })
      res.end(`{"messaging_product":"whatsapp","contacts":[{"input":"${to}","wa_id":"${to}"}],"messages":[{"id":"wamid.bench${calls}"}]}`)
    })
  })
  server.keepAliveTimeout = 30_000
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    firstSend,
    calls: () => calls,
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}

// ---------------------------------------------------------------------------------------------
// CPU accounting

const TICK_MS = 10 // USER_HZ is 100 on Linux

/** CPU time (ms, user + system, all threads) a process has used so far; 0 when it is gone. */
export function procCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(f[11]) + Number(f[12])) * TICK_MS
  } catch {
    return 0
  }
}

/** Busy CPU time of the whole machine so far (ms, all cores: everything but idle and iowait). */
export function machineBusyMs(): number {
  const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number)
  const [user, nice, system, , , irq, softirq, steal] = f
  return (user! + nice! + system! + irq! + softirq! + steal!) * TICK_MS
}

/** PostgreSQL server processes: the bench database's backends and the shared background ones. */
export async function postgresPids(dbName: string): Promise<number[]> {
  const c = new pg.Client({ connectionString: ADMIN_URL })
  await c.connect()
  try {
    const r = await c.query<{ pid: number }>(
      `select pid from pg_stat_activity where pid <> pg_backend_pid() and (datname = $1 or backend_type <> 'client backend')`,
      [dbName],
    )
    return r.rows.map((x) => x.pid)
  } finally {
    await c.end()
  }
}

export interface CpuSample {
  at: number
  machine: number
  self: number
  procs: Map<string, number>
  pg: Map<number, number>
}

/** Snapshot of the CPU used by the named processes, this process, PostgreSQL and the machine. */
export async function sampleCpu(named: Record<string, number | undefined>, dbName: string): Promise<CpuSample> {
  const pids = await postgresPids(dbName)
  const u = process.cpuUsage()
  return {
    at: performance.now(),
    machine: machineBusyMs(),
    self: (u.user + u.system) / 1000,
    procs: new Map(Object.entries(named).filter(([, p]) => p).map(([k, p]) => [k, procCpuMs(p!)])),
    pg: new Map(pids.map((p) => [p, procCpuMs(p)])),
  }
}

/** CPU per process between two samples, as ms and as µs per unit of work (e.g. per accepted webhook). */
export function cpuSplit(a: CpuSample, b: CpuSample, units: number) {
  const rows: [string, number][] = []
  for (const [k, v] of b.procs) rows.push([k, v - (a.procs.get(k) ?? 0)])
  rows.push(['bench script (Graph stand-in, polling)', b.self - a.self])
  let pgMs = 0
  for (const [pid, v] of b.pg) pgMs += v - (a.pg.get(pid) ?? 0)
  rows.push(['PostgreSQL (bench DB backends + background)', pgMs])
  const known = rows.reduce((s, [, v]) => s + v, 0)
  const machine = b.machine - a.machine
  rows.push(['everything else on the machine', Math.max(0, machine - known)])
  const wall = (b.at - a.at) / 1000
  return {
    wall,
    machine,
    lines: [
      `CPU over ${wall.toFixed(1)} s wall (machine busy ${(machine / 1000).toFixed(1)} s of ${(os.cpus().length * wall).toFixed(1)} s on ${os.cpus().length} cores), per ${units} units:`,
      ...rows.map(([k, v]) => `  ${k.padEnd(46)} ${(v / 1000).toFixed(2).padStart(7)} s  ${units ? ((v * 1000) / units).toFixed(0).padStart(6) : '-'} µs/unit`),
    ],
  }
}

/**
 * BENCH_PG_EXPLAIN=<ms>: diagnostics, not for timed figures. Every statement of this database's new
 * sessions is logged with its plan and actual times (auto_explain) to the PostgreSQL server log.
 */
export async function explainIfAsked(database: { query: (sql: string) => Promise<unknown> }, dbName: string) {
  if (!process.env.BENCH_PG_EXPLAIN) return
  await database.query(`alter database ${dbName} set session_preload_libraries = 'auto_explain'`)
  await database.query(`alter database ${dbName} set auto_explain.log_min_duration = ${Number(process.env.BENCH_PG_EXPLAIN)}`)
  await database.query(`alter database ${dbName} set auto_explain.log_analyze = on`)
  await database.query(`alter database ${dbName} set auto_explain.log_nested_statements = on`)
}

/** The environment of the aduan processes a bench starts on its own database. */
export function aduanEnv(db: { name: string; url: string }, label: string): Record<string, string> {
  return {
    DATABASE_URL: db.url,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    BASE_URL: 'http://127.0.0.1:3000',
    SECRET_KEY: crypto.randomBytes(32).toString('base64url'),
    DATA_DIR: `.tmp/bench-${label}-${db.name}`,
    ...(process.env.DATABASE_POOL_SIZE ? { DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE } : {}),
    ...(process.env.JOB_CONCURRENCY ? { JOB_CONCURRENCY: process.env.JOB_CONCURRENCY } : {}),
  }
}
