// The head's approval page opened from a notification link (/admin/persetujuan/<reportId>): the
// report, each draft answer with its photos and PDFs, an "Ubah teks" switch to edit the text in
// place, and one "Setujui" button (approve = publish to the reporter; the edit is kept in the
// timeline as the head's).
import { useEffect, useState } from 'react'
import { ApiError } from '../api.ts'
import { tr, useLang } from '../i18n.ts'
import { onLinkClick } from '../router.ts'
import { errorText } from '../ui.tsx'
import { notificationsApi, type ApprovalView } from './client.ts'
import { FileList, useResponseFiles } from './response-files.tsx'
import './notifications.css'

type Draft = ApprovalView['drafts'][number]

export function Approval({ reportId }: { reportId: string }) {
  useLang()
  const [view, setView] = useState<ApprovalView | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [done, setDone] = useState<string[]>([])
  const files = useResponseFiles(reportId)
  useEffect(() => {
    let live = true
    notificationsApi.approval(reportId).then(
      (v) => live && setView(v),
      (e) => live && setError(e ?? new Error('load')),
    )
    return () => {
      live = false
    }
  }, [reportId])

  const loadError =
    error && !view
      ? error instanceof ApiError && error.status !== 404
        ? errorText(error)
        : tr('Laporan tidak ditemukan, atau Anda tidak berwenang melihatnya.', 'Report not found, or you may not see it.')
      : null

  return (
    <article className="approval" aria-labelledby="approval-title">
      {loadError && (
        <p className="alert" role="alert">
          {loadError}
        </p>
      )}
      {!error && !view && (
        <p role="status" className="muted">
          {tr('Memuat draf…', 'Loading the draft…')}
        </p>
      )}
      {view && (
        <>
          <p className="code">{view.report.trackingCode}</p>
          <h1 id="approval-title">{tr('Persetujuan jawaban', 'Approve the answer')}</h1>
          <section className="card">
            <h2>{view.report.title ?? tr('Laporan', 'Report')}</h2>
            <p className="approval-report">{view.report.body}</p>
            <p>
              <a href={`/admin/laporan/${view.report.id}`} onClick={onLinkClick}>
                {tr('Lihat laporan lengkap', 'Open the full report')}
              </a>
            </p>
          </section>
          {view.drafts.length === 0 && done.length === 0 && (
            <p className="card">{tr('Tidak ada draf yang menunggu persetujuan Anda.', 'No drafts are waiting for your approval.')}</p>
          )}
          {view.drafts.map((d) => (
            <DraftCard key={d.id} reportId={reportId} d={d} files={files.of(d.id)} done={done.includes(d.id)} onDone={() => setDone((x) => [...x, d.id])} />
          ))}
        </>
      )}
    </article>
  )
}

function DraftCard({
  reportId,
  d,
  files,
  done,
  onDone,
}: {
  reportId: string
  d: Draft
  files: ReturnType<ReturnType<typeof useResponseFiles>['of']>
  done: boolean
  onDone: () => void
}) {
  const [editing, setEditing] = useState(false)
  const [text, setText] = useState(d.body)
  const [published, setPublished] = useState(d.body)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const edited = editing && text.trim() !== d.body.trim()

  async function approve() {
    setBusy(true)
    setError(null)
    try {
      await notificationsApi.approve(reportId, d.id, edited ? text.trim() : undefined)
      setPublished(edited ? text.trim() : d.body)
      setEditing(false)
      onDone()
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="card draft" aria-label={tr('Draf jawaban', 'Draft answer')}>
      <h2>
        {tr('Draf jawaban', 'Draft answer')}
        {d.agencyName ? ` · ${d.agencyName}` : ''}
      </h2>
      {editing && !done ? (
        <>
          <label htmlFor={`edit-${d.id}`}>{tr('Teks jawaban (perubahan Anda dicatat di riwayat)', 'Answer text (your edit is recorded in the timeline)')}</label>
          <textarea id={`edit-${d.id}`} rows={6} value={text} onChange={(e) => setText(e.target.value)} />
        </>
      ) : (
        <blockquote>
          <p>{done ? published : d.body}</p>
        </blockquote>
      )}
      {files.length > 0 && <p className="muted">{tr(`Lampiran (${files.length})`, `Attachments (${files.length})`)}</p>}
      <FileList files={files} />
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {done ? (
        <p className="approved" role="status">
          {tr('Disetujui dan diterbitkan. Pelapor menerima jawaban ini.', 'Approved and published. The reporter receives this answer.')}
        </p>
      ) : (
        <div className="stack">
          <button type="button" className="primary approve" disabled={busy || !text.trim()} onClick={() => void approve()}>
            {busy ? tr('Memproses…', 'Working…') : edited ? tr('Simpan perubahan & setujui', 'Save changes and approve') : tr('Setujui', 'Approve')}
          </button>
          <button type="button" aria-expanded={editing} disabled={busy} onClick={() => (setEditing(!editing), setText(d.body))}>
            {editing ? tr('Batalkan perubahan', 'Discard changes') : tr('Ubah teks', 'Edit the text')}
          </button>
        </div>
      )}
    </section>
  )
}
