// Model-selection experiments on the TRAINING period only: learn Jan-Jul, validate Aug-Sep 2022
// (online: learn each validation row after predicting it). Never reads Oct-Dec.
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { prepareText } from '../../src/triage/text.ts'
import { featuresOf, logNormalize, type FeatureVector, type FeatureOptions } from '../../src/triage/features.ts'
import { NaiveBayes } from '../../src/triage/naive-bayes.ts'
import { OnlineLinear } from '../../src/triage/linear.ts'
import { routingMetrics } from '../../src/triage/metrics.ts'

const file = process.argv[2] ?? '../shared/data/surabaya/complaints-2022.csv'
type Row = { text: string; agency: string; submitted_at: string }
const rows = (parse(readFileSync(file), { columns: true }) as Row[])
  .filter((r) => r.submitted_at < '2022-10-01')
  .sort((a, b) => a.submitted_at.localeCompare(b.submitted_at))
const train = rows.filter((r) => r.submitted_at < '2022-08-01')
const val = rows.filter((r) => r.submitted_at >= '2022-08-01')
const counts = new Map<string, number>()
for (const r of train) counts.set(r.agency, (counts.get(r.agency) ?? 0) + 1)
const lab = (a: string) => ((counts.get(a) ?? 0) >= 50 ? a : 'other')
const labels = [...new Set(rows.map((r) => lab(r.agency)))]
const L = labels.length
const idx = new Map(labels.map((l, i) => [l, i]))
const prepared = rows.map((r) => prepareText(r.text))
const pre = new Map(rows.map((r, i) => [r, prepared[i]]))

function run(name: string, fopt: FeatureOptions, make: () => { learn(x: FeatureVector, y: number): void; score(x: FeatureVector): number[] }) {
  const m = make()
  const feats = new Map(rows.map((r) => [r, featuresOf(pre.get(r)!, fopt)]))
  for (const r of train) m.learn(feats.get(r)!, idx.get(lab(r.agency))!)
  const preds = []
  const t0 = performance.now()
  for (const r of val) {
    const s = m.score(feats.get(r)!)
    const ranked = s.map((v, i) => [v, i]).sort((a, b) => b[0] - a[0]).map(([, i]) => labels[i])
    preds.push({ gold: lab(r.agency), ranked })
    m.learn(feats.get(r)!, idx.get(lab(r.agency))!)
  }
  const ms = (performance.now() - t0) / val.length
  const mt = routingMetrics(preds)
  console.log(name.padEnd(40), mt.top1.toFixed(4), mt.top3.toFixed(4), mt.macroF1.toFixed(4), ms.toFixed(2) + 'ms')
}

// idf from the documents learned so far (online)
class Idf { df = new Map<string, number>(); n = 0
  add(x: FeatureVector) { this.n++; for (const k of x.keys()) this.df.set(k, (this.df.get(k) ?? 0) + 1) }
  w = (k: string) => Math.log((this.n + 1) / ((this.df.get(k) ?? 0) + 1)) + 1 }

const wordOnly: FeatureOptions = { charNgrams: [] }
const all: FeatureOptions = {}
for (const complement of [false, true]) for (const alpha of [0.05, 0.2, 0.5]) {
  run(`nb comp=${complement} a=${alpha}`, wordOnly, () => { const nb = new NaiveBayes({ alpha, complement }); return { learn: (x, y) => nb.update(x, y), score: (x) => nb.scores(x, L) } })
}
const sel = process.argv[3]
for (const fo of [['words', wordOnly], ['words+char345', all], ['words+char34', { charNgrams: [3, 4] }]] as const)
  for (const [alg, c] of [['pa', 0.1], ['pa', 1], ['logistic', 0.5], ['logistic', 2]] as const)
    for (const idfOn of [false, true]) {
      run(`${alg} c=${c} ${fo[0]} idf=${idfOn}`, fo[1], () => {
        const m = new OnlineLinear({ algorithm: alg, c }); const idf = new Idf()
        const tx = (x: FeatureVector) => logNormalize(x, idfOn ? idf.w : undefined)
        return { learn: (x, y) => { idf.add(x); m.update(tx(x), y, L) }, score: (x) => m.scores(tx(x), L) }
      })
    }
