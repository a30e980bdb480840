// Multinomial / complement naive Bayes over sparse counts, updated one document at a time.
// Counts make learning exactly reversible (unlearn subtracts), which suits operator corrections,
// and let keyword seeds act as pseudo-documents on day one.
import type { FeatureVector } from './features.ts'

export interface NaiveBayesState {
  /** feature -> count per label index */
  counts: Record<string, number[]>
  /** total feature mass per label */
  totals: number[]
  /** documents (weighted) per label */
  docs: number[]
}

export interface NaiveBayesOptions {
  /** additive smoothing (default 0.1) */
  alpha?: number
  /** complement NB (Rennie et al. 2003): better with unbalanced classes (default true) */
  complement?: boolean
}

export class NaiveBayes {
  private counts = new Map<string, number[]>()
  private totals: number[] = []
  private docs: number[] = []
  private readonly alpha: number
  private readonly complement: boolean

  constructor(options: NaiveBayesOptions = {}, state?: NaiveBayesState) {
    this.alpha = options.alpha ?? 0.1
    this.complement = options.complement ?? true
    if (state) {
      this.counts = new Map(Object.entries(state.counts).map(([k, v]) => [k, v.slice()]))
      this.totals = state.totals.slice()
      this.docs = state.docs.slice()
    }
  }

  /** Adds (weight > 0) or removes (weight < 0) one document's counts for a label; never below zero. */
  update(x: FeatureVector, label: number, weight = 1): void {
    while (this.totals.length <= label) this.totals.push(0)
    while (this.docs.length <= label) this.docs.push(0)
    this.docs[label] = Math.max(0, this.docs[label] + weight)
    for (const [k, tf] of x) {
      let row = this.counts.get(k)
      if (!row) {
        if (weight <= 0) continue
        row = []
        this.counts.set(k, row)
      }
      while (row.length <= label) row.push(0)
      const before = row[label]
      const after = Math.max(0, before + weight * tf)
      row[label] = after
      this.totals[label] = Math.max(0, this.totals[label] + after - before)
    }
  }

  /**
   * Per-label scores (log-likelihood ratios, higher is better) for labels 0..nLabels-1, and each
   * feature's contribution when `contributions` is given (for reasons).
   */
  scores(x: FeatureVector, nLabels: number, contributions?: Map<string, number[]>): number[] {
    const a = this.alpha
    const vocab = Math.max(1, this.counts.size)
    const totals = Array.from({ length: nLabels }, (_, i) => this.totals[i] ?? 0)
    const grand = totals.reduce((s, t) => s + t, 0)
    const out = new Array<number>(nLabels).fill(0)
    for (const [k, tf] of x) {
      const row = this.counts.get(k)
      if (!row) continue
      let rowSum = 0
      for (const c of row) rowSum += c
      const contrib = contributions ? new Array<number>(nLabels).fill(0) : undefined
      for (let i = 0; i < nLabels; i++) {
        const c = row[i] ?? 0
        let w: number
        if (this.complement) {
          // Weight of the word in every other class, negated: high when the word is rare elsewhere.
          w = -Math.log((rowSum - c + a) / (grand - totals[i] + a * vocab))
        } else {
          w = Math.log((c + a) / (totals[i] + a * vocab))
        }
        out[i] += tf * w
        if (contrib) contrib[i] = tf * w
      }
      if (contributions && contrib) contributions.set(k, contrib)
    }
    if (!this.complement) {
      const docTotal = this.docs.reduce((s, d) => s + d, 0)
      for (let i = 0; i < nLabels; i++) out[i] += Math.log(((this.docs[i] ?? 0) + 1) / (docTotal + nLabels))
    }
    return out
  }

  /** Weighted document count per label. */
  documentCounts(): number[] {
    return this.docs.slice()
  }

  toJSON(): NaiveBayesState {
    const counts: Record<string, number[]> = {}
    for (const [k, row] of this.counts) if (row.some((c) => c > 0)) counts[k] = row.map((c) => +c.toFixed(4))
    return { counts, totals: this.totals.slice(), docs: this.docs.slice() }
  }
}
