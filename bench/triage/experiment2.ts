// Replay (rehearsal) and ensembles, on the training period only (Jan-Jul -> Aug-Sep).
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { prepareText } from '../../src/triage/text.ts'
import { featuresOf, logNormalize, type FeatureVector, type FeatureOptions } from '../../src/triage/features.ts'
import { NaiveBayes } from '../../src/triage/naive-bayes.ts'
import { OnlineLinear, type LinearOptions } from '../../src/triage/linear.ts'
import { routingMetrics } from '../../src/triage/metrics.ts'
type Row = { text: string; agency: string; submitted_at: string }
const rows = (parse(readFileSync('../shared/data/surabaya/complaints-2022.csv'), { columns: true }) as Row[])
  .filter((r) => r.submitted_at < '2022-10-01').sort((a, b) => a.submitted_at.localeCompare(b.submitted_at))
const train = rows.filter((r) => r.submitted_at < '2022-08-01'), val = rows.filter((r) => r.submitted_at >= '2022-08-01')
const counts = new Map<string, number>(); for (const r of train) counts.set(r.agency, (counts.get(r.agency) ?? 0) + 1)
const lab = (a: string) => ((counts.get(a) ?? 0) >= 50 ? a : 'other')
const labels = [...new Set(rows.map((r) => lab(r.agency)))]; const L = labels.length; const idx = new Map(labels.map((l, i) => [l, i]))
const pre = new Map(rows.map((r) => [r, prepareText(r.text)]))
const fw = new Map(rows.map((r) => [r, featuresOf(pre.get(r)!, { charNgrams: [] })]))
const fc = new Map(rows.map((r) => [r, featuresOf(pre.get(r)!, { charNgrams: [3, 4, 5] })]))
let seed = 42; const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
function z(s: number[]) { const m = s.reduce((a, b) => a + b, 0) / s.length; const sd = Math.sqrt(s.reduce((a, b) => a + (b - m) ** 2, 0) / s.length) || 1; return s.map((x) => (x - m) / sd) }
interface M { learn(r: Row, y: number): void; score(r: Row): number[] }
function run(name: string, m: M) {
  for (const r of train) m.learn(r, idx.get(lab(r.agency))!)
  const preds = []; const t0 = performance.now()
  for (const r of val) { const s = m.score(r); preds.push({ gold: lab(r.agency), ranked: s.map((v, i) => [v, i]).sort((a, b) => b[0] - a[0]).map(([, i]) => labels[i]) }); m.learn(r, idx.get(lab(r.agency))!) }
  const mt = routingMetrics(preds); console.log(name.padEnd(44), mt.top1.toFixed(4), mt.top3.toFixed(4), mt.macroF1.toFixed(4), ((performance.now() - t0) / val.length).toFixed(2) + 'ms')
}
function nb(alpha = 0.5): M { const m = new NaiveBayes({ alpha }); return { learn: (r, y) => m.update(fw.get(r)!, y), score: (r) => m.scores(fw.get(r)!, L) } }
function lin(opt: LinearOptions, chars: boolean, replay: number): M {
  const m = new OnlineLinear(opt); const buf: [FeatureVector, number][] = []
  const cache = new Map<Row, FeatureVector>(); const f = (r: Row) => { let v = cache.get(r); if (!v) { v = logNormalize((chars ? fc : fw).get(r)!); cache.set(r, v) } return v }
  return { learn: (r, y) => { const x = f(r); m.update(x, y, L); buf.push([x, y]); for (let i = 0; i < replay; i++) { const [bx, by] = buf[Math.floor(rnd() * buf.length)]; m.update(bx, by, L) } }, score: (r) => m.scores(f(r), L) }
}
function ens(parts: [M, number][]): M { return { learn: (r, y) => parts.forEach(([m]) => m.learn(r, y)), score: (r) => { const out = new Array(L).fill(0); for (const [m, w] of parts) z(m.score(r)).forEach((v, i) => (out[i] += w * v)); return out } } }
const which = process.argv[2] ?? 'all'
if (which === 'replay' || which === 'all') {
  for (const rp of [0, 2, 5]) for (const c of [0.1, 1]) run(`pa c=${c} words replay=${rp}`, lin({ algorithm: 'pa', c }, false, rp))
  for (const rp of [2, 5]) run(`pa c=1 chars replay=${rp}`, lin({ algorithm: 'pa', c: 1 }, true, rp))
  for (const rp of [2, 5]) run(`logistic c=2 chars replay=${rp}`, lin({ algorithm: 'logistic', c: 2 }, true, rp))
}
if (which === 'ens' || which === 'all') {
  for (const w of [0.5, 1, 2]) run(`ens nb + pa(words,rp2) w=${w}`, ens([[nb(), 1], [lin({ algorithm: 'pa', c: 1 }, false, 2), w]]))
  run(`ens nb + pa(chars,rp2)`, ens([[nb(), 1], [lin({ algorithm: 'pa', c: 1 }, true, 2), 1]]))
  run(`ens nb + lr(chars,rp2)`, ens([[nb(), 1], [lin({ algorithm: 'logistic', c: 2 }, true, 2), 1]]))
  run(`ens nb + pa(words) + lr(chars)`, ens([[nb(), 1], [lin({ algorithm: 'pa', c: 1 }, false, 2), 1], [lin({ algorithm: 'logistic', c: 2 }, true, 2), 1]]))
}
