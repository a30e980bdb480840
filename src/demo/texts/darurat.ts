// Emergencies (BPBD, Damkar; kind kedaruratan) and reports about officials (Inspektorat only).
import type { Topic } from './types.ts'

export const DARURAT_TOPICS: Topic[] = [
  {
    id: 'banjir',
    category: 'bencana',
    kind: 'kedaruratan',
    urgency: 'mendesak',
    weight: 1.5,
    titles: ['Banjir merendam permukiman di Gampong {desa}', 'Sungai meluap, warga {desa} butuh evakuasi'],
    texts: [
      'TOLONG!! air krueng naik cepat di {desa}, udah masuk rumah setinggi pinggang. ada lansia dan bayi belum bisa keluar',
      'Banjir di {desa} kec {kec}, jalan putus, warga ngungsi ke meunasah. butuh perahu karet dan makanan',
      'min air udah masuk rumah2 di {spot} {desa}, hujan dari tadi malam gak berhenti. mohon bpbd segera',
    ],
    answers: [
      'Tim reaksi cepat {opd} telah tiba di Gampong {desa} pada {tgl} dan mengevakuasi warga ke meunasah. Bantuan logistik berupa makanan siap saji, air mineral dan terpal telah disalurkan. Pendataan kerusakan sedang dilakukan bersama aparatur gampong.',
      '{opd} telah mengerahkan perahu karet dan personel ke Gampong {desa} pada {tgl}. Dapur umum didirikan di lokasi pengungsian dan kondisi air mulai surut.',
    ],
  },
  {
    id: 'longsor-pohon-tumbang',
    category: 'bencana',
    kind: 'kedaruratan',
    urgency: 'mendesak',
    weight: 1.5,
    titles: ['Pohon tumbang menutup jalan di {desa}', 'Longsor menutup badan jalan di {kec}'],
    texts: [
      'Pohon besar tumbang di {spot} {desa}, nutup jalan dan kena kabel listrik. kendaraan gak bisa lewat sama sekali',
      'longsor di jalan menuju {desa} kec {kec}, tanah dan batu nutup badan jalan. mobil pengangkut pasien tertahan',
      'angin kencang tadi sore atap rumah2 di {desa} beterbangan, ada 5 rumah rusak. mohon bantuan',
    ],
    answers: [
      'Tim {opd} bersama TNI, Polri dan warga telah memotong dan menyingkirkan material di lokasi pada {tgl}. Jalan sudah dapat dilalui kembali. Untuk rumah rusak, pendataan dilakukan bersama Keuchik {desa} sebagai dasar bantuan.',
      'Alat berat telah dikerahkan ke lokasi longsor pada {tgl} dan badan jalan telah dibersihkan. Pengendara diminta berhati-hati karena tebing masih labil saat hujan.',
    ],
  },
  {
    id: 'abrasi',
    category: 'bencana',
    weight: 1,
    districts: ['11.15.01', '11.15.07', '11.15.08', '11.15.09'],
    titles: ['Abrasi pantai mengancam rumah warga di {desa}'],
    texts: [
      'Abrasi di pantai {desa} makin parah, ombak sudah sampai 10 meter dari rumah warga. tahun lalu ada 2 rumah yang hanyut',
    ],
    answers: [
      '{opd} telah meninjau lokasi abrasi di Gampong {desa} pada {tgl} bersama dinas teknis. Pemasangan tanggul darurat dari karung geobag dijadwalkan, dan penanganan permanen telah diusulkan kepada Balai Wilayah Sungai Sumatera I.',
    ],
  },
  {
    id: 'rumah-terbakar',
    category: 'kebakaran',
    kind: 'kedaruratan',
    urgency: 'mendesak',
    weight: 1,
    titles: ['Kebakaran rumah di Gampong {desa}', 'Api membakar rumah warga di {desa}'],
    texts: [
      'KEBAKARAN di {desa}!! rumah dekat {spot} terbakar, api besar, tolong damkar segera datang',
      'ada rumah terbakar di gampong {desa} kec {kec}, warga udah padamkan pakai ember tapi api makin besar',
    ],
    answers: [
      'Dua unit mobil pemadam {opd} tiba di lokasi di Gampong {desa} pada {tgl} dan api berhasil dipadamkan. Tidak ada korban jiwa. Data kerugian telah kami teruskan ke Dinas Sosial dan BPBD untuk bantuan masa panik.',
    ],
  },
  {
    id: 'karhutla',
    category: 'kebakaran',
    kind: 'kedaruratan',
    urgency: 'mendesak',
    weight: 1,
    districts: ['11.15.05', '11.15.09'],
    titles: ['Kebakaran lahan gambut di {kec}'],
    texts: [
      'Lahan gambut di dekat {desa} terbakar dari kemarin, asap tebal sampai ke permukiman. anak2 sesak napas',
      'min ada api di lahan rawa {desa} kec {kec}, makin meluas kena angin. sepertinya sengaja dibakar buat buka kebun',
    ],
    answers: [
      'Tim {opd} bersama Manggala Agni, BPBD dan masyarakat peduli api telah melakukan pemadaman di lahan gambut sekitar Gampong {desa} pada {tgl}. Titik api telah padam dan pendinginan dilanjutkan. Dugaan pembakaran disengaja telah kami laporkan ke kepolisian.',
    ],
  },
  {
    id: 'evakuasi-hewan',
    category: 'kebakaran',
    weight: 1,
    titles: ['Permintaan evakuasi sarang tawon di {desa}'],
    texts: [
      'ada sarang tawon vespa besar di pohon depan rumah saya di {desa}, anak saya sudah disengat. mohon damkar bantu buang',
      'ular piton masuk kandang ayam warga {desa}, besar sekali. tolong petugas evakuasi',
    ],
    answers: [
      'Petugas penyelamatan {opd} telah melakukan evakuasi di Gampong {desa} pada {tgl}. Lokasi sudah aman.',
    ],
  },
  {
    id: 'pungli-pelayanan',
    category: 'pungli-maladministrasi',
    weight: 3,
    confidential: true,
    titles: [
      'Dugaan pungutan liar dalam pengurusan layanan di {kec}',
      'Laporan dugaan pungli oleh oknum pegawai',
    ],
    texts: [
      'Saya mau lapor ada oknum pegawai di kantor kecamatan {kec} minta uang 200 ribu untuk percepat rekomendasi. katanya biar cepat siap. tolong rahasiakan nama saya',
      'ada calo di dinas yang urus izin usaha, minta bayar 1,5 juta. kalau gak pakai calo berkas gak diproses {lama}',
      'Pungutan uang perpisahan dan uang gedung di sekolah anak saya di {kec} sampai 500 ribu, orang tua tidak diajak musyawarah. kami takut anak dipersulit kalau protes',
      'Oknum petugas di puskesmas minta uang utk tanda tangan surat keterangan sehat padahal gratis. saya punya bukti chat nya',
    ],
    answers: [
      '{opd} telah menerima dan menelaah laporan Bapak/Ibu. Pada {tgl} tim telah melakukan klarifikasi kepada pihak terkait dan mengumpulkan keterangan. Hasil pemeriksaan akan ditindaklanjuti dengan rekomendasi sanksi sesuai ketentuan disiplin ASN. Identitas pelapor dijamin kerahasiaannya.',
      'Laporan telah ditindaklanjuti dengan pemeriksaan khusus oleh {opd} pada {tgl}. Pimpinan unit terkait telah diperintahkan menghentikan pungutan dan mengembalikan dana yang dipungut tanpa dasar hukum.',
    ],
  },
  {
    id: 'asn-bolos',
    category: 'pungli-maladministrasi',
    weight: 2,
    confidential: true,
    titles: ['ASN tidak disiplin pada jam kerja'],
    texts: [
      'Jam 10 pagi pegawai kantor di {kec} malah duduk di warung kopi pakai seragam, kantor kosong gak ada yang layani. hampir tiap hari begini',
      'Ada pegawai kontrak di salah satu dinas yang tidak pernah masuk kerja tapi gaji tetap jalan. semua orang tahu',
    ],
    answers: [
      '{opd} telah menyampaikan laporan tersebut kepada pimpinan perangkat daerah terkait dan melakukan pemantauan kehadiran pada {tgl}. Pegawai yang terbukti melanggar jam kerja telah diberikan pembinaan dan sanksi disiplin sesuai PP 94 Tahun 2021.',
    ],
  },
]
