// Periods in the tenant's time zone: a day, week or month starts at local midnight, so a report
// sent at 23:30 WIB on the 31st counts in that month even though it is 16:30 UTC. Pure.
//
// Indonesian zones (WIB +7, WITA +8, WIT +9) have no daylight saving, so one offset per period is
// exact; for a zone with DST the offset is taken at the period's start (documented in
// docs/DASHBOARD.md).

import { zoneOffsetMs } from '../reports/calendar.ts'

export type Granularity = 'day' | 'week' | 'month'

export interface Period {
  /** First local day, YYYY-MM-DD (inclusive). */
  from: string
  /** Last local day, YYYY-MM-DD (inclusive). */
  to: string
  granularity: Granularity
  timeZone: string
  /** UTC instant of local midnight starting `from`. */
  start: Date
  /** UTC instant of local midnight after `to` (exclusive). */
  end: Date
  /** Minutes east of UTC used to bucket instants into local days. */
  offsetMinutes: number
}

const DAY_MS = 86_400_000
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Minutes east of UTC of `timeZone` at instant `at` (Asia/Jakarta -> 420). */
export function tzOffsetMinutes(timeZone: string, at: Date): number {
  return Math.round(zoneOffsetMs(at, timeZone) / 60_000)
}

/** The local calendar day (YYYY-MM-DD) of an instant in a zone. */
export function localDay(at: Date, timeZone: string): string {
  return new Date(at.getTime() + tzOffsetMinutes(timeZone, at) * 60_000).toISOString().slice(0, 10)
}

export function isValidDay(s: string): boolean {
  const m = DATE_RE.exec(s)
  if (!m) return false
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!))
  return d.toISOString().slice(0, 10) === s
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10)
}

/** UTC instant of local midnight starting `day` in the zone. */
export function localMidnight(day: string, timeZone: string): Date {
  const naive = Date.parse(`${day}T00:00:00Z`)
  // Two passes: the offset at the guessed instant, then at the corrected one.
  let t = naive - tzOffsetMinutes(timeZone, new Date(naive)) * 60_000
  t = naive - tzOffsetMinutes(timeZone, new Date(t)) * 60_000
  return new Date(t)
}

/** Longest period one request may cover: keeps every query bounded. */
export const MAX_PERIOD_DAYS = 731

/**
 * Resolves the requested period. Defaults: the last 30 local days ending today; granularity
 * day up to 62 days, week up to 200, month beyond.
 */
export function resolvePeriod(
  input: { from?: string; to?: string; granularity?: Granularity },
  timeZone: string,
  now: Date,
): Period {
  const to = input.to ?? localDay(now, timeZone)
  const from = input.from ?? addDays(to, -29)
  if (!isValidDay(from) || !isValidDay(to)) throw new RangeError('invalid day')
  if (from > to) throw new RangeError('from after to')
  const days = Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1
  if (days > MAX_PERIOD_DAYS) throw new RangeError('period too long')
  const granularity = input.granularity ?? (days <= 62 ? 'day' : days <= 200 ? 'week' : 'month')
  const start = localMidnight(from, timeZone)
  const end = localMidnight(addDays(to, 1), timeZone)
  return { from, to, granularity, timeZone, start, end, offsetMinutes: tzOffsetMinutes(timeZone, start) }
}

/** The bucket (first local day of the day/week/month) a local day falls in; weeks start Monday. */
export function bucketOf(day: string, g: Granularity): string {
  if (g === 'day') return day
  if (g === 'month') return `${day.slice(0, 7)}-01`
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay()
  return addDays(day, -((dow + 6) % 7))
}

/** Every bucket of the period in order (so a trend shows empty days as zero). */
export function bucketsOf(p: Pick<Period, 'from' | 'to' | 'granularity'>): string[] {
  const out: string[] = []
  let b = bucketOf(p.from, p.granularity)
  while (b <= p.to) {
    out.push(b)
    b = p.granularity === 'day' ? addDays(b, 1) : p.granularity === 'week' ? addDays(b, 7) : nextMonth(b)
  }
  return out
}

function nextMonth(day: string): string {
  const y = +day.slice(0, 4)
  const m = +day.slice(5, 7)
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`
}

/** The period of the same length just before (for trending topics and trend arrows). */
export function previousPeriod(p: Period): Period {
  const days = Math.round((Date.parse(p.to) - Date.parse(p.from)) / DAY_MS) + 1
  const to = addDays(p.from, -1)
  const from = addDays(to, -(days - 1))
  const start = localMidnight(from, p.timeZone)
  return { ...p, from, to, start, end: p.start, offsetMinutes: tzOffsetMinutes(p.timeZone, start) }
}

/**
 * A period [from, to] (local days, inclusive) cut for the rollups: the whole months inside it as
 * 'month' rows and the days at either end as 'day' rows (only 'day' when `months` is false or no
 * whole month fits). Empty ranges are left out. Each range becomes its own union branch, so that
 * each is one range scan of the rollup's key.
 */
export function grainRanges(from: string, to: string, months = true): [grain: 'month' | 'day', from: string, to: string][] {
  const mFrom = from.endsWith('-01') ? from : `${addDays(`${from.slice(0, 7)}-28`, 7).slice(0, 7)}-01`
  // Whole months end (exclusive) at the first day of the month holding the day after `to`.
  const mTo = `${addDays(to, 1).slice(0, 7)}-01`
  const ranges: [grain: 'month' | 'day', from: string, to: string][] =
    months && mFrom < mTo
      ? [
          ['month', mFrom, addDays(mTo, -1)],
          ['day', from, addDays(mFrom, -1)],
          ['day', mTo, to],
        ]
      : [['day', from, to]]
  return ranges.filter(([, a, b]) => a <= b)
}
