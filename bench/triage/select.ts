// Model selection inside the training period only: learn Jan-Jul 2022, validate on Aug-Sep 2022
// (online, as in the protocol). The evaluation months (Oct-Dec) are never read here.
//   npx tsx bench/triage/select.ts [FILE] [GRID-INDEX...]
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { evaluateRouting, splitByDate, type EvalOptions, type LabelledRow } from '../../src/triage/evaluate.ts'

const file = process.argv[2] ?? '../shared/data/surabaya/complaints-2022.csv'
type Csv = { id: string; text: string; agency: string; submitted_at: string }
const rows: LabelledRow[] = (parse(readFileSync(file), { columns: true }) as Csv[])
  .filter((r) => r.submitted_at < '2022-10-01')
  .map((r) => ({ id: r.id, text: r.text, label: r.agency, submittedAt: r.submitted_at }))
const { train, test } = splitByDate(rows, '2022-08-01')

const grid: [string, EvalOptions][] = [
  ['baseline multinomial NB', { model: 'naive-bayes' }],
  ['router defaults', {}],
  ['router no neighbours', { router: { weights: { nb: 1, linear: 1, neighbours: 0 } } }],
  ['router neighbours 1.0', { router: { weights: { nb: 1, linear: 1, neighbours: 1 } } }],
  ['router memory 3000', { router: { memory: 3000 } }],
  ['router chars [3,4]', { router: { charNgrams: [3, 4] } }],
  ['router nb 1.5', { router: { weights: { nb: 1.5, linear: 1, neighbours: 0.5 } } }],
  ['router c 0.3', { router: { c: 0.3 } }],
  ['router alpha 0.2', { router: { alpha: 0.2 } }],
  ['router k 5', { router: { neighbours: 5 } }],
]
const pick = process.argv.slice(3).map(Number)
for (const [i, [name, opts]] of grid.entries()) {
  if (pick.length && !pick.includes(i)) continue
  const r = evaluateRouting(train, test, opts)
  console.log(`${i} ${name.padEnd(28)} top1 ${r.top1.toFixed(4)} top3 ${r.top3.toFixed(4)} macroF1 ${r.macroF1.toFixed(4)} ms ${r.msPerPrediction.toFixed(2)}`)
}
