// Emergency (kedaruratan) detection at intake: rules over the normalised text, tuned for recall.
// A trigger names the kind of emergency (fire, flood, ...); cues of immediacy raise the score;
// cues that the event is past, handled, hypothetical (a hazard to prevent) or figurative lower it.
// Rules rather than a learned model because the cost of a miss is high, the vocabulary is small,
// and an operator must be able to read why a report jumped the queue.
import { normalizeText } from './text.ts'

export const EMERGENCY_TYPES = [
  'kebakaran', 'banjir', 'longsor', 'kecelakaan', 'kekerasan', 'medis', 'orang_hilang',
  'tenggelam', 'listrik', 'pohon_tumbang', 'bangunan_roboh', 'gas', 'hewan_berbahaya', 'gempa',
] as const
export type EmergencyType = (typeof EMERGENCY_TYPES)[number]

export interface EmergencyResult {
  isEmergency: boolean
  /** the most likely kind, also when below the threshold (null when nothing matched) */
  type: EmergencyType | null
  /** 0..1; isEmergency when >= threshold */
  score: number
  /** the phrases that decided it: triggers, then "+cue" and "-cue" */
  matched: string[]
}

export interface EmergencyOptions {
  /** default 0.5 */
  threshold?: number
}

const STRONG = 0.7
const MEDIUM = 0.4

const PERSON =
  '(?:anak|adik|kakak|nenek|kakek|ibu|bapak|ayah|suami|istri|remaja|pendaki|warga|orang|lansia|balita|bocah|perempuan|laki|pelajar|nelayan|murid|siswa|bayi)'

// [type, weight, pattern] over the normalised text (slang expanded, lower case). Among equal
// weights the first listed wins: the more specific kinds come first (drowning before missing person).
const TRIGGERS: [EmergencyType, number, RegExp][] = [
  ['gas', STRONG, /\b(gas\w* bocor|kebocoran gas|bau gas)\b/],
  ['tenggelam', STRONG, /\b(tenggelam|hanyut|terseret arus|terbawa arus|(perahu|kapal)\w* terbalik)\b/],
  ['pohon_tumbang', MEDIUM, /\bpohon (\w+ )?tumbang\b/],
  ['pohon_tumbang', STRONG, /\bpohon\b[^.!?]{0,30}\bmenimpa\b/],
  ['listrik', STRONG, /\b(kesetrum|tersetrum|tersengat listrik|percikan api)\b/],
  ['listrik', MEDIUM, /\b(kabel|tiang) listrik\b[^.!?]{0,30}\b(putus|roboh|jatuh|terkelupas)\b|\b(tiang|kabel) listrik roboh\b/],
  ['longsor', STRONG, /\b(longsor|tertimbun|tebing (runtuh|ambruk))\b/],
  ['kebakaran', STRONG, /\b(kebakaran|terbakar|dilalap api|kobaran api|api (mulai |sudah )?(membesar|merambat|besar)|meledak|ledakan|luka bakar)\b/],
  ['kebakaran', MEDIUM, /\b(api|asap (hitam|tebal))\b/],
  ['banjir', STRONG, /\b(banjir bandang|air bah|tanggul (sungai )?(jebol|bobol)|terendam|banjir masuk rumah)\b/],
  ['banjir', MEDIUM, /\b(banjir|meluap|air (terus )?naik|sedada|sepinggang|setinggi (dada|pinggang|leher|atap)|mengungsi)\b/],
  ['kecelakaan', STRONG, /\b(kecelakaan|tabrakan|laka( lantas| lalu lintas)?|(di|ter|ke)tabrak( lari)?|menabrak|terguling|terbalik|terlindas|terjepit)\b/],
  ['kecelakaan', MEDIUM, /\b(terjatuh|jatuh)\b/],
  ['kekerasan', STRONG, /\b(dipukul(i)?|berkelahi|perkelahian|tawuran|di ?begal|begal|perampokan|dirampok|dianiaya|penganiayaan|(di|me|pe)ngeroyok(an)?|dibacok|ditusuk|kdrt|diculik|penculikan|diperkosa|pemerkosaan|mengamuk|carok)\b/],
  ['kekerasan', STRONG, /\b(bawa|membawa) (celurit|parang|pisau|sajam|senjata( tajam)?|pistol)\b/],
  ['kekerasan', MEDIUM, /\b(n?gancam( ?\w*)?|mengancam|minta tolong|kekerasan|senjata)\b/],
  ['medis', STRONG, /\b(pingsan|tidak sadar(kan diri)?|sesak (napas|nafas)|kejang|pendarahan|perdarahan|serangan jantung|stroke|overdosis|keracunan|muntah darah|berbusa|bunuh diri|gantung diri|mayat|ditemukan meninggal|tidak bergerak|kritis|digigit ular|ketuban\w*)\b/],
  ['medis', MEDIUM, /\b(berdarah|melahirkan|ambulans|ambulan|sekarat|luka parah)\b/],
  ['orang_hilang', STRONG, new RegExp(`\\b${PERSON}\\b[^.!?]{0,40}\\b(hilang|belum pulang|tidak pulang|belum ditemukan|belum ketemu)\\b`)],
  ['orang_hilang', STRONG, /\b(orang hilang|hilang kontak|pencarian (korban|orang|anak|warga|remaja|pendaki))\b/],
  ['bangunan_roboh', STRONG, /\b(tertimpa|ambruk menimpa|jembatan\b[^.!?]{0,20}\bputus)\b/],
  ['bangunan_roboh', MEDIUM, /\b(rumah|atap|bangunan|tembok|dinding|jembatan|sekolah|gedung|plafon)\b[^.!?]{0,25}\b(roboh|ambruk|runtuh)\b/],
  ['hewan_berbahaya', STRONG, /\b(ular (kobra|piton|berbisa|besar|masuk)|sarang (tawon|lebah)|disengat (tawon|lebah))\b/],
  ['hewan_berbahaya', MEDIUM, /\bular\b/],
  ['gempa', MEDIUM, /\b(gempa|tsunami)\b/],
]

// Immediacy and severity: each adds URGENCY, up to URGENCY_CAP.
const URGENCY = 0.15
const URGENCY_CAP = 0.3
const URGENT =
  /\b(tolong|segera|cepat|darurat|sekarang|barusan|baru saja|saat ini|tadi|sedang|masih (di dalam|tergeletak|nempel)|korban|terjebak|evakuasi|dievakuasi|mengungsi|ambulans|ambulan|damkar|pemadam|sar|polisi|butuh bantuan|belum (ditemukan|ketemu|keluar|datang)|tertimpa|tidak bergerak|luka|setinggi|sepinggang|sedada|sepaha|(masuk|naik ke) (rumah|atap)|panik|teriak|bahaya)\b|!!/g

// Penalties: the event is over or handled; a hazard to prevent or a chronic problem; a question
// about records or aid after the fact.
const RESOLVED = /\b(sudah (ditangani|padam|dipadamkan|surut|dievakuasi|selesai|diperbaiki|aman)|sudah \w+ padam)\b/
const PAST = /\b(tahun lalu|bulan lalu|minggu lalu|tahun (19|20)\d\d|(19|20)\d\d|dulu|bekas|pernah)\b/
const HYPOTHETICAL =
  /\b(rawan|berpotensi|potensi|bisa menyebabkan|dapat menyebabkan|khawatir|takut (tumbang|roboh|ambruk|banjir|terjadi|kalau|jika)|sebelum (ada korban|tumbang|parah|roboh|ambruk)|jika terjadi|kalau hujan|setiap hujan|tiap hujan|sering (terjadi|banjir)|selalu banjir|langganan banjir|pasti banjir|hampir|pencegahan|sosialisasi|simulasi|pelatihan|mitigasi|jalur evakuasi|apar|hidran|hoaks|hoax|skripsi|statistik|pendataan|renovasi|bantuan (untuk )?korban|data (jumlah )?korban)\b/
const PENALTIES: [RegExp, number, string][] = [
  [RESOLVED, 0.6, 'resolved'],
  [PAST, 0.45, 'past'],
  [HYPOTHETICAL, 0.5, 'hypothetical'],
]

// Figurative uses are removed before matching: "banjir informasi", "kebakaran jenggot".
const FIGURATIVE =
  /\b(banjir (informasi|info|promo|diskon|pesanan|order|pujian|komentar|kritik|air mata|hadiah|like|rezeki|job)|kebakaran jenggot|(kehilangan|hilang) (kepercayaan|harapan|akal|kesabaran|sinyal|semangat)|(api|membakar) semangat|tenggelam dalam|bakar\w* sampah|sampah\w* dibakar)\b/g

/** Detects an emergency in a report's text. Pure; a few microseconds per text. */
export function detectEmergency(text: string, options: EmergencyOptions = {}): EmergencyResult {
  const threshold = options.threshold ?? 0.5
  const t = normalizeText(text).replace(FIGURATIVE, ' ')
  const best = new Map<EmergencyType, { weight: number; phrase: string }>()
  for (const [type, weight, re] of TRIGGERS) {
    const m = re.exec(t)
    if (!m) continue
    const prev = best.get(type)
    if (!prev || weight > prev.weight) best.set(type, { weight, phrase: m[0] })
  }
  if (best.size === 0) return { isEmergency: false, type: null, score: 0, matched: [] }
  const cues = [...new Set((t + (/!!/.test(text) ? ' !!' : '')).match(URGENT) ?? [])]
  const urgency = Math.min(URGENCY_CAP, cues.length * URGENCY)
  const penalties = PENALTIES.flatMap(([re, p, name]) => {
    const m = re.exec(t)
    return m ? [{ p, cue: `-${name}: ${m[0]}` }] : []
  })
  const penalty = penalties.reduce((s, x) => s + x.p, 0)
  // Several kinds at once (a fire with victims, a flood with people missing) add evidence.
  const ranked = [...best].sort((a, b) => b[1].weight - a[1].weight)
  const [type, top] = ranked[0]
  const corroboration = ranked.length > 1 ? 0.1 : 0
  const raw = top.weight + urgency + corroboration - penalty
  // Rounded before the comparison: 0.7 + 0.15 + 0.1 - 0.45 must not fall short of 0.5 by 1e-16.
  const score = Math.round(Math.max(0, Math.min(1, raw)) * 1000) / 1000
  return {
    isEmergency: score >= threshold,
    type,
    score,
    matched: [...ranked.map(([, v]) => v.phrase), ...cues.map((c) => `+${c}`), ...penalties.map((x) => x.cue)],
  }
}
