import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { splitText } from './split-text.ts'

const squash = (s: string) => s.replace(/\s+/g, '')

describe('splitText', () => {
  it('leaves short text alone and drops empty text', () => {
    expect(splitText('halo', 10)).toEqual(['halo'])
    expect(splitText('   ', 10)).toEqual([])
  })
  it('prefers paragraph, then line, then word breaks', () => {
    expect(splitText('aaaa bbbb\n\ncccc dddd', 12)).toEqual(['aaaa bbbb', 'cccc dddd'])
    expect(splitText('aaaa bbbb cccc', 10)).toEqual(['aaaa bbbb', 'cccc'])
  })
  it('never cuts a surrogate pair', () => {
    const parts = splitText('😀'.repeat(10), 5)
    for (const p of parts) expect(p).not.toMatch(/[\ud800-\udbff]$/)
    expect(parts.join('')).toBe('😀'.repeat(10))
  })
  it('holds for all inputs: parts fit, are non-empty, and keep every non-space character in order', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', 'é', '😀', 'kata '), maxLength: 400 })
    fc.assert(
      fc.property(text, fc.integer({ min: 4, max: 60 }), (t, max) => {
        const parts = splitText(t, max)
        for (const p of parts) {
          expect(p.length).toBeGreaterThan(0)
          expect(p.length).toBeLessThanOrEqual(max)
        }
        expect(squash(parts.join(''))).toBe(squash(t))
      }),
    )
  })
})
