// The demo tenant's agencies (SKPK) as a tree. The ten SKPK are the ones the Diskominfotik article
// (shared/context/000_*) names; Dinas Sosial is our guess for the tenth it does not list. Staff
// names are invented. Puskesmas names follow the gampong/kecamatan they sit in and are
// illustrative. Kecamatan offices are derived from the regions loaded by createTenant.
import type { AgencyType } from '../reports/model.ts'

export interface DemoAgency {
  slug: string
  name: string
  shortName: string
  type: AgencyType
  parent?: string
  isCoordinator?: boolean
  requiresApproval: boolean
  keywords: string[]
  /** Kemendagri district code for units that serve one kecamatan. */
  regionCode?: string
  contactEmail?: string
  /** Invented staff: the agency_admin and agency_head demo logins. Absent: no logins of its own. */
  staff?: { admin: string; head: string }
}

/** 'a, b, c' -> ['a', 'b', 'c']: keyword lists stay one line each. */
export const words = (list: string) =>
  list
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean)

const mail = (slug: string) => `${slug}@demo.aduan.test`

export const DEMO_AGENCIES: readonly DemoAgency[] = [
  {
    slug: 'diskominfotik',
    name: 'Dinas Komunikasi, Informatika dan Statistik',
    shortName: 'Diskominfotik',
    type: 'coordinator',
    isCoordinator: true,
    requiresApproval: true,
    keywords: words('informasi, ppid, hoaks, internet, wifi, website, aplikasi, sinyal, data, statistik'),
    contactEmail: mail('diskominfotik'),
    staff: { admin: 'Rahmat Hidayat', head: 'Teuku Fadhlullah, S.Kom., M.T.' },
  },
  {
    slug: 'disdik',
    name: 'Dinas Pendidikan',
    shortName: 'Disdik',
    type: 'dinas',
    requiresApproval: true,
    keywords: words(
      'sekolah, guru, murid, siswa, sd, smp, paud, tk, ppdb, ijazah sekolah, bos, kelas, beasiswa',
    ),
    contactEmail: mail('disdik'),
    staff: { admin: 'Nurul Aini', head: 'Drs. Hasballah Yusuf, M.Pd.' },
  },
  {
    slug: 'distanak',
    name: 'Dinas Pertanian dan Peternakan',
    shortName: 'Distanak',
    type: 'dinas',
    requiresApproval: true,
    keywords: words(
      'pupuk, subsidi, sawah, padi, irigasi tersier, hama, benih, traktor, ternak, sapi, kerbau, kambing, vaksin, penyuluh',
    ),
    contactEmail: mail('distanak'),
    staff: { admin: 'Khairul Anwar', head: 'Ir. Marzuki Daud, M.P.' },
  },
  {
    slug: 'perkim',
    name: 'Dinas Perumahan dan Permukiman',
    shortName: 'Perkim',
    type: 'dinas',
    requiresApproval: true,
    keywords: words(
      'sanitasi, jamban, septic tank, spal, air limbah, rumah layak huni, rtlh, bedah rumah, lampu jalan, pju, kumuh',
    ),
    contactEmail: mail('perkim'),
    staff: { admin: 'Safrizal', head: 'Ir. Munawar Khalil, M.T.' },
  },
  {
    slug: 'pupr',
    name: 'Dinas Pekerjaan Umum dan Penataan Ruang',
    shortName: 'PUPR',
    type: 'dinas',
    requiresApproval: true,
    keywords: words(
      'jalan, jembatan, aspal, lubang, berlubang, rusak, drainase, parit, gorong, irigasi, tanggul, bangunan, air bersih',
    ),
    contactEmail: mail('pupr'),
    staff: { admin: 'Dedi Saputra', head: 'Ir. Zulkarnaini, M.T.' },
  },
  {
    slug: 'dlh',
    name: 'Dinas Lingkungan Hidup',
    shortName: 'DLH',
    type: 'dinas',
    // The one SKPK whose admin publishes directly: garbage answers cannot wait for the head.
    requiresApproval: false,
    keywords: words(
      'sampah, tps, truk sampah, bau, kebersihan, limbah, pencemaran, sungai, asap, pabrik, pks, pohon',
    ),
    contactEmail: mail('dlh'),
    staff: { admin: 'Fitri Yani', head: 'Ir. Azhari Ibrahim, M.Si.' },
  },
  {
    slug: 'disbun',
    name: 'Dinas Perkebunan',
    shortName: 'Disbun',
    type: 'dinas',
    requiresApproval: true,
    keywords: words(
      'sawit, kelapa sawit, tbs, bibit, kebun, karet, kakao, plasma, replanting, psr, perusahaan, hgu',
    ),
    contactEmail: mail('disbun'),
    staff: { admin: 'Irwansyah', head: 'Ir. Yusrizal Hamid' },
  },
  {
    slug: 'dinkes',
    name: 'Dinas Kesehatan',
    shortName: 'Dinkes',
    type: 'dinas',
    requiresApproval: true,
    keywords: words(
      'puskesmas, pustu, bidan, posyandu, imunisasi, stunting, dbd, demam berdarah, fogging, nyamuk, kebersihan, bpjs, obat',
    ),
    contactEmail: mail('dinkes'),
    staff: { admin: 'Syarifah Rahmah', head: 'dr. Teuku Mirza Fahmi, M.Kes.' },
  },
  {
    slug: 'dpmgp4',
    name: 'Dinas Pemberdayaan Masyarakat, Gampong, Pengendalian Penduduk dan Pemberdayaan Perempuan',
    shortName: 'DPMGP4',
    type: 'dinas',
    requiresApproval: true,
    keywords: words(
      'keuchik, gampong, dana desa, dana gampong, add, blt, ijazah palsu, perangkat gampong, tuha peut, bumg, kb, perempuan, anak',
    ),
    contactEmail: mail('dpmgp4'),
    staff: { admin: 'Zuraida', head: 'Drs. Ridwan Abdullah, M.Si.' },
  },
  {
    slug: 'rsud-sim',
    name: 'Rumah Sakit Umum Daerah Sultan Iskandar Muda',
    shortName: 'RSUD SIM',
    type: 'rsud',
    requiresApproval: true,
    keywords: words(
      'rsud, rumah sakit, igd, rawat inap, dokter, perawat, obat, apotek, farmasi, rujukan, ambulans, antrian, bpjs',
    ),
    contactEmail: mail('rsud-sim'),
    staff: { admin: 'Intan Permata Sari', head: 'dr. Cut Meutia Hanum, Sp.PD' },
  },
  {
    slug: 'dinsos',
    name: 'Dinas Sosial',
    shortName: 'Dinsos',
    type: 'dinas',
    requiresApproval: true,
    keywords: words('bansos, pkh, bpnt, sembako, dtks, miskin, lansia, disabilitas, odgj, terlantar, kis'),
    contactEmail: mail('dinsos'),
    staff: { admin: 'Muhammad Iqbal', head: 'Drs. Mukhlis Hasan' },
  },
  {
    slug: 'inspektorat',
    name: 'Inspektorat Kabupaten Nagan Raya',
    shortName: 'Inspektorat',
    type: 'inspektorat',
    requiresApproval: true,
    keywords: words(
      'pungli, pungutan liar, suap, sogok, uang pelicin, korupsi, maladministrasi, asn, pns, bolos, penyalahgunaan, calo',
    ),
    contactEmail: mail('inspektorat'),
    staff: { admin: 'Salmiah', head: 'Drs. Darmawan Usman, M.M.' },
  },
  {
    slug: 'bpbd',
    name: 'Badan Penanggulangan Bencana Daerah',
    shortName: 'BPBD',
    type: 'badan',
    requiresApproval: false,
    keywords: words(
      'banjir, longsor, puting beliung, angin kencang, pohon tumbang, abrasi, gempa, pengungsi, bencana, meluap',
    ),
    contactEmail: mail('bpbd'),
    staff: { admin: 'Fauzan Akbar', head: 'Teuku Reza Pahlevi, S.STP., M.Si.' },
  },
  {
    slug: 'damkar',
    name: 'Dinas Pemadam Kebakaran dan Penyelamatan',
    shortName: 'Damkar',
    type: 'dinas',
    requiresApproval: false,
    keywords: words(
      'kebakaran, terbakar, api, asap tebal, karhutla, lahan terbakar, sarang tawon, ular, evakuasi',
    ),
    contactEmail: mail('damkar'),
    staff: { admin: 'Husaini', head: 'Nasruddin, S.E.' },
  },
]

/** One puskesmas per kecamatan, under Dinkes (names illustrative). */
export const DEMO_PUSKESMAS: readonly DemoAgency[] = (
  [
    ['pkm-ujong-patihah', 'Ujong Patihah', '11.15.01'],
    ['pkm-jeuram', 'Jeuram', '11.15.02'],
    ['pkm-seunagan-timur', 'Seunagan Timur', '11.15.03'],
    ['pkm-beutong', 'Beutong', '11.15.04'],
    ['pkm-alue-bilie', 'Alue Bilie', '11.15.05'],
    ['pkm-suka-makmue', 'Suka Makmue', '11.15.06'],
    ['pkm-padang-rubek', 'Padang Rubek', '11.15.07'],
    ['pkm-tadu-raya', 'Tadu Raya', '11.15.08'],
    ['pkm-kuala-tripa', 'Kuala Tripa', '11.15.09'],
    ['pkm-beutong-ateuh', 'Beutong Ateuh', '11.15.10'],
  ] as const
).map(([slug, place, regionCode]) => ({
  slug,
  name: `Puskesmas ${place}`,
  shortName: `PKM ${place}`,
  type: 'puskesmas' as const,
  parent: 'dinkes',
  requiresApproval: false,
  keywords: words('puskesmas'),
  regionCode,
}))

/** The puskesmas serving a district code (every kecamatan has one in the demo). */
export function puskesmasFor(districtCode: string): string {
  return DEMO_PUSKESMAS.find((p) => p.regionCode === districtCode)?.slug ?? 'dinkes'
}

export const kecamatanSlug = (districtName: string) =>
  'kec-' +
  districtName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

/** A kecamatan office (kantor camat) as an agency: a contact point (narahubung), no demo logins. */
export function kecamatanAgency(district: { code: string; name: string }): DemoAgency {
  return {
    slug: kecamatanSlug(district.name),
    name: `Kantor Camat ${district.name}`,
    shortName: `Kec. ${district.name}`,
    type: 'kecamatan',
    requiresApproval: true,
    keywords: words('camat, kecamatan'),
    regionCode: district.code,
  }
}

/** Agencies with their own demo logins (<slug>.admin@ and <slug>.head@). */
export const STAFFED_AGENCIES = DEMO_AGENCIES.filter((a) => a.staff)
