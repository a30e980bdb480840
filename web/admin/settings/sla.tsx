// Pengaturan > SLA & hari libur: the working-day limits (verification, agency follow-up per tier,
// closure by silence ...), the working week, and the tenant's own holidays next to the national
// holidays and cuti bersama of the year (read-only). New deadlines use a change at once.
import { useEffect, useState, type FormEvent } from 'react'
import { getLang, tr } from '../i18n.ts'
import { call, problemText } from './http.ts'
import { Status } from './status.tsx'

type Sla = {
  verifyWorkingDays: number
  followUpWorkingDays: number
  closeBySilenceWorkingDays: number
  reopenWindowWorkingDays: number
  maxReopens: number
  tierWorkingDays: Record<string, number>
  urgencyClockHours: Record<string, number>
  dueSoon: { workingDays: number; clockFraction: number }
  escalation: { remindBeforeWorkingDays: number; chain: string[]; stepWorkingDays: number }
  ombudsmanCalendarDays: number
}
interface SlaView {
  sla: Sla
  defaults: Sla
  weekend: number[]
  cutiBersamaIsWorkingDay: boolean
  timeZone: string
}
interface HolidaysView {
  year: number
  listStatus: 'official' | 'provisional' | 'estimated'
  national: { date: string; name: { id: string; en: string }; kind: 'national' | 'cuti_bersama' }[]
  local: { date: string; name: string }[]
}

const fmtDate = (d: string) =>
  new Date(`${d}T00:00:00Z`).toLocaleDateString(getLang() === 'en' ? 'en-GB' : 'id-ID', { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

function NumberField({ id, label, value, min, max, onChange, hint }: { id: string; label: string; value: number; min: number; max: number; onChange: (n: number) => void; hint?: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" inputMode="numeric" required min={min} max={max} value={Number.isFinite(value) ? value : ''} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(e) => onChange(e.target.valueAsNumber)} />
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  )
}

function SlaForm() {
  const [view, setView] = useState<SlaView | null>(null)
  const [sla, setSla] = useState<Sla | null>(null)
  const [sixDays, setSixDays] = useState(false)
  const [cutiWorks, setCutiWorks] = useState(false)
  const [ok, setOk] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const apply = (v: SlaView) => {
    setView(v)
    setSla(v.sla)
    setSixDays(!v.weekend.includes(6))
    setCutiWorks(v.cutiBersamaIsWorkingDay)
  }
  useEffect(() => {
    call<SlaView>('GET', '/api/settings/sla').then(apply, (e) => setError(problemText(e)))
  }, [])
  if (!sla || !view) return error ? <Status ok={null} error={error} /> : <p role="status">{tr('Memuat…', 'Loading…')}</p>
  const d = view.defaults
  const days = tr('hari kerja', 'working days')
  const def = (n: number) => tr(`Bawaan LAPOR!: ${n}.`, `LAPOR! default: ${n}.`)

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setOk(null)
    setError(null)
    try {
      apply(await call<SlaView>('PUT', '/api/settings/sla', { sla, weekend: sixDays ? [0] : [0, 6], cutiBersamaIsWorkingDay: cutiWorks }))
      setOk(tr('Aturan SLA disimpan. Tenggat baru memakai aturan ini.', 'SLA rules saved. New deadlines use them.'))
    } catch (err) {
      setError(problemText(err))
    } finally {
      setBusy(false)
    }
  }
  const tier = (k: string, label: string) => (
    <NumberField id={`sla-tier-${k}`} label={label} value={sla.tierWorkingDays[k]!} min={1} max={365} hint={def(d.tierWorkingDays[k]!)} onChange={(n) => setSla({ ...sla, tierWorkingDays: { ...sla.tierWorkingDays, [k]: n } })} />
  )
  return (
    <form onSubmit={submit} className="stack" aria-labelledby="sla-title">
      <h2 id="sla-title">{tr('Aturan SLA', 'SLA rules')}</h2>
      <p className="hint">{tr('Hari kerja dihitung mulai hari kerja berikutnya setelah laporan masuk, tanpa akhir pekan dan hari libur.', 'Working days count from the next working day after a report arrives, skipping weekends and holidays.')}</p>
      <div className="settings-grid">
        <NumberField id="sla-verify" label={tr(`Verifikasi operator (${days})`, `Operator verification (${days})`)} value={sla.verifyWorkingDays} min={1} max={365} hint={def(d.verifyWorkingDays)} onChange={(n) => setSla({ ...sla, verifyWorkingDays: n })} />
        <NumberField id="sla-followup" label={tr(`Tindak lanjut OPD tanpa kategori (${days})`, `Agency follow-up, no category (${days})`)} value={sla.followUpWorkingDays} min={1} max={365} hint={def(d.followUpWorkingDays)} onChange={(n) => setSla({ ...sla, followUpWorkingDays: n })} />
        <NumberField id="sla-silence" label={tr(`Selesai otomatis bila pelapor diam (${days})`, `Closed when the reporter is silent (${days})`)} value={sla.closeBySilenceWorkingDays} min={1} max={365} hint={def(d.closeBySilenceWorkingDays)} onChange={(n) => setSla({ ...sla, closeBySilenceWorkingDays: n })} />
        <NumberField id="sla-reopen" label={tr(`Batas membuka kembali (${days})`, `Reopen window (${days})`)} value={sla.reopenWindowWorkingDays} min={1} max={365} hint={def(d.reopenWindowWorkingDays)} onChange={(n) => setSla({ ...sla, reopenWindowWorkingDays: n })} />
        <NumberField id="sla-maxreopen" label={tr('Maksimal dibuka kembali (kali)', 'Reopens allowed (times)')} value={sla.maxReopens} min={0} max={20} hint={def(d.maxReopens)} onChange={(n) => setSla({ ...sla, maxReopens: n })} />
        <NumberField id="sla-remind" label={tr(`Pengingat sebelum tenggat (${days})`, `Reminder before the deadline (${days})`)} value={sla.escalation.remindBeforeWorkingDays} min={0} max={30} hint={def(d.escalation.remindBeforeWorkingDays)} onChange={(n) => setSla({ ...sla, escalation: { ...sla.escalation, remindBeforeWorkingDays: n } })} />
        <NumberField id="sla-step" label={tr(`Eskalasi naik satu tingkat tiap (${days})`, `Escalate one level every (${days})`)} value={sla.escalation.stepWorkingDays} min={1} max={30} hint={def(d.escalation.stepWorkingDays)} onChange={(n) => setSla({ ...sla, escalation: { ...sla.escalation, stepWorkingDays: n } })} />
        <NumberField id="sla-ombudsman" label={tr('Batas Ombudsman (hari kalender)', 'Ombudsman limit (calendar days)')} value={sla.ombudsmanCalendarDays} min={1} max={3650} hint={def(d.ombudsmanCalendarDays)} onChange={(n) => setSla({ ...sla, ombudsmanCalendarDays: n })} />
      </div>
      <fieldset>
        <legend>{tr('Tindak lanjut OPD per tingkat kategori (hari kerja)', 'Agency follow-up per category tier (working days)')}</legend>
        <div className="settings-grid">
          {tier('ringan', tr('Ringan', 'Light'))}
          {tier('normatif', tr('Normatif', 'Standard'))}
          {tier('tidak_berkadar_pengawasan', tr('Tidak berkadar pengawasan', 'Non-supervisory'))}
          {tier('berkadar_pengawasan', tr('Berkadar pengawasan', 'Supervisory'))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{tr('Tindak lanjut per urgensi (jam, termasuk akhir pekan)', 'Follow-up per urgency (clock hours, weekends included)')}</legend>
        <div className="settings-grid">
          {(['mendesak', 'penting', 'biasa'] as const).map((k) => (
            <NumberField key={k} id={`sla-urgency-${k}`} label={{ mendesak: tr('Mendesak', 'Urgent'), penting: tr('Penting', 'Important'), biasa: tr('Biasa', 'Normal') }[k]} value={sla.urgencyClockHours[k]!} min={1} max={8760} hint={def(d.urgencyClockHours[k]!)} onChange={(n) => setSla({ ...sla, urgencyClockHours: { ...sla.urgencyClockHours, [k]: n } })} />
          ))}
        </div>
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={sixDays} onChange={(e) => setSixDays(e.target.checked)} />
        {tr('Sabtu hari kerja (enam hari kerja seminggu)', 'Saturday is a working day (six-day week)')}
      </label>
      <label className="check">
        <input type="checkbox" checked={cutiWorks} onChange={(e) => setCutiWorks(e.target.checked)} />
        {tr('Cuti bersama dihitung hari kerja', 'Collective leave (cuti bersama) counts as a working day')}
      </label>
      <Status ok={ok} error={error} />
      <div className="buttons">
        <button type="submit" className="primary" disabled={busy}>
          {tr('Simpan aturan SLA', 'Save SLA rules')}
        </button>
      </div>
    </form>
  )
}

function Holidays() {
  const [year, setYear] = useState(new Date().getFullYear())
  const [view, setView] = useState<HolidaysView | null>(null)
  const [form, setForm] = useState({ date: '', name: '' })
  const [ok, setOk] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = (y: number) => call<HolidaysView>('GET', `/api/settings/holidays?year=${y}`).then(setView, (e) => setError(problemText(e)))
  useEffect(() => {
    void load(year)
  }, [year])

  async function add(e: FormEvent) {
    e.preventDefault()
    setOk(null)
    setError(null)
    try {
      await call('POST', '/api/settings/holidays', form)
      setOk(tr(`Hari libur daerah ${fmtDate(form.date)} ditambahkan.`, `Local holiday ${fmtDate(form.date)} added.`))
      const y = Number(form.date.slice(0, 4))
      setForm({ date: '', name: '' })
      if (y !== year) setYear(y)
      else await load(year)
    } catch (err) {
      setError(problemText(err))
    }
  }
  async function remove(date: string) {
    setOk(null)
    setError(null)
    try {
      await call('DELETE', `/api/settings/holidays/${date}`)
      setOk(tr('Hari libur daerah dihapus.', 'Local holiday removed.'))
      await load(year)
    } catch (err) {
      setError(problemText(err))
    }
  }
  const status = view && { official: tr('resmi (SKB 3 Menteri)', 'official (joint ministerial decree)'), provisional: tr('sementara', 'provisional'), estimated: tr('perkiraan — periksa SKB tahun ini', "estimated — check this year's decree") }[view.listStatus]
  return (
    <section aria-labelledby="holidays-title">
      <h2 id="holidays-title">{tr('Hari libur', 'Holidays')}</h2>
      <div className="buttons" role="group" aria-label={tr('Pilih tahun', 'Choose the year')}>
        <button type="button" onClick={() => setYear(year - 1)} aria-label={tr(`Tahun ${year - 1}`, `Year ${year - 1}`)}>
          ← {year - 1}
        </button>
        <strong style={{ alignSelf: 'center' }} aria-live="polite">
          {year}
        </strong>
        <button type="button" onClick={() => setYear(year + 1)} aria-label={tr(`Tahun ${year + 1}`, `Year ${year + 1}`)}>
          {year + 1} →
        </button>
      </div>
      <h3>{tr('Hari libur daerah', 'Local holidays')}</h3>
      {view && view.local.length === 0 ? (
        <p className="hint">{tr('Belum ada hari libur daerah tahun ini.', 'No local holidays this year.')}</p>
      ) : (
        <ul className="settings-order" aria-label={tr('Hari libur daerah', 'Local holidays')}>
          {view?.local.map((h) => (
            <li key={h.date}>
              <span>
                <strong>{fmtDate(h.date)}</strong> — {h.name}
              </span>
              <button type="button" aria-label={tr(`Hapus hari libur ${h.name}`, `Remove the holiday ${h.name}`)} onClick={() => void remove(h.date)}>
                {tr('Hapus', 'Remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} className="row" aria-label={tr('Tambah hari libur daerah', 'Add a local holiday')}>
        <div className="field">
          <label htmlFor="holiday-date">{tr('Tanggal', 'Date')}</label>
          <input id="holiday-date" type="date" required value={form.date} onChange={(e) => setForm({ ...form, date: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="holiday-name">{tr('Nama hari libur', 'Holiday name')}</label>
          <input id="holiday-name" required minLength={2} maxLength={120} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </div>
        <div className="field" style={{ flex: '0 0 auto', alignSelf: 'flex-end' }}>
          <button type="submit" className="primary">
            {tr('Tambah hari libur', 'Add holiday')}
          </button>
        </div>
      </form>
      <Status ok={ok} error={error} />
      <h3>{tr('Libur nasional dan cuti bersama', 'National holidays and collective leave')}</h3>
      {view && <p className="hint">{tr(`Daftar ${view.year}: ${status}. Hanya baca.`, `${view.year} list: ${status}. Read-only.`)}</p>}
      <div className="settings-table-wrap">
        <table className="settings-table">
          <caption className="sr-only">{tr('Libur nasional dan cuti bersama', 'National holidays and collective leave')}</caption>
          <thead>
            <tr>
              <th scope="col">{tr('Tanggal', 'Date')}</th>
              <th scope="col">{tr('Hari libur', 'Holiday')}</th>
            </tr>
          </thead>
          <tbody>
            {view?.national.map((h) => (
              <tr key={`${h.date}-${h.kind}`}>
                <td className="nowrap">{fmtDate(h.date)}</td>
                <td>
                  {getLang() === 'en' ? h.name.en : h.name.id}
                  {h.kind === 'cuti_bersama' && <span className="settings-sub">{tr('Cuti bersama', 'Collective leave')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

export function SlaSettings() {
  return (
    <div>
      <SlaForm />
      <hr className="settings-rule" />
      <Holidays />
      <p className="hint">
        {tr('Batas wilayah kecamatan untuk peta diimpor di ', 'District boundaries for the map are imported on the ')}
        <a href="/admin/dasbor">{tr('Dasbor', 'Dashboard')}</a>.
      </p>
    </div>
  )
}
