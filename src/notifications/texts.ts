// What notifications say: staff (bell, e-mail, WhatsApp) and citizens (on their own channel).
// Short, always with the tracking code. Pure. Staff texts follow the recipient's language
// (users.locale, set by the admin app's language switch; Bahasa Indonesia by default); citizens
// get Bahasa Indonesia. Staff texts never name the reporter (anonymous reports stay anonymous on
// every channel).

export type Lang = 'id' | 'en'
/** A user's locale as a text language: English only when chosen, Bahasa Indonesia otherwise. */
export const langOf = (locale: string | null | undefined): Lang => (locale === 'en' ? 'en' : 'id')
const say = (lang: Lang, id: string, en: string) => (lang === 'en' ? en : id)

export type StaffType = 'disposition' | 'approval_needed' | 'due_soon' | 'escalated' | 'returned'

export interface StaffTextInput {
  type: StaffType
  code: string
  title: string | null
  agencyName: string | null
  /** escalated: the chain level reached. */
  level?: number
  overdue?: boolean
}

const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`)

export function staffTitle(i: StaffTextInput, lang: Lang = 'id'): string {
  const t = clip(i.title ?? say(lang, 'Laporan tanpa judul', 'Untitled report'), 80)
  switch (i.type) {
    case 'disposition':
      return say(
        lang,
        `Disposisi baru untuk ${i.agencyName ?? 'OPD Anda'}: ${t} (${i.code})`,
        `New disposition for ${i.agencyName ?? 'your agency'}: ${t} (${i.code})`,
      )
    case 'approval_needed':
      return say(lang, `Draf jawaban menunggu persetujuan Anda: ${t} (${i.code})`, `A draft answer awaits your approval: ${t} (${i.code})`)
    case 'due_soon':
      return say(lang, `Segera jatuh tempo: ${t} (${i.code})`, `Due soon: ${t} (${i.code})`)
    case 'escalated':
      return say(
        lang,
        `Eskalasi tingkat ${i.level ?? 1}, lewat batas waktu: ${t} (${i.code})`,
        `Escalated to level ${i.level ?? 1}, past its deadline: ${t} (${i.code})`,
      )
    case 'returned':
      return say(
        lang,
        `Dikembalikan oleh ${i.agencyName ?? 'OPD'} (bukan kewenangan): ${t} (${i.code})`,
        `Returned by ${i.agencyName ?? 'an agency'} (not its authority): ${t} (${i.code})`,
      )
  }
}

export function staffBody(i: StaffTextInput, lang: Lang = 'id'): string {
  switch (i.type) {
    case 'disposition':
      return say(lang, 'Terima disposisi ini dan tindak lanjuti sebelum batas waktu.', 'Accept this disposition and follow it up before the deadline.')
    case 'approval_needed':
      return say(lang, 'Baca draf tindak lanjut lalu setujui agar terbit ke pelapor.', 'Read the draft follow-up and approve it so that it reaches the reporter.')
    case 'due_soon':
      return say(lang, 'Batas waktu laporan ini sudah dekat.', 'This report is close to its deadline.')
    case 'escalated':
      return say(lang, 'Batas waktu laporan ini sudah terlewati dan dieskalasi kepada Anda.', 'This report is past its deadline and has been escalated to you.')
    case 'returned':
      return say(lang, 'Laporan perlu didisposisikan ulang ke OPD yang berwenang.', 'The report needs to be dispatched again to the agency in charge.')
  }
}

/** The e-mail / WhatsApp text: title, one line of context, the link. */
export const staffMessage = (title: string, body: string, link: string, lang: Lang = 'id') =>
  `${title}\n${body}\n${say(lang, 'Buka', 'Open')}: ${link}`

export const digestTitle = (count: number, lang: Lang = 'id') =>
  say(lang, `Ringkasan ${count} pemberitahuan`, `Summary of ${count} notifications`)

export function digestMessage(items: { title: string; link: string }[], more: number, lang: Lang = 'id'): string {
  const lines = items.map((x, i) => `${i + 1}. ${x.title}\n   ${x.link}`)
  const tail = more > 0 ? say(lang, `\n…dan ${more} pemberitahuan lain di aplikasi.`, `\n…and ${more} more notifications in the app.`) : ''
  return `${say(lang, 'Ringkasan pemberitahuan aduan', 'aduan notification summary')} (${items.length + more}):\n${lines.join('\n')}${tail}`
}

export type CitizenKind = 'verified' | 'needs_info' | 'answered' | 'closed' | 'archived'

export interface CitizenTextInput {
  kind: CitizenKind
  code: string
  agencies?: string[]
  message?: string | null
  answer?: string | null
  agencyName?: string | null
  /** Where the reporter rates or reopens (the portal's tracking page). */
  trackUrl: string
}

export function citizenText(i: CitizenTextInput): string {
  switch (i.kind) {
    case 'verified':
      return (
        `Laporan ${i.code} sudah diverifikasi dan diteruskan ke ${(i.agencies ?? []).join(', ') || 'OPD terkait'}. ` +
        `Kami kabari lagi saat ada tindak lanjut.`
      )
    case 'needs_info':
      return (
        `Laporan ${i.code} perlu keterangan tambahan: ${clip(i.message ?? '', 600)} ` +
        `Balas pesan ini untuk melengkapinya.`
      )
    case 'answered':
      return (
        `Tindak lanjut laporan ${i.code}${i.agencyName ? ` dari ${i.agencyName}` : ''}:\n${clip(i.answer ?? '', 2500)}\n\n` +
        `Nilai jawaban ini atau buka kembali laporan jika belum selesai: ${i.trackUrl} (kode ${i.code}).`
      )
    case 'closed':
      return `Laporan ${i.code} telah selesai. Terima kasih. Beri penilaian atau buka kembali bila belum tuntas: ${i.trackUrl} (kode ${i.code}).`
    case 'archived':
      return `Laporan ${i.code} tidak dapat kami tindak lanjuti: ${clip(i.message ?? '', 600)}`
  }
}

/** Template parameters may not hold newlines or runs of spaces (WhatsApp rejects them). */
export const templateParam = (s: string) => clip(s.replace(/\s+/g, ' ').trim(), 1000)

/** Approved templates (registered in the WhatsApp Business Manager; see docs/NOTIFICATIONS.md). */
export const TEMPLATES = {
  citizen: 'pemberitahuan_laporan',
  staff: 'notifikasi_petugas',
} as const
