// Word lists for informal Indonesian as it arrives in complaints: chat abbreviations, slang,
// and the Javanese (Surabaya, Central Java) and Acehnese (Nagan Raya) words seen most often.
// Each entry maps one lower-case token to one or more standard Indonesian words. Ambiguous short
// forms are left out on purpose (e.g. "ka", "sm", "tp" in some contexts): a wrong expansion
// costs more than a missed one, because the classifier also sees the raw token's character n-grams.

const ABBREVIATIONS: Record<string, string> = {
  yg: 'yang', yng: 'yang', ygy: 'yang',
  gk: 'tidak', ga: 'tidak', gak: 'tidak', nggak: 'tidak', ngga: 'tidak', engga: 'tidak',
  enggak: 'tidak', tdk: 'tidak', tak: 'tidak', ndak: 'tidak', nda: 'tidak', kagak: 'tidak',
  sdh: 'sudah', udh: 'sudah', udah: 'sudah', dah: 'sudah', sudh: 'sudah', sdah: 'sudah',
  blm: 'belum', blom: 'belum', belom: 'belum', lom: 'belum',
  jln: 'jalan', jl: 'jalan', jlan: 'jalan', jalanan: 'jalan',
  bgt: 'banget', bngt: 'banget', bgd: 'banget',
  krn: 'karena', krna: 'karena', karna: 'karena', coz: 'karena',
  dgn: 'dengan', dg: 'dengan', dngn: 'dengan',
  utk: 'untuk', untk: 'untuk', tuk: 'untuk',
  sy: 'saya', sya: 'saya', aq: 'saya', aku: 'saya', gw: 'saya', gue: 'saya', gua: 'saya',
  kmrn: 'kemarin', kemaren: 'kemarin', kmarin: 'kemarin',
  tp: 'tapi', tpi: 'tapi',
  jg: 'juga', jga: 'juga',
  lg: 'lagi', lgi: 'lagi',
  sm: 'sama', sma: 'sama',
  bs: 'bisa', bsa: 'bisa',
  hrs: 'harus', hrus: 'harus',
  sgt: 'sangat', sngt: 'sangat',
  mhn: 'mohon', moho: 'mohon',
  tlg: 'tolong', tlong: 'tolong', tulung: 'tolong',
  dr: 'dari', dri: 'dari',
  pd: 'pada', spt: 'seperti', kyk: 'seperti', kayak: 'seperti',
  org: 'orang', orng: 'orang', wong: 'orang',
  sdgkn: 'sedangkan', sbg: 'sebagai', bbrp: 'beberapa', sblm: 'sebelum', stlh: 'setelah',
  skrg: 'sekarang', skrng: 'sekarang', skr: 'sekarang',
  gmn: 'bagaimana', gimana: 'bagaimana', gmna: 'bagaimana', bgmn: 'bagaimana',
  knp: 'kenapa', knapa: 'kenapa', napa: 'kenapa',
  emg: 'memang', emang: 'memang', mmg: 'memang',
  trs: 'terus', trus: 'terus', ttp: 'tetap', msh: 'masih', masi: 'masih',
  aja: 'saja', aj: 'saja', doang: 'saja',
  bkn: 'bukan', bukn: 'bukan',
  kpd: 'kepada', tsb: 'tersebut', dll: 'dan lain lain', dsb: 'dan sebagainya',
  thn: 'tahun', th: 'tahun', bln: 'bulan', hr: 'hari', mgg: 'minggu', mggu: 'minggu',
  rmh: 'rumah', rumh: 'rumah', sklh: 'sekolah', sekul: 'sekolah',
  kel: 'kelurahan', kec: 'kecamatan', kab: 'kabupaten',
  pemkot: 'pemerintah kota', pemkab: 'pemerintah kabupaten', pemprov: 'pemerintah provinsi',
  pemda: 'pemerintah daerah',
  dishub: 'dinas perhubungan', dlh: 'dinas lingkungan hidup', dinsos: 'dinas sosial',
  dispendukcapil: 'dinas kependudukan catatan sipil', dukcapil: 'kependudukan catatan sipil',
  satpolpp: 'satuan polisi pamong praja', satpol: 'satuan polisi pamong praja',
  pju: 'penerangan jalan umum', apill: 'lampu lalu lintas',
  info: 'informasi', infonya: 'informasi', infokan: 'informasikan',
  makasih: 'terima kasih', trims: 'terima kasih', thx: 'terima kasih', tks: 'terima kasih',
  mksh: 'terima kasih', trimakasih: 'terima kasih', terimakasih: 'terima kasih', tq: 'terima kasih',
  ok: 'oke', okey: 'oke', okay: 'oke',
  bener: 'benar', bnr: 'benar', byk: 'banyak', bnyk: 'banyak', bnyak: 'banyak',
  sampe: 'sampai', smpe: 'sampai', smp: 'sampai', ampe: 'sampai',
  gede: 'besar', gedhe: 'besar', cilik: 'kecil',
  pake: 'pakai', pakek: 'pakai', dipake: 'dipakai',
  ngurus: 'mengurus', ngajuin: 'mengajukan', nanya: 'bertanya', nunggu: 'menunggu',
  bikin: 'membuat', dibikin: 'dibuat', kasi: 'kasih',
  mampet: 'tersumbat', buntu: 'tersumbat',
  bolong: 'berlubang', bolongan: 'lubang', ambrol: 'ambruk',
  lobang: 'lubang', lubangnya: 'lubang',
}

// Javanese (ngoko and krama) words common in East and Central Java complaints.
const JAVANESE: Record<string, string> = {
  ora: 'tidak', mboten: 'tidak', ra: 'tidak',
  wis: 'sudah', uwis: 'sudah', wes: 'sudah', uwes: 'sudah', sampun: 'sudah',
  durung: 'belum', dereng: 'belum', urung: 'belum',
  dalan: 'jalan', dalane: 'jalan', margi: 'jalan',
  omah: 'rumah', omahe: 'rumah', griya: 'rumah',
  banyu: 'air', toya: 'air', toyo: 'air',
  peteng: 'gelap', petenge: 'gelap',
  mambu: 'bau', ambune: 'bau', ambu: 'bau',
  akeh: 'banyak', okeh: 'banyak', sithik: 'sedikit',
  nang: 'di', neng: 'di', ning: 'di', ndek: 'di', nde: 'di',
  karo: 'dengan', kalih: 'dengan',
  sing: 'yang', ingkang: 'yang',
  opo: 'apa', nopo: 'apa', piye: 'bagaimana', pripun: 'bagaimana',
  kulo: 'saya', kula: 'saya', sampeyan: 'anda', panjenengan: 'anda', awakdewe: 'kita',
  suwun: 'terima kasih', nuwun: 'terima kasih', matur: 'terima kasih',
  bocah: 'anak', arek: 'anak', cah: 'anak', lare: 'anak',
  banter: 'kencang', alon: 'pelan', rame: 'ramai',
  kebek: 'penuh', mbledos: 'meledak', njeblug: 'meledak', kobong: 'terbakar', geni: 'api',
  tenggelem: 'tenggelam', kintir: 'hanyut', keli: 'hanyut', tibo: 'jatuh',
  ketabrak: 'tertabrak', kesetrum: 'tersengat listrik', nyetrum: 'setrum',
  kalen: 'selokan', got: 'selokan',
  saiki: 'sekarang', wingi: 'kemarin', sesuk: 'besok',
  mbok: 'tolong', monggo: 'silakan', mangga: 'silakan',
  kathah: 'banyak', sae: 'baik', apik: 'baik', elek: 'jelek',
  mlaku: 'jalan', numpuk: 'menumpuk',
  ilang: 'hilang', kelangan: 'kehilangan', ngilang: 'menghilang',
  lara: 'sakit', loro: 'sakit', semaput: 'pingsan',
  dodol: 'jual', dodolan: 'jualan', tuku: 'beli',
}

// Acehnese words that appear in Nagan Raya and Aceh complaints.
const ACEHNESE: Record<string, string> = {
  gampong: 'desa', gampông: 'desa', keuchik: 'kepala desa', geuchik: 'kepala desa',
  meunasah: 'surau', hana: 'tidak ada', han: 'tidak', hanjeut: 'tidak bisa',
  rumoh: 'rumah', ie: 'air', sikula: 'sekolah', peng: 'uang',
  lon: 'saya', kamoe: 'kami', geutanyoe: 'kita', gata: 'anda',
  tutong: 'terbakar', beuna: 'benar', rayeuk: 'besar', ubit: 'kecil',
  ujeun: 'hujan', aneuk: 'anak', ureueng: 'orang', saket: 'sakit',
}

/** One map from informal token to standard words, built once. */
export const NORMALISATION_MAP: ReadonlyMap<string, string> = new Map(
  [...Object.entries(ACEHNESE), ...Object.entries(JAVANESE), ...Object.entries(ABBREVIATIONS)],
)

/**
 * Function words that carry no routing signal. Kept short: negations ("tidak", "belum") and
 * words like "mati" or "rusak" stay, because "lampu tidak menyala" is the complaint.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `yang dan di ke dari ini itu untuk dengan pada adalah akan juga saya kami kita anda ada atau
  sudah telah sangat agar supaya bisa dapat oleh karena jika kalau maka lalu sehingga seperti
  dalam para pun nya lah kah tah dong sih deh kok ya iya yaa nih tuh mohon tolong terima kasih
  bapak ibu pak bu mas mbak kak admin min selamat pagi siang sore malam assalamualaikum wr wb
  warahmatullahi wabarakatuh salam hormat yth kepada dengan hal tersebut sebagai mau ingin
  saja lagi terus masih tapi tetapi namun bahwa begitu sekali banget apa apakah bagaimana
  kenapa mengapa kapan mana siapa bila sejak hingga sampai setiap tiap semua sudah nih`
    .split(/\s+/)
    .filter(Boolean),
)
