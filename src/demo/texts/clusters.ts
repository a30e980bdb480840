// Problems many people report at once, in the same desa, for the duplicate detector: a viral
// broken bridge, a garbage pile at a market, a water outage. The first report is the master.
import type { ChannelType } from '../../reports/model.ts'
import type { Topic } from './types.ts'

export interface Cluster {
  id: string
  topic: Topic
  /** Which kecamatan (district code) and, when it exists there, which desa by name. */
  districtCode: string
  desaName?: string
  spot: string
  /** Days before `now` the first report arrives, and the channels of the reports in order. */
  daysAgo: number
  channels: ChannelType[]
  /** How many of the later reports the operator merges (the rest wait for the detector). */
  merged: number
}

export const CLUSTERS: Cluster[] = [
  {
    id: 'jembatan-gantung',
    districtCode: '11.15.04',
    spot: 'jembatan gantung ke kebun',
    daysAgo: 26,
    channels: [
      'whatsapp',
      'facebook_comment',
      'instagram_comment',
      'x',
      'facebook_comment',
      'web',
      'whatsapp',
    ],
    merged: 6,
    topic: {
      id: 'jembatan-gantung-putus',
      category: 'jalan-jembatan',
      agencies: ['pupr', 'bpbd'],
      urgency: 'penting',
      titles: ['Jembatan gantung di Gampong {desa}, Kec. {kec} putus'],
      texts: [
        'Jembatan gantung di gampong {desa} kec {kec} putus tadi subuh, tali slingnya lepas sebelah. anak2 sekolah sekarang terpaksa naik rakit. tolong segera pak',
        'min jembatan gantung {desa} putus!! video nya udah viral di fb. anak sekolah nyebrang pakai rakit, bahaya kali kalau air naik',
        'Pemkab tolong lihat jembatan gantung di {desa}, udah putus gitu masih belum ada yg datang. nunggu ada korban dulu?',
        'jembatan gantung di {desa} {kec} putus, warga gak bisa ke kebun dan anak2 gak bisa sekolah. mohon bpbd dan pu turun',
        'Bapak bupati, jembatan gantung penghubung gampong {desa} dengan dusun seberang krueng sudah putus. Mohon dibangun jembatan darurat.',
      ],
      answers: [
        'Tim {opd} telah meninjau jembatan gantung di Gampong {desa} pada {tgl}. Kabel sling utama putus akibat arus sungai yang membawa batang kayu. Jembatan ditutup sementara, dan perbaikan sling serta lantai jembatan dikerjakan mulai minggu ini. Selama perbaikan, penyeberangan dibantu perahu bermesin bersama BPBD.',
        '{opd} telah mengerahkan perahu karet dan personel untuk membantu penyeberangan pelajar di Gampong {desa} sejak {tgl}, sampai jembatan selesai diperbaiki oleh Dinas PUPR.',
      ],
    },
  },
  {
    id: 'sampah-pasar-jeuram',
    districtCode: '11.15.02',
    desaName: 'Jeuram',
    spot: 'belakang pasar Jeuram',
    daysAgo: 4,
    channels: ['whatsapp', 'instagram_comment', 'whatsapp', 'facebook_comment', 'sms'],
    merged: 2,
    topic: {
      id: 'sampah-pasar-jeuram',
      category: 'kebersihan-sampah',
      agencies: ['dlh', 'dinkes'],
      titles: ['Tumpukan sampah di belakang pasar Jeuram, Gampong {desa}'],
      texts: [
        'sampah di belakang pasar jeuram udah numpuk kayak bukit, bau sampe ke mesjid. truk sampah gak datang seminggu',
        'Min tolong sampah di belakang pasar Jeuram, baunya luar biasa, lalat masuk ke warung makan',
        'pasar jeuram sampahnya menggunung, air lindi ngalir ke parit. ini bisa jadi sumber penyakit',
        'Tumpukan sampah belakang pasar Jeuram belum diangkut, sudah meluber ke jalan. mohon DLH segera',
      ],
      answers: [
        'Pada {tgl} {opd} mengerahkan dua truk dan satu loader untuk mengangkut tumpukan sampah di belakang pasar Gampong {desa}. Kontainer sampah tambahan ditempatkan dan jadwal angkut pasar menjadi setiap hari.',
        'Petugas sanitasi {opd} telah memeriksa lokasi pada {tgl} dan melakukan penyemprotan disinfektan di sekitar pasar setelah sampah diangkut.',
      ],
    },
  },
  {
    id: 'air-mati-suka-makmue',
    districtCode: '11.15.06',
    spot: 'kompleks perumahan',
    daysAgo: 13,
    channels: ['whatsapp', 'web', 'telegram'],
    merged: 2,
    topic: {
      id: 'air-mati-massal',
      category: 'air-bersih',
      titles: ['Air bersih tidak mengalir di Gampong {desa}, Kec. {kec}'],
      texts: [
        'air bersih di {desa} mati dari 3 hari lalu, satu gampong gak ada air. kami beli air tangki',
        'Air di {desa} Suka Makmue gak ngalir sama sekali, udah 3 hari. tolong cek pipa induknya',
        'min air mati total di gampong {desa}, gimana ini, mau wudhu aja susah',
      ],
      answers: [
        'Gangguan disebabkan pipa transmisi utama yang patah tertimpa alat berat proyek jalan. {opd} telah menyambung pipa tersebut pada {tgl}; aliran ke Gampong {desa} berangsur normal. Selama perbaikan, air bersih didistribusikan dengan mobil tangki.',
      ],
    },
  },
]
