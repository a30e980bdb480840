// Error analysis on the validation split (Aug-Sep 2022) of the training period.
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { prepareText } from '../../src/triage/text.ts'
import { featuresOf, logNormalize } from '../../src/triage/features.ts'
import { NaiveBayes } from '../../src/triage/naive-bayes.ts'
import { routingMetrics } from '../../src/triage/metrics.ts'
type Row = { text: string; agency: string; submitted_at: string }
const rows = (parse(readFileSync('../shared/data/surabaya/complaints-2022.csv'), { columns: true }) as Row[])
  .filter((r) => r.submitted_at < '2022-10-01').sort((a, b) => a.submitted_at.localeCompare(b.submitted_at))
const train = rows.filter((r) => r.submitted_at < '2022-08-01'), val = rows.filter((r) => r.submitted_at >= '2022-08-01')
const counts = new Map<string, number>(); for (const r of train) counts.set(r.agency, (counts.get(r.agency) ?? 0) + 1)
const lab = (a: string) => ((counts.get(a) ?? 0) >= 50 ? a : 'other')
const labels = [...new Set(rows.map((r) => lab(r.agency)))]; const idx = new Map(labels.map((l, i) => [l, i]))
const nb = new NaiveBayes({ alpha: 0.5 })
const f = (r: Row) => featuresOf(prepareText(r.text), { charNgrams: [] })
for (const r of train) nb.update(f(r), idx.get(lab(r.agency))!)
const preds = []; const conf = new Map<string, number>()
// nearest neighbour check
const seen = train.map((r) => ({ v: logNormalize(f(r)), l: lab(r.agency) }))
let nnHit = 0, nnClose = 0, nnCloseRight = 0
for (const r of val) {
  const x = f(r); const s = nb.scores(x, labels.length)
  const ranked = s.map((v, i) => [v, i]).sort((a, b) => b[0] - a[0]).map(([, i]) => labels[i])
  const g = lab(r.agency); preds.push({ gold: g, ranked })
  if (ranked[0] !== g) conf.set(g.slice(0, 25) + ' -> ' + ranked[0].slice(0, 25), (conf.get(g.slice(0, 25) + ' -> ' + ranked[0].slice(0, 25)) ?? 0) + 1)
  const xv = logNormalize(x); let best = 0, bl = ''
  for (const e of seen) { let d = 0; for (const [k, v] of xv) d += v * (e.v.get(k) ?? 0); if (d > best) { best = d; bl = e.l } }
  if (best > 0.8) { nnClose++; if (bl === g) nnCloseRight++ }
  if (bl === g) nnHit++
  nb.update(x, idx.get(g)!); seen.push({ v: xv, l: g })
}
const m = routingMetrics(preds); console.log(m.top1, m.top3, m.macroF1)
for (const [l, v] of Object.entries(m.perLabel)) console.log(l.slice(0, 50).padEnd(52), v.support, v.f1.toFixed(3))
console.log([...conf].sort((a, b) => b[1] - a[1]).slice(0, 25))
console.log('1-NN acc', nnHit / val.length, 'close(>0.8)', nnClose, 'right', nnCloseRight)
