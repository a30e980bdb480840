// Labels and formatting for the admin app in the current language (web/admin/i18n.ts): the
// vocabulary lives in src/reports/model.ts and lifecycle-rules.ts as {id, en} pairs.
import { EVENT_LABELS } from '../../src/reports/lifecycle-rules.ts'
import {
  DISPOSITION_STATUS_LABELS,
  REPORT_KIND_LABELS,
  REPORT_STATUS_LABELS,
  RESPONSE_STATUS_LABELS,
  ROLE_LABELS,
  URGENCY_LABELS,
  type ChannelType,
  type ReportKind,
  type ReportStatus,
  type Role,
} from '../../src/reports/model.ts'
import { getLang, tr } from './i18n.ts'

type Pair = { id: string; en: string }
/** The side of an {id, en} pair for the current language. */
export const pick = (l: Pair | undefined): string | undefined => (l ? (getLang() === 'en' ? l.en : l.id) : undefined)

const CHANNELS: Record<ChannelType, Pair> = {
  whatsapp: { id: 'WhatsApp', en: 'WhatsApp' },
  messenger: { id: 'Messenger', en: 'Messenger' },
  instagram: { id: 'Instagram', en: 'Instagram' },
  facebook_comment: { id: 'Komentar Facebook', en: 'Facebook comment' },
  instagram_comment: { id: 'Komentar Instagram', en: 'Instagram comment' },
  x: { id: 'X', en: 'X' },
  telegram: { id: 'Telegram', en: 'Telegram' },
  sms: { id: 'SMS', en: 'SMS' },
  email: { id: 'E-mail', en: 'E-mail' },
  web: { id: 'Portal web', en: 'Web portal' },
  api: { id: 'API', en: 'API' },
  phone: { id: 'Telepon', en: 'Phone' },
  walk_in: { id: 'Datang langsung', en: 'Walk-in' },
  lapor: { id: 'SP4N-LAPOR!', en: 'SP4N-LAPOR!' },
}

/** Channel names in the current language (read at use: each property follows the switch). */
export const CHANNEL_LABELS = Object.defineProperties(
  {} as Record<ChannelType, string>,
  Object.fromEntries(Object.keys(CHANNELS).map((k) => [k, { enumerable: true, get: () => pick(CHANNELS[k as ChannelType]) }])),
)

export const statusLabel = (s: ReportStatus) => pick(REPORT_STATUS_LABELS[s]) ?? s
export const kindLabel = (k: ReportKind) => pick(REPORT_KIND_LABELS[k]) ?? k
export const channelLabel = (c: ChannelType) => pick(CHANNELS[c]) ?? c
export const roleLabel = (r: Role) => pick(ROLE_LABELS[r]) ?? r
export const dispositionStatusLabel = (s: string) => pick((DISPOSITION_STATUS_LABELS as Record<string, Pair>)[s]) ?? s
export const responseStatusLabel = (s: string) => pick((RESPONSE_STATUS_LABELS as Record<string, Pair>)[s]) ?? s
export const urgencyLabel = (u: string | null) => (u ? (pick((URGENCY_LABELS as Record<string, Pair>)[u]) ?? u) : '—')
const MORE_EVENT_LABELS: Record<string, Pair> = {
  received: { id: 'Laporan diterima', en: 'Report received' },
  message_received: { id: 'Pesan masuk', en: 'Message received' },
  message_sent: { id: 'Pesan terkirim', en: 'Message sent' },
  categorized: { id: 'Kategori ditetapkan', en: 'Category set' },
  updated: { id: 'Laporan diperbarui', en: 'Report updated' },
  notified: { id: 'Pemberitahuan terkirim', en: 'Notification sent' },
  notify_failed: { id: 'Pemberitahuan gagal terkirim', en: 'Notification failed' },
  identity_erased: { id: 'Identitas pelapor dihapus (UU PDP)', en: "Reporter's identity erased (PDP law)" },
}
export const eventLabel = (t: string) =>
  pick((EVENT_LABELS as Record<string, Pair>)[t]) ?? pick(MORE_EVENT_LABELS[t]) ?? t.replaceAll('_', ' ')

/** The widest role first, as the server reads it. */
const ORDER: Role[] = ['super_admin', 'operator', 'auditor', 'agency_head', 'agency_admin', 'leader']
export const mainRole = (roles: Role[]): Role | undefined => ORDER.find((r) => roles.includes(r)) ?? roles[0]

/** The locale for dates and numbers: Indonesian, or British English (day before month, 24 h). */
export const locale = () => (getLang() === 'en' ? 'en-GB' : 'id-ID')
const fmts = new Map<string, Intl.DateTimeFormat>()
function fmt(kind: 'date' | 'dateTime'): Intl.DateTimeFormat {
  const key = `${locale()}:${kind}`
  let f = fmts.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(locale(), {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      ...(kind === 'dateTime' ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
      timeZone: 'Asia/Jakarta',
    })
    fmts.set(key, f)
  }
  return f
}
export const fmtDate = (iso: string | null | undefined) => (iso ? fmt('date').format(new Date(iso)) : '—')
export const fmtDateTime = (iso: string | null | undefined) => (iso ? `${fmt('dateTime').format(new Date(iso))} WIB` : '—')
export const fmtNumber = (n: number) => n.toLocaleString(locale())

const SLA: Record<'overdue' | 'due_soon' | 'on_track', Pair> = {
  overdue: { id: 'Terlambat', en: 'Overdue' },
  due_soon: { id: 'Segera jatuh tempo', en: 'Due soon' },
  on_track: { id: 'Sesuai jadwal', en: 'On track' },
}
export const slaLabel = (s: keyof typeof SLA) => pick(SLA[s]) ?? s
/** Kept for callers that index it: each property follows the language switch. */
export const SLA_LABELS = Object.defineProperties({} as Record<keyof typeof SLA, string>, {
  overdue: { enumerable: true, get: () => slaLabel('overdue') },
  due_soon: { enumerable: true, get: () => slaLabel('due_soon') },
  on_track: { enumerable: true, get: () => slaLabel('on_track') },
})

/** "3 days 2 hours" / "3 hari 2 jam". */
export function spanText(ms: number): string {
  const m = Math.round(Math.abs(ms) / 60_000)
  const d = Math.floor(m / 1440)
  const h = Math.floor((m % 1440) / 60)
  if (d > 0) return tr(`${d} hari ${h} jam`, `${d} d ${h} h`)
  if (h > 0) return tr(`${h} jam ${m % 60} menit`, `${h} h ${m % 60} min`)
  return tr(`${m} menit`, `${m} min`)
}
