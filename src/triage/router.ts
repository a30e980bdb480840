// The per-tenant online router: suggests agencies (or categories: one instance each) for a text,
// learns from every disposition as it happens, unlearns on "bukan kewenangan", cold-starts from
// keywords, and round-trips through JSON so a tenant's state fits in one database row.
//
// Three online learners vote, each z-normalised over the labels so their scales are comparable:
// complement naive Bayes on stem unigrams+bigrams (robust with few examples, exactly reversible),
// an averaged passive-aggressive linear model on words + character n-grams (discriminative,
// tolerant of misspellings), and nearest neighbours among recent decisions (near-repeats).
import { featuresOf, featureLabel, logNormalize, type FeatureVector } from './features.ts'
import { NaiveBayes, type NaiveBayesState } from './naive-bayes.ts'
import { OnlineLinear, type LinearState } from './linear.ts'
import { NeighbourMemory, type MemoryState } from './memory.ts'
import { prepareText, stemWord, type PreparedText } from './text.ts'

export interface RouterOptions {
  /** complement NB smoothing (default 0.5) */
  alpha?: number
  /** passive-aggressive aggressiveness (default 1) */
  c?: number
  /** character n-gram lengths for the linear model (default [3, 4, 5]) */
  charNgrams?: readonly number[]
  /** recent decisions kept for nearest neighbours; 0 disables (default 5000) */
  memory?: number
  /** neighbours that vote (default 10) */
  neighbours?: number
  /** vote weights of the three learners (default nb 1, linear 0.7, neighbours 0.5) */
  weights?: { nb: number; linear: number; neighbours: number }
  /**
   * Learning rate of the per-label bias added to the combined vote, learned online by one step of
   * softmax regression on every decision (default 0.03; 0 disables). It calibrates the learners'
   * vote against each other and follows drift in the agencies' volumes.
   */
  biasRate?: number
  /**
   * Pruning when the state is saved (toJSON), to keep a large tenant's row small: linear weights
   * below `linearUnits` x 1e-4, and naive Bayes features counted less than `nbCount` times over
   * all labels, are left out (default none: 1 and 0).
   */
  prune?: { linearUnits: number; nbCount: number }
}

export interface Suggestion {
  label: string
  /** confidence in [0, 1]; the scores of all labels sum to 1 */
  score: number
  /** the words of the text that weighed most for this label, strongest first */
  reasons: string[]
}

export interface RouterState {
  version: 1
  options: RouterOptions
  labels: string[]
  seeds: Record<string, string[]>
  nb: NaiveBayesState
  linear: LinearState
  memory: MemoryState
  /** learned bias per label index (absent in states saved before it existed) */
  bias?: number[]
  /** texts returned as "bukan kewenangan", per label */
  rejections?: MemoryState
  learned: number
}

/** The learners' vote weights and the bias rate chosen on validation (bench/triage/README.md). */
export const VOTE_WEIGHTS = { nb: 1, linear: 0.7, neighbours: 0.5 } as const
export const BIAS_RATE = 0.03

const DEFAULTS: Required<RouterOptions> = {
  alpha: 0.5,
  c: 1,
  charNgrams: [3, 4, 5],
  memory: 5000,
  neighbours: 10,
  weights: { ...VOTE_WEIGHTS },
  biasRate: BIAS_RATE,
  prune: { linearUnits: 1, nbCount: 0 },
}

/** Texts returned as "not ours" remembered per router; a near-copy is pushed away from that label. */
const REJECTION_MEMORY = 1000
/** Penalty, in z-score units, for a label that returned a text identical to this one (times cosine cubed). */
const REJECTION_PENALTY = 8

/** Weight of a keyword seed: a keyword counts like this many documents mentioning it. */
const SEED_WEIGHT = 3

interface Prepared {
  p: PreparedText
  /** word + bigram counts (naive Bayes) */
  words: FeatureVector
  /** normalised words + char n-grams (linear) */
  all: FeatureVector
}

/** The neighbours' vector of a document: normalised stem unigrams + bigrams. */
function wordVector(stems: string[]): FeatureVector {
  return logNormalize(featuresOf({ tokens: [], stems, normalized: '' }, { charNgrams: [] }))
}

function zscores(s: number[]): number[] {
  const n = s.length
  const mean = s.reduce((a, b) => a + b, 0) / n
  const sd = Math.sqrt(s.reduce((a, b) => a + (b - mean) ** 2, 0) / n)
  return sd > 1e-12 ? s.map((x) => (x - mean) / sd) : s.map(() => 0)
}

export class TriageRouter {
  private readonly o: Required<RouterOptions>
  private labelList: string[] = []
  private labelIndex = new Map<string, number>()
  private seeds = new Map<string, string[]>()
  private nb: NaiveBayes
  private linear: OnlineLinear
  private memory: NeighbourMemory
  private rejections: NeighbourMemory
  private learned = 0
  private bias: number[] = []
  /** the combined scores of the last text suggested on, for the bias step when it is learned next */
  private last?: { text: string; n: number; scores: number[] }

  constructor(state?: RouterState, options: RouterOptions = {}) {
    this.o = { ...DEFAULTS, ...(state?.options ?? {}), ...options }
    this.nb = new NaiveBayes({ alpha: this.o.alpha, complement: true }, state?.nb)
    this.linear = new OnlineLinear({ algorithm: 'pa', c: this.o.c, average: true }, state?.linear)
    this.memory = new NeighbourMemory(this.o.memory, wordVector, state?.memory)
    this.rejections = new NeighbourMemory(REJECTION_MEMORY, wordVector, state?.rejections)
    for (const l of state?.labels ?? []) this.labelId(l)
    for (const [l, kws] of Object.entries(state?.seeds ?? {})) this.seeds.set(l, kws)
    this.learned = state?.learned ?? 0
    this.bias = (state?.bias ?? []).slice()
  }

  /** Labels known so far, in the order first seen. */
  get labels(): readonly string[] {
    return this.labelList
  }

  /** Number of (weighted) decisions learned, seeds excluded. */
  get examples(): number {
    return this.learned
  }

  private labelId(label: string): number {
    let i = this.labelIndex.get(label)
    if (i === undefined) {
      i = this.labelList.length
      this.labelList.push(label)
      this.labelIndex.set(label, i)
    }
    return i
  }

  private prepare(text: string): Prepared {
    const p = prepareText(text)
    const words = featuresOf(p, { charNgrams: [] })
    const all = logNormalize(featuresOf(p, { charNgrams: this.o.charNgrams }))
    return { p, words, all }
  }

  /** Learns one decision: this text belongs to this label. `weight` scales it (default 1). */
  learn(text: string, label: string, weight = 1): void {
    if (!(weight > 0)) throw new RangeError('weight must be positive; use unlearn for negative feedback')
    const known = this.labelList.length
    const y = this.labelId(label)
    const x = this.prepare(text)
    if (this.o.biasRate > 0 && known > 1) this.biasStep(text, x, y, weight)
    this.nb.update(x.words, y, weight)
    this.linear.update(x.all, y, this.labelList.length, weight)
    this.memory.add(x.p.stems, y)
    this.rejections.forget(x.p.stems, y)
    this.learned += weight
    this.last = undefined
  }

  /**
   * One step of softmax regression on the per-label bias, from the combined vote before this
   * decision is learned (reused from the suggestion just made on the same text, if any).
   */
  private biasStep(text: string, x: Prepared, y: number, weight: number): void {
    const n = this.labelList.length
    const last = this.last
    const scores = last && last.text === text && last.n === n ? last.scores : this.combined(x).scores
    const s = scores.map((v, i) => v + (this.bias[i] ?? 0))
    const max = Math.max(...s)
    const e = s.map((v) => Math.exp(v - max))
    const z = e.reduce((a, b) => a + b, 0)
    while (this.bias.length < n) this.bias.push(0)
    const rate = this.o.biasRate * weight
    for (let i = 0; i < n; i++) this.bias[i] += rate * ((i === y ? 1 : 0) - e[i] / z)
  }

  /**
   * Negative feedback: this text does not belong to this label (an agency returned it as "bukan
   * kewenangan", or an operator corrected a disposition). Undoes a matching earlier `learn` in the
   * counts and the memory, pushes the linear model's score for the label below the others, and
   * remembers the return so that near-copies of the text are steered away from the label.
   */
  unlearn(text: string, label: string, weight = 1): void {
    const y = this.labelIndex.get(label)
    if (y === undefined) return
    const x = this.prepare(text)
    this.nb.update(x.words, y, -weight)
    this.linear.update(x.all, y, this.labelList.length, -weight)
    this.memory.forget(x.p.stems, y)
    this.rejections.add(x.p.stems, y)
    this.last = undefined
  }

  /**
   * Cold start: keywords (words or short phrases) that point to a label, e.g. from the category's
   * and agency's names and descriptions. Each counts as a few short documents; seeding the same
   * keyword again does not add weight twice.
   */
  seedKeywords(label: string, keywords: string[]): void {
    const y = this.labelId(label)
    const known = new Set(this.seeds.get(label) ?? [])
    const fresh = keywords.map((k) => k.trim().toLowerCase()).filter((k) => k && !known.has(k))
    for (const kw of fresh) {
      const x = this.prepare(kw)
      if (x.words.size === 0) continue
      this.nb.update(x.words, y, SEED_WEIGHT)
      this.linear.update(x.all, y, this.labelList.length, SEED_WEIGHT)
      known.add(kw)
    }
    this.seeds.set(label, [...known])
    this.last = undefined
  }

  /** Combined scores per label index, and the spread of each model's raw scores (for reasons). */
  private combined(x: Prepared): { scores: number[]; nbSd: number; linSd: number } {
    const n = this.labelList.length
    const w = this.o.weights
    const nbRaw = this.nb.scores(x.words, n)
    const linRaw = this.linear.scores(x.all, n)
    const nbZ = zscores(nbRaw)
    const linZ = zscores(linRaw)
    const scores = nbZ.map((v, i) => w.nb * v + w.linear * linZ[i])
    if (w.neighbours > 0 && this.memory.size > 0) {
      const nnZ = zscores(this.memory.votes(x.p.stems, this.o.neighbours, n))
      for (let i = 0; i < n; i++) scores[i] += w.neighbours * nnZ[i]
    }
    if (this.rejections.size > 0) {
      const rejected = this.rejections.maxSimilarity(x.p.stems, n)
      for (let i = 0; i < n; i++) scores[i] -= REJECTION_PENALTY * rejected[i] ** 3
    }
    return { scores, nbSd: spread(nbRaw), linSd: spread(linRaw) }
  }

  /**
   * For each label asked for, the words and phrases of the text that pushed hardest towards it,
   * measured as in the scores: each model's weight for the label minus its mean over labels,
   * scaled by the model's spread, times the feature's value in the text.
   */
  private reasons(x: Prepared, labels: number[], nbSd: number, linSd: number, max = 5): string[][] {
    const n = this.labelList.length
    const w = this.o.weights
    const surface = surfaceForms(x.p)
    const perLabel = labels.map(() => new Map<string, number>())
    for (const [k, tf] of x.words) {
      const nbW = this.nb.weightsOf(k, n)
      const linW = this.linear.weightsOf(k, n)
      const nbMean = mean(nbW)
      const linMean = mean(linW)
      const lin = x.all.get(k) ?? 0
      let phrase: string | undefined
      labels.forEach((label, j) => {
        const ev = (w.nb * tf * (nbW[label] - nbMean)) / nbSd + (w.linear * lin * (linW[label] - linMean)) / linSd
        if (!(ev > 0)) return
        phrase ??= featureLabel(k)
          .split(' ')
          .map((s) => surface.get(s) ?? s)
          .join(' ')
        perLabel[j].set(phrase, Math.max(perLabel[j].get(phrase) ?? 0, ev))
      })
    }
    return perLabel.map((phrases) => {
      const ranked = [...phrases].sort((a, b) => b[1] - a[1]).map(([p]) => p)
      // A phrase and its own words say the same thing: keep the stronger, drop the repeats.
      const out: string[] = []
      for (const p of ranked) {
        if (out.some((o) => o.split(' ').includes(p) || p.split(' ').includes(o))) continue
        out.push(p)
        if (out.length >= max) break
      }
      return out
    })
  }

  /**
   * The k best labels for a text, best first. `score` is a relative confidence (a softmax over
   * the combined z-scores, scaled for the number of labels), not a calibrated probability.
   */
  suggest(text: string, k = 3): Suggestion[] {
    const n = this.labelList.length
    if (n === 0 || k <= 0) return []
    const x = this.prepare(text)
    const { scores: votes, nbSd, linSd } = this.combined(x)
    this.last = { text, n, scores: votes }
    const scores = votes.map((v, i) => v + (this.bias[i] ?? 0))
    const temperature = 4 / Math.sqrt(Math.max(2, n))
    const max = Math.max(...scores)
    const e = scores.map((v) => Math.exp((v - max) * temperature))
    const z = e.reduce((a, b) => a + b, 0)
    const order = scores
      .map((_, i) => i)
      .sort((a, b) => scores[b] - scores[a])
      .slice(0, k)
    const reasons = this.reasons(x, order, nbSd, linSd)
    return order.map((i, j) => ({ label: this.labelList[i], score: e[i] / z, reasons: reasons[j] }))
  }

  toJSON(): RouterState {
    return {
      version: 1,
      options: this.o,
      labels: this.labelList.slice(),
      seeds: Object.fromEntries(this.seeds),
      nb: this.nb.toJSON(this.o.prune.nbCount),
      linear: this.linear.toJSON(this.o.prune.linearUnits),
      memory: this.memory.toJSON(),
      rejections: this.rejections.toJSON(),
      bias: this.bias.map((b) => +b.toFixed(4)),
      learned: this.learned,
    }
  }
}

function mean(s: number[]): number {
  return s.reduce((a, b) => a + b, 0) / s.length
}

function spread(s: number[]): number {
  const m = mean(s)
  return Math.sqrt(s.reduce((a, b) => a + (b - m) ** 2, 0) / s.length) || 1
}

/** Maps each stem of a text to the first word that produced it, to show people real words. */
function surfaceForms(p: PreparedText): Map<string, string> {
  const m = new Map<string, string>()
  for (const t of p.tokens) {
    const s = stemWord(t)
    if (!m.has(s)) m.set(s, t)
  }
  return m
}

/** A router from stored state (or a fresh one); options override the stored ones. */
export function createRouter(state?: RouterState, options: RouterOptions = {}): TriageRouter {
  return new TriageRouter(state, options)
}
