// Per-user notification preferences (stored in users.preferences) and the pure time rules: quiet
// hours in the tenant's time zone, the daily digest hour. Pure: no I/O.
import { z } from 'zod'
import { zoneOffsetMs } from '../reports/calendar.ts'

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/)

export const PreferencesSchema = z.object({
  /** External channels; the bell in the admin app is always on. */
  channels: z
    .object({ email: z.boolean().default(true), whatsapp: z.boolean().default(true) })
    .prefault({}),
  /** Nothing leaves by e-mail or WhatsApp between start and end (tenant time); held until end. */
  quietHours: z.object({ start: hhmm, end: hhmm }).nullable().default({ start: '21:00', end: '06:00' }),
  /** One message a day at digestTime instead of one per event (approvals and escalations still go at once). */
  digest: z.boolean().default(false),
  digestTime: hhmm.default('07:00'),
})
export type Preferences = z.output<typeof PreferencesSchema>

/** Stored preferences with defaults filled; bad stored values fall back to the defaults. */
export function readPreferences(stored: unknown): Preferences {
  const r = PreferencesSchema.safeParse((stored as { notifications?: unknown } | null)?.notifications ?? {})
  return r.success ? r.data : PreferencesSchema.parse({})
}

/** Minutes east of UTC of `tz` at `at` (Indonesia has no DST, but any IANA zone works). */
export function tzOffsetMinutes(at: Date, tz: string): number {
  return Math.round(zoneOffsetMs(at, tz) / 60_000)
}

const minutesOf = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5))

/** The next instant (strictly after `at`) when the tenant's wall clock reads `time`. */
export function nextLocalTime(at: Date, time: string, tz: string): Date {
  const off = tzOffsetMinutes(at, tz)
  const localMs = at.getTime() + off * 60_000
  const dayStart = Math.floor(localMs / 86_400_000) * 86_400_000
  let candidate = dayStart + minutesOf(time) * 60_000
  if (candidate <= localMs) candidate += 86_400_000
  return new Date(candidate - off * 60_000)
}

/** Whether `at` lies in the quiet hours (a window may wrap midnight: 21:00-06:00). */
export function inQuietHours(at: Date, q: Preferences['quietHours'], tz: string): boolean {
  if (!q || q.start === q.end) return false
  const local = ((Math.floor((at.getTime() + tzOffsetMinutes(at, tz) * 60_000) / 60_000) % 1440) + 1440) % 1440
  const s = minutesOf(q.start)
  const e = minutesOf(q.end)
  return s < e ? local >= s && local < e : local >= s || local < e
}

/** Types that must not wait for the digest: someone has to act now. */
export const URGENT_TYPES = new Set(['approval_needed', 'escalated'])

/**
 * When the external copy of a notification may leave: now (null), at the end of the quiet hours,
 * or at the next digest time.
 */
export function holdUntil(type: string, prefs: Preferences, now: Date, tz: string): Date | null {
  if (inQuietHours(now, prefs.quietHours, tz)) return nextLocalTime(now, prefs.quietHours!.end, tz)
  if (prefs.digest && !URGENT_TYPES.has(type)) return nextLocalTime(now, prefs.digestTime, tz)
  return null
}
