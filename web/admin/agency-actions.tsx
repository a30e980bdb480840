// The agency's actions on the report page: accept a disposition, return it as not our authority,
// draft the follow-up (tindak lanjut) and submit it for approval (or publish where the agency
// needs none), and the head's approve / reject of a submitted draft. Offered only when the
// server lists the command in report.allowedCommands; the server checks the agency again.
import { useState } from 'react'
import type { Agency, ReportDetail } from './api.ts'
import { useCommand } from './command.tsx'

type Disposition = NonNullable<ReportDetail['dispositions']>[number]
type Draft = NonNullable<ReportDetail['unpublishedResponses']>[number]

export function AgencyPanel({ report, agencies, onDone }: { report: ReportDetail; agencies: Agency[]; onDone: (m: string) => void }) {
  const can = (t: string) => !!report.allowedCommands?.includes(t)
  const agencyTypes = ['accept', 'return_not_authority', 'draft_response', 'submit_response', 'approve_response', 'reject_response', 'publish']
  if (!agencyTypes.some(can)) return null
  const open = (report.dispositions ?? []).filter((d) => d.status === 'pending' || d.status === 'in_progress')
  return (
    <section className="card agency-panel" aria-labelledby="agency-title">
      <h2 id="agency-title">Tindak lanjut OPD</h2>
      {open.length === 0 && <p className="muted">Tidak ada disposisi terbuka.</p>}
      {open.map((d) => (
        <DispositionActions key={d.id} report={report} d={d} agency={agencies.find((a) => a.id === d.agencyId)} can={can} onDone={onDone} />
      ))}
    </section>
  )
}

function DispositionActions({
  report,
  d,
  agency,
  can,
  onDone,
}: {
  report: ReportDetail
  d: Disposition
  agency: Agency | undefined
  can: (t: string) => boolean
  onDone: (m: string) => void
}) {
  const { busy, run, errorBox } = useCommand(report.id, onDone)
  const [returning, setReturning] = useState(false)
  const [reason, setReason] = useState('')
  const draft = report.unpublishedResponses?.find((r) => r.dispositionId === d.id)
  const name = agency?.shortName ?? agency?.name ?? 'OPD'
  return (
    <div className="disp-actions">
      <h3>{name}</h3>
      {d.instruction && (
        <p>
          <span className="muted">Instruksi koordinator:</span> {d.instruction}
        </p>
      )}
      {errorBox}
      {d.status === 'pending' && (
        <div className="buttons">
          {can('accept') && (
            <button type="button" className="primary" disabled={busy} onClick={() => void run('accept', { dispositionId: d.id }, 'Disposisi diterima.')}>
              Terima disposisi
            </button>
          )}
          {can('return_not_authority') && (
            <button type="button" aria-expanded={returning} onClick={() => setReturning(!returning)}>
              Kembalikan: bukan kewenangan kami
            </button>
          )}
        </div>
      )}
      {d.status === 'in_progress' && can('return_not_authority') && !draft && (
        <p>
          <button type="button" aria-expanded={returning} onClick={() => setReturning(!returning)}>
            Kembalikan: bukan kewenangan kami
          </button>
        </p>
      )}
      {returning && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault()
            void run('return_not_authority', { dispositionId: d.id, reason: reason.trim() }, 'Disposisi dikembalikan ke koordinator.')
          }}
        >
          <label htmlFor={`ret-${d.id}`}>Alasan pengembalian</label>
          <textarea id={`ret-${d.id}`} required rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="submit" disabled={busy || !reason.trim()}>
            Kembalikan ke koordinator
          </button>
        </form>
      )}
      {d.status === 'in_progress' && <FollowUp report={report} d={d} draft={draft} requiresApproval={agency?.requiresApproval ?? true} can={can} onDone={onDone} />}
    </div>
  )
}

function FollowUp({
  report,
  d,
  draft,
  requiresApproval,
  can,
  onDone,
}: {
  report: ReportDetail
  d: Disposition
  draft: Draft | undefined
  requiresApproval: boolean
  can: (t: string) => boolean
  onDone: (m: string) => void
}) {
  const editable = !draft || draft.status === 'draft' || draft.status === 'rejected'
  const [body, setBody] = useState(draft?.body ?? '')
  const { busy, run, errorBox } = useCommand(report.id, onDone)
  const [rejecting, setRejecting] = useState(false)
  const [rejectReason, setRejectReason] = useState('')

  async function save(then: 'keep' | 'submit' | 'publish') {
    const responseId = draft?.id ?? crypto.randomUUID()
    const changed = !draft || draft.body !== body.trim() || draft.status === 'rejected'
    if (changed && !(await run('draft_response', { responseId, dispositionId: d.id, body: body.trim(), requiresApproval }, then === 'keep' ? 'Draf disimpan.' : ''))) return
    if (then === 'submit') await run('submit_response', { responseId }, 'Draf diajukan ke kepala OPD untuk disetujui.')
    else if (then === 'publish') await run('publish', { responseId }, 'Tindak lanjut diterbitkan dan dikirim ke pelapor.')
    else if (!changed) onDone('Tidak ada perubahan.')
  }

  if (draft?.status === 'pending_approval') {
    return (
      <div className="stack">
        <p className="muted">Draf tindak lanjut menunggu persetujuan kepala OPD:</p>
        <blockquote>
          <p>{draft.body}</p>
        </blockquote>
        {errorBox}
        {can('approve_response') && (
          <div className="buttons">
            <button type="button" className="primary" disabled={busy} onClick={() => void run('approve_response', { responseId: draft.id }, 'Tindak lanjut disetujui dan diterbitkan.')}>
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
              void run('reject_response', { responseId: draft.id, reason: rejectReason.trim() }, 'Draf dikembalikan untuk diperbaiki.')
            }}
          >
            <label htmlFor={`rej-${draft.id}`}>Catatan perbaikan</label>
            <textarea id={`rej-${draft.id}`} required rows={2} value={rejectReason} onChange={(e) => setRejectReason(e.target.value)} />
            <button type="submit" disabled={busy || !rejectReason.trim()}>
              Kembalikan draf
            </button>
          </form>
        )}
      </div>
    )
  }
  if (!editable || !can('draft_response')) return null
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault()
        void save(requiresApproval ? 'submit' : 'publish')
      }}
    >
      {draft?.status === 'rejected' && (
        <p className="notice">Draf ditolak kepala OPD: {draft.rejectReason}</p>
      )}
      <label htmlFor={`fu-${d.id}`}>Tindak lanjut untuk pelapor</label>
      <textarea id={`fu-${d.id}`} required rows={4} value={body} onChange={(e) => setBody(e.target.value)} />
      {errorBox}
      <div className="buttons">
        <button type="submit" className="primary" disabled={busy || !body.trim()}>
          {requiresApproval ? 'Ajukan untuk disetujui' : 'Terbitkan'}
        </button>
        <button type="button" disabled={busy || !body.trim()} onClick={() => void save('keep')}>
          Simpan draf
        </button>
      </div>
    </form>
  )
}
