// The dashboard's plain panels: headline figures, the agency scoreboard (rapor OPD), trending
// topics and the one-time boundary import.
import { useState, type FormEvent } from 'react'
import { fmtHours, fmtNum, fmtPct, uploadBoundaries, type DashboardData, type ScoreRow } from './data.ts'

export function Kpis({ s }: { s: DashboardData['summary'] }) {
  const items: [string, string, string?][] = [
    ['Laporan masuk', fmtNum(s.received)],
    ['Terverifikasi', fmtNum(s.verified)],
    ['Sudah dijawab', fmtNum(s.answered)],
    ['Selesai', fmtNum(s.closed)],
    ['Lewat tenggat (masih terbuka)', fmtNum(s.overdueOpen), s.overdueOpen > 0 ? 'warn' : undefined],
    ['Kepatuhan SLA OPD', fmtPct(s.slaCompliance)],
    ['Median respons pertama', fmtHours(s.medianFirstResponseHours)],
    ['Median penyelesaian', fmtHours(s.medianCompletionHours)],
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
  if (rows.length === 0) return <p className="empty">Belum ada disposisi ke OPD untuk filter ini.</p>
  return (
    <div className="dash-scroll">
      <table className="dash-table dash-score">
        <caption className="sr-only">Rapor OPD: kinerja tiap OPD atas disposisi laporan</caption>
        <thead>
          <tr>
            <th scope="col">OPD</th>
            <th scope="col" className="num">Laporan</th>
            <th scope="col" className="num">Dijawab</th>
            <th scope="col" className="num">Tepat waktu</th>
            <th scope="col" className="num">Lewat tenggat (terbuka)</th>
            <th scope="col" className="num">Dikembalikan</th>
            <th scope="col" className="num">Kepatuhan SLA</th>
            <th scope="col" className="num">Respons pertama (median)</th>
            <th scope="col" className="num">Penyelesaian (median)</th>
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
  if (items.length === 0) return <p className="empty">Belum cukup laporan untuk melihat topik yang sedang naik.</p>
  return (
    <ol className="dash-trending">
      {items.map((t) => (
        <li key={t.term}>
          <span className="dash-term">{t.term}</span>
          <span className="muted">{fmtNum(t.count)} laporan</span>
          {t.isNew ? (
            <span className="dash-change up">baru</span>
          ) : t.changePct === null ? (
            <span className="dash-change" />
          ) : (
            <span className={`dash-change ${t.changePct > 0 ? 'up' : 'down'}`}>
              <span aria-hidden="true">{t.changePct > 0 ? '▲' : '▼'}</span> {t.changePct > 0 ? 'naik' : 'turun'} {Math.abs(t.changePct)}%
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
      const missed = r.unmatched.length ? ` ${r.unmatched.length} fitur tidak cocok: ${r.unmatched.map((u) => u.label).slice(0, 5).join(', ')}.` : ''
      setMsg({ ok: true, text: `${r.matched.length} kecamatan diimpor.${missed}` })
      onDone()
    } catch (err) {
      setMsg({ ok: false, text: err instanceof SyntaxError ? 'Berkas bukan GeoJSON yang valid.' : (err as Error).message })
    } finally {
      setBusy(false)
    }
  }
  return (
    <form className="dash-import" onSubmit={submit}>
      <label htmlFor="geojson">Impor batas kecamatan (GeoJSON)</label>
      <p className="muted dash-note">
        Sekali saja untuk pemda ini. Setiap fitur dicocokkan dengan kecamatan lewat kode Kemendagri (mis. 11.15.01) atau namanya.
      </p>
      <div className="dash-import-row">
        <input id="geojson" type="file" accept=".json,.geojson,application/geo+json,application/json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <button type="submit" disabled={!file || busy}>
          {busy ? 'Mengimpor…' : 'Impor'}
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
