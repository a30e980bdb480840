// SLA rules and holidays of a tenant, as the settings page shows and edits them. The tenant's own
// holidays live in tenants.settings.calendar.extraHolidays, which reports/store.ts loadSettings
// already turns into the working calendar: a deadline computed after a change uses it at once.
// (The holidays table is not read by the calendar; national days come from reports/holidays.ts.)
import type { Db } from '../db/connect.ts'
import { conflict, invalid, notFound } from '../http/errors.ts'
import { CalendarSettingsSchema } from '../reports/calendar.ts'
import { holidayListStatus, nationalHolidays } from '../reports/holidays.ts'
import { DEFAULT_SLA_SETTINGS, parseSlaSettings, type SlaSettings } from '../reports/sla.ts'
import { readTenant, section, updateSettingsKey } from './tenant-settings.ts'

export interface LocalHoliday {
  date: string
  name: string
}

const calendarDefaults = { weekend: [0, 6], cutiBersamaIsWorkingDay: false }

function calendarOf(settings: Record<string, unknown>) {
  const raw = section(settings, 'calendar')
  const extra = Array.isArray(raw.extraHolidays) ? (raw.extraHolidays as LocalHoliday[]) : []
  return {
    raw,
    weekend: Array.isArray(raw.weekend) ? (raw.weekend as number[]) : calendarDefaults.weekend,
    cutiBersamaIsWorkingDay: raw.cutiBersamaIsWorkingDay === true,
    extraHolidays: [...extra].sort((a, b) => a.date.localeCompare(b.date)),
  }
}

export async function readSlaView(db: Db, tenantId: string) {
  const t = await readTenant(db, tenantId)
  if (!t) throw notFound()
  let sla: SlaSettings
  let storedValid = true
  try {
    sla = parseSlaSettings(section(t.settings, 'sla'))
  } catch {
    sla = DEFAULT_SLA_SETTINGS
    storedValid = false
  }
  const cal = calendarOf(t.settings)
  return {
    sla,
    defaults: DEFAULT_SLA_SETTINGS,
    storedValid,
    timeZone: t.timeZone,
    weekend: cal.weekend,
    cutiBersamaIsWorkingDay: cal.cutiBersamaIsWorkingDay,
  }
}

export async function saveSla(
  db: Db,
  tenantId: string,
  input: { sla: SlaSettings; weekend?: number[]; cutiBersamaIsWorkingDay?: boolean },
) {
  await updateSettingsKey(db, tenantId, 'sla', () => input.sla)
  if (input.weekend !== undefined || input.cutiBersamaIsWorkingDay !== undefined) {
    await updateSettingsKey(db, tenantId, 'calendar', (cur) => {
      const next = { ...cur }
      if (input.weekend !== undefined) next.weekend = [...new Set(input.weekend)].sort()
      if (input.cutiBersamaIsWorkingDay !== undefined) next.cutiBersamaIsWorkingDay = input.cutiBersamaIsWorkingDay
      return next
    })
  }
  return readSlaView(db, tenantId)
}

export async function holidaysView(db: Db, tenantId: string, year: number) {
  const t = await readTenant(db, tenantId)
  if (!t) throw notFound()
  const cal = calendarOf(t.settings)
  return {
    year,
    /** official (SKB published), provisional, or estimated (computed: check the year's SKB). */
    listStatus: holidayListStatus(year),
    national: nationalHolidays(year).map((h) => ({ date: h.date, name: h.name, kind: h.kind })),
    local: cal.extraHolidays.filter((h) => h.date.startsWith(`${year}-`)),
    cutiBersamaIsWorkingDay: cal.cutiBersamaIsWorkingDay,
  }
}

const isRealDate = (d: string) => {
  const t = Date.parse(`${d}T00:00:00Z`)
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d
}

export async function addLocalHoliday(db: Db, tenantId: string, h: LocalHoliday) {
  if (!isRealDate(h.date)) throw invalid({ id: 'Tanggal tidak valid.', en: 'Invalid date.' })
  return updateSettingsKey(db, tenantId, 'calendar', (cur) => {
    const list = calendarOf({ calendar: cur }).extraHolidays
    if (list.some((x) => x.date === h.date))
      throw conflict({ id: 'Tanggal ini sudah menjadi hari libur daerah.', en: 'This date is already a local holiday.' })
    const next = { ...cur, extraHolidays: [...list, h].sort((a, b) => a.date.localeCompare(b.date)) }
    // The calendar must still parse as reports/calendar.ts reads it.
    if (!CalendarSettingsSchema.safeParse({ timeZone: 'Asia/Jakarta', ...next }).success)
      throw invalid({ id: 'Pengaturan kalender tidak valid.', en: 'Invalid calendar settings.' })
    return next
  })
}

export async function removeLocalHoliday(db: Db, tenantId: string, date: string) {
  let found = false
  await updateSettingsKey(db, tenantId, 'calendar', (cur) => {
    const list = calendarOf({ calendar: cur }).extraHolidays
    found = list.some((x) => x.date === date)
    if (!found) throw notFound({ id: 'Hari libur daerah tidak ditemukan.', en: 'Local holiday not found.' })
    return { ...cur, extraHolidays: list.filter((x) => x.date !== date) }
  })
  return found
}
