// The dashboard's plain panels: headline figures, the agency scoreboard (rapor OPD), trending
// topics and the one-time boundary import.
import { useState, type FormEvent } from 'react'
import { tr } from '../i18n.ts'
import { fmtHours, fmtNum, fmtPct, uploadBoundaries, type DashboardData, type ScoreRow } from './data.ts'

export function Kpis({ s }: { s: DashboardData['summary'] }) {
  const items: [string, string, string?][] = [
    [tr('Laporan masuk', 'Reports received'), fmtNum(s.received)],
    [tr('Terverifikasi', 'Verified'), fmtNum(s.verified)],
    [tr('Sudah dijawab', 'Answered'), fmtNum(s.answered)],
    [tr('Selesai', 'Closed'), fmtNum(s.closed)],
    [tr('Lewat tenggat (masih terbuka)', 'Past deadline (still open)'), fmtNum(s.overdueOpen), s.overdueOpen > 0 ? 'warn' : undefined],
    [tr('Kepatuhan SLA OPD', 'Agency SLA compliance'), fmtPct(s.slaCompliance)],
    [tr('Median respons pertama', 'Median first response'), fmtHours(s.medianFirstResponseHours)],
    [tr('Median penyelesaian', 'Median completion'), fmtHours(s.medianCompletionHours)],
  ]
  return (
    <dl className="dash-kpis">
      {items.map(([label, value, tone]) => (
        <div key={label} className={`card dash-kpi${tone ? ` ${tone}` : ''}`}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}

const compClass = (p: number | null) => (p === null ? '' : p >= 80 ? 'good' : p >= 60 ? 'fair' : 'poor')

export function Scoreboard({ rows }: { rows: ScoreRow[] }) {
  if (rows.length === 0) return <p className="empty">{tr('Belum ada disposisi ke OPD untuk filter ini.', 'No dispositions to agencies for this filter yet.')}</p>
  return (
    <div className="dash-scroll">
      <table className="dash-table dash-score">
        <caption className="sr-only">{tr('Rapor OPD: kinerja tiap OPD atas disposisi laporan', 'Agency scorecard: each agency\'s performance on dispatched reports')}</caption>
        <thead>
          <tr>
            <th scope="col">{tr('OPD', 'Agency')}</th>
            <th scope="col" className="num">{tr('Laporan', 'Reports')}</th>
            <th scope="col" className="num">{tr('Dijawab', 'Answered')}</th>
            <th scope="col" className="num">{tr('Tepat waktu', 'On time')}</th>
            <th scope="col" className="num">{tr('Lewat tenggat (terbuka)', 'Past deadline (open)')}</th>
            <th scope="col" className="num">{tr('Dikembalikan', 'Returned')}</th>
            <th scope="col" className="num">{tr('Kepatuhan SLA', 'SLA compliance')}</th>
            <th scope="col" className="num">{tr('Respons pertama (median)', 'First response (median)')}</th>
            <th scope="col" className="num">{tr('Penyelesaian (median)', 'Completion (median)')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.agencyId}>
              <th scope="row" title={r.name}>
                <span className="dash-agency">{r.shortName}</span>
              </th>
              <td className="num">{fmtNum(r.reports)}</td>
              <td className="num">{fmtNum(r.answered)}</td>
              <td className="num">{fmtNum(r.answeredOnTime)}</td>
              <td className="num">{fmtNum(r.overdueOpen)}</td>
              <td className="num">{fmtNum(r.returned)}</td>
              <td className="num">
                <span className={`dash-comp ${compClass(r.slaCompliance)}`}>{fmtPct(r.slaCompliance)}</span>
              </td>
              <td className="num">{fmtHours(r.medianFirstResponseHours)}</td>
              <td className="num">{fmtHours(r.medianCompletionHours)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export function Trending({ items }: { items: DashboardData['trending'] }) {
  if (items.length === 0) return <p className="empty">{tr('Belum cukup laporan untuk melihat topik yang sedang naik.', 'Not enough reports yet to see rising topics.')}</p>
  return (
    <ol className="dash-trending">
      {items.map((t) => (
        <li key={t.term}>
          <span className="dash-term">{t.term}</span>
          <span className="muted">{tr(`${fmtNum(t.count)} laporan`, `${fmtNum(t.count)} reports`)}</span>
          {t.isNew ? (
            <span className="dash-change up">{tr('baru', 'new')}</span>
          ) : t.changePct === null ? (
            <span className="dash-change" />
          ) : (
            <span className={`dash-change ${t.changePct > 0 ? 'up' : 'down'}`}>
              <span aria-hidden="true">{t.changePct > 0 ? '▲' : '▼'}</span> {t.changePct > 0 ? tr('naik', 'up') : tr('turun', 'down')} {Math.abs(t.changePct)}%
            </span>
          )}
        </li>
      ))}
    </ol>
  )
}

export function BoundaryImport({ csrf, onDone }: { csrf: string | null; onDone: () => void }) {
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null)
  async function submit(e: FormEvent) {
    e.preventDefault()
    if (!file) return
    setBusy(true)
    setMsg(null)
    try {
      const json = JSON.parse(await file.text())
      const r = await uploadBoundaries(json, csrf)
      const list = r.unmatched.map((u) => u.label).slice(0, 5).join(', ')
      const missed = r.unmatched.length ? tr(` ${r.unmatched.length} fitur tidak cocok: ${list}.`, ` ${r.unmatched.length} features did not match: ${list}.`) : ''
      setMsg({ ok: true, text: tr(`${r.matched.length} kecamatan diimpor.${missed}`, `${r.matched.length} districts imported.${missed}`) })
      onDone()
    } catch (err) {
      setMsg({ ok: false, text: err instanceof SyntaxError ? tr('Berkas bukan GeoJSON yang valid.', 'The file is not valid GeoJSON.') : (err as Error).message })
    } finally {
      setBusy(false)
    }
  }
  return (
    <form className="dash-import" onSubmit={submit}>
      <label htmlFor="geojson">{tr('Impor batas kecamatan (GeoJSON)', 'Import district boundaries (GeoJSON)')}</label>
      <p className="muted dash-note">
        {tr('Sekali saja untuk pemda ini. Setiap fitur dicocokkan dengan kecamatan lewat kode Kemendagri (mis. 11.15.01) atau namanya.', 'Once per local government. Each feature is matched to a district by its Ministry of Home Affairs code (e.g. 11.15.01) or its name.')}
      </p>
      <div className="dash-import-row">
        <input id="geojson" type="file" accept=".json,.geojson,application/geo+json,application/json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <button type="submit" disabled={!file || busy}>
          {busy ? tr('Mengimpor…', 'Importing…') : tr('Impor', 'Import')}
        </button>
      </div>
      {msg && (
        <p role="status" className={msg.ok ? 'dash-ok' : 'alert'}>
          {msg.text}
        </p>
      )}
    </form>
  )
}
