// Pengaturan > LAPOR! & 112, the 112 half: the command-centre settings (tokens write-only) and the
// open hand-offs (emergency reports waiting for an agency to confirm it acted).
import { useEffect, useState, type FormEvent } from 'react'
import { tr } from '../i18n.ts'
import { call, problemText } from './http.ts'
import { Status } from './status.tsx'

export const label = (m: Record<string, [string, string, ...string[]]>, k: string) =>
  m[k] ? tr(m[k][0], m[k][1]) : k
/** Sections of the tab, set apart by a rule. */
export const SECTION = {
  borderTop: '1px solid var(--border)',
  marginTop: '1.5rem',
  paddingTop: '.75rem',
} as const
export const when = (iso: string) =>
  new Date(iso).toLocaleString(tr('id-ID', 'en-GB'), { dateStyle: 'medium', timeStyle: 'short' })

interface E112Config {
  configured: boolean
  enabled?: boolean
  endpoint?: string
  centreName?: string
  phone?: string
  actDeadlineMinutes?: number
  shareContact?: boolean
  hasToken?: boolean
  hasCallbackToken?: boolean
}
interface Handoff {
  id: string
  reportId: string
  trackingCode: string
  emergencyType: string | null
  status: string
  dueAt: string
  overdue: boolean
  attempts: number
  lastError: string | null
  createdAt: string
}
const HANDOFF_STATUS: Record<string, [string, string]> = {
  pending: ['Menunggu terkirim', 'Not yet delivered'],
  delivered: ['Terkirim ke 112', 'Delivered to 112'],
  accepted: ['Diterima 112', 'Accepted by 112'],
  acted: ['Ditangani', 'Acted on'],
  rejected: ['Ditolak 112', 'Rejected by 112'],
}

export function E112Form({ callbackUrl }: { callbackUrl: string | null }) {
  const [cfg, setCfg] = useState<E112Config | null>(null)
  const [f, setF] = useState({
    enabled: false,
    endpoint: '',
    centreName: 'Command Center 112',
    phone: '112',
    actDeadlineMinutes: 60,
    shareContact: true,
  })
  const [token, setToken] = useState('')
  const [cb, setCb] = useState('')
  const [ok, setOk] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const show = (c: E112Config) => {
    setCfg(c)
    if (c.configured)
      setF({
        enabled: c.enabled ?? false,
        endpoint: c.endpoint ?? '',
        centreName: c.centreName ?? '',
        phone: c.phone ?? '112',
        actDeadlineMinutes: c.actDeadlineMinutes ?? 60,
        shareContact: c.shareContact ?? true,
      })
  }
  useEffect(() => {
    call<E112Config>('GET', '/api/bridges/emergency112/config').then(show, (e) => setError(problemText(e)))
  }, [])
  async function save(e: FormEvent) {
    e.preventDefault()
    setOk(null)
    setError(null)
    try {
      const body = {
        ...f,
        endpoint: f.endpoint.trim(),
        ...(token.trim() ? { token: token.trim() } : {}),
        ...(cb.trim() ? { callbackToken: cb.trim() } : {}),
      }
      show(await call<E112Config>('PUT', '/api/bridges/emergency112/config', body))
      setToken('')
      setCb('')
      setOk(tr('Pengaturan 112 tersimpan.', '112 settings saved.'))
    } catch (err) {
      setError(problemText(err))
    }
  }
  const kept = tr('tersimpan; kosongkan untuk tidak mengubah', 'stored; leave empty to keep it')
  return (
    <form onSubmit={save} className="stack" aria-labelledby="e112-title" style={SECTION}>
      <h3 id="e112-title">{tr('Sambungan Command Center 112', '112 command centre hand-off')}</h3>
      <label className="check">
        <input
          type="checkbox"
          checked={f.enabled}
          onChange={(e) => setF({ ...f, enabled: e.target.checked })}
        />
        {tr('Teruskan laporan darurat ke 112', 'Hand emergency reports to 112')}
      </label>
      <label htmlFor="e112-endpoint">
        {tr('Alamat API 112 (URL insiden)', '112 API address (incident URL)')}
      </label>
      <input
        id="e112-endpoint"
        type="url"
        required
        placeholder="https://112.contoh.go.id/api/insiden"
        value={f.endpoint}
        onChange={(e) => setF({ ...f, endpoint: e.target.value })}
      />
      <label htmlFor="e112-token">
        {tr('Token API 112', '112 API token')}{' '}
        {cfg?.hasToken && <span className="settings-sub">({kept})</span>}
      </label>
      <input
        id="e112-token"
        type="password"
        autoComplete="new-password"
        value={token}
        onChange={(e) => setToken(e.target.value)}
      />
      <label htmlFor="e112-name">{tr('Nama pusat panggilan', 'Centre name')}</label>
      <input
        id="e112-name"
        type="text"
        required
        minLength={3}
        value={f.centreName}
        onChange={(e) => setF({ ...f, centreName: e.target.value })}
      />
      <label htmlFor="e112-phone">
        {tr('Nomor yang disampaikan ke pelapor', 'Number told to reporters')}
      </label>
      <input
        id="e112-phone"
        type="text"
        required
        value={f.phone}
        onChange={(e) => setF({ ...f, phone: e.target.value })}
      />
      <label htmlFor="e112-deadline">
        {tr(
          'Batas konfirmasi penanganan oleh instansi (menit)',
          'Deadline for the agency to confirm action (minutes)',
        )}
      </label>
      <input
        id="e112-deadline"
        type="number"
        min={5}
        max={10080}
        value={f.actDeadlineMinutes}
        onChange={(e) => setF({ ...f, actDeadlineMinutes: Number(e.target.value) })}
      />
      <label className="check">
        <input
          type="checkbox"
          checked={f.shareContact}
          onChange={(e) => setF({ ...f, shareContact: e.target.checked })}
        />
        {tr(
          'Kirim kontak pelapor agar 112 dapat menelepon balik (tidak pernah untuk laporan anonim)',
          'Send the reporter’s contact so 112 can call back (never for anonymous reports)',
        )}
      </label>
      <label htmlFor="e112-callback">
        {tr('Token callback (112 melaporkan kembali)', 'Callback token (112 reports back)')}{' '}
        {cfg?.hasCallbackToken && <span className="settings-sub">({kept})</span>}
      </label>
      <input
        id="e112-callback"
        type="password"
        autoComplete="new-password"
        minLength={16}
        value={cb}
        onChange={(e) => setCb(e.target.value)}
      />
      {callbackUrl && (
        <p className="hint">
          {tr('Alamat callback untuk 112:', 'Callback address for 112:')}{' '}
          <code className="settings-url">{callbackUrl}</code>
        </p>
      )}
      <Status ok={ok} error={error} />
      <button type="submit" className="primary">
        {tr('Simpan pengaturan 112', 'Save 112 settings')}
      </button>
    </form>
  )
}

export function Handoffs() {
  const [items, setItems] = useState<Handoff[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    call<{ items: Handoff[] }>('GET', '/api/bridges/emergency112/handoffs?open=true').then(
      (r) => setItems(r.items),
      (e) => setError(problemText(e)),
    )
  }, [])
  return (
    <section aria-labelledby="handoffs-title" style={SECTION}>
      <h3 id="handoffs-title">{tr('Penanganan 112 yang masih terbuka', 'Open 112 hand-offs')}</h3>
      <Status ok={null} error={error} />
      {items === null ? (
        !error && <p role="status">{tr('Memuat…', 'Loading…')}</p>
      ) : items.length === 0 ? (
        <p className="empty">{tr('Tidak ada penanganan 112 yang terbuka.', 'No open 112 hand-offs.')}</p>
      ) : (
        <div className="settings-table-wrap">
          <table className="settings-table" aria-label={tr('Penanganan 112 terbuka', 'Open 112 hand-offs')}>
            <thead>
              <tr>
                <th scope="col">{tr('Laporan', 'Report')}</th>
                <th scope="col">{tr('Jenis darurat', 'Emergency')}</th>
                <th scope="col">{tr('Status', 'Status')}</th>
                <th scope="col">{tr('Batas konfirmasi', 'Confirm by')}</th>
                <th scope="col">{tr('Percobaan', 'Attempts')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((h) => (
                <tr key={h.id}>
                  <td>
                    <a href={`/admin/laporan/${h.reportId}`} style={{ whiteSpace: 'nowrap' }}>
                      {h.trackingCode}
                    </a>
                  </td>
                  <td>{h.emergencyType ?? '—'}</td>
                  <td>
                    {label(HANDOFF_STATUS, h.status)}
                    {h.lastError && <span className="settings-sub">{h.lastError}</span>}
                  </td>
                  <td className={h.overdue ? 'sla-overdue' : undefined}>
                    {when(h.dueAt)} {h.overdue && tr('(terlambat)', '(overdue)')}
                  </td>
                  <td>{h.attempts}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
