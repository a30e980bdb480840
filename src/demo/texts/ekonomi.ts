// Farming, livestock (Distanak) and the oil-palm plantations (Disbun) Nagan Raya lives from.
import type { Topic } from './types.ts'

export const EKONOMI_TOPICS: Topic[] = [
  {
    id: 'pupuk-subsidi-langka',
    category: 'pertanian-pupuk',
    weight: 4,
    titles: ['Pupuk bersubsidi langka di kios wilayah {kec}', 'Harga pupuk subsidi di atas HET di {desa}'],
    texts: [
      'Pupuk urea subsidi di kios {desa} kosong {lama}, padahal udah masuk musim tanam. di kios lain ada tapi harga 180 ribu per sak, jauh di atas HET',
      'min petani di {kec} susah dapat pupuk subsidi, nama kami gak ada di RDKK katanya. padahal tiap tahun terdaftar',
      'kios pupuk di {desa} jual pupuk subsidi harus sepaket sama pupuk non subsidi. kalau gak beli paket gak dikasih. ini aturan dari mana?',
      'Assalamualaikum, mohon dinas pertanian cek penyaluran pupuk di {kec}. kami kelompok tani di {desa} baru dapat setengah dari jatah',
    ],
    answers: [
      '{opd} telah melakukan pengecekan ke kios pengecer di wilayah Kecamatan {kec} pada {tgl}. Kios yang menjual di atas HET dan mewajibkan paket telah diberi teguran dan dilaporkan kepada distributor. Stok pupuk bersubsidi untuk musim tanam ini telah dikirim ke kios resmi.',
      'Penyuluh pertanian {opd} telah memeriksa data RDKK kelompok tani di Gampong {desa}. Nama petani yang belum terdaftar telah diusulkan pada {tgl} dan dapat menebus pupuk setelah alokasi perubahan ditetapkan.',
    ],
  },
  {
    id: 'hama-padi',
    category: 'pertanian-pupuk',
    weight: 2,
    titles: ['Serangan hama pada tanaman padi di {desa}'],
    texts: [
      'Padi di blang {desa} diserang wereng, daun menguning dan kering. sudah semprot 2 kali gak mempan. mohon petugas POPT turun',
      'tikus merusak sawah di {desa} kec {kec}, hampir separuh batang padi dipotong. kami minta bantuan gropyokan dan racun',
    ],
    answers: [
      'Petugas pengendali OPT {opd} telah meninjau sawah di Gampong {desa} pada {tgl} dan menyalurkan bantuan pestisida serta memandu pengendalian bersama kelompok tani. Petani diimbau melakukan tanam serempak pada musim berikutnya.',
    ],
  },
  {
    id: 'alsintan-kelompok',
    category: 'pertanian-pupuk',
    weight: 1,
    titles: ['Bantuan traktor kelompok tani di {desa} dikuasai perorangan'],
    texts: [
      'traktor bantuan untuk kelompok tani {desa} dipakai ketua kelompok untuk disewakan ke luar, anggota harus bayar mahal kalau mau pakai',
    ],
    answers: [
      '{opd} telah melakukan klarifikasi kepada pengurus kelompok tani Gampong {desa} pada {tgl}. Alsintan bantuan pemerintah wajib dimanfaatkan bersama anggota; pengurus diminta menyusun jadwal penggunaan dan tarif operasional yang disepakati anggota.',
    ],
  },
  {
    id: 'ternak-berkeliaran',
    category: 'peternakan',
    weight: 3,
    titles: ['Ternak berkeliaran di jalan di {desa}', 'Sapi lepas merusak tanaman warga {desa}'],
    texts: [
      'Sapi dan kerbau berkeliaran di jalan {desa} tiap malam, sudah ada pengendara motor tabrakan. pemiliknya gak peduli',
      'min kambing warga {desa} lepas masuk kebun orang, tanaman cabai habis dimakan. tolong ditertibkan',
      'Ternak lepas di jalan kec {kec} bikin jalan kotor dan bahaya. katanya ada qanun penertiban ternak, kenapa gak dijalankan?',
    ],
    answers: [
      '{opd} bersama Satpol PP dan WH serta Pemerintah Gampong {desa} telah melakukan sosialisasi dan penertiban ternak lepas pada {tgl}. Ternak yang ditemukan berkeliaran akan diamankan sesuai qanun dan pemilik dikenakan sanksi.',
    ],
  },
  {
    id: 'penyakit-ternak',
    category: 'peternakan',
    weight: 2,
    urgency: 'penting',
    titles: ['Dugaan penyakit pada ternak sapi di {desa}'],
    texts: [
      'Sapi di {desa} banyak yang bentol2 di kulit dan gak mau makan, sudah 2 ekor mati. takutnya LSD. tolong mantri hewan datang',
      'Kerbau saya di {desa} kec {kec} mulutnya berbusa dan kakinya luka, pincang. apakah ini PMK? ke mana harus lapor',
    ],
    answers: [
      'Petugas kesehatan hewan {opd} telah memeriksa ternak di Gampong {desa} pada {tgl}, memberikan pengobatan dan mengambil sampel untuk uji laboratorium. Vaksinasi ternak di sekitar lokasi dilaksanakan minggu ini. Peternak diminta tidak menjual atau memindahkan ternak sakit.',
    ],
  },
  {
    id: 'info-vaksin-ternak',
    category: 'peternakan',
    kind: 'permintaan_informasi',
    weight: 2,
    titles: ['Informasi jadwal vaksinasi ternak'],
    texts: ['Mau tanya jadwal vaksin sapi gratis di kec {kec} kapan ya? ternak saya belum pernah divaksin'],
    answers: [
      'Vaksinasi ternak gratis dilaksanakan bergilir per kecamatan. Untuk Kecamatan {kec}, silakan menghubungi petugas Puskeswan atau penyuluh di kantor camat; jadwal juga diumumkan melalui keuchik.',
    ],
  },
  {
    id: 'bibit-sawit-palsu',
    category: 'perkebunan-sawit',
    weight: 2,
    titles: ['Dugaan peredaran bibit sawit palsu di {kec}'],
    texts: [
      'Hati2 ada yang jual bibit sawit di {kec} ngaku bersertifikat, ternyata sudah 4 tahun gak berbuah. kami petani {desa} rugi besar. mohon disbun awasi',
      'min gimana cara bedakan bibit sawit asli sama palsu? di {desa} banyak penjual keliling, harganya murah',
    ],
    answers: [
      '{opd} bersama pengawas benih telah menelusuri penjual bibit di wilayah Kecamatan {kec} pada {tgl}. Petani kami imbau membeli bibit hanya dari penangkar bersertifikat yang daftarnya tersedia di kantor {opd}, dengan label dan surat keterangan asal benih.',
    ],
  },
  {
    id: 'psr-lambat',
    category: 'perkebunan-sawit',
    weight: 2,
    titles: ['Proses peremajaan sawit rakyat (PSR) kelompok di {desa} lambat'],
    texts: [
      'Proposal PSR koperasi kami di {desa} sudah masuk {lama}, sampai sekarang belum ada kabar. kebun sudah tua, produksi turun terus',
      'Dana PSR kelompok tani di {kec} katanya sudah cair tapi pekerjaan land clearing belum mulai. anggota resah',
    ],
    answers: [
      '{opd} telah memeriksa status usulan PSR kelompok tersebut. Berkas sedang dalam tahap verifikasi teknis dan pada {tgl} kami telah meminta pengurus melengkapi dokumen legalitas lahan yang masih kurang. Pendampingan akan terus kami lakukan.',
    ],
  },
  {
    id: 'timbangan-tbs',
    category: 'perkebunan-sawit',
    weight: 2,
    titles: ['Dugaan kecurangan timbangan dan harga TBS di {kec}'],
    texts: [
      'Agen sawit di {desa} potong timbangan sampai 10 persen, harga TBS juga jauh di bawah harga penetapan. petani gak bisa apa2',
      'harga sawit di {kec} anjlok, pabrik beli murah sekali. apa pemkab gak bisa atur? kami petani kecil sangat terpukul',
    ],
    answers: [
      '{opd} telah menyampaikan harga penetapan TBS periode berjalan kepada agen dan pabrik di Kecamatan {kec} pada {tgl}, serta berkoordinasi dengan bidang metrologi untuk tera ulang timbangan. Petani diimbau bergabung dalam kelembagaan pekebun agar dapat menjual langsung ke pabrik.',
    ],
  },
  {
    id: 'jalan-produksi-kebun',
    category: 'perkebunan-sawit',
    weight: 2,
    titles: ['Jalan produksi kebun di {desa} rusak'],
    texts: [
      'jalan produksi kebun sawit di {desa} hancur, truk TBS gak bisa masuk, buah busuk di kebun. mohon ditimbun',
      'Jalan ke kebun warga di {desa} kec {kec} putus kena longsor kecil, hasil panen harus dilangsir pakai kereta',
    ],
    answers: [
      '{opd} telah meninjau jalan produksi kebun di Gampong {desa} pada {tgl}. Ruas tersebut telah kami usulkan dalam program sarana dan prasarana perkebunan, dan penimbunan sementara dilakukan bersama kelompok tani.',
    ],
    misroute: {
      agency: 'pupr',
      reason:
        'Ruas tersebut adalah jalan produksi kebun, bukan jalan kabupaten; penanganannya melalui program sarana prasarana perkebunan di Dinas Perkebunan.',
    },
  },
  {
    id: 'aspirasi-pelatihan-petani',
    category: 'pertanian-pupuk',
    kind: 'aspirasi',
    weight: 2,
    titles: ['Usulan pelatihan bagi petani muda di {kec}'],
    texts: [
      'Usul pak, adakan pelatihan pertanian organik dan pemasaran online untuk petani muda di {kec}. banyak anak muda {desa} mau bertani asal ada ilmunya',
      'Mohon penyuluh pertanian lebih sering turun ke {desa}, kami jarang sekali didatangi',
    ],
    answers: [
      'Terima kasih atas aspirasinya. {opd} akan memasukkan Kecamatan {kec} dalam jadwal sekolah lapang petani tahun ini dan meminta penyuluh wilayah menjadwalkan kunjungan rutin ke Gampong {desa}.',
    ],
  },
]
