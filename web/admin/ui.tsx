// Small shared pieces of the admin app: badges, the channel icon, the SLA clock, error text.
import { useEffect, useState } from 'react'
import type { ChannelType, ReportStatus } from '../../src/reports/model.ts'
import { ApiError, type SlaState } from './api.ts'
import { channelLabel, fmtDate, SLA_LABELS, statusLabel } from './labels.ts'

export function errorText(err: unknown, notFound = 'Data tidak ditemukan.'): string {
  if (err instanceof ApiError) {
    if (err.status === 404) return notFound
    if (err.status === 403) return `Anda tidak berwenang melakukan tindakan ini. ${err.messages.id}`.trim()
    return err.messages.id
  }
  return 'Terjadi kesalahan. Coba lagi.'
}

export function StatusBadge({ status }: { status: ReportStatus }) {
  return <span className={`badge status-${status}`}>{statusLabel(status)}</span>
}

export function SlaBadge({ state, dueAt }: { state: SlaState; dueAt: string | null }) {
  if (!dueAt || !state) return <span className="muted">—</span>
  return (
    <span className={`sla sla-${state}`}>
      {fmtDate(dueAt)}
      <span className="sla-text">{SLA_LABELS[state]}</span>
    </span>
  )
}

const ICONS: Partial<Record<ChannelType, string>> = {
  whatsapp: 'WA',
  telegram: 'TG',
  messenger: 'FB',
  facebook_comment: 'FB',
  instagram: 'IG',
  instagram_comment: 'IG',
  x: 'X',
  sms: 'SMS',
  email: '@',
  web: 'WEB',
  phone: 'TEL',
  walk_in: 'DL',
  lapor: 'LPR',
  api: 'API',
}

/** A small coloured mark for the channel; the name is in the accessible label. */
export function ChannelIcon({ channel }: { channel: ChannelType }) {
  return (
    <span className={`chan chan-${channel}`} role="img" aria-label={channelLabel(channel)} title={channelLabel(channel)}>
      {ICONS[channel] ?? '•'}
    </span>
  )
}

function span(ms: number): string {
  const m = Math.round(Math.abs(ms) / 60_000)
  const d = Math.floor(m / 1440)
  const h = Math.floor((m % 1440) / 60)
  if (d > 0) return `${d} hari ${h} jam`
  if (h > 0) return `${h} jam ${m % 60} menit`
  return `${m} menit`
}

/** Time left (or overdue) to the current deadline, ticking every 30 s. */
export function SlaClock({ dueAt, paused }: { dueAt: string | null | undefined; paused?: boolean }) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000)
    return () => clearInterval(t)
  }, [])
  if (paused) return <span className="sla">Jam SLA berhenti (menunggu pelapor)</span>
  if (!dueAt) return <span className="muted">Tidak ada tenggat berjalan</span>
  const left = new Date(dueAt).getTime() - now
  return left < 0 ? (
    <span className="sla sla-overdue">Terlambat {span(left)}</span>
  ) : (
    <span className={`sla ${left < 86_400_000 ? 'sla-due_soon' : 'sla-on_track'}`}>Sisa {span(left)}</span>
  )
}
