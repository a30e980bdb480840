// Pengaturan > Data & privasi: the tenant's JSON-lines export and an import (super admins), and
// reporters' personal-data requests under UU PDP with the erasure action (operators and super
// admins). docs/PORTABILITY.md describes the format and what an erasure keeps and removes.
import { useEffect, useState, type FormEvent } from 'react'
import { ApiError, type SessionInfo } from '../api.ts'
import { tr } from '../i18n.ts'
import { call, problemText } from './http.ts'
import { Status } from './status.tsx'

interface PdpRequest {
  id: string
  kind: 'access' | 'erasure'
  status: 'pending' | 'done' | 'rejected'
  trackingCode: string
  reportId: string
  reason: string | null
  requestedAt: string
  dueAt: string
  overdue: boolean
  executedAt: string | null
  summary: Record<string, number>
}

/** A download link that looks like the primary button. */
const LINK_BUTTON = {
  display: 'inline-block',
  padding: '.5rem .875rem',
  borderRadius: '.375rem',
  background: 'var(--brand)',
  color: '#fff',
  fontWeight: 600,
  textDecoration: 'none',
} as const
const DANGER = { borderColor: '#a3170a', color: '#a3170a', fontWeight: 600, whiteSpace: 'nowrap' } as const
/** Sections of the tab, set apart by a rule. */
const SECTION = { borderTop: '1px solid var(--border)', marginTop: '1.5rem', paddingTop: '.75rem' } as const

const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString(tr('id-ID', 'en-GB'), { dateStyle: 'medium', timeStyle: 'short' }) : '—'

export function DataSettings({ session }: { session: SessionInfo }) {
  const superAdmin = session.roles.includes('super_admin')
  return (
    <div>
      <h2>{tr('Data & privasi', 'Data & privacy')}</h2>
      {superAdmin && <ExportImport csrf={session.csrfToken} />}
      <PdpRequests />
    </div>
  )
}

function ExportImport({ csrf }: { csrf: string | null }) {
  const [withSecrets, setWithSecrets] = useState(false)
  const [file, setFile] = useState<File | null>(null)
  const [slug, setSlug] = useState('')
  const [busy, setBusy] = useState(false)
  const [ok, setOk] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function upload(e: FormEvent) {
    e.preventDefault()
    if (!file) return
    setBusy(true)
    setOk(null)
    setError(null)
    try {
      const res = await fetch(
        `/api/import${slug.trim() ? `?tenantSlug=${encodeURIComponent(slug.trim())}` : ''}`,
        {
          method: 'POST',
          credentials: 'same-origin',
          headers: {
            'content-type': 'application/x-ndjson',
            accept: 'application/json',
            ...(csrf ? { 'x-csrf-token': csrf } : {}),
          },
          body: file,
        },
      )
      const body = (await res.json().catch(() => ({}))) as {
        slug?: string
        created?: boolean
        read?: Record<string, number>
        inserted?: Record<string, number>
        message?: { id: string; en: string }
        code?: string
      }
      if (!res.ok)
        throw new ApiError(
          res.status,
          body.code ?? `http_${res.status}`,
          body.message ?? {
            id: `Impor gagal (HTTP ${res.status}).`,
            en: `Import failed (HTTP ${res.status}).`,
          },
          body,
        )
      const sum = (o: Record<string, number> = {}) => Object.values(o).reduce((s, v) => s + v, 0)
      setOk(
        tr(
          `Impor ke "${body.slug}" selesai${body.created ? ' (pemda baru)' : ''}: ${sum(body.inserted)} catatan baru dari ${sum(body.read)}, termasuk ${body.inserted?.report ?? 0} laporan.`,
          `Imported into "${body.slug}"${body.created ? ' (new tenant)' : ''}: ${sum(body.inserted)} new records of ${sum(body.read)}, ${body.inserted?.report ?? 0} reports.`,
        ),
      )
    } catch (err) {
      setError(problemText(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <section aria-labelledby="export-title">
        <h3 id="export-title">{tr('Ekspor data', 'Export')}</h3>
        <p className="hint">
          {tr(
            'Seluruh pengaturan dan laporan pemda ini dalam satu berkas JSON lines (satu catatan per baris). Berkas berisi data pribadi pelapor: simpan di tempat yang aman.',
            'All settings and reports of this tenant in one JSON-lines file (one record per line). The file holds reporters’ personal data: keep it safe.',
          )}
        </p>
        <label className="check">
          <input type="checkbox" checked={withSecrets} onChange={(e) => setWithSecrets(e.target.checked)} />
          {tr(
            'Sertakan rahasia kanal dan integrasi (tetap terenkripsi; hanya terbuka dengan SECRET_KEY yang sama)',
            'Include channel and integration secrets (still encrypted; they open only with the same SECRET_KEY)',
          )}
        </label>
        <p>
          <a style={LINK_BUTTON} href={`/api/export${withSecrets ? '?withSecrets=true' : ''}`} download>
            {tr('Unduh ekspor (.jsonl)', 'Download export (.jsonl)')}
          </a>
        </p>
      </section>
      <form onSubmit={upload} className="stack" aria-labelledby="import-title" style={SECTION}>
        <h3 id="import-title">{tr('Impor data', 'Import')}</h3>
        <p className="hint">
          {tr(
            'Membaca berkas ekspor ke pemda baru (atau melanjutkan impor yang terputus). Mengimpor berkas yang sama dua kali tidak menggandakan apa pun.',
            'Reads an export file into a new tenant (or resumes an interrupted import). Importing the same file twice duplicates nothing.',
          )}
        </p>
        <label htmlFor="import-file">{tr('Berkas ekspor (.jsonl)', 'Export file (.jsonl)')}</label>
        <input
          id="import-file"
          type="file"
          accept=".jsonl,.ndjson,application/x-ndjson"
          required
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <label htmlFor="import-slug">
          {tr(
            'Slug pemda tujuan (kosongkan untuk memakai slug di berkas)',
            'Target tenant slug (empty: the one in the file)',
          )}
        </label>
        <input
          id="import-slug"
          type="text"
          pattern="[a-z0-9][a-z0-9\-]{1,62}"
          placeholder="kab-contoh"
          value={slug}
          onChange={(e) => setSlug(e.target.value)}
        />
        <Status ok={ok} error={error} />
        <button type="submit" disabled={busy || !file}>
          {busy ? tr('Mengimpor…', 'Importing…') : tr('Impor berkas', 'Import the file')}
        </button>
      </form>
    </>
  )
}

function PdpRequests() {
  const [kind, setKind] = useState<'erasure' | 'access' | ''>('erasure')
  const [items, setItems] = useState<PdpRequest[] | null>(null)
  const [ok, setOk] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = (k = kind) =>
    call<{ items: PdpRequest[] }>('GET', `/api/pdp-requests${k ? `?kind=${k}` : ''}`).then(
      (r) => setItems(r.items),
      (e) => setError(problemText(e)),
    )
  useEffect(() => {
    void load()
  }, [])

  async function execute(r: PdpRequest) {
    const sure = window.confirm(
      tr(
        `Hapus identitas pelapor ${r.trackingCode}? Nama, nomor, e-mail, akun kanal dan foto asli dihapus permanen; isi laporan (tanpa identitas), status dan riwayat tetap.`,
        `Erase the identity of the reporter of ${r.trackingCode}? Name, number, e-mail, channel accounts and original photos are removed for good; the report (without identity), status and history stay.`,
      ),
    )
    if (!sure) return
    setOk(null)
    setError(null)
    try {
      const res = await call<{ summary: Record<string, number> }>(
        'POST',
        `/api/pdp-requests/${encodeURIComponent(r.id)}/execute`,
      )
      setOk(
        tr(
          `Identitas pelapor ${r.trackingCode} dihapus (${res.summary.reports ?? 0} laporan, ${res.summary.messages ?? 0} pesan).`,
          `The identity of the reporter of ${r.trackingCode} was erased (${res.summary.reports ?? 0} reports, ${res.summary.messages ?? 0} messages).`,
        ),
      )
      await load()
    } catch (err) {
      setError(problemText(err))
    }
  }

  const statusText = (r: PdpRequest) =>
    r.status === 'done'
      ? tr('Selesai', 'Done')
      : r.status === 'rejected'
        ? tr('Ditolak', 'Rejected')
        : r.overdue
          ? tr('Terlambat', 'Overdue')
          : tr('Menunggu', 'Pending')

  return (
    <section aria-labelledby="pdp-title" style={SECTION}>
      <h3 id="pdp-title">{tr('Permintaan data pribadi (UU PDP)', 'Personal-data requests (UU PDP)')}</h3>
      <p className="hint">
        {tr(
          'Pelapor melihat datanya dan meminta penghapusan identitas lewat tautan pribadi laporannya. UU No. 27/2022 mewajibkan penghapusan paling lambat 3 x 24 jam setelah permintaan.',
          'Reporters see their data and ask for their identity to be erased through their report’s private link. Law No. 27/2022 requires erasure within 3 x 24 hours of the request.',
        )}
      </p>
      <label htmlFor="pdp-kind">{tr('Jenis permintaan', 'Kind of request')}</label>
      <select
        id="pdp-kind"
        value={kind}
        onChange={(e) => {
          const k = e.target.value as typeof kind
          setKind(k)
          void load(k)
        }}
      >
        <option value="erasure">{tr('Penghapusan', 'Erasure')}</option>
        <option value="access">{tr('Akses data', 'Access')}</option>
        <option value="">{tr('Semua', 'All')}</option>
      </select>
      <Status ok={ok} error={error} />
      {items === null ? (
        !error && <p role="status">{tr('Memuat…', 'Loading…')}</p>
      ) : items.length === 0 ? (
        <p className="empty">{tr('Belum ada permintaan.', 'No requests yet.')}</p>
      ) : (
        <div className="settings-table-wrap">
          <table
            className="settings-table"
            aria-label={tr('Daftar permintaan data pribadi', 'Personal-data requests')}
          >
            <thead>
              <tr>
                <th scope="col">{tr('Laporan', 'Report')}</th>
                {kind === '' && <th scope="col">{tr('Jenis', 'Kind')}</th>}
                <th scope="col">{tr('Diajukan', 'Requested')}</th>
                <th scope="col">{tr('Batas waktu', 'Due')}</th>
                <th scope="col">{tr('Status', 'Status')}</th>
                <th scope="col">
                  <span className="sr-only">{tr('Tindakan', 'Action')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id}>
                  <td>
                    <a href={`/admin/laporan/${r.reportId}`} style={{ whiteSpace: 'nowrap' }}>
                      {r.trackingCode}
                    </a>
                    {r.reason && <span className="settings-sub">{r.reason}</span>}
                  </td>
                  {kind === '' && (
                    <td>
                      {r.kind === 'erasure' ? tr('Penghapusan', 'Erasure') : tr('Akses data', 'Access')}
                    </td>
                  )}
                  <td>{when(r.requestedAt)}</td>
                  <td>{r.kind === 'erasure' ? when(r.dueAt) : '—'}</td>
                  <td>
                    <span
                      className={`badge${r.status === 'done' ? ' status-closed' : r.overdue ? ' sla-overdue' : ' status-received'}`}
                    >
                      {statusText(r)}
                    </span>
                    {r.executedAt && <span className="settings-sub">{when(r.executedAt)}</span>}
                  </td>
                  <td>
                    {r.kind === 'erasure' && r.status === 'pending' && (
                      <button
                        type="button"
                        style={DANGER}
                        onClick={() => void execute(r)}
                        aria-label={tr(
                          `Hapus identitas pelapor ${r.trackingCode}`,
                          `Erase the identity of the reporter of ${r.trackingCode}`,
                        )}
                      >
                        {tr('Hapus identitas', 'Erase identity')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
