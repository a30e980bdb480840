// Pengaturan > Kanal: channel accounts. Connect a new one (the fields its adapter needs, then the
// webhook URL to paste at the provider), edit it (secrets are write-only: shown as "tersimpan"),
// deactivate it, and test it (configuration, then one harmless call to the provider).
import { useEffect, useState, type FormEvent } from 'react'
import { getLang, tr } from '../i18n.ts'
import { call, problemText } from './http.ts'
import { Status } from './status.tsx'

type Bi = { id: string; en: string }
interface ChannelAccount {
  id: string
  type: string
  name: string
  active: boolean
  webhookUrl: string
  config: Record<string, unknown>
  secretsStored: string[]
  createdAt: string
}
interface Field {
  key: string
  label: Bi
  kind: 'text' | 'secret' | 'url' | 'number' | 'boolean'
  required: boolean
  hint?: Bi
}
interface TypeInfo {
  type: string
  label: string
  fields: Field[]
  webhookHint: Bi
}
interface TestResult {
  ok: boolean
  message: Bi
  checks: { step: string; ok: boolean; message: Bi }[]
}

const bi = (b: Bi) => (getLang() === 'en' ? b.en : b.id)

function ChannelForm({ types, account, onSaved, onCancel }: { types: TypeInfo[]; account: ChannelAccount | null; onSaved: (a: ChannelAccount, created: boolean) => void; onCancel: () => void }) {
  const [type, setType] = useState(account?.type ?? types[0]?.type ?? 'whatsapp')
  const [name, setName] = useState(account?.name ?? '')
  const [values, setValues] = useState<Record<string, unknown>>(account ? { ...account.config } : {})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const info = types.find((t) => t.type === type)

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    const config: Record<string, unknown> = {}
    for (const f of info?.fields ?? []) {
      const v = values[f.key]
      if (f.kind === 'boolean') config[f.key] = Boolean(v)
      else if (f.kind === 'number') {
        if (v !== '' && v !== undefined && v !== null) config[f.key] = Number(v)
        else if (account) config[f.key] = ''
      } else if (typeof v === 'string' && v.trim()) config[f.key] = v.trim()
      else if (account && f.kind !== 'secret') config[f.key] = ''
    }
    try {
      const a = account
        ? await call<ChannelAccount>('PATCH', `/api/channels/${account.id}`, { name, config })
        : await call<ChannelAccount>('POST', '/api/channels', { type, name, config })
      onSaved(a, !account)
    } catch (err) {
      setError(problemText(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={submit} className="stack" aria-labelledby="channel-form-title">
      <h3 id="channel-form-title">{account ? tr(`Ubah kanal ${account.name}`, `Edit channel ${account.name}`) : tr('Hubungkan kanal baru', 'Connect a new channel')}</h3>
      <div className="row">
        <div className="field">
          <label htmlFor="channel-type">{tr('Jenis kanal', 'Channel type')}</label>
          <select id="channel-type" value={type} disabled={!!account} onChange={(e) => { setType(e.target.value); setValues({}) }}>
            {types.map((t) => (
              <option key={t.type} value={t.type}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="channel-name">{tr('Nama akun', 'Account name')}</label>
          <input id="channel-name" required maxLength={200} value={name} placeholder={tr('mis. WhatsApp Pemkab', 'e.g. Pemkab WhatsApp')} onChange={(e) => setName(e.target.value)} />
        </div>
      </div>
      {info && (
        <p className="hint">
          {tr('Setelah terhubung, aduan menampilkan URL webhook akun ini. ', 'Once connected, aduan shows this account\'s webhook URL. ')}
          {bi(info.webhookHint)}
        </p>
      )}
      <div className="settings-grid">
        {info?.fields.map((f) => {
          const id = `channel-field-${f.key}`
          const stored = account?.secretsStored.includes(f.key)
          const hintId = f.hint || (f.kind === 'secret' && stored) ? `${id}-hint` : undefined
          if (f.kind === 'boolean')
            return (
              <label key={f.key} className="check">
                <input type="checkbox" checked={Boolean(values[f.key] ?? (f.key === 'concatenate'))} onChange={(e) => setValues({ ...values, [f.key]: e.target.checked })} />
                {bi(f.label)}
              </label>
            )
          return (
            <div className="field" key={f.key}>
              <label htmlFor={id}>
                {bi(f.label)}
                {!f.required && <span className="muted"> {tr('(opsional)', '(optional)')}</span>}
              </label>
              <input
                id={id}
                type={f.kind === 'secret' ? 'password' : f.kind === 'url' ? 'url' : f.kind === 'number' ? 'number' : 'text'}
                autoComplete={f.kind === 'secret' ? 'new-password' : 'off'}
                required={f.required && !(f.kind === 'secret' && stored)}
                placeholder={f.kind === 'secret' && stored ? tr('tersimpan', 'stored') : ''}
                value={String(values[f.key] ?? (f.kind === 'secret' ? '' : ''))}
                aria-describedby={hintId}
                onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
              />
              {hintId && (
                <p className="hint" id={hintId}>
                  {f.kind === 'secret' && stored ? tr('Tersimpan. Kosongkan untuk tetap memakai yang lama.', 'Stored. Leave empty to keep it.') : f.hint ? bi(f.hint) : ''}
                </p>
              )}
            </div>
          )
        })}
      </div>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <div className="buttons">
        <button type="submit" className="primary" disabled={busy}>
          {account ? tr('Simpan perubahan', 'Save changes') : tr('Hubungkan', 'Connect')}
        </button>
        <button type="button" onClick={onCancel}>
          {tr('Batal', 'Cancel')}
        </button>
      </div>
    </form>
  )
}

export function Channels() {
  const [items, setItems] = useState<ChannelAccount[] | null>(null)
  const [types, setTypes] = useState<TypeInfo[]>([])
  const [mode, setMode] = useState<{ kind: 'new' } | { kind: 'edit'; account: ChannelAccount } | null>(null)
  const [connected, setConnected] = useState<ChannelAccount | null>(null)
  const [tests, setTests] = useState<Record<string, TestResult | 'running'>>({})
  const [error, setError] = useState<string | null>(null)
  const [ok, setOk] = useState<string | null>(null)
  const load = () =>
    Promise.all([call<{ items: ChannelAccount[] }>('GET', '/api/channels'), call<{ items: TypeInfo[] }>('GET', '/api/channels/types')]).then(
      ([c, t]) => {
        setItems(c.items)
        setTypes(t.items)
      },
      (e) => setError(problemText(e)),
    )
  useEffect(() => {
    void load()
  }, [])
  const typeLabel = (t: string) => types.find((x) => x.type === t)?.label ?? t

  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url)
      setOk(tr('URL webhook disalin.', 'Webhook URL copied.'))
    } catch {
      setOk(tr('Salin manual: pilih teks URL lalu tekan Ctrl+C.', 'Copy by hand: select the URL and press Ctrl+C.'))
    }
  }
  async function test(a: ChannelAccount) {
    setTests({ ...tests, [a.id]: 'running' })
    try {
      const r = await call<TestResult>('POST', `/api/channels/${a.id}/test`)
      setTests((t) => ({ ...t, [a.id]: r }))
    } catch (err) {
      setTests((t) => ({ ...t, [a.id]: { ok: false, checks: [], message: { id: problemText(err), en: problemText(err) } } }))
    }
  }
  async function toggle(a: ChannelAccount) {
    setOk(null)
    setError(null)
    try {
      await call('PATCH', `/api/channels/${a.id}`, { active: !a.active })
      setOk(a.active ? tr(`${a.name} dinonaktifkan.`, `${a.name} deactivated.`) : tr(`${a.name} diaktifkan.`, `${a.name} activated.`))
      await load()
    } catch (err) {
      setError(problemText(err))
    }
  }

  return (
    <div>
      <h2>{tr('Kanal', 'Channels')}</h2>
      <p className="hint">{tr('Akun kanal yang terhubung. Kredensial tersimpan terenkripsi dan tidak pernah ditampilkan.', 'Connected channel accounts. Credentials are stored encrypted and never shown.')}</p>
      {connected && (
        <div className="settings-result-ok" role="status">
          <p style={{ margin: 0 }}>
            <strong>{tr(`${connected.name} terhubung.`, `${connected.name} connected.`)}</strong> {bi(types.find((t) => t.type === connected.type)?.webhookHint ?? { id: '', en: '' })}
          </p>
          <p style={{ margin: '.25rem 0 0' }}>
            <code className="settings-url">{connected.webhookUrl}</code>{' '}
            <button type="button" onClick={() => void copy(connected.webhookUrl)}>
              {tr('Salin URL', 'Copy URL')}
            </button>
          </p>
        </div>
      )}
      {items === null ? (
        !error && <p role="status">{tr('Memuat…', 'Loading…')}</p>
      ) : items.length === 0 ? (
        <p className="empty">{tr('Belum ada kanal terhubung.', 'No channels connected yet.')}</p>
      ) : (
        <div className="settings-table-wrap">
          <table className="settings-table">
            <caption className="sr-only">{tr('Daftar akun kanal', 'Channel accounts')}</caption>
            <thead>
              <tr>
                <th scope="col">{tr('Kanal dan URL webhook', 'Channel and webhook URL')}</th>
                <th scope="col">
                  <span className="sr-only">{tr('Tindakan', 'Actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => {
                const t = tests[c.id]
                return (
                  <tr key={c.id} className={c.active ? undefined : 'settings-inactive'}>
                    <td>
                      <strong>{c.name}</strong>
                      <span className="settings-sub">
                        {typeLabel(c.type)} · {c.active ? tr('Aktif', 'Active') : tr('Nonaktif', 'Inactive')}
                        {c.secretsStored.length > 0 && ` · ${tr('kredensial tersimpan', 'credentials stored')}`}
                      </span>
                      <span className="settings-sub">
                        <code className="settings-url">{c.webhookUrl}</code>{' '}
                        <button type="button" className="settings-small" aria-label={tr(`Salin URL webhook ${c.name}`, `Copy the webhook URL of ${c.name}`)} onClick={() => void copy(c.webhookUrl)}>
                          {tr('Salin', 'Copy')}
                        </button>
                      </span>
                      {t === 'running' && <p role="status">{tr('Menguji…', 'Testing…')}</p>}
                      {t && t !== 'running' && (
                        <div role="status" className={t.ok ? 'settings-result-ok' : 'alert'} style={{ marginTop: '.375rem' }}>
                          <strong>{t.ok ? tr('Uji berhasil: ', 'Test passed: ') : tr('Uji gagal: ', 'Test failed: ')}</strong>
                          {bi(t.message)}
                        </div>
                      )}
                    </td>
                    <td>
                      <div className="buttons settings-actions">
                        <button type="button" aria-label={tr(`Uji ${c.name}`, `Test ${c.name}`)} onClick={() => void test(c)} disabled={t === 'running'}>
                          {tr('Uji', 'Test')}
                        </button>
                        <button type="button" aria-label={tr(`Ubah ${c.name}`, `Edit ${c.name}`)} onClick={() => { setConnected(null); setMode({ kind: 'edit', account: c }) }}>
                          {tr('Ubah', 'Edit')}
                        </button>
                        <button type="button" aria-label={c.active ? tr(`Nonaktifkan ${c.name}`, `Deactivate ${c.name}`) : tr(`Aktifkan ${c.name}`, `Activate ${c.name}`)} onClick={() => void toggle(c)}>
                          {c.active ? tr('Nonaktifkan', 'Deactivate') : tr('Aktifkan', 'Activate')}
                        </button>
                      </div>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      <Status ok={ok} error={error} />
      {mode ? (
        <ChannelForm
          key={mode.kind === 'edit' ? mode.account.id : 'new'}
          types={types}
          account={mode.kind === 'edit' ? mode.account : null}
          onCancel={() => setMode(null)}
          onSaved={(a, created) => {
            setMode(null)
            setConnected(created ? a : null)
            setOk(created ? null : tr('Kanal diperbarui.', 'Channel updated.'))
            void load()
          }}
        />
      ) : (
        types.length > 0 && (
          <div className="buttons">
            <button type="button" className="primary" onClick={() => { setConnected(null); setMode({ kind: 'new' }) }}>
              {tr('Hubungkan kanal baru', 'Connect a new channel')}
            </button>
          </div>
        )
      )}
    </div>
  )
}
