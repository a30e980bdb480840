// Template jawaban for the demo tenant: operators and agency admins type /shortcut to insert one.
// Placeholders: {{kode}} tracking code, {{nama_pelapor}}, {{nama_opd}}, {{tenggat}}, {{tautan}},
// {{alasan}}, {{nama_pemda}}.

export interface DemoCannedResponse {
  shortcut: string
  title: string
  body: string
  autoReply?: 'acknowledgement' | 'outside_hours' | 'needs_info_reminder' | 'closed_survey'
}

export const DEMO_CANNED_RESPONSES: readonly DemoCannedResponse[] = [
  {
    shortcut: 'terima',
    title: 'Tanda terima laporan',
    autoReply: 'acknowledgement',
    body:
      'Terima kasih, laporan Bapak/Ibu sudah kami terima dengan kode {{kode}}. Laporan akan diverifikasi ' +
      'paling lambat {{tenggat}}. Pantau perkembangannya di {{tautan}}. Salam, Layanan Aduan {{nama_pemda}}.',
  },
  {
    shortcut: 'luarjam',
    title: 'Di luar jam kerja',
    autoReply: 'outside_hours',
    body:
      'Terima kasih telah menghubungi Layanan Aduan {{nama_pemda}}. Saat ini di luar jam kerja ' +
      '(Senin-Jumat 08.00-16.00 WIB). Laporan Anda ({{kode}}) tetap tercatat dan akan diproses pada hari kerja ' +
      'berikutnya. Untuk keadaan darurat hubungi 112.',
  },
  {
    shortcut: 'lengkapi',
    title: 'Minta data tambahan',
    body:
      'Terima kasih atas laporan Bapak/Ibu ({{kode}}). Agar dapat kami teruskan ke instansi terkait, mohon ' +
      'lengkapi: nama gampong dan kecamatan, lokasi persisnya (patokan terdekat), serta foto kondisi di lapangan ' +
      'bila ada. Laporan ditunda sampai data kami terima.',
  },
  {
    shortcut: 'ingatlengkapi',
    title: 'Pengingat data tambahan',
    autoReply: 'needs_info_reminder',
    body:
      'Pengingat: laporan {{kode}} masih menunggu keterangan tambahan dari Bapak/Ibu. Tanpa keterangan tersebut ' +
      'laporan dapat kami arsipkan.',
  },
  {
    shortcut: 'disposisi',
    title: 'Laporan diteruskan ke OPD',
    body:
      'Laporan Bapak/Ibu ({{kode}}) telah diverifikasi dan diteruskan kepada {{nama_opd}} untuk ditindaklanjuti ' +
      'paling lambat {{tenggat}}. Terima kasih atas kepeduliannya.',
  },
  {
    shortcut: 'arsip',
    title: 'Laporan diarsipkan',
    body:
      'Mohon maaf, laporan {{kode}} tidak dapat kami proses lebih lanjut karena {{alasan}}. Bapak/Ibu dapat ' +
      'menyampaikan laporan baru dengan keterangan yang lebih lengkap.',
  },
  {
    shortcut: 'bukanwewenang',
    title: 'Bukan kewenangan Pemkab',
    body:
      'Terima kasih atas laporan Bapak/Ibu ({{kode}}). Permasalahan ini merupakan kewenangan {{alasan}}, bukan ' +
      'kewenangan {{nama_pemda}}. Laporan telah kami teruskan kepada instansi tersebut.',
  },
  {
    shortcut: 'tl',
    title: 'Kerangka tindak lanjut OPD',
    body:
      'Terima kasih atas laporan Bapak/Ibu ({{kode}}). {{nama_opd}} telah menindaklanjuti laporan tersebut dengan ' +
      '... . Apabila masih terdapat kendala, silakan sampaikan kembali melalui kanal yang sama. Salam, {{nama_opd}}.',
  },
  {
    shortcut: 'survei',
    title: 'Permintaan penilaian',
    autoReply: 'closed_survey',
    body:
      'Laporan {{kode}} telah dijawab oleh {{nama_opd}}. Mohon beri nilai 1 sampai 5 atas penanganannya dengan ' +
      'membalas pesan ini, atau balas TIDAK PUAS bila masalah belum selesai.',
  },
  {
    shortcut: 'darurat',
    title: 'Kedaruratan: hubungi 112',
    body:
      'Laporan kedaruratan Anda ({{kode}}) telah kami teruskan ke {{nama_opd}} dan Call Center 112. Bila ada ' +
      'korban atau bahaya langsung, segera hubungi 112 (bebas pulsa).',
  },
  {
    shortcut: 'rahasia',
    title: 'Jaminan kerahasiaan pelapor',
    body:
      'Identitas Bapak/Ibu dirahasiakan dan tidak diteruskan kepada pihak yang dilaporkan. Laporan {{kode}} ' +
      'ditangani oleh Inspektorat sesuai ketentuan.',
  },
]
