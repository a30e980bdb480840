// Sparse features for the linear models: stem unigrams and bigrams plus character n-grams of the
// stems. Feature names carry a prefix so that reasons can show only word features to people.
import { prepareText, type PreparedText } from './text.ts'

export interface FeatureOptions {
  /** stem bigrams (default true) */
  bigrams?: boolean
  /** character n-gram lengths inside each padded stem, e.g. [3, 4]; empty for none (default [3, 4, 5]) */
  charNgrams?: readonly number[]
  /** cap on tokens read from one text: long letters repeat themselves (default 200) */
  maxTokens?: number
}

export type FeatureVector = Map<string, number>

export const WORD_PREFIX = 'w:'
export const BIGRAM_PREFIX = 'b:'
export const CHAR_PREFIX = 'c:'

const DEFAULTS: Required<FeatureOptions> = { bigrams: true, charNgrams: [3, 4, 5], maxTokens: 200 }

function add(v: FeatureVector, key: string): void {
  v.set(key, (v.get(key) ?? 0) + 1)
}

/** Raw term counts of every feature of a prepared text. */
export function featuresOf(p: PreparedText, options: FeatureOptions = {}): FeatureVector {
  const o = { ...DEFAULTS, ...options }
  const stems = p.stems.length > o.maxTokens ? p.stems.slice(0, o.maxTokens) : p.stems
  const v: FeatureVector = new Map()
  for (let i = 0; i < stems.length; i++) {
    const s = stems[i]
    add(v, WORD_PREFIX + s)
    if (o.bigrams && i > 0) add(v, BIGRAM_PREFIX + stems[i - 1] + '_' + s)
    if (o.charNgrams.length > 0) {
      const padded = ' ' + s + ' '
      for (const n of o.charNgrams) {
        for (let j = 0; j + n <= padded.length; j++) add(v, CHAR_PREFIX + padded.slice(j, j + n))
      }
    }
  }
  return v
}

/** Features of a raw text. */
export function extractFeatures(text: string, options: FeatureOptions = {}): FeatureVector {
  return featuresOf(prepareText(text), options)
}

/**
 * Sublinear term frequency (1 + ln tf) times an optional per-feature weight (idf, group scale),
 * then L2 normalisation. Returns a new vector.
 */
export function logNormalize(v: FeatureVector, weightOf?: (key: string) => number): FeatureVector {
  const out: FeatureVector = new Map()
  let norm = 0
  for (const [k, tf] of v) {
    const x = (1 + Math.log(tf)) * (weightOf ? weightOf(k) : 1)
    if (x === 0) continue
    out.set(k, x)
    v.set(k, x)
    norm += x * x
  }
  norm = Math.sqrt(norm)
  if (norm > 0) for (const [k, x] of out) out.set(k, x / norm)
  return out
}

/** Human-readable form of a feature name: "w:banjir" -> "banjir", "b:lampu_mati" -> "lampu mati". */
export function featureLabel(key: string): string {
  if (key.startsWith(WORD_PREFIX)) return key.slice(WORD_PREFIX.length)
  if (key.startsWith(BIGRAM_PREFIX)) return key.slice(BIGRAM_PREFIX.length).replace('_', ' ')
  return key.slice(CHAR_PREFIX.length).trim()
}
