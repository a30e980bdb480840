// When things happen in the demo, in WIB: citizens write at any hour (mostly mornings and
// evenings), staff act in office hours on working days (the same holiday calendar the SLA uses).
import {
  addDays,
  isWorkingDate,
  localDate,
  makeCalendar,
  nextWorkingDate,
  startOfLocalDay,
} from '../reports/calendar.ts'
import type { ChannelType } from '../reports/model.ts'
import type { Rng } from './prng.ts'

export const DEMO_TZ = 'Asia/Jakarta'
export const DEMO_CALENDAR = makeCalendar({ timeZone: DEMO_TZ })
const HOUR = 3_600_000
const MINUTE = 60_000
const OPEN = 8
const CLOSE = 16

/** The local clock hour (fractional) of an instant in WIB. */
export function localHour(t: Date): number {
  return (+t - +startOfLocalDay(localDate(t, DEMO_TZ), DEMO_TZ)) / HOUR
}

export const atLocal = (date: string, hour: number) =>
  new Date(+startOfLocalDay(date, DEMO_TZ) + Math.round(hour * HOUR))

export const isWorkingDay = (date: string) => isWorkingDate(DEMO_CALENDAR, date)

/** Relative weight of a local calendar date for citizen reports: fewer on weekends and holidays. */
export function dayWeight(date: string): number {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
  if (weekday === 0) return 0.5
  if (weekday === 6) return 0.6
  return isWorkingDay(date) ? 1 : 0.55
}

/** An hour of day for a citizen's message on a channel (WIB, fractional). */
export function citizenHour(channel: ChannelType, rng: Rng): number {
  if (channel === 'walk_in' || channel === 'phone') return rng.float(8.2, 15.5)
  if (channel === 'email' || channel === 'web')
    return rng.weighted([
      [rng.float(8, 12), 4],
      [rng.float(12, 17), 3],
      [rng.float(19, 23), 2],
      [rng.float(5.5, 8), 1],
    ])
  // Messaging and social: after the dawn prayer, at lunch, and most in the evening.
  return rng.weighted([
    [rng.float(5.5, 8), 2],
    [rng.float(8, 12), 3],
    [rng.float(12, 14), 2],
    [rng.float(14, 18), 2],
    [rng.float(19, 23), 4],
    [rng.float(23, 24), 0.5],
  ])
}

/** The first office moment (working day, 08:00-16:00 WIB) at or after `t`, with a little slack. */
export function officeMoment(t: Date, rng: Rng): Date {
  let date = localDate(t, DEMO_TZ)
  const h = localHour(t)
  if (isWorkingDay(date) && h >= OPEN && h < CLOSE) return t
  if (!isWorkingDay(date) || h >= CLOSE) date = nextWorkingDate(DEMO_CALENDAR, date)
  return atLocal(date, OPEN + rng.float(0.1, 1.5))
}

/** Staff act `minutes` (at least) after `t`, inside office hours. */
export function staffAfter(t: Date, rng: Rng, minMinutes: number, maxMinutes: number): Date {
  return officeMoment(new Date(+t + rng.float(minMinutes, maxMinutes) * MINUTE), rng)
}

/** An office moment on the nth working day after `t` (n = 0: later the same working day if there is time). */
export function workingDaysAfter(t: Date, n: number, rng: Rng): Date {
  if (n <= 0) return staffAfter(t, rng, 20, 240)
  let date = localDate(t, DEMO_TZ)
  for (let i = 0; i < n; i++) date = nextWorkingDate(DEMO_CALENDAR, date)
  return atLocal(date, rng.float(OPEN + 0.2, CLOSE - 0.3))
}

/** A reporter replies some hours later, but not in the middle of the night. */
export function citizenAfter(t: Date, rng: Rng, minHours: number, maxHours: number): Date {
  let at = new Date(+t + rng.float(minHours, maxHours) * HOUR)
  const h = localHour(at)
  if (h < 6) at = new Date(+at + (6 - h + rng.float(0.2, 2)) * HOUR)
  return at
}

/** The close of the nth working day after `t`, plus a nightly job's delay: when silence closes a report. */
export function silenceCloseAt(t: Date, n: number, rng: Rng): Date {
  let date = localDate(t, DEMO_TZ)
  for (let i = 0; i < n; i++) date = nextWorkingDate(DEMO_CALENDAR, date)
  return atLocal(addDays(date, 1), rng.float(0.1, 2))
}

/** "Rabu (14/5)": how Pemda replies name the day they acted. */
export function dayLabel(t: Date): string {
  const date = localDate(t, DEMO_TZ)
  const names = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu']
  const d = new Date(`${date}T00:00:00Z`)
  return `${names[d.getUTCDay()]} (${d.getUTCDate()}/${d.getUTCMonth() + 1})`
}

export { localDate, addDays }
