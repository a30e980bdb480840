// Trending topics: words (grouped by stem, with Indonesian slang normalised by src/triage/text.ts)
// that appear in more of the recent reports than in the period before. Pure.
import { prepareText, stemWord } from '../triage/text.ts'

export interface TrendingTerm {
  /** The most frequent surface form of the stem, e.g. "banjir". */
  term: string
  /** Reports in the current period containing it. */
  count: number
  /** Reports in the previous period containing it, scaled to the current sample size. */
  previous: number
  /** Change against the previous period in percent (null when it did not appear before). */
  changePct: number | null
  /** True when the previous period had reports but none with this term. */
  isNew: boolean
}

/**
 * Placeholders written by cleanText (links, e-mails, handles, phone numbers), and words that are
 * in almost every complaint and say nothing about its topic.
 */
const IGNORED = new Set(
  (
    'xurl xemail xakun xtelepon tidak belum sudah sangat mohon tolong segera kami kita saya bapak ibu pak bu ' +
    'warga masyarakat pelapor lapor laporan aduan keluhan desa gampong kampung kelurahan kecamatan kabupaten ' +
    'terima kasih hari minggu bulan tahun sejak sampai masih lagi sekali banyak sering terus'
  ).split(' '),
)

/** For each stem: in how many texts it occurs, and its surface forms. */
export function documentFrequencies(texts: readonly string[]) {
  const df = new Map<string, { n: number; forms: Map<string, number> }>()
  for (const text of texts) {
    const { tokens, stems } = prepareText(text)
    const content = new Set(stems)
    const seen = new Set<string>()
    for (const t of tokens) {
      if (t.length < 3 || /\d/.test(t) || IGNORED.has(t)) continue
      const s = stemWord(t)
      if (!content.has(s)) continue
      let e = df.get(s)
      if (!e) df.set(s, (e = { n: 0, forms: new Map() }))
      e.forms.set(t, (e.forms.get(t) ?? 0) + 1)
      if (!seen.has(s)) {
        seen.add(s)
        e.n++
      }
    }
  }
  return df
}

/**
 * Terms ranked by how much more often they occur now than before (the excess over the scaled
 * previous count), among terms in at least `minReports` current reports.
 */
export function trendingTerms(current: readonly string[], previous: readonly string[], top = 12, minReports = 3): TrendingTerm[] {
  const cur = documentFrequencies(current)
  const prev = documentFrequencies(previous)
  const scale = previous.length === 0 ? 0 : current.length / previous.length
  const out: (TrendingTerm & { score: number })[] = []
  for (const [stem, e] of cur) {
    if (e.n < minReports) continue
    const before = (prev.get(stem)?.n ?? 0) * scale
    const term = [...e.forms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0]
    out.push({
      term,
      count: e.n,
      previous: Math.round(before * 10) / 10,
      changePct: before === 0 ? null : Math.round(((e.n - before) / before) * 100),
      isNew: before === 0 && previous.length > 0,
      // Excess over the expected count, damped for very common words.
      score: (e.n - before) / Math.sqrt(before + 1),
    })
  }
  return out
    .sort((a, b) => b.score - a.score || b.count - a.count || a.term.localeCompare(b.term))
    .slice(0, top)
    .map(({ score: _s, ...t }) => t)
}
