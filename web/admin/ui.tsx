// Small shared pieces of the admin app: badges, the channel icon, the SLA clock, error text in
// the current language.
import { useEffect, useState } from 'react'
import type { ChannelType, ReportStatus } from '../../src/reports/model.ts'
import { ApiError, type SlaState } from './api.ts'
import { getLang, tr } from './i18n.ts'
import { channelLabel, fmtDate, slaLabel, spanText, statusLabel } from './labels.ts'

/** The server's message in the current language. */
export const serverText = (err: ApiError): string => (getLang() === 'en' ? err.messages.en : err.messages.id)

export function errorText(err: unknown, notFound?: string): string {
  if (err instanceof ApiError) {
    if (err.status === 404) return notFound ?? tr('Data tidak ditemukan.', 'Not found.')
    if (err.status === 403) return `${tr('Anda tidak berwenang melakukan tindakan ini.', 'You are not allowed to do this.')} ${serverText(err)}`.trim()
    return serverText(err)
  }
  return tr('Terjadi kesalahan. Coba lagi.', 'Something went wrong. Please try again.')
}

export function StatusBadge({ status }: { status: ReportStatus }) {
  return <span className={`badge status-${status}`}>{statusLabel(status)}</span>
}

export function SlaBadge({ state, dueAt }: { state: SlaState; dueAt: string | null }) {
  if (!dueAt || !state) return <span className="muted">—</span>
  return (
    <span className={`sla sla-${state}`}>
      {fmtDate(dueAt)}
      <span className="sla-text">{slaLabel(state)}</span>
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

/** Time left (or overdue) to the current deadline, ticking every 30 s. */
export function SlaClock({ dueAt, paused }: { dueAt: string | null | undefined; paused?: boolean }) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000)
    return () => clearInterval(t)
  }, [])
  if (paused) return <span className="sla">{tr('Jam SLA berhenti (menunggu pelapor)', 'SLA clock paused (waiting for the reporter)')}</span>
  if (!dueAt) return <span className="muted">{tr('Tidak ada tenggat berjalan', 'No running deadline')}</span>
  const left = new Date(dueAt).getTime() - now
  return left < 0 ? (
    <span className="sla sla-overdue">{tr(`Terlambat ${spanText(left)}`, `Overdue by ${spanText(left)}`)}</span>
  ) : (
    <span className={`sla ${left < 86_400_000 ? 'sla-due_soon' : 'sla-on_track'}`}>{tr(`Sisa ${spanText(left)}`, `${spanText(left)} left`)}</span>
  )
}
