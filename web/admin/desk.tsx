// Meja OPD, the agency desk: dispositions waiting for my agency, soonest deadline first, and the
// follow-ups in progress. The head approves (editing the text first if need be) or sends back a
// submitted follow-up right here, with its photos shown,
// on a phone if need be. Live: a notice about one of these reports reloads the desk (one small
// query scoped to the agency).
import { useCallback, useEffect, useState } from 'react'
import { api, type DeskDisposition, type DeskResponse, type SessionInfo } from './api.ts'
import { dispositionStatusLabel, fmtDateTime, responseStatusLabel } from './labels.ts'
import { FileList, useResponseFiles } from './notifications/response-files.tsx'
import { useLive } from './live.ts'
import { onLinkClick } from './router.ts'
import { errorText, SlaBadge } from './ui.tsx'
import { tr } from './i18n.ts'

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
      <h1 id="desk-title">{tr('Meja OPD', 'Agency desk')}</h1>
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
          {tr('Memuat…', 'Loading…')}
        </p>
      )}
      {data && (
        <>
          {(isHead || approvals.length > 0) && (
            <section className="card" aria-labelledby="approve-title">
              <h2 id="approve-title">{isHead ? tr('Menunggu persetujuan Anda', 'Waiting for your approval') : tr('Menunggu persetujuan kepala OPD', 'Waiting for the agency head’s approval')}</h2>
              {approvals.length === 0 && <p className="muted">{tr('Tidak ada draf yang menunggu.', 'No drafts waiting.')}</p>}
              <ul className="desk-list">
                {approvals.map((r) => (
                  <Approvable key={r.id} r={r} canApprove={isHead} onDone={(m) => (setFlash(m), void load())} />
                ))}
              </ul>
            </section>
          )}
          <section className="card" aria-labelledby="disp-title">
            <h2 id="disp-title">{tr(`Disposisi menunggu (${data.dispositions.length})`, `Dispositions waiting (${data.dispositions.length})`)}</h2>
            {data.dispositions.length === 0 && <p className="muted">{tr('Tidak ada disposisi terbuka.', 'No open dispositions.')}</p>}
            <ul className="desk-list">
              {data.dispositions.map((d) => (
                <li key={d.id}>
                  <div className="desk-main">
                    <a href={`/admin/laporan/${d.reportId}`} onClick={onLinkClick} className="code">
                      {d.trackingCode}
                    </a>{' '}
                    <span className="badge">{dispositionStatusLabel(d.status)}</span>
                    {d.isEmergency && <span className="badge status-received"> {tr('Darurat', 'Emergency')}</span>}
                    <span className="title">{d.title ?? d.excerpt}</span>
                    {d.instruction && <span className="muted">{tr('Instruksi:', 'Instruction:')} {d.instruction}</span>}
                  </div>
                  <SlaBadge state={d.slaState} dueAt={d.dueAt} />
                </li>
              ))}
            </ul>
          </section>
          {drafts.length > 0 && (
            <section className="card" aria-labelledby="drafts-title">
              <h2 id="drafts-title">{tr('Draf tindak lanjut', 'Follow-up drafts')}</h2>
              <ul className="desk-list">
                {drafts.map((r) => (
                  <li key={r.id}>
                    <div className="desk-main">
                      <a href={`/admin/laporan/${r.reportId}`} onClick={onLinkClick} className="code">
                        {r.trackingCode}
                      </a>{' '}
                      <span className="badge">{responseStatusLabel(r.status)}</span>
                      <span className="title">{r.title}</span>
                      {r.rejectReason && <span className="muted">{tr('Catatan kepala:', 'Head’s note:')} {r.rejectReason}</span>}
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
  const [editing, setEditing] = useState(false)
  const [text, setText] = useState(r.body)
  const files = useResponseFiles(r.reportId)
  const edited = editing && text.trim() !== r.body.trim()
  async function act(type: 'approve_response' | 'reject_response') {
    setBusy(true)
    setError(null)
    try {
      const body =
        type === 'reject_response' ? { responseId: r.id, reason: reason.trim() } : edited ? { responseId: r.id, body: text.trim() } : { responseId: r.id }
      await api.command(r.reportId, type, body)
      onDone(
        type === 'approve_response'
          ? tr(`Tindak lanjut ${r.trackingCode} disetujui dan diterbitkan.`, `Follow-up ${r.trackingCode} approved and published.`)
          : tr(`Draf ${r.trackingCode} dikembalikan.`, `Draft ${r.trackingCode} returned.`),
      )
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
        {editing ? (
          <>
            <label htmlFor={`ed-${r.id}`}>{tr('Teks tindak lanjut (diubah oleh kepala OPD)', 'Follow-up text (edited by the agency head)')}</label>
            <textarea id={`ed-${r.id}`} rows={5} value={text} onChange={(e) => setText(e.target.value)} />
          </>
        ) : (
          <blockquote>
            <p>{r.body}</p>
          </blockquote>
        )}
        <FileList files={files.of(r.id)} />
        {error && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
        {canApprove && (
          <div className="buttons">
            <button type="button" className="primary" disabled={busy || !text.trim()} onClick={() => void act('approve_response')}>
              {edited ? tr('Simpan perubahan & setujui', 'Save changes and approve') : tr('Setujui & terbitkan', 'Approve and publish')}
            </button>
            <button type="button" aria-expanded={editing} onClick={() => (setEditing(!editing), setText(r.body))}>
              {editing ? tr('Batalkan perubahan', 'Discard changes') : tr('Ubah teks', 'Edit the text')}
            </button>
            <button type="button" aria-expanded={rejecting} onClick={() => setRejecting(!rejecting)}>
              {tr('Tolak / minta perbaikan', 'Reject / ask for changes')}
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
            <label htmlFor={`rj-${r.id}`}>{tr('Catatan perbaikan', 'What to change')}</label>
            <textarea id={`rj-${r.id}`} required rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
            <button type="submit" disabled={busy || !reason.trim()}>
              {tr('Kembalikan draf', 'Return the draft')}
            </button>
          </form>
        )}
      </div>
    </li>
  )
}
