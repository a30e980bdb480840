// Pengaturan > LAPOR! & 112 (super admins): the SP4N-LAPOR! bridge settings (token write-only,
// forward mode), its sync log with "sync now", the 112 command-centre settings and the open 112
// hand-offs (bridges-112.tsx). docs/BRIDGES.md describes both bridges.
import { useEffect, useState, type FormEvent } from 'react'
import { api, type Category } from '../api.ts'
import { tr } from '../i18n.ts'
import { call, problemText } from './http.ts'
import { Status } from './status.tsx'
import { E112Form, Handoffs, label, SECTION, when } from './bridges-112.tsx'

type Forward = 'all' | 'categories' | 'manual'
interface LaporConfig {
  configured: boolean
  enabled?: boolean
  endpoint?: string
  forward?: Forward
  categoryIds?: string[]
  fields?: Record<string, string>
  statusOut?: Record<string, string>
  statusOrder?: string[]
  pullEveryMinutes?: number
  hasToken?: boolean
  hasInboundToken?: boolean
}
interface LogItem {
  id: number
  direction: string
  action: string
  status: string
  reportId: string | null
  detail: Record<string, unknown> | null
  at: string
}

const ACTIONS: Record<string, [string, string]> = {
  forward: ['Teruskan laporan', 'Forward report'],
  push_status: ['Kirim status', 'Push status'],
  pull_report: ['Tarik status', 'Pull status'],
  pull_dispatches: ['Tarik disposisi', 'Pull dispatches'],
  dispatch: ['Disposisi masuk', 'Incoming dispatch'],
}
const RESULTS: Record<string, [string, string, string]> = {
  ok: ['Berhasil', 'Succeeded', ' status-closed'],
  retry: ['Diulang', 'Retrying', ' status-received'],
  failed: ['Gagal', 'Failed', ' sla-overdue'],
  skipped: ['Dilewati', 'Skipped', ''],
  conflict: ['Konflik', 'Conflict', ' status-received'],
}

const detailText = (d: Record<string, unknown> | null) => {
  if (!d) return ''
  if (typeof d.error === 'string') return d.error
  if (typeof d.laporId === 'string')
    return `LAPOR! ${d.laporId}${typeof d.trackingCode === 'string' ? ` · ${d.trackingCode}` : ''}`
  const pick = d.reason ?? d.message ?? d.status
  return typeof pick === 'string' ? pick : Object.keys(d).length ? JSON.stringify(d).slice(0, 120) : ''
}

export function BridgesSettings() {
  const [tenantId, setTenantId] = useState<string | null>(null)
  useEffect(() => {
    call<{ tenantId: string }>('GET', '/api/auth/session').then(
      (s) => setTenantId(s.tenantId),
      () => setTenantId(null),
    )
  }, [])
  const origin = typeof location === 'undefined' ? '' : location.origin
  return (
    <div>
      <h2>{tr('SP4N-LAPOR! & 112', 'SP4N-LAPOR! & 112')}</h2>
      <LaporForm inboundUrl={tenantId ? `${origin}/bridges/lapor/${tenantId}/dispatches` : null} />
      <SyncLog />
      <E112Form callbackUrl={tenantId ? `${origin}/bridges/emergency112/${tenantId}/callback` : null} />
      <Handoffs />
    </div>
  )
}

function LaporForm({ inboundUrl }: { inboundUrl: string | null }) {
  const [cfg, setCfg] = useState<LaporConfig | null>(null)
  const [cats, setCats] = useState<Category[]>([])
  const [enabled, setEnabled] = useState(false)
  const [endpoint, setEndpoint] = useState('')
  const [token, setToken] = useState('')
  const [inbound, setInbound] = useState('')
  const [forward, setForward] = useState<Forward>('manual')
  const [catIds, setCatIds] = useState<string[]>([])
  const [every, setEvery] = useState(5)
  const [ok, setOk] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const show = (c: LaporConfig) => {
    setCfg(c)
    setEnabled(c.enabled ?? false)
    setEndpoint(c.endpoint ?? '')
    setForward(c.forward ?? 'manual')
    setCatIds(c.categoryIds ?? [])
    setEvery(c.pullEveryMinutes ?? 5)
  }
  useEffect(() => {
    call<LaporConfig>('GET', '/api/bridges/lapor/config').then(show, (e) => setError(problemText(e)))
    api.categories().then(
      (r) => setCats(r.items),
      () => setCats([]),
    )
  }, [])

  async function save(e: FormEvent) {
    e.preventDefault()
    setOk(null)
    setError(null)
    try {
      const body = {
        enabled,
        endpoint: endpoint.trim(),
        forward,
        categoryIds: forward === 'categories' ? catIds : [],
        pullEveryMinutes: every,
        ...(cfg?.fields ? { fieldMap: cfg.fields } : {}),
        ...(cfg?.statusOut ? { statusOut: cfg.statusOut } : {}),
        ...(cfg?.statusOrder ? { statusOrder: cfg.statusOrder } : {}),
        ...(token.trim() ? { token: token.trim() } : {}),
        ...(inbound.trim() ? { inboundToken: inbound.trim() } : {}),
      }
      show(await call<LaporConfig>('PUT', '/api/bridges/lapor/config', body))
      setToken('')
      setInbound('')
      setOk(tr('Pengaturan LAPOR! tersimpan.', 'LAPOR! settings saved.'))
    } catch (err) {
      setError(problemText(err))
    }
  }

  const kept = tr('tersimpan; kosongkan untuk tidak mengubah', 'stored; leave empty to keep it')
  return (
    <form onSubmit={save} className="stack" aria-labelledby="lapor-title">
      <h3 id="lapor-title">{tr('Jembatan SP4N-LAPOR!', 'SP4N-LAPOR! bridge')}</h3>
      <p className="hint">
        {tr(
          'Laporan terverifikasi diteruskan ke LAPOR!; status dan tindak lanjut dari LAPOR! ditarik kembali secara berkala. Token hanya dapat ditulis, tidak pernah ditampilkan.',
          'Verified reports are forwarded to LAPOR!; statuses and follow-ups are pulled back periodically. Tokens are write-only and never shown.',
        )}
      </p>
      <label className="check">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        {tr('Aktifkan jembatan LAPOR!', 'Enable the LAPOR! bridge')}
      </label>
      <label htmlFor="lapor-endpoint">{tr('Alamat API LAPOR!', 'LAPOR! API address')}</label>
      <input
        id="lapor-endpoint"
        type="url"
        required
        placeholder="https://api.lapor.go.id/v3"
        value={endpoint}
        onChange={(e) => setEndpoint(e.target.value)}
      />
      <label htmlFor="lapor-token">
        {tr('Token API', 'API token')} {cfg?.hasToken && <span className="settings-sub">({kept})</span>}
      </label>
      <input
        id="lapor-token"
        type="password"
        autoComplete="new-password"
        value={token}
        onChange={(e) => setToken(e.target.value)}
      />
      <fieldset>
        <legend>{tr('Laporan yang diteruskan', 'Reports forwarded')}</legend>
        {(
          [
            ['all', tr('Semua laporan terverifikasi', 'Every verified report')],
            ['categories', tr('Hanya kategori terpilih', 'Only the chosen categories')],
            ['manual', tr('Manual, satu per satu oleh operator', 'Manually, one by one by an operator')],
          ] as [Forward, string][]
        ).map(([v, label]) => (
          <label className="check" key={v}>
            <input
              type="radio"
              name="lapor-forward"
              value={v}
              checked={forward === v}
              onChange={() => setForward(v)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      {forward === 'categories' && (
        <fieldset>
          <legend>{tr('Kategori yang diteruskan', 'Categories forwarded')}</legend>
          <div className="agency-grid">
            {cats.map((c) => (
              <label className="check" key={c.id}>
                <input
                  type="checkbox"
                  checked={catIds.includes(c.id)}
                  onChange={(e) =>
                    setCatIds(e.target.checked ? [...catIds, c.id] : catIds.filter((x) => x !== c.id))
                  }
                />
                {c.name}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <label htmlFor="lapor-every">
        {tr('Tarik status setiap (menit)', 'Pull statuses every (minutes)')}
      </label>
      <input
        id="lapor-every"
        type="number"
        min={1}
        max={1440}
        value={every}
        onChange={(e) => setEvery(Number(e.target.value))}
      />
      <label htmlFor="lapor-inbound">
        {tr(
          'Token masuk (LAPOR! mengirim disposisi ke aduan)',
          'Inbound token (LAPOR! pushes dispatches to aduan)',
        )}{' '}
        {cfg?.hasInboundToken && <span className="settings-sub">({kept})</span>}
      </label>
      <input
        id="lapor-inbound"
        type="password"
        autoComplete="new-password"
        minLength={16}
        value={inbound}
        onChange={(e) => setInbound(e.target.value)}
      />
      {inboundUrl && (
        <p className="hint">
          {tr('Alamat untuk LAPOR!:', 'Address for LAPOR!:')}{' '}
          <code className="settings-url">{inboundUrl}</code>
        </p>
      )}
      <Status ok={ok} error={error} />
      <button type="submit" className="primary">
        {tr('Simpan pengaturan LAPOR!', 'Save LAPOR! settings')}
      </button>
    </form>
  )
}

function SyncLog() {
  const [items, setItems] = useState<LogItem[] | null>(null)
  const [ok, setOk] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = () =>
    call<{ items: LogItem[] }>('GET', '/api/bridges/log?system=lapor&limit=50').then(
      (r) => setItems(r.items),
      (e) => setError(problemText(e)),
    )
  useEffect(() => {
    void load()
  }, [])
  async function sync() {
    setOk(null)
    setError(null)
    try {
      const r = await call<{ queued: boolean }>('POST', '/api/bridges/lapor/sync')
      setOk(
        r.queued
          ? tr('Sinkronisasi dijadwalkan.', 'Sync queued.')
          : tr('Sinkronisasi sudah dalam antrean.', 'A sync is already queued.'),
      )
      await load()
    } catch (err) {
      setError(problemText(err))
    }
  }
  return (
    <section aria-labelledby="lapor-log-title" style={SECTION}>
      <h3 id="lapor-log-title">{tr('Log sinkronisasi LAPOR!', 'LAPOR! sync log')}</h3>
      <div className="buttons">
        <button type="button" onClick={() => void sync()}>
          {tr('Sinkronkan sekarang', 'Sync now')}
        </button>
        <button type="button" onClick={() => void load()}>
          {tr('Muat ulang', 'Reload')}
        </button>
      </div>
      <Status ok={ok} error={error} />
      {items === null ? (
        !error && <p role="status">{tr('Memuat…', 'Loading…')}</p>
      ) : items.length === 0 ? (
        <p className="empty">{tr('Belum ada sinkronisasi.', 'Nothing synced yet.')}</p>
      ) : (
        <div className="settings-table-wrap">
          <table className="settings-table" aria-label={tr('Log sinkronisasi LAPOR!', 'LAPOR! sync log')}>
            <thead>
              <tr>
                <th scope="col">{tr('Waktu', 'Time')}</th>
                <th scope="col">{tr('Arah', 'Direction')}</th>
                <th scope="col">{tr('Tindakan', 'Action')}</th>
                <th scope="col">{tr('Hasil', 'Result')}</th>
                <th scope="col">{tr('Keterangan', 'Detail')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((l) => (
                <tr key={l.id}>
                  <td>{when(l.at)}</td>
                  <td>{l.direction === 'out' ? tr('Keluar', 'Out') : tr('Masuk', 'In')}</td>
                  <td>{label(ACTIONS, l.action)}</td>
                  <td>
                    <span className={`badge${RESULTS[l.status]?.[2] ?? ''}`}>{label(RESULTS, l.status)}</span>
                  </td>
                  <td className="settings-url">{detailText(l.detail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
