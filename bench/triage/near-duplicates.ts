// Model selection, round 3 (issue 7): near-duplicates inside the training period. For each report
// of the validation window (from FROM, before 2022-10-01): is there a near-copy (cosine of stem
// word vectors) among the last 5,000 reports, as in the router's neighbour memory, and would
// taking the copy's label beat the round-2 vote (nb 1, linear 0.7, neighbours 0.5, online bias
// 0.03, recomputed from components.ts's scores)? Also counts exact text repeats.
//   npx tsx bench/triage/near-duplicates.ts /tmp/components.json 2022-07
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { featuresOf, logNormalize } from '../../src/triage/features.ts'
import { NeighbourMemory } from '../../src/triage/memory.ts'
import { prepareText } from '../../src/triage/text.ts'

const [file = '/tmp/components.json', from = '2022-07'] = process.argv.slice(2)
const comp = JSON.parse(readFileSync(file, 'utf8')) as {
  labels: string[]
  recs: { y: number; m: string; nb: number[]; lin: number[]; nn: number[] }[]
}
type Csv = { text: string; agency: string; submitted_at: string }
const rows = (parse(readFileSync('../shared/data/surabaya/complaints-2022.csv'), { columns: true }) as Csv[])
  .map((r, i) => ({ ...r, i }))
  .filter((r) => r.text && r.agency && r.submitted_at < '2022-10-01')
  .sort((a, b) => a.submitted_at.localeCompare(b.submitted_at) || a.i - b.i)
if (rows.length !== comp.recs.length) throw new Error('components file does not match the rows')
const n = comp.labels.length
const z = (s: number[]) => {
  const m = s.reduce((a, b) => a + b, 0) / n
  const sd = Math.sqrt(s.reduce((a, b) => a + (b - m) ** 2, 0) / n)
  return sd > 1e-12 ? s.map((x) => (x - m) / sd) : s.map(() => 0)
}
const wv = (s: string[]) =>
  logNormalize(featuresOf({ tokens: [], stems: s, normalized: '' }, { charNgrams: [] }))
const mem = new NeighbourMemory(5000, wv)
const seen = new Map<string, number[]>()
let exact = 0
let exactSame = 0
const nearest = comp.recs.map((r, k) => {
  const p = prepareText(rows[k]!.text)
  const ms = mem.maxSimilarity(p.stems, n)
  mem.add(p.stems, r.y)
  const key = rows[k]!.text.trim().toLowerCase().replace(/\s+/g, ' ')
  const prev = seen.get(key)
  if (r.m >= from && prev) {
    exact++
    if (prev.includes(r.y)) exactSame++
  }
  seen.set(key, [...(prev ?? []), r.y])
  let b = 0
  for (let i = 1; i < n; i++) if (ms[i]! > ms[b]!) b = i
  return { label: b, sim: ms[b]! }
})
console.log(
  `window from ${from}: ${exact} exact repeats of an earlier text, ${exactSame} with an earlier copy's label`,
)
for (const th of [Infinity, 0.99, 0.95, 0.9, 0.8]) {
  const b = new Array<number>(n).fill(0)
  let t1 = 0
  let count = 0
  let near = 0
  let nearRight = 0
  let voteRight = 0
  comp.recs.forEach((r, k) => {
    const [nb, lin, nn] = [z(r.nb), z(r.lin), z(r.nn)]
    const s = b.map((bi, i) => bi + nb[i]! + 0.7 * lin[i]! + 0.5 * nn[i]!)
    let top = s.indexOf(Math.max(...s))
    if (r.m >= from) {
      count++
      if (nearest[k]!.sim >= Math.min(th, 0.95)) {
        near++
        if (nearest[k]!.label === r.y) nearRight++
        if (top === r.y) voteRight++
      }
      if (nearest[k]!.sim >= th) top = nearest[k]!.label
      if (top === r.y) t1++
    }
    const mx = Math.max(...s)
    const e = s.map((v) => Math.exp(v - mx))
    const sum = e.reduce((a, q) => a + q, 0)
    for (let i = 0; i < n; i++) b[i]! += 0.03 * ((i === r.y ? 1 : 0) - e[i]! / sum)
  })
  const t = Math.min(th, 0.95)
  console.log(
    `override at cosine >= ${th}: top1 ${(t1 / count).toFixed(4)}; reports with a copy >= ${t}: ${near}, copy's label right ${nearRight}, vote right ${voteRight}`,
  )
}
