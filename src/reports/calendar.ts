// A tenant's working-day calendar in its own time zone. Pure: time zones through Intl, holidays
// from holidays.ts and the tenant's own days; nothing reads the clock.
//
// Counting rule (see docs/LIFECYCLE.md): a deadline of N working days ends at the close
// (23:59:59.999 local) of the Nth working day AFTER the local calendar day of the start. The start
// day itself never counts, whether it is a working day or not, so a report that arrives on
// Saturday, on a holiday or at 16:00 on Friday gets the same deadline: the office first sees all
// of them on the next working day, which is day 1.
import { z } from 'zod'
import { nationalHolidays } from './holidays.ts'
import { TIME_ZONES, type TimeZone } from './model.ts'

export const DAY_MS = 86_400_000
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')

/** What a tenant may set about its calendar (stored with the tenant's settings). */
export const CalendarSettingsSchema = z.object({
  timeZone: z.enum(TIME_ZONES),
  /** The tenant's own non-working days (cuti daerah, local holidays): YYYY-MM-DD. */
  extraHolidays: z.array(z.object({ date: isoDate, name: z.string().min(1) })).default([]),
  /** National days the tenant nevertheless works (rare; e.g. a service that stays open). */
  extraWorkingDays: z.array(isoDate).default([]),
  /** Days of the week off (0 = Sunday ... 6 = Saturday); a Pemda on a six-day week sets [0]. */
  weekend: z.array(z.number().int().min(0).max(6)).max(6).default([0, 6]),
  /** Cuti bersama is leave for civil servants: offices close, so by default it is not a working day. */
  cutiBersamaIsWorkingDay: z.boolean().default(false),
  /** False when the caller passes every national day in extraHolidays (e.g. from its own table). */
  includeNationalHolidays: z.boolean().default(true),
})
export type CalendarSettings = z.input<typeof CalendarSettingsSchema>

export interface WorkingCalendar {
  readonly timeZone: TimeZone
  readonly weekend: ReadonlySet<number>
  readonly extraHolidays: ReadonlySet<string>
  readonly extraWorkingDays: ReadonlySet<string>
  readonly cutiBersamaIsWorkingDay: boolean
  readonly includeNationalHolidays: boolean
}

export function makeCalendar(settings: CalendarSettings): WorkingCalendar {
  const s = CalendarSettingsSchema.parse(settings)
  return Object.freeze({
    timeZone: s.timeZone,
    weekend: new Set(s.weekend),
    extraHolidays: new Set(s.extraHolidays.map((h) => h.date)),
    extraWorkingDays: new Set(s.extraWorkingDays),
    cutiBersamaIsWorkingDay: s.cutiBersamaIsWorkingDay,
    includeNationalHolidays: s.includeNationalHolidays,
  })
}

// ---- time zones (Intl) ----

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(tz, f)
  }
  return f
}

/** A bounded memo: `key`'s value, computed once; the map is emptied when it outgrows `limit`. */
export function memoised<V>(map: Map<string, V>, key: string, limit: number, compute: () => V): V {
  let v = map.get(key)
  if (v === undefined) {
    v = compute()
    if (map.size > limit) map.clear()
    map.set(key, v)
  }
  return v
}

/** A memo map per calendar object (a calendar's settings never change once made). */
export function perCalendar<V>(): (cal: WorkingCalendar) => Map<string, V> {
  const maps = new WeakMap<WorkingCalendar, Map<string, V>>()
  return (cal) => {
    let m = maps.get(cal)
    if (!m) maps.set(cal, (m = new Map()))
    return m
  }
}

function exactOffsetMs(t: number, tz: string): number {
  const p: Record<string, number> = {}
  for (const { type, value } of formatter(tz).formatToParts(t)) p[type] = Number(value)
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - t
}

// memo per zone and UTC hour: formatToParts was ~2% of the intake's CPU. An hour whose two ends
// have different offsets (a change of offset inside it) is never memoised.
const hourOffsets = new Map<string, number | null>()

/** The zone's offset from UTC at an instant, in ms (WIB +7 h, WITA +8 h, WIT +9 h). */
export function zoneOffsetMs(instant: Date | number, tz: string): number {
  const t = Math.floor(+instant / 1000) * 1000
  const hour = Math.floor(t / 3_600_000)
  const off = memoised(hourOffsets, `${tz}|${hour}`, 100_000, () => {
    const first = exactOffsetMs(hour * 3_600_000, tz)
    return first === exactOffsetMs(hour * 3_600_000 + 3_599_000, tz) ? first : null
  })
  return off ?? exactOffsetMs(t, tz)
}

/** The local calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(instant: Date | number, tz: string): string {
  return new Date(+instant + zoneOffsetMs(instant, tz)).toISOString().slice(0, 10)
}

const dayStarts = new Map<string, number>() // memo: deadlines walk the same days again and again

/** The instant a local calendar date begins (00:00:00.000 local). */
export function startOfLocalDay(date: string, tz: string): Date {
  const t = memoised(dayStarts, `${tz}|${date}`, 50_000, () => {
    const asUtc = Date.parse(`${date}T00:00:00Z`)
    return asUtc - zoneOffsetMs(asUtc - zoneOffsetMs(asUtc, tz), tz) // second pass: exact across an offset change
  })
  return new Date(t)
}

/** The last millisecond of a local calendar date (23:59:59.999 local). */
export function endOfLocalDay(date: string, tz: string): Date {
  return new Date(+startOfLocalDay(addDays(date, 1), tz) - 1)
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

// ---- working days ----

const yearIndex = new Map<number, Map<string, Set<'national' | 'cuti_bersama'>>>()
function nationalKinds(date: string): ReadonlySet<'national' | 'cuti_bersama'> | undefined {
  const year = Number(date.slice(0, 4))
  let index = yearIndex.get(year)
  if (!index) {
    index = new Map()
    for (const h of nationalHolidays(year)) {
      const kinds = index.get(h.date) ?? new Set()
      kinds.add(h.kind)
      index.set(h.date, kinds)
    }
    yearIndex.set(year, index)
  }
  return index.get(date)
}

/** Whether a local calendar date is a working day: not a weekend day (Saturday, Sunday), not a holiday. */
export function isWorkingDate(cal: WorkingCalendar, date: string): boolean {
  if (cal.extraWorkingDays.has(date)) return true
  if (cal.weekend.has(new Date(`${date}T00:00:00Z`).getUTCDay())) return false
  if (cal.extraHolidays.has(date)) return false
  if (!cal.includeNationalHolidays) return true
  const kinds = nationalKinds(date)
  if (!kinds) return true
  return !(kinds.has('national') || (kinds.has('cuti_bersama') && !cal.cutiBersamaIsWorkingDay))
}

const MAX_SCAN_DAYS = 3_660 // no real deadline is ten years away; a bug or a bad calendar is

/** The first working date strictly after `date`. */
export function nextWorkingDate(cal: WorkingCalendar, date: string): string {
  let d = date
  for (let i = 0; i < MAX_SCAN_DAYS; i++) {
    d = addDays(d, 1)
    if (isWorkingDate(cal, d)) return d
  }
  throw new Error(`no working day within ${MAX_SCAN_DAYS} days after ${date}`)
}

/**
 * The close of the nth working day after the local day of `from`. n = 0 gives the close of that
 * day if it is a working day, else of the next working day.
 */
export function addWorkingDays(from: Date, n: number, cal: WorkingCalendar): Date {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`working days must be a whole number >= 0, got ${n}`)
  let d = localDate(from, cal.timeZone)
  if (n === 0 && !isWorkingDate(cal, d)) d = nextWorkingDate(cal, d)
  for (let i = 0; i < n; i++) d = nextWorkingDate(cal, d)
  return endOfLocalDay(d, cal.timeZone)
}

const betweenMemo = perCalendar<number>() // lists ask for the same pairs

/**
 * Working dates d with localDate(from) < d <= localDate(to): how many working days `to` lies after
 * `from` (negative when `to` is earlier). workingDaysBetween(x, addWorkingDays(x, n)) === n for n >= 1.
 */
export function workingDaysBetween(from: Date, to: Date, cal: WorkingCalendar): number {
  const a = localDate(from, cal.timeZone)
  const b = localDate(to, cal.timeZone)
  if (b < a) return -workingDaysBetween(to, from, cal)
  return memoised(betweenMemo(cal), `${a}|${b}`, 10_000, () => {
    let count = 0
    for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (isWorkingDate(cal, d)) count++
    return count
  })
}
