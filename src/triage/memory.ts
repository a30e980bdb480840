// A bounded memory of recent labelled documents with an inverted index, for nearest-neighbour
// votes. Complaints repeat: the same street, the same reporter, the same viral problem; the
// nearest past decision is often the best hint, and the linear models miss such near-copies.
// Documents are kept as their stems (compact to store); vectors are rebuilt on restore.
import type { FeatureVector } from './features.ts'

export interface MemoryState {
  /** oldest first: [label index, stems joined by spaces] */
  docs: [number, string][]
}

interface Doc {
  label: number
  stems: string
  v: FeatureVector
}

export class NeighbourMemory {
  private docs = new Map<number, Doc>()
  /** feature -> (document id -> feature value) */
  private index = new Map<string, Map<number, number>>()
  private nextId = 0
  /** scratch: similarity per slot (id modulo capacity), reset after each query */
  private sims: Float64Array

  constructor(
    readonly capacity: number,
    private readonly vectorize: (stems: string[]) => FeatureVector,
    state?: MemoryState,
  ) {
    this.sims = new Float64Array(Math.max(0, capacity))
    for (const [label, stems] of state?.docs ?? []) this.add(stems ? stems.split(' ') : [], label)
  }

  get size(): number {
    return this.docs.size
  }

  /** Remembers a document; forgets the oldest past capacity. */
  add(stems: string[], label: number): void {
    if (this.capacity <= 0 || stems.length === 0) return
    const id = this.nextId++
    // Slots are ids modulo capacity: a live document a full capacity older must go first.
    this.remove(id - this.capacity)
    const v = this.vectorize(stems)
    this.docs.set(id, { label, stems: stems.join(' '), v })
    for (const [k, x] of v) {
      let posting = this.index.get(k)
      if (!posting) this.index.set(k, (posting = new Map()))
      posting.set(id, x)
    }
    while (this.docs.size > this.capacity) this.remove(this.docs.keys().next().value as number)
  }

  private remove(id: number): void {
    const doc = this.docs.get(id)
    if (!doc) return
    this.docs.delete(id)
    for (const k of doc.v.keys()) {
      const posting = this.index.get(k)
      posting?.delete(id)
      if (posting && posting.size === 0) this.index.delete(k)
    }
  }

  /** Forgets remembered documents with this label that are near-identical (cosine >= 0.95). */
  forget(stems: string[], label: number): void {
    for (const [id, sim] of this.similarities(this.vectorize(stems))) {
      if (sim >= 0.95 && this.docs.get(id)?.label === label) this.remove(id)
    }
  }

  /** [document id, cosine] of every remembered document sharing a feature with v. */
  private similarities(v: FeatureVector): [number, number][] {
    const cap = this.capacity
    const sims = this.sims
    const touched: number[] = []
    for (const [k, x] of v) {
      const posting = this.index.get(k)
      if (!posting) continue
      for (const [id, y] of posting) {
        const slot = id % cap
        if (sims[slot] === 0) touched.push(id)
        sims[slot] += x * y
      }
    }
    const out = touched.map((id): [number, number] => [id, sims[id % cap]])
    for (const id of touched) sims[id % cap] = 0
    return out
  }

  /** Votes per label index from the k most similar documents, each weighted by similarity squared. */
  votes(stems: string[], k: number, nLabels: number): number[] {
    const top = this.similarities(this.vectorize(stems)).sort((a, b) => b[1] - a[1]).slice(0, k)
    const out = new Array<number>(nLabels).fill(0)
    for (const [id, sim] of top) {
      const label = this.docs.get(id)!.label
      if (label < nLabels) out[label] += sim * sim
    }
    return out
  }

  /** Per label index, the highest similarity of v to a remembered document with that label. */
  maxSimilarity(stems: string[], nLabels: number): number[] {
    const out = new Array<number>(nLabels).fill(0)
    for (const [id, sim] of this.similarities(this.vectorize(stems))) {
      const label = this.docs.get(id)!.label
      if (label < nLabels && sim > out[label]) out[label] = sim
    }
    return out
  }

  toJSON(): MemoryState {
    return { docs: [...this.docs.values()].map((d) => [d.label, d.stems]) }
  }
}
