// The reporter's identities on every channel, in the conversation view's side panel: the other
// identities of this contact, a search for a contact (name, phone, handle) to link as the same
// person, and unlinking an identity again. The server refuses contacts with an anonymous or
// whistle-blowing report (and never offers them in the search).
import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { api } from './api.ts'
import { tr } from './i18n.ts'
import { channelLabel } from './labels.ts'
import type { ChannelType } from '../../src/reports/model.ts'
import { call, problemText, setSettingsCsrf } from './settings/http.ts'

interface Identity {
  id?: string
  channelType: string
  externalId: string
  displayName: string | null
}
interface ContactView {
  id: string
  name: string | null
  protected: boolean
  identities: Identity[]
  conversations: number
  reports: number
}
interface Found {
  id: string
  name: string | null
  phone: string | null
  email: string | null
  identities: Identity[]
}

const label = (i: Identity) => `${channelLabel(i.channelType as ChannelType)} · ${i.displayName ? `${i.displayName} (${i.externalId})` : i.externalId}`

export function ContactLinks({ contactId }: { contactId: string }) {
  const [view, setView] = useState<ContactView | null>(null)
  const [q, setQ] = useState('')
  const [found, setFound] = useState<Found[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [ok, setOk] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const load = useCallback(() => {
    call<ContactView>('GET', `/api/contacts/${contactId}`).then(setView, (e) => setError(problemText(e)))
  }, [contactId])
  useEffect(() => {
    api.session().then(
      (s) => setSettingsCsrf(s.csrfToken),
      () => {},
    )
    load()
  }, [load])

  async function search(e: FormEvent) {
    e.preventDefault()
    setError(null)
    setOk(null)
    try {
      const r = await call<{ items: Found[] }>('GET', `/api/contacts?q=${encodeURIComponent(q.trim())}`)
      setFound(r.items.filter((c) => c.id !== contactId))
    } catch (err) {
      setError(problemText(err))
    }
  }

  async function act(run: () => Promise<unknown>, done: string) {
    setBusy(true)
    setError(null)
    setOk(null)
    try {
      await run()
      setOk(done)
      setFound(null)
      setQ('')
      load()
    } catch (err) {
      setError(problemText(err))
    } finally {
      setBusy(false)
    }
  }

  if (!view) return error ? <p className="alert" role="alert">{error}</p> : null
  return (
    <section aria-labelledby="links-title" className="contact-links">
      <h2 id="links-title">{tr('Identitas pelapor', 'Reporter identities')}</h2>
      <ul className="plain">
        {view.identities.map((i) => (
          <li key={i.id}>
            {label(i)}{' '}
            {view.identities.length > 1 && (
              <button
                type="button"
                className="ghost"
                disabled={busy}
                aria-label={tr(`Pisahkan identitas ${label(i)}`, `Unlink identity ${label(i)}`)}
                onClick={() =>
                  void act(
                    () => call('DELETE', `/api/contacts/${contactId}/identities/${i.id}`),
                    tr('Identitas dipisahkan menjadi kontak baru.', 'Identity unlinked into a new contact.'),
                  )
                }
              >
                {tr('Pisahkan', 'Unlink')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {view.protected ? (
        <p className="hint">
          {tr(
            'Kontak ini terkait laporan anonim atau tentang pejabat, jadi tidak dapat ditautkan.',
            'This contact has an anonymous or whistle-blowing report, so it cannot be linked.',
          )}
        </p>
      ) : (
        <form onSubmit={(e) => void search(e)} role="search">
          <label htmlFor={`link-q-${contactId}`}>{tr('Tautkan kontak lain (orang yang sama)', 'Link another contact (same person)')}</label>
          <input
            id={`link-q-${contactId}`}
            value={q}
            minLength={2}
            maxLength={100}
            placeholder={tr('Nama, nomor HP, atau akun', 'Name, phone or handle')}
            onChange={(e) => setQ(e.target.value)}
          />{' '}
          <button type="submit" disabled={q.trim().length < 2}>
            {tr('Cari', 'Search')}
          </button>
        </form>
      )}
      {found && (
        <ul className="plain" aria-label={tr('Hasil pencarian kontak', 'Contact search results')}>
          {found.length === 0 && <li className="muted">{tr('Tidak ada kontak yang cocok.', 'No matching contact.')}</li>}
          {found.map((c) => (
            <li key={c.id}>
              <strong>{c.name ?? tr('(tanpa nama)', '(no name)')}</strong>
              <span className="muted"> {c.identities.map(label).join('; ')}</span>{' '}
              <button
                type="button"
                disabled={busy}
                aria-label={tr(`Tautkan ${c.name ?? c.id}`, `Link ${c.name ?? c.id}`)}
                onClick={() =>
                  void act(
                    () => call('POST', `/api/contacts/${contactId}/links`, { otherContactId: c.id }),
                    tr('Kontak ditautkan: identitas, percakapan dan laporannya kini milik kontak ini.', 'Linked: its identities, conversations and reports now belong to this contact.'),
                  )
                }
              >
                {tr('Tautkan', 'Link')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="ok" role="status">
        {ok ?? ''}
      </p>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}
