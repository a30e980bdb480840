// Model selection, round 3 (issue 7): candidate learners beyond round 2's, on a validation window
// inside the training period (FROM .. 2022-10-01). Each candidate predicts-then-learns every row
// before FROM in time order (those scores feed the online bias in combine3.ts, as the router's
// learners do), makes `epochs - 1` extra shuffled passes over those rows at the cut where it has
// epochs, then predicts-then-learns every window row in time order. Candidates: softmax regression
// (averaged SGD) and averaged PA on sublinear TF-IDF + L2 features (word uni+bigrams + char
// 3-5-grams of the stems; `tok` adds unstemmed tokens, `wide` takes char n-grams across words),
// k nearest neighbours by cosine on TF-IDF word vectors (optionally discounted by age), and the
// source's fine topics as sub-labels of the agencies (`*_topics`).
// Writes every candidate's scores per row to OUT, for combine3.ts (with components.ts's output).
// The evaluation months (from 2022-10-01) are never read.
//   npx tsx bench/triage/explore.ts 2022-07-01 /tmp/explore-jul.json [candidate-name...]
import { readFileSync, writeFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { featuresOf, type FeatureVector } from '../../src/triage/features.ts'
import { OnlineLinear } from '../../src/triage/linear.ts'
import { NaiveBayes } from '../../src/triage/naive-bayes.ts'
import { prepareText } from '../../src/triage/text.ts'

const [from, out, ...pick] = process.argv.slice(2) as [string, string, ...string[]]
if (from >= '2022-10-01') throw new Error('model selection stays inside the training period')
type Csv = { text: string; agency: string; submitted_at: string; topic: string }
const rows = (parse(readFileSync('../shared/data/surabaya/complaints-2022.csv'), { columns: true }) as Csv[])
  .map((r, i) => ({ ...r, i }))
  .filter((r) => r.text && r.agency && r.submitted_at < '2022-10-01')
  .sort((a, b) => a.submitted_at.localeCompare(b.submitted_at) || a.i - b.i)
const cnt = new Map<string, number>()
for (const r of rows) cnt.set(r.agency, (cnt.get(r.agency) ?? 0) + 1)
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
const data = rows.map((r) => {
  const p = prepareText(r.text)
  const raw = featuresOf(p, { charNgrams: [3, 4, 5] })
  // unstemmed tokens (stopwords out) as extra words
  const tok = new Map(raw)
  for (const t of p.tokens)
    if (t.length > 1 && !/^\d+$/.test(t)) tok.set('t:' + t, (tok.get('t:' + t) ?? 0) + 1)
  // character 3-5-grams across word boundaries of the normalised text, instead of inside stems
  const wide = featuresOf(p, { charNgrams: [] })
  const s = ' ' + p.stems.join(' ') + ' '
  for (const k of [3, 4, 5])
    for (let j = 0; j + k <= s.length; j++)
      wide.set('x:' + s.slice(j, j + k), (wide.get('x:' + s.slice(j, j + k)) ?? 0) + 1)
  return {
    y: lab(r.agency),
    topic: r.topic,
    val: r.submitted_at >= from,
    m: r.submitted_at.slice(0, 7),
    raw,
    tok,
    wide,
    words: featuresOf(p, { charNgrams: [] }),
    words34: featuresOf(p, { charNgrams: [3, 4] }),
  }
})
const train = data.filter((d) => !d.val)
const val = data.filter((d) => d.val)

let seed = 12345
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
function shuffled<T>(a: T[]): T[] {
  const b = a.slice()
  for (let i = b.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1))
    ;[b[i], b[j]] = [b[j]!, b[i]!]
  }
  return b
}

/** Document frequencies, updated online; idf = ln((1 + N) / (1 + df)) + 1. */
class Idf {
  df = new Map<string, number>()
  docs = 0
  add(v: FeatureVector): void {
    this.docs++
    for (const k of v.keys()) this.df.set(k, (this.df.get(k) ?? 0) + 1)
  }
  vec(v: FeatureVector, idf: boolean, wordScale = 1): FeatureVector {
    const o: FeatureVector = new Map()
    let norm = 0
    for (const [k, tf] of v) {
      let x = 1 + Math.log(tf)
      if (idf) x *= Math.log((1 + this.docs) / (1 + (this.df.get(k) ?? 0))) + 1
      if (!k.startsWith('c:')) x *= wordScale
      o.set(k, x)
      norm += x * x
    }
    norm = Math.sqrt(norm) || 1
    for (const [k, x] of o) o.set(k, x / norm)
    return o
  }
}

/** Multinomial logistic regression by SGD with weight averaging and L2 (lazy, per touched row). */
class Softmax {
  w = new Map<string, Float64Array>()
  u = new Map<string, Float64Array>()
  b = new Float64Array(n)
  t = 1
  constructor(readonly l2: number) {}
  raw(x: FeatureVector): number[] {
    const s = Array.from(this.b)
    for (const [k, v] of x) {
      const r = this.w.get(k)
      if (r) for (let i = 0; i < n; i++) s[i]! += v * r[i]!
    }
    return s
  }
  scores(x: FeatureVector): number[] {
    const s = Array.from(this.b)
    for (const [k, v] of x) {
      const r = this.w.get(k)
      if (!r) continue
      const u = this.u.get(k)!
      for (let i = 0; i < n; i++) s[i]! += v * (r[i]! - u[i]! / this.t)
    }
    return s
  }
  step(x: FeatureVector, y: number, lr: number, weight = 1): void {
    const s = this.raw(x)
    const mx = Math.max(...s)
    const e = s.map((v) => Math.exp(v - mx))
    const z = e.reduce((a, c) => a + c, 0)
    const g = e.map((v, i) => weight * ((i === y ? 1 : 0) - v / z))
    for (const [k, v] of x) {
      let r = this.w.get(k)
      let u = this.u.get(k)
      if (!r) {
        this.w.set(k, (r = new Float64Array(n)))
        this.u.set(k, (u = new Float64Array(n)))
      }
      for (let i = 0; i < n; i++) {
        const d = lr * (g[i]! * v - this.l2 * r[i]!)
        r[i]! += d
        u![i]! += this.t * d
      }
    }
    this.t++
  }
}

type Cand = { name: string; run: () => number[][] }
type Feat = (d: (typeof data)[number]) => FeatureVector
const cands: Cand[] = []
const FEATS: Record<string, Feat> = {
  all: (d) => d.raw,
  tok: (d) => d.tok,
  wide: (d) => d.wide,
}
/**
 * A learner run as a router would: predict-then-learn every training row in time order (its
 * scores on those rows feed the online bias), `epochs - 1` extra shuffled passes over the
 * training rows at the cut, then predict-then-learn the window.
 */
function cand(
  name: string,
  feat: Feat,
  idfOn: boolean,
  epochs: number,
  make: () => { scores(x: FeatureVector): number[]; learn(x: FeatureVector, y: number, pass: number): void },
): void {
  cands.push({
    name,
    run: () => {
      const idf = new Idf()
      const m = make()
      const out: number[][] = []
      for (const d of train) {
        const f = feat(d)
        idf.add(f)
        const x = idf.vec(f, idfOn)
        out.push(m.scores(x))
        m.learn(x, d.y, 0)
      }
      const xs: [FeatureVector, number][] = train.map((d) => [idf.vec(feat(d), idfOn), d.y])
      for (let e = 1; e < epochs; e++) for (const [x, y] of shuffled(xs)) m.learn(x, y, e)
      for (const d of val) {
        const f = feat(d)
        idf.add(f)
        const x = idf.vec(f, idfOn)
        out.push(m.scores(x))
        m.learn(x, d.y, 0)
      }
      return out
    },
  })
}
for (const [lr, epochs, l2] of [
  [1, 1, 0],
  [2, 1, 0],
  [4, 1, 0],
  [2, 5, 1e-6],
] as const) {
  cand(`sm_lr${lr}_e${epochs}_l2${l2}`, FEATS.all!, true, epochs, () => {
    const m = new Softmax(l2)
    return { scores: (x) => m.scores(x), learn: (x, y, e) => m.step(x, y, lr / (1 + e)) }
  })
}
for (const [f, idfOn, epochs] of [
  ['all', false, 1],
  ['all', true, 1],
  ['all', true, 3],
  ['tok', true, 1],
  ['wide', true, 1],
] as const) {
  cand(`pa_${f}_idf${idfOn ? 1 : 0}_e${epochs}`, FEATS[f]!, idfOn, epochs, () => {
    const m = new OnlineLinear({ algorithm: 'pa', c: 1, average: true })
    return { scores: (x) => m.scores(x, n), learn: (x, y) => m.update(x, y, n) }
  })
}

/** k nearest neighbours among the last `window` rows: cosine on the given vectors, votes sim^p, older rows discounted. */
function knn(
  name: string,
  feat: Feat,
  idfOn: boolean,
  k: number,
  pow: number,
  halfLife: number,
  window = 5000,
): void {
  cands.push({
    name,
    run: () => {
      const idf = new Idf()
      const index = new Map<string, [number, number][]>()
      const ys: number[] = []
      const out: number[][] = []
      const acc = new Map<number, number>()
      for (const d of [...train, ...val]) {
        const f = feat(d)
        idf.add(f)
        const x = idf.vec(f, idfOn)
        const now = ys.length
        acc.clear()
        for (const [key, v] of x) {
          const post = index.get(key)
          if (!post) continue
          for (let j = post.length - 1; j >= 0; j--) {
            const [id, w] = post[j]!
            if (id < now - window) break
            acc.set(id, (acc.get(id) ?? 0) + v * w)
          }
        }
        const top = [...acc].sort((a, b) => b[1] - a[1]).slice(0, k)
        const s = new Array<number>(n).fill(0)
        for (const [id, sim] of top)
          s[ys[id]!]! += sim ** pow * (halfLife ? 0.5 ** ((now - id) / halfLife) : 1)
        out.push(s)
        for (const [key, v] of x) {
          let post = index.get(key)
          if (!post) index.set(key, (post = []))
          post.push([now, v])
        }
        ys.push(d.y)
      }
      return out
    },
  })
}
FEATS.words = (d) => d.words
FEATS.words34 = (d) => d.words34
knn('knn_words_tf_k10', FEATS.words!, false, 10, 2, 0)
knn('knn_words_idf_k10', FEATS.words!, true, 10, 2, 0)
knn('knn_words_idf_k20', FEATS.words!, true, 20, 2, 0)
knn('knn_words_idf_k10_h1000', FEATS.words!, true, 10, 2, 1000)
knn('knn_words_idf_k10_h300', FEATS.words!, true, 10, 2, 300)
knn('knn_w34_idf_k10', FEATS.words34!, true, 10, 2, 0)
knn('knn_words_idf_k10_p4', FEATS.words!, true, 10, 4, 0)
for (const [f, idfOn, epochs] of [
  ['tok', true, 3],
  ['words34', true, 1],
] as const) {
  cand(`pa_${f}_idf${idfOn ? 1 : 0}_e${epochs}`, FEATS[f]!, idfOn, epochs, () => {
    const m = new OnlineLinear({ algorithm: 'pa', c: 1, average: true })
    return { scores: (x) => m.scores(x, n), learn: (x, y) => m.update(x, y, n) }
  })
}
cand('sm_lr8_e1', FEATS.all!, true, 1, () => {
  const m = new Softmax(0)
  return { scores: (x) => m.scores(x), learn: (x, y, e) => m.step(x, y, 8 / (1 + e)) }
})

// Sub-labels: the source's fine topic (271 in Jan-Sep, each with one agency in 99.6% of rows) within
// the agency label; a learner ranks (topic, agency) pairs and each agency takes its best pair.
const fine = new Map<string, number>()
const fineAgency: number[] = []
const fineOf = (d: (typeof data)[number]) => {
  const key = d.topic + '|' + d.y
  let f = fine.get(key)
  if (f === undefined) {
    fine.set(key, (f = fineAgency.length))
    fineAgency.push(d.y)
  }
  return f
}
function byAgency(s: number[]): number[] {
  const out = new Array<number>(n).fill(-Infinity)
  s.forEach((v, f) => (out[fineAgency[f]!] = Math.max(out[fineAgency[f]!]!, v)))
  const min = Math.min(...out.filter((v) => v > -Infinity), 0)
  return out.map((v) => (v === -Infinity ? min : v))
}
for (const [f, idfOn] of [
  ['all', false],
  ['all', true],
] as const) {
  cands.push({
    name: `pa_topics_${f}_idf${idfOn ? 1 : 0}`,
    run: () => {
      const idf = new Idf()
      const m = new OnlineLinear({ algorithm: 'pa', c: 1, average: true })
      return [...train, ...val].map((d) => {
        const raw = FEATS[f]!(d)
        idf.add(raw)
        const x = idf.vec(raw, idfOn)
        const s = byAgency(m.scores(x, fineAgency.length))
        const y = fineOf(d)
        m.update(x, y, fineAgency.length)
        return s
      })
    },
  })
}
cands.push({
  name: 'cnb_topics',
  run: () => {
    const nb = new NaiveBayes({ alpha: 0.5, complement: true })
    return [...train, ...val].map((d) => {
      const s = fineAgency.length
        ? byAgency(nb.scores(d.words, fineAgency.length))
        : new Array<number>(n).fill(0)
      nb.update(d.words, fineOf(d))
      return s
    })
  },
})

const result: Record<string, number[][]> = {}
for (const c of cands) {
  if (pick.length && !pick.includes(c.name)) continue
  const c0 = process.cpuUsage()
  const s = c.run()
  result[c.name] = s
  let t1 = 0
  let t3 = 0
  s.slice(train.length).forEach((sc, i) => {
    const order = sc.map((_, j) => j).sort((a, b) => sc[b]! - sc[a]!)
    if (order[0] === val[i]!.y) t1++
    if (order.slice(0, 3).includes(val[i]!.y)) t3++
  })
  const cpu = process.cpuUsage(c0)
  writeFileSync(out, JSON.stringify({ labels, from, result }))
  console.log(
    `${c.name.padEnd(40)} alone top1 ${(t1 / val.length).toFixed(4)} top3 ${(t3 / val.length).toFixed(4)} cpu-s ${((cpu.user + cpu.system) / 1e6).toFixed(1)}`,
  )
}
writeFileSync(out, JSON.stringify({ labels, from, result }))
