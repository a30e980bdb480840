import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createRouter, type RouterState } from './router.ts'

const DECISIONS: [string, string][] = [
  ['jalan berlubang di depan pasar, mohon diaspal', 'Dinas PUPR'],
  ['aspal jalan desa rusak parah dan berlubang', 'Dinas PUPR'],
  ['jembatan kayu lapuk perlu diperbaiki', 'Dinas PUPR'],
  ['saluran drainase tersumbat, jalan tergenang', 'Dinas PUPR'],
  ['sampah menumpuk di tps belum diangkut', 'DLH'],
  ['bau sampah dari tpa sampai ke rumah', 'DLH'],
  ['pabrik buang limbah ke sungai', 'DLH'],
  ['truk sampah tidak datang seminggu', 'DLH'],
  ['bansos pkh saya belum cair', 'Dinas Sosial'],
  ['pendataan warga miskin tidak adil, bantuan salah sasaran', 'Dinas Sosial'],
  ['lansia terlantar butuh bantuan sosial', 'Dinas Sosial'],
  ['bantuan sembako tidak sampai ke warga', 'Dinas Sosial'],
]

function trained() {
  const r = createRouter()
  for (const [t, l] of DECISIONS) r.learn(t, l)
  return r
}

describe('TriageRouter', () => {
  it('suggests nothing before it knows any label', () => {
    expect(createRouter().suggest('jalan rusak')).toEqual([])
  })

  it('ranks the right agency first, with scores and the words that weighed', () => {
    const [best, ...rest] = trained().suggest('jalan di gang 3 berlubang besar', 3)
    expect(best.label).toBe('Dinas PUPR')
    expect(best.reasons).toContain('berlubang')
    expect(rest).toHaveLength(2)
    expect(best.score).toBeGreaterThan(rest[0].score)
  })

  it('learns online: one decision moves a new kind of report', () => {
    const r = trained()
    r.learn('anjing liar berkeliaran di taman, warga takut digigit', 'Satpol PP')
    r.learn('anjing liar menggonggong di komplek', 'Satpol PP')
    expect(r.suggest('banyak anjing liar di lapangan', 1)[0].label).toBe('Satpol PP')
  })

  it('cold-starts from keywords', () => {
    const r = createRouter()
    r.seedKeywords('Dinas Kesehatan', ['puskesmas', 'dokter', 'rumah sakit', 'bpjs kesehatan'])
    r.seedKeywords('Dinas Pendidikan', ['sekolah', 'guru', 'ppdb', 'zonasi'])
    expect(r.suggest('antrean di puskesmas lama, dokternya tidak ada', 1)[0].label).toBe('Dinas Kesehatan')
    expect(r.suggest('anak saya tidak diterima ppdb zonasi', 1)[0].label).toBe('Dinas Pendidikan')
    r.seedKeywords('Dinas Kesehatan', ['puskesmas'])
    expect(r.toJSON().seeds['Dinas Kesehatan']).toHaveLength(4)
  })

  it('takes "bukan kewenangan" returns as negative feedback', () => {
    const r = trained()
    const text = 'pohon tumbang di saluran, sampah daun menumpuk'
    const before = r.suggest(text, 3)
    const wrong = before[0].label
    r.unlearn(text, wrong)
    const after = r.suggest(text, 3)
    const rank = (s: typeof after) => s.findIndex((x) => x.label === wrong)
    expect(after.find((x) => x.label === wrong)?.score ?? 0).toBeLessThan(before[0].score)
    expect(rank(after)).toBeGreaterThan(0)
  })

  it('unlearning what was learned restores the counts', () => {
    const r = trained()
    const before = JSON.stringify(r.toJSON().nb)
    r.learn('lampu jalan mati di gang 9', 'Dinas PUPR')
    r.unlearn('lampu jalan mati di gang 9', 'Dinas PUPR')
    const nb = r.toJSON().nb
    expect(JSON.stringify(nb.totals)).toBe(JSON.stringify(JSON.parse(before).totals))
  })

  it('round-trips through JSON with the same suggestions', () => {
    const r = trained()
    const state = JSON.parse(JSON.stringify(r.toJSON())) as RouterState
    const back = createRouter(state)
    for (const t of ['jalan rusak', 'sampah numpuk', 'bansos belum cair', 'pohon tumbang']) {
      const a = r.suggest(t, 3)
      const b = back.suggest(t, 3)
      expect(b.map((s) => s.label)).toEqual(a.map((s) => s.label))
      // Weights are stored rounded to 1e-4, so confidences may move in the third decimal.
      b.forEach((s, i) => expect(s.score).toBeCloseTo(a[i].score, 1))
    }
    back.learn('got mampet', 'Dinas PUPR')
    expect(back.examples).toBe(r.examples + 1)
  })

  it('rejects non-positive learning weights', () => {
    expect(() => createRouter().learn('x', 'y', 0)).toThrow(RangeError)
  })

  it('returns at most k suggestions whose scores sum to at most 1, for any text', () => {
    const r = trained()
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: 0, max: 5 }), (text, k) => {
        const s = r.suggest(text, k)
        expect(s.length).toBe(Math.min(k, r.labels.length))
        const sum = s.reduce((a, x) => a + x.score, 0)
        expect(sum).toBeLessThanOrEqual(1 + 1e-9)
        for (const x of s) expect(Number.isFinite(x.score)).toBe(true)
      }),
      { numRuns: 60 },
    )
  })

  it('learns a per-label bias online, the same whether or not it suggested on the text first', () => {
    const a = trained()
    const b = trained()
    const text = 'lampu penerangan jalan mati, jalan gelap'
    a.suggest(text, 3)
    a.suggest('sampah numpuk', 3)
    a.learn(text, 'Dinas PUPR')
    b.learn(text, 'Dinas PUPR')
    const bias = a.toJSON().bias ?? []
    expect(bias).toHaveLength(3)
    expect(bias).toEqual(b.toJSON().bias)
    // Softmax steps move the biases in opposite directions: they sum to zero.
    expect(Math.abs(bias.reduce((s, x) => s + x, 0))).toBeLessThan(1e-3)
    expect(bias.some((x) => x !== 0)).toBe(true)
    const off = createRouter(undefined, { biasRate: 0 })
    for (const [t, l] of DECISIONS) off.learn(t, l)
    expect(off.toJSON().bias?.every((x) => x === 0) ?? true).toBe(true)
  })
})
