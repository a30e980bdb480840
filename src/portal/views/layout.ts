// The page frame: header with the language switch, tabs, inlined CSS (one round trip less on a
// slow link), one small deferred script, the manifest for installing the portal.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { html, raw, type Html } from '../html.ts'
import { translator, type Lang } from '../i18n.ts'

export const PORTAL_ASSETS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/portal')
const CSS = raw(fs.readFileSync(path.join(PORTAL_ASSETS, 'portal.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').trim())

export type Tab = 'home' | 'report' | 'track' | 'public' | 'agencies' | 'posts' | null

export interface PageInput {
  lang: Lang
  title: string
  tab: Tab
  tenantName: string
  /** The current path and query without lang, for the language switch. */
  path: string
  body: Html
  /** Version string of portal.js for cache busting. */
  assetVersion: string
  noindex?: boolean
}

export const withLang = (href: string, lang: Lang) =>
  lang === 'id' ? href : `${href}${href.includes('?') ? '&' : '?'}lang=en`

export function page(p: PageInput): Html {
  const t = translator(p.lang)
  const other: Lang = p.lang === 'id' ? 'en' : 'id'
  const switchHref = `${p.path}${p.path.includes('?') ? '&' : '?'}lang=${other}`
  const tab = (id: Tab, href: string, text: string) =>
    html`<a href="${withLang(href, p.lang)}"${id === p.tab ? raw(' aria-current="page"') : ''}>${text}</a>`
  return html`<!doctype html>
<html lang="${p.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p.title} · ${t('siteName')}</title>
<meta name="description" content="${t('homeLead')}">
${p.noindex ? raw('<meta name="robots" content="noindex">') : ''}
<meta name="theme-color" content="#0f3d66">
<link rel="manifest" href="/manifest.webmanifest">
<link rel="icon" href="/portal/icon.svg" type="image/svg+xml">
<link rel="apple-touch-icon" href="/portal/icon-192.png">
<style>${CSS}</style>
<script src="/portal/portal.js?v=${p.assetVersion}" defer></script>
</head>
<body>
<a class="hp" href="#isi">${t('skip')}</a>
<header class="top"><div class="row">
<a class="brand" href="${withLang('/', p.lang)}">${t('siteName')}<small>${p.tenantName}</small></a>
<a class="lang" href="${switchHref}" hreflang="${other}" lang="${other}">${t('otherLang')}</a>
</div></header>
<nav class="tabs" aria-label="Menu"><div class="row">
${tab('home', '/', t('navHome'))}${tab('report', '/lapor', t('navReport'))}${tab('track', '/lacak', t('navTrack'))}${tab('public', '/laporan', t('navPublic'))}${tab('agencies', '/opd', t('navAgencies'))}${tab('posts', '/klarifikasi', t('navPosts'))}
</div></nav>
<main id="isi">
${p.body}
</main>
<footer><p>${t('footer')}</p><p><a href="/admin/">${t('staffLogin')}</a> · <a href="/docs">${t('apiDocs')}</a></p></footer>
</body>
</html>`
}

/** Dates in the tenant's time zone, Indonesian or English. */
export function fmtDate(d: Date | null | undefined, lang: Lang, timeZone: string, withTime = false): string {
  if (!d) return '—'
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  }).format(d)
}

export function fmtDuration(hours: number | null, lang: Lang): string {
  if (hours === null) return '—'
  if (hours < 48) return `${Math.round(hours)} ${lang === 'id' ? 'jam' : 'hours'}`
  const days = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 }).format(hours / 24)
  return `${days} ${lang === 'id' ? 'hari' : 'days'}`
}

/** "Wilayah: Lawa Batu, Kecamatan Kuala": a report's region by name (desa, kecamatan), never its code. */
export function areaLine(area: { name: string | null; district: string | null } | null, lang: Lang): Html | '' {
  if (!area) return ''
  const district = area.district ? (lang === 'id' ? `Kecamatan ${area.district}` : `${area.district} district`) : null
  const text = [area.name, district].filter(Boolean).join(', ')
  return text ? html`<p class="meta" id="wilayah">${translator(lang)('area')}: ${text}</p>` : ''
}
