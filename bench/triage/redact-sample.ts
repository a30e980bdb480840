// Prints the masked sample shown in docs/TRIAGE.md: Surabaya-style texts written for aduan
// (names, numbers and addresses invented), redacted with redactText.
import { redactText } from '../../src/triage/redact.ts'

export const SAMPLE_TEXTS = [
  'Selamat pagi, saya Rudi Hartono warga Jl. Kalijudan No. 17 RT 04 RW 06 Kelurahan Kalijudan Kecamatan Mulyorejo. Saluran depan rumah mampet, mohon dibersihkan. Hub 0813-3344-5566',
  'lampu pju di jalan ngagel jaya selatan mati sudah seminggu, gelap bgt kalo malam. tolong dicek pak',
  'Bapak Walikota yth, bansos atas nama Sumiati NIK 3578 0145 1269 0003 belum cair padahal sdh terdaftar MBR, kami tinggal di Gang Lebar 3 Wonokromo',
  'tetangga pak suwarno buka bengkel di badan jalan Kupang Jaya blok C-12, bikin macet. kalau ditegur marah2',
  'Mohon info untuk pengurusan akta kelahiran anak saya, sdh ke kelurahan Tegalsari tp disuruh ke dispendukcapil. email saya rina.wulandari88@gmail.com',
  'sampah di TPS Keputran belum diangkut 4 hari, bau sampai ke Jalan Raya Darmo. foto sdh sy kirim ke ig @dlh_sby_fake',
  'a.n. Bambang Susilo, alamat Perum Griya Babatan Mukti blok F no 9, Wiyung. Air PDAM mati sejak kemarin sore',
  'Ass. ketua RT namanya SLAMET minta iuran 200rb utk surat pindah, padahal di kelurahan Sidotopo gratis. wa saya +62 857 1234 9876',
  'jalan ambles di jalan Kenjeran 301 dekat jembatan, sudah 2 kali motor jatuh. mohon segera diperbaiki',
  'Saya Dewi Anggraini, mau tanya jadwal vaksin di Puskesmas Pucang Sewu. no hp 081 2345 67890',
  'Parkir liar di depan Pasar Genteng setiap pagi, jukirnya minta 5000. mohon satpol pp menertibkan',
  'ibu saya lansia, KK 3578-0101-2020-0077, blm dapat permakanan. rumah di Rungkut Lor gang 2 no 15A',
  'pohon di jalan Mayjen Sungkono depan SPBU miring, takut tumbang kena kabel. Pak Lurah Pradah sdh tau',
  'Sdr. Agus Setiawan yang tinggal di rt.3/rw.7 Simokerto bikin kandang ayam di saluran, baunya menyengat',
  'Mohon perbaikan jalan paving di Jl Manukan Tama 12, rusak sejak proyek pipa. kontak 031-7654321',
]

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const t of SAMPLE_TEXTS) process.stdout.write(`- ${redactText(t)}\n`)
}
