// Settings (Pengaturan): my notification preferences, canned responses (template jawaban), channel
// accounts (read-only list with webhook URLs) and, for super admins, outgoing webhooks. Sections a
// role may not use are hidden; a 403 from the server is shown as a plain message.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { api, type SessionInfo } from '../api.ts'
import { problemText, setSettingsCsrf } from './http.ts'
import { CannedResponses } from './canned.tsx'
import { Channels } from './channels.tsx'
import { NotificationPrefs } from './notifications.tsx'
import './settings.css'
import { tr } from '../i18n.ts'
import { Webhooks } from './webhooks.tsx'
import { AgenciesSettings } from './agencies.tsx'
import { PeopleSettings } from './people.tsx'
import { CategoriesSettings } from './categories.tsx'
import { SlaSettings } from './sla.tsx'
import { AutoRepliesSettings } from './autoreplies.tsx'
import { BridgesSettings } from './bridges.tsx'
import { DataSettings } from './data.tsx'

type TabId =
  | 'notif'
  | 'canned'
  | 'channels'
  | 'agencies'
  | 'people'
  | 'categories'
  | 'sla'
  | 'autoreplies'
  | 'bridges'
  | 'data'
  | 'webhooks'
const TAB_LABELS: Record<TabId, [string, string]> = {
  notif: ['Notifikasi saya', 'My notifications'],
  canned: ['Template jawaban', 'Canned answers'],
  channels: ['Kanal', 'Channels'],
  agencies: ['Perangkat daerah', 'Agencies'],
  people: ['Pengguna', 'Users'],
  categories: ['Kategori', 'Categories'],
  sla: ['SLA & hari libur', 'SLA and holidays'],
  autoreplies: ['Balasan otomatis', 'Auto-replies'],
  bridges: ['LAPOR! & 112', 'LAPOR! and 112'],
  data: ['Data & privasi', 'Data and privacy'],
  webhooks: ['Webhook keluar', 'Outgoing webhooks'],
}

export function Settings() {
  const [session, setSession] = useState<SessionInfo | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [tab, setTab] = useState<TabId>('notif')
  const refs = useRef<Partial<Record<TabId, HTMLButtonElement | null>>>({})
  useEffect(() => {
    api.session().then(
      (s) => {
        setSettingsCsrf(s.csrfToken)
        setSession(s)
      },
      (e) => setError(problemText(e)),
    )
  }, [])
  if (error)
    return (
      <p className="alert" role="alert">
        {error}
      </p>
    )
  if (!session)
    return (
      <p className="loading" role="status">
        {tr('Memuat…', 'Loading…')}
      </p>
    )
  const has = (...r: string[]) => session.roles.some((x) => r.includes(x))
  const tabs: TabId[] = ['notif']
  if (has('super_admin', 'operator', 'auditor', 'agency_admin', 'agency_head')) tabs.push('canned')
  if (has('super_admin', 'operator')) tabs.push('channels')
  if (has('super_admin')) tabs.push('agencies', 'people', 'categories', 'sla', 'autoreplies', 'bridges')
  if (has('super_admin', 'operator')) tabs.push('data')
  if (has('super_admin')) tabs.push('webhooks')
  const current = tabs.includes(tab) ? tab : 'notif'
  const canEditCanned = has('super_admin', 'operator')

  function onKey(e: KeyboardEvent) {
    const i = tabs.indexOf(current)
    let next: number | null = null
    if (e.key === 'ArrowRight') next = (i + 1) % tabs.length
    else if (e.key === 'ArrowLeft') next = (i - 1 + tabs.length) % tabs.length
    else if (e.key === 'Home') next = 0
    else if (e.key === 'End') next = tabs.length - 1
    if (next === null) return
    e.preventDefault()
    setTab(tabs[next]!)
    refs.current[tabs[next]!]?.focus()
  }

  return (
    <section aria-labelledby="settings-title" className="settings">
      <h1 id="settings-title">{tr('Pengaturan', 'Settings')}</h1>
      <div role="tablist" aria-label={tr('Bagian pengaturan', 'Settings sections')} className="settings-tabs" onKeyDown={onKey}>
        {tabs.map((t) => (
          <button
            key={t}
            ref={(el) => {
              refs.current[t] = el
            }}
            role="tab"
            id={`tab-${t}`}
            aria-controls={`panel-${t}`}
            aria-selected={current === t}
            tabIndex={current === t ? 0 : -1}
            onClick={() => setTab(t)}
          >
            {tr(...TAB_LABELS[t])}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`panel-${current}`}
        aria-labelledby={`tab-${current}`}
        className="card settings-panel"
      >
        {current === 'notif' && <NotificationPrefs />}
        {current === 'canned' && <CannedResponses canEdit={canEditCanned} />}
        {current === 'channels' && <Channels />}
        {current === 'agencies' && <AgenciesSettings />}
        {current === 'people' && <PeopleSettings />}
        {current === 'categories' && <CategoriesSettings />}
        {current === 'sla' && <SlaSettings />}
        {current === 'autoreplies' && <AutoRepliesSettings />}
        {current === 'bridges' && <BridgesSettings />}
        {current === 'data' && <DataSettings session={session} />}
        {current === 'webhooks' && <Webhooks />}
      </div>
    </section>
  )
}
