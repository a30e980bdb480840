import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cleanText, normalizeText, prepareText, stemWord, tokenize } from './text.ts'
import { extractFeatures, featureLabel, logNormalize } from './features.ts'

describe('normalizeText', () => {
  it('expands chat abbreviations and slang', () => {
    expect(normalizeText('yg gk sdh udh tdk jln jl bgt krn dgn utk blm sy kmrn ga gak')).toBe(
      'yang tidak sudah sudah tidak jalan jalan banget karena dengan untuk belum saya kemarin tidak tidak',
    )
  })

  it('maps common Javanese and Acehnese words', () => {
    expect(normalizeText('dalane rusak ora dibenakno, banyu mambu')).toBe('jalan rusak tidak dibenakno air bau')
    expect(normalizeText('rumoh di gampong hana listrik')).toBe('rumah di desa tidak ada listrik')
  })

  it('collapses repeated letters and reduplication ("jalan2", "anak-anak")', () => {
    expect(normalizeText('tolonggg jalan2 anak-anak')).toBe('tolong jalan anak')
  })

  it('replaces links, e-mail addresses, handles and phone numbers by placeholders', () => {
    expect(cleanText('cek https://x.id/a, mail a@b.co, @budi, 0812-3456-7890')).toMatch(
      /xurl.*xemail.*xakun.*xtelepon/,
    )
  })

  it('never throws and returns lower-case word or number tokens', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        for (const t of tokenize(s)) expect(t).toMatch(/^([a-z\u00c0-\u024f]+|\d+)$/)
      }),
    )
  })
})

describe('stemming and features', () => {
  it('stems with Sastrawi and strips the Javanese possessive when the root is known', () => {
    expect(stemWord('perbaikan')).toBe('baik')
    expect(stemWord('kebakaran')).toBe('bakar')
    expect(stemWord('lampune')).toBe('lampu')
    expect(stemWord('perbaikan')).toBe('baik') // from the cache
  })

  it('drops stopwords and numbers from stems', () => {
    expect(prepareText('Mohon perbaikan jalan yg rusak di RT 5').stems).toEqual(['baik', 'jalan', 'rusak', 'rt'])
  })

  it('builds unigram, bigram and character features, normalised to unit length', () => {
    const f = extractFeatures('lampu jalan mati', { charNgrams: [3] })
    expect(f.get('w:lampu')).toBe(1)
    expect(f.get('b:lampu_jalan')).toBe(1)
    expect(f.has('c: la')).toBe(true)
    const n = logNormalize(f)
    expect([...n.values()].reduce((s, x) => s + x * x, 0)).toBeCloseTo(1, 9)
    expect(featureLabel('b:lampu_jalan')).toBe('lampu jalan')
  })
})
