// The portal's few static files: one script, the service worker (served at / so its scope is the
// whole portal), the web manifest, and icons (PNG rendered once from the SVG with sharp).
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { PORTAL_ASSETS } from './views/layout.ts'

const read = (f: string) => fs.readFileSync(path.join(PORTAL_ASSETS, f), 'utf8')
const JS = read('portal.js')
const SW_TEMPLATE = read('sw.js')
const SVG = read('icon.svg')

/** Changes whenever a portal asset changes: busts caches and renames the service worker's cache. */
export const ASSET_VERSION = crypto
  .createHash('sha256')
  .update(JS + SW_TEMPLATE + read('portal.css') + SVG)
  .digest('hex')
  .slice(0, 10)

export const portalJs = JS
export const iconSvg = SVG
export const serviceWorker = SW_TEMPLATE.replaceAll('__VERSION__', ASSET_VERSION)

export function manifest(name: string, shortName: string): string {
  return JSON.stringify({
    name,
    short_name: shortName,
    lang: 'id',
    start_url: '/?source=pwa',
    scope: '/',
    display: 'standalone',
    background_color: '#f5f7f9',
    theme_color: '#0f3d66',
    icons: [
      { src: '/portal/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/portal/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/portal/icon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  })
}

const pngs = new Map<number, Promise<Buffer>>()
export function iconPng(size: 192 | 512): Promise<Buffer> {
  let p = pngs.get(size)
  if (!p) {
    p = sharp(Buffer.from(SVG)).resize(size, size).png().toBuffer()
    pngs.set(size, p)
  }
  return p
}
