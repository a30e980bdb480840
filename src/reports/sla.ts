// Service-level deadlines: the tenant's SLA settings (zod, with LAPOR! defaults), deadlines in
// working days or clock hours with pauses (tunda), and the SLA state a report shows.
// Pure: `now` is always passed in. The calendar itself lives in calendar.ts (re-exported here).
import { z } from 'zod'
import {
  DAY_MS,
  endOfLocalDay,
  isWorkingDate,
  localDate,
  memoised,
  perCalendar,
  startOfLocalDay,
  addDays,
  workingDaysBetween,
} from './calendar.ts'
import type { WorkingCalendar } from './calendar.ts'
import { ROLES } from './model.ts'

export * from './calendar.ts'

const days = (d: number, max = 365) => z.number().int().min(1).max(max).default(d)
const hours = (h: number) =>
  z
    .number()
    .positive()
    .max(24 * 365)
    .default(h)

/**
 * A tenant's SLA settings. Defaults follow LAPOR! (LAPOR.md): verify within 3 working days, agency
 * follow-up within 5, closure by silence after 10; Pemda SOP tiers; NTB Care urgency hours.
 */
export const SlaSettingsSchema = z.object({
  verifyWorkingDays: days(3),
  followUpWorkingDays: days(5),
  closeBySilenceWorkingDays: days(10),
  /** How long after closing the reporter may still reopen (LAPOR! publishes no figure: configurable). */
  reopenWindowWorkingDays: days(10),
  /** Reopens allowed per report, so a report cannot bounce forever. */
  maxReopens: z.number().int().min(0).max(20).default(3),
  /** Follow-up deadline per category tier, in working days. */
  tierWorkingDays: z
    .object({
      ringan: days(2),
      normatif: days(5),
      tidak_berkadar_pengawasan: days(14),
      berkadar_pengawasan: days(60),
    })
    .prefault({}),
  /** Follow-up deadline per urgency, in clock hours (weekends and holidays count: emergencies do not wait). */
  urgencyClockHours: z.object({ mendesak: hours(1), penting: hours(24), biasa: hours(48) }).prefault({}),
  /** When a deadline counts as 'due soon'. */
  dueSoon: z
    .object({
      /** Working-day deadlines: due soon on the last N working days (1 = on the due day itself). */
      workingDays: z.number().int().min(0).max(30).default(1),
      /** Clock-hour deadlines: due soon in the last fraction of the window. */
      clockFraction: z.number().min(0).max(1).default(0.25),
    })
    .prefault({}),
  escalation: z
    .object({
      /** Remind the responsible people this many working days before a deadline (0 = on the day). */
      remindBeforeWorkingDays: z.number().int().min(0).max(30).default(1),
      /** Who is told, in order, as a breach lasts: one more level every `stepWorkingDays`. */
      chain: z.array(z.enum(ROLES)).min(1).default(['agency_admin', 'agency_head', 'operator', 'leader']),
      stepWorkingDays: days(1, 30),
    })
    .prefault({}),
  /** Perpres 76/2013: unresolved after 60 days, the Ombudsman may take the report over. */
  ombudsmanCalendarDays: days(60, 3650),
})
export type SlaSettings = z.output<typeof SlaSettingsSchema>
export type SlaSettingsInput = z.input<typeof SlaSettingsSchema>

export const DEFAULT_SLA_SETTINGS: SlaSettings = SlaSettingsSchema.parse({})

/** Validate a tenant's stored settings, filling defaults; throws a ZodError on bad values. */
export function parseSlaSettings(input: unknown): SlaSettings {
  return SlaSettingsSchema.parse(input ?? {})
}

/** A period the clock stood still (tunda); `to` absent while it still stands. */
export interface Pause {
  from: Date
  to?: Date | null
}

export type DueSpec =
  | { startedAt: Date; workingDays: number; pauses?: readonly Pause[] }
  | { startedAt: Date; clockHours: number; pauses?: readonly Pause[] }

/**
 * When a clock started at `startedAt` runs out. Pauses stop it: a working-day clock accrues whole
 * working days (00:00-24:00 local) after the start day, minus paused time, and ends at the close of
 * the working day in which N days have accrued, so a deadline always falls at a day's close and a
 * pause of any length within working time costs at least that much. A clock-hour clock runs on
 * wall time minus paused time. Returns null while an open pause holds the clock before it runs out.
 */
const unpausedDue = perCalendar<number>()

export function computeDueAt(spec: DueSpec, cal: WorkingCalendar): Date | null {
  const pauses = mergePauses(spec.pauses ?? [])
  if ('clockHours' in spec) return clockDue(+spec.startedAt, spec.clockHours * 3_600_000, pauses)
  const n = spec.workingDays
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`working days must be a whole number >= 1, got ${n}`)
  const date = localDate(spec.startedAt, cal.timeZone)
  if (pauses.length > 0) return workingDue(date, n, pauses, cal)
  // Without pauses the deadline depends only on the start's local date (a report batch shares it).
  return new Date(memoised(unpausedDue(cal), `${date}|${n}`, 10_000, () => +workingDue(date, n, [], cal)!))
}

/** The close of the day on which n working days have accrued after local date `from`, net of pauses. */
function workingDue(from: string, n: number, pauses: readonly Span[], cal: WorkingCalendar): Date | null {
  const target = n * DAY_MS
  let accrued = 0
  let date = from
  for (let i = 0; i < 3_660; i++) {
    date = addDays(date, 1)
    if (!isWorkingDate(cal, date)) continue
    const start = +startOfLocalDay(date, cal.timeZone)
    const end = +startOfLocalDay(addDays(date, 1), cal.timeZone)
    let open = false
    let paused = 0
    for (const p of pauses) {
      if (p.to === Infinity && p.from < end) open = true
      paused += Math.max(0, Math.min(p.to, end) - Math.max(p.from, start))
    }
    accrued += end - start - paused
    if (accrued >= target) return endOfLocalDay(date, cal.timeZone)
    if (open) return null
  }
  throw new Error('deadline more than ten years away')
}

interface Span {
  from: number
  to: number // Infinity while open
}

function mergePauses(pauses: readonly Pause[]): Span[] {
  const spans = pauses
    .map((p) => ({ from: +p.from, to: p.to == null ? Infinity : +p.to }))
    .filter((p) => p.to > p.from)
    .sort((a, b) => a.from - b.from)
  const out: Span[] = []
  for (const s of spans) {
    const last = out[out.length - 1]
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to)
    else out.push({ ...s })
  }
  return out
}

function clockDue(start: number, duration: number, pauses: Span[]): Date | null {
  let t = start
  let remaining = duration
  for (const p of pauses) {
    if (p.to <= t) continue
    const from = Math.max(p.from, t)
    if (from >= t + remaining) break
    remaining -= from - t
    if (p.to === Infinity) return null
    t = p.to
  }
  return new Date(t + remaining)
}

export const SLA_STATES = ['on_track', 'due_soon', 'overdue', 'paused'] as const
export type SlaState = (typeof SLA_STATES)[number]
export const SLA_STATE_LABELS: Record<SlaState, { id: string; en: string }> = {
  on_track: { id: 'Sesuai jadwal', en: 'On track' },
  due_soon: { id: 'Segera jatuh tempo', en: 'Due soon' },
  overdue: { id: 'Melewati batas waktu', en: 'Overdue' },
  paused: { id: 'Dijeda (menunggu pelapor)', en: 'Paused (waiting for reporter)' },
}

/**
 * The SLA state at `now`. `soonThreshold` is either milliseconds before the deadline, or a number
 * of working days in a calendar (due soon when fewer than that many working days remain after today).
 * A null deadline (the clock is paused) is 'paused'.
 */
export function slaState(
  dueAt: Date | null,
  now: Date,
  soonThreshold: number | { workingDays: number; calendar: WorkingCalendar },
): SlaState {
  if (dueAt === null) return 'paused'
  if (+now > +dueAt) return 'overdue'
  const soon =
    typeof soonThreshold === 'number'
      ? +dueAt - +now <= soonThreshold
      : workingDaysBetween(now, dueAt, soonThreshold.calendar) < soonThreshold.workingDays
  return soon ? 'due_soon' : 'on_track'
}
