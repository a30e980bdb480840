// What staff and reporters say along the way: the framing of agency answers, operator requests for
// detail, instructions, return and rejection reasons, reopen complaints and rating comments.

export const ANSWER_OPENERS = [
  'Terima kasih atas laporan Bapak/Ibu.',
  'Terima kasih atas laporan dan kepedulian Bapak/Ibu.',
  'Assalamualaikum. Terima kasih atas laporan yang Bapak/Ibu sampaikan.',
  'Menindaklanjuti laporan Bapak/Ibu, dengan ini kami sampaikan:',
  'Terima kasih telah menyampaikan laporan melalui layanan pengaduan Pemkab Nagan Raya.',
]

export const ANSWER_CLOSERS = [
  'Demikian kami sampaikan, terima kasih.',
  'Apabila masih terdapat kendala, silakan sampaikan kembali melalui layanan ini.',
  'Salam, {opd} Kabupaten Nagan Raya.',
  'Kami mohon maaf atas ketidaknyamanan yang terjadi. Terima kasih.',
  'Terima kasih atas partisipasi Bapak/Ibu dalam membangun Nagan Raya.',
]

/** Second answer after the reporter reopened. */
export const FOLLOW_UP_ANSWERS = [
  'Menindaklanjuti tanggapan Bapak/Ibu, tim {opd} kembali turun ke Gampong {desa} pada {tgl} dan menyelesaikan pekerjaan yang belum tuntas. Mohon konfirmasi bila masih ada kendala.',
  'Kami mohon maaf penanganan sebelumnya belum memuaskan. Pada {tgl} petugas {opd} telah melakukan pengecekan ulang dan perbaikan lanjutan di lokasi.',
  'Atas tanggapan Bapak/Ibu, {opd} telah berkoordinasi kembali dengan pihak gampong dan pada {tgl} penanganan lanjutan telah dilaksanakan.',
]

export const REQUEST_INFO_MESSAGES = [
  'Terima kasih atas laporannya. Mohon sebutkan nama gampong dan kecamatan serta patokan lokasi yang dimaksud agar dapat kami teruskan ke instansi terkait.',
  'Laporan Bapak/Ibu sudah kami terima. Mohon kirimkan foto kondisi di lokasi dan alamat lengkapnya.',
  'Mohon maaf, laporan belum dapat kami proses. Bisa dijelaskan lebih rinci sekolah/puskesmas/kantor mana yang dimaksud dan kapan kejadiannya?',
  'Agar dapat ditindaklanjuti, mohon lengkapi: lokasi (gampong, kecamatan), sejak kapan masalah terjadi, dan foto bila ada.',
]

export const PROVIDE_INFO_REPLIES = [
  'lokasinya di gampong {desa} kec {kec}, {spot}. fotonya sudah saya kirim',
  'ini pak di {desa}, {spot}. {lama}',
  'Gampong {desa}, Kecamatan {kec}. Patokannya {spot}.',
  'maaf baru balas. tempatnya di {desa} kec {kec} dekat {spot}',
]

export const ABANDONED_ARCHIVE_REASON =
  'pelapor tidak melengkapi keterangan yang diminta dalam batas waktu, sehingga laporan tidak dapat ditindaklanjuti'

export const DISPATCH_INSTRUCTIONS = [
  'Mohon ditindaklanjuti sesuai kewenangan dan dijawab kepada pelapor.',
  'Mohon segera dicek ke lapangan dan disampaikan hasilnya.',
  'Untuk ditindaklanjuti. Mohon koordinasi dengan pihak kecamatan/gampong bila perlu.',
  'Mohon tindak lanjut dan jawaban paling lambat sesuai tenggat.',
  'Laporan berulang dari warga, mohon diprioritaskan.',
]

export const EMERGENCY_INSTRUCTIONS = [
  'KEDARURATAN: mohon segera kerahkan tim ke lokasi. Telah diteruskan juga ke 112.',
  'Darurat, pelapor masih di lokasi. Mohon respons segera.',
]

export const HEAD_REJECT_REASONS = [
  'Jawaban terlalu singkat, mohon sebutkan tanggal penanganan dan hasilnya di lapangan.',
  'Mohon dilengkapi dengan rencana tindak lanjut berikutnya dan bahasanya diperhalus.',
  'Tolong dicek lagi nama gampongnya, dan jangan menjanjikan waktu yang belum pasti.',
]

export const REOPEN_REASONS = [
  'belum ada perbaikan sama sekali pak, masih sama kondisinya',
  'yang dikerjakan cuma sebagian, di ujung gampong masih rusak',
  'katanya sudah ditangani tapi petugas tidak pernah datang ke lokasi',
  'sudah diperbaiki tapi rusak lagi setelah hujan kemarin',
  'jawabannya tidak menjawab pertanyaan saya',
]

export const RATING_COMMENTS: Record<number, string[]> = {
  5: [
    'Alhamdulillah sudah beres, terima kasih cepat sekali',
    'mantap, terima kasih pak',
    'terima kasih banyak, sangat membantu',
    'Terima kasih Pemkab, respon cepat',
  ],
  4: [
    'terima kasih, sudah ditangani walau agak lama',
    'sudah ok, semoga dirawat terus',
    'terima kasih atas tanggapannya',
  ],
  3: ['sudah ditangani tapi lama sekali', 'lumayan, tapi harusnya dari dulu', 'ok tapi belum tuntas'],
  2: ['penanganannya asal2an', 'lambat sekali, harus lapor berkali2 baru ada respon'],
  1: ['tidak ada perubahan, percuma lapor', 'jawaban cuma formalitas'],
}

/** Operators' internal notes (never shown to the reporter). */
export const INTERNAL_NOTES = [
  'Sudah dikonfirmasi via telepon ke admin OPD.',
  'Pelapor menelepon lagi menanyakan perkembangan.',
  'Laporan serupa pernah masuk bulan lalu, cek riwayat.',
  'Foto dari pelapor sudah dicek, lokasi sesuai.',
]
