// The pages of the first slice: the report list (Kotak Masuk), the report page, the dashboard placeholder.
import { useEffect, useState, type FormEvent } from 'react'
import { DISPOSITION_STATUS_LABELS, REPORT_STATUSES, type DispositionStatus } from '../../src/reports/model.ts'
import { api, ApiError, type Agency, type ReportDetail, type ReportListItem, type TimelineEvent } from './api.ts'
import {
  channelLabel,
  eventLabel,
  fmtDate,
  fmtDateTime,
  kindLabel,
  SLA_LABELS,
  statusLabel,
  urgencyLabel,
} from './labels.ts'
import { onLinkClick } from './router.ts'

function errorText(err: unknown, notFound: string): string {
  if (err instanceof ApiError) return err.status === 404 ? notFound : err.messages.id
  return 'Terjadi kesalahan. Coba lagi.'
}

function StatusBadge({ status }: { status: ReportListItem['status'] }) {
  return <span className={`badge status-${status}`}>{statusLabel(status)}</span>
}

function SlaBadge({ state, dueAt }: { state: ReportListItem['slaState']; dueAt: string | null }) {
  if (!dueAt || !state) return <span className="muted">—</span>
  return (
    <span className={`sla sla-${state}`}>
      {fmtDate(dueAt)}
      <span className="sla-text">{SLA_LABELS[state]}</span>
    </span>
  )
}

export function ReportListPage() {
  const [items, setItems] = useState<ReportListItem[] | null>(null)
  const [cursor, setCursor] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [status, setStatus] = useState('')
  const [q, setQ] = useState('')
  const [applied, setApplied] = useState({ status: '', q: '' })
  const [loadingMore, setLoadingMore] = useState(false)

  useEffect(() => {
    let live = true
    setItems(null)
    setError(null)
    api.reports({ ...applied, limit: 50 }).then(
      (r) => {
        if (!live) return
        setItems(r.items)
        setCursor(r.nextCursor)
      },
      (err) => live && setError(errorText(err, 'Daftar laporan belum tersedia di server ini (layanan laporan belum aktif).')),
    )
    return () => {
      live = false
    }
  }, [applied])

  async function more() {
    if (!cursor) return
    setLoadingMore(true)
    try {
      const r = await api.reports({ ...applied, cursor, limit: 50 })
      setItems((old) => [...(old ?? []), ...r.items])
      setCursor(r.nextCursor)
    } catch (err) {
      setError(errorText(err, 'Daftar laporan belum tersedia di server ini.'))
    } finally {
      setLoadingMore(false)
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault()
    setApplied({ status, q: q.trim() })
  }

  return (
    <section aria-labelledby="list-title">
      <h1 id="list-title">Kotak Masuk</h1>
      <form className="filters" onSubmit={submit} role="search">
        <div className="field">
          <label htmlFor="f-status">Status</label>
          <select id="f-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">Semua status</option>
            {REPORT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field grow">
          <label htmlFor="f-q">Cari</label>
          <input id="f-q" type="search" value={q} placeholder="Kata kunci, mis. jalan rusak" onChange={(e) => setQ(e.target.value)} />
        </div>
        <button type="submit" className="primary">
          Terapkan
        </button>
      </form>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {!error && items === null && (
        <p role="status" className="muted">
          Memuat laporan…
        </p>
      )}
      {items && items.length === 0 && <p className="empty">Tidak ada laporan yang cocok.</p>}
      {items && items.length > 0 && (
        <>
          <table className="reports">
            <caption className="sr-only">Daftar laporan, terbaru di atas</caption>
            <thead>
              <tr>
                <th scope="col" className="c-code">Kode</th>
                <th scope="col" className="c-summary">Judul / ringkasan</th>
                <th scope="col" className="c-status">Status</th>
                <th scope="col" className="c-channel">Kanal</th>
                <th scope="col" className="c-date">Masuk</th>
                <th scope="col" className="c-due">Batas waktu</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id}>
                  <td data-label="Kode" className="code">
                    <a href={`/admin/laporan/${r.id}`} onClick={onLinkClick}>
                      {r.trackingCode}
                    </a>
                  </td>
                  <td data-label="Judul" className="summary">
                    <span className="title">{r.title ?? kindLabel(r.kind)}</span>
                    <span className="excerpt">{r.excerpt}</span>
                  </td>
                  <td data-label="Status">
                    <StatusBadge status={r.status} />
                  </td>
                  <td data-label="Kanal">{channelLabel(r.channelType)}</td>
                  <td data-label="Masuk" className="nowrap">{fmtDate(r.createdAt)}</td>
                  <td data-label="Batas waktu">
                    <SlaBadge state={r.slaState} dueAt={r.dueAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {cursor && (
            <p className="more">
              <button type="button" onClick={more} disabled={loadingMore}>
                {loadingMore ? 'Memuat…' : 'Muat lebih banyak'}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  )
}

export function ReportPage({ id }: { id: string }) {
  const [report, setReport] = useState<ReportDetail | null>(null)
  const [events, setEvents] = useState<TimelineEvent[] | null>(null)
  const [agencies, setAgencies] = useState<Map<string, Agency>>(new Map())
  const [error, setError] = useState<string | null>(null)
  const [timelineError, setTimelineError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    setReport(null)
    setEvents(null)
    setError(null)
    api.report(id).then(
      (r) => live && setReport(r),
      (err) => live && setError(errorText(err, 'Laporan tidak ditemukan, atau Anda tidak berwenang melihatnya.')),
    )
    api.events(id).then(
      (r) => live && setEvents(r.items),
      (err) => live && setTimelineError(errorText(err, 'Riwayat laporan belum tersedia.')),
    )
    api.agencies().then(
      (r) => live && setAgencies(new Map(r.items.map((a) => [a.id, a]))),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [id])

  const agencyName = (aid: string | null) => (aid ? agencies.get(aid)?.shortName ?? agencies.get(aid)?.name ?? 'OPD' : '—')

  return (
    <article aria-labelledby="report-title">
      <p className="back">
        <a href="/admin/" onClick={onLinkClick}>
          ← Kembali ke Kotak Masuk
        </a>
      </p>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {!error && !report && (
        <p role="status" className="muted">
          Memuat laporan…
        </p>
      )}
      {report && (
        <>
          <header className="report-head">
            <p className="code">{report.trackingCode}</p>
            <h1 id="report-title">{report.title ?? kindLabel(report.kind)}</h1>
            <StatusBadge status={report.status} />
          </header>
          <div className="report-grid">
            <section className="card" aria-labelledby="isi">
              <h2 id="isi">Isi laporan</h2>
              <p className="body">{report.body}</p>
              {report.publishedResponses && report.publishedResponses.length > 0 && (
                <>
                  <h3>Jawaban</h3>
                  {report.publishedResponses.map((r) => (
                    <blockquote key={r.id}>
                      <p>{r.body}</p>
                      <footer>
                        {agencyName(r.agencyId)} · {fmtDateTime(r.publishedAt)}
                      </footer>
                    </blockquote>
                  ))}
                </>
              )}
            </section>
            <section className="card" aria-labelledby="rincian">
              <h2 id="rincian">Rincian</h2>
              <dl className="details">
                <dt>Jenis</dt>
                <dd>{kindLabel(report.kind)}</dd>
                <dt>Kanal</dt>
                <dd>{channelLabel(report.channelType)}</dd>
                <dt>Masuk</dt>
                <dd>{fmtDateTime(report.createdAt)}</dd>
                <dt>Batas waktu</dt>
                <dd>{fmtDateTime(report.sla?.current?.dueAt)}</dd>
                <dt>Urgensi</dt>
                <dd>{urgencyLabel(report.urgency)}</dd>
                {report.locationText && (
                  <>
                    <dt>Lokasi</dt>
                    <dd>{report.locationText}</dd>
                  </>
                )}
                {report.reporterName !== undefined && (
                  <>
                    <dt>Pelapor</dt>
                    <dd>{report.reporterName ?? (report.flags?.anonymous ? 'Anonim' : '—')}</dd>
                  </>
                )}
                <dt>Sifat</dt>
                <dd>
                  {[report.flags?.anonymous && 'Anonim', report.flags?.confidential && 'Rahasia', report.flags?.emergency && 'Darurat']
                    .filter(Boolean)
                    .join(', ') || 'Biasa'}
                </dd>
              </dl>
              {report.dispositions && report.dispositions.length > 0 && (
                <>
                  <h3>Disposisi</h3>
                  <ul className="plain">
                    {report.dispositions.map((d) => (
                      <li key={d.id}>
                        <strong>{agencyName(d.agencyId)}</strong> — {DISPOSITION_STATUS_LABELS[d.status as DispositionStatus]?.id ?? d.status}
                        {d.dueAt ? ` · batas ${fmtDate(d.dueAt)}` : ''}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          </div>
          <section className="card" aria-labelledby="riwayat">
            <h2 id="riwayat">Riwayat</h2>
            {timelineError && <p className="alert">{timelineError}</p>}
            {!timelineError && !events && <p className="muted">Memuat riwayat…</p>}
            {events && events.length === 0 && <p className="muted">Belum ada riwayat.</p>}
            {events && events.length > 0 && (
              <ol className="timeline">
                {events.map((e) => (
                  <li key={String(e.id)} className={e.internal ? 'internal' : undefined}>
                    <time dateTime={e.at}>{fmtDateTime(e.at)}</time>
                    <span className="event">{eventLabel(e.type)}</span>
                    {e.toStatus && e.toStatus !== e.fromStatus && (
                      <span className="muted"> → {statusLabel(e.toStatus)}</span>
                    )}
                    {e.agencyId && <span className="muted"> · {agencyName(e.agencyId)}</span>}
                    {e.internal && <span className="tag">internal</span>}
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      )}
    </article>
  )
}
