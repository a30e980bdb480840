// Auto-replies: the acknowledgement a reporter gets on their channel when a report is opened, the
// emergency acknowledgement, and a note added outside office hours. Stored in
// tenants.settings.autoReplies; every text is optional (empty = the built-in text of intake/replies.ts).
// Pure apart from nothing: rendering takes the calendar and the instant.
import { z } from 'zod'
import { isWorkingDate, localDate, zoneOffsetMs, type WorkingCalendar } from '../reports/calendar.ts'

/** Placeholders an auto-reply may use; written {kode} or {{kode}}. */
export const AUTO_REPLY_PLACEHOLDERS = ['kode', 'hari', 'pemda'] as const

const placeholderRe = /\{\{?\s*([a-z_]+)\s*\}?\}/gi
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM')

function placeholdersOf(text: string): string[] {
  return [...text.matchAll(placeholderRe)].map((m) => m[1]!.toLowerCase())
}

const text = (needsCode: boolean) =>
  z
    .string()
    .trim()
    .max(1000)
    .refine((t) => placeholdersOf(t).every((p) => (AUTO_REPLY_PLACEHOLDERS as readonly string[]).includes(p)), {
      message: `unknown placeholder; use ${AUTO_REPLY_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
    })
    .refine((t) => !needsCode || t === '' || placeholdersOf(t).includes('kode'), {
      message: 'must contain {kode} so the reporter gets the tracking code',
    })

export const AutoRepliesSchema = z
  .object({
    /** Empty: the built-in acknowledgement. Must contain {kode}. */
    acknowledgement: text(true).default(''),
    /** Empty: the built-in emergency acknowledgement (which names 112). Must contain {kode}. */
    emergencyAcknowledgement: text(true).default(''),
    /** Added after the acknowledgement outside office hours and on non-working days; empty = none. */
    outOfHoursNote: text(false).default(''),
    officeHours: z
      .object({ start: hhmm.default('08:00'), end: hhmm.default('16:00') })
      .prefault({})
      .refine((h) => h.start < h.end, { message: 'office hours must end after they start', path: ['end'] }),
  })
  .strict()
export type AutoReplies = z.output<typeof AutoRepliesSchema>

export const DEFAULT_AUTO_REPLIES: AutoReplies = AutoRepliesSchema.parse({})

/** Stored settings, with defaults; a malformed stored value falls back to the defaults. */
export function parseAutoReplies(input: unknown): AutoReplies {
  const r = AutoRepliesSchema.safeParse(input ?? {})
  return r.success ? r.data : DEFAULT_AUTO_REPLIES
}

export function fillPlaceholders(template: string, values: Record<string, string>): string {
  return template.replace(placeholderRe, (all, name: string) => values[name.toLowerCase()] ?? all)
}

/** Whether an instant falls outside office hours: a non-working day, or before start / after end. */
export function isOutOfHours(at: Date, cal: WorkingCalendar, hours: { start: string; end: string }): boolean {
  if (!isWorkingDate(cal, localDate(at, cal.timeZone))) return true
  const local = new Date(+at + zoneOffsetMs(at, cal.timeZone)).toISOString().slice(11, 16)
  return local < hours.start || local >= hours.end
}
