// The report list (Daftar Laporan): filters, search, cursor paging; live notices update or
// insert just the report they name (one detail read), never the whole list.
import { useEffect, useState, type FormEvent } from 'react'
import { REPORT_STATUSES, type ReportStatus } from '../../src/reports/model.ts'
import { api, ApiError, type ReportDetail, type ReportListItem } from './api.ts'
import { channelLabel, fmtDate, kindLabel, slaLabel, statusLabel } from './labels.ts'
import { useLive } from './live.ts'
import { onLinkClick } from './router.ts'
import { ChannelIcon, serverText } from './ui.tsx'
import { tr } from './i18n.ts'

const listQuery = (f: { status: string; q: string }) => ({ status: (f.status || undefined) as ReportStatus | undefined, q: f.q || undefined })

/** A report detail as a list row (the fields the list shows). */
function asListItem(r: ReportDetail): ReportListItem {
  const dueAt = r.sla?.current?.dueAt ?? null
  const now = Date.now()
  return {
    id: r.id,
    trackingCode: r.trackingCode,
    status: r.status,
    kind: r.kind,
    title: r.title,
    excerpt: r.body.slice(0, 200),
    categoryId: r.categoryId,
    regionCode: r.regionCode,
    channelType: r.channelType,
    urgency: r.urgency,
    flags: { anonymous: !!r.flags?.anonymous, confidential: !!r.flags?.confidential },
    dueAt,
    slaState: !dueAt ? null : +new Date(dueAt) < now ? 'overdue' : +new Date(dueAt) < now + 86_400_000 ? 'due_soon' : 'on_track',
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }
}

function errorText(err: unknown, notFound: string): string {
  if (err instanceof ApiError) return err.status === 404 ? notFound : serverText(err)
  return tr('Terjadi kesalahan. Coba lagi.', 'Something went wrong. Please try again.')
}

function StatusBadge({ status }: { status: ReportListItem['status'] }) {
  return <span className={`badge status-${status}`}>{statusLabel(status)}</span>
}

function SlaBadge({ state, dueAt }: { state: ReportListItem['slaState']; dueAt: string | null }) {
  if (!dueAt || !state) return <span className="muted">—</span>
  return (
    <span className={`sla sla-${state}`}>
      {fmtDate(dueAt)}
      <span className="sla-text">{slaLabel(state)}</span>
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
    api.reports({ ...listQuery(applied), limit: 50 }).then(
      (r) => {
        if (!live) return
        setItems(r.items)
        setCursor(r.nextCursor)
      },
      (err) => live && setError(errorText(err, tr('Daftar laporan belum tersedia di server ini (layanan laporan belum aktif).', 'The report list is not available on this server (the reports service is not active).'))),
    )
    return () => {
      live = false
    }
  }, [applied])

  useLive((n) => {
    if (n.kind !== 'report' || !n.reportId || applied.q) return
    const id = n.reportId
    api.report(id).then(
      (r) => {
        const row = asListItem(r)
        const fits = !applied.status || row.status === applied.status
        setItems((old) => {
          if (!old) return old
          const at = old.findIndex((x) => x.id === id)
          if (at >= 0) return fits ? old.map((x) => (x.id === id ? row : x)) : old.filter((x) => x.id !== id)
          return fits ? [row, ...old] : old
        })
      },
      () => setItems((old) => old?.filter((x) => x.id !== id) ?? old),
    )
  })

  async function more() {
    if (!cursor) return
    setLoadingMore(true)
    try {
      const r = await api.reports({ ...listQuery(applied), cursor, limit: 50 })
      setItems((old) => [...(old ?? []), ...r.items])
      setCursor(r.nextCursor)
    } catch (err) {
      setError(errorText(err, tr('Daftar laporan belum tersedia di server ini.', 'The report list is not available on this server.')))
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
      <h1 id="list-title">{tr('Daftar Laporan', 'Reports')}</h1>
      <form className="filters" onSubmit={submit} role="search">
        <div className="field">
          <label htmlFor="f-status">Status</label>
          <select id="f-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{tr('Semua status', 'All statuses')}</option>
            {REPORT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field grow">
          <label htmlFor="f-q">{tr('Cari', 'Search')}</label>
          <input id="f-q" type="search" value={q} placeholder={tr('Kata kunci, mis. jalan rusak', 'Keywords, e.g. damaged road')} onChange={(e) => setQ(e.target.value)} />
        </div>
        <button type="submit" className="primary">
          {tr('Terapkan', 'Apply')}
        </button>
      </form>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {!error && items === null && (
        <p role="status" className="muted">
          {tr('Memuat laporan…', 'Loading reports…')}
        </p>
      )}
      {items && items.length === 0 && <p className="empty">{tr('Tidak ada laporan yang cocok.', 'No matching reports.')}</p>}
      {items && items.length > 0 && (
        <>
          <table className="reports">
            <caption className="sr-only">{tr('Daftar laporan, terbaru di atas', 'Reports, newest first')}</caption>
            <thead>
              <tr>
                <th scope="col" className="c-code">{tr('Kode', 'Code')}</th>
                <th scope="col" className="c-summary">{tr('Judul / ringkasan', 'Title / summary')}</th>
                <th scope="col" className="c-status">Status</th>
                <th scope="col" className="c-channel">{tr('Kanal', 'Channel')}</th>
                <th scope="col" className="c-date">{tr('Masuk', 'Received')}</th>
                <th scope="col" className="c-due">{tr('Batas waktu', 'Deadline')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id}>
                  <td data-label={tr('Kode', 'Code')} className="code">
                    <a href={`/admin/laporan/${r.id}`} onClick={onLinkClick}>
                      {r.trackingCode}
                    </a>
                  </td>
                  <td data-label={tr('Judul', 'Title')} className="summary">
                    <span className="title">{r.title ?? kindLabel(r.kind)}</span>
                    <span className="excerpt">{r.excerpt}</span>
                  </td>
                  <td data-label="Status">
                    <StatusBadge status={r.status} />
                  </td>
                  <td data-label={tr('Kanal', 'Channel')}>
                    <ChannelIcon channel={r.channelType} /> {channelLabel(r.channelType)}
                  </td>
                  <td data-label={tr('Masuk', 'Received')} className="nowrap">{fmtDate(r.createdAt)}</td>
                  <td data-label={tr('Batas waktu', 'Deadline')}>
                    <SlaBadge state={r.slaState} dueAt={r.dueAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {cursor && (
            <p className="more">
              <button type="button" onClick={more} disabled={loadingMore}>
                {loadingMore ? tr('Memuat…', 'Loading…') : tr('Muat lebih banyak', 'Load more')}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  )
}
