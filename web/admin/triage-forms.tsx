// The operator's smaller triage commands: a text command (ask for information, reject), archive
// with a reason, merge into a duplicate.
import { useState, type FormEvent } from 'react'
import { ARCHIVE_REASONS } from '../../src/reports/lifecycle-types.ts'
import { api, type ReportDetail, type Suggestions } from './api.ts'
import { errorText } from './ui.tsx'
import { useCommand } from './command.tsx'
import { tr } from './i18n.ts'

const ARCHIVE_LABELS: Record<(typeof ARCHIVE_REASONS)[number], [string, string]> = {
  spam: ['Spam', 'Spam'],
  wrong_format: ['Format tidak sesuai', 'Wrong format'],
  too_general: ['Terlalu umum / tidak jelas', 'Too general or unclear'],
  not_government_performance: ['Bukan terkait kinerja pemerintah', 'Not about government performance'],
  no_reply: ['Pelapor tidak menanggapi', 'The reporter did not reply'],
  other: ['Lainnya', 'Other'],
}

export function TextCommand(props: {
  report: ReportDetail
  type: string
  field: string
  label: string
  submit: string
  onDone: (m: string) => void
}) {
  const [text, setText] = useState('')
  const { busy, run, errorBox } = useCommand(props.report.id, props.onDone)
  const id = `t-${props.type}`
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault()
        void run(props.type, { [props.field]: text.trim() }, tr(`${props.submit}: berhasil.`, `${props.submit}: done.`))
      }}
    >
      <label htmlFor={id}>{props.label}</label>
      <textarea id={id} required rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      {errorBox}
      <button type="submit" className="primary" disabled={busy || !text.trim()}>
        {props.submit}
      </button>
    </form>
  )
}

export function ArchiveForm({ report, onDone }: { report: ReportDetail; onDone: (m: string) => void }) {
  const [reason, setReason] = useState<(typeof ARCHIVE_REASONS)[number]>('too_general')
  const [explanation, setExplanation] = useState('')
  const { busy, run, errorBox } = useCommand(report.id, onDone)
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault()
        void run('archive', { reason, explanation: explanation.trim() }, tr('Laporan diarsipkan.', 'Report archived.'))
      }}
    >
      <label htmlFor="a-reason">{tr('Alasan arsip', 'Reason for archiving')}</label>
      <select id="a-reason" value={reason} onChange={(e) => setReason(e.target.value as typeof reason)}>
        {ARCHIVE_REASONS.map((r) => (
          <option key={r} value={r}>
            {tr(...ARCHIVE_LABELS[r])}
          </option>
        ))}
      </select>
      <label htmlFor="a-explanation">{tr('Penjelasan untuk pelapor', 'Explanation for the reporter')}</label>
      <textarea
        id="a-explanation"
        required
        rows={3}
        value={explanation}
        onChange={(e) => setExplanation(e.target.value)}
      />
      {errorBox}
      <button type="submit" className="primary" disabled={busy || !explanation.trim()}>
        {tr('Arsipkan', 'Archive')}
      </button>
    </form>
  )
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i

export function MergeForm({
  report,
  suggestions,
  onDone,
}: {
  report: ReportDetail
  suggestions: Suggestions | null
  onDone: (m: string) => void
}) {
  const [master, setMaster] = useState('')
  const [lookupError, setLookupError] = useState<string | null>(null)
  const { busy, run, errorBox } = useCommand(report.id, onDone)
  async function submit(e: FormEvent) {
    e.preventDefault()
    setLookupError(null)
    const id = UUID.exec(master)?.[0]
    if (!id || id === report.id)
      return setLookupError(tr('Tempel tautan atau ID laporan induk (bukan laporan ini).', 'Paste the link or ID of the master report (not this one).'))
    try {
      const m = await api.report(id)
      await run(
        'merge_into',
        { masterReportId: m.id, masterStatus: m.status },
        tr(`Digabungkan ke ${m.trackingCode}.`, `Merged into ${m.trackingCode}.`),
      )
    } catch (err) {
      setLookupError(errorText(err, tr('Laporan induk tidak ditemukan.', 'Master report not found.')))
    }
  }
  return (
    <form className="stack" onSubmit={submit}>
      {suggestions && suggestions.duplicates.length > 0 && (
        <p className="suggest">
          {tr('Kemungkinan duplikat:', 'Possible duplicates:')}{' '}
          {suggestions.duplicates.slice(0, 5).map((d) => (
            <button key={d.reportId} type="button" className="chip" onClick={() => setMaster(d.reportId)}>
              {d.trackingCode} ({Math.round(d.score * 100)}%)
            </button>
          ))}
        </p>
      )}
      <label htmlFor="m-master">{tr('Laporan induk (tautan atau ID)', 'Master report (link or ID)')}</label>
      <input
        id="m-master"
        required
        value={master}
        onChange={(e) => setMaster(e.target.value)}
        placeholder="https://…/admin/laporan/…"
      />
      {lookupError && (
        <p className="alert" role="alert">
          {lookupError}
        </p>
      )}
      {errorBox}
      <button type="submit" className="primary" disabled={busy || !master.trim()}>
        {tr('Gabungkan', 'Merge')}
      </button>
    </form>
  )
}
