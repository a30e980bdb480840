// Model selection, round 3 (issue 7): votes of the round-2 components (components.ts, every row of
// Jan-Sep) and the round-3 candidates (explore.ts: every row, or the window's rows only, where they
// then count 0 before it), z-normalised per row and weighted, plus the per-label bias learned
// online (rate 0.03, from the first row of Jan, as the router does). Scored on the window only.
//   npx tsx bench/triage/combine3.ts /tmp/components.json /tmp/explore-jul.json 'nb:1,lin:0.7,nn:0.5' ...
// A spec is weights, then optionally @bias-rate and %offset (added to `other` at prediction only).
import { readFileSync } from 'node:fs'

const [compFile, expFile, ...specs] = process.argv.slice(2) as [string, string, ...string[]]
const comp = JSON.parse(readFileSync(compFile, 'utf8')) as {
  labels: string[]
  recs: Record<string, unknown>[]
}
const exp = JSON.parse(readFileSync(expFile, 'utf8')) as {
  labels: string[]
  from: string
  result: Record<string, number[][]>
}
if (comp.labels.join() !== exp.labels.join()) throw new Error('label orders differ')
const n = comp.labels.length
const from = exp.from.slice(0, 7)
const z = (s: number[]) => {
  const m = s.reduce((a, b) => a + b, 0) / n
  const sd = Math.sqrt(s.reduce((a, b) => a + (b - m) ** 2, 0) / n)
  return sd > 1e-12 ? s.map((x) => (x - m) / sd) : s.map(() => 0)
}
let vi = 0
const rows = comp.recs.map((r, ri) => {
  const val = (r.m as string) >= from
  const f = new Map<string, number[]>()
  for (const [k, v] of Object.entries(r))
    if (Array.isArray(v) && typeof v[0] === 'number') f.set(k, z(v as number[]))
  // a candidate has scores for every row (predicted before learning), or for the window only
  for (const [k, s] of Object.entries(exp.result)) {
    if (s.length === comp.recs.length) f.set(k, z(s[ri]!))
    else if (val) f.set(k, z(s[vi]!))
  }
  if (val) vi++
  return { y: r.y as number, val, f }
})

function run(w: Record<string, number>, bias: number, otherOffset = 0): string {
  const other = comp.labels.indexOf('other')
  const b = new Array<number>(n).fill(0)
  const tp = new Array<number>(n).fill(0)
  const fp = new Array<number>(n).fill(0)
  const sup = new Array<number>(n).fill(0)
  let t1 = 0
  let t3 = 0
  let count = 0
  for (const r of rows) {
    const s = b.slice()
    for (const [c, wc] of Object.entries(w)) {
      const f = r.f.get(c)
      if (f) for (let i = 0; i < n; i++) s[i]! += wc * f[i]!
    }
    if (r.val) {
      s[other]! += otherOffset
      const order = s.map((_, i) => i).sort((a, c) => s[c]! - s[a]!)
      count++
      sup[r.y]!++
      if (order[0] === r.y) {
        t1++
        tp[r.y]!++
      } else fp[order[0]!]!++
      if (order.slice(0, 3).includes(r.y)) t3++
    }
    if (!bias) continue
    if (r.val) s[other]! -= otherOffset
    const mx = Math.max(...s)
    const e = s.map((v) => Math.exp(v - mx))
    const sum = e.reduce((a, c) => a + c, 0)
    for (let i = 0; i < n; i++) b[i]! += bias * ((i === r.y ? 1 : 0) - e[i]! / sum)
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
  return `top1 ${(t1 / count).toFixed(4)} top3 ${(t3 / count).toFixed(4)} macroF1 ${(f1 / k).toFixed(4)} (${count} rows)`
}

for (const spec of specs) {
  // 'nb:1,lin:0.7,nn:0.5@0.03%0.2': weights, bias rate, extra offset for \`other\` at prediction
  const [ws, rest] = spec.split('@')
  const [b, off] = (rest ?? '').split('%')
  const w = Object.fromEntries(ws!.split(',').map((p) => [p.split(':')[0]!, Number(p.split(':')[1])]))
  console.log(`${spec.padEnd(60)} ${run(w, b ? Number(b) : 0.03, off ? Number(off) : 0)}`)
}
