// Transformed CNB, recency weighting, nearest neighbours and ensembles (training period only).
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { prepareText } from '../../src/triage/text.ts'
import { featuresOf, logNormalize, type FeatureVector } from '../../src/triage/features.ts'
import { NaiveBayes } from '../../src/triage/naive-bayes.ts'
import { OnlineLinear } from '../../src/triage/linear.ts'
import { routingMetrics } from '../../src/triage/metrics.ts'
type Row = { text: string; agency: string; submitted_at: string }
const rows = (parse(readFileSync('../shared/data/surabaya/complaints-2022.csv'), { columns: true }) as Row[])
  .filter((r) => r.submitted_at < '2022-10-01').sort((a, b) => a.submitted_at.localeCompare(b.submitted_at))
const train = rows.filter((r) => r.submitted_at < '2022-08-01'), val = rows.filter((r) => r.submitted_at >= '2022-08-01')
const counts = new Map<string, number>(); for (const r of train) counts.set(r.agency, (counts.get(r.agency) ?? 0) + 1)
const lab = (a: string) => ((counts.get(a) ?? 0) >= 50 ? a : 'other')
const inner = (a: string) => (lab(a) === 'other' ? 'other:' + a.split(' ')[0] : a)
const labels: string[] = []; const ii = new Map<string, number>(); const id = (l: string) => { let i = ii.get(l); if (i === undefined) { i = labels.length; labels.push(l); ii.set(l, i) } return i }
for (const r of rows) id(inner(r.agency)); const L = labels.length
const pre = new Map(rows.map((r) => [r, prepareText(r.text)]))
const fw = new Map(rows.map((r) => [r, featuresOf(pre.get(r)!, { charNgrams: [] })]))
const fc = new Map(rows.map((r) => [r, featuresOf(pre.get(r)!, { charNgrams: [3, 4, 5] })]))
class Idf { df = new Map<string, number>(); n = 0; add(x: FeatureVector) { this.n++; for (const k of x.keys()) this.df.set(k, (this.df.get(k) ?? 0) + 1) } w = (k: string) => Math.log((this.n + 1) / ((this.df.get(k) ?? 0) + 1)) + 1 }
function z(s: number[]) { const m = s.reduce((a, b) => a + b, 0) / s.length; const sd = Math.sqrt(s.reduce((a, b) => a + (b - m) ** 2, 0) / s.length) || 1; return s.map((x) => (x - m) / sd) }
interface M { learn(r: Row, y: number, t: number): void; score(r: Row): number[] }
function run(name: string, m: M) {
  let t = 0; for (const r of train) m.learn(r, id(inner(r.agency)), t++)
  const preds = []; const t0 = performance.now()
  for (const r of val) {
    const s = m.score(r); const outer = new Map<string, number>()
    labels.forEach((l, i) => { const o = l.startsWith('other') ? 'other' : l; outer.set(o, Math.max(outer.get(o) ?? -Infinity, s[i])) })
    preds.push({ gold: lab(r.agency), ranked: [...outer].sort((a, b) => b[1] - a[1]).map(([l]) => l) }); m.learn(r, id(inner(r.agency)), t++)
  }
  const mt = routingMetrics(preds); console.log(name.padEnd(44), mt.top1.toFixed(4), mt.top3.toFixed(4), mt.macroF1.toFixed(4), ((performance.now() - t0) / val.length).toFixed(2) + 'ms')
}
function nb(alpha = 0.5, tau = 0, tw = false): M {
  const m = new NaiveBayes({ alpha }); const idf = new Idf()
  const tx = (x: FeatureVector) => (tw ? logNormalize(x, idf.w) : x)
  return { learn: (r, y, t) => { idf.add(fw.get(r)!); m.update(tx(fw.get(r)!), y, tau ? Math.exp(t / tau) : 1) }, score: (r) => m.scores(tx(fw.get(r)!), L) }
}
function pa(chars: boolean, c = 1): M { const m = new OnlineLinear({ algorithm: 'pa', c }); const f = (r: Row) => logNormalize((chars ? fc : fw).get(r)!); return { learn: (r, y) => m.update(f(r), y, L), score: (r) => m.scores(f(r), L) } }
function knn(k: number, recent: number): M {
  const mem: [FeatureVector, number][] = []
  return { learn: (r, y) => { mem.push([logNormalize(fw.get(r)!), y]); if (mem.length > recent) mem.shift() },
    score: (r) => { const x = logNormalize(fw.get(r)!); const sims = mem.map(([v, y]) => { let d = 0; for (const [kk, a] of x) d += a * (v.get(kk) ?? 0); return [d, y] as const }).sort((a, b) => b[0] - a[0]).slice(0, k)
      const out = new Array(L).fill(0); for (const [d, y] of sims) out[y] += d ** 2; return out } }
}
function ens(parts: [M, number][]): M { return { learn: (r, y, t) => parts.forEach(([m]) => m.learn(r, y, t)), score: (r) => { const out = new Array(L).fill(0); for (const [m, w] of parts) z(m.score(r)).forEach((v, i) => (out[i] += w * v)); return out } } }
const mode = process.argv[2]
if (mode === 'a') {
  run('cnb', nb()); run('cnb tau=3000', nb(0.5, 3000)); run('cnb tau=1500', nb(0.5, 1500)); run('twcnb a=0.1', nb(0.1, 0, true)); run('twcnb a=0.02', nb(0.02, 0, true)); run('twcnb a=0.1 tau=3000', nb(0.1, 3000, true))
  run('knn k=10', knn(10, 100000)); run('knn k=30', knn(30, 100000))
} else {
  run('ens cnb+pa(chars)', ens([[nb(), 1], [pa(true), 1]]))
  run('ens cnb+pa(chars) c=0.3', ens([[nb(), 1], [pa(true, 0.3), 1]]))
  run('ens cnb+pa(chars)+knn10', ens([[nb(), 1], [pa(true), 1], [knn(10, 100000), 0.5]]))
  run('ens twcnb+pa(chars)', ens([[nb(0.1, 0, true), 1], [pa(true), 1]]))
  run('ens cnb(tau3000)+pa(chars)', ens([[nb(0.5, 3000), 1], [pa(true), 1]]))
}
