// Pengaturan > Balasan otomatis: the acknowledgement a reporter gets on their channel (with the
// tracking code), the emergency acknowledgement, and a note added outside office hours. Empty
// fields keep the built-in texts. A preview fills the placeholders with an example.
import { useEffect, useState, type FormEvent } from 'react'
import { tr } from '../i18n.ts'
import { call, problemText } from './http.ts'
import { Status } from './status.tsx'

interface AutoReplies {
  acknowledgement: string
  emergencyAcknowledgement: string
  outOfHoursNote: string
  officeHours: { start: string; end: string }
}
interface View {
  autoReplies: AutoReplies
  builtIn: { acknowledgement: string; emergencyAcknowledgement: string }
  placeholders: string[]
}

const EXAMPLE = { kode: 'NGR-7KQ2MX', hari: '3', pemda: 'Kabupaten Nagan Raya' }
const preview = (t: string) => t.replace(/\{\{?\s*([a-z_]+)\s*\}?\}/gi, (all, n: string) => EXAMPLE[n.toLowerCase() as keyof typeof EXAMPLE] ?? all)

export function AutoRepliesSettings() {
  const [view, setView] = useState<View | null>(null)
  const [form, setForm] = useState<AutoReplies | null>(null)
  const [ok, setOk] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const apply = (v: View) => {
    setView(v)
    setForm(v.autoReplies)
  }
  useEffect(() => {
    call<View>('GET', '/api/settings/auto-replies').then(apply, (e) => setError(problemText(e)))
  }, [])
  if (!view || !form) return error ? <Status ok={null} error={error} /> : <p role="status">{tr('Memuat…', 'Loading…')}</p>

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setOk(null)
    setError(null)
    try {
      apply(await call<View>('PUT', '/api/settings/auto-replies', form))
      setOk(tr('Balasan otomatis disimpan.', 'Auto-replies saved.'))
    } catch (err) {
      setError(problemText(err))
    } finally {
      setBusy(false)
    }
  }

  const area = (key: 'acknowledgement' | 'emergencyAcknowledgement' | 'outOfHoursNote', label: string, builtIn: string | null) => {
    const value = form[key]
    const shown = value || builtIn || ''
    return (
      <div>
        <label htmlFor={`auto-${key}`}>{label}</label>
        <textarea id={`auto-${key}`} rows={3} maxLength={1000} value={value} placeholder={builtIn ?? ''} aria-describedby={`auto-${key}-preview`} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
        <div id={`auto-${key}-preview`}>
          {shown ? (
            <>
              <span className="settings-sub">{value ? tr('Pratinjau:', 'Preview:') : tr('Kosong: teks bawaan dipakai. Pratinjau:', 'Empty: the built-in text is used. Preview:')}</span>
              <p className="settings-preview">{preview(shown)}</p>
            </>
          ) : (
            <p className="hint">{tr('Kosong: tidak ada catatan.', 'Empty: no note.')}</p>
          )}
        </div>
      </div>
    )
  }

  return (
    <form onSubmit={submit} className="stack" aria-labelledby="auto-title">
      <h2 id="auto-title">{tr('Balasan otomatis', 'Auto-replies')}</h2>
      <p className="hint">
        {tr('Dikirim ke pelapor di kanalnya saat laporan diterima. Penanda: ', 'Sent to the reporter on their channel when a report is received. Placeholders: ')}
        <code>{'{kode}'}</code> {tr('kode laporan (wajib)', 'tracking code (required)')}, <code>{'{hari}'}</code> {tr('batas verifikasi dalam hari kerja', 'verification limit in working days')}, <code>{'{pemda}'}</code> {tr('nama Pemda', 'the Pemda name')}.
      </p>
      {area('acknowledgement', tr('Tanda terima laporan', 'Acknowledgement'), view.builtIn.acknowledgement)}
      {area('emergencyAcknowledgement', tr('Tanda terima laporan darurat', 'Emergency acknowledgement'), view.builtIn.emergencyAcknowledgement)}
      {area('outOfHoursNote', tr('Catatan di luar jam kerja', 'Out-of-hours note'), null)}
      <fieldset>
        <legend>{tr('Jam kerja (waktu setempat, hari kerja saja)', 'Office hours (local time, working days only)')}</legend>
        <div className="row">
          <div className="field">
            <label htmlFor="auto-start">{tr('Mulai', 'From')}</label>
            <input id="auto-start" type="time" required value={form.officeHours.start} onChange={(e) => setForm({ ...form, officeHours: { ...form.officeHours, start: e.target.value } })} />
          </div>
          <div className="field">
            <label htmlFor="auto-end">{tr('Selesai', 'Until')}</label>
            <input id="auto-end" type="time" required value={form.officeHours.end} onChange={(e) => setForm({ ...form, officeHours: { ...form.officeHours, end: e.target.value } })} />
          </div>
        </div>
        <p className="hint">{tr('Di luar jam ini, dan pada akhir pekan serta hari libur, catatan di atas ditambahkan ke tanda terima.', 'Outside these hours, and on weekends and holidays, the note above is added to the acknowledgement.')}</p>
      </fieldset>
      <Status ok={ok} error={error} />
      <div className="buttons">
        <button type="submit" className="primary" disabled={busy}>
          {tr('Simpan balasan otomatis', 'Save auto-replies')}
        </button>
      </div>
    </form>
  )
}
