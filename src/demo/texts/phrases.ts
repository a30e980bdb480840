// Fillers for the templates' placeholders, and the words citizens shorten when they type fast.

export const SPOTS = [
  'depan meunasah',
  'dekat mesjid',
  'simpang jalan masuk gampong',
  'samping SD negeri',
  'dekat kantor keuchik',
  'jalan ke blang',
  'belakang pasar',
  'dekat jembatan',
  'lorong dusun',
  'depan balai pengajian',
  'dekat kios pupuk',
  'ujung gampong',
  'pinggir krueng',
  'dekat lapangan bola',
  'depan posyandu',
]

export const DURATIONS = [
  'udah 2 minggu',
  'hampir sebulan',
  'dari bulan lalu',
  'udah 3 hari',
  'sudah seminggu lebih',
  'berbulan-bulan',
  'sejak awal bulan',
  '5 hari ini',
]

/** Replacements a fast typist makes: [pattern, options]. Applied word by word with some chance. */
export const ABBREVIATIONS: [RegExp, string[]][] = [
  [/\byang\b/g, ['yg']],
  [/\btidak\b/g, ['tdk', 'gak', 'ga', 'gk']],
  [/\bgak\b/g, ['gk', 'ga', 'nggak']],
  [/\bsudah\b/g, ['udah', 'sdh', 'udh']],
  [/\budah\b/g, ['udh', 'dah']],
  [/\bjalan\b/g, ['jln', 'jl']],
  [/\bdengan\b/g, ['dgn', 'sama']],
  [/\buntuk\b/g, ['utk', 'buat']],
  [/\bkarena\b/g, ['krn', 'karna']],
  [/\bsampai\b/g, ['sampe', 'smpe']],
  [/\btolong\b/g, ['tlg', 'tolongg']],
  [/\bterima kasih\b/gi, ['makasih', 'trims', 'tks', 'trimakasih']],
  [/\bbapak\b/gi, ['bpk', 'pak']],
  [/\bkalau\b/g, ['kalo', 'klo', 'kl']],
  [/\bsaja\b/g, ['aja']],
  [/\bbelum\b/g, ['blm', 'belom']],
  [/\bsekarang\b/g, ['skrg', 'skrang']],
  [/\bbanyak\b/g, ['byk']],
  [/\borang\b/g, ['org']],
  [/\bbagaimana\b/g, ['gimana', 'bgmn']],
  [/\bmasyarakat\b/g, ['masy', 'warga']],
  [/\bsekali\b/g, ['kali', 'bgt']],
  [/\bkecamatan\b/g, ['kec']],
  [/\bgampong\b/g, ['gp', 'gampong']],
  [/\bmohon\b/g, ['mhn']],
  [/\bsaya\b/g, ['sy', 'saya', 'lon']],
  [/\bapa\b/g, ['ap']],
  [/\bpakai\b/g, ['pake']],
]

export const CASUAL_SIGNOFFS = ['🙏', '🙏🙏', 'trims', 'tolong dibantu', 'mohon ditindak', '!!', '', '', '']
export const FORMAL_SIGNOFFS = [
  'Terima kasih.',
  'Atas perhatiannya saya ucapkan terima kasih.',
  'Mohon segera ditindaklanjuti. Terima kasih.',
]
export const SOCIAL_PREFIXES = [
  'Min, ',
  'min ',
  '@pemkabnara ',
  'Mohon perhatian admin, ',
  'Pak bupati, ',
  '',
]
export const GREETINGS = ['Assalamualaikum, ', 'Assalamualaikum wr wb. ', 'Selamat pagi, ', 'Pak, ', '']
