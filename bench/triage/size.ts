// Size of a tenant's stored router state against accuracy after a save/restore, for the pruning
// settings of src/triage/models.ts. Learns the rows before --split in time order (labels with
// fewer than 50 of them count as "other", as in `aduan triage eval`), saves the state with each
// pruning variant, restores it, then runs the online protocol (predict, score, learn) on the rows
// from --split to --until.
//   npx tsx bench/triage/size.ts --data ../shared/data/surabaya/complaints-2022.csv --train-from 2022-01-01 --split 2022-08-01 --until 2022-10-01
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { routingMetrics, type Prediction } from '../../src/triage/metrics.ts'
import { createRouter, type RouterOptions } from '../../src/triage/router.ts'

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1]! : dflt
}
type Row = { text: string; agency: string; submitted_at: string }
const rows = (parse(readFileSync(arg('data', '../shared/data/surabaya/complaints-2022.csv')), { columns: true, bom: true }) as Row[])
  .filter((r) => r.text && r.agency)
  .sort((a, b) => a.submitted_at.localeCompare(b.submitted_at))
const split = arg('split', '2022-08-01')
const until = arg('until', '2022-10-01')
const train = rows.filter((r) => r.submitted_at >= arg('train-from', '0') && r.submitted_at < split)
const test = rows.filter((r) => r.submitted_at >= split && r.submitted_at < until)
const counts = new Map<string, number>()
for (const r of train) counts.set(r.agency, (counts.get(r.agency) ?? 0) + 1)
const raw = process.argv.includes('--raw-labels')
const label = (l: string) => (raw || (counts.get(l) ?? 0) >= 50 ? l : 'other')

const variants: { name: string; o: RouterOptions }[] = [
  { name: 'evaluation defaults (memory 5000, no pruning)', o: {} },
  { name: 'memory 2000', o: { memory: 2000 } },
  { name: 'memory 2000, linear >= 5e-4', o: { memory: 2000, prune: { linearUnits: 5, nbCount: 0 } } },
  { name: 'memory 2000, linear >= 1e-3, NB >= 2', o: { memory: 2000, prune: { linearUnits: 10, nbCount: 2 } } },
  { name: 'memory 2000, linear >= 2e-3, NB >= 2', o: { memory: 2000, prune: { linearUnits: 20, nbCount: 2 } } },
  { name: 'memory 2000, linear >= 5e-3, NB >= 3', o: { memory: 2000, prune: { linearUnits: 50, nbCount: 3 } } },
  { name: 'memory 2000, char 3-4-grams, linear >= 1e-3, NB >= 2', o: { memory: 2000, charNgrams: [3, 4], prune: { linearUnits: 10, nbCount: 2 } } },
  { name: 'memory 2000, char 3-4-grams, linear >= 2e-3, NB >= 2', o: { memory: 2000, charNgrams: [3, 4], prune: { linearUnits: 20, nbCount: 2 } } },
  // Chosen: NB pruning drops every word a router has seen once, on every save, so a saved router
  // could never learn a new word (a new street, a new programme) from one decision.
  { name: 'memory 2000, char 3-4-grams, linear >= 2e-3 (stored routers)', o: { memory: 2000, charNgrams: [3, 4], prune: { linearUnits: 20, nbCount: 0 } } },
]
const only = arg('variants', '')
console.log(`train ${train.length} rows (${split} excluded), test ${test.length} rows until ${until}, raw labels: ${raw}`)
for (const [i, v] of variants.entries()) {
  if (only && !only.split(',').includes(String(i))) continue
  const r0 = createRouter(undefined, v.o)
  for (const r of train) r0.learn(r.text, label(r.agency))
  const json = JSON.stringify(r0.toJSON())
  const t0 = performance.now()
  const router = createRouter(JSON.parse(json))
  const restoreMs = performance.now() - t0
  const preds: Prediction[] = []
  for (const r of test) {
    const gold = label(r.agency)
    preds.push({ gold, ranked: router.suggest(r.text, 3).map((s) => s.label) })
    router.learn(r.text, gold)
  }
  const m = routingMetrics(preds)
  const after = JSON.stringify(router.toJSON()).length
  console.log(
    JSON.stringify({
      variant: v.name,
      stateMB: +(json.length / 1e6).toFixed(2),
      afterTestMB: +(after / 1e6).toFixed(2),
      restoreMs: Math.round(restoreMs),
      top1: +m.top1.toFixed(3),
      top3: +m.top3.toFixed(3),
      macroF1: +m.macroF1.toFixed(3),
    }),
  )
}
