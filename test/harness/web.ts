// Builds the web apps (web/dist) for browser tests. Several test files (or several people's test
// runs in one checkout) may build at once; flock serialises them so no build empties web/dist
// under another's feet.
import { execSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

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

export function buildWeb(): void {
  execSync('flock /tmp/aduan-web-build.lock npx vite build --config web/vite.config.ts --logLevel warn', { cwd: ROOT, stdio: 'inherit' })
}
