// Model selection inside the training period only: learn Jan-Jun 2022, validate on Jul-Sep 2022
// (online, as in the protocol: predict each row, then learn it). Labels are those with >= 50
// reports in the whole training period (Jan-Sep), the evaluation's labels. The evaluation months
// (Oct-Dec) are never read here.
//   npx tsx bench/triage/select.ts [FILE] [GRID-INDEX...] [--from YYYY-MM-DD]
// --from 2022-08-01 gives the second, shorter validation window (learn Jan-Jul, validate Aug-Sep).
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { evaluateRouting, splitByDate, type EvalOptions, type LabelledRow } from '../../src/triage/evaluate.ts'

const argv = process.argv.slice(2)
const fromAt = argv.indexOf('--from')
const from = fromAt >= 0 ? argv.splice(fromAt, 2)[1]! : '2022-07-01'
const file = argv[0] ?? '../shared/data/surabaya/complaints-2022.csv'
type Csv = { id: string; text: string; agency: string; submitted_at: string }
const rows: LabelledRow[] = (parse(readFileSync(file), { columns: true }) as Csv[])
  .filter((r) => r.submitted_at < '2022-10-01')
  .map((r) => ({ id: r.id, text: r.text, label: r.agency, submittedAt: r.submitted_at }))
const { train, test } = splitByDate(rows, from)

const OLD = { nb: 1, linear: 1, neighbours: 0.5 }
const grid: [string, EvalOptions][] = [
  ['baseline multinomial NB', { model: 'naive-bayes' }],
  ['router defaults', {}],
  ['router before issue 7 round 2', { router: { weights: OLD, biasRate: 0 } }],
  ['router no bias', { router: { biasRate: 0 } }],
  ['router bias 0.02, linear 1', { router: { weights: OLD, biasRate: 0.02 } }],
  ['router bias 0.05', { router: { biasRate: 0.05 } }],
  ['router no neighbours', { router: { weights: { nb: 1, linear: 0.7, neighbours: 0 } } }],
  ['router memory 3000', { router: { memory: 3000 } }],
  ['router chars [3,4]', { router: { charNgrams: [3, 4] } }],
]
const pick = argv.slice(1).map(Number)
for (const [i, [name, opts]] of grid.entries()) {
  if (pick.length && !pick.includes(i)) continue
  const r = evaluateRouting(train, test, { ...opts, labelRows: rows })
  console.log(`${i} ${name.padEnd(30)} top1 ${r.top1.toFixed(4)} top3 ${r.top3.toFixed(4)} macroF1 ${r.macroF1.toFixed(4)} ms ${r.msPerPrediction.toFixed(2)} cpu-ms ${r.cpuMsPerPrediction.toFixed(2)}`)
}
