// Pengaturan > Perangkat daerah: agencies (OPD) as a tree; create, edit, deactivate (an agency in
// use is never deleted), the head's approval rule, keywords that route reports to it, contacts.
import { useEffect, useState, type FormEvent } from 'react'
import { tr } from '../i18n.ts'
import { call, problemText } from './http.ts'
import { FormButtons, Status } from './status.tsx'

export interface AdminAgency {
  id: string
  parentId: string | null
  slug: string
  name: string
  shortName: string
  type: string
  requiresApproval: boolean
  isCoordinator: boolean
  keywords: string[]
  contactPhone: string | null
  contactEmail: string | null
  active: boolean
}

export const agencyTypeLabel = (t: string): string =>
  ({
    coordinator: tr('Koordinator', 'Coordinator'),
    dinas: tr('Dinas', 'Department'),
    badan: tr('Badan', 'Agency'),
    rsud: tr('RSUD', 'Regional hospital'),
    puskesmas: tr('Puskesmas', 'Health centre'),
    kecamatan: tr('Kecamatan', 'District'),
    desa: tr('Desa/gampong', 'Village'),
    inspektorat: tr('Inspektorat', 'Inspectorate'),
    sekretariat: tr('Sekretariat', 'Secretariat'),
    other: tr('Lainnya', 'Other'),
  })[t] ?? t

const TYPES = ['dinas', 'badan', 'coordinator', 'rsud', 'puskesmas', 'kecamatan', 'desa', 'inspektorat', 'sekretariat', 'other']

const EMPTY = {
  name: '',
  shortName: '',
  type: 'dinas',
  parentId: '',
  requiresApproval: true,
  isCoordinator: false,
  keywords: '',
  contactPhone: '',
  contactEmail: '',
}

/** "a, b ,c" -> ["a","b","c"] (keywords are typed comma-separated). */
export const splitList = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)

export function AgenciesSettings() {
  const [items, setItems] = useState<AdminAgency[] | null>(null)
  const [form, setForm] = useState(EMPTY)
  const [editing, setEditing] = useState<string | null>(null)
  const [ok, setOk] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const load = () =>
    call<{ items: AdminAgency[] }>('GET', '/api/settings/agencies').then(
      (r) => setItems(r.items),
      (e) => setError(problemText(e)),
    )
  useEffect(() => {
    void load()
  }, [])
  const [q, setQ] = useState('')
  const byId = new Map((items ?? []).map((a) => [a.id, a]))
  const needle = q.trim().toLowerCase()
  const shown = (items ?? []).filter((a) => !needle || `${a.shortName} ${a.name} ${a.keywords.join(' ')}`.toLowerCase().includes(needle))

  function edit(a: AdminAgency) {
    setEditing(a.id)
    setOk(null)
    setError(null)
    setForm({
      name: a.name,
      shortName: a.shortName,
      type: a.type,
      parentId: a.parentId ?? '',
      requiresApproval: a.requiresApproval,
      isCoordinator: a.isCoordinator,
      keywords: a.keywords.join(', '),
      contactPhone: a.contactPhone ?? '',
      contactEmail: a.contactEmail ?? '',
    })
    document.getElementById('agency-name')?.focus()
  }

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setOk(null)
    setError(null)
    const body = {
      ...form,
      parentId: form.parentId || null,
      keywords: splitList(form.keywords),
      contactPhone: form.contactPhone.trim() || null,
      contactEmail: form.contactEmail.trim() || null,
    }
    try {
      if (editing) await call('PATCH', `/api/settings/agencies/${editing}`, body)
      else await call('POST', '/api/settings/agencies', body)
      setOk(editing ? tr('Perangkat daerah diperbarui.', 'Agency updated.') : tr('Perangkat daerah ditambahkan.', 'Agency added.'))
      setEditing(null)
      setForm(EMPTY)
      await load()
    } catch (err) {
      setError(problemText(err))
    } finally {
      setBusy(false)
    }
  }

  async function toggle(a: AdminAgency) {
    setOk(null)
    setError(null)
    try {
      await call('PATCH', `/api/settings/agencies/${a.id}`, { active: !a.active })
      setOk(a.active ? tr(`${a.shortName} dinonaktifkan.`, `${a.shortName} deactivated.`) : tr(`${a.shortName} diaktifkan.`, `${a.shortName} activated.`))
      await load()
    } catch (err) {
      setError(problemText(err))
    }
  }

  return (
    <div>
      <h2>{tr('Perangkat daerah', 'Agencies')}</h2>
      <p className="hint">
        {tr(
          'OPD, kecamatan dan unit di bawahnya. OPD yang sudah dipakai tidak dihapus, hanya dinonaktifkan. Batas wilayah kecamatan untuk peta diimpor di ',
          'Agencies, districts and their units. An agency in use is never deleted, only deactivated. District boundaries for the map are imported on the ',
        )}
        <a href="/admin/dasbor">{tr('Dasbor (Impor batas wilayah)', 'Dashboard (boundary import)')}</a>.
      </p>
      <form onSubmit={submit} className="stack" aria-labelledby="agency-form-title">
        <h3 id="agency-form-title">{editing ? tr('Ubah perangkat daerah', 'Edit agency') : tr('Perangkat daerah baru', 'New agency')}</h3>
        <div className="row">
          <div className="field">
            <label htmlFor="agency-name">{tr('Nama lengkap', 'Full name')}</label>
            <input id="agency-name" required minLength={2} maxLength={200} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="agency-short">{tr('Singkatan', 'Short name')}</label>
            <input id="agency-short" required maxLength={60} value={form.shortName} onChange={(e) => setForm({ ...form, shortName: e.target.value })} />
          </div>
        </div>
        <div className="row">
          <div className="field">
            <label htmlFor="agency-type">{tr('Jenis', 'Type')}</label>
            <select id="agency-type" value={form.type} onChange={(e) => setForm({ ...form, type: e.target.value })}>
              {TYPES.map((t) => (
                <option key={t} value={t}>
                  {agencyTypeLabel(t)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="agency-parent">{tr('Induk (opsional)', 'Parent (optional)')}</label>
            <select id="agency-parent" value={form.parentId} onChange={(e) => setForm({ ...form, parentId: e.target.value })}>
              <option value="">{tr('— tidak ada —', '— none —')}</option>
              {(items ?? [])
                .filter((a) => a.id !== editing && a.active)
                .map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.shortName} — {a.name}
                  </option>
                ))}
            </select>
          </div>
        </div>
        <label className="check">
          <input type="checkbox" checked={form.requiresApproval} onChange={(e) => setForm({ ...form, requiresApproval: e.target.checked })} />
          {tr('Jawaban admin OPD perlu persetujuan kepala sebelum terbit', "The agency admin's answers need the head's approval before publication")}
        </label>
        <label className="check">
          <input type="checkbox" checked={form.isCoordinator} onChange={(e) => setForm({ ...form, isCoordinator: e.target.checked })} />
          {tr('Koordinator pengaduan (mis. Diskominfo/Bagian Organisasi)', 'Complaint coordinator (e.g. Diskominfo)')}
        </label>
        <label htmlFor="agency-keywords">{tr('Kata kunci', 'Keywords')}</label>
        <input id="agency-keywords" aria-describedby="agency-keywords-hint" value={form.keywords} onChange={(e) => setForm({ ...form, keywords: e.target.value })} />
        <p className="hint" id="agency-keywords-hint">
          {tr('Pisahkan dengan koma, mis. jalan, jembatan, drainase. Membantu saran disposisi.', 'Comma-separated, e.g. road, bridge, drainage. Helps dispatch suggestions.')}
        </p>
        <div className="row">
          <div className="field">
            <label htmlFor="agency-phone">{tr('Telepon kontak', 'Contact phone')}</label>
            <input id="agency-phone" type="tel" maxLength={20} value={form.contactPhone} onChange={(e) => setForm({ ...form, contactPhone: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="agency-email">{tr('E-mail kontak', 'Contact e-mail')}</label>
            <input id="agency-email" type="email" maxLength={200} value={form.contactEmail} onChange={(e) => setForm({ ...form, contactEmail: e.target.value })} />
          </div>
        </div>
        <Status ok={ok} error={error} />
        <FormButtons
          editing={Boolean(editing)}
          busy={busy}
          addLabel={tr('Tambah perangkat daerah', 'Add agency')}
          onCancel={() => {
            setEditing(null)
            setForm(EMPTY)
          }}
        />
      </form>
      <div className="field settings-filter">
        <label htmlFor="agency-filter">{tr('Cari perangkat daerah', 'Search agencies')}</label>
        <input id="agency-filter" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      {items === null ? (
        !error && <p role="status">{tr('Memuat…', 'Loading…')}</p>
      ) : shown.length === 0 ? (
        <p className="empty">{needle ? tr('Tidak ada yang cocok.', 'Nothing matches.') : tr('Belum ada perangkat daerah.', 'No agencies yet.')}</p>
      ) : (
        <div className="settings-table-wrap">
          <table className="settings-table">
            <caption className="sr-only">{tr('Daftar perangkat daerah', 'Agencies')}</caption>
            <thead>
              <tr>
                <th scope="col">{tr('Nama', 'Name')}</th>
                <th scope="col">{tr('Jenis', 'Type')}</th>
                <th scope="col">{tr('Induk', 'Parent')}</th>
                <th scope="col">{tr('Status', 'Status')}</th>
                <th scope="col">
                  <span className="sr-only">{tr('Tindakan', 'Actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((a) => (
                <tr key={a.id} className={a.active ? undefined : 'settings-inactive'}>
                  <td>
                    <strong>{a.shortName}</strong>
                    <span className="settings-sub">{a.name}</span>
                    {!a.requiresApproval && <span className="settings-sub">{tr('Jawaban terbit tanpa persetujuan kepala', "Answers published without the head's approval")}</span>}
                  </td>
                  <td>
                    {agencyTypeLabel(a.type)}
                    {a.isCoordinator && a.type !== 'coordinator' && <span className="settings-sub">{tr('Koordinator pengaduan', 'Complaint coordinator')}</span>}
                  </td>
                  <td>{a.parentId ? (byId.get(a.parentId)?.shortName ?? '—') : '—'}</td>
                  <td>{a.active ? tr('Aktif', 'Active') : tr('Nonaktif', 'Inactive')}</td>
                  <td>
                    <div className="buttons">
                      <button type="button" aria-label={tr(`Ubah ${a.shortName}`, `Edit ${a.shortName}`)} onClick={() => edit(a)}>
                        {tr('Ubah', 'Edit')}
                      </button>
                      <button type="button" aria-label={a.active ? tr(`Nonaktifkan ${a.shortName}`, `Deactivate ${a.shortName}`) : tr(`Aktifkan ${a.shortName}`, `Activate ${a.shortName}`)} onClick={() => void toggle(a)}>
                        {a.active ? tr('Nonaktifkan', 'Deactivate') : tr('Aktifkan', 'Activate')}
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
