// The head's approval page opened from a notification link (/admin/persetujuan/<reportId>): the
// report, the draft answer, and one "Setujui" button (approve = publish to the reporter).
import { useEffect, useState } from 'react'
import { ApiError } from '../api.ts'
import { onLinkClick } from '../router.ts'
import { notificationsApi, type ApprovalView } from './client.ts'
import './notifications.css'

export function Approval({ reportId }: { reportId: string }) {
  const [view, setView] = useState<ApprovalView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [done, setDone] = useState<string[]>([])
  useEffect(() => {
    let live = true
    notificationsApi.approval(reportId).then(
      (v) => live && setView(v),
      (e) => live && setError(e instanceof ApiError && e.status !== 404 ? e.messages.id : 'Laporan tidak ditemukan, atau Anda tidak berwenang melihatnya.'),
    )
    return () => {
      live = false
    }
  }, [reportId])

  async function approve(responseId: string) {
    setBusy(responseId)
    setError(null)
    try {
      await notificationsApi.approve(reportId, responseId)
      setDone((d) => [...d, responseId])
    } catch (e) {
      setError(e instanceof ApiError ? e.messages.id : 'Terjadi kesalahan. Coba lagi.')
    } finally {
      setBusy(null)
    }
  }

  return (
    <article className="approval" aria-labelledby="approval-title">
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {!error && !view && <p role="status" className="muted">Memuat draf…</p>}
      {view && (
        <>
          <p className="code">{view.report.trackingCode}</p>
          <h1 id="approval-title">Persetujuan jawaban</h1>
          <section className="card">
            <h2>{view.report.title ?? 'Laporan'}</h2>
            <p className="approval-report">{view.report.body}</p>
            <p>
              <a href={`/admin/laporan/${view.report.id}`} onClick={onLinkClick}>
                Lihat laporan lengkap
              </a>
            </p>
          </section>
          {view.drafts.length === 0 && done.length === 0 && <p className="card">Tidak ada draf yang menunggu persetujuan Anda.</p>}
          {view.drafts.map((d) => (
            <section className="card draft" key={d.id} aria-label="Draf jawaban">
              <h2>Draf jawaban{d.agencyName ? ` · ${d.agencyName}` : ''}</h2>
              <blockquote>
                <p>{d.body}</p>
              </blockquote>
              {done.includes(d.id) ? (
                <p className="approved" role="status">
                  Disetujui dan diterbitkan. Pelapor menerima jawaban ini.
                </p>
              ) : (
                <button type="button" className="primary approve" disabled={busy !== null} onClick={() => void approve(d.id)}>
                  {busy === d.id ? 'Memproses…' : 'Setujui'}
                </button>
              )}
            </section>
          ))}
        </>
      )}
    </article>
  )
}
