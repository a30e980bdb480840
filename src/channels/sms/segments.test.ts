import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { smsEncoding, smsUnits, splitSmsParts } from './segments.ts'

describe('sms segments', () => {
  it('detects the encoding', () => {
    expect(smsEncoding('Jalan rusak @ Desa Blang, biaya Rp50.000 (€?)')).toBe('gsm7')
    expect(smsEncoding('Terima kasih 🙏')).toBe('ucs2')
    expect(smsEncoding('“kutip”')).toBe('ucs2')
  })
  it('counts extension characters as two septets', () => {
    expect(smsUnits('[a]')).toBe(5)
    expect(smsUnits('€')).toBe(2)
  })
  it('splits at 160/153 (GSM-7) and 70/67 (UCS-2)', () => {
    expect(splitSmsParts('a'.repeat(160)).parts).toHaveLength(1)
    expect(splitSmsParts('a'.repeat(161)).parts.map((p) => p.length)).toEqual([153, 8])
    expect(splitSmsParts('ä'.repeat(70)).parts).toHaveLength(1)
    expect(splitSmsParts('ü'.repeat(400)).encoding).toBe('gsm7')
    expect(splitSmsParts('ł'.repeat(71)).parts.map((p) => p.length)).toEqual([67, 4])
  })
  it('never splits an escape sequence or a surrogate pair', () => {
    const gsm = splitSmsParts(`${'a'.repeat(152)}€${'b'.repeat(10)}`).parts
    expect(gsm).toEqual(['a'.repeat(152), `€${'b'.repeat(10)}`])
    const ucs = splitSmsParts(`${'ł'.repeat(66)}😀xxxxx`).parts
    expect(ucs).toEqual(['ł'.repeat(66), '😀xxxxx'])
  })
  it('for any text: parts rejoin to it and each fits its limit', () => {
    const unit = fc.constantFrom('a', ' ', '€', '[', 'é', 'ł', '😀', '\n')
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 700 }), (t) => {
        const { encoding, parts } = splitSmsParts(t)
        expect(parts.join('')).toBe(t)
        const limit = parts.length > 1 ? (encoding === 'gsm7' ? 153 : 67) : encoding === 'gsm7' ? 160 : 70
        for (const p of parts) expect(smsUnits(p, encoding)).toBeLessThanOrEqual(limit)
      }),
    )
  })
})
