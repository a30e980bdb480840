// The portal on a slow phone: Chromium through CDP with slow-3G-like conditions (400 kbit/s down
// and up, 400 ms round trip) and the CPU slowed 4x. For each page, a cold visit (fresh profile,
// no service worker, empty cache) and a repeat visit (same profile, after the service worker
// installed): bytes transferred, first contentful paint, DOMContentLoaded, load, and time to
// interactive (see README.md for the definition). Median of RUNS visits.
//   npx tsx bench/portal/run.ts                 # starts its own server with the demo tenant
//   PORTAL_URL=http://127.0.0.1:3000 npx tsx bench/portal/run.ts
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'
import { loadConfig } from '../../src/config.ts'
import { start, type Running } from '../../src/main.ts'

const RUNS = Number(process.env.RUNS ?? 3)
const NETWORK = { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 }
const CPU_SLOWDOWN = 4
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

interface Visit {
  ttfb: number
  bytes: number
  requests: number
  fcp: number
  dcl: number
  load: number
  tti: number
}

async function visit(context: BrowserContext, url: string): Promise<Visit> {
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false })
  await cdp.send('Network.emulateNetworkConditions', NETWORK)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
  let bytes = 0
  let requests = 0
  let lastNetwork = 0
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number; timestamp: number }) => {
    bytes += e.encodedDataLength
    requests++
    lastNetwork = Math.max(lastNetwork, e.timestamp)
  })
  // Long tasks are recorded from the very start of the document.
  await page.addInitScript(() => {
    ;(window as unknown as { __long: number[] }).__long = []
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) (window as unknown as { __long: number[] }).__long.push(e.startTime + e.duration)
    }).observe({ type: 'longtask', buffered: true })
  })
  await page.goto(url, { waitUntil: 'load' })
  await page.waitForTimeout(1500) // let the service worker install and late requests settle
  const t = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0
    const long = (window as unknown as { __long: number[] }).__long
    return { ttfb: nav.responseStart, fcp, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, lastLong: long.length ? Math.max(...long) : 0, origin: performance.timeOrigin }
  })
  await page.close()
  void lastNetwork
  // TTI: the page is painted, parsed, its deferred script ran (DCL), the load event ended and no
  // long task (> 50 ms) was still running: the latest of those instants.
  return { ttfb: t.ttfb, bytes, requests, fcp: t.fcp, dcl: t.dcl, load: t.load, tti: Math.max(t.fcp, t.dcl, t.load, t.lastLong) }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

async function main() {
  let running: Running | null = null
  let tmp: string | null = null
  let base = process.env.PORTAL_URL
  if (!base) {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aduan-bench-portal-'))
    const config = loadConfig({ DATA_DIR: tmp, PORT: '0', HOST: '127.0.0.1', BASE_URL: 'http://127.0.0.1', ADUAN_DEMO_PASSWORD: 'bench-password-1', LOG_LEVEL: 'silent' })
    running = await start(config, { logger: false })
    base = running.url
    await new Promise((r) => setTimeout(r, 15_000)) // let the demo's start-up jobs finish
  }
  for (const p of ['/', '/lapor', '/laporan']) await fetch(`${base}${p}`) // warm the server, not the browser
  const list = (await (await fetch(`${base}/api/portal/reports`)).json()) as { items: { trackingCode: string }[] }
  const pages: [string, string][] = [
    ['home /', '/'],
    ['file a report /lapor', '/lapor'],
    ['public reports /laporan', '/laporan'],
    ['one public report /laporan/:code', `/laporan/${list.items[0]!.trackingCode}`],
    ['track by code /lacak?kode=', `/lacak?kode=${list.items[0]!.trackingCode}`],
  ]
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
  const rows: string[] = []
  for (const [name, p] of pages) {
    const cold: Visit[] = []
    const warm: Visit[] = []
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true })
      cold.push(await visit(context, `${base}${p}`))
      warm.push(await visit(context, `${base}${p}`))
      await context.close()
    }
    const f = (v: Visit[], k: keyof Visit) => median(v.map((x) => x[k]))
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
    const s = (n: number) => `${(n / 1000).toFixed(2)} s`
    rows.push(
      `| ${name} | ${kb(f(cold, 'bytes'))} (${f(cold, 'requests')} req) | ${s(f(cold, 'ttfb'))} | ${s(f(cold, 'fcp'))} | ${s(f(cold, 'tti'))} | ${s(f(warm, 'tti'))} |`,
    )
    console.error(`${name}: done`)
  }
  await browser.close()
  console.log('| page | cold: transferred | cold: first byte | cold: first paint | cold: time to interactive | repeat visit: time to interactive |')
  console.log('| --- | --- | --- | --- | --- | --- |')
  for (const r of rows) console.log(r)
  await running?.stop()
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true })
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
