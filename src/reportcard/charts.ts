// Server-side charts of the report card: SVG strings built here, rendered to PNG with sharp
// (librsvg) for the PDF. Text uses a common sans font; the server needs one installed (Debian:
// fonts-dejavu-core, present in the Docker image). Pure except svgToPng.
import { geoMercator, geoPath } from 'd3-geo'
import sharp from 'sharp'
import type { Geometry } from '../analytics/boundaries.ts'
import type { TrendPoint } from '../analytics/queries.ts'
import type { Labelled } from './data.ts'
import { fmtNum } from './month.ts'

const FONT = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif"
export const COLORS = { current: '#1d4ed8', previous: '#9ca3af', bar: '#2563eb', text: '#111827', muted: '#4b5563', grid: '#e5e7eb' }
/** Six shades, light to dark, for the choropleth (as the dashboard's map). */
export const SHADES = ['#eff6ff', '#bfdbfe', '#93c5fd', '#60a5fa', '#2563eb', '#1e3a8a']

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const svg = (w: number, h: number, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="${FONT}"><rect width="${w}" height="${h}" fill="#ffffff"/>${body}</svg>`
const text = (x: number, y: number, s: string, o: { size?: number; anchor?: string; fill?: string; weight?: string } = {}) =>
  `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="${o.size ?? 13}" text-anchor="${o.anchor ?? 'start'}" fill="${o.fill ?? COLORS.text}"${o.weight ? ` font-weight="${o.weight}"` : ''}>${esc(s)}</text>`

/** A "nice" axis maximum and step for counts. */
export function niceScale(max: number, ticks = 4): { top: number; step: number } {
  if (max <= 0) return { top: ticks, step: 1 }
  const raw = max / ticks
  const mag = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((x) => x >= raw) ?? 10 * mag
  const s = Math.max(1, Number.isInteger(step) ? step : Math.ceil(step))
  return { top: Math.ceil(max / s) * s, step: s }
}

/** Reports received per day of month: this month (solid) against the previous one (dashed). */
export function trendSvg(cur: TrendPoint[], prev: TrendPoint[], labels: { current: string; previous: string }): string {
  const W = 1000, H = 380, L = 56, R = 20, T = 44, B = 44
  const days = Math.max(cur.length, prev.length, 28)
  const { top, step } = niceScale(Math.max(1, ...cur.map((p) => p.received), ...prev.map((p) => p.received)))
  const x = (i: number) => L + (i * (W - L - R)) / (days - 1)
  const y = (v: number) => T + (H - T - B) * (1 - v / top)
  let body = ''
  for (let v = 0; v <= top; v += step) {
    body += `<line x1="${L}" x2="${W - R}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="${COLORS.grid}"/>`
    body += text(L - 8, y(v) + 4, fmtNum(v), { anchor: 'end', size: 13, fill: COLORS.muted })
  }
  for (let d = 1; d <= days; d++)
    if (d === 1 || d % 5 === 0) body += text(x(d - 1), H - B + 20, String(d), { anchor: 'middle', size: 13, fill: COLORS.muted })
  body += text((L + W - R) / 2, H - 6, 'Tanggal', { anchor: 'middle', size: 13, fill: COLORS.muted })
  const line = (pts: TrendPoint[], color: string, dash: string) =>
    pts.length
      ? `<polyline fill="none" stroke="${color}" stroke-width="3" stroke-linejoin="round"${dash ? ` stroke-dasharray="${dash}"` : ''} points="${pts.map((p, i) => `${x(i).toFixed(1)},${y(p.received).toFixed(1)}`).join(' ')}"/>`
      : ''
  body += line(prev, COLORS.previous, '8 6') + line(cur, COLORS.current, '')
  body += `<line x1="${L}" x2="${L + 36}" y1="20" y2="20" stroke="${COLORS.current}" stroke-width="3"/>` + text(L + 44, 25, labels.current, { size: 14 })
  const lx = L + 60 + labels.current.length * 8.5
  body += `<line x1="${lx}" x2="${lx + 36}" y1="20" y2="20" stroke="${COLORS.previous}" stroke-width="3" stroke-dasharray="8 6"/>` + text(lx + 44, 25, labels.previous, { size: 14 })
  return svg(W, H, body)
}

/** Horizontal bars, largest first, at most `max` rows (the rest summed as "Lainnya"). */
export function barsSvg(items: Labelled[], max = 8): string {
  const sorted = [...items].sort((a, b) => b.count - a.count)
  const rows = sorted.slice(0, max)
  const rest = sorted.slice(max).reduce((s, i) => s + i.count, 0)
  if (rest > 0) rows.push({ key: null, label: 'Lainnya', count: rest })
  const W = 1000, rowH = 34, T = 10, labelW = 330, valueW = 80
  const H = Math.max(1, rows.length) * rowH + T * 2
  const top = Math.max(1, ...rows.map((r) => r.count))
  let body = ''
  if (!rows.length) body += text(W / 2, H / 2 + 5, 'Tidak ada laporan', { anchor: 'middle', fill: COLORS.muted })
  rows.forEach((r, i) => {
    const y = T + i * rowH
    const name = r.label.length > 38 ? `${r.label.slice(0, 36)}...` : r.label
    const w = ((W - labelW - valueW - 20) * r.count) / top
    body += text(labelW - 12, y + 22, name, { anchor: 'end', size: 16 })
    body += `<rect x="${labelW}" y="${y + 6}" width="${Math.max(w, r.count ? 2 : 0).toFixed(1)}" height="${rowH - 12}" rx="3" fill="${COLORS.bar}"/>`
    body += text(labelW + w + 8, y + 22, fmtNum(r.count), { size: 16, weight: 'bold' })
  })
  return svg(W, H, body)
}

/** Class breaks for the shades: equal steps up to the maximum (0 always the lightest). */
export function shadeOf(count: number, max: number): string {
  if (count <= 0 || max <= 0) return SHADES[0]!
  return SHADES[Math.min(SHADES.length - 1, 1 + Math.floor(((count - 1) / max) * (SHADES.length - 1)))]!
}

/** Words joined into lines of at most `width` characters (a long word stays whole). */
export function wrap(s: string, width: number): string[] {
  const lines: string[] = []
  for (const w of s.split(/\s+/)) {
    const last = lines[lines.length - 1]
    if (last !== undefined && last.length + 1 + w.length <= width) lines[lines.length - 1] = `${last} ${w}`
    else lines.push(w)
  }
  return lines
}

export interface MapFeature {
  code: string
  name: string
  geometry: Geometry
}

/** Kecamatan shaded by reports received, each named at its centroid, with a legend. */
export function choroplethSvg(features: MapFeature[], counts: Map<string, number>): string {
  const W = 1000, H = 560, legendH = 40
  const fc = { type: 'FeatureCollection' as const, features: features.map((f) => ({ type: 'Feature' as const, properties: {}, geometry: f.geometry })) }
  const projection = geoMercator().fitExtent([[16, 16], [W - 16, H - legendH - 16]], fc)
  const path = geoPath(projection)
  const max = Math.max(0, ...features.map((f) => counts.get(f.code) ?? 0))
  let shapes = ''
  let names = ''
  for (const f of features) {
    const n = counts.get(f.code) ?? 0
    const fill = shadeOf(n, max)
    const feature = { type: 'Feature' as const, properties: {}, geometry: f.geometry }
    shapes += `<path d="${path(feature) ?? ''}" fill="${fill}" stroke="#374151" stroke-width="1.2"/>`
    const [cx, cy] = path.centroid(feature)
    if (Number.isFinite(cx) && Number.isFinite(cy)) {
      const dark = SHADES.indexOf(fill) >= 4
      const lines = wrap(f.name, 14)
      lines.forEach((l, i) => (names += text(cx, cy - 2 - (lines.length - 1 - i) * 16, l, { anchor: 'middle', size: 14, weight: 'bold', fill: dark ? '#ffffff' : COLORS.text })))
      names += text(cx, cy + 16, fmtNum(n), { anchor: 'middle', size: 14, fill: dark ? '#ffffff' : COLORS.text })
    }
  }
  let legend = text(16, H - 14, 'Laporan diterima:', { size: 14, fill: COLORS.muted })
  legendClasses(max).forEach((c, i) => {
    const x = 170 + i * 135
    legend += `<rect x="${x}" y="${H - 30}" width="24" height="20" fill="${c.shade}" stroke="#374151"/>` + text(x + 30, H - 14, c.label, { size: 14 })
  })
  return svg(W, H, shapes + names + legend)
}

/** The shades actually used for counts 0..max, with the range each one covers. */
export function legendClasses(max: number): { shade: string; label: string }[] {
  const out: { shade: string; lo: number; hi: number }[] = [{ shade: SHADES[0]!, lo: 0, hi: 0 }]
  for (let c = 1; c <= max; c++) {
    const shade = shadeOf(c, max)
    const last = out[out.length - 1]!
    if (last.shade === shade) last.hi = c
    else out.push({ shade, lo: c, hi: c })
  }
  return out.map((c) => ({ shade: c.shade, label: c.lo === c.hi ? fmtNum(c.lo) : `${fmtNum(c.lo)}-${fmtNum(c.hi)}` }))
}

/** SVG to PNG at twice the SVG's size (crisp when printed). */
export async function svgToPng(svgText: string): Promise<Buffer> {
  // Flattened to RGB: pdfkit embeds an opaque PNG's data as is, an RGBA one it decodes in JavaScript.
  return sharp(Buffer.from(svgText), { density: 144 }).flatten({ background: '#ffffff' }).png().toBuffer()
}
