// Pengaturan > Template jawaban: canned responses (read for agency roles, edit for operators).
import { useEffect, useState, type FormEvent } from 'react'
import { api, type CannedResponse } from '../api.ts'
import { isKnownPlaceholder } from '../placeholders.ts'
import { call, problemText } from './http.ts'
import { Status } from './status.tsx'

const EMPTY = { shortcut: '', title: '', body: '' }

/** Placeholders in a template that the reply box does not fill by itself. */
function unknownPlaceholders(body: string): string[] {
  const found = [...body.matchAll(/\{\{?\s*([a-z_]+)\s*\}?\}/gi)]
    .map((m) => m[1]!.toLowerCase())
    .filter((n) => !isKnownPlaceholder(n))
  return [...new Set(found)].map((n) => `{${n}}`)
}

export function CannedResponses({ canEdit }: { canEdit: boolean }) {
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
        Penanda yang diganti otomatis: <code>{'{nama}'}</code> nama pelapor, <code>{'{kode}'}</code> kode
        laporan, <code>{'{status}'}</code>, <code>{'{opd}'}</code>, <code>{'{tenggat}'}</code> (boleh juga
        ditulis <code>{'{{nama}}'}</code>). Penanda lain dibiarkan terlihat agar diisi petugas.
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
                  <p className="hint">
                    Penanda yang harus diisi manual: {unknownPlaceholders(c.body).join(', ')}
                  </p>
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
                  <button
                    type="button"
                    aria-label={`Hapus template ${c.title}`}
                    onClick={() => void remove(c)}
                  >
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
              <input
                id="canned-title-input"
                required
                maxLength={120}
                value={form.title}
                onChange={(e) => setForm({ ...form, title: e.target.value })}
              />
            </div>
          </div>
          <label htmlFor="canned-body">Isi jawaban</label>
          <textarea
            id="canned-body"
            required
            rows={4}
            maxLength={4000}
            value={form.body}
            onChange={(e) => setForm({ ...form, body: e.target.value })}
          />
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
