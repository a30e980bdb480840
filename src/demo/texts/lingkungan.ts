// Kebersihan, sampah and pencemaran: the article sends kebersihan to DLH and Dinkes.
import type { Topic } from './types.ts'

export const LINGKUNGAN_TOPICS: Topic[] = [
  {
    id: 'sampah-menumpuk',
    category: 'kebersihan-sampah',
    weight: 5,
    titles: ['Sampah menumpuk {spot} Gampong {desa}', 'Tumpukan sampah tidak diangkut di {desa}, Kec. {kec}'],
    texts: [
      'Assalamualaikum, mau lapor sampah di {spot} gampong {desa} udah numpuk tinggi, {lama} gak diangkut. bau busuk sampe ke rumah warga, lalat banyak kali',
      'Min tolong sampaikan ke dinas terkait, sampah di {spot} {desa} kec {kec} udah meluber ke jalan. anjing sama kambing bongkar2 tiap malam',
      'Pak sampah di {desa} dekat {spot} {lama} tidak diangkut truk. anak2 sekolah lewat situ tutup hidung semua. mohon ditindaklanjuti',
      'sampah numpuk lg di {spot} gampong {desa}. kapan truk sampah masuk kemari? bau kali apalagi habis hujan',
      'Saya warga {desa} kecamatan {kec}. Tempat pembuangan sampah sementara {spot} sudah penuh dan sampah dibuang ke pinggir jalan. Mohon diangkut dan disediakan bak sampah yang lebih besar.',
      'Tolong lah pak, sampah di {spot} gampong {desa} ini brok that, {lama} hana yang angkut. kami warga udah capek nyampaikan ke keuchik',
    ],
    answers: [
      'Tim kebersihan {opd} telah mengangkut tumpukan sampah di Gampong {desa} pada {tgl}. Jadwal pengangkutan di wilayah tersebut kami tambah menjadi dua kali seminggu, dan kami mengimbau warga membuang sampah pada jam yang ditentukan.',
      'Petugas {opd} telah turun ke lokasi di Gampong {desa} pada {tgl} dan membersihkan tumpukan sampah. Keterlambatan disebabkan armada truk sedang dalam perbaikan; saat ini armada sudah kembali beroperasi normal.',
      '{opd} telah berkoordinasi dengan Keuchik {desa} dan pada {tgl} sampah di lokasi telah diangkut. Kami juga akan menempatkan kontainer sampah tambahan di titik tersebut.',
    ],
  },
  {
    id: 'truk-sampah-tidak-datang',
    category: 'kebersihan-sampah',
    weight: 2,
    titles: ['Truk sampah tidak masuk ke Gampong {desa}', 'Jadwal angkut sampah di {desa} tidak berjalan'],
    texts: [
      'Min truk sampah {lama} gak lewat gampong {desa}. dulu tiap selasa jumat, sekarang hilang. iuran tetap dipungut',
      'Kami warga {desa} kec {kec} tanya kenapa truk sampah tidak masuk lagi. sampah rumah tangga terpaksa dibakar, asap kemana2',
      'Bapak/Ibu DLH, jadwal pengangkutan sampah di {desa} tidak jelas. mohon informasi jadwal yang benar dan truk masuk lagi seperti biasa',
    ],
    answers: [
      'Rute pengangkutan untuk Gampong {desa} sempat terhenti karena satu unit truk rusak. Mulai {tgl} rute telah berjalan kembali setiap Selasa dan Jumat pagi. Mohon sampah dikumpulkan dalam kantong tertutup sebelum pukul 07.00 WIB.',
      '{opd} telah menjadwalkan ulang rute pengangkutan di Kecamatan {kec}. Truk akan melintasi Gampong {desa} dua kali seminggu mulai {tgl}.',
    ],
  },
  {
    id: 'sampah-pasar',
    category: 'kebersihan-sampah',
    weight: 2,
    agencies: ['dlh', 'dinkes'],
    titles: ['Kebersihan pasar di {desa} buruk', 'Sampah dan air kotor di area pasar {desa}'],
    texts: [
      'pasar di {desa} jorok kali, sampah sayur ikan dibiarkan, air comberan tergenang. pedagang sama pembeli bisa sakit. dinas kesehatan tolong dicek',
      'Assalamualaikum, mohon perhatian kebersihan pasar {desa} kec {kec}. got di belakang los ikan mampet dan bau sekali, banyak belatung',
      'Min, pasar pagi di {desa} tiap hari makin kotor. tidak ada petugas sapu. tolong la diperhatikan, ini tempat jualan makanan',
    ],
    answers: [
      'Pada {tgl} {opd} bersama petugas pasar telah melakukan pembersihan menyeluruh di area pasar Gampong {desa}, termasuk saluran di belakang los ikan. Petugas kebersihan pasar kini dijadwalkan setiap pagi.',
      'Petugas sanitasi telah melakukan inspeksi kesehatan lingkungan di pasar {desa} pada {tgl}. Pedagang telah diberikan penyuluhan dan saluran air yang tersumbat telah dibersihkan.',
    ],
  },
  {
    id: 'bakar-sampah',
    category: 'kebersihan-sampah',
    weight: 1,
    titles: ['Pembakaran sampah mengganggu warga di {desa}'],
    texts: [
      'tetangga di {desa} tiap sore bakar sampah plastik, asapnya masuk rumah, anak saya batuk2 terus. sudah ditegur gak mau dengar',
      'Pak, di {spot} {desa} ada yang bakar sampah tiap malam, bau plastik terbakar. mohon ditegur karena ada bayi dan lansia',
    ],
    answers: [
      'Petugas {opd} bersama perangkat Gampong {desa} telah memberikan teguran dan sosialisasi larangan membakar sampah pada {tgl}. Warga diarahkan menggunakan layanan pengangkutan sampah.',
    ],
  },
  {
    id: 'limbah-pks',
    category: 'pencemaran-lingkungan',
    weight: 2,
    titles: [
      'Dugaan limbah pabrik kelapa sawit mencemari sungai di {desa}',
      'Sungai berbau dan ikan mati di {desa}',
    ],
    texts: [
      'Air sungai di {desa} kec {kec} berubah hitam dan bau, ikan2 pada mati. diduga limbah PKS di hulu. warga masih pakai air sungai utk mandi',
      'Min tolong cek, krueng di belakang gampong {desa} berbusa dan bau {lama}. kami curiga limbah pabrik sawit bocor',
      'Saya melaporkan pencemaran aliran sungai di Gampong {desa}, Kecamatan {kec}. Air berwarna coklat pekat, berminyak dan banyak ikan mati. Mohon diperiksa kolam limbah pabrik di sekitar lokasi.',
    ],
    answers: [
      'Tim {opd} telah mengambil sampel air sungai di Gampong {desa} pada {tgl} untuk diuji di laboratorium dan memeriksa instalasi pengolahan air limbah pabrik terdekat. Perusahaan telah diperintahkan memperbaiki tanggul kolam limbah yang rembes. Hasil uji akan kami sampaikan kepada Keuchik {desa}.',
      '{opd} telah melakukan verifikasi lapangan pada {tgl}. Ditemukan rembesan dari kolam limbah; perusahaan telah diberi teguran tertulis dan wajib melaporkan perbaikan dalam 14 hari.',
    ],
  },
  {
    id: 'debu-asap-usaha',
    category: 'pencemaran-lingkungan',
    weight: 1,
    titles: ['Debu dan asap dari usaha di {desa}'],
    texts: [
      'Pabrik batu bata di {desa} asapnya tebal tiap hari masuk rumah warga. {lama}. apa ada izinnya?',
      'truk2 angkut tanah timbun lewat {desa} tiap hari, debu luar biasa, rumah warga putih semua. minta disiram jalan nya',
    ],
    answers: [
      '{opd} telah meninjau lokasi di Gampong {desa} pada {tgl}. Pelaku usaha diminta menyiram jalan dua kali sehari dan menutup bak truk. Kami akan melakukan pemantauan ulang dalam dua minggu.',
    ],
  },
  {
    id: 'aspirasi-bank-sampah',
    category: 'kebersihan-sampah',
    kind: 'aspirasi',
    weight: 2,
    titles: ['Usulan bank sampah di Gampong {desa}'],
    texts: [
      'Usul pak, bagaimana kalau di {desa} dibuat bank sampah. ibu2 PKK siap kelola asal ada pendampingan dan timbangan',
      'Aspirasi dari pemuda {desa}: mohon disediakan tong sampah terpilah di {spot} dan jadwal gotong royong bersama DLH',
    ],
    answers: [
      'Usulan Bapak/Ibu kami sambut baik. {opd} akan menjadwalkan sosialisasi dan pendampingan pembentukan bank sampah di Gampong {desa}. Silakan Keuchik menghubungi bidang pengelolaan sampah {opd} untuk pendataan.',
    ],
  },
]
