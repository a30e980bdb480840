// What aduan says back to citizens on their channel: short, Bahasa Indonesia, with the code.
// The acknowledgement texts may be customised per tenant (Pengaturan > Balasan otomatis,
// tenants.settings.autoReplies); empty settings keep the built-in texts below.
import type { Db } from '../db/connect.ts'
import { REPORT_STATUS_LABELS, type ReportStatus } from '../reports/model.ts'
import { parseSlaSettings } from '../reports/sla.ts'
import { fillPlaceholders, isOutOfHours, parseAutoReplies, type AutoReplies } from '../settings/autoreplies.ts'
import { readTenant, section, tenantCalendar } from '../settings/tenant-settings.ts'

/** `verifyDays`: the tenant's verification limit (SLA settings); the settings page shows '{hari}'. */
export function acknowledgementText(code: string, emergency: boolean, verifyDays: number | string = 3): string {
  if (emergency) {
    return (
      `Laporan darurat Anda diterima dengan nomor ${code}. ` +
      `Jika ada ancaman terhadap nyawa, segera hubungi 112 (gratis). Petugas kami meneruskan laporan ini sekarang.`
    )
  }
  return (
    `Terima kasih, laporan Anda telah kami terima dengan nomor ${code}. ` +
    `Petugas akan memverifikasinya paling lambat ${verifyDays} hari kerja. Cek status kapan saja: kirim "STATUS ${code}".`
  )
}

/** The acknowledgement with the tenant's own texts, placeholders filled, plus the out-of-hours note. */
export function customAcknowledgementText(
  code: string,
  emergency: boolean,
  replies: AutoReplies,
  extra: { verifyWorkingDays: number; tenantName: string; outOfHours: boolean },
): string {
  const values = { kode: code, hari: String(extra.verifyWorkingDays), pemda: extra.tenantName }
  const custom = emergency ? replies.emergencyAcknowledgement : replies.acknowledgement
  const base = custom ? fillPlaceholders(custom, values) : acknowledgementText(code, emergency, extra.verifyWorkingDays)
  if (emergency || !extra.outOfHours || !replies.outOfHoursNote) return base
  return `${base}\n\n${fillPlaceholders(replies.outOfHoursNote, values)}`
}

/** The acknowledgement a new report gets, read from the tenant's settings (in the caller's transaction). */
export async function tenantAcknowledgementText(tx: Db, tenantId: string, code: string, emergency: boolean, now: Date) {
  return (await tenantAcknowledger(tx, tenantId, now))(code, emergency)
}

/** The tenant's settings read once; the returned function writes the acknowledgement for any code. */
export async function tenantAcknowledger(tx: Db, tenantId: string, now: Date): Promise<(code: string, emergency: boolean) => string> {
  const t = await readTenant(tx, tenantId)
  if (!t) return acknowledgementText
  const replies = parseAutoReplies(t.settings.autoReplies)
  let verifyWorkingDays = 3
  try {
    verifyWorkingDays = parseSlaSettings(section(t.settings, 'sla')).verifyWorkingDays
  } catch {
    /* malformed stored SLA: keep the default figure in the text */
  }
  const outOfHours = isOutOfHours(now, tenantCalendar(t), replies.officeHours)
  return (code, emergency) => customAcknowledgementText(code, emergency, replies, { verifyWorkingDays, tenantName: t.name, outOfHours })
}

export function statusReplyText(code: string, status: ReportStatus | null): string {
  if (!status) return `Laporan ${code} tidak ditemukan untuk nomor ini. Periksa kembali kode laporan Anda.`
  return `Status laporan ${code}: ${REPORT_STATUS_LABELS[status].id}.`
}
