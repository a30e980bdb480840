// Roads, bridges, drainage, water, street lights (PUPR) and sanitation, housing (Perkim: the
// article sends sanitasi there).
import type { Topic } from './types.ts'

export const INFRASTRUKTUR_TOPICS: Topic[] = [
  {
    id: 'jalan-berlubang',
    category: 'jalan-jembatan',
    weight: 6,
    titles: ['Jalan berlubang di Gampong {desa}, Kec. {kec}', 'Kerusakan jalan kabupaten di {desa}'],
    texts: [
      'Jalan di {spot} gampong {desa} berlubang besar2, kalau hujan kayak kolam. udah ada yg jatuh dari kereta (motor). kapan diperbaiki pak?',
      'min ini jalan ke {desa} kec {kec} rusak parah {lama}, aspal terkelupas semua. anak sekolah tiap hari lewat sini. tolong la',
      'Assalamualaikum pak bupati, jalan di gampong kami {desa} brok that, lubang dimana2. ambulans pun susah lewat. mohon diperhatikan',
      'Jalan penghubung {desa} ke pusat kecamatan {kec} amblas sebagian di {spot}. sudah dipasang kayu tanda bahaya oleh warga, takut malam ada yang terperosok',
      'Saya mewakili warga {desa} melaporkan kondisi jalan kabupaten yang rusak sepanjang kurang lebih 2 km. Jalan berlubang dan berlumpur saat hujan sehingga hasil panen sulit dibawa keluar.',
      'jalan di {desa} ini tiap tahun janji diaspal tapi gak pernah. sekarang lubangnya makin dalam. tolong jgn cuma janji',
    ],
    answers: [
      'Tim {opd} telah meninjau ruas jalan di Gampong {desa} pada {tgl}. Penambalan lubang (patching) telah dilaksanakan pada titik yang membahayakan, sedangkan peningkatan ruas tersebut telah masuk usulan anggaran tahun berikutnya.',
      '{opd} telah menurunkan tim pemeliharaan rutin ke lokasi di {desa} pada {tgl} dan menimbun titik yang amblas dengan material sirtu. Rambu peringatan telah dipasang sampai perbaikan permanen dikerjakan.',
      'Ruas jalan yang dilaporkan merupakan jalan kabupaten. Pada {tgl} telah dilakukan penanganan darurat berupa penimbunan dan perataan. Perbaikan dengan aspal dijadwalkan setelah musim hujan.',
    ],
  },
  {
    id: 'jembatan-rusak',
    category: 'jalan-jembatan',
    weight: 3,
    urgency: 'penting',
    titles: ['Jembatan rusak di Gampong {desa}', 'Lantai jembatan di {desa} lapuk dan berbahaya'],
    texts: [
      'Jembatan kayu di {desa} papannya banyak yg patah, motor pun takut lewat. anak2 sekolah tetap lewat karna gak ada jalan lain',
      'min jembatan di {spot} gampong {desa} kec {kec} miring, tiangnya tergerus air sungai. bahaya kali kalau ada truk lewat',
      'Lapor, oprit jembatan di {desa} ambruk sebelah setelah hujan deras tadi malam. kendaraan roda empat tidak bisa lewat',
    ],
    answers: [
      'Tim {opd} telah memeriksa jembatan di Gampong {desa} pada {tgl}. Papan lantai yang lapuk telah diganti dan oprit ditimbun sementara. Jembatan masuk daftar prioritas rehabilitasi tahun anggaran berikutnya.',
      '{opd} telah memasang rambu batas muatan dan melakukan perbaikan darurat pada {tgl}. Kendaraan bermuatan berat diimbau menggunakan jalur alternatif sampai perbaikan permanen selesai.',
    ],
  },
  {
    id: 'parit-tersumbat',
    category: 'drainase-irigasi',
    weight: 3,
    titles: ['Drainase tersumbat menyebabkan genangan di {desa}', 'Parit di {desa} tidak mengalir'],
    texts: [
      'parit di {spot} {desa} tersumbat tanah dan sampah, tiap hujan air naik ke jalan dan masuk pekarangan warga',
      'Gorong2 di {desa} kec {kec} pecah dan tertimbun, air hujan gak bisa lewat. jalan jadi banjir setinggi lutut',
      'Assalamualaikum, mohon normalisasi saluran di {desa}. {lama} air tergenang, nyamuk banyak dan bau',
    ],
    answers: [
      'Pada {tgl} {opd} bersama warga Gampong {desa} telah melakukan normalisasi saluran dan pembersihan gorong-gorong menggunakan ekskavator mini. Penggantian gorong-gorong yang pecah dijadwalkan bulan depan.',
      'Tim drainase {opd} telah membersihkan saluran di Gampong {desa} pada {tgl}. Kami mengimbau warga tidak membuang sampah ke parit agar saluran tidak kembali tersumbat.',
    ],
  },
  {
    id: 'irigasi-rusak',
    category: 'drainase-irigasi',
    weight: 2,
    titles: ['Saluran irigasi rusak, sawah di {desa} kekeringan'],
    texts: [
      'Saluran irigasi ke blang {desa} jebol, air gak sampai ke sawah. sudah masuk musim tanam, petani bingung',
      'tanggul irigasi di {desa} kec {kec} bocor, air terbuang ke sungai. mohon dinas pu turun sebelum padi kering',
    ],
    answers: [
      '{opd} telah melakukan perbaikan darurat tanggul saluran irigasi di Gampong {desa} pada {tgl} menggunakan karung pasir dan bronjong. Air telah kembali mengalir ke petak sawah. Rehabilitasi permanen diusulkan melalui program irigasi tahun depan.',
    ],
  },
  {
    id: 'air-bersih-mati',
    category: 'air-bersih',
    weight: 3,
    titles: ['Air bersih tidak mengalir di Gampong {desa}', 'Pipa air bersih bocor di {desa}'],
    texts: [
      'air di {desa} mati total {lama}. kami terpaksa beli air galon buat masak. tolong diperbaiki pipanya',
      'min pipa air bersih di {spot} {desa} bocor besar, air terbuang percuma sementara rumah di ujung gampong gak dapat air',
      'Air yang mengalir ke rumah warga {desa} kec {kec} keruh kekuningan dan berbau. anak2 gatal2 setelah mandi',
    ],
    answers: [
      'Tim {opd} telah memperbaiki kebocoran pipa transmisi yang menyebabkan air tidak sampai ke Gampong {desa} pada {tgl}. Aliran air telah normal kembali.',
      'Pada {tgl} dilakukan pengurasan bak penampung dan penggantian media saringan pada sistem air bersih Gampong {desa}. Kami juga telah mengambil sampel air untuk diuji.',
    ],
  },
  {
    id: 'lampu-jalan-mati',
    category: 'penerangan-jalan',
    weight: 3,
    agencies: ['perkim'],
    titles: ['Lampu penerangan jalan mati di {desa}', 'Permohonan lampu jalan di {spot} {desa}'],
    texts: [
      'lampu jalan di {spot} {desa} mati {lama}. malam gelap gulita, rawan maling dan kecelakaan',
      'Min lampu PJU sepanjang jalan masuk {desa} kec {kec} mati semua, tiang ada lampunya gak nyala',
      'Tolong dipasang lampu jalan di {spot} gampong {desa}, gelap sekali, anak2 pulang ngaji malam takut lewat',
    ],
    answers: [
      'Petugas {opd} telah mengganti lampu dan memperbaiki instalasi PJU di Gampong {desa} pada {tgl}. Seluruh titik di ruas tersebut telah menyala kembali.',
      'Permohonan penambahan titik lampu di Gampong {desa} telah kami catat dan survei lokasi dilakukan pada {tgl}. Pemasangan akan dilaksanakan bersama paket PJU tahap berikutnya.',
    ],
    misroute: {
      agency: 'pupr',
      reason:
        'Pemeliharaan penerangan jalan umum menjadi tugas Dinas Perumahan dan Permukiman, bukan Dinas PUPR. Mohon didisposisikan ke Perkim.',
    },
  },
  {
    id: 'jamban-spal',
    category: 'sanitasi',
    weight: 3,
    titles: ['Warga {desa} belum memiliki jamban sehat', 'Saluran limbah rumah tangga meluap di {desa}'],
    texts: [
      'Di dusun kami gampong {desa} masih banyak rumah gak punya WC, buang air ke sungai. katanya ada program jamban sehat, kami gak pernah dapat',
      'air limbah dari rumah2 di {spot} {desa} dibuang ke parit depan, bau sekali dan hitam. mohon dibuatkan SPAL yang layak',
      'septic tank komunal di {desa} kec {kec} penuh dan meluber {lama}. kotoran sampai ke halaman meunasah',
    ],
    answers: [
      '{opd} telah melakukan pendataan rumah tanpa jamban di Gampong {desa} pada {tgl}. Rumah yang memenuhi syarat telah kami usulkan sebagai penerima program sanitasi berbasis masyarakat tahun depan.',
      'Tim {opd} telah melakukan penyedotan dan perbaikan pipa septic tank komunal di Gampong {desa} pada {tgl}. Pengelola (KSM) telah dilatih ulang untuk perawatan berkala.',
    ],
  },
  {
    id: 'rumah-layak-huni',
    category: 'perumahan',
    weight: 2,
    titles: ['Permohonan bantuan rumah layak huni di {desa}'],
    texts: [
      'Pak, di {desa} ada janda lansia tinggal di rumah papan yang hampir roboh, atap bocor semua. mohon dibantu rumah layak huni',
      'tetangga saya di {desa} sudah 3x diusulkan bedah rumah tapi tidak pernah dapat. sementara yang rumahnya bagus malah dapat. ini gimana pak',
      'Saya ingin menanyakan bantuan rumah dhuafa untuk keluarga kami di gampong {desa} kec {kec}, dinding rumah sudah lapuk dan lantai tanah',
    ],
    answers: [
      '{opd} telah melakukan verifikasi lapangan ke Gampong {desa} pada {tgl}. Rumah yang dilaporkan memenuhi kriteria dan telah dimasukkan ke daftar calon penerima bantuan rumah layak huni tahun anggaran berikutnya.',
      'Penetapan penerima bantuan rumah dilakukan berdasarkan usulan gampong dan verifikasi tim teknis. Kami telah meminta Keuchik {desa} mengusulkan kembali keluarga tersebut melalui musyawarah gampong.',
    ],
  },
  {
    id: 'jalan-nasional',
    category: 'jalan-jembatan',
    weight: 1,
    districts: ['11.15.01', '11.15.05', '11.15.07', '11.15.08', '11.15.09'],
    external:
      'ruas yang dilaporkan adalah jalan nasional (Meulaboh - Tapaktuan) yang menjadi kewenangan Balai Pelaksanaan Jalan Nasional Aceh; laporan telah diteruskan ke balai tersebut',
    titles: ['Lubang di jalan nasional lintas barat-selatan di {kec}'],
    texts: [
      'Jalan lintas Meulaboh Tapaktuan di dekat {desa} kec {kec} ada lubang besar di tengah jalan, mobil sering banting setir. sebelum ada korban tolong ditutup',
      'min jalan nasional di {kec} banyak lubang setelah hujan, malam gak kelihatan. sudah 2 motor jatuh minggu ini',
    ],
    answers: [
      'Laporan telah kami teruskan kepada Balai Pelaksanaan Jalan Nasional Aceh yang berwenang atas ruas tersebut.',
    ],
  },
  {
    id: 'aspirasi-jalan-usaha-tani',
    category: 'jalan-jembatan',
    kind: 'aspirasi',
    weight: 4,
    titles: ['Usulan pembangunan jalan di Gampong {desa}'],
    texts: [
      'Usulan warga {desa}: tolong dibangun jalan rabat beton dari {spot} sampai ke blang, sekarang masih tanah. hasil panen harus dipikul',
      'Kami pemuda {desa} kec {kec} mengusulkan pelebaran jembatan gampong, sekarang cuma muat satu motor',
    ],
    answers: [
      'Terima kasih atas aspirasinya. Usulan tersebut telah kami catat dan dapat diajukan melalui Musrenbang Kecamatan {kec} agar masuk prioritas pembangunan tahun berikutnya. {opd} akan melakukan survei awal ke lokasi.',
    ],
  },
]
