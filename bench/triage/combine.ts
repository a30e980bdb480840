// Model selection, step 2: combinations of the learners recorded by bench/triage/components.ts,
// scored on a validation window inside the training period (default Jul-Sep 2022; pass 2022-08
// for Aug-Sep). Each learner's scores are z-normalised over the labels, as in the router; a
// per-label bias may be learned online by one softmax-regression step per decision (before the
// window and inside it, predicting first, as the router does).
//   npx tsx bench/triage/combine.ts /tmp/components.json [2022-07]
import { readFileSync } from 'node:fs'

interface Rec {
  y: number
  m: string
  [component: string]: number | string | boolean | number[] | number[][]
}
const { labels, recs } = JSON.parse(readFileSync(process.argv[2] ?? '/tmp/components.json', 'utf8')) as { labels: string[]; recs: Rec[] }
const from = process.argv[3] ?? '2022-07'
const n = labels.length
const z = (s: number[]) => {
  const m = s.reduce((a, b) => a + b, 0) / n
  const sd = Math.sqrt(s.reduce((a, b) => a + (b - m) ** 2, 0) / n)
  return sd > 1e-12 ? s.map((x) => (x - m) / sd) : s.map(() => 0)
}
const NAMES = ['nb', 'lin', 'nn', 'loc', 'addr', 'nn5', 'nn25', 'nbc', 'linW', 'linR', 'p0', 'p1', 'p2', 'p3'] as const
type Name = (typeof NAMES)[number]
const rows = recs.map((r) => {
  const f = new Map<Name, number[]>()
  for (const c of NAMES) {
    const v = c.startsWith('p') ? (r.prior as number[][] | undefined)?.[Number(c.slice(1))] : (r[c] as number[] | undefined)
    if (v) f.set(c, z(v))
  }
  return { y: r.y, val: r.m >= from, f }
})

interface Combo {
  w: Partial<Record<Name, number>>
  /** learning rate of the online per-label bias (0: none) */
  bias?: number
  /** learning rate of per-label component weights (0: fixed weights) */
  perLabel?: number
}

function run(o: Combo): string {
  const used = Object.keys(o.w) as Name[]
  const th = Array.from({ length: n }, () => used.map((c) => o.w[c] ?? 0))
  const b = new Array<number>(n).fill(0)
  const tp = new Array<number>(n).fill(0)
  const fp = new Array<number>(n).fill(0)
  const sup = new Array<number>(n).fill(0)
  let t1 = 0
  let t3 = 0
  let count = 0
  for (const r of rows) {
    const feats = used.map((c) => r.f.get(c) ?? new Array<number>(n).fill(0))
    const s = b.map((bi, i) => bi + feats.reduce((a, f, j) => a + th[i]![j]! * f[i]!, 0))
    if (r.val) {
      const order = s.map((_, i) => i).sort((a, c) => s[c]! - s[a]!)
      count++
      sup[r.y]!++
      if (order[0] === r.y) {
        t1++
        tp[r.y]!++
      } else fp[order[0]!]!++
      if (order.slice(0, 3).includes(r.y)) t3++
    }
    if (!o.bias && !o.perLabel) continue
    const mx = Math.max(...s)
    const e = s.map((v) => Math.exp(v - mx))
    const sum = e.reduce((a, c) => a + c, 0)
    for (let i = 0; i < n; i++) {
      const g = (i === r.y ? 1 : 0) - e[i]! / sum
      b[i]! += (o.bias ?? 0) * g
      if (o.perLabel) feats.forEach((f, j) => (th[i]![j]! += o.perLabel! * g * f[i]!))
    }
  }
  let f1 = 0
  let k = 0
  for (let i = 0; i < n; i++) {
    if (!sup[i]) continue
    const p = tp[i]! + fp[i]! ? tp[i]! / (tp[i]! + fp[i]!) : 0
    const rc = tp[i]! / sup[i]!
    f1 += p + rc ? (2 * p * rc) / (p + rc) : 0
    k++
  }
  return `top1 ${(t1 / count).toFixed(4)} top3 ${(t3 / count).toFixed(4)} macroF1 ${(f1 / k).toFixed(4)}`
}

const OLD = { nb: 1, lin: 1, nn: 0.5 }
const NEW = { nb: 1, lin: 0.7, nn: 0.5 }
const grid: [string, Combo][] = [
  ['before: nb 1, linear 1, neighbours 0.5', { w: OLD }],
  ['+ location (kecamatan, kelurahan) 0.2', { w: { ...OLD, loc: 0.2 } }],
  ['+ location 0.4', { w: { ...OLD, loc: 0.4 } }],
  ['+ address words 0.2', { w: { ...OLD, addr: 0.2 } }],
  ['+ label prior, no decay, 0.2', { w: { ...OLD, p0: 0.2 } }],
  ['+ label prior, half-life 250, 0.2', { w: { ...OLD, p1: 0.2 } }],
  ['+ label prior, half-life 1000, 0.5', { w: { ...OLD, p2: 0.5 } }],
  ['weights 1, 0.7, 0.5 (no bias)', { w: NEW }],
  ['+ online bias 0.01', { w: OLD, bias: 0.01 }],
  ['+ online bias 0.02', { w: OLD, bias: 0.02 }],
  ['+ online bias 0.05', { w: OLD, bias: 0.05 }],
  ['weights 1, 0.7, 0.5 + bias 0.02', { w: NEW, bias: 0.02 }],
  ['weights 1, 0.7, 0.5 + bias 0.03 (chosen)', { w: NEW, bias: 0.03 }],
  ['weights 1, 0.7, 0.5 + bias 0.05', { w: NEW, bias: 0.05 }],
  ['chosen + location 0.2 (learned weights)', { w: { ...NEW, loc: 0.2, addr: 0.1 }, bias: 0.03 }],
  ['chosen + per-label weights 0.003', { w: NEW, bias: 0.03, perLabel: 0.003 }],
  ['chosen, 5 neighbours', { w: { nb: 1, lin: 0.7, nn5: 0.5 }, bias: 0.03 }],
  ['chosen, 25 neighbours', { w: { nb: 1, lin: 0.7, nn25: 0.5 }, bias: 0.03 }],
  ['chosen + CNB on char n-grams 0.6', { w: { ...NEW, nbc: 0.6 }, bias: 0.03 }],
  ['chosen + PA on words only 0.3', { w: { ...NEW, linW: 0.3 }, bias: 0.03 }],
  ['chosen, PA with replay instead', { w: { nb: 1, linR: 0.7, nn: 0.5 }, bias: 0.03 }],
]
for (const [i, [name, combo]] of grid.entries()) console.log(`${String(i).padStart(2)} ${name.padEnd(44)} ${run(combo)}`)
