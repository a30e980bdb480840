// Pruning on save (the stored routers' setting): the state shrinks, the options travel with it,
// and a restored router still routes what it learned.
import { describe, expect, it } from 'vitest'
import { createRouter, type RouterState } from '../../src/triage/router.ts'
import { STORED_ROUTER_OPTIONS } from '../../src/triage/models.ts'

const TOPICS: Record<string, string[]> = {
  pu: ['jalan', 'aspal', 'lubang', 'jembatan', 'trotoar', 'drainase', 'gorong'],
  dlh: ['sampah', 'tps', 'limbah', 'bau', 'asap', 'sungai', 'truk'],
  dinsos: ['bansos', 'pkh', 'lansia', 'sembako', 'miskin', 'bantuan', 'dtks'],
}
const FILLER = ['mohon', 'segera', 'warga', 'sudah', 'lama', 'depan', 'rumah', 'kami', 'tolong', 'pak', 'kampung', 'malam']

/** Deterministic pseudo-texts: topic words plus filler, many one-off words (house names, typos). */
function corpus(n: number): [string, string][] {
  const out: [string, string][] = []
  let seed = 7
  const rnd = () => ((seed = (seed * 48271) % 2147483647) / 2147483647)
  const labels = Object.keys(TOPICS)
  for (let i = 0; i < n; i++) {
    const label = labels[i % labels.length]!
    const words: string[] = []
    for (let j = 0; j < 12; j++) {
      const r = rnd()
      if (r < 0.4) words.push(TOPICS[label]![Math.floor(rnd() * 7)]!)
      else if (r < 0.8) words.push(FILLER[Math.floor(rnd() * FILLER.length)]!)
      else words.push(`kata${Math.floor(rnd() * 100000)}`)
    }
    out.push([words.join(' '), label])
  }
  return out
}

describe('pruned router state', () => {
  const docs = corpus(600)
  const plain = createRouter(undefined, { memory: STORED_ROUTER_OPTIONS.memory })
  const pruned = createRouter(undefined, STORED_ROUTER_OPTIONS)
  for (const [t, l] of docs) {
    plain.learn(t, l)
    pruned.learn(t, l)
  }

  it('is smaller than the unpruned state', () => {
    expect(STORED_ROUTER_OPTIONS.prune).toBeDefined()
    // The models' part (the neighbour memory holds the same 600 texts in both).
    const models = (r: typeof plain) => {
      const s = r.toJSON()
      return JSON.stringify({ nb: s.nb, linear: s.linear }).length
    }
    expect(models(pruned)).toBeLessThan(models(plain) * 0.9)
  })

  it('keeps its options and still routes after a restore', () => {
    const back = createRouter(JSON.parse(JSON.stringify(pruned.toJSON())) as RouterState)
    expect(back.toJSON().options.prune).toEqual(STORED_ROUTER_OPTIONS.prune)
    expect(back.suggest('sampah di tps menumpuk dan bau', 1)[0]!.label).toBe('dlh')
    expect(back.suggest('jalan berlubang dekat jembatan', 1)[0]!.label).toBe('pu')
    expect(back.suggest('bansos pkh lansia belum cair', 1)[0]!.label).toBe('dinsos')
    // A second save of the restored state prunes nothing more that matters: sizes stay close.
    const once = JSON.stringify(back.toJSON()).length
    expect(once).toBeLessThanOrEqual(JSON.stringify(pruned.toJSON()).length)
  })
})
