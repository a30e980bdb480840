// Pengaturan > Pengguna: people of this Pemda and their roles. Super admins invite a person with a
// role (and agency for agency roles), add or remove roles, deactivate or unlock an account.
import { useEffect, useState, type FormEvent } from 'react'
import { tr } from '../i18n.ts'
import type { AdminAgency } from './agencies.tsx'
import { call, problemText } from './http.ts'
import { Status } from './status.tsx'

interface Person {
  id: string
  email: string
  name: string
  disabled: boolean
  locked: boolean
  totpEnabled: boolean
  lastLoginAt: string | null
  roles: { membershipId: string; role: string; agencyId: string | null; agencyName: string | null }[]
}

const ROLES = ['operator', 'agency_admin', 'agency_head', 'leader', 'auditor', 'super_admin']
const roleLabel = (r: string) =>
  ({
    super_admin: tr('Super admin', 'Super admin'),
    operator: tr('Admin koordinator', 'Operator'),
    agency_admin: tr('Admin penghubung OPD', 'Agency admin'),
    agency_head: tr('Kepala OPD', 'Agency head'),
    leader: tr('Pimpinan', 'Leader'),
    auditor: tr('Auditor', 'Auditor'),
  })[r] ?? r
const needsAgency = (r: string) => r === 'agency_admin' || r === 'agency_head'

const EMPTY = { email: '', name: '', phone: '', password: '', role: 'operator', agencyId: '' }

function RoleAdder({ person, agencies, onDone }: { person: Person; agencies: AdminAgency[]; onDone: (ok: string | null, err: string | null) => void }) {
  const [role, setRole] = useState('operator')
  const [agencyId, setAgencyId] = useState('')
  const id = `add-role-${person.id}`
  async function add() {
    try {
      await call('POST', `/api/users/${person.id}/memberships`, { role, agencyId: needsAgency(role) ? agencyId || null : null })
      onDone(tr(`Peran ditambahkan untuk ${person.name}.`, `Role added for ${person.name}.`), null)
    } catch (err) {
      onDone(null, problemText(err))
    }
  }
  return (
    <div className="row">
      <div className="field">
        <label htmlFor={`${id}-role`}>{tr('Tambah peran', 'Add a role')}</label>
        <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {roleLabel(r)}
            </option>
          ))}
        </select>
      </div>
      {needsAgency(role) && (
        <div className="field">
          <label htmlFor={`${id}-agency`}>{tr('OPD', 'Agency')}</label>
          <select id={`${id}-agency`} value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
            <option value="">{tr('— pilih OPD —', '— choose —')}</option>
            {agencies.filter((a) => a.active).map((a) => (
              <option key={a.id} value={a.id}>
                {a.shortName}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field" style={{ flex: '0 0 auto', alignSelf: 'flex-end' }}>
        <button type="button" onClick={() => void add()} aria-label={tr(`Tambah peran untuk ${person.name}`, `Add the role for ${person.name}`)}>
          {tr('Tambah', 'Add')}
        </button>
      </div>
    </div>
  )
}

export function PeopleSettings() {
  const [items, setItems] = useState<Person[] | null>(null)
  const [agencies, setAgencies] = useState<AdminAgency[]>([])
  const [form, setForm] = useState(EMPTY)
  const [open, setOpen] = useState<string | null>(null)
  const [ok, setOk] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const load = () =>
    Promise.all([call<{ items: Person[] }>('GET', '/api/users'), call<{ items: AdminAgency[] }>('GET', '/api/settings/agencies')]).then(
      ([u, a]) => {
        setItems(u.items)
        setAgencies(a.items)
      },
      (e) => setError(problemText(e)),
    )
  useEffect(() => {
    void load()
  }, [])
  const done = async (o: string | null, e: string | null) => {
    setOk(o)
    setError(e)
    await load()
  }

  async function act(fn: () => Promise<unknown>, message: string) {
    setOk(null)
    setError(null)
    try {
      await fn()
      await done(message, null)
    } catch (err) {
      setError(problemText(err))
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setOk(null)
    setError(null)
    try {
      const created = (await call('POST', '/api/users', {
        email: form.email.trim(),
        name: form.name.trim(),
        role: form.role,
        agencyId: needsAgency(form.role) ? form.agencyId || null : null,
        ...(form.password ? { password: form.password } : {}),
        ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
      })) as { email: string; invited?: boolean }
      setForm(EMPTY)
      await done(
        created.invited
          ? tr(`Pengguna ditambahkan; undangan membuat kata sandi dikirim ke ${created.email}.`, `User added; an invitation to choose a password was sent to ${created.email}.`)
          : tr('Pengguna ditambahkan.', 'User added.'),
        null,
      )
    } catch (err) {
      setError(problemText(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div>
      <h2>{tr('Pengguna dan peran', 'People and roles')}</h2>
      <p className="hint">
        {tr(
          'Peran OPD (admin penghubung, kepala) selalu terikat pada satu OPD. Akun yang dinonaktifkan langsung keluar dari semua sesi.',
          'Agency roles (agency admin, head) always belong to one agency. A deactivated account is signed out of every session at once.',
        )}
      </p>
      <form onSubmit={submit} className="stack" aria-labelledby="person-form-title">
        <h3 id="person-form-title">{tr('Undang pengguna', 'Invite a user')}</h3>
        <div className="row">
          <div className="field">
            <label htmlFor="person-name">{tr('Nama', 'Name')}</label>
            <input id="person-name" required maxLength={200} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="person-email">{tr('E-mail', 'E-mail')}</label>
            <input id="person-email" type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
          </div>
        </div>
        <div className="row">
          <div className="field">
            <label htmlFor="person-role">{tr('Peran', 'Role')}</label>
            <select id="person-role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleLabel(r)}
                </option>
              ))}
            </select>
          </div>
          {needsAgency(form.role) && (
            <div className="field">
              <label htmlFor="person-agency">{tr('OPD', 'Agency')}</label>
              <select id="person-agency" required value={form.agencyId} onChange={(e) => setForm({ ...form, agencyId: e.target.value })}>
                <option value="">{tr('— pilih OPD —', '— choose —')}</option>
                {agencies.filter((a) => a.active).map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.shortName} — {a.name}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
        <div className="row">
          <div className="field">
            <label htmlFor="person-phone">{tr('Nomor WhatsApp (opsional)', 'WhatsApp number (optional)')}</label>
            <input id="person-phone" type="tel" pattern="\+?\d{8,15}" value={form.phone} onChange={(e) => setForm({ ...form, phone: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="person-password">{tr('Kata sandi awal (opsional)', 'Initial password (optional)')}</label>
            <input id="person-password" type="password" autoComplete="new-password" minLength={10} value={form.password} aria-describedby="person-password-hint" onChange={(e) => setForm({ ...form, password: e.target.value })} />
          </div>
        </div>
        <p className="hint" id="person-password-hint">
          {tr(
            'Kosongkan agar pengguna menerima undangan lewat e-mail dan membuat kata sandinya sendiri (perlu akun e-mail aktif di Kanal). Jika diisi: minimal 10 karakter, sampaikan lewat jalur aman; pengguna dapat menggantinya di Akun saya. E-mail yang sudah terdaftar di Pemda lain cukup ditambahkan perannya.',
            'Leave empty to e-mail the person an invitation to choose their own password (needs an active e-mail account in Channels). If set: at least 10 characters, passed on securely; they can change it under My account. An e-mail already registered with another Pemda just gets the role added.',
          )}
        </p>
        <Status ok={ok} error={error} />
        <div className="buttons">
          <button type="submit" className="primary" disabled={busy}>
            {tr('Tambah pengguna', 'Add user')}
          </button>
        </div>
      </form>
      {items === null ? (
        !error && <p role="status">{tr('Memuat…', 'Loading…')}</p>
      ) : items.length === 0 ? (
        <p className="empty">{tr('Belum ada pengguna.', 'No users yet.')}</p>
      ) : (
        <ul className="settings-list" aria-label={tr('Daftar pengguna', 'Users')}>
          {items.map((u) => (
            <li key={u.id}>
              <div>
                <strong>{u.name}</strong> <span className="muted">{u.email}</span>
                {u.disabled && <span className="settings-sub">{tr('Nonaktif', 'Deactivated')}</span>}
                {u.locked && <span className="settings-sub">{tr('Terkunci (terlalu banyak percobaan masuk)', 'Locked (too many sign-in attempts)')}</span>}
                <ul className="settings-order" aria-label={tr(`Peran ${u.name}`, `Roles of ${u.name}`)}>
                  {u.roles.map((r) => (
                    <li key={r.membershipId}>
                      <span>
                        {roleLabel(r.role)}
                        {r.agencyName ? ` — ${r.agencyName}` : ''}
                      </span>
                      {u.roles.length > 1 && (
                        <button
                          type="button"
                          aria-label={tr(`Cabut peran ${roleLabel(r.role)} dari ${u.name}`, `Remove the ${roleLabel(r.role)} role from ${u.name}`)}
                          onClick={() => void act(() => call('DELETE', `/api/users/${u.id}/memberships/${r.membershipId}`), tr('Peran dicabut.', 'Role removed.'))}
                        >
                          {tr('Cabut', 'Remove')}
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
                {open === u.id && <RoleAdder person={u} agencies={agencies} onDone={(o, e) => void done(o, e)} />}
              </div>
              <div className="buttons">
                <button type="button" aria-expanded={open === u.id} onClick={() => setOpen(open === u.id ? null : u.id)} aria-label={tr(`Atur peran ${u.name}`, `Manage roles of ${u.name}`)}>
                  {tr('Peran', 'Roles')}
                </button>
                {!u.disabled && u.lastLoginAt === null && (
                  <button
                    type="button"
                    aria-label={tr(`Kirim ulang undangan ke ${u.name}`, `Send the invitation to ${u.name} again`)}
                    onClick={() => void act(() => call('POST', `/api/users/${u.id}/invite`, {}), tr(`Undangan dikirim ke ${u.email}.`, `Invitation sent to ${u.email}.`))}
                  >
                    {tr('Kirim undangan', 'Send invitation')}
                  </button>
                )}
                {u.locked && (
                  <button type="button" onClick={() => void act(() => call('POST', `/api/users/${u.id}/unlock`), tr('Akun dibuka.', 'Account unlocked.'))}>
                    {tr('Buka kunci', 'Unlock')}
                  </button>
                )}
                <button
                  type="button"
                  aria-label={u.disabled ? tr(`Aktifkan ${u.name}`, `Activate ${u.name}`) : tr(`Nonaktifkan ${u.name}`, `Deactivate ${u.name}`)}
                  onClick={() =>
                    void act(
                      () => call('PATCH', `/api/users/${u.id}`, { disabled: !u.disabled }),
                      u.disabled ? tr('Akun diaktifkan.', 'Account activated.') : tr('Akun dinonaktifkan.', 'Account deactivated.'),
                    )
                  }
                >
                  {u.disabled ? tr('Aktifkan', 'Activate') : tr('Nonaktifkan', 'Deactivate')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}

    </div>
  )
}
