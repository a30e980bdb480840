// The report page: what was reported, the SLA clock, dispositions and follow-ups, the actions
// this user's role may take now (the server lists them; it still decides each POST), triage
// suggestions when that service answers, and one timeline of every event, message and note with
// who did what. Live: a notice about this report reloads it.
import { useCallback, useEffect, useState } from 'react'
import { DISPOSITION_STATUS_LABELS, RESPONSE_STATUS_LABELS, type DispositionStatus, type ResponseStatus, type Role } from '../../src/reports/model.ts'
import { AgencyPanel } from './agency-actions.tsx'
import { api, type Agency, type ReportDetail, type Suggestions, type ThreadMessage, type TimelineEvent } from './api.ts'
import { channelLabel, eventLabel, fmtDate, fmtDateTime, kindLabel, roleLabel, statusLabel, urgencyLabel } from './labels.ts'
import { useLive } from './live.ts'
import { onLinkClick } from './router.ts'
import { TriagePanel } from './triage.tsx'
import { errorText, SlaClock, StatusBadge } from './ui.tsx'

/** Suggestions matter to whoever triages (the coordinator), not to the agencies. */
const TRIAGE_COMMANDS = ['verify_and_dispatch', 'add_disposition', 'merge_into']

type Entry =
  | { at: string; key: string; kind: 'event'; e: TimelineEvent }
  | { at: string; key: string; kind: 'message'; m: ThreadMessage }

export function ReportPage({ id }: { id: string }) {
  const [report, setReport] = useState<ReportDetail | null>(null)
  const [events, setEvents] = useState<TimelineEvent[] | null>(null)
  const [thread, setThread] = useState<ThreadMessage[]>([])
  const [agencies, setAgencies] = useState<Agency[]>([])
  const [people, setPeople] = useState<Map<string, string>>(new Map())
  const [suggestions, setSuggestions] = useState<Suggestions | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [flash, setFlash] = useState('')

  const load = useCallback(async () => {
    try {
      const r = await api.report(id)
      setReport(r)
      setError(null)
      api.events(id).then((x) => setEvents(x.items), () => setEvents([]))
      if (r.conversationId) api.conversation(r.conversationId).then((c) => setThread(c.messages), () => setThread([]))
    } catch (err) {
      setReport(null)
      setError(errorText(err, 'Laporan tidak ditemukan, atau Anda tidak berwenang melihatnya.'))
    }
  }, [id])

  useEffect(() => {
    setReport(null)
    setEvents(null)
    setSuggestions(null)
    setFlash('')
    void load()
    api.agencies().then((r) => setAgencies(r.items), () => undefined)
    fetch('/api/users', { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then((r) => (r.ok ? (r.json() as Promise<{ items: { id: string; name: string }[] }>) : { items: [] }))
      .then((r) => setPeople(new Map(r.items.map((u) => [u.id, u.name]))), () => undefined)
    // Suggestions are optional: hidden when the service is absent (404) or fails.
    api.suggestions(id).then(setSuggestions, () => setSuggestions(null))
  }, [id, load])

  useLive((n) => {
    if (n.reportId === id) void load()
  })

  const agencyName = (aid: string | null | undefined) => {
    const a = aid ? agencies.find((x) => x.id === aid) : undefined
    return a ? (a.shortName ?? a.name) : aid ? 'OPD' : '—'
  }
  const done = (m: string) => {
    setFlash(m)
    void load()
  }

  const entries: Entry[] = [
    ...(events ?? []).map((e) => ({ at: e.at, key: `e${e.id}`, kind: 'event' as const, e })),
    ...thread.map((m) => ({ at: m.createdAt, key: `m${m.id}`, kind: 'message' as const, m })),
  ].sort((a, b) => a.at.localeCompare(b.at))

  return (
    <article aria-labelledby="report-title">
      <p className="back">
        <a href="/admin/laporan" onClick={onLinkClick}>
          ← Daftar laporan
        </a>
      </p>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {!error && !report && (
        <p role="status" className="muted">
          Memuat laporan…
        </p>
      )}
      {report && (
        <>
          <header className="report-head">
            <p className="code">{report.trackingCode}</p>
            <h1 id="report-title">{report.title ?? kindLabel(report.kind)}</h1>
            <StatusBadge status={report.status} /> <SlaClock dueAt={report.sla?.current?.dueAt} paused={report.status === 'needs_info'} />
          </header>
          <p className="ok" role="status" aria-live="polite">
            {flash}
          </p>
          <div className="report-grid">
            <div>
              <section className="card" aria-labelledby="isi">
                <h2 id="isi">Isi laporan</h2>
                <p className="body">{report.body}</p>
                {report.conversationId && (
                  <p>
                    <a href={`/admin/percakapan/${report.conversationId}`} onClick={onLinkClick}>
                      Buka percakapan dengan pelapor
                    </a>
                  </p>
                )}
                {report.publishedResponses && report.publishedResponses.length > 0 && (
                  <>
                    <h3>Tindak lanjut terbit</h3>
                    {report.publishedResponses.map((r) => (
                      <blockquote key={r.id}>
                        <p>{r.body}</p>
                        <footer>
                          {agencyName(r.agencyId)} · {fmtDateTime(r.publishedAt)}
                        </footer>
                      </blockquote>
                    ))}
                  </>
                )}
              </section>
              {suggestions && report.allowedCommands?.some((c) => TRIAGE_COMMANDS.includes(c)) && <SuggestionPanel s={suggestions} />}
              <TriagePanel report={report} agencies={agencies.filter((a) => a.active !== false)} suggestions={suggestions} onDone={done} />
              <AgencyPanel report={report} agencies={agencies} onDone={done} />
            </div>
            <section className="card" aria-labelledby="rincian">
              <h2 id="rincian">Rincian</h2>
              <dl className="details">
                <dt>Jenis</dt>
                <dd>{kindLabel(report.kind)}</dd>
                <dt>Kanal</dt>
                <dd>{channelLabel(report.channelType)}</dd>
                <dt>Masuk</dt>
                <dd>{fmtDateTime(report.createdAt)}</dd>
                <dt>Tenggat</dt>
                <dd>{fmtDateTime(report.sla?.current?.dueAt)}</dd>
                <dt>Urgensi</dt>
                <dd>{urgencyLabel(report.urgency)}</dd>
                {report.regionCode && (
                  <>
                    <dt>Wilayah</dt>
                    <dd>{report.regionCode}</dd>
                  </>
                )}
                {report.locationText && (
                  <>
                    <dt>Lokasi</dt>
                    <dd>{report.locationText}</dd>
                  </>
                )}
                {report.reporterName !== undefined && (
                  <>
                    <dt>Pelapor</dt>
                    <dd>{report.reporterName ?? (report.flags?.anonymous ? 'Anonim' : '—')}</dd>
                  </>
                )}
                <dt>Sifat</dt>
                <dd>
                  {[report.flags?.anonymous && 'Anonim', report.flags?.confidential && 'Rahasia', report.flags?.emergency && 'Darurat']
                    .filter(Boolean)
                    .join(', ') || 'Biasa'}
                </dd>
              </dl>
              {report.dispositions && report.dispositions.length > 0 && (
                <>
                  <h3>Disposisi</h3>
                  <ul className="plain">
                    {report.dispositions.map((d) => (
                      <li key={d.id}>
                        <strong>{agencyName(d.agencyId)}</strong> — {DISPOSITION_STATUS_LABELS[d.status as DispositionStatus]?.id ?? d.status}
                        {d.dueAt ? ` · batas ${fmtDate(d.dueAt)}` : ''}
                        {d.returnReason ? <span className="muted"> · dikembalikan: {d.returnReason}</span> : null}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {report.unpublishedResponses && report.unpublishedResponses.length > 0 && (
                <>
                  <h3>Draf tindak lanjut</h3>
                  <ul className="plain">
                    {report.unpublishedResponses.map((r) => (
                      <li key={r.id}>
                        <strong>{agencyName(r.agencyId)}</strong> — {RESPONSE_STATUS_LABELS[r.status as ResponseStatus]?.id ?? r.status}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {report.internalNotes && report.internalNotes.length > 0 && (
                <>
                  <h3>Catatan internal</h3>
                  {report.internalNotes.map((n) => (
                    <blockquote key={n.id}>
                      <p>{n.body}</p>
                      <footer>
                        {people.get(n.authorId ?? '') ?? agencyName(n.agencyId)} · {fmtDateTime(n.createdAt)}
                      </footer>
                    </blockquote>
                  ))}
                </>
              )}
            </section>
          </div>
          <section className="card" aria-labelledby="riwayat">
            <h2 id="riwayat">Riwayat</h2>
            {!events && <p className="muted">Memuat riwayat…</p>}
            {events && entries.length === 0 && <p className="muted">Belum ada riwayat.</p>}
            {entries.length > 0 && (
              <ol className="timeline">
                {entries.map((x) =>
                  x.kind === 'event' ? (
                    <li key={x.key} className={x.e.internal ? 'internal' : undefined}>
                      <time dateTime={x.e.at}>{fmtDateTime(x.e.at)}</time>
                      <span className="event">{eventLabel(x.e.type)}</span>
                      {x.e.toStatus && x.e.toStatus !== x.e.fromStatus && <span className="muted"> → {statusLabel(x.e.toStatus)}</span>}
                      {x.e.agencyId && <span className="muted"> · {agencyName(x.e.agencyId)}</span>}
                      <span className="who-did">{actorText(x.e, people)}</span>
                      {x.e.internal && <span className="tag">internal</span>}
                    </li>
                  ) : (
                    <li key={x.key} className="message">
                      <time dateTime={x.m.createdAt}>{fmtDateTime(x.m.createdAt)}</time>
                      <span className="event">{x.m.direction === 'in' ? 'Pesan pelapor' : 'Pesan petugas'}</span>
                      <span className="msg-text">{x.m.body || '(lampiran)'}</span>
                    </li>
                  ),
                )}
              </ol>
            )}
          </section>
        </>
      )}
    </article>
  )
}

function actorText(e: TimelineEvent, people: Map<string, string>): string {
  if (e.actorKind === 'reporter') return 'oleh pelapor'
  if (e.actorKind === 'system') return 'oleh sistem'
  const name = e.actorUserId ? people.get(e.actorUserId) : undefined
  const role = e.actorRole ? roleLabel(e.actorRole as Role) : ''
  return name ? `oleh ${name}${role ? ` (${role})` : ''}` : role ? `oleh ${role}` : ''
}

function SuggestionPanel({ s }: { s: Suggestions }) {
  return (
    <section className="card suggestions" aria-labelledby="saran-title">
      <h2 id="saran-title">Saran triase</h2>
      {s.emergency.isEmergency && (
        <p className="alert" role="alert">
          Kemungkinan kedaruratan: pertimbangkan meneruskan ke 112.
        </p>
      )}
      <dl className="details">
        <dt>Kategori</dt>
        <dd>{s.categories.slice(0, 3).map((c) => `${c.name} (${Math.round(c.score * 100)}%)`).join(', ') || '—'}</dd>
        <dt>OPD</dt>
        <dd>{s.agencies.slice(0, 3).map((a) => `${a.name} (${Math.round(a.score * 100)}%)`).join(', ') || '—'}</dd>
        <dt>Duplikat</dt>
        <dd>
          {s.duplicates.length === 0
            ? 'Tidak ada'
            : s.duplicates.slice(0, 3).map((d, i) => (
                <span key={d.reportId}>
                  {i > 0 && ', '}
                  <a href={`/admin/laporan/${d.reportId}`} onClick={onLinkClick}>
                    {d.trackingCode}
                  </a>{' '}
                  ({Math.round(d.score * 100)}%)
                </span>
              ))}
        </dd>
      </dl>
    </section>
  )
}
