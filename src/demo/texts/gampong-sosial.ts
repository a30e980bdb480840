// Gampong government (DPMGP4: the article sends ijazah palsu keuchik there), social aid
// (Dinas Sosial) and schools (Disdik).
import type { Topic } from './types.ts'

export const GAMPONG_SOSIAL_TOPICS: Topic[] = [
  {
    id: 'ijazah-palsu-keuchik',
    category: 'ijazah-palsu-keuchik',
    weight: 2,
    confidential: true,
    titles: [
      'Dugaan ijazah palsu Keuchik Gampong {desa}',
      'Laporan dugaan pemalsuan ijazah calon keuchik di {kec}',
    ],
    texts: [
      'Saya mau lapor, keuchik gampong {desa} diduga pakai ijazah paket palsu waktu mendaftar pilchiksung. Banyak warga tahu beliau tidak pernah ikut ujian. Mohon diperiksa, identitas saya tolong dirahasiakan',
      'Assalamualaikum, ada isu kuat ijazah SMA keuchik {desa} kec {kec} dibeli dari luar daerah. Nama sekolahnya pun tidak ada. Kami minta DPMGP4 verifikasi ulang berkasnya',
      'Mohon ditindaklanjuti dugaan ijazah palsu perangkat gampong {desa}. Sudah kami sampaikan ke camat tapi belum ada kabar {lama}',
    ],
    answers: [
      '{opd} telah meminta berkas pencalonan Keuchik Gampong {desa} dari panitia pemilihan dan mengirimkan permohonan verifikasi keabsahan ijazah kepada dinas pendidikan penerbit pada {tgl}. Hasil verifikasi akan ditindaklanjuti sesuai ketentuan, termasuk pemberhentian bila terbukti tidak sah. Identitas pelapor kami rahasiakan.',
      'Bersama Kantor Camat {kec}, {opd} telah melakukan klarifikasi kepada yang bersangkutan pada {tgl} dan mengajukan verifikasi ijazah ke instansi penerbit. Perkembangan akan kami sampaikan kembali melalui layanan ini.',
    ],
  },
  {
    id: 'dana-desa-transparansi',
    category: 'pemerintahan-gampong',
    weight: 3,
    titles: [
      'Transparansi penggunaan dana desa di Gampong {desa}',
      'Papan informasi APBG {desa} tidak dipasang',
    ],
    texts: [
      'Dana desa di {desa} tiap tahun gak jelas kemana. papan informasi APBG gak pernah dipasang, musyawarah cuma orang2 dekat keuchik. mohon diaudit',
      'min kami warga {desa} kec {kec} minta laporan penggunaan dana gampong dibuka. pembangunan rabat beton {spot} baru 3 bulan udah retak2',
      'BUMG di {desa} dapat modal dari dana desa tapi usahanya gak ada, kios tutup {lama}. kemana uangnya?',
    ],
    answers: [
      '{opd} telah memanggil Keuchik dan Tuha Peut Gampong {desa} pada {tgl}. Pemerintah gampong diwajibkan memasang papan informasi APBG dan menyampaikan laporan realisasi dalam musyawarah gampong terbuka. Temuan teknis atas pekerjaan rabat beton kami teruskan ke pendamping desa untuk diperbaiki.',
      'Pendamping desa dan {opd} telah melakukan monitoring ke Gampong {desa} pada {tgl}. Laporan keuangan BUMG sedang diperiksa; bila ditemukan penyimpangan akan diteruskan kepada Inspektorat.',
    ],
  },
  {
    id: 'blt-dd',
    category: 'pemerintahan-gampong',
    weight: 2,
    titles: ['Penyaluran BLT dana desa di {desa} dipertanyakan'],
    texts: [
      'kenapa BLT dana desa di {desa} yg dapat keluarga perangkat semua? kami yang janda lansia gak masuk daftar',
      'BLT DD di gampong {desa} {lama} belum dibagi, katanya dana belum cair, tapi gampong sebelah udah terima',
    ],
    answers: [
      '{opd} telah memverifikasi daftar penerima BLT Dana Desa Gampong {desa} pada {tgl}. Pemerintah gampong diminta melakukan musyawarah khusus untuk memutakhirkan daftar sesuai kriteria keluarga miskin ekstrem. Penyaluran dijadwalkan setelah musyawarah.',
    ],
  },
  {
    id: 'kantor-keuchik-tutup',
    category: 'pemerintahan-gampong',
    weight: 1,
    titles: ['Pelayanan kantor keuchik {desa} tidak berjalan'],
    texts: [
      'mau urus surat keterangan di kantor keuchik {desa} tutup terus, keuchik dan sekdes susah ditemui. padahal butuh utk daftar sekolah anak',
      'Pelayanan surat di gampong {desa} harus bayar 50 ribu, katanya uang administrasi. benar ada aturannya?',
    ],
    answers: [
      '{opd} bersama Camat {kec} telah menyampaikan teguran kepada Pemerintah Gampong {desa} pada {tgl}. Jam pelayanan kantor keuchik kini diumumkan dan surat keterangan tidak dipungut biaya.',
    ],
  },
  {
    id: 'pkh-dicoret',
    category: 'bantuan-sosial',
    weight: 3,
    titles: ['Warga {desa} tidak lagi menerima PKH/BPNT', 'Data bansos di {desa} tidak tepat sasaran'],
    texts: [
      'Pak saya dari {desa}, bantuan PKH saya tiba2 berhenti {lama}, padahal kondisi kami masih sama. anak 3 masih sekolah. tolong dicek',
      'Kenapa bansos sembako di {desa} kec {kec} banyak yang salah sasaran, yang punya mobil dapat, yang susah gak dapat. minta data DTKS diperbaiki',
      'ibu saya lansia 78 thn tinggal sendiri di {desa}, gak pernah dapat bantuan apapun. mohon didata dinas sosial',
      'Kartu KKS saya sudah ada tapi saldo BPNT kosong terus. ke agen dibilang belum masuk. saya warga {desa}',
    ],
    answers: [
      '{opd} telah memeriksa data kepesertaan atas nama keluarga pelapor. Kepesertaan terhenti karena hasil pemutakhiran data; pada {tgl} telah kami usulkan kembali melalui musyawarah gampong dan aplikasi SIKS-NG. Hasil penetapan mengikuti jadwal Kementerian Sosial.',
      'Petugas {opd} dan pendamping sosial telah mengunjungi Gampong {desa} pada {tgl} untuk verifikasi. Keluarga yang tidak memenuhi kriteria telah diusulkan keluar dan lansia yang dilaporkan diusulkan sebagai penerima bantuan.',
    ],
  },
  {
    id: 'odgj-terlantar',
    category: 'bantuan-sosial',
    weight: 1,
    urgency: 'penting',
    titles: ['Warga ODGJ terlantar di {desa} membutuhkan penanganan'],
    texts: [
      'ada orang dengan gangguan jiwa di {desa} dipasung keluarganya di belakang rumah {lama}. kasihan pak, mohon dinsos dan dinkes bantu',
      'Min di {spot} {desa} ada bapak2 terlantar tidur di emperan toko udah seminggu, kayaknya bukan orang sini',
    ],
    answers: [
      'Tim {opd} bersama {pkm} telah mengunjungi lokasi pada {tgl}. Yang bersangkutan telah dibawa untuk pemeriksaan dan dirujuk ke Rumah Sakit Jiwa Aceh dengan pembiayaan JKN. Keluarga didampingi pekerja sosial.',
    ],
  },
  {
    id: 'sekolah-rusak',
    category: 'pendidikan',
    weight: 3,
    titles: ['Ruang kelas rusak di sekolah di {desa}', 'Atap sekolah bocor di {desa}'],
    texts: [
      'Atap SD di {desa} bocor parah, kalau hujan murid dipindah ke meunasah. plafon satu kelas sudah jatuh, untung lagi kosong',
      'min toilet SMP di {kec} rusak semua, murid perempuan terpaksa pulang ke rumah kalau mau ke wc',
      'meja kursi di SD gampong {desa} banyak yg patah, anak2 duduk di lantai. tolong dinas pendidikan lihat',
    ],
    answers: [
      '{opd} telah meninjau sekolah yang dilaporkan pada {tgl}. Perbaikan darurat atap dan plafon dikerjakan melalui dana pemeliharaan sekolah, sedangkan rehabilitasi ruang kelas telah diusulkan dalam DAK Fisik tahun depan.',
      'Pengadaan meja dan kursi untuk sekolah di Gampong {desa} telah dijadwalkan pada {tgl} dari stok mebel {opd}.',
    ],
  },
  {
    id: 'guru-jarang-masuk',
    category: 'pendidikan',
    weight: 2,
    titles: ['Guru jarang hadir di sekolah di {desa}'],
    texts: [
      'di SD {desa} guru kelas anak saya seminggu cuma masuk 2 hari. anak kelas 3 belum lancar membaca. tolong ditegur',
      'Sekolah di gampong {desa} kec {kec} kekurangan guru, satu guru ngajar 2 kelas sekaligus. kapan ditambah?',
    ],
    answers: [
      'Pengawas sekolah {opd} telah melakukan kunjungan ke sekolah tersebut pada {tgl} dan memberikan pembinaan kepada guru yang bersangkutan. Kepala sekolah diwajibkan melaporkan kehadiran guru setiap bulan. Kekurangan guru diupayakan melalui redistribusi guru dan formasi PPPK.',
    ],
  },
  {
    id: 'info-ppdb',
    category: 'pendidikan',
    kind: 'permintaan_informasi',
    weight: 3,
    titles: ['Informasi jadwal dan syarat penerimaan murid baru'],
    texts: [
      'Mau tanya, pendaftaran SMP negeri tahun ini kapan dibuka dan syaratnya apa saja? anak saya dari SD di {desa}',
      'Assalamualaikum, bagaimana cara daftar PIP untuk anak sekolah? kami keluarga kurang mampu di {desa}',
      'min beasiswa untuk anak yatim dari pemkab masih ada gak? syarat nya apa',
    ],
    answers: [
      'Pendaftaran murid baru jenjang SMP dibuka pada bulan Juni melalui sekolah masing-masing dengan membawa fotokopi ijazah/SKL, akta kelahiran dan KK. Informasi PIP dan beasiswa dapat ditanyakan ke operator sekolah; siswa dari keluarga penerima PKH/KKS diprioritaskan.',
    ],
  },
  {
    id: 'aspirasi-paud',
    category: 'pendidikan',
    kind: 'aspirasi',
    weight: 2,
    titles: ['Usulan pendirian PAUD di Gampong {desa}'],
    texts: [
      'Usul pak, di {desa} belum ada PAUD, anak2 harus ke gampong sebelah 5 km. kami siap sediakan tempat di meunasah',
    ],
    answers: [
      'Terima kasih atas usulannya. {opd} akan memfasilitasi pendirian PAUD di Gampong {desa}. Silakan pemerintah gampong mengajukan permohonan izin operasional beserta data calon peserta didik ke bidang PAUD {opd}.',
    ],
  },
]
