// The agency's actions on the report page: accept a disposition, return it as not our authority,
// draft the follow-up (tindak lanjut) with photos or PDFs and submit it for approval (or publish
// where the agency needs none), and the head's approve (editing the text first if needed) or
// reject of a submitted draft. Offered only when the server lists the command in
// report.allowedCommands; the server checks the agency again.
import { useState } from 'react'
import { api, type Agency, type ReportDetail } from './api.ts'
import { useCommand } from './command.tsx'
import { tr } from './i18n.ts'
import { FileList, FilePicker, uploadChosen, useResponseFiles } from './notifications/response-files.tsx'
import { errorText } from './ui.tsx'

type Disposition = NonNullable<ReportDetail['dispositions']>[number]
type Draft = NonNullable<ReportDetail['unpublishedResponses']>[number]
type Files = ReturnType<typeof useResponseFiles>

export function AgencyPanel({ report, agencies, files, onDone }: { report: ReportDetail; agencies: Agency[]; files: Files; onDone: (m: string) => void }) {
  const can = (t: string) => !!report.allowedCommands?.includes(t)
  const agencyTypes = ['accept', 'return_not_authority', 'draft_response', 'submit_response', 'approve_response', 'reject_response', 'publish']
  if (!agencyTypes.some(can)) return null
  const open = (report.dispositions ?? []).filter((d) => d.status === 'pending' || d.status === 'in_progress')
  return (
    <section className="card agency-panel" aria-labelledby="agency-title">
      <h2 id="agency-title">{tr('Tindak lanjut OPD', 'Agency follow-up')}</h2>
      {open.length === 0 && <p className="muted">{tr('Tidak ada disposisi terbuka.', 'No open dispositions.')}</p>}
      {open.map((d) => (
        <DispositionActions key={d.id} report={report} d={d} agency={agencies.find((a) => a.id === d.agencyId)} can={can} files={files} onDone={onDone} />
      ))}
    </section>
  )
}

function DispositionActions({
  report,
  d,
  agency,
  can,
  files,
  onDone,
}: {
  report: ReportDetail
  d: Disposition
  agency: Agency | undefined
  can: (t: string) => boolean
  files: Files
  onDone: (m: string) => void
}) {
  const { busy, run, errorBox } = useCommand(report.id, onDone)
  const [returning, setReturning] = useState(false)
  const [reason, setReason] = useState('')
  const draft = report.unpublishedResponses?.find((r) => r.dispositionId === d.id)
  const name = agency?.shortName ?? agency?.name ?? tr('OPD', 'Agency')
  const returnLabel = tr('Kembalikan: bukan kewenangan kami', 'Return: not our authority')
  return (
    <div className="disp-actions">
      <h3>{name}</h3>
      {d.instruction && (
        <p>
          <span className="muted">{tr('Instruksi koordinator:', 'Coordinator’s instruction:')}</span> {d.instruction}
        </p>
      )}
      {errorBox}
      {d.status === 'pending' && (
        <div className="buttons">
          {can('accept') && (
            <button type="button" className="primary" disabled={busy} onClick={() => void run('accept', { dispositionId: d.id }, tr('Disposisi diterima.', 'Disposition accepted.'))}>
              {tr('Terima disposisi', 'Accept the disposition')}
            </button>
          )}
          {can('return_not_authority') && (
            <button type="button" aria-expanded={returning} onClick={() => setReturning(!returning)}>
              {returnLabel}
            </button>
          )}
        </div>
      )}
      {d.status === 'in_progress' && can('return_not_authority') && !draft && (
        <p>
          <button type="button" aria-expanded={returning} onClick={() => setReturning(!returning)}>
            {returnLabel}
          </button>
        </p>
      )}
      {returning && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault()
            void run('return_not_authority', { dispositionId: d.id, reason: reason.trim() }, tr('Disposisi dikembalikan ke koordinator.', 'Disposition returned to the coordinator.'))
          }}
        >
          <label htmlFor={`ret-${d.id}`}>{tr('Alasan pengembalian', 'Reason for returning')}</label>
          <textarea id={`ret-${d.id}`} required rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="submit" disabled={busy || !reason.trim()}>
            {tr('Kembalikan ke koordinator', 'Return to the coordinator')}
          </button>
        </form>
      )}
      {d.status === 'in_progress' && (
        <FollowUp report={report} d={d} draft={draft} requiresApproval={agency?.requiresApproval ?? true} can={can} files={files} onDone={onDone} />
      )}
    </div>
  )
}

function FollowUp({
  report,
  d,
  draft,
  requiresApproval,
  can,
  files,
  onDone,
}: {
  report: ReportDetail
  d: Disposition
  draft: Draft | undefined
  requiresApproval: boolean
  can: (t: string) => boolean
  files: Files
  onDone: (m: string) => void
}) {
  const editable = !draft || draft.status === 'draft' || draft.status === 'rejected'
  const [body, setBody] = useState(draft?.body ?? '')
  const [chosen, setChosen] = useState<File[]>([])
  const [fileError, setFileError] = useState<string | null>(null)
  const { busy, run, errorBox } = useCommand(report.id, onDone)
  const attached = draft ? files.of(draft.id) : []

  async function save(then: 'keep' | 'submit' | 'publish') {
    setFileError(null)
    const responseId = draft?.id ?? crypto.randomUUID()
    const changed = !draft || draft.body !== body.trim() || draft.status === 'rejected'
    if (changed && !(await run('draft_response', { responseId, dispositionId: d.id, body: body.trim(), requiresApproval }, ''))) return
    // Files go up while it is still a draft: after submitting only the head may change them.
    const problem = await uploadChosen(report.id, responseId, chosen)
    files.reload()
    if (problem) {
      setFileError(problem)
      if (changed) onDone(tr('Draf disimpan, tetapi lampiran gagal diunggah.', 'Draft saved, but the attachments failed to upload.'))
      return
    }
    const added = chosen.length
    setChosen([])
    if (then === 'submit') await run('submit_response', { responseId }, tr('Draf diajukan ke kepala OPD untuk disetujui.', 'Draft submitted to the agency head for approval.'))
    else if (then === 'publish') await run('publish', { responseId }, tr('Tindak lanjut diterbitkan dan dikirim ke pelapor.', 'Follow-up published and sent to the reporter.'))
    else if (changed || added) onDone(tr('Draf disimpan.', 'Draft saved.'))
    else onDone(tr('Tidak ada perubahan.', 'No changes.'))
  }

  async function remove(responseId: string, id: string) {
    setFileError(null)
    try {
      await api.removeResponseFile(report.id, responseId, id)
    } catch (err) {
      setFileError(errorText(err))
    }
    files.reload()
  }

  const fileErrorBox = fileError ? (
    <p className="alert" role="alert">
      {fileError}
    </p>
  ) : null

  if (draft?.status === 'pending_approval') {
    return <PendingDraft report={report} draft={draft} attached={attached} can={can} onDone={onDone} />
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
        <p className="notice">
          {tr('Draf ditolak kepala OPD:', 'Draft rejected by the agency head:')} {draft.rejectReason}
        </p>
      )}
      <label htmlFor={`fu-${d.id}`}>{tr('Tindak lanjut untuk pelapor', 'Follow-up for the reporter')}</label>
      <textarea id={`fu-${d.id}`} required rows={4} value={body} onChange={(e) => setBody(e.target.value)} />
      {draft && <FileList files={attached} busy={busy} onRemove={(f) => void remove(draft.id, f.id)} />}
      <FilePicker id={`files-${d.id}`} chosen={chosen} onChange={setChosen} existing={attached.length} />
      {errorBox}
      {fileErrorBox}
      <div className="buttons">
        <button type="submit" className="primary" disabled={busy || !body.trim()}>
          {requiresApproval ? tr('Ajukan untuk disetujui', 'Submit for approval') : tr('Terbitkan', 'Publish')}
        </button>
        <button type="button" disabled={busy || !body.trim()} onClick={() => void save('keep')}>
          {tr('Simpan draf', 'Save draft')}
        </button>
      </div>
    </form>
  )
}

/** A draft awaiting the head: its text and files; the head may edit the text, then approve, or reject. */
function PendingDraft({
  report,
  draft,
  attached,
  can,
  onDone,
}: {
  report: ReportDetail
  draft: Draft
  attached: ReturnType<Files['of']>
  can: (t: string) => boolean
  onDone: (m: string) => void
}) {
  const { busy, run, errorBox } = useCommand(report.id, onDone)
  const [editing, setEditing] = useState(false)
  const [text, setText] = useState(draft.body)
  const [rejecting, setRejecting] = useState(false)
  const [rejectReason, setRejectReason] = useState('')
  const edited = editing && text.trim() !== draft.body.trim()
  const approve = () =>
    void run(
      'approve_response',
      edited ? { responseId: draft.id, body: text.trim() } : { responseId: draft.id },
      edited ? tr('Teks diubah, disetujui, dan diterbitkan.', 'Text edited, approved and published.') : tr('Tindak lanjut disetujui dan diterbitkan.', 'Follow-up approved and published.'),
    )
  return (
    <div className="stack">
      <p className="muted">{tr('Draf tindak lanjut menunggu persetujuan kepala OPD:', 'Follow-up draft awaiting the agency head’s approval:')}</p>
      {editing ? (
        <>
          <label htmlFor={`edit-${draft.id}`}>{tr('Teks tindak lanjut (diubah oleh kepala OPD)', 'Follow-up text (edited by the agency head)')}</label>
          <textarea id={`edit-${draft.id}`} rows={5} value={text} onChange={(e) => setText(e.target.value)} />
        </>
      ) : (
        <blockquote>
          <p>{draft.body}</p>
        </blockquote>
      )}
      <FileList files={attached} />
      {errorBox}
      {can('approve_response') && (
        <div className="buttons">
          <button type="button" className="primary" disabled={busy || !text.trim()} onClick={approve}>
            {edited ? tr('Simpan perubahan & setujui', 'Save changes and approve') : tr('Setujui & terbitkan', 'Approve and publish')}
          </button>
          <button type="button" aria-expanded={editing} onClick={() => (setEditing(!editing), setText(draft.body))}>
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
            void run('reject_response', { responseId: draft.id, reason: rejectReason.trim() }, tr('Draf dikembalikan untuk diperbaiki.', 'Draft returned for changes.'))
          }}
        >
          <label htmlFor={`rej-${draft.id}`}>{tr('Catatan perbaikan', 'What to change')}</label>
          <textarea id={`rej-${draft.id}`} required rows={2} value={rejectReason} onChange={(e) => setRejectReason(e.target.value)} />
          <button type="submit" disabled={busy || !rejectReason.trim()}>
            {tr('Kembalikan draf', 'Return the draft')}
          </button>
        </form>
      )}
    </div>
  )
}
