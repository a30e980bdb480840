// bench/ingest/drive-node.mjs: the fallback load generator when wrk is not installed. Plain
// JavaScript in its own process (its CPU is counted apart from aduan's): C keep-alive workers POST
// the pre-signed requests of FILE (signature TAB body per line) until COUNT answers came back.
// Prints one line: WRKJSON {...} with the same fields as bench/ingest/wrk.lua.
import fs from 'node:fs'
import http from 'node:http'

const [file, url, countArg, connArg, maxSecondsArg, rateArg] = process.argv.slice(2)
const rate = Number(rateArg ?? 0) // requests per second (open loop), 0: closed loop
const count = Number(countArg)
const conns = Number(connArg)
const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)
const u = new URL(url)
const agent = new http.Agent({ keepAlive: true, maxSockets: conns })
const reqs = lines.map((l) => {
  const tab = l.indexOf('\t')
  const body = Buffer.from(l.slice(tab + 1))
  return { body, headers: { 'content-type': 'application/json', 'user-agent': 'facebookexternalua', 'x-hub-signature-256': l.slice(0, tab), 'content-length': String(body.length) } }
})

function post(r) {
  return new Promise((resolve) => {
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', agent, headers: r.headers }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
      res.on('error', () => resolve(0))
    })
    req.on('error', () => resolve(0))
    req.end(r.body)
  })
}

let next = 0
let answered = 0
let ok = 0
let failed = 0
const lat = []
let firstAnswer = 0
let lastAnswer = 0
const t0 = performance.now()
const deadline = t0 + Number(maxSecondsArg ?? 60) * 1000
async function worker() {
  while (next < count && performance.now() < deadline) {
    const k = next++
    const r = reqs[k]
    if (rate > 0) {
      const wait = t0 + (k * 1000) / rate - performance.now()
      if (wait > 0) await new Promise((ok) => setTimeout(ok, wait))
    }
    const s = performance.now()
    const status = await post(r)
    const now = performance.now()
    lat.push((now - s) * 1000)
    if (!firstAnswer) firstAnswer = now
    lastAnswer = now
    answered++
    if (status === 200) ok++
    else failed++
  }
}
await Promise.all(Array.from({ length: conns }, worker))
const duration = (performance.now() - t0) * 1000
lat.sort((a, b) => a - b)
const pct = (p) => Math.round(lat[Math.min(lat.length - 1, Math.max(0, Math.ceil((p / 100) * lat.length) - 1))] ?? 0)
process.stdout.write(
  `WRKJSON ${JSON.stringify({ requests: answered, duration_us: Math.round(duration), answer_span_us: Math.round((lastAnswer - firstAnswer) * 1000), ok, overflow: 0, errors: { connect: 0, read: 0, write: 0, status: failed, timeout: 0 }, p50_us: pct(50), p99_us: pct(99), max_us: Math.round(lat.at(-1) ?? 0) })}\n`,
)
agent.destroy()
