import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addWorkingDays,
  computeDueAt,
  DEFAULT_SLA_SETTINGS,
  isWorkingDate,
  localDate,
  makeCalendar,
  parseSlaSettings,
  slaState,
  workingDaysBetween,
} from './sla.ts'

const wib = makeCalendar({ timeZone: 'Asia/Jakarta' })
const wita = makeCalendar({ timeZone: 'Asia/Makassar' })
const wit = makeCalendar({ timeZone: 'Asia/Jayapura' })
const at = (iso: string) => new Date(iso)

describe('the working-day calendar', () => {
  it('gives a report received on Nyepi, 2026-03-19 16:00 WITA, its verification deadline from the 2026 calendar', () => {
    // Verification: 3 working days. The day of receipt never counts; then, per SKB 2026:
    //   Fri 20 Mar  cuti bersama Idul Fitri     -> not a working day
    //   Sat 21 Mar  Idul Fitri 1447 H (Saturday) -> not a working day
    //   Sun 22 Mar  Idul Fitri 1447 H (Sunday)   -> not a working day
    //   Mon 23 Mar  cuti bersama Idul Fitri     -> not a working day
    //   Tue 24 Mar  cuti bersama Idul Fitri     -> not a working day
    //   Wed 25 Mar  working day 1
    //   Thu 26 Mar  working day 2
    //   Fri 27 Mar  working day 3 -> due at 23:59:59.999 WITA = 15:59:59.999 UTC
    // (date-holidays alone would put Idul Fitri on 20-21 March; the answer is the same either way.)
    const received = at('2026-03-19T16:00:00+08:00')
    const due = computeDueAt(
      { startedAt: received, workingDays: DEFAULT_SLA_SETTINGS.verifyWorkingDays },
      wita,
    )
    expect(due?.toISOString()).toBe('2026-03-27T15:59:59.999Z')
    expect(addWorkingDays(received, 3, wita).toISOString()).toBe('2026-03-27T15:59:59.999Z')
    expect(workingDaysBetween(received, at('2026-03-24T12:00:00+08:00'), wita)).toBe(0)
  })

  it('gives WIB and WIT tenants different instants for the same local rule', () => {
    const received = at('2026-03-19T16:00:00+08:00') // 15:00 WIB, 17:00 WIT: still 19 March everywhere
    expect(addWorkingDays(received, 3, wib).toISOString()).toBe('2026-03-27T16:59:59.999Z') // 23:59:59.999 WIB
    expect(addWorkingDays(received, 3, wit).toISOString()).toBe('2026-03-27T14:59:59.999Z') // 23:59:59.999 WIT
  })

  it('counts from the local day, which can differ between zones for the same instant', () => {
    // Thu 2026-03-05 23:30 WIB is already Fri 06 00:30 WITA.
    const received = at('2026-03-05T23:30:00+07:00')
    expect(localDate(received, 'Asia/Jakarta')).toBe('2026-03-05')
    expect(localDate(received, 'Asia/Makassar')).toBe('2026-03-06')
    // WIB: Fri 6 = 1, Mon 9 = 2, Tue 10 = 3.   WITA: Mon 9 = 1, Tue 10 = 2, Wed 11 = 3.
    expect(addWorkingDays(received, 3, wib).toISOString()).toBe('2026-03-10T16:59:59.999Z')
    expect(addWorkingDays(received, 3, wita).toISOString()).toBe('2026-03-11T15:59:59.999Z')
  })

  it('gives a Friday-afternoon, a Saturday and a holiday receipt the same deadline', () => {
    const friday = addWorkingDays(at('2026-05-08T16:00:00+07:00'), 3, wib)
    const saturday = addWorkingDays(at('2026-05-09T09:00:00+07:00'), 3, wib)
    const sunday = addWorkingDays(at('2026-05-10T23:59:00+07:00'), 3, wib)
    expect(friday.toISOString()).toBe('2026-05-13T16:59:59.999Z') // Mon 11, Tue 12, Wed 13
    expect(saturday).toEqual(friday)
    expect(sunday).toEqual(friday)
  })

  it('takes tenant days and the cuti bersama choice into account', () => {
    const received = at('2026-03-19T16:00:00+08:00')
    const works = makeCalendar({ timeZone: 'Asia/Makassar', cutiBersamaIsWorkingDay: true })
    expect(localDate(addWorkingDays(received, 3, works), 'Asia/Makassar')).toBe('2026-03-24') // Fri 20, Mon 23, Tue 24
    const local = makeCalendar({
      timeZone: 'Asia/Makassar',
      extraHolidays: [{ date: '2026-03-25', name: 'Hari jadi' }],
    })
    expect(localDate(addWorkingDays(received, 3, local), 'Asia/Makassar')).toBe('2026-03-30')
    const openSaturday = makeCalendar({ timeZone: 'Asia/Jakarta', extraWorkingDays: ['2026-05-09'] })
    expect(isWorkingDate(openSaturday, '2026-05-09')).toBe(true)
    const sixDays = makeCalendar({ timeZone: 'Asia/Jakarta', weekend: [0] })
    expect(localDate(addWorkingDays(at('2026-05-08T16:00:00+07:00'), 3, sixDays), 'Asia/Jakarta')).toBe(
      '2026-05-12',
    ) // Sat 9, Mon 11, Tue 12
  })

  it('satisfies workingDaysBetween(x, addWorkingDays(x, n)) = n and always ends at a working day close', () => {
    const instant = fc.integer({ min: +at('2025-01-01T00:00:00Z'), max: +at('2027-10-01T00:00:00Z') })
    const cal = fc.constantFrom(wib, wita, wit)
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 70 }), cal, (t, n, c) => {
        const due = addWorkingDays(new Date(t), n, c)
        expect(workingDaysBetween(new Date(t), due, c)).toBe(n)
        expect(isWorkingDate(c, localDate(due, c.timeZone))).toBe(true)
        expect(localDate(+due + 1, c.timeZone)).not.toBe(localDate(due, c.timeZone)) // the last ms of a day
        expect(computeDueAt({ startedAt: new Date(t), workingDays: n }, c)).toEqual(due)
      }),
      { numRuns: 300 },
    )
  })
})

describe('deadlines with pauses (tunda)', () => {
  const received = at('2026-04-06T10:00:00+07:00') // Monday; due Thu 9 April without pauses
  const due = (pauses: { from: Date; to?: Date }[]) =>
    computeDueAt({ startedAt: received, workingDays: 3, pauses }, wib)?.toISOString() ?? null

  it('extends a working-day deadline by the paused working time, rounded up to a whole day', () => {
    expect(due([])).toBe('2026-04-09T16:59:59.999Z')
    // 6 paused hours on Tue 7: only 3 days minus 6 h accrue by Thu's close, so Fri 10 closes it.
    expect(due([{ from: at('2026-04-07T09:00:00+07:00'), to: at('2026-04-07T15:00:00+07:00') }])).toBe(
      '2026-04-10T16:59:59.999Z',
    )
    // Paused Tue 09:00 to Mon 13 09:00: Tue gives 9 h, Mon 15 h (= 1 day), Tue 14 = 2, Wed 15 = 3.
    expect(due([{ from: at('2026-04-07T09:00:00+07:00'), to: at('2026-04-13T09:00:00+07:00') }])).toBe(
      '2026-04-15T16:59:59.999Z',
    )
  })

  it('ignores pauses on the receipt day, on days off and after the deadline', () => {
    expect(due([{ from: at('2026-04-06T11:00:00+07:00'), to: at('2026-04-06T12:00:00+07:00') }])).toBe(
      '2026-04-09T16:59:59.999Z',
    )
    expect(due([{ from: at('2026-04-11T00:00:00+07:00'), to: at('2026-04-13T00:00:00+07:00') }])).toBe(
      '2026-04-09T16:59:59.999Z',
    )
    expect(due([{ from: at('2026-04-10T08:00:00+07:00') }])).toBe('2026-04-09T16:59:59.999Z')
  })

  it('has no deadline while an open pause holds the clock', () => {
    expect(due([{ from: at('2026-04-08T08:00:00+07:00') }])).toBeNull()
    expect(due([{ from: at('2026-04-06T11:00:00+07:00') }])).toBeNull()
  })

  it('runs clock-hour deadlines on wall time, through weekends and holidays, minus pauses', () => {
    const start = at('2026-03-21T10:00:00+08:00') // Idul Fitri, a Saturday: emergencies do not wait
    const hours = (clockHours: number, pauses: { from: Date; to?: Date }[] = []) =>
      computeDueAt({ startedAt: start, clockHours, pauses }, wita)?.toISOString() ?? null
    expect(hours(1)).toBe('2026-03-21T03:00:00.000Z')
    expect(hours(1, [{ from: at('2026-03-21T10:15:00+08:00'), to: at('2026-03-21T10:45:00+08:00') }])).toBe(
      '2026-03-21T03:30:00.000Z',
    )
    expect(hours(1, [{ from: at('2026-03-21T10:15:00+08:00') }])).toBeNull()
    expect(hours(1, [{ from: at('2026-03-21T12:00:00+08:00') }])).toBe('2026-03-21T03:00:00.000Z')
  })

  it('never shortens a deadline, whatever the pauses', () => {
    const day = 86_400_000
    const pause = fc
      .tuple(fc.integer({ min: -2 * day, max: 40 * day }), fc.integer({ min: 1, max: 5 * day }))
      .map(([s, len]) => ({ from: new Date(+received + s), to: new Date(+received + s + len) }))
    fc.assert(
      fc.property(fc.array(pause, { maxLength: 4 }), fc.integer({ min: 1, max: 20 }), (pauses, n) => {
        const plain = computeDueAt({ startedAt: received, workingDays: n }, wib)!
        const paused = computeDueAt({ startedAt: received, workingDays: n, pauses }, wib)!
        expect(+paused).toBeGreaterThanOrEqual(+plain)
        const total = pauses.reduce((s, p) => s + (+p.to - +p.from), 0)
        expect(+paused - +plain).toBeLessThanOrEqual(total + 30 * day) // bounded: days off may lie between
      }),
      { numRuns: 200 },
    )
  })
})

describe('SLA state and settings', () => {
  it('says on track, due soon, overdue or paused', () => {
    const dueAt = at('2026-04-09T23:59:59.999+07:00')
    const soon = { workingDays: 1, calendar: wib }
    expect(slaState(dueAt, at('2026-04-08T10:00:00+07:00'), soon)).toBe('on_track')
    expect(slaState(dueAt, at('2026-04-09T10:00:00+07:00'), soon)).toBe('due_soon')
    expect(slaState(dueAt, at('2026-04-10T00:00:00+07:00'), soon)).toBe('overdue')
    expect(slaState(null, at('2026-04-10T00:00:00+07:00'), soon)).toBe('paused')
    expect(slaState(dueAt, at('2026-04-09T12:00:00+07:00'), 6 * 3_600_000)).toBe('on_track')
    expect(slaState(dueAt, at('2026-04-09T18:00:00+07:00'), 6 * 3_600_000)).toBe('due_soon')
  })

  it('has the LAPOR! defaults and lets a tenant override one value', () => {
    expect(DEFAULT_SLA_SETTINGS).toMatchObject({
      verifyWorkingDays: 3,
      followUpWorkingDays: 5,
      closeBySilenceWorkingDays: 10,
      tierWorkingDays: { ringan: 2, normatif: 5, tidak_berkadar_pengawasan: 14, berkadar_pengawasan: 60 },
      urgencyClockHours: { mendesak: 1, penting: 24, biasa: 48 },
    })
    const s = parseSlaSettings({ tierWorkingDays: { ringan: 1 }, verifyWorkingDays: 2 })
    expect(s.tierWorkingDays).toEqual({
      ringan: 1,
      normatif: 5,
      tidak_berkadar_pengawasan: 14,
      berkadar_pengawasan: 60,
    })
    expect(s.verifyWorkingDays).toBe(2)
    expect(() => parseSlaSettings({ verifyWorkingDays: 0 })).toThrow()
    expect(() => parseSlaSettings({ urgencyClockHours: { mendesak: -1 } })).toThrow()
    expect(parseSlaSettings(null)).toEqual(DEFAULT_SLA_SETTINGS)
  })
})
