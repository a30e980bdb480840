// What notifications say: staff (bell, e-mail, WhatsApp) and citizens (on their own channel).
// Bahasa Indonesia, short, always with the tracking code. Pure. Staff texts never name the
// reporter (anonymous reports stay anonymous on every channel).

export type StaffType = 'disposition' | 'approval_needed' | 'due_soon' | 'escalated' | 'returned'

export interface StaffTextInput {
  type: StaffType
  code: string
  title: string
  agencyName: string | null
  /** escalated: the chain level reached. */
  level?: number
  overdue?: boolean
}

const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`)

export function staffTitle(i: StaffTextInput): string {
  const t = clip(i.title, 80)
  switch (i.type) {
    case 'disposition':
      return `Disposisi baru untuk ${i.agencyName ?? 'OPD Anda'}: ${t} (${i.code})`
    case 'approval_needed':
      return `Draf jawaban menunggu persetujuan Anda: ${t} (${i.code})`
    case 'due_soon':
      return `Segera jatuh tempo: ${t} (${i.code})`
    case 'escalated':
      return `Eskalasi tingkat ${i.level ?? 1}, lewat batas waktu: ${t} (${i.code})`
    case 'returned':
      return `Dikembalikan oleh ${i.agencyName ?? 'OPD'} (bukan kewenangan): ${t} (${i.code})`
  }
}

export function staffBody(i: StaffTextInput): string {
  switch (i.type) {
    case 'disposition':
      return 'Terima disposisi ini dan tindak lanjuti sebelum batas waktu.'
    case 'approval_needed':
      return 'Baca draf tindak lanjut lalu setujui agar terbit ke pelapor.'
    case 'due_soon':
      return 'Batas waktu laporan ini sudah dekat.'
    case 'escalated':
      return 'Batas waktu laporan ini sudah terlewati dan dieskalasi kepada Anda.'
    case 'returned':
      return 'Laporan perlu didisposisikan ulang ke OPD yang berwenang.'
  }
}

/** The e-mail / WhatsApp text: title, one line of context, the link. */
export const staffMessage = (title: string, body: string, link: string) => `${title}\n${body}\nBuka: ${link}`

export function digestMessage(items: { title: string; link: string }[], more: number): string {
  const lines = items.map((x, i) => `${i + 1}. ${x.title}\n   ${x.link}`)
  const tail = more > 0 ? `\n…dan ${more} pemberitahuan lain di aplikasi.` : ''
  return `Ringkasan pemberitahuan aduan (${items.length + more}):\n${lines.join('\n')}${tail}`
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
