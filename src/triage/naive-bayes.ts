// Multinomial / complement naive Bayes over sparse counts, updated one document at a time.
// Counts make learning exactly reversible (unlearn subtracts), which suits operator corrections,
// and let keyword seeds act as pseudo-documents on day one. Storage is sparse in labels too: a
// tenant may have 200 agencies while a word is seen with only a few of them.
import type { FeatureVector } from './features.ts'

export interface NaiveBayesState {
  /** feature -> flat [label, count, label, count, ...] */
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

type Row = Map<number, number>

export class NaiveBayes {
  private counts = new Map<string, Row>()
  /** sum over labels per feature, kept in step with counts */
  private rowSums = new Map<string, number>()
  private totals: number[] = []
  private docs: number[] = []
  private readonly alpha: number
  private readonly complement: boolean
  private cachedTotals?: { n: number; totals: number[]; grand: number; vocab: number }

  constructor(options: NaiveBayesOptions = {}, state?: NaiveBayesState) {
    this.alpha = options.alpha ?? 0.1
    this.complement = options.complement ?? true
    if (state) {
      for (const [k, flat] of Object.entries(state.counts)) {
        const row: Row = new Map()
        let sum = 0
        for (let i = 0; i + 1 < flat.length; i += 2) {
          row.set(flat[i], flat[i + 1])
          sum += flat[i + 1]
        }
        this.counts.set(k, row)
        this.rowSums.set(k, sum)
      }
      this.totals = state.totals.slice()
      this.docs = state.docs.slice()
    }
  }

  /** Adds (weight > 0) or removes (weight < 0) one document's counts for a label; never below zero. */
  update(x: FeatureVector, label: number, weight = 1): void {
    this.cachedTotals = undefined
    while (this.totals.length <= label) this.totals.push(0)
    while (this.docs.length <= label) this.docs.push(0)
    this.docs[label] = Math.max(0, this.docs[label] + weight)
    for (const [k, tf] of x) {
      let row = this.counts.get(k)
      if (!row) {
        if (weight <= 0) continue
        this.counts.set(k, (row = new Map()))
      }
      const before = row.get(label) ?? 0
      const after = Math.max(0, before + weight * tf)
      if (after > 0) row.set(label, after)
      else row.delete(label)
      const sum = (this.rowSums.get(k) ?? 0) + after - before
      if (row.size === 0) {
        this.counts.delete(k)
        this.rowSums.delete(k)
      } else this.rowSums.set(k, sum)
      this.totals[label] = Math.max(0, this.totals[label] + after - before)
    }
  }

  private totalsFor(nLabels: number): { totals: number[]; grand: number; vocab: number } {
    if (this.cachedTotals?.n === nLabels) return this.cachedTotals
    const totals = Array.from({ length: nLabels }, (_, i) => this.totals[i] ?? 0)
    const grand = totals.reduce((s, t) => s + t, 0)
    this.cachedTotals = { n: nLabels, totals, grand, vocab: Math.max(1, this.counts.size) }
    return this.cachedTotals
  }

  /** Per-label scores (log-likelihoods, higher is better) for labels 0..nLabels-1. */
  scores(x: FeatureVector, nLabels: number): number[] {
    const a = this.alpha
    const { totals, grand, vocab } = this.totalsFor(nLabels)
    const out = new Array<number>(nLabels).fill(0)
    let mass = 0
    // Every label gets the "count 0" weight of each feature; labels that saw it are corrected.
    let base = 0
    for (const [k, tf] of x) {
      const row = this.counts.get(k)
      if (!row) continue
      mass += tf
      const sum = this.rowSums.get(k)!
      base += this.complement ? -tf * Math.log(sum + a) : tf * Math.log(a)
      for (const [i, c] of row) {
        if (i >= nLabels) continue
        out[i] += this.complement ? -tf * (Math.log(sum - c + a) - Math.log(sum + a)) : tf * (Math.log(c + a) - Math.log(a))
      }
    }
    const docTotal = this.docs.reduce((s, d) => s + d, 0)
    for (let i = 0; i < nLabels; i++) {
      out[i] += base
      if (this.complement) out[i] += mass * Math.log(grand - totals[i] + a * vocab)
      else {
        out[i] -= mass * Math.log(totals[i] + a * vocab)
        out[i] += Math.log(((this.docs[i] ?? 0) + 1) / (docTotal + nLabels))
      }
    }
    return out
  }

  /** The weight of one feature (per unit of tf) for every label: its share in `scores`. */
  weightsOf(key: string, nLabels: number): number[] {
    const a = this.alpha
    const { totals, grand, vocab } = this.totalsFor(nLabels)
    const row = this.counts.get(key)
    const sum = this.rowSums.get(key) ?? 0
    return totals.map((t, i) => {
      if (!row) return 0
      const c = row.get(i) ?? 0
      return this.complement
        ? -Math.log((sum - c + a) / (grand - t + a * vocab))
        : Math.log((c + a) / (t + a * vocab))
    })
  }

  /** Weighted document count per label. */
  documentCounts(): number[] {
    return this.docs.slice()
  }

  /** The stored counts. `minCount` prunes features seen less often than that over all labels. */
  toJSON(minCount = 0): NaiveBayesState {
    const counts: Record<string, number[]> = {}
    for (const [k, row] of this.counts) {
      if (minCount > 0 && (this.rowSums.get(k) ?? 0) < minCount) continue
      const flat: number[] = []
      for (const [i, c] of row) flat.push(i, +c.toFixed(3))
      counts[k] = flat
    }
    return { counts, totals: this.totals.map((t) => +t.toFixed(3)), docs: this.docs.slice() }
  }
}
