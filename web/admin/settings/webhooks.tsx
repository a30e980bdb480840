// Pengaturan > Webhook keluar: outgoing webhook subscriptions (super admins; secret shown once).
import { useEffect, useState, type FormEvent } from 'react'
import { call, problemText } from './http.ts'
import { Status } from './status.tsx'

interface Subscription {
  id: string
  url: string
  eventTypes: string[]
  active: boolean
  createdAt: string
}

const EVENT_TYPES: [string, string][] = [
  ['*', 'Semua peristiwa'],
  ['received', 'Laporan diterima'],
  ['verified_and_dispatched', 'Diverifikasi dan diteruskan'],
  ['disposition_accepted', 'Disposisi diterima OPD'],
  ['response_published', 'Jawaban diterbitkan'],
  ['reopened', 'Dibuka kembali'],
  ['closed', 'Selesai'],
  ['escalated', 'Dieskalasi'],
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
      setOk('Langganan webhook dibuat.')
      setUrl('')
      await load()
    } catch (err) {
      setError(problemText(err))
    } finally {
      setBusy(false)
    }
  }

  async function remove(s: Subscription) {
    if (!window.confirm(`Hapus langganan ke ${s.url}?`)) return
    setOk(null)
    setError(null)
    try {
      await call('DELETE', `/api/webhooks/${encodeURIComponent(s.id)}`)
      setOk('Langganan dihapus.')
      await load()
    } catch (err) {
      setError(problemText(err))
    }
  }

  const toggle = (t: string, on: boolean) =>
    setEvents(on ? [...events.filter((x) => x !== t), t] : events.filter((x) => x !== t))

  return (
    <div>
      <h2>Webhook keluar</h2>
      <p className="hint">
        Sistem lain menerima peristiwa laporan (tanpa data pribadi pelapor), ditandatangani dengan rahasia
        langganan.
      </p>
      {items === null ? (
        !error && <p role="status">Memuat…</p>
      ) : items.length === 0 ? (
        <p className="empty">Belum ada langganan webhook.</p>
      ) : (
        <ul className="settings-list" aria-label="Daftar langganan webhook">
          {items.map((s) => (
            <li key={s.id}>
              <div>
                <code className="settings-url">{s.url}</code>
                <p className="hint">
                  {s.active ? 'Aktif' : 'Nonaktif'} · Peristiwa: {s.eventTypes.join(', ')}
                </p>
              </div>
              <button type="button" aria-label={`Hapus langganan ${s.url}`} onClick={() => void remove(s)}>
                Hapus
              </button>
            </li>
          ))}
        </ul>
      )}
      {secret && (
        <div className="notice" role="status">
          <p>
            <strong>Rahasia penandatanganan (hanya ditampilkan sekali, simpan sekarang):</strong>
          </p>
          <code className="settings-url">{secret}</code>
        </div>
      )}
      <form onSubmit={create} className="stack">
        <h3>Langganan baru</h3>
        <label htmlFor="webhook-url">URL tujuan</label>
        <input
          id="webhook-url"
          type="url"
          required
          placeholder="https://contoh.go.id/aduan"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
        <fieldset>
          <legend>Jenis peristiwa</legend>
          <div className="agency-grid">
            {EVENT_TYPES.map(([t, label]) => (
              <label className="check" key={t}>
                <input
                  type="checkbox"
                  checked={events.includes(t)}
                  onChange={(e) => toggle(t, e.target.checked)}
                />
                {label}
              </label>
            ))}
          </div>
        </fieldset>
        <Status ok={ok} error={error} />
        <button type="submit" className="primary" disabled={busy}>
          Buat langganan
        </button>
      </form>
    </div>
  )
}
