// Information requests, rumours to clarify, and what an operator archives (spam, too vague,
// not the Pemkab's business).
import type { Topic } from './types.ts'

export const INFORMASI_TOPICS: Topic[] = [
  {
    id: 'info-layanan',
    category: 'informasi-publik',
    kind: 'permintaan_informasi',
    weight: 4,
    titles: ['Permintaan informasi layanan publik', 'Pertanyaan tentang jadwal dan syarat layanan'],
    texts: [
      'Assalamualaikum min, mau tanya kantor bupati buka hari sabtu gak? mau antar undangan',
      'Min, wifi gratis di taman kota Suka Makmue masih aktif? password nya apa',
      'Saya mahasiswa, mau minta data jumlah penduduk miskin per kecamatan Nagan Raya utk skripsi. kemana harus minta?',
      'Bagaimana caranya ajukan permohonan informasi publik ke PPID Nagan Raya? ada formulir online?',
      'Mau tanya nomor WA resmi pengaduan pemkab yang benar yang mana? banyak nomor beredar',
    ],
    answers: [
      'Permohonan informasi publik dapat diajukan melalui PPID Utama di kantor Diskominfotik, Kompleks Perkantoran Suka Makmue, pada hari kerja pukul 08.00-16.00 WIB, atau melalui formulir di situs resmi Pemkab. Data statistik kependudukan dan kemiskinan per kecamatan tersedia dalam publikasi Kabupaten Nagan Raya Dalam Angka.',
      'Kantor pemerintahan melayani Senin sampai Jumat pukul 08.00-16.00 WIB. Nomor WhatsApp resmi layanan aduan hanya yang diumumkan melalui akun resmi Pemkab; mohon berhati-hati terhadap nomor lain yang mengatasnamakan Pemkab.',
    ],
  },
  {
    id: 'info-ktp',
    category: 'lainnya',
    kind: 'permintaan_informasi',
    weight: 2,
    titles: ['Pertanyaan pengurusan dokumen kependudukan'],
    texts: [
      'KTP saya hilang, urus baru di mana dan apa syaratnya? saya di {desa} jauh ke kota',
      'min blanko KTP elektronik masih kosong? udah 2 bulan cuma dapat surat keterangan',
    ],
    answers: [
      'Pengurusan KTP-el yang hilang dapat dilakukan di kantor Disdukcapil atau pada layanan jemput bola di kantor camat dengan membawa KK dan surat keterangan kehilangan dari kepolisian. Ketersediaan blanko telah kami konfirmasikan dan pencetakan kembali berjalan normal.',
    ],
  },
  {
    id: 'hoaks-bantuan-link',
    category: 'klarifikasi-hoaks',
    kind: 'klarifikasi',
    weight: 3,
    titles: [
      'Klarifikasi pesan berantai pendaftaran bantuan melalui tautan',
      'Klarifikasi kabar yang beredar di media sosial',
    ],
    texts: [
      'Min benar gak ada pendaftaran bantuan UMKM 3 juta dari pemkab lewat link ini? banyak grup WA di {kec} yang sebar, minta isi NIK sama foto KTP',
      'Beredar kabar di FB katanya air bersih di {kec} tercemar racun dan gak boleh diminum. warga panik. tolong diklarifikasi',
      'ada pesan suara viral katanya akan ada pemadaman total 3 hari di Nagan Raya, benar itu?',
      'Katanya guru honorer di Nagan Raya akan diberhentikan semua bulan depan, benar ini? ramai di grup',
    ],
    answers: [
      'Kabar tersebut tidak benar (hoaks). Pemkab Nagan Raya tidak pernah membuka pendaftaran bantuan melalui tautan pesan berantai. Mohon tidak mengisi data pribadi pada tautan tersebut. Informasi resmi hanya disampaikan melalui situs dan akun media sosial resmi Pemkab.',
      'Setelah kami konfirmasi kepada instansi teknis, informasi yang beredar tidak sesuai fakta. Klarifikasi resmi telah diunggah di akun media sosial Pemkab pada {tgl}. Terima kasih telah memeriksa kebenarannya sebelum ikut menyebarkan.',
    ],
  },
  {
    id: 'hoaks-penculikan',
    category: 'klarifikasi-hoaks',
    kind: 'klarifikasi',
    weight: 1,
    titles: ['Klarifikasi isu penculikan anak di {kec}'],
    texts: [
      'Isu penculikan anak di {desa} pakai mobil putih bikin orang tua takut antar anak sekolah. benar ada kejadian atau hoaks?',
    ],
    answers: [
      'Berdasarkan koordinasi dengan Polres Nagan Raya, tidak ada laporan penculikan anak di Kecamatan {kec}. Informasi tersebut hoaks. Klarifikasi telah disampaikan melalui akun resmi Pemkab pada {tgl}.',
    ],
  },
  {
    id: 'listrik-padam',
    category: 'lainnya',
    weight: 2,
    external:
      'gangguan listrik merupakan kewenangan PT PLN (Persero) ULP setempat; silakan melapor melalui aplikasi PLN Mobile atau call center 123',
    titles: ['Listrik sering padam di {desa}'],
    texts: [
      'listrik di {desa} mati hidup tiap hari {lama}, barang elektronik warga rusak. pemkab tolong tegur PLN',
      'Sudah 3 hari lampu padam di {desa} kec {kec}, travo rusak kata orang PLN tapi gak diganti2',
    ],
    answers: ['Laporan telah kami teruskan kepada PLN ULP setempat.'],
  },
  {
    id: 'sinyal-hilang',
    category: 'lainnya',
    weight: 1,
    external:
      'jaringan telekomunikasi seluler dikelola operator seluler; laporan telah kami teruskan ke operator terkait',
    titles: ['Sinyal seluler hilang di {desa}'],
    texts: [
      'Di {desa} sinyal hp hilang total {lama}, anak sekolah gak bisa belajar online, mau telpon darurat pun susah',
    ],
    answers: ['Laporan telah kami teruskan kepada operator seluler.'],
  },
  {
    id: 'spam',
    category: 'lainnya',
    weight: 3,
    archive: {
      reason: 'spam',
      explanation: 'pesan tidak berisi laporan atau pengaduan (salah kirim, promosi, atau pesan uji coba)',
    },
    titles: ['Pesan bukan laporan'],
    texts: [
      'P',
      'tes',
      'Assalamualaikum',
      'min follback ya',
      'Jual obat herbal asam urat, kolesterol, darah tinggi. hubungi wa ini, dijamin ampuh',
      'Promo pulsa dan paket data murah, bisa transfer bank',
      'halo ini nomor siapa ya',
    ],
    answers: [],
  },
  {
    id: 'terlalu-umum',
    category: 'lainnya',
    weight: 2,
    archive: {
      reason: 'too_general',
      explanation: 'laporan terlalu umum dan tidak menyebutkan masalah, lokasi maupun instansi yang dimaksud',
    },
    titles: ['Laporan terlalu umum'],
    texts: [
      'pemkab gak becus kerja, rakyat susah semua',
      'kapan nagan raya maju, dari dulu gini2 aja',
      'Tolong lah perhatikan rakyat kecil',
      'semua dinas lambat, percuma lapor',
    ],
    answers: [],
  },
  {
    id: 'urusan-pribadi',
    category: 'lainnya',
    weight: 1,
    archive: {
      reason: 'not_government_performance',
      explanation:
        'permasalahan bersifat pribadi/perdata antarwarga dan bukan tentang pelayanan pemerintah; dapat diselesaikan melalui peradilan adat gampong',
    },
    titles: ['Sengketa pribadi antarwarga'],
    texts: [
      'Tetangga saya di {desa} utang 5 juta gak dibayar2 udah setahun, tolong pemkab tagih',
      'batas tanah kami di {desa} digeser tetangga, pagar dipindah. mohon pemkab ukur ulang',
    ],
    answers: [],
  },
]
