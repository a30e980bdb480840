// The report page: what was reported, the SLA clock, dispositions and follow-ups, the actions
// this user's role may take now (the server lists them; it still decides each POST), triage
// suggestions when that service answers, and one timeline of every event, message and note with
// who did what. Live: a notice about this report reloads it.
import { useCallback, useEffect, useState } from 'react'
import type { Role } from '../../src/reports/model.ts'
import { AgencyPanel } from './agency-actions.tsx'
import { api, type Agency, type ReportDetail, type Suggestions, type ThreadMessage, type TimelineEvent } from './api.ts'
import { tr } from './i18n.ts'
import {
  channelLabel,
  dispositionStatusLabel,
  eventLabel,
  fmtDate,
  fmtDateTime,
  kindLabel,
  responseStatusLabel,
  roleLabel,
  statusLabel,
  urgencyLabel,
} from './labels.ts'
import { useLive } from './live.ts'
import { FileList, useResponseFiles } from './notifications/response-files.tsx'
import { onLinkClick } from './router.ts'
import { TriagePanel } from './triage.tsx'
import { errorText, SlaClock, StatusBadge } from './ui.tsx'
import { emergencyWords } from './emergency-words.ts'

/**
 * A region by name ("Lawa Batu, Kec. Kuala"), never the bare code: the desa among its kecamatan's
 * villages, the kecamatan among the districts. Falls back to the code while loading or when the
 * tenant has no such region.
 */
function RegionName({ code }: { code: string }) {
  const [label, setLabel] = useState<string>(code)
  useEffect(() => {
    const district = code.split('.').slice(0, 3).join('.')
    let live = true
    Promise.all([
      api.regions({ level: 'district' }),
      district !== code ? api.regions({ parent: district, level: 'village' }) : Promise.resolve({ items: [] }),
    ]).then(
      ([d, v]) => {
        const kec = d.items.find((r) => r.code === district)?.name
        const desa = v.items.find((r) => r.code === code)?.name
        const parts = [desa, kec && `${tr('Kec.', 'District')} ${kec}`].filter(Boolean)
        if (live && parts.length) setLabel(parts.join(', '))
      },
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [code])
  return <span title={code}>{label}</span>
}

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
  const files = useResponseFiles(id)

  const load = useCallback(async () => {
    try {
      const r = await api.report(id)
      setReport(r)
      setError(null)
      api.events(id).then((x) => setEvents(x.items), () => setEvents([]))
      if (r.conversationId) api.conversation(r.conversationId).then((c) => setThread(c.messages), () => setThread([]))
    } catch (err) {
      setReport(null)
      setError(errorText(err, tr('Laporan tidak ditemukan, atau Anda tidak berwenang melihatnya.', 'Report not found, or you may not see it.')))
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
    if (n.reportId !== id) return
    void load()
    files.reload()
  })

  const agencyName = (aid: string | null | undefined) => {
    const a = aid ? agencies.find((x) => x.id === aid) : undefined
    return a ? (a.shortName ?? a.name) : aid ? tr('OPD', 'Agency') : '—'
  }
  const done = (m: string) => {
    setFlash(m)
    void load()
    files.reload()
  }

  const entries: Entry[] = [
    ...(events ?? []).map((e) => ({ at: e.at, key: `e${e.id}`, kind: 'event' as const, e })),
    ...thread.map((m) => ({ at: m.createdAt, key: `m${m.id}`, kind: 'message' as const, m })),
  ].sort((a, b) => a.at.localeCompare(b.at))

  return (
    <article aria-labelledby="report-title">
      <p className="back">
        <a href="/admin/laporan" onClick={onLinkClick}>
          ← {tr('Daftar laporan', 'Reports')}
        </a>
      </p>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {!error && !report && (
        <p role="status" className="muted">
          {tr('Memuat laporan…', 'Loading the report…')}
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
                <h2 id="isi">{tr('Isi laporan', 'The report')}</h2>
                <p className="body">{report.body}</p>
                {report.conversationId && (
                  <p>
                    <a href={`/admin/percakapan/${report.conversationId}`} onClick={onLinkClick}>
                      {tr('Buka percakapan dengan pelapor', 'Open the conversation with the reporter')}
                    </a>
                  </p>
                )}
                {report.publishedResponses && report.publishedResponses.length > 0 && (
                  <>
                    <h3>{tr('Tindak lanjut terbit', 'Published follow-up')}</h3>
                    {report.publishedResponses.map((r) => (
                      <blockquote key={r.id}>
                        <p>{r.body}</p>
                        <FileList files={files.of(r.id)} />
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
              <AgencyPanel report={report} agencies={agencies} files={files} onDone={done} />
            </div>
            <section className="card" aria-labelledby="rincian">
              <h2 id="rincian">{tr('Rincian', 'Details')}</h2>
              <dl className="details">
                <dt>{tr('Jenis', 'Kind')}</dt>
                <dd>{kindLabel(report.kind)}</dd>
                <dt>{tr('Kanal', 'Channel')}</dt>
                <dd>{channelLabel(report.channelType)}</dd>
                <dt>{tr('Masuk', 'Received')}</dt>
                <dd>{fmtDateTime(report.createdAt)}</dd>
                <dt>{tr('Tenggat', 'Deadline')}</dt>
                <dd>{fmtDateTime(report.sla?.current?.dueAt)}</dd>
                <dt>{tr('Urgensi', 'Urgency')}</dt>
                <dd>{urgencyLabel(report.urgency)}</dd>
                {report.regionCode && (
                  <>
                    <dt>{tr('Wilayah', 'Region')}</dt>
                    <dd>
                      <RegionName code={report.regionCode} />
                    </dd>
                  </>
                )}
                {report.locationText && (
                  <>
                    <dt>{tr('Lokasi', 'Location')}</dt>
                    <dd>{report.locationText}</dd>
                  </>
                )}
                {report.reporterName !== undefined && (
                  <>
                    <dt>{tr('Pelapor', 'Reporter')}</dt>
                    <dd>{report.reporterName ?? (report.flags?.anonymous ? tr('Anonim', 'Anonymous') : '—')}</dd>
                  </>
                )}
                <dt>{tr('Sifat', 'Handling')}</dt>
                <dd>
                  {[
                    report.flags?.anonymous && tr('Anonim', 'Anonymous'),
                    report.flags?.confidential && tr('Rahasia', 'Confidential'),
                    report.flags?.emergency && tr('Darurat', 'Emergency'),
                  ]
                    .filter(Boolean)
                    .join(', ') || tr('Biasa', 'Regular')}
                </dd>
              </dl>
              {report.dispositions && report.dispositions.length > 0 && (
                <>
                  <h3>{tr('Disposisi', 'Dispositions')}</h3>
                  <ul className="plain">
                    {report.dispositions.map((d) => (
                      <li key={d.id}>
                        <strong>{agencyName(d.agencyId)}</strong> — {dispositionStatusLabel(d.status)}
                        {d.dueAt ? ` · ${tr('batas', 'due')} ${fmtDate(d.dueAt)}` : ''}
                        {d.returnReason ? (
                          <span className="muted">
                            {' '}
                            · {tr('dikembalikan', 'returned')}: {d.returnReason}
                          </span>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {report.unpublishedResponses && report.unpublishedResponses.length > 0 && (
                <>
                  <h3>{tr('Draf tindak lanjut', 'Follow-up drafts')}</h3>
                  <ul className="plain">
                    {report.unpublishedResponses.map((r) => (
                      <li key={r.id}>
                        <strong>{agencyName(r.agencyId)}</strong> — {responseStatusLabel(r.status)}
                        {files.of(r.id).length > 0 ? <span className="muted"> · {tr(`${files.of(r.id).length} lampiran`, `${files.of(r.id).length} attachment(s)`)}</span> : null}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {report.internalNotes && report.internalNotes.length > 0 && (
                <>
                  <h3>{tr('Catatan internal', 'Internal notes')}</h3>
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
            <h2 id="riwayat">{tr('Riwayat', 'Timeline')}</h2>
            {!events && <p className="muted">{tr('Memuat riwayat…', 'Loading the timeline…')}</p>}
            {events && entries.length === 0 && <p className="muted">{tr('Belum ada riwayat.', 'Nothing yet.')}</p>}
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
                      {x.e.internal && <span className="tag">{tr('internal', 'internal')}</span>}
                      {x.e.type === 'response_approved' && x.e.data.editedByHead === true && (
                        <span className="edited-by-head">
                          <span className="tag">{tr('teks diubah kepala OPD', 'text edited by the head')}</span>
                          {typeof x.e.data.body === 'string' && <span className="msg-text">{x.e.data.body}</span>}
                        </span>
                      )}
                    </li>
                  ) : (
                    <li key={x.key} className="message">
                      <time dateTime={x.m.createdAt}>{fmtDateTime(x.m.createdAt)}</time>
                      <span className="event">{x.m.direction === 'in' ? tr('Pesan pelapor', 'Reporter’s message') : tr('Pesan petugas', 'Staff message')}</span>
                      <span className="msg-text">{x.m.body || tr('(lampiran)', '(attachment)')}</span>
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
  const by = tr('oleh', 'by')
  if (e.actorKind === 'reporter') return tr('oleh pelapor', 'by the reporter')
  if (e.actorKind === 'system') return tr('oleh sistem', 'by the system')
  const name = e.actorUserId ? people.get(e.actorUserId) : undefined
  const role = e.actorRole ? roleLabel(e.actorRole as Role) : ''
  return name ? `${by} ${name}${role ? ` (${role})` : ''}` : role ? `${by} ${role}` : ''
}

/** One suggestion: its name and score, and the words that weighed most (the router's reasons). */
function Suggested({ name, score, reasons }: { name: string; score: number; reasons: string[] }) {
  return (
    <li>
      <span className="sugg-name">{name}</span> <span className="sugg-score">{Math.round(score * 100)}%</span>
      {reasons.length > 0 && (
        <span className="sugg-why">
          {' '}
          · {tr('kata penentu', 'deciding words')}: {reasons.slice(0, 5).join(', ')}
        </span>
      )}
    </li>
  )
}

/** The top three, without those that round to 0% (noise to an operator), but always the first. */
function likely<T extends { score: number }>(list: T[]): T[] {
  return list.slice(0, 3).filter((x, i) => i === 0 || x.score >= 0.005)
}

function SuggestionPanel({ s }: { s: Suggestions }) {
  const none = <p className="muted">—</p>
  return (
    <section className="card suggestions" aria-labelledby="saran-title">
      <h2 id="saran-title">{tr('Saran triase', 'Triage suggestions')}</h2>
      {s.emergency.isEmergency && (
        <p className="alert" role="alert">
          {tr('Kemungkinan kedaruratan: pertimbangkan meneruskan ke 112.', 'Possible emergency: consider forwarding to 112.')}
          {emergencyWords(s.emergency.matched)}
        </p>
      )}
      <h3>{tr('OPD', 'Agency')}</h3>
      {s.agencies.length ? (
        <ul className="sugg-list" aria-label={tr('Saran OPD', 'Suggested agencies')}>
          {likely(s.agencies).map((a) => (
            <Suggested key={a.agencyId} {...a} />
          ))}
        </ul>
      ) : (
        none
      )}
      <h3>{tr('Kategori', 'Category')}</h3>
      {s.categories.length ? (
        <ul className="sugg-list" aria-label={tr('Saran kategori', 'Suggested categories')}>
          {likely(s.categories).map((c) => (
            <Suggested key={c.categoryId} {...c} />
          ))}
        </ul>
      ) : (
        none
      )}
      <h3>{tr('Duplikat', 'Duplicates')}</h3>
      {s.duplicates.length === 0 ? (
        <p>{tr('Tidak ada', 'None')}</p>
      ) : (
        <ul className="sugg-list" aria-label={tr('Kemungkinan duplikat', 'Possible duplicates')}>
          {s.duplicates.slice(0, 3).map((d) => (
            <li key={d.reportId}>
              <a href={`/admin/laporan/${d.reportId}`} onClick={onLinkClick}>
                {d.trackingCode}
              </a>{' '}
              <span className="sugg-score">{Math.round(d.score * 100)}%</span>
              {d.reasons.length > 0 && <span className="sugg-why"> · {d.reasons.join('; ')}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
