// Pengaturan > Kategori: categories with their SLA tier, keywords, the whistle-blowing flag
// (reports go only to the Inspektorat path) and default agencies in order of preference.
import { useEffect, useState, type FormEvent } from 'react'
import { tr } from '../i18n.ts'
import { splitList, type AdminAgency } from './agencies.tsx'
import { call, problemText } from './http.ts'
import { FormButtons, Status } from './status.tsx'

interface AdminCategory {
  id: string
  slug: string
  name: string
  description: string | null
  slaTier: string
  keywords: string[]
  isWhistleblowing: boolean
  active: boolean
  defaultAgencyIds: string[]
}

const TIERS = ['ringan', 'normatif', 'tidak_berkadar_pengawasan', 'berkadar_pengawasan']
const tierLabel = (t: string) =>
  ({
    ringan: tr('Ringan', 'Light'),
    normatif: tr('Normatif', 'Standard'),
    tidak_berkadar_pengawasan: tr('Tidak berkadar pengawasan', 'Non-supervisory'),
    berkadar_pengawasan: tr('Berkadar pengawasan', 'Supervisory'),
  })[t] ?? t

const EMPTY = { name: '', description: '', slaTier: 'normatif', keywords: '', isWhistleblowing: false, defaultAgencyIds: [] as string[] }

export function CategoriesSettings() {
  const [items, setItems] = useState<AdminCategory[] | null>(null)
  const [agencies, setAgencies] = useState<AdminAgency[]>([])
  const [form, setForm] = useState(EMPTY)
  const [pick, setPick] = useState('')
  const [editing, setEditing] = useState<string | null>(null)
  const [ok, setOk] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const load = () =>
    Promise.all([
      call<{ items: AdminCategory[] }>('GET', '/api/settings/categories'),
      call<{ items: AdminAgency[] }>('GET', '/api/settings/agencies'),
    ]).then(
      ([c, a]) => {
        setItems(c.items)
        setAgencies(a.items)
      },
      (e) => setError(problemText(e)),
    )
  useEffect(() => {
    void load()
  }, [])
  const [q, setQ] = useState('')
  const needle = q.trim().toLowerCase()
  const shown = (items ?? []).filter((c) => !needle || `${c.name} ${c.keywords.join(' ')}`.toLowerCase().includes(needle))
  const name = (id: string) => agencies.find((a) => a.id === id)?.shortName ?? '?'

  function edit(c: AdminCategory) {
    setEditing(c.id)
    setOk(null)
    setError(null)
    setForm({
      name: c.name,
      description: c.description ?? '',
      slaTier: c.slaTier,
      keywords: c.keywords.join(', '),
      isWhistleblowing: c.isWhistleblowing,
      defaultAgencyIds: c.defaultAgencyIds,
    })
    document.getElementById('category-name')?.focus()
  }

  function move(i: number, by: number) {
    const ids = [...form.defaultAgencyIds]
    const j = i + by
    if (j < 0 || j >= ids.length) return
    ;[ids[i], ids[j]] = [ids[j]!, ids[i]!]
    setForm({ ...form, defaultAgencyIds: ids })
  }

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setOk(null)
    setError(null)
    const body = { ...form, description: form.description.trim() || null, keywords: splitList(form.keywords) }
    try {
      if (editing) await call('PATCH', `/api/settings/categories/${editing}`, body)
      else await call('POST', '/api/settings/categories', body)
      setOk(editing ? tr('Kategori diperbarui.', 'Category updated.') : tr('Kategori ditambahkan.', 'Category added.'))
      setEditing(null)
      setForm(EMPTY)
      await load()
    } catch (err) {
      setError(problemText(err))
    } finally {
      setBusy(false)
    }
  }

  async function toggle(c: AdminCategory) {
    setOk(null)
    setError(null)
    try {
      await call('PATCH', `/api/settings/categories/${c.id}`, { active: !c.active })
      setOk(c.active ? tr(`${c.name} dinonaktifkan.`, `${c.name} deactivated.`) : tr(`${c.name} diaktifkan.`, `${c.name} activated.`))
      await load()
    } catch (err) {
      setError(problemText(err))
    }
  }

  const available = agencies.filter((a) => a.active && !form.defaultAgencyIds.includes(a.id))
  return (
    <div>
      <h2>{tr('Kategori', 'Categories')}</h2>
      <p className="hint">
        {tr(
          'Tingkat SLA menentukan batas waktu tindak lanjut OPD. OPD default pertama disarankan lebih dulu saat disposisi.',
          "The SLA tier sets the agency's follow-up deadline. The first default agency is suggested first when dispatching.",
        )}
      </p>
      <form onSubmit={submit} className="stack" aria-labelledby="category-form-title">
        <h3 id="category-form-title">{editing ? tr('Ubah kategori', 'Edit category') : tr('Kategori baru', 'New category')}</h3>
        <div className="row">
          <div className="field">
            <label htmlFor="category-name">{tr('Nama kategori', 'Category name')}</label>
            <input id="category-name" required minLength={2} maxLength={200} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="category-tier">{tr('Tingkat SLA', 'SLA tier')}</label>
            <select id="category-tier" value={form.slaTier} onChange={(e) => setForm({ ...form, slaTier: e.target.value })}>
              {TIERS.map((t) => (
                <option key={t} value={t}>
                  {tierLabel(t)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <label htmlFor="category-desc">{tr('Keterangan (opsional)', 'Description (optional)')}</label>
        <textarea id="category-desc" rows={2} maxLength={1000} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />
        <label htmlFor="category-keywords">{tr('Kata kunci', 'Keywords')}</label>
        <input id="category-keywords" aria-describedby="category-keywords-hint" value={form.keywords} onChange={(e) => setForm({ ...form, keywords: e.target.value })} />
        <p className="hint" id="category-keywords-hint">
          {tr('Pisahkan dengan koma, mis. jalan, aspal, lubang.', 'Comma-separated, e.g. road, asphalt, pothole.')}
        </p>
        <label className="check">
          <input type="checkbox" checked={form.isWhistleblowing} onChange={(e) => setForm({ ...form, isWhistleblowing: e.target.checked })} />
          {tr('Whistle-blowing: laporan tentang aparatur, hanya ke Inspektorat', 'Whistle-blowing: reports about officials, to the Inspectorate only')}
        </label>
        <fieldset>
          <legend>{tr('OPD default (urut prioritas)', 'Default agencies (in order)')}</legend>
          {form.defaultAgencyIds.length === 0 ? (
            <p className="hint">{tr('Belum ada OPD default.', 'No default agencies yet.')}</p>
          ) : (
            <ol className="settings-order">
              {form.defaultAgencyIds.map((id, i) => (
                <li key={id}>
                  <span>
                    {i + 1}. {name(id)}
                  </span>
                  <button type="button" aria-label={tr(`Naikkan ${name(id)}`, `Move ${name(id)} up`)} disabled={i === 0} onClick={() => move(i, -1)}>
                    ↑
                  </button>
                  <button type="button" aria-label={tr(`Turunkan ${name(id)}`, `Move ${name(id)} down`)} disabled={i === form.defaultAgencyIds.length - 1} onClick={() => move(i, 1)}>
                    ↓
                  </button>
                  <button type="button" aria-label={tr(`Hapus ${name(id)} dari daftar`, `Remove ${name(id)}`)} onClick={() => setForm({ ...form, defaultAgencyIds: form.defaultAgencyIds.filter((x) => x !== id) })}>
                    {tr('Hapus', 'Remove')}
                  </button>
                </li>
              ))}
            </ol>
          )}
          <div className="row">
            <div className="field">
              <label htmlFor="category-add-agency">{tr('Tambah OPD', 'Add agency')}</label>
              <select id="category-add-agency" value={pick} onChange={(e) => setPick(e.target.value)}>
                <option value="">{tr('— pilih OPD —', '— choose an agency —')}</option>
                {available.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.shortName} — {a.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="buttons" style={{ marginTop: '.5rem' }}>
            <button
              type="button"
              disabled={!pick}
              onClick={() => {
                setForm({ ...form, defaultAgencyIds: [...form.defaultAgencyIds, pick] })
                setPick('')
              }}
            >
              {tr('Tambahkan ke daftar', 'Add to the list')}
            </button>
          </div>
        </fieldset>
        <Status ok={ok} error={error} />
        <FormButtons
          editing={Boolean(editing)}
          busy={busy}
          addLabel={tr('Tambah kategori', 'Add category')}
          onCancel={() => {
            setEditing(null)
            setForm(EMPTY)
          }}
        />
      </form>
      <div className="field settings-filter">
        <label htmlFor="category-filter">{tr('Cari kategori', 'Search categories')}</label>
        <input id="category-filter" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      {items === null ? (
        !error && <p role="status">{tr('Memuat…', 'Loading…')}</p>
      ) : shown.length === 0 ? (
        <p className="empty">{needle ? tr('Tidak ada yang cocok.', 'Nothing matches.') : tr('Belum ada kategori.', 'No categories yet.')}</p>
      ) : (
        <div className="settings-table-wrap">
          <table className="settings-table">
            <caption className="sr-only">{tr('Daftar kategori', 'Categories')}</caption>
            <thead>
              <tr>
                <th scope="col">{tr('Kategori', 'Category')}</th>
                <th scope="col">{tr('Tingkat SLA', 'SLA tier')}</th>
                <th scope="col">{tr('OPD default', 'Default agencies')}</th>
                <th scope="col">
                  <span className="sr-only">{tr('Tindakan', 'Actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => (
                <tr key={c.id} className={c.active ? undefined : 'settings-inactive'}>
                  <td>
                    <strong>{c.name}</strong>
                    {c.isWhistleblowing && <span className="settings-sub">{tr('Whistle-blowing (jalur Inspektorat)', 'Whistle-blowing (Inspectorate path)')}</span>}
                    {!c.active && <span className="settings-sub">{tr('Nonaktif', 'Inactive')}</span>}
                  </td>
                  <td>{tierLabel(c.slaTier)}</td>
                  <td>{c.defaultAgencyIds.length ? c.defaultAgencyIds.map(name).join(' → ') : '—'}</td>
                  <td>
                    <div className="buttons">
                      <button type="button" aria-label={tr(`Ubah ${c.name}`, `Edit ${c.name}`)} onClick={() => edit(c)}>
                        {tr('Ubah', 'Edit')}
                      </button>
                      <button type="button" aria-label={c.active ? tr(`Nonaktifkan ${c.name}`, `Deactivate ${c.name}`) : tr(`Aktifkan ${c.name}`, `Activate ${c.name}`)} onClick={() => void toggle(c)}>
                        {c.active ? tr('Nonaktifkan', 'Deactivate') : tr('Aktifkan', 'Activate')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

    </div>
  )
}
