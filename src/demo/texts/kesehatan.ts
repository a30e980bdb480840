// Health: obat to the RSUD or the puskesmas (as the article says), RSUD and puskesmas service,
// public health (DBD, posyandu, imunisasi).
import type { Topic } from './types.ts'

export const KESEHATAN_TOPICS: Topic[] = [
  {
    id: 'obat-kosong-rsud',
    category: 'pelayanan-obat',
    agencies: ['rsud-sim'],
    weight: 3,
    titles: ['Obat pasien BPJS kosong di apotek RSUD SIM', 'Pasien diminta membeli obat di luar RSUD'],
    texts: [
      'Pak, mertua saya pasien BPJS di RSUD SIM, resepnya 3 macam obat cuma dapat 1. sisanya disuruh beli di apotek luar. mahal pak, kami orang gak mampu',
      'min knp obat di apotek rsud sultan iskandar muda sering kosong? udah 2x kontrol disuruh beli diluar. katanya tanggungan bpjs',
      'Antrian ambil obat di farmasi RSUD lama sekali, dari jam 10 sampai jam 2 siang baru dapat, itupun obat gula ayah saya kosong. tolong diperbaiki',
      'Assalamualaikum, saya dari {desa} kec {kec}. Obat untuk anak saya (kejang) tidak tersedia di RSUD {lama}. Mohon penjelasan kapan stok ada',
    ],
    answers: [
      'Manajemen {opd} telah memeriksa ketersediaan obat tersebut. Kekosongan terjadi karena keterlambatan distribusi dari penyedia e-katalog; stok telah tersedia kembali sejak {tgl}. Pasien BPJS tidak dibebankan biaya untuk obat yang masuk Formularium Nasional; bila diminta membeli di luar, silakan melapor ke loket pengaduan RSUD.',
      'Terkait antrian farmasi, mulai {tgl} {opd} menambah satu loket penyerahan obat dan menerapkan nomor antrian terpisah untuk resep racikan. Obat yang dimaksud telah tersedia dan dapat diambil dengan membawa resep sebelumnya.',
    ],
  },
  {
    id: 'obat-kosong-puskesmas',
    category: 'pelayanan-obat',
    agencies: ['puskesmas'],
    weight: 2,
    titles: ['Stok obat kosong di {pkm}', 'Obat hipertensi tidak tersedia di {pkm}'],
    texts: [
      'di {pkm} obat darah tinggi kosong {lama}, lansia disuruh beli sendiri. mohon dinkes perhatikan',
      'Puskesmas di kec {kec} cuma kasih paracetamol sama vitamin, obat lain katanya habis. pasien dari {desa} jauh2 datang',
      'min tolong tanya {pkm}, knp obat untuk ibu hamil (tablet tambah darah) gak ada lagi? bidan bilang stok kosong',
    ],
    answers: [
      '{opd} telah menyalurkan tambahan stok obat dari Instalasi Farmasi Kabupaten ke {pkm} pada {tgl}. Obat yang dimaksud kini tersedia. Kepala puskesmas telah diminta memperbarui permintaan obat setiap bulan agar kekosongan tidak terulang.',
      'Setelah dicek, stok obat di {pkm} telah dipenuhi kembali pada {tgl}. Pasien dapat datang kembali dengan membawa kartu berobat.',
    ],
  },
  {
    id: 'igd-rsud-lambat',
    category: 'pelayanan-rsud',
    weight: 3,
    titles: ['Penanganan pasien di IGD RSUD SIM lambat', 'Keluhan pelayanan rawat inap RSUD SIM'],
    texts: [
      'Tadi malam bawa anak demam tinggi ke IGD RSUD SIM, nunggu hampir 2 jam baru ditangani. perawat main hp. tolong dievaluasi',
      'Pelayanan di ruang rawat inap RSUD kurang ramah, keluarga pasien dimarahi perawat cuma karena nanya jadwal dokter visit',
      'Ayah saya dirujuk dari {pkm} ke RSUD SIM, sampai sana dibilang kamar penuh, disuruh nunggu di lorong semalaman',
      'Kamar mandi di ruang rawat inap RSUD rusak, air gak jalan {lama}. pasien harus ke kamar mandi ruangan lain',
      'AC di ruang tunggu poli mati, pasien antri berdesakan kepanasan. mohon perhatian direktur rsud',
    ],
    answers: [
      'Direksi {opd} memohon maaf atas ketidaknyamanan tersebut. Pada {tgl} telah dilakukan evaluasi terhadap petugas jaga IGD dan pembinaan disiplin. Kami juga menambah satu dokter jaga pada shift malam mulai bulan ini.',
      '{opd} telah menindaklanjuti keluhan tersebut. Perbaikan fasilitas di ruang rawat inap selesai dikerjakan pada {tgl}, dan seluruh kepala ruangan diingatkan untuk melayani keluarga pasien dengan ramah.',
      'Terkait rujukan, ketersediaan tempat tidur kini dapat dipantau oleh puskesmas sebelum merujuk pasien. Kami mohon maaf atas kejadian tersebut; petugas terkait telah diberikan pembinaan pada {tgl}.',
    ],
  },
  {
    id: 'ambulans',
    category: 'pelayanan-rsud',
    weight: 1,
    titles: ['Ambulans sulit dihubungi'],
    texts: [
      'nomor ambulans rsud gak bisa ditelpon waktu tetangga kami di {desa} pingsan. akhirnya dibawa pakai pickup. tolong nomornya aktifkan',
      'Mau lapor, waktu malam kami telpon ambulans RSUD utk jemput pasien di {desa} katanya sopir gak ada. tolong disediakan sopir piket',
    ],
    answers: [
      'Nomor layanan ambulans {opd} telah diperiksa dan kini aktif 24 jam. Kami juga telah mengumumkan nomor cadangan melalui kecamatan dan gampong pada {tgl}.',
    ],
  },
  {
    id: 'puskesmas-tutup-cepat',
    category: 'pelayanan-puskesmas',
    agencies: ['puskesmas'],
    weight: 3,
    titles: ['{pkm} tutup sebelum jam pelayanan berakhir', 'Petugas {pkm} tidak ada di tempat'],
    texts: [
      'jam 11 siang {pkm} udah sepi, petugas gak ada, pintu dikunci. padahal jam pelayanan sampe jam 2. kami dari {desa} udah jauh datang',
      'Pustu di gampong {desa} tutup terus {lama}, bidan desa jarang ada. kalau malam ada yg sakit kami bingung',
      'Saya ke {pkm} mau periksa kehamilan, katanya bidan lagi keluar. udah 3x begini. tolong dinkes tegur',
      'min pelayanan {pkm} lambat, nomor antrian gak jelas, yang kenal petugas didahulukan',
    ],
    answers: [
      '{opd} telah melakukan inspeksi mendadak ke {pkm} pada {tgl} dan memberikan teguran kepada petugas yang meninggalkan tempat tugas. Jam pelayanan kini diumumkan di depan puskesmas dan kehadiran petugas dipantau melalui absensi harian.',
      'Bidan desa Gampong {desa} telah dipanggil dan diingatkan kewajibannya untuk berada di pustu pada jam kerja. Kepala {pkm} juga menyediakan nomor piket yang dapat dihubungi di luar jam kerja.',
      'Mulai {tgl} {pkm} menggunakan sistem antrian bernomor dan petugas telah diingatkan untuk melayani sesuai urutan.',
    ],
  },
  {
    id: 'dbd-fogging',
    category: 'kesehatan-masyarakat',
    weight: 3,
    urgency: 'penting',
    titles: ['Permohonan fogging, kasus DBD di Gampong {desa}', 'Warga {desa} terkena demam berdarah'],
    texts: [
      'Pak di gampong {desa} sudah 3 orang kena DBD minggu ini, satu anak dirawat di rsud. mohon segera fogging',
      'Assalamualaikum, tolong dinkes fogging ke {desa} kec {kec}, nyamuk banyak sekali, tetangga saya positif demam berdarah',
      'min kapan fogging ke {desa}? udah lapor ke puskesmas katanya nunggu kasus banyak dulu. jangan tunggu ada yg meninggal',
    ],
    answers: [
      'Tim surveilans {opd} bersama {pkm} telah melakukan penyelidikan epidemiologi di Gampong {desa} dan fogging fokus pada {tgl}. Kami mengimbau warga melakukan 3M Plus (menguras, menutup, mendaur ulang) karena fogging hanya membunuh nyamuk dewasa.',
      'Fogging fokus telah dilaksanakan di Gampong {desa} pada {tgl} dalam radius 200 meter dari rumah penderita, disertai pembagian bubuk abate. Kader jumantik akan memeriksa jentik setiap Jumat.',
    ],
  },
  {
    id: 'posyandu-imunisasi',
    category: 'kesehatan-masyarakat',
    weight: 1,
    titles: ['Posyandu di {desa} tidak berjalan'],
    texts: [
      'posyandu di {desa} {lama} gak buka, anak saya belum imunisasi campak. kader bilang nunggu bidan',
      'PMT di posyandu {desa} cuma biskuit, katanya untuk anak stunting mestinya ada telur susu. tolong dicek',
    ],
    answers: [
      'Posyandu Gampong {desa} telah dijadwalkan kembali dan berjalan pada {tgl} bersama bidan {pkm}. Imunisasi kejar bagi balita yang tertinggal dapat diperoleh di posyandu atau puskesmas setiap hari kerja.',
    ],
  },
  {
    id: 'aspirasi-dokter-spesialis',
    category: 'pelayanan-rsud',
    kind: 'aspirasi',
    weight: 2,
    titles: ['Usulan penambahan dokter spesialis di RSUD SIM'],
    texts: [
      'Usul pak, tolong RSUD SIM ditambah dokter spesialis anak dan jantung. sekarang banyak yg dirujuk ke Meulaboh atau Banda Aceh, biaya besar untuk keluarga',
      'Aspirasi: mohon poli di RSUD buka juga sabtu pagi, karena kami yang kerja di kebun tidak bisa datang hari biasa',
    ],
    answers: [
      'Terima kasih atas masukannya. Penambahan dokter spesialis sedang diusulkan melalui program pendayagunaan dokter spesialis tahun depan. Usulan pelayanan hari Sabtu akan kami bahas dalam rapat manajemen {opd}.',
    ],
  },
  {
    id: 'info-bpjs-pbi',
    category: 'pelayanan-puskesmas',
    kind: 'permintaan_informasi',
    weight: 2,
    agencies: ['dinkes'],
    titles: ['Informasi pendaftaran BPJS PBI daerah'],
    texts: [
      'Mau tanya pak, gimana cara daftar BPJS yang dibayar pemda? saya dari {desa}, kartu lama sudah tidak aktif',
      'Kalau mau berobat gratis pakai KTP saja apa bisa di {pkm}? atau harus ada bpjs?',
    ],
    answers: [
      'Pendaftaran peserta JKN yang iurannya ditanggung Pemkab dilakukan melalui Dinas Sosial berdasarkan DTKS, dengan membawa KTP dan KK ke kantor keuchik untuk diusulkan. Untuk berobat darurat, puskesmas tetap melayani; petugas akan membantu pengaktifan kepesertaan.',
    ],
  },
]
