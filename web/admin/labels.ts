// Indonesian labels and formatting for the admin app (the vocabulary lives in src/reports/model.ts).
import { EVENT_LABELS } from '../../src/reports/lifecycle-rules.ts'
import {
  REPORT_KIND_LABELS,
  REPORT_STATUS_LABELS,
  ROLE_LABELS,
  URGENCY_LABELS,
  type ChannelType,
  type ReportKind,
  type ReportStatus,
  type Role,
} from '../../src/reports/model.ts'

export const CHANNEL_LABELS: Record<ChannelType, string> = {
  whatsapp: 'WhatsApp',
  messenger: 'Messenger',
  instagram: 'Instagram',
  facebook_comment: 'Komentar Facebook',
  instagram_comment: 'Komentar Instagram',
  x: 'X',
  telegram: 'Telegram',
  sms: 'SMS',
  email: 'E-mail',
  web: 'Portal web',
  api: 'API',
  phone: 'Telepon',
  walk_in: 'Datang langsung',
  lapor: 'SP4N-LAPOR!',
}

export const statusLabel = (s: ReportStatus) => REPORT_STATUS_LABELS[s]?.id ?? s
export const kindLabel = (k: ReportKind) => REPORT_KIND_LABELS[k]?.id ?? k
export const channelLabel = (c: ChannelType) => CHANNEL_LABELS[c] ?? c
export const roleLabel = (r: Role) => ROLE_LABELS[r]?.id ?? r
export const urgencyLabel = (u: string | null) =>
  u ? (URGENCY_LABELS as Record<string, { id: string }>)[u]?.id ?? u : '—'
const MORE_EVENT_LABELS: Record<string, string> = {
  received: 'Laporan diterima',
  message_received: 'Pesan masuk',
  message_sent: 'Pesan terkirim',
  categorized: 'Kategori ditetapkan',
  updated: 'Laporan diperbarui',
  notified: 'Pemberitahuan terkirim',
  notify_failed: 'Pemberitahuan gagal terkirim',
}
export const eventLabel = (t: string) =>
  (EVENT_LABELS as Record<string, { id: string }>)[t]?.id ?? MORE_EVENT_LABELS[t] ?? t.replaceAll('_', ' ')

/** The widest role first, as the server reads it. */
const ORDER: Role[] = ['super_admin', 'operator', 'auditor', 'agency_head', 'agency_admin', 'leader']
export const mainRole = (roles: Role[]): Role | undefined => ORDER.find((r) => roles.includes(r)) ?? roles[0]

const dateFmt = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Asia/Jakarta' })
const dateTimeFmt = new Intl.DateTimeFormat('id-ID', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Asia/Jakarta',
})
export const fmtDate = (iso: string | null | undefined) => (iso ? dateFmt.format(new Date(iso)) : '—')
export const fmtDateTime = (iso: string | null | undefined) => (iso ? `${dateTimeFmt.format(new Date(iso))} WIB` : '—')

export const SLA_LABELS = {
  overdue: 'Terlambat',
  due_soon: 'Segera jatuh tempo',
  on_track: 'Sesuai jadwal',
} as const
