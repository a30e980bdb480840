// The demo tenant's categories and their default agencies, routed the way the Diskominfotik
// article says (kebersihan -> DLH and Dinkes, obat -> RSUD or puskesmas, ijazah palsu keuchik ->
// DPMGP4, sanitasi -> Perkim) and the rest the way a Pemkab usually divides the work.
import type { SlaTier } from '../reports/model.ts'
import { words } from './agencies.ts'

export interface DemoCategory {
  slug: string
  name: string
  description: string
  slaTier: SlaTier
  keywords: string[]
  /** Default agencies, first suggested first. */
  agencies: string[]
  isWhistleblowing?: boolean
}

export const DEMO_CATEGORIES: readonly DemoCategory[] = [
  {
    slug: 'kebersihan-sampah',
    name: 'Kebersihan dan Sampah',
    description: 'Sampah menumpuk, TPS penuh, truk sampah tidak datang, kebersihan pasar dan fasilitas umum.',
    slaTier: 'ringan',
    keywords: words('sampah, tps, menumpuk, bau, busuk, kotor, kebersihan, truk sampah, lalat'),
    agencies: ['dlh', 'dinkes'],
  },
  {
    slug: 'pencemaran-lingkungan',
    name: 'Pencemaran Lingkungan',
    description: 'Limbah pabrik, pencemaran sungai, asap dan bau dari usaha.',
    slaTier: 'tidak_berkadar_pengawasan',
    keywords: words('limbah, pencemaran, tercemar, sungai, ikan mati, pabrik, pks, asap, bau'),
    agencies: ['dlh'],
  },
  {
    slug: 'pelayanan-obat',
    name: 'Pelayanan Obat',
    description: 'Obat kosong, resep tidak dilayani, antrian apotek di rumah sakit atau puskesmas.',
    slaTier: 'ringan',
    keywords: words('obat, resep, apotek, farmasi, kosong, beli di luar, stok obat'),
    agencies: ['rsud-sim', 'dinkes'],
  },
  {
    slug: 'pelayanan-rsud',
    name: 'Pelayanan Rumah Sakit',
    description: 'Pelayanan IGD, rawat inap, dokter, perawat, rujukan dan fasilitas RSUD.',
    slaTier: 'normatif',
    keywords: words('rsud, rumah sakit, igd, rawat inap, dokter, perawat, antrian, ambulans, kamar'),
    agencies: ['rsud-sim'],
  },
  {
    slug: 'pelayanan-puskesmas',
    name: 'Pelayanan Puskesmas',
    description: 'Jam buka, petugas, bidan desa, pustu dan fasilitas puskesmas.',
    slaTier: 'normatif',
    keywords: words('puskesmas, pustu, bidan, petugas, tutup, jam pelayanan'),
    agencies: ['dinkes'],
  },
  {
    slug: 'kesehatan-masyarakat',
    name: 'Kesehatan Masyarakat',
    description: 'Demam berdarah dan fogging, posyandu, imunisasi, stunting.',
    slaTier: 'ringan',
    keywords: words('dbd, demam berdarah, fogging, nyamuk, posyandu, imunisasi, stunting, gizi'),
    agencies: ['dinkes'],
  },
  {
    slug: 'ijazah-palsu-keuchik',
    name: 'Ijazah Palsu Keuchik',
    description: 'Dugaan ijazah palsu keuchik atau perangkat gampong.',
    slaTier: 'berkadar_pengawasan',
    keywords: words('ijazah palsu, ijazah, keuchik, paket c, syarat calon, pilchiksung'),
    agencies: ['dpmgp4'],
  },
  {
    slug: 'pemerintahan-gampong',
    name: 'Pemerintahan dan Dana Gampong',
    description: 'Dana desa, BLT, musyawarah gampong, pelayanan kantor keuchik.',
    slaTier: 'tidak_berkadar_pengawasan',
    keywords: words('dana desa, dana gampong, blt, keuchik, musdes, transparansi, bumg, perangkat'),
    agencies: ['dpmgp4'],
  },
  {
    slug: 'sanitasi',
    name: 'Sanitasi dan Air Limbah',
    description: 'Jamban, septic tank, saluran pembuangan air limbah rumah tangga.',
    slaTier: 'normatif',
    keywords: words('sanitasi, jamban, wc, septic tank, spal, limbah rumah, mck'),
    agencies: ['perkim'],
  },
  {
    slug: 'perumahan',
    name: 'Rumah Layak Huni',
    description: 'Bantuan rumah layak huni dan bedah rumah.',
    slaTier: 'tidak_berkadar_pengawasan',
    keywords: words('rumah layak huni, rtlh, bedah rumah, bantuan rumah, rumah dhuafa, reyot'),
    agencies: ['perkim'],
  },
  {
    slug: 'penerangan-jalan',
    name: 'Penerangan Jalan Umum',
    description: 'Lampu jalan mati atau belum ada.',
    slaTier: 'ringan',
    keywords: words('lampu jalan, pju, gelap, lampu mati, penerangan'),
    agencies: ['perkim'],
  },
  {
    slug: 'jalan-jembatan',
    name: 'Jalan dan Jembatan',
    description: 'Jalan kabupaten rusak atau berlubang, jembatan rusak atau putus.',
    slaTier: 'normatif',
    keywords: words('jalan, jembatan, berlubang, rusak, aspal, amblas, putus, becek, licin'),
    agencies: ['pupr'],
  },
  {
    slug: 'drainase-irigasi',
    name: 'Drainase dan Irigasi',
    description: 'Parit tersumbat, genangan, saluran irigasi dan tanggul.',
    slaTier: 'normatif',
    keywords: words('drainase, parit, got, gorong-gorong, tersumbat, genangan, irigasi, tanggul'),
    agencies: ['pupr'],
  },
  {
    slug: 'air-bersih',
    name: 'Air Bersih',
    description: 'Air bersih tidak mengalir, keruh, atau jaringan pipa rusak.',
    slaTier: 'normatif',
    keywords: words('air bersih, air mati, pipa, keruh, sumur bor, pamsimas'),
    agencies: ['pupr', 'perkim'],
  },
  {
    slug: 'pendidikan',
    name: 'Pendidikan dan Sekolah',
    description: 'Gedung sekolah, guru, PPDB, pungutan sekolah, beasiswa.',
    slaTier: 'normatif',
    keywords: words('sekolah, guru, siswa, murid, kelas, atap, ppdb, seragam, beasiswa, pip'),
    agencies: ['disdik'],
  },
  {
    slug: 'pertanian-pupuk',
    name: 'Pertanian dan Pupuk',
    description: 'Pupuk bersubsidi, benih, alsintan, hama, penyuluh pertanian.',
    slaTier: 'normatif',
    keywords: words('pupuk, subsidi, urea, npk, kartu tani, benih, hama, sawah, padi, traktor'),
    agencies: ['distanak'],
  },
  {
    slug: 'peternakan',
    name: 'Peternakan',
    description: 'Penyakit ternak, vaksinasi, ternak berkeliaran.',
    slaTier: 'normatif',
    keywords: words('ternak, sapi, kerbau, kambing, vaksin, pmk, lsd, berkeliaran, mantri hewan'),
    agencies: ['distanak'],
  },
  {
    slug: 'perkebunan-sawit',
    name: 'Perkebunan dan Sawit',
    description: 'Bibit dan peremajaan sawit, harga TBS, plasma, jalan produksi kebun.',
    slaTier: 'tidak_berkadar_pengawasan',
    keywords: words('sawit, tbs, bibit, psr, replanting, plasma, kebun, karet, agen, timbangan'),
    agencies: ['disbun'],
  },
  {
    slug: 'bantuan-sosial',
    name: 'Bantuan Sosial',
    description: 'PKH, BPNT, DTKS, bantuan bagi lansia dan penyandang disabilitas.',
    slaTier: 'normatif',
    keywords: words('bansos, pkh, bpnt, dtks, sembako, tidak dapat bantuan, lansia, disabilitas'),
    agencies: ['dinsos'],
  },
  {
    slug: 'bencana',
    name: 'Bencana Alam',
    description: 'Banjir, longsor, angin kencang, pohon tumbang, abrasi.',
    slaTier: 'ringan',
    keywords: words(
      'banjir, longsor, angin kencang, puting beliung, pohon tumbang, abrasi, meluap, terendam',
    ),
    agencies: ['bpbd'],
  },
  {
    slug: 'kebakaran',
    name: 'Kebakaran dan Penyelamatan',
    description: 'Kebakaran rumah atau lahan, evakuasi hewan berbahaya.',
    slaTier: 'ringan',
    keywords: words('kebakaran, terbakar, api, asap, lahan terbakar, sarang tawon, ular'),
    agencies: ['damkar'],
  },
  {
    slug: 'pungli-maladministrasi',
    name: 'Pungli dan Maladministrasi',
    description:
      'Pungutan liar, penyalahgunaan wewenang, ASN tidak disiplin. Ditangani hanya oleh Inspektorat.',
    slaTier: 'berkadar_pengawasan',
    keywords: words('pungli, pungutan, uang, bayar, calo, suap, bolos, oknum, pegawai, asn'),
    agencies: ['inspektorat'],
    isWhistleblowing: true,
  },
  {
    slug: 'informasi-publik',
    name: 'Informasi Publik',
    description: 'Permintaan informasi publik (PPID), jadwal dan syarat layanan.',
    slaTier: 'ringan',
    keywords: words('informasi, syarat, jadwal, pendaftaran, kapan, bagaimana cara, ppid'),
    agencies: ['diskominfotik'],
  },
  {
    slug: 'klarifikasi-hoaks',
    name: 'Klarifikasi Hoaks',
    description: 'Kabar yang beredar dan perlu diluruskan oleh instansi terkait.',
    slaTier: 'ringan',
    keywords: words('hoaks, hoax, viral, benarkah, beredar, isu, kabar'),
    agencies: ['diskominfotik'],
  },
  {
    slug: 'lainnya',
    name: 'Lainnya',
    description: 'Laporan yang belum masuk kategori mana pun.',
    slaTier: 'normatif',
    keywords: [],
    agencies: ['diskominfotik'],
  },
]
