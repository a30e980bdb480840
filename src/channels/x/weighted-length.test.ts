import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { threadParts } from './send.ts'
import { weightedLength } from './weighted-length.ts'

describe('weightedLength', () => {
  it('counts Latin as 1, emoji and CJK as 2, links as at least 23', () => {
    expect(weightedLength('Jalan rusak')).toBe(11)
    expect(weightedLength('é')).toBe(1)
    expect(weightedLength('e\u0301')).toBe(1) // NFC first
    expect(weightedLength('🙏')).toBe(2)
    expect(weightedLength('道路')).toBe(4)
    expect(weightedLength('lihat https://x.co')).toBe(6 + 23)
    expect(weightedLength('lapor.go.id')).toBe(23) // bare domains are linked by X
  })
  it('never counts a link below its own length (we must not undercount)', () => {
    const long = `https://aduan.naganrayakab.go.id/lacak/${'A'.repeat(40)}`
    expect(weightedLength(long)).toBe(long.length)
  })
})

describe('threadParts', () => {
  it('keeps a short reply whole and numbers a long one', () => {
    expect(threadParts('  Terima kasih.  ')).toEqual(['Terima kasih.'])
    const parts = threadParts('kata '.repeat(150))
    expect(parts.length).toBe(3)
    expect(parts.map((p) => p.slice(-5))).toEqual(['(1/3)', '(2/3)', '(3/3)'])
  })
  it('every post fits 280 weighted characters, for any text', () => {
    const unit = fc.constantFrom('a', ' ', 'é', '🙏', '道', 'https://lapor.go.id/x ', '\n', 'kata ')
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 900 }), (t) => {
        for (const p of threadParts(t)) expect(weightedLength(p)).toBeLessThanOrEqual(280)
      }),
    )
  })
})
