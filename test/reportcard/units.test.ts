// Pure parts of the report card: months in the tenant's zone, Indonesian number formats, chart
// scales and legends.
import { describe, expect, it } from 'vitest'
import { barsSvg, legendClasses, niceScale, shadeOf, SHADES, trendSvg, wrap } from '../../src/reportcard/charts.ts'
import { fmtDelta, fmtHours, fmtNum, isValidMonth, monthBounds, monthLabel, monthOf, previousMonth } from '../../src/reportcard/month.ts'
import { fmtChange } from '../../src/reportcard/sections.ts'

describe('months', () => {
  it('bounds, previous month and labels', () => {
    expect(monthBounds('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' })
    expect(monthBounds('2026-11')).toEqual({ from: '2026-11-01', to: '2026-11-30' })
    expect(previousMonth('2027-01')).toBe('2026-12')
    expect(monthLabel('2026-10')).toBe('Oktober 2026')
    expect(['2026-13', '2026-00', '1999-12', '26-11', '2026-1'].map(isValidMonth)).toEqual([false, false, false, false, false])
    expect(isValidMonth('2026-11')).toBe(true)
  })

  it('the month of an instant is local: 1 December 00:30 WIT is still 30 November in WIB', () => {
    const at = new Date('2026-11-30T15:30:00Z')
    expect(monthOf(at, 'Asia/Jayapura')).toBe('2026-12')
    expect(monthOf(at, 'Asia/Jakarta')).toBe('2026-11')
  })
})

describe('formats', () => {
  it('writes numbers, times and changes the Indonesian way', () => {
    expect(fmtNum(1234)).toBe('1.234')
    expect(fmtNum(12.345, 1)).toBe('12,3')
    expect(fmtHours(5.25)).toBe('5,3 jam')
    expect(fmtHours(72)).toBe('3,0 hari')
    expect(fmtDelta(120, 100)).toBe('+20 (+20,0%)')
    expect(fmtDelta(5, 5)).toBe('tetap')
    expect(fmtChange({ label: '', kind: 'pct', current: 69.7, previous: 91.7 })).toBe('-22,0 poin')
    expect(fmtChange({ label: '', kind: 'hours', current: 182.4, previous: 165.6 })).toBe('+0,7 hari')
    expect(fmtChange({ label: '', kind: 'count', current: 3, previous: null })).toBe('-')
  })
})

describe('charts', () => {
  it('scales, shades and legends', () => {
    expect(niceScale(0)).toEqual({ top: 4, step: 1 })
    expect(niceScale(11)).toEqual({ top: 15, step: 5 })
    expect(niceScale(3)).toEqual({ top: 3, step: 1 })
    expect(shadeOf(0, 10)).toBe(SHADES[0])
    expect(shadeOf(10, 10)).toBe(SHADES[SHADES.length - 1])
    const classes = legendClasses(27)
    expect(classes[0]).toEqual({ shade: SHADES[0], label: '0' })
    expect(classes.at(-1)!.label.endsWith('27')).toBe(true)
    expect(legendClasses(0)).toHaveLength(1)
  })

  it('wraps long kecamatan names and escapes text', () => {
    expect(wrap('Beutong Ateuh Banggalang', 14)).toEqual(['Beutong Ateuh', 'Banggalang'])
    const svg = barsSvg([{ key: 'x', label: 'Jalan & <Jembatan>', count: 3 }])
    expect(svg).toContain('Jalan &amp; &lt;Jembatan&gt;')
    expect(barsSvg([])).toContain('Tidak ada laporan')
    expect(trendSvg([], [], { current: 'November 2026', previous: 'Oktober 2026' })).toContain('Tanggal')
  })
})
