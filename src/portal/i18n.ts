// Portal texts: Bahasa Indonesia first, English when ?lang=en (or the lang cookie) asks for it.
import type { Label } from '../reports/model.ts'

export type Lang = 'id' | 'en'

export const TEXT = {
  siteName: { id: 'Layanan Pengaduan Masyarakat', en: 'Public Complaints Service' },
  skip: { id: 'Langsung ke isi', en: 'Skip to content' },
  navHome: { id: 'Beranda', en: 'Home' },
  navReport: { id: 'Lapor', en: 'Report' },
  navTrack: { id: 'Lacak', en: 'Track' },
  navPublic: { id: 'Publik', en: 'Public' },
  navAgencies: { id: 'OPD', en: 'Agencies' },
  navPosts: { id: 'Klarifikasi', en: 'Clarifications' },
  otherLang: { id: 'English', en: 'Bahasa Indonesia' },
  homeLead: {
    id: 'Sampaikan pengaduan, aspirasi atau permintaan informasi kepada Pemerintah Daerah. Setiap laporan mendapat kode pelacakan, diteruskan ke perangkat daerah (OPD) yang berwenang, dan dijawab tepat waktu.',
    en: 'Send a complaint, an aspiration or an information request to the local government. Every report gets a tracking code, goes to the agency in charge, and is answered on time.',
  },
  homeChannels: {
    id: 'Tidak perlu memasang aplikasi: lapor lewat halaman ini, WhatsApp, SMS, e-mail, Telegram, Facebook, Instagram atau X.',
    en: 'No app needed: report on this page, by WhatsApp, SMS, e-mail, Telegram, Facebook, Instagram or X.',
  },
  ctaReport: { id: 'Buat laporan', en: 'File a report' },
  ctaTrack: { id: 'Lacak laporan', en: 'Track a report' },
  stats: { id: 'Angka singkat', en: 'In numbers' },
  statReceived: { id: 'laporan diterima', en: 'reports received' },
  statAnswered: { id: 'sudah dijawab', en: 'answered' },
  statAgencies: { id: 'perangkat daerah', en: 'agencies' },
  latestPublic: { id: 'Laporan publik terbaru', en: 'Latest public reports' },
  seeAll: { id: 'Lihat semua', en: 'See all' },
  staffLogin: { id: 'Masuk ke aplikasi petugas', en: 'Staff sign-in' },
  apiDocs: { id: 'Dokumentasi API', en: 'API documentation' },
  footer: {
    id: 'aduan: perangkat lunak sumber terbuka (AGPL-3.0) untuk pengaduan masyarakat, selaras dengan SP4N-LAPOR!.',
    en: 'aduan: open-source software (AGPL-3.0) for public complaints, aligned with SP4N-LAPOR!.',
  },
  // filing
  reportTitle: { id: 'Buat laporan', en: 'File a report' },
  what: { id: 'Apa yang terjadi?', en: 'What happened?' },
  whatHint: {
    id: 'Ceritakan apa, di mana dan sejak kapan. Jangan tulis NIK atau nomor rekening.',
    en: 'Say what, where and since when. Do not write ID or bank account numbers.',
  },
  kind: { id: 'Jenis laporan', en: 'Kind of report' },
  category: { id: 'Kategori (boleh dikosongkan)', en: 'Category (optional)' },
  noCategory: { id: '— Tidak tahu —', en: '— Not sure —' },
  area: { id: 'Wilayah', en: 'Area' },
  where: { id: 'Di mana? (kecamatan / desa)', en: 'Where? (district / village)' },
  noRegion: { id: '— Pilih desa/kelurahan —', en: '— Choose a village —' },
  whereDetail: { id: 'Patokan lokasi (boleh dikosongkan)', en: 'Landmark (optional)' },
  photos: { id: 'Foto (paling banyak 3, masing-masing ≤ 8 MB)', en: 'Photos (up to 3, 8 MB each)' },
  photosHint: {
    id: 'Data lokasi dan kamera di dalam foto dihapus sebelum foto ditampilkan kepada siapa pun selain admin.',
    en: 'Location and camera data inside photos are removed before anyone but the operators sees them.',
  },
  privacy: { id: 'Kerahasiaan', en: 'Privacy' },
  privacyNormal: { id: 'Biasa', en: 'Normal' },
  privacyNormalHint: {
    id: 'Laporan boleh tampil di halaman publik (nama dan nomor Anda tidak pernah ditampilkan).',
    en: 'The report may appear on the public pages (your name and number are never shown).',
  },
  privacyAnon: { id: 'Anonim', en: 'Anonymous' },
  privacyAnonHint: {
    id: 'Isi laporan boleh tampil di publik, tetapi identitas Anda hanya diketahui admin koordinator, tidak oleh OPD yang ditunjuk.',
    en: 'The report may be public, but only the coordinating operators know who you are; the agency does not.',
  },
  privacyConf: { id: 'Rahasia', en: 'Confidential' },
  privacyConfHint: {
    id: 'Laporan tidak pernah tampil di halaman publik. Hanya petugas yang menanganinya yang dapat membacanya.',
    en: 'The report never appears on the public pages. Only the officers handling it can read it.',
  },
  contact: { id: 'Cara menghubungi Anda', en: 'How to reach you' },
  contactNone: { id: 'Tidak perlu (saya pantau lewat kode pelacakan)', en: 'No need (I will follow the tracking code)' },
  contactWa: { id: 'WhatsApp', en: 'WhatsApp' },
  contactSms: { id: 'SMS', en: 'SMS' },
  contactEmail: { id: 'E-mail', en: 'E-mail' },
  contactValue: { id: 'Nomor HP atau alamat e-mail', en: 'Phone number or e-mail address' },
  name: { id: 'Nama (boleh dikosongkan)', en: 'Name (optional)' },
  honeypot: { id: 'Jangan isi kolom ini', en: 'Leave this field empty' },
  send: { id: 'Kirim laporan', en: 'Send the report' },
  offlineSaved: {
    id: 'Anda sedang luring. Laporan disimpan di perangkat ini dan akan dikirim otomatis saat tersambung kembali.',
    en: 'You are offline. The report is kept on this device and will be sent when you are back online.',
  },
  offlineSent: { id: 'Laporan yang tersimpan sudah terkirim.', en: 'The saved report has been sent.' },
  // result
  doneTitle: { id: 'Laporan diterima', en: 'Report received' },
  yourCode: { id: 'Kode pelacakan Anda', en: 'Your tracking code' },
  privateLink: { id: 'Tautan pribadi', en: 'Private link' },
  privateLinkHint: {
    id: 'Simpan tautan ini. Dengan tautan ini Anda dapat melihat jawaban, menambah keterangan, memberi penilaian, atau membuka kembali laporan. Jangan bagikan kepada orang lain.',
    en: 'Keep this link. With it you can read the answers, add information, rate the answer or reopen the report. Do not share it.',
  },
  // tracking
  trackTitle: { id: 'Lacak laporan', en: 'Track a report' },
  code: { id: 'Kode pelacakan', en: 'Tracking code' },
  find: { id: 'Cari', en: 'Find' },
  notFound: { id: 'Laporan dengan kode itu tidak ditemukan.', en: 'No report has that code.' },
  codeOnly: {
    id: 'Dengan kode saja Anda melihat status dan tenggat. Isi laporan, jawaban OPD untuk laporan yang tidak publik, dan tombol tindakan hanya tampil lewat tautan pribadi yang diberikan saat melapor.',
    en: 'With the code alone you see the status and deadlines. The text, answers to non-public reports and the actions need the private link given when you reported.',
  },
  status: { id: 'Status', en: 'Status' },
  received: { id: 'Diterima', en: 'Received' },
  deadline: { id: 'Tenggat tahap ini', en: 'Deadline of this stage' },
  overdue: { id: 'terlambat', en: 'overdue' },
  answers: { id: 'Jawaban perangkat daerah', en: 'Answers of the agencies' },
  noAnswers: { id: 'Belum ada jawaban.', en: 'No answer yet.' },
  history: { id: 'Riwayat', en: 'History' },
  yourReport: { id: 'Laporan Anda', en: 'Your report' },
  addInfo: { id: 'Tambah keterangan', en: 'Add information' },
  addInfoLabel: { id: 'Apa yang ingin Anda tambahkan?', en: 'What would you like to add?' },
  addInfoSend: { id: 'Kirim keterangan', en: 'Send' },
  confirm: { id: 'Saya puas, selesaikan laporan', en: 'I am satisfied: close the report' },
  rate: { id: 'Beri penilaian', en: 'Rate the answer' },
  rating: { id: 'Nilai (1 = buruk, 5 = sangat baik)', en: 'Score (1 = poor, 5 = very good)' },
  comment: { id: 'Komentar (boleh dikosongkan)', en: 'Comment (optional)' },
  rateSend: { id: 'Kirim penilaian', en: 'Send the rating' },
  rated: { id: 'Penilaian Anda', en: 'Your rating' },
  reopen: { id: 'Belum selesai? Buka kembali', en: 'Not resolved? Reopen' },
  reopenReason: { id: 'Apa yang belum selesai?', en: 'What is not resolved?' },
  reopenSend: { id: 'Buka kembali laporan', en: 'Reopen the report' },
  saved: { id: 'Tersimpan. Terima kasih.', en: 'Saved. Thank you.' },
  // personal data (UU PDP no. 27/2022)
  pdpLink: { id: 'Data pribadi saya', en: 'My personal data' },
  pdpTitle: { id: 'Data pribadi Anda', en: 'Your personal data' },
  pdpLead: {
    id: 'Sesuai UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi, Anda berhak melihat data pribadi yang kami simpan dan meminta penghapusannya.',
    en: 'Under Law No. 27/2022 on Personal Data Protection you may see the personal data we hold about you and ask for its erasure.',
  },
  pdpContact: { id: 'Kontak', en: 'Contact' },
  pdpName: { id: 'Nama', en: 'Name' },
  pdpPhone: { id: 'Nomor HP', en: 'Phone' },
  pdpEmail: { id: 'E-mail', en: 'E-mail' },
  pdpIdentities: { id: 'Akun kanal', en: 'Channel accounts' },
  pdpReports: { id: 'Laporan Anda', en: 'Your reports' },
  pdpMessages: { id: 'Pesan', en: 'Messages' },
  pdpMessagesStored: {
    id: 'pesan tersimpan; isi lengkapnya ada di berkas unduhan (JSON).',
    en: 'messages stored; their full text is in the download (JSON).',
  },
  pdpFiles: { id: 'Lampiran', en: 'Attachments' },
  pdpNone: { id: 'Tidak ada.', en: 'None.' },
  pdpNoContact: {
    id: 'Laporan ini dikirim tanpa data kontak: yang kami simpan hanya isi laporan dan lampirannya.',
    en: 'This report was sent without contact details: we hold only the report and its attachments.',
  },
  pdpDownload: { id: 'Unduh data saya (JSON)', en: 'Download my data (JSON)' },
  pdpEraseTitle: { id: 'Minta penghapusan identitas', en: 'Ask for your identity to be erased' },
  pdpEraseExplain: {
    id: 'Nama, nomor HP, e-mail, akun kanal Anda, dan foto asli akan dihapus. Isi laporan (tanpa identitas, seperti yang tampil di halaman publik), statusnya, riwayatnya dan kode pelacakan tetap disimpan agar penanganannya dapat dipertanggungjawabkan. Setelah dihapus, kami tidak dapat lagi mengirim kabar kepada Anda; tautan pribadi ini tetap dapat dipakai untuk melihat status.',
    en: 'Your name, phone, e-mail, channel accounts and original photos will be erased. The report itself (without identity, as the public page shows it), its status, history and tracking code are kept so that its handling stays accountable. Afterwards we can no longer send you updates; this private link still shows the status.',
  },
  pdpEraseConfirm: { id: 'Saya mengerti dan ingin identitas saya dihapus.', en: 'I understand and want my identity erased.' },
  pdpEraseReason: { id: 'Alasan (boleh dikosongkan)', en: 'Reason (optional)' },
  pdpEraseSend: { id: 'Kirim permintaan penghapusan', en: 'Send the erasure request' },
  pdpErasePending: {
    id: 'Permintaan penghapusan Anda diterima. Batas waktu pelaksanaan (3 x 24 jam):',
    en: 'Your erasure request was received. It will be carried out by (3 x 24 hours):',
  },
  pdpEraseDone: { id: 'Identitas Anda telah dihapus pada', en: 'Your identity was erased on' },
  pdpEraseNeedConfirm: { id: 'Centang persetujuan untuk mengirim permintaan.', en: 'Tick the box to send the request.' },
  // transparency
  publicTitle: { id: 'Laporan publik', en: 'Public reports' },
  publicLead: {
    id: 'Laporan yang sudah diverifikasi dan tidak rahasia. Nama, nomor telepon, e-mail, NIK dan akun media sosial disamarkan.',
    en: 'Verified, non-confidential reports. Names, phone numbers, e-mails, ID numbers and social accounts are masked.',
  },
  filterAll: { id: 'Semua kecamatan', en: 'All districts' },
  filter: { id: 'Saring', en: 'Filter' },
  noReports: { id: 'Belum ada laporan publik.', en: 'No public reports yet.' },
  more: { id: 'Berikutnya', en: 'More' },
  map: { id: 'Peta', en: 'Map' },
  agenciesTitle: { id: 'Kinerja perangkat daerah', en: 'How the agencies answer' },
  responseRate: { id: 'Tingkat jawaban', en: 'Response rate' },
  medianFirst: { id: 'Median waktu jawaban pertama', en: 'Median time to first answer' },
  medianDone: { id: 'Median waktu sampai selesai', en: 'Median time to completion' },
  assigned: { id: 'Disposisi diterima', en: 'Reports assigned' },
  dispositionsShort: { id: 'disposisi', en: 'assigned' },
  answeredShort: { id: 'dijawab', en: 'answered' },
  medianShort: { id: 'median jawaban pertama', en: 'median first answer' },
  latestAnswers: { id: 'Jawaban terbaru', en: 'Latest answers' },
  statsNote: {
    id: 'Dihitung dari semua disposisi (termasuk laporan rahasia, tanpa menampilkan isinya); disposisi yang dikembalikan atau dibatalkan tidak dihitung.',
    en: 'Computed over every disposition (confidential reports included, never shown); returned or cancelled dispositions are not counted.',
  },
  postsTitle: { id: 'Klarifikasi dan kegiatan', en: 'Clarifications and activities' },
  clarification: { id: 'Klarifikasi', en: 'Clarification' },
  activity: { id: 'Kegiatan', en: 'Activity' },
  noPosts: { id: 'Belum ada klarifikasi.', en: 'Nothing published yet.' },
  days: { id: 'hari', en: 'days' },
  hours: { id: 'jam', en: 'hours' },
  none: { id: '—', en: '—' },
  notFoundTitle: { id: 'Halaman tidak ditemukan', en: 'Page not found' },
  refusedTitle: { id: 'Laporan belum dapat diterima', en: 'The report could not be accepted' },
  back: { id: 'Kembali', en: 'Back' },
  rateLimited: {
    id: 'Terlalu banyak laporan dikirim dari jaringan ini dalam waktu singkat. Silakan coba lagi beberapa menit lagi, atau lapor lewat WhatsApp/SMS.',
    en: 'Too many reports were sent from this network in a short time. Please try again in a few minutes, or report by WhatsApp/SMS.',
  },
  spam: {
    id: 'Laporan ditolak karena terdeteksi sebagai kiriman otomatis. Jika Anda manusia, kosongkan semua kolom tersembunyi dan kirim ulang.',
    en: 'The report was refused as an automated submission. If you are human, clear any hidden field and send it again.',
  },
} as const satisfies Record<string, Label>

export type TextKey = keyof typeof TEXT

export function langOf(query: unknown, cookie: string | undefined, acceptLanguage?: string): Lang {
  const q = (query as { lang?: unknown } | undefined)?.lang
  if (q === 'en' || q === 'id') return q
  if (cookie === 'en' || cookie === 'id') return cookie
  void acceptLanguage // Bahasa Indonesia first, whatever the browser says
  return 'id'
}

export const translator = (lang: Lang) => (k: TextKey) => TEXT[k][lang]
export const label = (l: Label, lang: Lang) => l[lang]
