// Duplicate suggestions: reports about the same problem arrive from several channels and people.
// Pure scoring of a pair (similar text, same desa or nearby point, close in time) and a suggested
// cluster for a new report among candidates that the database layer picked (recent reports in
// the same region). The operator merges; nothing here merges by itself.
import { featuresOf, featureLabel, logNormalize, CHAR_PREFIX, type FeatureVector } from './features.ts'
import { prepareText } from './text.ts'

export interface DuplicateCandidate {
  id: string
  text: string
  /** when the report arrived: ISO string, Date or epoch milliseconds */
  receivedAt: string | Date | number
  /** desa/kelurahan code (Kemendagri) when known */
  desaCode?: string | null
  lat?: number | null
  lng?: number | null
  channel?: string | null
  /** the cluster (master report) this candidate already belongs to, if any */
  clusterId?: string | null
}

export interface DuplicateOptions {
  /** pair score from which a candidate is suggested (default 0.55) */
  threshold?: number
  /** distance in metres that still counts as the same spot (default 150) */
  nearMetres?: number
  /** distance from which places count as different (default 1500) */
  farMetres?: number
  /** time difference in hours at which the time evidence has halved (default 72) */
  halfLifeHours?: number
}

export interface DuplicateScore {
  /** 0..1 */
  score: number
  text: number
  /** 1 same place, 0 different place, 0.5 unknown */
  place: number
  time: number
  /** short reasons in Bahasa Indonesia for the operator */
  reasons: string[]
}

export interface ClusterSuggestion {
  /** an existing cluster most matched members belong to, to merge into; null for a new cluster */
  clusterId: string | null
  /** candidates above the threshold, best first */
  members: ({ id: string } & DuplicateScore)[]
}

const DEFAULTS: Required<DuplicateOptions> = { threshold: 0.55, nearMetres: 150, farMetres: 1500, halfLifeHours: 72 }

interface Prepared {
  words: FeatureVector
  chars: FeatureVector
}

const cache = new WeakMap<DuplicateCandidate, Prepared>()

function prepare(r: DuplicateCandidate): Prepared {
  let p = cache.get(r)
  if (!p) {
    const t = prepareText(r.text)
    const all = featuresOf(t, { charNgrams: [3] })
    const words = new Map([...all].filter(([k]) => !k.startsWith(CHAR_PREFIX)))
    const chars = new Map([...all].filter(([k]) => k.startsWith(CHAR_PREFIX)))
    p = { words: logNormalize(words), chars: logNormalize(chars) }
    cache.set(r, p)
  }
  return p
}

function cosine(a: FeatureVector, b: FeatureVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let dot = 0
  for (const [k, x] of small) dot += x * (large.get(k) ?? 0)
  return dot
}

function sharedWords(a: FeatureVector, b: FeatureVector, max = 5): string[] {
  return [...a]
    .filter(([k]) => b.has(k) && !k.startsWith('b:'))
    .sort((x, y) => y[1] * (b.get(y[0]) ?? 0) - x[1] * (b.get(x[0]) ?? 0))
    .slice(0, max)
    .map(([k]) => featureLabel(k))
}

function millis(t: string | Date | number): number {
  return t instanceof Date ? t.getTime() : typeof t === 'number' ? t : Date.parse(t)
}

/** Great-circle distance in metres. */
export function distanceMetres(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180
  const dLat = (lat2 - lat1) * rad
  const dLng = (lng2 - lng1) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)))
}

function hasPoint(r: DuplicateCandidate): boolean {
  return typeof r.lat === 'number' && typeof r.lng === 'number' && Number.isFinite(r.lat) && Number.isFinite(r.lng)
}

function placeEvidence(a: DuplicateCandidate, b: DuplicateCandidate, o: Required<DuplicateOptions>): [number, string | null] {
  if (hasPoint(a) && hasPoint(b)) {
    const d = distanceMetres(a.lat!, a.lng!, b.lat!, b.lng!)
    const label = `berjarak ${d < 1000 ? `${Math.round(d)} m` : `${(d / 1000).toFixed(1)} km`}`
    if (d <= o.nearMetres) return [1, label]
    if (d >= o.farMetres) return [0, label]
    return [1 - (d - o.nearMetres) / (o.farMetres - o.nearMetres), label]
  }
  if (a.desaCode && b.desaCode) return a.desaCode === b.desaCode ? [1, 'desa/kelurahan sama'] : [0, 'desa/kelurahan berbeda']
  return [0.5, null]
}

/** How likely two reports are about the same problem, with reasons. Symmetric. */
export function scoreDuplicate(a: DuplicateCandidate, b: DuplicateCandidate, options: DuplicateOptions = {}): DuplicateScore {
  const o = { ...DEFAULTS, ...options }
  const pa = prepare(a)
  const pb = prepare(b)
  // Words carry the meaning; character trigrams forgive spelling ("lampu pju mati" ~ "lampunya mati").
  const text = Math.min(1, 0.7 * cosine(pa.words, pb.words) + 0.3 * cosine(pa.chars, pb.chars))
  const [place, placeReason] = placeEvidence(a, b, o)
  const hours = Math.abs(millis(a.receivedAt) - millis(b.receivedAt)) / 3_600_000
  const time = Number.isFinite(hours) ? Math.pow(0.5, hours / o.halfLifeHours) : 0.5
  let score = 0.65 * text + 0.2 * place + 0.15 * time
  // Unrelated texts are never duplicates however close; the same words in a clearly different
  // place are a different problem (every desa has its broken street lights).
  if (text < 0.25) score *= text / 0.25
  if (place === 0) score *= 0.5
  const reasons = [`teks mirip ${Math.round(text * 100)}%${text >= 0.2 ? `: ${sharedWords(pa.words, pb.words).join(', ')}` : ''}`]
  if (placeReason) reasons.push(placeReason)
  if (Number.isFinite(hours)) reasons.push(hours < 48 ? `selisih ${Math.round(hours)} jam` : `selisih ${Math.round(hours / 24)} hari`)
  if (a.channel && b.channel && a.channel !== b.channel) reasons.push(`kanal berbeda (${a.channel}, ${b.channel})`)
  return { score: Math.round(score * 1000) / 1000, text, place, time, reasons }
}

/**
 * The suggested duplicate cluster of a new report among candidates: every candidate scoring at or
 * above the threshold, best first, and the existing cluster most of them already belong to.
 */
export function clusterCandidates(
  report: DuplicateCandidate,
  candidates: DuplicateCandidate[],
  options: DuplicateOptions = {},
): ClusterSuggestion {
  const threshold = options.threshold ?? DEFAULTS.threshold
  const scored = candidates
    .filter((c) => c.id !== report.id)
    .map((c) => ({ c, s: scoreDuplicate(report, c, options) }))
    .filter(({ s }) => s.score >= threshold)
    .sort((x, y) => y.s.score - x.s.score)
  const votes = new Map<string, number>()
  for (const { c, s } of scored) if (c.clusterId) votes.set(c.clusterId, (votes.get(c.clusterId) ?? 0) + s.score)
  const clusterId = [...votes].sort((x, y) => y[1] - x[1])[0]?.[0] ?? null
  return { clusterId, members: scored.map(({ c, s }) => ({ id: c.id, ...s })) }
}
