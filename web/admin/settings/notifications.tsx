// Pengaturan > Notifikasi saya: the signed-in user's notification preferences.
import { useEffect, useState, type FormEvent } from 'react'
import { call, problemText } from './http.ts'
import { Status } from './status.tsx'
import { tr } from '../i18n.ts'

interface Prefs {
  channels: { email: boolean; whatsapp: boolean }
  quietHours: { start: string; end: string } | null
  digest: boolean
  digestTime: string
}

export function NotificationPrefs() {
  const [prefs, setPrefs] = useState<Prefs | null>(null)
  const [phone, setPhone] = useState('')
  const [quiet, setQuiet] = useState(true)
  const [ok, setOk] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    call<{ phone: string | null; preferences: Prefs }>('GET', '/api/notifications/preferences').then(
      (r) => {
        setPrefs(r.preferences)
        setPhone(r.phone ?? '')
        setQuiet(r.preferences.quietHours !== null)
      },
      (e) => setError(problemText(e)),
    )
  }, [])
  if (!prefs) return error ? <Status ok={null} error={error} /> : <p role="status">{tr('Memuat…', 'Loading…')}</p>
  const p = prefs
  const q = p.quietHours ?? { start: '21:00', end: '06:00' }

  async function save(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setOk(null)
    setError(null)
    try {
      const body = { ...p, quietHours: quiet ? q : null, phone: phone.trim() === '' ? null : phone.trim() }
      const r = await call<{ phone: string | null; preferences: Prefs }>(
        'PUT',
        '/api/notifications/preferences',
        body,
      )
      setPrefs(r.preferences)
      setOk(tr('Preferensi notifikasi tersimpan.', 'Notification preferences saved.'))
    } catch (err) {
      setError(problemText(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={save} aria-labelledby="notif-title" className="stack">
      <h2 id="notif-title">{tr('Notifikasi saya', 'My notifications')}</h2>
      <p className="hint">
        {tr('Lonceng di aplikasi selalu aktif. Atur salinan lewat e-mail dan WhatsApp di sini.', 'The in-app bell is always on. Choose copies by e-mail and WhatsApp here.')}
      </p>
      <fieldset>
        <legend>{tr('Kanal notifikasi', 'Notification channels')}</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={p.channels.email}
            onChange={(e) => setPrefs({ ...p, channels: { ...p.channels, email: e.target.checked } })}
          />
          E-mail
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={p.channels.whatsapp}
            onChange={(e) => setPrefs({ ...p, channels: { ...p.channels, whatsapp: e.target.checked } })}
          />
          WhatsApp
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor="notif-phone">{tr('Nomor WhatsApp', 'WhatsApp number')}</label>
        <input
          id="notif-phone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          placeholder="+6281234567890"
          value={phone}
          aria-describedby="notif-phone-hint"
          onChange={(e) => setPhone(e.target.value)}
        />
        <p className="hint" id="notif-phone-hint">
          {tr('8–15 angka, boleh diawali +. Kosongkan untuk menghapus.', '8–15 digits, may start with +. Leave empty to remove.')}
        </p>
      </div>
      <fieldset>
        <legend>{tr('Jam tenang', 'Quiet hours')}</legend>
        <label className="check">
          <input type="checkbox" checked={quiet} onChange={(e) => setQuiet(e.target.checked)} />
          {tr('Tahan notifikasi e-mail/WhatsApp pada jam tenang', 'Hold e-mail/WhatsApp notifications during quiet hours')}
        </label>
        {quiet && (
          <div className="row">
            <div className="field">
              <label htmlFor="quiet-start">{tr('Mulai', 'Start')}</label>
              <input
                id="quiet-start"
                type="time"
                required
                value={q.start}
                onChange={(e) => setPrefs({ ...p, quietHours: { ...q, start: e.target.value } })}
              />
            </div>
            <div className="field">
              <label htmlFor="quiet-end">{tr('Selesai', 'End')}</label>
              <input
                id="quiet-end"
                type="time"
                required
                value={q.end}
                onChange={(e) => setPrefs({ ...p, quietHours: { ...q, end: e.target.value } })}
              />
            </div>
          </div>
        )}
        <p className="hint">{tr('Waktu mengikuti zona waktu pemda. Notifikasi dikirim saat jam tenang berakhir.', 'Times follow the local government’s time zone. Notifications are sent when quiet hours end.')}</p>
      </fieldset>
      <fieldset>
        <legend>{tr('Ringkasan harian', 'Daily digest')}</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={p.digest}
            onChange={(e) => setPrefs({ ...p, digest: e.target.checked })}
          />
          {tr('Kirim satu ringkasan per hari (persetujuan dan eskalasi tetap langsung dikirim)', 'Send one digest a day (approvals and escalations are still sent at once)')}
        </label>
        {p.digest && (
          <div className="field">
            <label htmlFor="digest-time">{tr('Jam ringkasan', 'Digest time')}</label>
            <input
              id="digest-time"
              type="time"
              required
              value={p.digestTime}
              onChange={(e) => setPrefs({ ...p, digestTime: e.target.value })}
            />
          </div>
        )}
      </fieldset>
      <Status ok={ok} error={error} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? tr('Menyimpan…', 'Saving…') : tr('Simpan preferensi', 'Save preferences')}
      </button>
    </form>
  )
}
