// Meja OPD, the agency desk: dispositions waiting for my agency, soonest deadline first, and the
// follow-ups in progress. The head approves (or sends back) a submitted follow-up right here,
// on a phone if need be. Live: a notice about one of these reports reloads the desk (one small
// query scoped to the agency).
import { useCallback, useEffect, useState } from 'react'
import { DISPOSITION_STATUS_LABELS, RESPONSE_STATUS_LABELS, type DispositionStatus } from '../../src/reports/model.ts'
import { api, type DeskDisposition, type DeskResponse, type SessionInfo } from './api.ts'
import { fmtDateTime } from './labels.ts'
import { useLive } from './live.ts'
import { onLinkClick } from './router.ts'
import { errorText, SlaBadge } from './ui.tsx'

export function DeskPage({ session }: { session: SessionInfo }) {
  const [data, setData] = useState<{ dispositions: DeskDisposition[]; responses: DeskResponse[] } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [flash, setFlash] = useState('')
  const isHead = session.roles.includes('agency_head')
  const load = useCallback(() => api.desk().then(setData, (err) => setError(errorText(err))), [])
  useEffect(() => {
    void load()
  }, [load])
  useLive((n) => {
    if (n.kind === 'report') void load()
  })

  const approvals = data?.responses.filter((r) => r.status === 'pending_approval') ?? []
  const drafts = data?.responses.filter((r) => r.status !== 'pending_approval') ?? []

  return (
    <section aria-labelledby="desk-title">
      <h1 id="desk-title">Meja OPD</h1>
      <p className="ok" role="status" aria-live="polite">
        {flash}
      </p>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {!data && !error && (
        <p role="status" className="muted">
          Memuat…
        </p>
      )}
      {data && (
        <>
          {(isHead || approvals.length > 0) && (
            <section className="card" aria-labelledby="approve-title">
              <h2 id="approve-title">Menunggu persetujuan{isHead ? ' Anda' : ' kepala OPD'}</h2>
              {approvals.length === 0 && <p className="muted">Tidak ada draf yang menunggu.</p>}
              <ul className="desk-list">
                {approvals.map((r) => (
                  <Approvable key={r.id} r={r} canApprove={isHead} onDone={(m) => (setFlash(m), void load())} />
                ))}
              </ul>
            </section>
          )}
          <section className="card" aria-labelledby="disp-title">
            <h2 id="disp-title">Disposisi menunggu ({data.dispositions.length})</h2>
            {data.dispositions.length === 0 && <p className="muted">Tidak ada disposisi terbuka.</p>}
            <ul className="desk-list">
              {data.dispositions.map((d) => (
                <li key={d.id}>
                  <div className="desk-main">
                    <a href={`/admin/laporan/${d.reportId}`} onClick={onLinkClick} className="code">
                      {d.trackingCode}
                    </a>{' '}
                    <span className="badge">{DISPOSITION_STATUS_LABELS[d.status as DispositionStatus]?.id ?? d.status}</span>
                    {d.isEmergency && <span className="badge status-received"> Darurat</span>}
                    <span className="title">{d.title ?? d.excerpt}</span>
                    {d.instruction && <span className="muted">Instruksi: {d.instruction}</span>}
                  </div>
                  <SlaBadge state={d.slaState} dueAt={d.dueAt} />
                </li>
              ))}
            </ul>
          </section>
          {drafts.length > 0 && (
            <section className="card" aria-labelledby="drafts-title">
              <h2 id="drafts-title">Draf tindak lanjut</h2>
              <ul className="desk-list">
                {drafts.map((r) => (
                  <li key={r.id}>
                    <div className="desk-main">
                      <a href={`/admin/laporan/${r.reportId}`} onClick={onLinkClick} className="code">
                        {r.trackingCode}
                      </a>{' '}
                      <span className="badge">{RESPONSE_STATUS_LABELS[r.status].id}</span>
                      <span className="title">{r.title}</span>
                      {r.rejectReason && <span className="muted">Catatan kepala: {r.rejectReason}</span>}
                    </div>
                    <time dateTime={r.updatedAt}>{fmtDateTime(r.updatedAt)}</time>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </section>
  )
}

function Approvable({ r, canApprove, onDone }: { r: DeskResponse; canApprove: boolean; onDone: (m: string) => void }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState('')
  async function act(type: 'approve_response' | 'reject_response') {
    setBusy(true)
    setError(null)
    try {
      await api.command(r.reportId, type, type === 'approve_response' ? { responseId: r.id } : { responseId: r.id, reason: reason.trim() })
      onDone(type === 'approve_response' ? `Tindak lanjut ${r.trackingCode} disetujui dan diterbitkan.` : `Draf ${r.trackingCode} dikembalikan.`)
    } catch (err) {
      setError(errorText(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <li className="approval">
      <div className="desk-main">
        <a href={`/admin/laporan/${r.reportId}`} onClick={onLinkClick} className="code">
          {r.trackingCode}
        </a>
        <span className="title">{r.title}</span>
        <blockquote>
          <p>{r.body}</p>
        </blockquote>
        {error && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
        {canApprove && (
          <div className="buttons">
            <button type="button" className="primary" disabled={busy} onClick={() => void act('approve_response')}>
              Setujui & terbitkan
            </button>
            <button type="button" aria-expanded={rejecting} onClick={() => setRejecting(!rejecting)}>
              Tolak / minta perbaikan
            </button>
          </div>
        )}
        {rejecting && (
          <form
            className="stack"
            onSubmit={(e) => {
              e.preventDefault()
              void act('reject_response')
            }}
          >
            <label htmlFor={`rj-${r.id}`}>Catatan perbaikan</label>
            <textarea id={`rj-${r.id}`} required rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
            <button type="submit" disabled={busy || !reason.trim()}>
              Kembalikan draf
            </button>
          </form>
        )}
      </div>
    </li>
  )
}
