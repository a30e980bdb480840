// An online multiclass linear model over sparse features: passive-aggressive (PA-II, Crammer et
// al. 2006) or softmax regression by SGD, with optional weight averaging (as in the averaged
// perceptron) which makes a single online pass nearly as good as several epochs.
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
  /** feature -> weight per label index */
  w: Record<string, number[]>
  /** averaging accumulators (feature -> per label), present when averaging */
  u?: Record<string, number[]>
  /** number of updates seen (the averaging clock) */
  t: number
}

function get(m: Map<string, number[]>, k: string, label: number): number[] {
  let row = m.get(k)
  if (!row) {
    row = []
    m.set(k, row)
  }
  while (row.length <= label) row.push(0)
  return row
}

export class OnlineLinear {
  private w = new Map<string, number[]>()
  private u = new Map<string, number[]>()
  private t = 1
  readonly algorithm: LinearAlgorithm
  private readonly c: number
  private readonly average: boolean

  constructor(options: LinearOptions = {}, state?: LinearState) {
    this.algorithm = options.algorithm ?? 'pa'
    this.c = options.c ?? (this.algorithm === 'pa' ? 1 : 0.5)
    this.average = options.average ?? true
    if (state) {
      this.w = new Map(Object.entries(state.w).map(([k, v]) => [k, v.slice()]))
      this.u = new Map(Object.entries(state.u ?? {}).map(([k, v]) => [k, v.slice()]))
      this.t = state.t
    }
  }

  /** Raw scores with the current (not averaged) weights. */
  private rawScores(x: FeatureVector, nLabels: number): number[] {
    const out = new Array<number>(nLabels).fill(0)
    for (const [k, v] of x) {
      const row = this.w.get(k)
      if (!row) continue
      for (let i = 0; i < nLabels && i < row.length; i++) out[i] += v * row[i]
    }
    return out
  }

  /** Adds `step * x` to the weights of one label, keeping the averaging accumulators in step. */
  private addTo(x: FeatureVector, label: number, step: number): void {
    for (const [k, v] of x) {
      get(this.w, k, label)[label] += step * v
      if (this.average) get(this.u, k, label)[label] += this.t * step * v
    }
  }

  /** One online update towards `label` (weight scales the step; negative weight pushes away). */
  update(x: FeatureVector, label: number, nLabels: number, weight = 1): void {
    let sq = 0
    for (const v of x.values()) sq += v * v
    if (sq === 0) return
    const s = this.rawScores(x, nLabels)
    if (weight < 0) {
      // "Not this label": push its score below the best other label by a margin of one.
      let best = -Infinity
      for (let i = 0; i < nLabels; i++) if (i !== label) best = Math.max(best, s[i])
      const loss = Math.max(0, 1 + s[label] - (best === -Infinity ? 0 : best))
      if (loss > 0) this.addTo(x, label, (weight * loss) / (sq + 1 / (2 * this.c)))
    } else if (this.algorithm === 'pa') {
      let rival = -1
      for (let i = 0; i < nLabels; i++) if (i !== label && (rival < 0 || s[i] > s[rival])) rival = i
      const margin = s[label] - (rival >= 0 ? s[rival] : 0)
      const loss = Math.max(0, 1 - margin)
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

  /** Scores with averaged weights (when averaging), per label, plus per-feature contributions. */
  scores(x: FeatureVector, nLabels: number, contributions?: Map<string, number[]>): number[] {
    const out = new Array<number>(nLabels).fill(0)
    for (const [k, v] of x) {
      const row = this.w.get(k)
      if (!row) continue
      const acc = this.average ? this.u.get(k) : undefined
      const contrib = contributions ? new Array<number>(nLabels).fill(0) : undefined
      for (let i = 0; i < nLabels && i < row.length; i++) {
        const wi = acc ? row[i] - (acc[i] ?? 0) / this.t : row[i]
        out[i] += v * wi
        if (contrib) contrib[i] = v * wi
      }
      if (contributions && contrib) contributions.set(k, contrib)
    }
    return out
  }

  toJSON(): LinearState {
    const round = (row: number[]) => row.map((x) => +x.toPrecision(6))
    const w: Record<string, number[]> = {}
    const u: Record<string, number[]> = {}
    for (const [k, row] of this.w) {
      if (row.every((x) => x === 0)) continue
      w[k] = round(row)
      const acc = this.u.get(k)
      if (this.average && acc) u[k] = round(acc)
    }
    return this.average ? { w, u, t: this.t } : { w, t: this.t }
  }
}
