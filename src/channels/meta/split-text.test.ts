import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { splitText } from './split-text.ts'

const squash = (s: string) => s.replace(/\s+/g, '')

describe('splitText', () => {
  it('returns text within the limit whole, and blank text as no parts', () => {
    expect(splitText('Laporan diterima.', 4096)).toEqual(['Laporan diterima.'])
    expect(splitText('   ', 10)).toEqual([])
  })

  it('breaks at a paragraph, then a line, then a space', () => {
    expect(splitText('aaaa bbbb\n\ncccc dddd', 12)).toEqual(['aaaa bbbb', 'cccc dddd'])
    expect(splitText('aaaa bbbb\ncccc dddd', 12)).toEqual(['aaaa bbbb', 'cccc dddd'])
    expect(splitText('aaaa bbbb cccc', 10)).toEqual(['aaaa bbbb', 'cccc'])
    expect(splitText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij'])
  })

  it('never splits an emoji (surrogate pair)', () => {
    expect(splitText('abc😀def', 4)).toEqual(['abc', '😀de', 'f'])
  })

  it('for any text: parts fit, none is blank, and together they hold every non-space character in order', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', 'é', '😀', '.'), maxLength: 400 })
    fc.assert(
      fc.property(text, fc.integer({ min: 2, max: 60 }), (t, max) => {
        const parts = splitText(t, max)
        for (const p of parts) {
          expect(p.length).toBeLessThanOrEqual(max)
          expect(p.trim()).not.toBe('')
          const last = p.charCodeAt(p.length - 1)
          expect(last >= 0xd800 && last <= 0xdbff).toBe(false)
        }
        expect(squash(parts.join(''))).toBe(squash(t))
      }),
    )
  })
})
