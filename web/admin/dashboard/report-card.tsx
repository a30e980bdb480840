// Monthly report card (rapor OPD) downloads from the dashboard: PDF and XLSX for a month, for the
// whole tenant or one agency (agency users see only their own agencies in the menu; the server
// enforces the same scope). GET /api/report-cards/{YYYY-MM}.pdf|.xlsx[?agency=] (docs/REPORT-CARD.md).
import { useEffect, useState } from 'react'
import { tr } from '../i18n.ts'
import { fetchOptions, type Options } from './data.ts'

const pad = (n: number) => String(n).padStart(2, '0')

/** YYYY-MM of this month and of the previous one, in the browser's calendar. */
export function monthsNow(now = new Date()): { current: string; previous: string } {
  const y = now.getFullYear()
  const m = now.getMonth() + 1
  return { current: `${y}-${pad(m)}`, previous: m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}` }
}

const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember']
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** The last `n` months, newest first (this month included: its figures so far). */
export function recentMonths(current: string, n = 24): string[] {
  const out: string[] = []
  let y = +current.slice(0, 4)
  let m = +current.slice(5, 7)
  for (let i = 0; i < n; i++) {
    out.push(`${y}-${pad(m)}`)
    if (--m === 0) [y, m] = [y - 1, 12]
  }
  return out
}

const monthName = (ym: string) => `${tr(MONTHS_ID[+ym.slice(5, 7) - 1]!, MONTHS_EN[+ym.slice(5, 7) - 1]!)} ${ym.slice(0, 4)}`

export function reportCardHref(month: string, format: 'pdf' | 'xlsx', agency: string): string {
  return `/api/report-cards/${month}.${format}${agency ? `?agency=${encodeURIComponent(agency)}` : ''}`
}

export function ReportCardDownloads() {
  const { current, previous } = monthsNow()
  const [month, setMonth] = useState(previous)
  const [agency, setAgency] = useState('')
  const [options, setOptions] = useState<Options | null>(null)
  useEffect(() => {
    fetchOptions().then(setOptions, () => setOptions(null))
  }, [])

  return (
    <div className="report-card-downloads" role="group" aria-labelledby="rc-title" style={{ marginTop: '1rem', paddingTop: '1rem', borderTop: '1px solid var(--line, #e5e7eb)' }}>
      <h3 id="rc-title" style={{ margin: '0 0 .25rem', fontSize: '1rem' }}>
        {tr('Rapor bulanan (PDF dan XLSX)', 'Monthly report card (PDF and XLSX)')}
      </h3>
      <p className="muted dash-note" style={{ marginTop: 0 }}>
        {tr(
          'Angka sama dengan dasbor untuk bulan yang dipilih. Rapor bulan lalu juga dikirim lewat e-mail kepada pimpinan setiap tanggal 1.',
          "Figures equal the dashboard's for the chosen month. Last month's card is also e-mailed to leaders on the 1st.",
        )}
      </p>
      <div className="dash-filters">
        <div className="field">
          <label htmlFor="rc-month">{tr('Bulan', 'Month')}</label>
          <select id="rc-month" value={month} onChange={(e) => setMonth(e.target.value)}>
            {recentMonths(current).map((m) => (
              <option key={m} value={m}>
                {m === current ? `${monthName(m)} (${tr('berjalan', 'so far')})` : monthName(m)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="rc-agency">{tr('Cakupan', 'Scope')}</label>
          <select id="rc-agency" value={agency} onChange={(e) => setAgency(e.target.value)}>
            <option value="">{tr('Seluruh OPD', 'All agencies')}</option>
            {options?.agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.shortName}
              </option>
            ))}
          </select>
        </div>
        <div className="field dash-exports" style={{ alignSelf: 'end', gridColumn: 'span 2' }}>
          <a className="button" href={reportCardHref(month, 'pdf', agency)} download>
            {tr('Unduh PDF', 'Download PDF')}
          </a>
          <a className="button" href={reportCardHref(month, 'xlsx', agency)} download>
            {tr('Unduh XLSX', 'Download XLSX')}
          </a>
        </div>
      </div>
    </div>
  )
}
