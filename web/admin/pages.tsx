// The report list (Daftar Laporan): filters, search, cursor paging; live notices update or
// insert just the report they name (one detail read), never the whole list.
import { useEffect, useState, type FormEvent } from 'react'
import { REPORT_STATUSES, type ReportStatus } from '../../src/reports/model.ts'
import { api, ApiError, type ReportDetail, type ReportListItem } from './api.ts'
import { channelLabel, fmtDate, kindLabel, SLA_LABELS, statusLabel } from './labels.ts'
import { useLive } from './live.ts'
import { onLinkClick } from './router.ts'
import { ChannelIcon } from './ui.tsx'

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
    api.reports({ ...listQuery(applied), limit: 50 }).then(
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
      <h1 id="list-title">Daftar Laporan</h1>
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
                  <td data-label="Kanal">
                    <ChannelIcon channel={r.channelType} /> {channelLabel(r.channelType)}
                  </td>
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
