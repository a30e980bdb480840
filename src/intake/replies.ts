// What aduan says back to citizens on their channel: short, Bahasa Indonesia, with the code.
import { REPORT_STATUS_LABELS, type ReportStatus } from '../reports/model.ts'

export function acknowledgementText(code: string, emergency: boolean): string {
  if (emergency) {
    return (
      `Laporan darurat Anda diterima dengan nomor ${code}. ` +
      `Jika ada ancaman terhadap nyawa, segera hubungi 112 (gratis). Petugas kami meneruskan laporan ini sekarang.`
    )
  }
  return (
    `Terima kasih, laporan Anda telah kami terima dengan nomor ${code}. ` +
    `Petugas akan memverifikasinya paling lambat 3 hari kerja. Cek status kapan saja: kirim "STATUS ${code}".`
  )
}

export function statusReplyText(code: string, status: ReportStatus | null): string {
  if (!status) return `Laporan ${code} tidak ditemukan untuk nomor ini. Periksa kembali kode laporan Anda.`
  return `Status laporan ${code}: ${REPORT_STATUS_LABELS[status].id}.`
}
