// Pengaturan > Template jawaban: canned responses (read for agency roles, edit for operators).
import { useEffect, useState, type FormEvent } from 'react'
import { api, type CannedResponse } from '../api.ts'
import { isKnownPlaceholder } from '../placeholders.ts'
import { call, problemText } from './http.ts'
import { FormButtons, Status } from './status.tsx'
import { tr } from '../i18n.ts'

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
      setOk(editing ? tr('Template diperbarui.', 'Template updated.') : tr('Template ditambahkan.', 'Template added.'))
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
    if (!window.confirm(tr(`Hapus template "${c.title}"?`, `Delete the template "${c.title}"?`))) return
    setOk(null)
    setError(null)
    try {
      await call('DELETE', `/api/canned-responses/${encodeURIComponent(c.id)}`)
      setOk(tr('Template dihapus.', 'Template deleted.'))
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
      <h2 id="canned-title">{tr('Template jawaban', 'Canned answers')}</h2>
      <p className="hint">
        {tr('Penanda yang diganti otomatis:', 'Placeholders filled in automatically:')} <code>{'{nama}'}</code> {tr('nama pelapor', 'the reporter’s name')},{' '}
        <code>{'{kode}'}</code> {tr('kode laporan', 'the report code')}, <code>{'{status}'}</code>, <code>{'{opd}'}</code>, <code>{'{tenggat}'}</code> (
        {tr('boleh juga ditulis', 'also written')} <code>{'{{nama}}'}</code>). {tr('Penanda lain dibiarkan terlihat agar diisi petugas.', 'Other placeholders stay visible for staff to fill in.')}
      </p>
      {items === null ? (
        !error && <p role="status">{tr('Memuat…', 'Loading…')}</p>
      ) : items.length === 0 ? (
        <p className="empty">{tr('Belum ada template jawaban.', 'No canned answers yet.')}</p>
      ) : (
        <ul className="settings-list" aria-label={tr('Daftar template jawaban', 'Canned answers')}>
          {items.map((c) => (
            <li key={c.id}>
              <div>
                <strong>{c.title}</strong> <span className="code muted">/{c.shortcut}</span>
                <p className="settings-body">{c.body}</p>
                {unknownPlaceholders(c.body).length > 0 && (
                  <p className="hint">
                    {tr('Penanda yang harus diisi manual:', 'Placeholders to fill in by hand:')} {unknownPlaceholders(c.body).join(', ')}
                  </p>
                )}
              </div>
              {canEdit && (
                <div className="buttons">
                  <button
                    type="button"
                    aria-label={tr(`Ubah template ${c.title}`, `Edit template ${c.title}`)}
                    onClick={() => {
                      setEditing(c.id)
                      setForm({ shortcut: c.shortcut, title: c.title, body: c.body })
                      document.getElementById('canned-shortcut')?.focus()
                    }}
                  >
                    {tr('Ubah', 'Edit')}
                  </button>
                  <button
                    type="button"
                    aria-label={tr(`Hapus template ${c.title}`, `Delete template ${c.title}`)}
                    onClick={() => void remove(c)}
                  >
                    {tr('Hapus', 'Delete')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <form onSubmit={submit} className="stack" aria-labelledby="canned-form-title">
          <h3 id="canned-form-title">{editing ? tr('Ubah template', 'Edit template') : tr('Template baru', 'New template')}</h3>
          <div className="row">
            <div className="field">
              <label htmlFor="canned-shortcut">{tr('Pintasan', 'Shortcut')}</label>
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
              <label htmlFor="canned-title-input">{tr('Judul', 'Title')}</label>
              <input
                id="canned-title-input"
                required
                maxLength={120}
                value={form.title}
                onChange={(e) => setForm({ ...form, title: e.target.value })}
              />
            </div>
          </div>
          <label htmlFor="canned-body">{tr('Isi jawaban', 'Answer text')}</label>
          <textarea
            id="canned-body"
            required
            rows={4}
            maxLength={4000}
            value={form.body}
            onChange={(e) => setForm({ ...form, body: e.target.value })}
          />
          <Status ok={ok} error={error} />
          <FormButtons
            editing={Boolean(editing)}
            busy={busy}
            addLabel={tr('Tambah template', 'Add template')}
            onCancel={() => {
              setEditing(null)
              setForm(EMPTY)
            }}
          />
        </form>
      ) : (
        <>
          <p className="muted">{tr('Hanya operator dan super admin yang dapat mengubah template.', 'Only operators and super admins can change templates.')}</p>
          <Status ok={ok} error={error} />
        </>
      )}
    </div>
  )
}
