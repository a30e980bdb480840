// Pure pieces of the dashboard: period bounds in the tenant's zone, buckets, trending terms.
import { describe, expect, it } from 'vitest'
import { bucketOf, bucketsOf, grainRanges, localDay, previousPeriod, resolvePeriod, tzOffsetMinutes } from '../../src/analytics/period.ts'
import { normaliseDistrictCode } from '../../src/analytics/boundaries.ts'
import { trendingTerms } from '../../src/analytics/trending.ts'
import { toCsv } from '../../src/analytics/export.ts'

describe('periods in the tenant time zone', () => {
  it('knows WIB, WITA and WIT', () => {
    const at = new Date('2026-11-01T00:00:00Z')
    expect(tzOffsetMinutes('Asia/Jakarta', at)).toBe(420)
    expect(tzOffsetMinutes('Asia/Makassar', at)).toBe(480)
    expect(tzOffsetMinutes('Asia/Jayapura', at)).toBe(540)
  })

  it('starts a day at local midnight', () => {
    const p = resolvePeriod({ from: '2026-11-01', to: '2026-11-30' }, 'Asia/Jakarta', new Date())
    expect(p.start.toISOString()).toBe('2026-10-31T17:00:00.000Z')
    expect(p.end.toISOString()).toBe('2026-11-30T17:00:00.000Z')
    const w = resolvePeriod({ from: '2026-11-01', to: '2026-11-01' }, 'Asia/Jayapura', new Date())
    expect(w.start.toISOString()).toBe('2026-10-31T15:00:00.000Z')
    expect(localDay(new Date('2026-10-31T16:59:59Z'), 'Asia/Jakarta')).toBe('2026-10-31')
    expect(localDay(new Date('2026-10-31T17:00:00Z'), 'Asia/Jakarta')).toBe('2026-11-01')
  })

  it('defaults to the last 30 local days and refuses bad periods', () => {
    const p = resolvePeriod({}, 'Asia/Jakarta', new Date('2026-11-23T18:00:00Z'))
    expect([p.from, p.to, p.granularity]).toEqual(['2026-10-26', '2026-11-24', 'day'])
    expect(() => resolvePeriod({ from: '2026-02-30', to: '2026-03-01' }, 'Asia/Jakarta', new Date())).toThrow(RangeError)
    expect(() => resolvePeriod({ from: '2026-03-02', to: '2026-03-01' }, 'Asia/Jakarta', new Date())).toThrow(RangeError)
    expect(() => resolvePeriod({ from: '2020-01-01', to: '2026-03-01' }, 'Asia/Jakarta', new Date())).toThrow(RangeError)
  })

  it('buckets weeks from Monday and months from the first', () => {
    expect(bucketOf('2026-11-01', 'week')).toBe('2026-10-26')
    expect(bucketOf('2026-11-02', 'week')).toBe('2026-11-02')
    expect(bucketOf('2026-11-30', 'month')).toBe('2026-11-01')
    expect(bucketsOf({ from: '2026-10-15', to: '2027-01-02', granularity: 'month' })).toEqual(['2026-10-01', '2026-11-01', '2026-12-01', '2027-01-01'])
    const p = resolvePeriod({ from: '2026-11-01', to: '2026-11-30' }, 'Asia/Jakarta', new Date())
    const prev = previousPeriod(p)
    expect([prev.from, prev.to, prev.end.toISOString()]).toEqual(['2026-10-02', '2026-10-31', p.start.toISOString()])
  })
})

describe('trending terms', () => {
  it('ranks the word that rose above words that stayed', () => {
    const before = [...Array(20)].map((_, i) => (i % 2 ? 'Lampu jalan mati di simpang' : 'Sampah menumpuk di pasar'))
    const now = [...before.slice(0, 12), ...Array(8).fill('Banjir merendam rumah, banjir lagi')]
    const t = trendingTerms(now, before)
    expect(t[0]!.term).toBe('banjir')
    expect(t[0]!.count).toBe(8)
    expect(t[0]!.isNew).toBe(true)
    expect(t.map((x) => x.term)).not.toContain('tidak')
  })
})

describe('rollup ranges', () => {
  it('cuts a period into whole months and the days at either end, leaving out empty ranges', () => {
    expect(grainRanges('2026-01-15', '2026-04-10')).toEqual([
      ['month', '2026-02-01', '2026-03-31'],
      ['day', '2026-01-15', '2026-01-31'],
      ['day', '2026-04-01', '2026-04-10'],
    ])
    expect(grainRanges('2026-02-01', '2026-02-28')).toEqual([['month', '2026-02-01', '2026-02-28']])
    expect(grainRanges('2025-12-01', '2026-01-31')).toEqual([['month', '2025-12-01', '2026-01-31']])
    expect(grainRanges('2026-02-03', '2026-02-27')).toEqual([['day', '2026-02-03', '2026-02-27']])
    expect(grainRanges('2026-01-15', '2026-04-10', false)).toEqual([['day', '2026-01-15', '2026-04-10']])
  })
})

describe('small helpers', () => {
  it('reads Kemendagri district codes in both spellings', () => {
    expect(normaliseDistrictCode('111501')).toBe('11.15.01')
    expect(normaliseDistrictCode(111501)).toBe('11.15.01')
    expect(normaliseDistrictCode('11.15.1')).toBe('11.15.01')
    expect(normaliseDistrictCode('Beutong')).toBeNull()
  })

  it('writes CSV a spreadsheet cannot turn into a formula', () => {
    const csv = toCsv({ name: 'x', header: ['a', 'b'], rows: [['=HYPERLINK("x")', 'satu, dua']] })
    expect(csv).toBe('\ufeffa,b\r\n"\'=HYPERLINK(""x"")","satu, dua"\r\n')
  })
})
