// Model selection, round 3 (issue 7): calibrated stacking instead of the fixed linear vote. A
// softmax regression over the learners' z-scores for every label (3 x 15 inputs + bias) is fitted
// on the rows before the window (the learners' online predictions there, several epochs), then
// predicts each window row and takes one step on it. Inputs: components.ts output (Jan-Sep).
//   npx tsx bench/triage/stack.ts /tmp/components.json 2022-07 [components...]
import { readFileSync } from 'node:fs'

const [file, from = '2022-07', ...names] = process.argv.slice(2) as [string, string?, ...string[]]
const comps = names.length ? names : ['nb', 'lin', 'nn']
const { labels, recs } = JSON.parse(readFileSync(file, 'utf8')) as {
  labels: string[]
  recs: Record<string, unknown>[]
}
const n = labels.length
const z = (s: number[]) => {
  const m = s.reduce((a, b) => a + b, 0) / n
  const sd = Math.sqrt(s.reduce((a, b) => a + (b - m) ** 2, 0) / n)
  return sd > 1e-12 ? s.map((x) => (x - m) / sd) : s.map(() => 0)
}
const rows = recs.map((r) => ({
  y: r.y as number,
  val: (r.m as string) >= from,
  x: comps.flatMap((c) => z(r[c] as number[])),
}))
const d = comps.length * n

function run(
  epochs: number,
  lr: number,
  l2: number,
  online: number,
  diagInit: boolean,
  crossLabel: boolean,
): string {
  // W[i][k]: weight of input k for label i; diagonal init = the round-2 vote
  const W = Array.from({ length: n }, (_, i) => {
    const w = new Float64Array(d)
    if (diagInit) comps.forEach((c, j) => (w[j * n + i] = c === 'nb' ? 1 : c === 'lin' ? 0.7 : 0.5))
    return w
  })
  const b = new Float64Array(n)
  const score = (x: number[]) => {
    const s = Array.from(b)
    for (let i = 0; i < n; i++) {
      let v = s[i]!
      const w = W[i]!
      if (crossLabel) for (let k = 0; k < d; k++) v += w[k]! * x[k]!
      else for (let j = 0; j < comps.length; j++) v += w[j * n + i]! * x[j * n + i]!
      s[i] = v
    }
    return s
  }
  const step = (x: number[], y: number, rate: number) => {
    const s = score(x)
    const mx = Math.max(...s)
    const e = s.map((v) => Math.exp(v - mx))
    const sum = e.reduce((a, c) => a + c, 0)
    for (let i = 0; i < n; i++) {
      const g = (i === y ? 1 : 0) - e[i]! / sum
      b[i]! += rate * g
      const w = W[i]!
      if (crossLabel) for (let k = 0; k < d; k++) w[k]! += rate * (g * x[k]! - l2 * w[k]!)
      else
        for (let j = 0; j < comps.length; j++)
          w[j * n + i]! += rate * (g * x[j * n + i]! - l2 * w[j * n + i]!)
    }
  }
  const train = rows.filter((r) => !r.val)
  for (let e = 0; e < epochs; e++) for (const r of train) step(r.x, r.y, lr / (1 + e))
  let t1 = 0,
    t3 = 0,
    cnt = 0
  const tp = new Array(n).fill(0),
    fp = new Array(n).fill(0),
    sup = new Array(n).fill(0)
  for (const r of rows.filter((q) => q.val)) {
    const s = score(r.x)
    const order = s.map((_, i) => i).sort((a, c) => s[c]! - s[a]!)
    cnt++
    sup[r.y]++
    if (order[0] === r.y) {
      t1++
      tp[r.y]++
    } else fp[order[0]!]++
    if (order.slice(0, 3).includes(r.y)) t3++
    step(r.x, r.y, online)
  }
  let f1 = 0,
    k = 0
  for (let i = 0; i < n; i++) {
    if (!sup[i]) continue
    const p = tp[i] + fp[i] ? tp[i] / (tp[i] + fp[i]) : 0
    const rc = tp[i] / sup[i]
    f1 += p + rc ? (2 * p * rc) / (p + rc) : 0
    k++
  }
  return `top1 ${(t1 / cnt).toFixed(4)} top3 ${(t3 / cnt).toFixed(4)} macroF1 ${(f1 / k).toFixed(4)} (${cnt} rows)`
}
for (const [epochs, lr, l2, online, diag, cross] of [
  [1, 0.03, 0, 0.03, true, false],
  [5, 0.03, 0, 0.03, true, false],
  [5, 0.03, 0, 0.01, true, false],
  [5, 0.01, 1e-3, 0.01, true, true],
  [5, 0.03, 1e-3, 0.01, true, true],
  [10, 0.01, 1e-4, 0.01, true, true],
  [5, 0.01, 1e-3, 0.003, false, true],
] as const)
  console.log(
    `epochs ${epochs} lr ${lr} l2 ${l2} online ${online} diag ${diag} cross ${cross}`.padEnd(70),
    run(epochs, lr, l2, online, diag, cross),
  )
