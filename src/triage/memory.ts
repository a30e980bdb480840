// A bounded memory of recent labelled documents with an inverted index, for nearest-neighbour
// votes. Complaints repeat: the same street, the same reporter, the same viral problem; the
// nearest past decision is often the best hint, and the linear models miss such near-copies.
import type { FeatureVector } from './features.ts'

export interface MemoryState {
  /** oldest first: [label index, feature keys, feature values] */
  docs: [number, string[], number[]][]
}

interface Doc {
  id: number
  label: number
  v: FeatureVector
}

export class NeighbourMemory {
  private docs = new Map<number, Doc>()
  private index = new Map<string, Set<number>>()
  private nextId = 0

  constructor(
    readonly capacity: number,
    state?: MemoryState,
  ) {
    for (const [label, keys, values] of state?.docs ?? []) {
      this.add(new Map(keys.map((k, i) => [k, values[i]])), label)
    }
  }

  get size(): number {
    return this.docs.size
  }

  /** Remembers an L2-normalised vector; forgets the oldest past capacity. */
  add(v: FeatureVector, label: number): void {
    if (this.capacity <= 0 || v.size === 0) return
    const id = this.nextId++
    this.docs.set(id, { id, label, v })
    for (const k of v.keys()) {
      let posting = this.index.get(k)
      if (!posting) this.index.set(k, (posting = new Set()))
      posting.add(id)
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

  /** Forgets remembered documents with this label that are near-identical to v (cosine >= 0.95). */
  forget(v: FeatureVector, label: number): void {
    for (const [id, sim] of this.similarities(v)) {
      if (sim >= 0.95 && this.docs.get(id)?.label === label) this.remove(id)
    }
  }

  private similarities(v: FeatureVector): Map<number, number> {
    const sims = new Map<number, number>()
    for (const [k, x] of v) {
      const posting = this.index.get(k)
      if (!posting) continue
      for (const id of posting) sims.set(id, (sims.get(id) ?? 0) + x * (this.docs.get(id)!.v.get(k) ?? 0))
    }
    return sims
  }

  /** Votes per label index from the k most similar documents, each weighted by similarity squared. */
  votes(v: FeatureVector, k: number, nLabels: number): number[] {
    const top = [...this.similarities(v)].sort((a, b) => b[1] - a[1]).slice(0, k)
    const out = new Array<number>(nLabels).fill(0)
    for (const [id, sim] of top) {
      const label = this.docs.get(id)!.label
      if (label < nLabels) out[label] += sim * sim
    }
    return out
  }

  toJSON(): MemoryState {
    return {
      docs: [...this.docs.values()].map((d) => [d.label, [...d.v.keys()], [...d.v.values()].map((x) => +x.toFixed(4))]),
    }
  }
}
