// Settings (Pengaturan): my notification preferences, canned responses (template jawaban), channel
// accounts (read-only list with webhook URLs) and, for super admins, outgoing webhooks. Sections a
// role may not use are hidden; a 403 from the server is shown as a plain message.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { api, type CannedResponse, type SessionInfo } from '../api.ts'
import { isKnownPlaceholder } from '../placeholders.ts'
import { call, problemText, setSettingsCsrf } from './http.ts'
import './settings.css'

type TabId = 'notif' | 'canned' | 'channels' | 'webhooks'
const TAB_LABELS: Record<TabId, string> = {
  notif: 'Notifikasi saya',
  canned: 'Template jawaban',
  channels: 'Kanal',
  webhooks: 'Webhook keluar',
}

export function Settings() {
  const [session, setSession] = useState<SessionInfo | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [tab, setTab] = useState<TabId>('notif')
  const refs = useRef<Partial<Record<TabId, HTMLButtonElement | null>>>({})
  useEffect(() => {
    api.session().then(
      (s) => {
        setSettingsCsrf(s.csrfToken)
        setSession(s)
      },
      (e) => setError(problemText(e)),
    )
  }, [])
  if (error) return <p className="alert" role="alert">{error}</p>
  if (!session) return <p className="loading" role="status">Memuat…</p>
  const has = (...r: string[]) => session.roles.some((x) => r.includes(x))
  const tabs: TabId[] = ['notif']
  if (has('super_admin', 'operator', 'auditor', 'agency_admin', 'agency_head')) tabs.push('canned')
  if (has('super_admin', 'operator')) tabs.push('channels')
  if (has('super_admin')) tabs.push('webhooks')
  const current = tabs.includes(tab) ? tab : 'notif'
  const canEditCanned = has('super_admin', 'operator')

  function onKey(e: KeyboardEvent) {
    const i = tabs.indexOf(current)
    let next: number | null = null
    if (e.key === 'ArrowRight') next = (i + 1) % tabs.length
    else if (e.key === 'ArrowLeft') next = (i - 1 + tabs.length) % tabs.length
    else if (e.key === 'Home') next = 0
    else if (e.key === 'End') next = tabs.length - 1
    if (next === null) return
    e.preventDefault()
    setTab(tabs[next]!)
    refs.current[tabs[next]!]?.focus()
  }

  return (
    <section aria-labelledby="settings-title" className="settings">
      <h1 id="settings-title">Pengaturan</h1>
      <div role="tablist" aria-label="Bagian pengaturan" className="settings-tabs" onKeyDown={onKey}>
        {tabs.map((t) => (
          <button
            key={t}
            ref={(el) => {
              refs.current[t] = el
            }}
            role="tab"
            id={`tab-${t}`}
            aria-controls={`panel-${t}`}
            aria-selected={current === t}
            tabIndex={current === t ? 0 : -1}
            onClick={() => setTab(t)}
          >
            {TAB_LABELS[t]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${current}`} aria-labelledby={`tab-${current}`} className="card settings-panel">
        {current === 'notif' && <NotificationPrefs />}
        {current === 'canned' && <CannedResponses canEdit={canEditCanned} />}
        {current === 'channels' && <Channels />}
        {current === 'webhooks' && <Webhooks />}
      </div>
    </section>
  )
}

function Status({ ok, error }: { ok: string | null; error: string | null }) {
  return (
    <>
      <p className="ok" role="status">{ok ?? ''}</p>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
    </>
  )
}

// ---- Notifikasi saya ----

interface Prefs {
  channels: { email: boolean; whatsapp: boolean }
  quietHours: { start: string; end: string } | null
  digest: boolean
  digestTime: string
}

function NotificationPrefs() {
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
  if (!prefs) return error ? <Status ok={null} error={error} /> : <p role="status">Memuat…</p>
  const p = prefs
  const q = p.quietHours ?? { start: '21:00', end: '06:00' }

  async function save(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setOk(null)
    setError(null)
    try {
      const body = { ...p, quietHours: quiet ? q : null, phone: phone.trim() === '' ? null : phone.trim() }
      const r = await call<{ phone: string | null; preferences: Prefs }>('PUT', '/api/notifications/preferences', body)
      setPrefs(r.preferences)
      setOk('Preferensi notifikasi tersimpan.')
    } catch (err) {
      setError(problemText(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={save} aria-labelledby="notif-title" className="stack">
      <h2 id="notif-title">Notifikasi saya</h2>
      <p className="hint">Lonceng di aplikasi selalu aktif. Atur salinan lewat e-mail dan WhatsApp di sini.</p>
      <fieldset>
        <legend>Kanal notifikasi</legend>
        <label className="check">
          <input type="checkbox" checked={p.channels.email} onChange={(e) => setPrefs({ ...p, channels: { ...p.channels, email: e.target.checked } })} />
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
        <label htmlFor="notif-phone">Nomor WhatsApp</label>
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
          8–15 angka, boleh diawali +. Kosongkan untuk menghapus.
        </p>
      </div>
      <fieldset>
        <legend>Jam tenang</legend>
        <label className="check">
          <input type="checkbox" checked={quiet} onChange={(e) => setQuiet(e.target.checked)} />
          Tahan notifikasi e-mail/WhatsApp pada jam tenang
        </label>
        {quiet && (
          <div className="row">
            <div className="field">
              <label htmlFor="quiet-start">Mulai</label>
              <input id="quiet-start" type="time" required value={q.start} onChange={(e) => setPrefs({ ...p, quietHours: { ...q, start: e.target.value } })} />
            </div>
            <div className="field">
              <label htmlFor="quiet-end">Selesai</label>
              <input id="quiet-end" type="time" required value={q.end} onChange={(e) => setPrefs({ ...p, quietHours: { ...q, end: e.target.value } })} />
            </div>
          </div>
        )}
        <p className="hint">Waktu mengikuti zona waktu pemda. Notifikasi dikirim saat jam tenang berakhir.</p>
      </fieldset>
      <fieldset>
        <legend>Ringkasan harian</legend>
        <label className="check">
          <input type="checkbox" checked={p.digest} onChange={(e) => setPrefs({ ...p, digest: e.target.checked })} />
          Kirim satu ringkasan per hari (persetujuan dan eskalasi tetap langsung dikirim)
        </label>
        {p.digest && (
          <div className="field">
            <label htmlFor="digest-time">Jam ringkasan</label>
            <input id="digest-time" type="time" required value={p.digestTime} onChange={(e) => setPrefs({ ...p, digestTime: e.target.value })} />
          </div>
        )}
      </fieldset>
      <Status ok={ok} error={error} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Menyimpan…' : 'Simpan preferensi'}
      </button>
    </form>
  )
}

// ---- Template jawaban ----

const EMPTY = { shortcut: '', title: '', body: '' }

/** Placeholders in a template that the reply box does not fill by itself. */
function unknownPlaceholders(body: string): string[] {
  const found = [...body.matchAll(/\{\{?\s*([a-z_]+)\s*\}?\}/gi)].map((m) => m[1]!.toLowerCase()).filter((n) => !isKnownPlaceholder(n))
  return [...new Set(found)].map((n) => `{${n}}`)
}

function CannedResponses({ canEdit }: { canEdit: boolean }) {
  const [items, setItems] = useState<CannedResponse[] | null>(null)
  const [form, setForm] = useState(EMPTY)
  const [editing, setEditing] = useState<string | null>(null)
  const [ok, setOk] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const load = () =>
    api.cannedResponses().then(
      (r) => setItems(r.items),
      (e) => setError(problemText(e)),
    )
  useEffect(() => {
    void load()
  }, [])

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setOk(null)
    setError(null)
    try {
      if (editing) await call('PATCH', `/api/canned-responses/${encodeURIComponent(editing)}`, form)
      else await call('POST', '/api/canned-responses', form)
      setOk(editing ? 'Template diperbarui.' : 'Template ditambahkan.')
      setForm(EMPTY)
      setEditing(null)
      await load()
    } catch (err) {
      setError(problemText(err))
    } finally {
      setBusy(false)
    }
  }

  async function remove(c: CannedResponse) {
    if (!window.confirm(`Hapus template "${c.title}"?`)) return
    setOk(null)
    setError(null)
    try {
      await call('DELETE', `/api/canned-responses/${encodeURIComponent(c.id)}`)
      setOk('Template dihapus.')
      if (editing === c.id) {
        setEditing(null)
        setForm(EMPTY)
      }
      await load()
    } catch (err) {
      setError(problemText(err))
    }
  }

  return (
    <div aria-labelledby="canned-title">
      <h2 id="canned-title">Template jawaban</h2>
      <p className="hint">
        Penanda yang diganti otomatis: <code>{'{nama}'}</code> nama pelapor, <code>{'{kode}'}</code> kode laporan, <code>{'{status}'}</code>,{' '}
        <code>{'{opd}'}</code>, <code>{'{tenggat}'}</code> (boleh juga ditulis <code>{'{{nama}}'}</code>). Penanda lain dibiarkan terlihat agar
        diisi petugas.
      </p>
      {items === null ? (
        !error && <p role="status">Memuat…</p>
      ) : items.length === 0 ? (
        <p className="empty">Belum ada template jawaban.</p>
      ) : (
        <ul className="settings-list" aria-label="Daftar template jawaban">
          {items.map((c) => (
            <li key={c.id}>
              <div>
                <strong>{c.title}</strong> <span className="code muted">/{c.shortcut}</span>
                <p className="settings-body">{c.body}</p>
                {unknownPlaceholders(c.body).length > 0 && (
                  <p className="hint">Penanda yang harus diisi manual: {unknownPlaceholders(c.body).join(', ')}</p>
                )}
              </div>
              {canEdit && (
                <div className="buttons">
                  <button
                    type="button"
                    aria-label={`Ubah template ${c.title}`}
                    onClick={() => {
                      setEditing(c.id)
                      setForm({ shortcut: c.shortcut, title: c.title, body: c.body })
                      document.getElementById('canned-shortcut')?.focus()
                    }}
                  >
                    Ubah
                  </button>
                  <button type="button" aria-label={`Hapus template ${c.title}`} onClick={() => void remove(c)}>
                    Hapus
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <form onSubmit={submit} className="stack" aria-labelledby="canned-form-title">
          <h3 id="canned-form-title">{editing ? 'Ubah template' : 'Template baru'}</h3>
          <div className="row">
            <div className="field">
              <label htmlFor="canned-shortcut">Pintasan</label>
              <input
                id="canned-shortcut"
                required
                maxLength={40}
                pattern="[\p{L}\p{N}_\-]+"
                value={form.shortcut}
                aria-describedby="canned-shortcut-hint"
                onChange={(e) => setForm({ ...form, shortcut: e.target.value })}
              />
              <p className="hint" id="canned-shortcut-hint">
                Huruf, angka, - atau _ tanpa spasi, mis. terima-kasih.
              </p>
            </div>
            <div className="field">
              <label htmlFor="canned-title-input">Judul</label>
              <input id="canned-title-input" required maxLength={120} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />
            </div>
          </div>
          <label htmlFor="canned-body">Isi jawaban</label>
          <textarea id="canned-body" required rows={4} maxLength={4000} value={form.body} onChange={(e) => setForm({ ...form, body: e.target.value })} />
          <Status ok={ok} error={error} />
          <div className="buttons">
            <button type="submit" className="primary" disabled={busy}>
              {editing ? 'Simpan perubahan' : 'Tambah template'}
            </button>
            {editing && (
              <button
                type="button"
                onClick={() => {
                  setEditing(null)
                  setForm(EMPTY)
                }}
              >
                Batal
              </button>
            )}
          </div>
        </form>
      ) : (
        <>
          <p className="muted">Hanya operator dan super admin yang dapat mengubah template.</p>
          <Status ok={ok} error={error} />
        </>
      )}
    </div>
  )
}

// ---- Kanal ----

interface ChannelAccount {
  id: string
  type: string
  name: string
  active: boolean
  webhookUrl: string
  createdAt: string
}

function Channels() {
  const [items, setItems] = useState<ChannelAccount[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [ok, setOk] = useState<string | null>(null)
  useEffect(() => {
    call<{ items: ChannelAccount[] }>('GET', '/api/channels').then(
      (r) => setItems(r.items),
      (e) => setError(problemText(e)),
    )
  }, [])
  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url)
      setOk('URL webhook disalin.')
    } catch {
      setOk('Salin manual: pilih teks URL lalu tekan Ctrl+C.')
    }
  }
  return (
    <div>
      <h2>Kanal</h2>
      <p className="hint">Akun kanal yang terhubung. Kredensial tersimpan terenkripsi dan tidak pernah ditampilkan.</p>
      {items === null ? (
        !error && <p role="status">Memuat…</p>
      ) : items.length === 0 ? (
        <p className="empty">Belum ada kanal terhubung.</p>
      ) : (
        <div className="settings-table-wrap">
          <table className="settings-table">
            <caption className="sr-only">Daftar akun kanal</caption>
            <thead>
              <tr>
                <th scope="col">Jenis</th>
                <th scope="col">Nama</th>
                <th scope="col">Status</th>
                <th scope="col">URL webhook</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <td>{c.type}</td>
                  <td>{c.name}</td>
                  <td>{c.active ? 'Aktif' : 'Nonaktif'}</td>
                  <td>
                    <code className="settings-url">{c.webhookUrl}</code>{' '}
                    <button type="button" aria-label={`Salin URL webhook ${c.name}`} onClick={() => void copy(c.webhookUrl)}>
                      Salin
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Status ok={ok} error={error} />
    </div>
  )
}

// ---- Webhook keluar ----

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

function Webhooks() {
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
      const r = await call<Subscription & { secret: string }>('POST', '/api/webhooks', { url: url.trim(), eventTypes: events.length ? events : ['*'] })
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

  const toggle = (t: string, on: boolean) => setEvents(on ? [...events.filter((x) => x !== t), t] : events.filter((x) => x !== t))

  return (
    <div>
      <h2>Webhook keluar</h2>
      <p className="hint">Sistem lain menerima peristiwa laporan (tanpa data pribadi pelapor), ditandatangani dengan rahasia langganan.</p>
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
        <input id="webhook-url" type="url" required placeholder="https://contoh.go.id/aduan" value={url} onChange={(e) => setUrl(e.target.value)} />
        <fieldset>
          <legend>Jenis peristiwa</legend>
          <div className="agency-grid">
            {EVENT_TYPES.map(([t, label]) => (
              <label className="check" key={t}>
                <input type="checkbox" checked={events.includes(t)} onChange={(e) => toggle(t, e.target.checked)} />
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
