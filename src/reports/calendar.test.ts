// Zone offsets are memoised per UTC hour; an hour in which a zone changed its offset is computed
// exactly at each instant (Jakarta went from +07:30 to +07:00 at 1964-01-01 00:00 local).
import { describe, expect, it } from 'vitest'
import { localDate, zoneOffsetMs } from './calendar.ts'

const H = 3_600_000

describe('zoneOffsetMs', () => {
  it('answers the same offset from the memo as before it', () => {
    const t = Date.parse('2026-11-24T10:15:00Z')
    expect(zoneOffsetMs(t, 'Asia/Jakarta')).toBe(7 * H)
    expect(zoneOffsetMs(t + 1000, 'Asia/Jakarta')).toBe(7 * H)
    expect(zoneOffsetMs(t, 'Asia/Makassar')).toBe(8 * H)
    expect(zoneOffsetMs(t, 'Asia/Jayapura')).toBe(9 * H)
    expect(localDate(Date.parse('2026-11-24T16:59:59Z'), 'Asia/Jakarta')).toBe('2026-11-24')
    expect(localDate(Date.parse('2026-11-24T17:00:00Z'), 'Asia/Jakarta')).toBe('2026-11-25')
  })

  it('is exact on both sides of an offset change inside an hour', () => {
    const change = Date.parse('1963-12-31T16:30:00Z')
    expect(zoneOffsetMs(change - 1000, 'Asia/Jakarta')).toBe(7.5 * H)
    expect(zoneOffsetMs(change, 'Asia/Jakarta')).toBe(7 * H)
    expect(zoneOffsetMs(change - 1000, 'Asia/Jakarta')).toBe(7.5 * H) // again, after the hour was seen
  })
})
