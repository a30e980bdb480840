// One conversation: the whole thread with attachments, the reporter and their other
// conversations, and a reply box that follows the channel's rules (outside WhatsApp's 24-hour
// window the reply goes as an approved template; the server enforces it, the box says so).
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react'
import { api, type CannedResponse, type ConversationDetail } from './api.ts'
import { channelLabel, fmtDateTime, statusLabel } from './labels.ts'
import { useLive } from './live.ts'
import { fillPlaceholders } from './placeholders.ts'
import { onLinkClick } from './router.ts'
import { ChannelIcon, errorText, SlaBadge, StatusBadge } from './ui.tsx'
import { ContactLinks } from './contact-links.tsx'
import { tr } from './i18n.ts'

const DELIVERY: Record<string, [string, string]> = {
  queued: ['dalam antrean', 'queued'],
  sending: ['mengirim', 'sending'],
  sent: ['terkirim', 'sent'],
  delivered: ['diterima', 'delivered'],
  read: ['dibaca', 'read'],
  failed: ['gagal', 'failed'],
}
const delivery = (s: string) => (DELIVERY[s] ? tr(...DELIVERY[s]) : s)

export function ConversationPage({ id }: { id: string }) {
  const [conv, setConv] = useState<ConversationDetail | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = useCallback(
    () =>
      api.conversation(id).then(
        (c) => {
          setConv(c)
          if (c.unreadCount > 0) void api.markRead(id).catch(() => undefined)
        },
        (err) => setError(errorText(err, tr('Percakapan tidak ditemukan, atau Anda tidak berwenang melihatnya.', 'Conversation not found, or you may not see it.'))),
      ),
    [id],
  )
  useEffect(() => {
    setConv(null)
    setError(null)
    void load()
  }, [load])
  useLive((n) => {
    if (n.conversationId === id) void load()
  })

  return (
    <article aria-labelledby="conv-title">
      <p className="back">
        <a href="/admin/" onClick={onLinkClick}>
          ← Kembali ke Kotak Masuk
        </a>
      </p>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {!error && !conv && (
        <p role="status" className="muted">
          {tr('Memuat percakapan…', 'Loading the conversation…')}
        </p>
      )}
      {conv && (
        <>
          <header className="conv-head">
            <ChannelIcon channel={conv.channelType} />
            <div>
              <h1 id="conv-title">{conv.contact.name ?? tr('Tanpa nama', 'No name')}</h1>
              <p className="muted">
                {channelLabel(conv.channelType)}
                {conv.contact.phone ? ` · ${conv.contact.phone}` : ''}
                {conv.contact.email ? ` · ${conv.contact.email}` : ''}
              </p>
            </div>
            {conv.report && (
              <p className="conv-head-report">
                <a href={`/admin/laporan/${conv.report.id}`} onClick={onLinkClick}>
                  {tr('Laporan', 'Report')} {conv.report.trackingCode}
                </a>{' '}
                <StatusBadge status={conv.report.status} />
                <span className="muted"> {tr('Tenggat', 'Deadline')} </span>
                <SlaBadge state={conv.slaState} dueAt={conv.report.dueAt} />
              </p>
            )}
          </header>
          <div className="conv-grid">
            <section className="card" aria-labelledby="thread-title">
              <h2 id="thread-title">{tr('Percakapan', 'Conversation')}</h2>
              <ol className="thread">
                {conv.messages.map((m) => (
                  <li key={m.id} className={`msg msg-${m.direction}`}>
                    <span className="sr-only">{m.direction === 'in' ? tr('Pelapor:', 'Reporter:') : tr('Petugas:', 'Staff:')}</span>
                    {m.body && <p>{m.body}</p>}
                    {m.attachments.map((a) =>
                      a.mimeType.startsWith('image/') ? (
                        <a key={a.id} href={a.url} target="_blank" rel="noreferrer">
                          <img src={a.url} alt={a.fileName ?? tr('Foto kiriman pelapor', 'Photo sent by the reporter')} loading="lazy" className="thumb" />
                        </a>
                      ) : (
                        <a key={a.id} href={a.url} className="file">
                          {a.fileName ?? a.kind} ({Math.ceil(a.size / 1024)} KB)
                        </a>
                      ),
                    )}
                    <footer>
                      <time dateTime={m.createdAt}>{fmtDateTime(m.createdAt)}</time>
                      {m.direction === 'out' && (
                        <span>
                          {' '}
                          · {m.kind === 'template' ? tr('templat', 'template') : tr('teks', 'text')} · {delivery(m.status)}
                        </span>
                      )}
                    </footer>
                  </li>
                ))}
              </ol>
              <ReplyBox conv={conv} onSent={load} />
            </section>
            <aside className="card" aria-labelledby="others-title">
              <ContactLinks contactId={conv.contact.id} />
              <h2 id="others-title">{tr('Percakapan lain pelapor ini', 'This reporter’s other conversations')}</h2>
              {conv.otherConversations.length === 0 && <p className="muted">{tr('Tidak ada.', 'None.')}</p>}
              <ul className="plain">
                {conv.otherConversations.map((o) => (
                  <li key={o.id}>
                    <ChannelIcon channel={o.channelType} />{' '}
                    <a href={`/admin/percakapan/${o.id}`} onClick={onLinkClick}>
                      {channelLabel(o.channelType)} · {fmtDateTime(o.lastMessageAt)}
                    </a>
                    {o.report && (
                      <span className="muted">
                        {' '}
                        · {o.report.trackingCode} ({statusLabel(o.report.status)})
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </aside>
          </div>
        </>
      )}
    </article>
  )
}

function ReplyBox({ conv, onSent }: { conv: ConversationDetail; onSent: () => void }) {
  const [text, setText] = useState('')
  const [canned, setCanned] = useState<CannedResponse[]>([])
  const [busy, setBusy] = useState(false)
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  const area = useRef<HTMLTextAreaElement>(null)
  useEffect(() => {
    api.cannedResponses().then((r) => setCanned(r.items), () => undefined)
  }, [])
  const outside = !conv.window.open && conv.window.hours !== null

  function pick(id: string) {
    const c = canned.find((x) => x.id === id)
    if (!c) return
    const filled = fillPlaceholders(c.body, {
      nama: conv.contact.name,
      kode: conv.report?.trackingCode,
      status: conv.report ? statusLabel(conv.report.status) : null,
      tautan: conv.report ? `${location.origin}/lacak?kode=${encodeURIComponent(conv.report.trackingCode)}` : null,
    })
    setText((t) => (t ? `${t}\n${filled}` : filled))
    area.current?.focus()
  }

  async function send(e?: FormEvent) {
    e?.preventDefault()
    if (!text.trim()) return
    setBusy(true)
    setMsg(null)
    try {
      const r = await api.sendMessage(conv.id, { text: text.trim() })
      setText('')
      setMsg({ kind: 'ok', text: r.template ? tr('Terkirim sebagai templat pesan resmi.', 'Sent as an approved message template.') : tr('Balasan masuk antrean kirim.', 'Reply queued for sending.') })
      onSent()
    } catch (err) {
      setMsg({ kind: 'error', text: errorText(err) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="reply" onSubmit={send}>
      {conv.window.hours !== null && (
        <p className={outside ? 'notice' : 'muted'}>
          {outside
            ? tr(
                `Di luar jendela ${conv.window.hours} jam ${channelLabel(conv.channelType)}: pesan bebas tidak diizinkan. Balasan Anda dikirim di dalam templat resmi “pemberitahuan_laporan”.`,
                `Outside the ${conv.window.hours}-hour ${channelLabel(conv.channelType)} window: free-form messages are not allowed. Your reply is sent inside the approved template “pemberitahuan_laporan”.`,
              )
            : tr(
                `Jendela ${conv.window.hours} jam terbuka sampai ${fmtDateTime(conv.window.closesAt)}.`,
                `The ${conv.window.hours}-hour window is open until ${fmtDateTime(conv.window.closesAt)}.`,
              )}
        </p>
      )}
      {canned.length > 0 && (
        <div className="field">
          <label htmlFor="canned">{tr('Template jawaban', 'Canned answer')}</label>
          <select id="canned" value="" onChange={(e) => pick(e.target.value)}>
            <option value="">{tr('Pilih template…', 'Choose a template…')}</option>
            {canned.map((c) => (
              <option key={c.id} value={c.id}>
                /{c.shortcut} — {c.title}
              </option>
            ))}
          </select>
        </div>
      )}
      <label htmlFor="reply-text">{tr('Balasan', 'Reply')}</label>
      <textarea
        id="reply-text"
        ref={area}
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void send()
        }}
        aria-describedby="reply-hint"
      />
      <p id="reply-hint" className="hint">
        {tr('Ctrl+Enter untuk mengirim.', 'Ctrl+Enter to send.')}
      </p>
      {msg && (
        <p className={msg.kind === 'error' ? 'alert' : 'ok'} role={msg.kind === 'error' ? 'alert' : 'status'}>
          {msg.text}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy || !text.trim()}>
        {busy ? tr('Mengirim…', 'Sending…') : outside ? tr('Kirim sebagai templat', 'Send as a template') : tr('Kirim', 'Send')}
      </button>
    </form>
  )
}
