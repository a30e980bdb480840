// The routing evaluation protocol, pure: learn the training rows in time order, then for each
// test row in time order predict, score, and learn it (as an operator's disposition would teach
// the router). Agencies with fewer than `minTrainRows` training rows count as "other" in both.
import { createRouter, type RouterOptions } from './router.ts'
import { NaiveBayes } from './naive-bayes.ts'
import { extractFeatures } from './features.ts'
import { routingMetrics, type Prediction } from './metrics.ts'

export interface LabelledRow {
  id: string
  text: string
  label: string
  /** ISO local time; rows are ordered by it (stable for ties) */
  submittedAt: string
}

export type EvalModel = 'router' | 'naive-bayes'

export interface EvalOptions {
  /** labels with fewer training rows become "other" (default 50) */
  minTrainRows?: number
  /** 'router' (default) or the plain multinomial naive Bayes baseline */
  model?: EvalModel
  router?: RouterOptions
  /**
   * Rows whose label counts decide which labels are kept (default the training rows). Validation
   * inside the training period passes the whole period, so that it routes the same labels as the
   * evaluation does.
   */
  labelRows?: LabelledRow[]
}

export interface EvalResult {
  top1: number
  top3: number
  macroF1: number
  msPerPrediction: number
  /** CPU time of this process per prediction (user + system): the one-core cost, whatever the load */
  cpuMsPerPrediction: number
  train: number
  test: number
  perLabel: Record<string, { f1: number; support: number }>
}

export const OTHER = 'other'

function byTime(rows: LabelledRow[]): LabelledRow[] {
  return rows
    .map((r, i) => [r, i] as const)
    .sort((a, b) => a[0].submittedAt.localeCompare(b[0].submittedAt) || a[1] - b[1])
    .map(([r]) => r)
}

/** Splits rows at a date: before it (train) and from it on (test). */
export function splitByDate(rows: LabelledRow[], date: string): { train: LabelledRow[]; test: LabelledRow[] } {
  return { train: rows.filter((r) => r.submittedAt < date), test: rows.filter((r) => r.submittedAt >= date) }
}

interface Model {
  learn(text: string, label: string): void
  rank(text: string): string[]
}

function routerModel(options: RouterOptions = {}): Model {
  const router = createRouter(undefined, options)
  return {
    learn: (text, label) => router.learn(text, label),
    rank: (text) => router.suggest(text, 3).map((s) => s.label),
  }
}

/** The baseline: multinomial naive Bayes on stem unigrams + bigrams, alpha 0.1, with class priors. */
function naiveBayesModel(): Model {
  const nb = new NaiveBayes({ alpha: 0.1, complement: false })
  const labels: string[] = []
  const ids = new Map<string, number>()
  const f = (t: string) => extractFeatures(t, { charNgrams: [] })
  return {
    learn: (text, label) => {
      let y = ids.get(label)
      if (y === undefined) ids.set(label, (y = labels.push(label) - 1))
      nb.update(f(text), y)
    },
    rank: (text) => {
      const s = nb.scores(f(text), labels.length)
      return s
        .map((v, i) => [v, i])
        .sort((a, b) => b[0] - a[0])
        .slice(0, 3)
        .map(([, i]) => labels[i])
    },
  }
}

/** Runs the protocol and returns the metrics; time is that of the predictions only. */
export function evaluateRouting(train: LabelledRow[], test: LabelledRow[], options: EvalOptions = {}): EvalResult {
  const min = options.minTrainRows ?? 50
  const counts = new Map<string, number>()
  for (const r of options.labelRows ?? train) counts.set(r.label, (counts.get(r.label) ?? 0) + 1)
  const relabel = (l: string) => ((counts.get(l) ?? 0) >= min ? l : OTHER)
  const model = options.model === 'naive-bayes' ? naiveBayesModel() : routerModel(options.router)
  for (const r of byTime(train)) model.learn(r.text, relabel(r.label))
  const predictions: Prediction[] = []
  let ms = 0
  let cpuUs = 0
  for (const r of byTime(test)) {
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    const ranked = model.rank(r.text)
    ms += performance.now() - t0
    const c = process.cpuUsage(c0)
    cpuUs += c.user + c.system
    const gold = relabel(r.label)
    predictions.push({ gold, ranked })
    model.learn(r.text, gold)
  }
  const m = routingMetrics(predictions)
  const per = (x: number) => (test.length ? x / test.length : 0)
  return { ...m, msPerPrediction: per(ms), cpuMsPerPrediction: per(cpuUs / 1000), train: train.length, test: test.length }
}
