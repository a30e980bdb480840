// Pengaturan > Kanal: channel accounts and their webhook URLs (never secrets).
import { useEffect, useState } from 'react'
import { call, problemText } from './http.ts'
import { Status } from './status.tsx'

interface ChannelAccount {
  id: string
  type: string
  name: string
  active: boolean
  webhookUrl: string
  createdAt: string
}

export function Channels() {
  const [items, setItems] = useState<ChannelAccount[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [ok, setOk] = useState<string | null>(null)
  useEffect(() => {
    call<{ items: ChannelAccount[] }>('GET', '/api/channels').then(
      (r) => setItems(r.items),
      (e) => setError(problemText(e)),
    )
  }, [])
  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url)
      setOk('URL webhook disalin.')
    } catch {
      setOk('Salin manual: pilih teks URL lalu tekan Ctrl+C.')
    }
  }
  return (
    <div>
      <h2>Kanal</h2>
      <p className="hint">
        Akun kanal yang terhubung. Kredensial tersimpan terenkripsi dan tidak pernah ditampilkan.
      </p>
      {items === null ? (
        !error && <p role="status">Memuat…</p>
      ) : items.length === 0 ? (
        <p className="empty">Belum ada kanal terhubung.</p>
      ) : (
        <div className="settings-table-wrap">
          <table className="settings-table">
            <caption className="sr-only">Daftar akun kanal</caption>
            <thead>
              <tr>
                <th scope="col">Jenis</th>
                <th scope="col">Nama</th>
                <th scope="col">Status</th>
                <th scope="col">URL webhook</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <td>{c.type}</td>
                  <td>{c.name}</td>
                  <td>{c.active ? 'Aktif' : 'Nonaktif'}</td>
                  <td>
                    <code className="settings-url">{c.webhookUrl}</code>{' '}
                    <button
                      type="button"
                      aria-label={`Salin URL webhook ${c.name}`}
                      onClick={() => void copy(c.webhookUrl)}
                    >
                      Salin
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Status ok={ok} error={error} />
    </div>
  )
}
