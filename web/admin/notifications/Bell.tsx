// The notification bell in the top bar: unread count, the latest notifications, mark as read.
// "Live" without depending on the SSE stream: polls lightly (every 30 s and when the tab regains
// focus) and refreshes at once when /api/live sends anything, if that stream exists.
import { useCallback, useEffect, useRef, useState } from 'react'
import { navigate } from '../router.ts'
import { notificationsApi, type BellItem } from './client.ts'
import './notifications.css'
import { tr } from '../i18n.ts'
import { locale } from '../labels.ts'

const POLL_MS = 30_000
// Tenant time as the rest of the admin app shows it (labels.ts: WIB).
const timeFmt = () =>
  new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Jakarta' })

export function Bell() {
  const [items, setItems] = useState<BellItem[]>([])
  const [unread, setUnread] = useState(0)
  const [open, setOpen] = useState(false)
  const box = useRef<HTMLDivElement>(null)
  const load = useCallback(() => {
    notificationsApi.list().then(
      (r) => {
        setItems(r.items)
        setUnread(r.unread)
      },
      () => undefined,
    )
  }, [])
  useEffect(() => {
    load()
    const timer = setInterval(load, POLL_MS)
    window.addEventListener('focus', load)
    let live: EventSource | null = null
    if (typeof EventSource !== 'undefined') {
      live = new EventSource('/api/live')
      live.onmessage = load
      live.onerror = () => live?.close()
    }
    return () => {
      clearInterval(timer)
      window.removeEventListener('focus', load)
      live?.close()
    }
  }, [load])
  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false)
    const onClick = (e: MouseEvent) => box.current && !box.current.contains(e.target as Node) && setOpen(false)
    window.addEventListener('keydown', onKey)
    window.addEventListener('click', onClick)
    return () => {
      window.removeEventListener('keydown', onKey)
      window.removeEventListener('click', onClick)
    }
  }, [open])

  async function openItem(n: BellItem) {
    setOpen(false)
    if (!n.readAt) {
      await notificationsApi.read(n.id).catch(() => undefined)
      load()
    }
    if (n.link) navigate(n.link)
  }

  const title = tr('Pemberitahuan', 'Notifications')
  const label = unread > 0 ? tr(`Pemberitahuan, ${unread} belum dibaca`, `Notifications, ${unread} unread`) : title
  return (
    <div className="bell" ref={box}>
      <button type="button" className="bell-button" aria-label={label} aria-expanded={open} aria-haspopup="true" onClick={() => setOpen(!open)}>
        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
          <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        {unread > 0 && <span className="bell-count">{unread > 99 ? '99+' : unread}</span>}
      </button>
      {open && (
        <div className="bell-panel" role="dialog" aria-label={title}>
          <div className="bell-head">
            <strong>{title}</strong>
            {unread > 0 && (
              <button type="button" className="link" onClick={() => notificationsApi.readAll().then(load, () => undefined)}>
                {tr('Tandai semua dibaca', 'Mark all as read')}
              </button>
            )}
          </div>
          {items.length === 0 ? (
            <p className="muted bell-empty">{tr('Belum ada pemberitahuan.', 'No notifications yet.')}</p>
          ) : (
            <ul className="bell-list">
              {items.map((n) => (
                <li key={n.id} className={n.readAt ? 'read' : 'unread'}>
                  <a href={n.link ?? '/admin/'} onClick={(e) => { e.preventDefault(); void openItem(n) }}>
                    <span className="bell-title">{n.title}</span>
                    <span className="bell-body">{n.body}</span>
                    <time dateTime={n.createdAt}>{timeFmt().format(new Date(n.createdAt))} WIB</time>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  )
}
