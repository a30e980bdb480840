// Naive Bayes variants and internal label granularity for "other", training period only.
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { prepareText } from '../../src/triage/text.ts'
import { featuresOf, type FeatureVector, type FeatureOptions } from '../../src/triage/features.ts'
import { NaiveBayes } from '../../src/triage/naive-bayes.ts'
import { routingMetrics } from '../../src/triage/metrics.ts'
type Row = { text: string; agency: string; submitted_at: string }
const rows = (parse(readFileSync('../shared/data/surabaya/complaints-2022.csv'), { columns: true }) as Row[])
  .filter((r) => r.submitted_at < '2022-10-01').sort((a, b) => a.submitted_at.localeCompare(b.submitted_at))
const train = rows.filter((r) => r.submitted_at < '2022-08-01'), val = rows.filter((r) => r.submitted_at >= '2022-08-01')
const counts = new Map<string, number>(); for (const r of train) counts.set(r.agency, (counts.get(r.agency) ?? 0) + 1)
const lab = (a: string) => ((counts.get(a) ?? 0) >= 50 ? a : 'other')
const gran: Record<string, (a: string) => string> = {
  other: lab,
  kind: (a) => (lab(a) === 'other' ? 'other:' + a.split(' ')[0] : a),
  raw: (a) => (lab(a) === 'other' ? 'other:' + a : a),
}
const pre = new Map(rows.map((r) => [r, prepareText(r.text)]))
function bin(v: FeatureVector) { const o = new Map(v); for (const k of o.keys()) o.set(k, 1); return o }
function run(name: string, fo: FeatureOptions, binary: boolean, alpha: number, complement: boolean, g: string, agg: 'max' | 'sum') {
  const f = new Map(rows.map((r) => { const v = featuresOf(pre.get(r)!, fo); return [r, binary ? bin(v) : v] }))
  const inner: string[] = []; const ii = new Map<string, number>(); const id = (l: string) => { let i = ii.get(l); if (i === undefined) { i = inner.length; inner.push(l); ii.set(l, i) } return i }
  const m = new NaiveBayes({ alpha, complement })
  for (const r of train) m.update(f.get(r)!, id(gran[g](r.agency)))
  const preds = []
  for (const r of val) {
    const s = m.scores(f.get(r)!, inner.length)
    // softmax then aggregate internal labels to scored labels
    const mx = Math.max(...s); const p = s.map((x) => Math.exp(x - mx))
    const outer = new Map<string, number>()
    inner.forEach((l, i) => { const o = l.startsWith('other') ? 'other' : l; outer.set(o, agg === 'sum' ? (outer.get(o) ?? 0) + p[i] : Math.max(outer.get(o) ?? 0, p[i])) })
    preds.push({ gold: lab(r.agency), ranked: [...outer].sort((a, b) => b[1] - a[1]).map(([l]) => l) })
    m.update(f.get(r)!, id(gran[g](r.agency)))
  }
  const mt = routingMetrics(preds); console.log(name.padEnd(50), mt.top1.toFixed(4), mt.top3.toFixed(4), mt.macroF1.toFixed(4))
}
const mode = process.argv[2]
if (mode === 'feat') {
  for (const [fn, fo] of [['uni', { bigrams: false, charNgrams: [] }], ['uni+bi', { charNgrams: [] }], ['uni+bi+c4', { charNgrams: [4] }]] as const)
    for (const binary of [false, true]) for (const alpha of [0.3, 1]) for (const comp of [true, false])
      run(`${fn} bin=${binary} a=${alpha} comp=${comp}`, fo as FeatureOptions, binary, alpha, comp, 'other', 'max')
} else {
  for (const g of ['other', 'kind', 'raw']) for (const agg of ['max', 'sum'] as const) for (const comp of [true, false])
    run(`gran=${g} agg=${agg} comp=${comp}`, { charNgrams: [] }, true, comp ? 0.5 : 0.1, comp, g, agg)
}
