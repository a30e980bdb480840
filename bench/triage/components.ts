// Model selection, step 1: runs every candidate learner through the training period (Jan-Sep 2022)
// in time order, predicting each row before learning it (the online protocol), and writes each
// learner's raw scores per row to a JSON file outside the repository. The learners never depend
// on how they are combined, so bench/triage/combine.ts can then compare combinations (weights,
// a per-label bias learned online, location and address evidence, recency priors) in seconds.
// Rows from 2022-10-01 (the evaluation months) are never read.
//   ALL=1 npx tsx bench/triage/components.ts 2022-07-01 2022-10-01 /tmp/components.json
// Components: nb (complement NB, words), lin (averaged PA, words + char 3-5), nn/nn5/nn25
// (neighbour votes), loc (NB on kecamatan + kelurahan), addr (CNB on the address words), prior
// (log counts per label, half-lives 0=none/250/1000/4000 decisions), nbc (CNB on char n-grams),
// linW (PA on words only), linR (PA replaying 2 random past decisions per decision).
import { readFileSync, writeFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { featuresOf, logNormalize, type FeatureVector } from '../../src/triage/features.ts'
import { NaiveBayes } from '../../src/triage/naive-bayes.ts'
import { OnlineLinear } from '../../src/triage/linear.ts'
import { NeighbourMemory } from '../../src/triage/memory.ts'
import { prepareText } from '../../src/triage/text.ts'

const [trainEnd, testEnd, out] = process.argv.slice(2) as [string, string, string]
if (testEnd > '2022-10-01') throw new Error('model selection stays inside the training period')
type Csv = { id: string; text: string; agency: string; submitted_at: string; address: string; district: string; village: string }
const rows = (parse(readFileSync('../shared/data/surabaya/complaints-2022.csv'), { columns: true }) as Csv[])
  .map((r, i) => ({ ...r, i }))
  .filter((r) => r.text && r.agency && r.submitted_at < testEnd)
  .sort((a, b) => a.submitted_at.localeCompare(b.submitted_at) || a.i - b.i)
// labels: >= 50 rows in the whole training period (before 2022-10-01)
const cnt = new Map<string, number>()
for (const r of rows) if (r.submitted_at < '2022-10-01') cnt.set(r.agency, (cnt.get(r.agency) ?? 0) + 1)
const labels: string[] = []
const ids = new Map<string, number>()
const lab = (a: string) => {
  const l = (cnt.get(a) ?? 0) >= 50 ? a : 'other'
  let y = ids.get(l)
  if (y === undefined) ids.set(l, (y = labels.push(l) - 1))
  return y
}
for (const r of rows) lab(r.agency)
const n = labels.length
const wordVector = (stems: string[]) => logNormalize(featuresOf({ tokens: [], stems, normalized: '' }, { charNgrams: [] }))
const nb = new NaiveBayes({ alpha: 0.5, complement: true })
const lin = new OnlineLinear({ algorithm: 'pa', c: 1, average: true })
const linLoc = new OnlineLinear({ algorithm: 'pa', c: 1, average: true })
const mem = new NeighbourMemory(5000, wordVector)
const nbc = new NaiveBayes({ alpha: 0.5, complement: true })
const linW = new OnlineLinear({ algorithm: 'pa', c: 1, average: true })
const linR = new OnlineLinear({ algorithm: 'pa', c: 0.3, average: true })
const past: [FeatureVector, number][] = []
let seed = 12345
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
const loc = new NaiveBayes({ alpha: 1, complement: false })
const addr = new NaiveBayes({ alpha: 0.5, complement: true })
const halfLives = [0, 250, 1000, 4000]
const prior = halfLives.map(() => new Array<number>(n).fill(0))
const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '_')
const recs: Record<string, unknown>[] = []
for (const r of rows) {
  const y = lab(r.agency)
  const p = prepareText(r.text)
  const words = featuresOf(p, { charNgrams: [] })
  const all = logNormalize(featuresOf(p, { charNgrams: [3, 4, 5] }))
  const charF = featuresOf(p, { charNgrams: [3, 4, 5], bigrams: false })
  for (const k of [...charF.keys()]) if (k.startsWith('w:')) charF.delete(k)
  const wordsN = logNormalize(new Map(words))
  const locF: FeatureVector = new Map([['d:' + norm(r.district), 1], ['v:' + norm(r.village), 1]])
  const allLoc = new Map(all)
  for (const k of locF.keys()) allLoc.set(k, 0.3)
  const addrF = featuresOf(prepareText(r.address ?? ''), { charNgrams: [], bigrams: false })
  if (r.submitted_at >= trainEnd || process.env.ALL) {
    recs.push({
      y, val: r.submitted_at >= trainEnd, len: p.stems.length, m: r.submitted_at.slice(0, 7),
      nb: nb.scores(words, n),
      lin: lin.scores(all, n),
      linLoc: linLoc.scores(allLoc, n),
      nn: mem.votes(p.stems, 10, n),
      nn5: mem.votes(p.stems, 5, n),
      nn25: mem.votes(p.stems, 25, n),
      nbc: nbc.scores(charF, n),
      linW: linW.scores(wordsN, n),
      linR: linR.scores(all, n),
      loc: loc.scores(locF, n),
      addr: addrF.size ? addr.scores(addrF, n) : new Array(n).fill(0),
      prior: prior.map((c) => c.map((v) => Math.log(v + 1))),
    })
  }
  nb.update(words, y)
  lin.update(all, y, n)
  linLoc.update(allLoc, y, n)
  mem.add(p.stems, y)
  nbc.update(charF, y)
  linW.update(wordsN, y, n)
  linR.update(all, y, n)
  past.push([all, y]); if (past.length > 5000) past.shift()
  for (let k = 0; k < 2; k++) { const [v, yy] = past[Math.floor(rnd() * past.length)]; linR.update(v, yy, n) }
  loc.update(locF, y)
  if (addrF.size) addr.update(addrF, y)
  halfLives.forEach((h, j) => {
    const g = h ? Math.pow(0.5, 1 / h) : 1
    for (let i = 0; i < n; i++) prior[j][i] *= g
    prior[j][y] += 1
  })
}
writeFileSync(out, JSON.stringify({ labels, recs }))
console.log(labels.length, recs.length)
