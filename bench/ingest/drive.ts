// The load generator, in a process of its own so its CPU is counted apart from aduan's: wrk with
// bench/ingest/wrk.lua when wrk is installed (apt-get install wrk; a C event loop, a few µs of CPU
// per request), else bench/ingest/drive-node.mjs (Node's http client, several times more CPU per
// request on the same cores as the server). DRIVER=node forces the fallback. Either way every
// request is a distinct WhatsApp event signed as Meta signs it, and the server verifies each one.
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const HERE = path.dirname(fileURLToPath(import.meta.url))

export interface DriveResult {
  driver: string
  requests: number
  ok: number
  seconds: number
  /** Closed loop: answers 200 per second of the run. Open loop (`rate`): per second from the first answer to the last. */
  perSecond: number
  /** The offered rate (open loop), or null (closed loop). */
  rate: number | null
  p50ms: number
  p99ms: number
  maxMs: number
  errors: Record<string, number>
  /** CPU the driver process used (ms, user + system). */
  cpuMs: number
}

export function wrkAvailable(): boolean {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' })
    return true
  } catch (e) {
    // wrk --version prints its usage and exits 1: it is there.
    return (e as { status?: number }).status === 1
  }
}

let warned = false
export function driverName(): 'wrk' | 'node' {
  if (process.env.DRIVER === 'node') return 'node'
  if (wrkAvailable()) return 'wrk'
  if (!warned) process.stderr.write('bench/ingest: wrk is not installed (apt-get install -y wrk); driving with the Node fallback, which takes 7x more CPU per request on the same cores\n')
  warned = true
  return 'node'
}

/** Writes the requests (signature TAB body per line) to a file the driver reads before it starts timing. */
export function writeRequests(bodies: { raw: string; sig: string }[]): string {
  const file = path.join(os.tmpdir(), `aduan-bench-ingest-${process.pid}-${Date.now()}.txt`)
  fs.writeFileSync(file, bodies.map((b) => `${b.sig}\t${b.raw}`).join('\n') + '\n')
  return file
}

/**
 * Sends `count` of the file's requests to `url` over `conns` keep-alive connections; no new
 * request after maxSeconds. The file needs `conns` spare lines past `count` (wrk may have that
 * many in flight when it stops).
 */
export async function drive(opts: { file: string; url: string; count: number; conns: number; maxSeconds: number; rate?: number }): Promise<DriveResult> {
  const driver = driverName()
  // One thread: it stops the run itself when the count is reached (wrk.lua); one wrk thread
  // sends tens of thousands of requests per second, far above what is measured here.
  const threads = 1
  const cmd =
    driver === 'wrk'
      ? ['wrk', '-t', String(threads), '-c', String(opts.conns), '-d', `${opts.maxSeconds}s`, '--timeout', '10s', '-s', path.join(HERE, 'wrk.lua'), opts.url, '--', opts.file, String(threads), String(opts.count)]
      : [process.execPath, path.join(HERE, 'drive-node.mjs'), opts.file, opts.url, String(opts.count), String(opts.conns), String(opts.maxSeconds), String(opts.rate ?? 0)]
  // The shell reports its reaped child's CPU (cutime + cstime in /proc/$$/stat): exact, even though
  // the driver has exited by the time we look.
  const script = `"$@"; echo "CHILDSTAT $(cat /proc/$$/stat)"`
  const child = spawn('sh', ['-c', script, 'sh', ...cmd], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, WRK_RATE: String(opts.rate ?? 0) } })
  let out = ''
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()))
  await new Promise<void>((resolve) => child.on('exit', () => resolve()))
  const json = /WRKJSON (.*)/.exec(out)?.[1]
  const stat = /CHILDSTAT .*\) (.*)/.exec(out)?.[1]?.split(' ')
  if (!json || !stat) throw new Error(`driver output not understood:\n${out}`)
  const r = JSON.parse(json) as { requests: number; duration_us: number; answer_span_us: number; ok: number; overflow: number; errors: Record<string, number>; p50_us: number; p99_us: number; max_us: number }
  if (r.overflow > 0) throw new Error(`driver ran out of distinct requests (${r.overflow} repeated): not an honest run`)
  const seconds = r.duration_us / 1e6
  return {
    driver,
    requests: r.requests,
    ok: r.ok,
    seconds,
    perSecond: opts.rate ? (r.ok - 1) / (r.answer_span_us / 1e6) : r.ok / seconds,
    rate: opts.rate ?? null,
    p50ms: r.p50_us / 1000,
    p99ms: r.p99_us / 1000,
    maxMs: r.max_us / 1000,
    errors: Object.fromEntries(Object.entries(r.errors).filter(([, v]) => v > 0)),
    cpuMs: (Number(stat[13]) + Number(stat[14])) * 10,
  }
}
