// Builds the web apps (web/dist) for browser tests. Several test files (or several people's test
// runs in one checkout) may build at once; flock serialises them so no build empties web/dist
// under another's feet.
import { execSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { loadConfig } from '../../src/config.ts'
import { start, type Running } from '../../src/main.ts'

export const ROOT = path.resolve(import.meta.dirname, '../..')
export const CHROMIUM = '/usr/bin/chromium'
export const hasChromium = fs.existsSync(CHROMIUM)
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** A fingerprint of what the web build reads (web/ and src/, paths and modification times). */
function sourcesStamp(roots = ['web', 'src']): string {
  const h = crypto.createHash('sha256')
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name)
      if (e.isDirectory()) {
        if (e.name !== 'dist' && e.name !== 'node_modules') walk(p)
      } else h.update(`${p}:${fs.statSync(p).mtimeMs}\n`)
    }
  }
  for (const r of roots) walk(path.join(ROOT, r))
  return h.digest('hex')
}

/**
 * Builds web/dist once for the sources as they are: later callers (other test files, running in
 * parallel with servers that serve web/dist) find the stamp current and do not rebuild it.
 */
export function buildWeb(): void {
  const stampFile = path.join(ROOT, 'web/dist/.sources-stamp')
  const script = `s="$1"; f="$2"; if [ -f "$f" ] && [ "$(cat "$f")" = "$s" ]; then exit 0; fi; npx vite build --config web/vite.config.ts --logLevel warn && printf %s "$s" > "$f"`
  execSync(`flock /tmp/aduan-web-build.lock sh -c '${script}' sh ${sourcesStamp()} ${stampFile}`, { cwd: ROOT, stdio: 'inherit' })
}

/** The platform with its demo tenant on a fresh embedded database, and Chromium, for a browser test. */
export interface BrowserDemo {
  tmp: string
  running: Running
  browser: Browser
  base: string
  stop(): Promise<void>
}

export const DEMO_PASSWORD = 'demo-password-1'
export const SHOTS = path.join(ROOT, 'docs/screenshots')

const SNAPSHOTS = path.join(os.tmpdir(), 'aduan-demo-snapshots')
const demoConfig = (dataDir: string, extra: Record<string, string> = {}) =>
  loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', BASE_URL: 'http://127.0.0.1', ADUAN_DEMO_PASSWORD: DEMO_PASSWORD, LOG_LEVEL: 'silent', ...extra })

/**
 * A stopped DATA_DIR with the migrated, seeded demo tenant, made once per hour and per state of
 * src/ (initdb, migrations and the demo seed cost each browser test file 20-40 s on 2 cores). A
 * copy of it starts exactly as a fresh seed would have been left: jobs the seed enqueued are still
 * queued and run when the copy starts. Null when another process is making it right now (the
 * caller then seeds its own, as before). ADUAN_TEST_FRESH_DEMO=1 turns the cache off.
 */
async function demoSnapshot(): Promise<string | null> {
  if (process.env.ADUAN_TEST_FRESH_DEMO === '1') return null
  const h = crypto.createHash('sha256')
  h.update(new Date().toISOString().slice(0, 13)) // the hour: the demo's reports are relative to now
  h.update(sourcesStamp(['src']))
  const dir = path.join(SNAPSHOTS, h.digest('hex').slice(0, 24))
  if (fs.existsSync(dir)) return dir
  fs.mkdirSync(SNAPSHOTS, { recursive: true })
  const building = `${dir}.building`
  try {
    fs.mkdirSync(building) // atomic: one maker at a time
  } catch {
    return null
  }
  try {
    const running = await start(demoConfig(building, { ROLE: 'api' }), { logger: false, listen: false })
    await running.stop()
    fs.renameSync(building, dir)
  } catch (err) {
    fs.rmSync(building, { recursive: true, force: true })
    throw err
  }
  // Snapshots of other hours or sources that nobody has touched for an hour.
  for (const e of fs.readdirSync(SNAPSHOTS)) {
    const p = path.join(SNAPSHOTS, e)
    if (p !== dir && Date.now() - fs.statSync(p).mtimeMs > 3_600_000) fs.rmSync(p, { recursive: true, force: true })
  }
  return dir
}

export async function startBrowserDemo(name: string): Promise<BrowserDemo> {
  buildWeb()
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `aduan-${name}-`))
  const snapshot = await demoSnapshot()
  if (snapshot) fs.cpSync(snapshot, tmp, { recursive: true })
  const running = await start(demoConfig(tmp), { logger: false })
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  fs.mkdirSync(SHOTS, { recursive: true })
  return {
    tmp,
    running,
    browser,
    base: running.url,
    async stop() {
      await browser.close()
      await running.stop()
      fs.rmSync(tmp, { recursive: true, force: true })
    },
  }
}
