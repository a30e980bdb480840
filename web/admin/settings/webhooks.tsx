// Pengaturan > Webhook keluar: outgoing webhook subscriptions (super admins; secret shown once).
import { useEffect, useState, type FormEvent } from 'react'
import { call, problemText } from './http.ts'
import { Status } from './status.tsx'
import { tr } from '../i18n.ts'

interface Subscription {
  id: string
  url: string
  eventTypes: string[]
  active: boolean
  createdAt: string
}

const EVENT_TYPES: [string, [string, string]][] = [
  ['*', ['Semua peristiwa', 'All events']],
  ['received', ['Laporan diterima', 'Report received']],
  ['verified_and_dispatched', ['Diverifikasi dan diteruskan', 'Verified and dispatched']],
  ['disposition_accepted', ['Disposisi diterima OPD', 'Disposition accepted by the agency']],
  ['response_published', ['Jawaban diterbitkan', 'Answer published']],
  ['reopened', ['Dibuka kembali', 'Reopened']],
  ['closed', ['Selesai', 'Closed']],
  ['escalated', ['Dieskalasi', 'Escalated']],
]

export function Webhooks() {
  const [items, setItems] = useState<Subscription[] | null>(null)
  const [url, setUrl] = useState('')
  const [events, setEvents] = useState<string[]>(['*'])
  const [secret, setSecret] = useState<string | null>(null)
  const [ok, setOk] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const load = () =>
    call<{ items: Subscription[] }>('GET', '/api/webhooks').then(
      (r) => setItems(r.items),
      (e) => setError(problemText(e)),
    )
  useEffect(() => {
    void load()
  }, [])

  async function create(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setOk(null)
    setError(null)
    setSecret(null)
    try {
      const r = await call<Subscription & { secret: string }>('POST', '/api/webhooks', {
        url: url.trim(),
        eventTypes: events.length ? events : ['*'],
      })
      setSecret(r.secret)
      setOk(tr('Langganan webhook dibuat.', 'Webhook subscription created.'))
      setUrl('')
      await load()
    } catch (err) {
      setError(problemText(err))
    } finally {
      setBusy(false)
    }
  }

  async function remove(s: Subscription) {
    if (!window.confirm(tr(`Hapus langganan ke ${s.url}?`, `Delete the subscription to ${s.url}?`))) return
    setOk(null)
    setError(null)
    try {
      await call('DELETE', `/api/webhooks/${encodeURIComponent(s.id)}`)
      setOk(tr('Langganan dihapus.', 'Subscription deleted.'))
      await load()
    } catch (err) {
      setError(problemText(err))
    }
  }

  const toggle = (t: string, on: boolean) =>
    setEvents(on ? [...events.filter((x) => x !== t), t] : events.filter((x) => x !== t))

  return (
    <div>
      <h2>{tr('Webhook keluar', 'Outgoing webhooks')}</h2>
      <p className="hint">
        {tr(
          'Sistem lain menerima peristiwa laporan (tanpa data pribadi pelapor), ditandatangani dengan rahasia langganan.',
          'Other systems receive report events (without the reporter’s personal data), signed with the subscription’s secret.',
        )}
      </p>
      {items === null ? (
        !error && <p role="status">{tr('Memuat…', 'Loading…')}</p>
      ) : items.length === 0 ? (
        <p className="empty">{tr('Belum ada langganan webhook.', 'No webhook subscriptions yet.')}</p>
      ) : (
        <ul className="settings-list" aria-label={tr('Daftar langganan webhook', 'Webhook subscriptions')}>
          {items.map((s) => (
            <li key={s.id}>
              <div>
                <code className="settings-url">{s.url}</code>
                <p className="hint">
                  {s.active ? tr('Aktif', 'Active') : tr('Nonaktif', 'Inactive')} · {tr('Peristiwa:', 'Events:')} {s.eventTypes.join(', ')}
                </p>
              </div>
              <button type="button" aria-label={tr(`Hapus langganan ${s.url}`, `Delete subscription ${s.url}`)} onClick={() => void remove(s)}>
                {tr('Hapus', 'Delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {secret && (
        <div className="notice" role="status">
          <p>
            <strong>{tr('Rahasia penandatanganan (hanya ditampilkan sekali, simpan sekarang):', 'Signing secret (shown only once, save it now):')}</strong>
          </p>
          <code className="settings-url">{secret}</code>
        </div>
      )}
      <form onSubmit={create} className="stack">
        <h3>{tr('Langganan baru', 'New subscription')}</h3>
        <label htmlFor="webhook-url">{tr('URL tujuan', 'Target URL')}</label>
        <input
          id="webhook-url"
          type="url"
          required
          placeholder="https://contoh.go.id/aduan"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
        <fieldset>
          <legend>{tr('Jenis peristiwa', 'Event types')}</legend>
          <div className="agency-grid">
            {EVENT_TYPES.map(([t, label]) => (
              <label className="check" key={t}>
                <input
                  type="checkbox"
                  checked={events.includes(t)}
                  onChange={(e) => toggle(t, e.target.checked)}
                />
                {tr(...label)}
              </label>
            ))}
          </div>
        </fieldset>
        <Status ok={ok} error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {tr('Buat langganan', 'Create subscription')}
        </button>
      </form>
    </div>
  )
}
