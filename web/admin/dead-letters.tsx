// Pesan gagal diproses (/admin/pesan-gagal): inbound events that kept failing (dead) or could not
// be parsed (failed). Operators see the channel, when it arrived, the attempts and the error, and
// replay after the cause is fixed; the raw payload is shown to super admins only (the server
// enforces it: GET /api/inbound-events/{id} answers 403 to anyone else).
import { useCallback, useEffect, useState } from 'react'
import { api } from './api.ts'
import { tr } from './i18n.ts'
import { call, problemText, setSettingsCsrf } from './settings/http.ts'
import './settings/settings.css'

interface DeadLetter {
  id: number
  status: 'dead' | 'failed'
  channelType: string
  channelName: string | null
  receivedAt: string
  attempts: number
  lastError: string | null
}

interface Detail {
  id: number
  providerEventId: string
  headers: Record<string, string>
  body: string
}

const fmt = (iso: string) => new Date(iso).toLocaleString('id-ID', { dateStyle: 'medium', timeStyle: 'short' })

export function DeadLettersPage() {
  const [items, setItems] = useState<DeadLetter[] | null>(null)
  const [superAdmin, setSuperAdmin] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [ok, setOk] = useState<string | null>(null)
  const [busy, setBusy] = useState<number | null>(null)
  const [detail, setDetail] = useState<Detail | null>(null)

  const load = useCallback(() => {
    call<{ items: DeadLetter[] }>('GET', '/api/inbound-events/dead?limit=200').then(
      (r) => setItems(r.items),
      (e) => setError(problemText(e)),
    )
  }, [])
  useEffect(() => {
    api.session().then(
      (s) => {
        setSettingsCsrf(s.csrfToken)
        setSuperAdmin(s.roles.includes('super_admin'))
        load()
      },
      (e) => setError(problemText(e)),
    )
  }, [load])

  async function replay(d: DeadLetter) {
    setBusy(d.id)
    setError(null)
    setOk(null)
    try {
      const r = await call<{ outcome: string; events: number }>('POST', `/api/inbound-events/${d.id}/replay`)
      setOk(
        r.outcome === 'queued'
          ? tr(`Pesan #${d.id} diproses ulang.`, `Event #${d.id} queued again.`)
          : tr(`Pesan #${d.id} sudah diproses; tidak ada yang diulang.`, `Event #${d.id} was already handled; nothing replayed.`),
      )
      load()
    } catch (e) {
      setError(problemText(e))
    } finally {
      setBusy(null)
    }
  }

  async function inspect(d: DeadLetter) {
    setError(null)
    try {
      setDetail(await call<Detail>('GET', `/api/inbound-events/${d.id}`))
    } catch (e) {
      setError(problemText(e))
    }
  }

  return (
    <section aria-labelledby="dl-title">
      <h1 id="dl-title">{tr('Pesan gagal diproses', 'Failed inbound messages')}</h1>
      <p className="hint">
        {tr(
          'Pesan warga yang gagal diproses setelah beberapa kali dicoba, atau tidak dapat dibaca. Perbaiki penyebabnya, lalu proses ulang: pesan yang sudah tercatat tidak akan tergandakan.',
          'Citizen messages that kept failing or could not be read. Fix the cause, then replay: a message already recorded is never duplicated.',
        )}
      </p>
      <p className="ok" role="status">
        {ok ?? ''}
      </p>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {items === null ? (
        !error && <p role="status">{tr('Memuat…', 'Loading…')}</p>
      ) : items.length === 0 ? (
        <p className="empty">{tr('Tidak ada pesan gagal. Semua pesan masuk sudah diproses.', 'No failed messages. Every inbound message was processed.')}</p>
      ) : (
        <div className="settings-table-wrap">
          <table className="settings-table">
            <caption className="sr-only">{tr('Daftar pesan gagal diproses', 'Failed inbound messages')}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{tr('Kanal', 'Channel')}</th>
                <th scope="col">{tr('Diterima', 'Received')}</th>
                <th scope="col">{tr('Status', 'Status')}</th>
                <th scope="col">{tr('Percobaan', 'Attempts')}</th>
                <th scope="col">{tr('Galat terakhir', 'Last error')}</th>
                <th scope="col">{tr('Tindakan', 'Actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <td>{d.id}</td>
                  <td>
                    {d.channelType}
                    {d.channelName ? ` · ${d.channelName}` : ''}
                  </td>
                  <td>
                    <time dateTime={d.receivedAt}>{fmt(d.receivedAt)}</time>
                  </td>
                  <td>{d.status === 'dead' ? tr('Gagal diproses', 'Processing failed') : tr('Tidak terbaca', 'Unparsable')}</td>
                  <td>{d.attempts}</td>
                  <td>
                    <code>{d.lastError ?? '—'}</code>
                  </td>
                  <td>
                    <button
                      type="button"
                      disabled={busy === d.id}
                      aria-label={tr(`Proses ulang pesan ${d.id}`, `Replay event ${d.id}`)}
                      onClick={() => void replay(d)}
                    >
                      {tr('Proses ulang', 'Replay')}
                    </button>{' '}
                    {superAdmin && (
                      <button type="button" className="ghost" aria-label={tr(`Lihat data mentah pesan ${d.id}`, `Show raw payload of event ${d.id}`)} onClick={() => void inspect(d)}>
                        {tr('Data mentah', 'Raw payload')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {detail && (
        <section className="card" aria-labelledby="dl-raw-title">
          <h2 id="dl-raw-title">{tr(`Data mentah pesan #${detail.id}`, `Raw payload of event #${detail.id}`)}</h2>
          <p className="hint">
            {tr('Berisi data pribadi warga. Jangan disalin ke luar sistem.', 'Contains personal data. Do not copy it outside the system.')}
          </p>
          <pre tabIndex={0} style={{ maxHeight: '20rem', overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {detail.body}
          </pre>
          <button type="button" onClick={() => setDetail(null)}>
            {tr('Tutup', 'Close')}
          </button>
        </section>
      )}
    </section>
  )
}
