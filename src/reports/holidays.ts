// Indonesian national holidays (libur nasional) and collective leave (cuti bersama).
// Pure: computed from date-holidays and the official lists below, no I/O.
//
// Where the lists come from, in order of authority:
// 1. OFFICIAL: the joint decree of three ministers (SKB 3 Menteri: Agama, Ketenagakerjaan, PANRB)
//    for the year, written out below with its number and where it was read. It replaces the
//    library's list for that year entirely, because the library computes Islamic dates with a
//    tabular calendar that is often a day away from the decree (Idul Fitri 2025: library 30-31
//    March, SKB 31 March-1 April; 2026: library 20-21 March, SKB and the sidang isbat 21-22 March).
// 2. Otherwise date-holidays (`new Holidays('ID')`), corrected: it names 27 Rajab 'Maulid Nabi
//    Muhammad' (it is Isra Mi'raj), lacks Easter Sunday (a national holiday since Keppres 8/2024),
//    lacks every cuti bersama, and has Nyepi and Waisak only up to 2027 (they are listed as
//    explicit dates). Such a year is 'estimated': `holidayListStatus` says so, so an admin can
//    be told to check the year's SKB and add its days.
import Holidays from 'date-holidays'
import type { Label } from './model.ts'

export type HolidayKind = 'national' | 'cuti_bersama'
export interface NationalHoliday {
  /** Calendar date in Indonesia, YYYY-MM-DD (not an instant: the calendar applies the tenant's zone). */
  date: string
  name: Label
  kind: HolidayKind
}
export type HolidayListStatus = 'official' | 'provisional' | 'estimated'

const N = {
  newYear: { id: 'Tahun Baru Masehi', en: "New Year's Day" },
  israMiraj: { id: "Isra Mi'raj Nabi Muhammad SAW", en: "Isra Mi'raj (Ascension of the Prophet)" },
  imlek: { id: 'Tahun Baru Imlek', en: 'Chinese New Year' },
  nyepi: { id: 'Hari Suci Nyepi (Tahun Baru Saka)', en: 'Day of Silence (Saka New Year)' },
  idulFitri: { id: 'Hari Raya Idul Fitri', en: 'Eid al-Fitr' },
  goodFriday: { id: 'Wafat Yesus Kristus', en: 'Good Friday' },
  easter: { id: 'Kebangkitan Yesus Kristus (Paskah)', en: 'Easter Sunday' },
  labour: { id: 'Hari Buruh Internasional', en: 'International Labour Day' },
  ascension: { id: 'Kenaikan Yesus Kristus', en: 'Ascension of Jesus Christ' },
  waisak: { id: 'Hari Raya Waisak', en: 'Vesak Day' },
  pancasila: { id: 'Hari Lahir Pancasila', en: 'Pancasila Day' },
  iduladha: { id: 'Hari Raya Idul Adha', en: 'Eid al-Adha' },
  muharram: { id: 'Tahun Baru Islam (1 Muharam)', en: 'Islamic New Year' },
  independence: { id: 'Hari Kemerdekaan Republik Indonesia', en: 'Independence Day' },
  maulid: { id: 'Maulid Nabi Muhammad SAW', en: "Prophet Muhammad's Birthday" },
  christmas: { id: 'Hari Raya Natal', en: 'Christmas Day' },
} satisfies Record<string, Label>
type NameKey = keyof typeof N

function cuti(of: NameKey): Label {
  return { id: `Cuti bersama ${N[of].id}`, en: `Collective leave: ${N[of].en}` }
}

interface OfficialYear {
  status: HolidayListStatus
  source: string
  national: [date: string, name: NameKey][]
  cutiBersama: [date: string, of: NameKey][]
}

/** The SKB 3 Menteri lists, as published. Dates are local calendar dates. */
export const OFFICIAL_HOLIDAYS: Readonly<Record<number, OfficialYear>> = {
  2025: {
    status: 'official',
    source:
      'SKB Menteri Agama, Menteri Ketenagakerjaan, Menteri PANRB No. 1017/2/2 Tahun 2024 (14 Oct 2024), ' +
      'as amended by SKB No. 933/1/3 Tahun 2025 (7 Aug 2025: cuti bersama 18 Aug). Read from ' +
      'setkab.go.id as quoted by prokalteng.jawapos.com, and news.okezone.com 2025-08-07 for the amendment.',
    national: [
      ['2025-01-01', 'newYear'],
      ['2025-01-27', 'israMiraj'],
      ['2025-01-29', 'imlek'],
      ['2025-03-29', 'nyepi'],
      ['2025-03-31', 'idulFitri'],
      ['2025-04-01', 'idulFitri'],
      ['2025-04-18', 'goodFriday'],
      ['2025-04-20', 'easter'],
      ['2025-05-01', 'labour'],
      ['2025-05-12', 'waisak'],
      ['2025-05-29', 'ascension'],
      ['2025-06-01', 'pancasila'],
      ['2025-06-06', 'iduladha'],
      ['2025-06-27', 'muharram'],
      ['2025-08-17', 'independence'],
      ['2025-09-05', 'maulid'],
      ['2025-12-25', 'christmas'],
    ],
    cutiBersama: [
      ['2025-01-28', 'imlek'],
      ['2025-03-28', 'nyepi'],
      ['2025-04-02', 'idulFitri'],
      ['2025-04-03', 'idulFitri'],
      ['2025-04-04', 'idulFitri'],
      ['2025-04-07', 'idulFitri'],
      ['2025-05-13', 'waisak'],
      ['2025-05-30', 'ascension'],
      ['2025-06-09', 'iduladha'],
      ['2025-08-18', 'independence'],
      ['2025-12-26', 'christmas'],
    ],
  },
  2026: {
    status: 'official',
    source:
      'SKB Menteri Agama, Menteri Ketenagakerjaan, Menteri PANRB No. 1497/2/5 Tahun 2025, announced by ' +
      'Kemenko PMK on 19 Sep 2025 (17 national holidays, 8 days of cuti bersama). Read from ' +
      'disdiksmg.semarangkota.go.id and palu.tribunnews.com; Idul Fitri 1447 H confirmed as Saturday 21 March ' +
      'by the sidang isbat of 19 March 2026 (ntvnews.id).',
    national: [
      ['2026-01-01', 'newYear'],
      ['2026-01-16', 'israMiraj'],
      ['2026-02-17', 'imlek'],
      ['2026-03-19', 'nyepi'],
      ['2026-03-21', 'idulFitri'],
      ['2026-03-22', 'idulFitri'],
      ['2026-04-03', 'goodFriday'],
      ['2026-04-05', 'easter'],
      ['2026-05-01', 'labour'],
      ['2026-05-14', 'ascension'],
      ['2026-05-27', 'iduladha'],
      ['2026-05-31', 'waisak'],
      ['2026-06-01', 'pancasila'],
      ['2026-06-16', 'muharram'],
      ['2026-08-17', 'independence'],
      ['2026-08-25', 'maulid'],
      ['2026-12-25', 'christmas'],
    ],
    cutiBersama: [
      ['2026-02-16', 'imlek'],
      ['2026-03-18', 'nyepi'],
      ['2026-03-20', 'idulFitri'],
      ['2026-03-23', 'idulFitri'],
      ['2026-03-24', 'idulFitri'],
      ['2026-05-15', 'ascension'],
      ['2026-05-28', 'iduladha'],
      ['2026-12-24', 'christmas'],
    ],
  },
  2027: {
    // UNVERIFIED as a whole: no SKB for 2027 could be found when this was written. The fixed
    // dates and the Easter-based ones are certain; Imlek (6 Feb) is astronomical and certain.
    // Marked (unverified) below are the library's estimates, which the SKB may move by a day.
    // No cuti bersama is listed because none is known: add the SKB's days when it is published.
    status: 'provisional',
    source:
      'date-holidays 3.37.0 estimates with the corrections of this file; no SKB 2027 found (unverified).',
    national: [
      ['2027-01-01', 'newYear'],
      ['2027-01-05', 'israMiraj'], // unverified (27 Rajab 1448 H)
      ['2027-02-06', 'imlek'],
      ['2027-03-08', 'nyepi'], // unverified (Saka 1949)
      ['2027-03-09', 'idulFitri'], // unverified (1 Syawal 1448 H)
      ['2027-03-10', 'idulFitri'], // unverified
      ['2027-03-26', 'goodFriday'],
      ['2027-03-28', 'easter'],
      ['2027-05-01', 'labour'],
      ['2027-05-06', 'ascension'],
      ['2027-05-16', 'iduladha'], // unverified (10 Zulhijah 1448 H)
      ['2027-05-20', 'waisak'], // unverified (2571 BE)
      ['2027-06-01', 'pancasila'],
      ['2027-06-06', 'muharram'], // unverified (1 Muharam 1449 H)
      ['2027-08-14', 'maulid'], // unverified (12 Rabiulawal 1449 H)
      ['2027-08-17', 'independence'],
      ['2027-12-25', 'israMiraj'], // unverified (27 Rajab 1449 H, the second in 2027)
      ['2027-12-25', 'christmas'],
    ],
    cutiBersama: [],
  },
}

let library: Holidays | undefined
const memo = new Map<number, readonly NationalHoliday[]>()

/** How much to trust the list of a year. */
export function holidayListStatus(year: number): HolidayListStatus {
  return OFFICIAL_HOLIDAYS[year]?.status ?? 'estimated'
}

/** National holidays and cuti bersama of a year, sorted by date (a date may appear twice). */
export function nationalHolidays(year: number): readonly NationalHoliday[] {
  let list = memo.get(year)
  if (!list) {
    const official = OFFICIAL_HOLIDAYS[year]
    list = official
      ? [
          ...official.national.map(([date, key]) => ({ date, name: N[key], kind: 'national' as const })),
          ...official.cutiBersama.map(([date, key]) => ({
            date,
            name: cuti(key),
            kind: 'cuti_bersama' as const,
          })),
        ]
      : libraryHolidays(year)
    list = Object.freeze([...list].sort((a, b) => a.date.localeCompare(b.date)))
    memo.set(year, list)
  }
  return list
}

/** date-holidays' list for a year with the generic corrections; exported for the tests. */
export function libraryHolidays(year: number): NationalHoliday[] {
  library ??= new Holidays('ID')
  const out: NationalHoliday[] = []
  for (const h of library.getHolidays(year, 'id')) {
    if (h.type !== 'public') continue
    const date = h.date.slice(0, 10)
    const key = nameKey(h.name, h.rule)
    out.push({ date, name: key ? N[key] : { id: h.name, en: h.name }, kind: 'national' })
    if (key === 'goodFriday' && year >= 2024)
      out.push({ date: addDays(date, 2), name: N.easter, kind: 'national' })
  }
  return out
}

function nameKey(libraryName: string, rule: string): NameKey | undefined {
  if (/rajab/i.test(rule)) return 'israMiraj' // the library says 'Maulid Nabi Muhammad'
  const byName: Record<string, NameKey> = {
    'Hari tahun baru': 'newYear',
    'Tahun Baru Imlek': 'imlek',
    'Hari Raya Nyepi': 'nyepi',
    'Wafat Yesus Kristus': 'goodFriday',
    'Hari Raya Idul Fitri': 'idulFitri',
    'Hari Buruh Internasional': 'labour',
    'Kenaikan Yesus Kristus': 'ascension',
    'Hari Raya Waisak': 'waisak',
    'Hari Lahir Pancasila': 'pancasila',
    'Hari Raya Idul Adha': 'iduladha',
    'Tahun Baru Islam': 'muharram',
    'Hari Ulang Tahun Kemerdekaan Republik Indonesia': 'independence',
    'Maulid Nabi Muhammad': 'maulid',
    'Hari Raya Natal': 'christmas',
  }
  return byName[libraryName]
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}
