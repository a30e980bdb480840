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
function sourcesStamp(): string {
  const h = crypto.createHash('sha256')
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name)
      if (e.isDirectory()) {
        if (e.name !== 'dist' && e.name !== 'node_modules') walk(p)
      } else h.update(`${p}:${fs.statSync(p).mtimeMs}\n`)
    }
  }
  walk(path.join(ROOT, 'web'))
  walk(path.join(ROOT, 'src'))
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

export async function startBrowserDemo(name: string): Promise<BrowserDemo> {
  buildWeb()
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `aduan-${name}-`))
  const config = loadConfig({ DATA_DIR: tmp, PORT: '0', HOST: '127.0.0.1', BASE_URL: 'http://127.0.0.1', ADUAN_DEMO_PASSWORD: DEMO_PASSWORD, LOG_LEVEL: 'silent' })
  const running = await start(config, { logger: false })
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
