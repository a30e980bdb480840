// Kotak Masuk: every channel's conversations in one list (channel icon, unread, SLA badge),
// with filters and search. Live: a notice refreshes only the conversation it names.
import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { CHANNEL_TYPES, type ChannelType } from '../../src/reports/model.ts'
import { api, type ConversationSummary } from './api.ts'
import { channelLabel, fmtDateTime } from './labels.ts'
import { useLive } from './live.ts'
import { onLinkClick } from './router.ts'
import { ChannelIcon, errorText, SlaBadge, StatusBadge } from './ui.tsx'
import { tr } from './i18n.ts'

interface Filters {
  channel: ChannelType | ''
  unread: '' | 'true'
  sla: '' | 'overdue' | 'due_soon' | 'on_track'
  q: string
}

const EMPTY: Filters = { channel: '', unread: '', sla: '', q: '' }

function query(f: Filters) {
  return {
    channel: f.channel || undefined,
    unread: f.unread || undefined,
    sla: f.sla || undefined,
    q: f.q || undefined,
  }
}

function matches(c: ConversationSummary, f: Filters) {
  if (f.channel && c.channelType !== f.channel) return false
  if (f.unread && c.unreadCount === 0) return false
  if (f.sla && c.slaState !== f.sla) return false
  return true
}

export function InboxPage() {
  const [items, setItems] = useState<ConversationSummary[] | null>(null)
  const [cursor, setCursor] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [draft, setDraft] = useState<Filters>(EMPTY)
  const [applied, setApplied] = useState<Filters>(EMPTY)
  const [announce, setAnnounce] = useState('')

  useEffect(() => {
    let live = true
    setItems(null)
    setError(null)
    api.conversations({ ...query(applied), limit: 50 }).then(
      (r) => {
        if (!live) return
        setItems(r.items)
        setCursor(r.nextCursor)
      },
      (err) => live && setError(errorText(err)),
    )
    return () => {
      live = false
    }
  }, [applied])

  // One changed conversation: fetch its row only, and move it to the top.
  const refreshOne = useCallback(
    async (id: string) => {
      const r = await api.conversations({ ...query(applied), id, limit: 1 }).catch(() => null)
      if (!r) return
      const row = r.items[0]
      setItems((old) => {
        if (!old) return old
        const rest = old.filter((c) => c.id !== id)
        if (!row || !matches(row, applied)) return rest
        if (!old.some((c) => c.id === id)) setAnnounce(tr(`Pesan baru dari ${row.contact.name ?? 'pelapor'} (${channelLabel(row.channelType)})`, `New message from ${row.contact.name ?? 'the reporter'} (${channelLabel(row.channelType)})`))
        return [row, ...rest]
      })
    },
    [applied],
  )
  useLive((n) => {
    if (n.conversationId) void refreshOne(n.conversationId)
  })

  async function more() {
    if (!cursor) return
    try {
      const r = await api.conversations({ ...query(applied), cursor, limit: 50 })
      setItems((old) => [...(old ?? []), ...r.items.filter((x) => !old?.some((o) => o.id === x.id))])
      setCursor(r.nextCursor)
    } catch (err) {
      setError(errorText(err))
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault()
    setApplied({ ...draft, q: draft.q.trim() })
  }

  return (
    <section aria-labelledby="inbox-title">
      <h1 id="inbox-title">{tr('Kotak Masuk', 'Inbox')}</h1>
      <p className="sr-only" role="status" aria-live="polite">
        {announce}
      </p>
      <form className="filters" onSubmit={submit} role="search" aria-label={tr('Saring percakapan', 'Filter conversations')}>
        <div className="field">
          <label htmlFor="f-channel">{tr('Kanal', 'Channel')}</label>
          <select id="f-channel" value={draft.channel} onChange={(e) => setDraft({ ...draft, channel: e.target.value as ChannelType | '' })}>
            <option value="">{tr('Semua kanal', 'All channels')}</option>
            {CHANNEL_TYPES.map((c) => (
              <option key={c} value={c}>
                {channelLabel(c)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-unread">{tr('Dibaca', 'Read')}</label>
          <select id="f-unread" value={draft.unread} onChange={(e) => setDraft({ ...draft, unread: e.target.value as Filters['unread'] })}>
            <option value="">{tr('Semua', 'All')}</option>
            <option value="true">{tr('Belum dibaca', 'Unread')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-sla">{tr('Tenggat', 'Deadline')}</label>
          <select id="f-sla" value={draft.sla} onChange={(e) => setDraft({ ...draft, sla: e.target.value as Filters['sla'] })}>
            <option value="">{tr('Semua', 'All')}</option>
            <option value="overdue">{tr('Terlambat', 'Overdue')}</option>
            <option value="due_soon">{tr('Segera jatuh tempo', 'Due soon')}</option>
            <option value="on_track">{tr('Sesuai jadwal', 'On track')}</option>
          </select>
        </div>
        <div className="field grow">
          <label htmlFor="f-q">{tr('Cari', 'Search')}</label>
          <input id="f-q" type="search" value={draft.q} placeholder={tr('Nama, isi pesan, atau kode laporan', 'Name, message text or report code')} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
        </div>
        <button type="submit" className="primary">
          {tr('Terapkan', 'Apply')}
        </button>
      </form>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {!error && items === null && (
        <p role="status" className="muted">
          {tr('Memuat percakapan…', 'Loading conversations…')}
        </p>
      )}
      {items && items.length === 0 && <p className="empty">{tr('Tidak ada percakapan yang cocok.', 'No matching conversations.')}</p>}
      {items && items.length > 0 && (
        <ul className="convs" aria-label={tr('Percakapan, terbaru di atas', 'Conversations, newest first')}>
          {items.map((c) => (
            <li key={c.id} className={c.unreadCount > 0 ? 'unread' : undefined}>
              <ChannelIcon channel={c.channelType} />
              <div className="conv-main">
                <a className="conv-name" href={`/admin/percakapan/${c.id}`} onClick={onLinkClick}>
                  {c.contact.name ?? tr('Tanpa nama', 'No name')}
                  {c.unreadCount > 0 && <span className="sr-only">{tr(', belum dibaca', ', unread')}</span>}
                </a>
                <span className="conv-preview">{c.preview || tr('(lampiran)', '(attachment)')}</span>
                {c.report && (
                  <span className="conv-report">
                    <span className="code">{c.report.trackingCode}</span> <StatusBadge status={c.report.status} />
                  </span>
                )}
              </div>
              <div className="conv-side">
                <time dateTime={c.lastMessageAt}>{fmtDateTime(c.lastMessageAt)}</time>
                {c.unreadCount > 0 && (
                  <span className="unread-count" aria-label={tr(`${c.unreadCount} pesan belum dibaca`, `${c.unreadCount} unread messages`)}>
                    {c.unreadCount}
                  </span>
                )}
                {c.report && <SlaBadge state={c.slaState} dueAt={c.report.dueAt} />}
              </div>
            </li>
          ))}
        </ul>
      )}
      {cursor && (
        <p className="more">
          <button type="button" onClick={more}>
            {tr('Muat lebih banyak', 'Load more')}
          </button>
        </p>
      )}
    </section>
  )
}
