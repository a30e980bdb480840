// Category routing on Purbalingga's 834 categorised complaints (6 sectors). The file has no dates,
// so its own order stands in for time: learn the first 70% in file order, then predict, score and
// learn the rest online (the routing protocol of `aduan triage eval`). Router and baseline NB.
//   npx tsx bench/triage/sector-routing.ts [../shared/data/purbalingga/complaints-categorised.csv]
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { evaluateRouting, type LabelledRow } from '../../src/triage/evaluate.ts'

const file = process.argv[2] ?? '../shared/data/purbalingga/complaints-categorised.csv'
const records = parse(readFileSync(file), { columns: true, bom: true, skip_empty_lines: true }) as { text: string; kategori: string }[]
const rows: LabelledRow[] = records
  .filter((r) => r.text && r.kategori)
  .map((r, i) => ({ id: String(i), text: r.text, label: r.kategori, submittedAt: String(i).padStart(6, '0') }))
const cut = Math.floor(rows.length * 0.7)
const train = rows.slice(0, cut)
const test = rows.slice(cut)
for (const model of ['naive-bayes', 'router'] as const) {
  const r = evaluateRouting(train, test, { model, minTrainRows: 0 })
  const f = (x: number) => +x.toFixed(3)
  console.log(JSON.stringify({ model, train: r.train, test: r.test, top1: f(r.top1), top3: f(r.top3), macroF1: f(r.macroF1), ms: f(r.msPerPrediction), cpuMs: f(r.cpuMsPerPrediction) }))
}
