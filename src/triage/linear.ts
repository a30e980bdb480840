// An online multiclass linear model over sparse features: passive-aggressive (PA-II, Crammer et
// al. 2006) or softmax regression by SGD, with optional weight averaging (as in the averaged
// perceptron), which makes a single online pass nearly as good as several epochs.
// Weights are sparse in labels: a PA update touches only the gold label and its closest rival.
import type { FeatureVector } from './features.ts'

export type LinearAlgorithm = 'pa' | 'logistic'

export interface LinearOptions {
  algorithm?: LinearAlgorithm
  /** PA-II aggressiveness, or the SGD learning rate for logistic (default 1 / 0.5) */
  c?: number
  /** average the weights over all updates (default true) */
  average?: boolean
}

export interface LinearState {
  /** feature -> flat [label, weight, label, weight, ...]; weights in units of 1e-4 (integers) */
  w: Record<string, number[]>
  /** number of updates seen (the averaging clock) */
  t: number
}

/**
 * One feature's weights for the labels it has been updated for, in parallel typed arrays: a tenant
 * with 200 agencies has common character n-grams touching most of them, and scanning typed arrays
 * is several times faster than iterating a Map.
 */
class Row {
  size = 0
  labels: Int32Array
  w: Float64Array
  u: Float64Array

  /** `capacity`: labels expected (a restored row knows its size: no growing). */
  constructor(capacity = 2) {
    this.labels = new Int32Array(capacity)
    this.w = new Float64Array(capacity)
    this.u = new Float64Array(capacity)
  }

  slot(label: number): number {
    for (let j = 0; j < this.size; j++) if (this.labels[j] === label) return j
    if (this.size === this.labels.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2)
        b.set(a)
        return b
      }
      this.labels = grow(this.labels, (n) => new Int32Array(n))
      this.w = grow(this.w, (n) => new Float64Array(n))
      this.u = grow(this.u, (n) => new Float64Array(n))
    }
    this.labels[this.size] = label
    return this.size++
  }
}

const WEIGHT_UNIT = 1e-4

export class OnlineLinear {
  private w = new Map<string, Row>()
  private t = 1
  readonly algorithm: LinearAlgorithm
  private readonly c: number
  private readonly average: boolean

  constructor(options: LinearOptions = {}, state?: LinearState) {
    this.algorithm = options.algorithm ?? 'pa'
    this.c = options.c ?? (this.algorithm === 'pa' ? 1 : 0.5)
    this.average = options.average ?? true
    if (state) {
      for (const [k, flat] of Object.entries(state.w)) {
        const row = new Row(Math.max(1, flat.length >> 1))
        // Only the weights that score are stored (the averaged ones): restored, they become the
        // current weights with an empty accumulator, so scores are unchanged and later updates
        // are averaged in from the same clock.
        for (let i = 0; i + 1 < flat.length; i += 2) row.w[row.slot(flat[i])] = flat[i + 1] * WEIGHT_UNIT
        this.w.set(k, row)
      }
      this.t = state.t
    }
  }

  /** Scores with the current (not averaged) weights: what the online updates correct. */
  private rawScores(x: FeatureVector, nLabels: number): number[] {
    const out = new Array<number>(nLabels).fill(0)
    for (const [k, v] of x) {
      const row = this.w.get(k)
      if (!row) continue
      for (let j = 0; j < row.size; j++) if (row.labels[j] < nLabels) out[row.labels[j]] += v * row.w[j]
    }
    return out
  }

  /** Adds `step * x` to the weights of one label, keeping the averaging accumulators in step. */
  private addTo(x: FeatureVector, label: number, step: number): void {
    for (const [k, v] of x) {
      let row = this.w.get(k)
      if (!row) this.w.set(k, (row = new Row()))
      const j = row.slot(label)
      row.w[j] += step * v
      row.u[j] += this.t * step * v
    }
  }

  /** One online update towards `label` (weight scales the step; negative weight pushes away). */
  update(x: FeatureVector, label: number, nLabels: number, weight = 1): void {
    let sq = 0
    for (const v of x.values()) sq += v * v
    if (sq === 0 || weight === 0) return
    const s = this.rawScores(x, nLabels)
    let rival = -1
    for (let i = 0; i < nLabels; i++) if (i !== label && (rival < 0 || s[i] > s[rival])) rival = i
    const rivalScore = rival >= 0 ? s[rival] : 0
    if (weight < 0) {
      // "Not this label": push its score below the best other label by a margin of one.
      const loss = Math.max(0, 1 + s[label] - rivalScore)
      if (loss > 0) this.addTo(x, label, (weight * loss) / (sq + 1 / (2 * this.c)))
    } else if (this.algorithm === 'pa') {
      const loss = Math.max(0, 1 - (s[label] - rivalScore))
      if (loss > 0) {
        const tau = (weight * loss) / (2 * sq + 1 / (2 * this.c))
        this.addTo(x, label, tau)
        if (rival >= 0) this.addTo(x, rival, -tau)
      }
    } else {
      const max = Math.max(...s)
      const e = s.map((z) => Math.exp(z - max))
      const z = e.reduce((a, b) => a + b, 0)
      const lr = (weight * this.c) / Math.sqrt(1 + this.t / 1000)
      for (let i = 0; i < nLabels; i++) {
        const g = (i === label ? 1 : 0) - e[i] / z
        if (Math.abs(g) > 1e-3) this.addTo(x, i, lr * g)
      }
    }
    this.t++
  }

  private effective(row: Row, j: number): number {
    return this.average ? row.w[j] - row.u[j] / this.t : row.w[j]
  }

  /** Scores per label with the averaged weights (when averaging). */
  scores(x: FeatureVector, nLabels: number): number[] {
    const out = new Array<number>(nLabels).fill(0)
    for (const [k, v] of x) {
      const row = this.w.get(k)
      if (!row) continue
      for (let j = 0; j < row.size; j++) if (row.labels[j] < nLabels) out[row.labels[j]] += v * this.effective(row, j)
    }
    return out
  }

  /** The (averaged) weight of one feature for every label. */
  weightsOf(key: string, nLabels: number): number[] {
    const out = new Array<number>(nLabels).fill(0)
    const row = this.w.get(key)
    if (row) for (let j = 0; j < row.size; j++) if (row.labels[j] < nLabels) out[row.labels[j]] = this.effective(row, j)
    return out
  }

  /**
   * The stored weights. `minUnits` prunes: weights smaller than that many units (1e-4) are left
   * out (1, the default, keeps every weight that rounds to a unit).
   */
  toJSON(minUnits = 1): LinearState {
    const w: Record<string, number[]> = {}
    for (const [k, row] of this.w) {
      const flat: number[] = []
      for (let j = 0; j < row.size; j++) {
        // Feature values are at most 1 and margins are 1: weights below the unit change nothing.
        const units = Math.round(this.effective(row, j) / WEIGHT_UNIT)
        if (units !== 0 && Math.abs(units) >= minUnits) flat.push(row.labels[j], units)
      }
      if (flat.length) w[k] = flat
    }
    return { w, t: this.t }
  }
}
