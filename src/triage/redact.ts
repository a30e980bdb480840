// Masks personal data in report texts for public views: names of people, phone numbers, NIK,
// e-mail addresses, account handles and house addresses (house numbers, RT/RW, blocks), while
// places (desa, kecamatan, street names as locations) stay readable. Pure and deterministic.
// Order matters: machine-shaped data first (e-mail before handles, NIK before phones), then
// addresses, then names, so that no rule sees another rule's digits.
import { isDictionaryWord } from './text.ts'
import { NORMALISATION_MAP } from './lexicon.ts'

export interface RedactOptions {
  /** names to mask wherever they occur, e.g. the reporter's own name (each part of 3+ letters too) */
  names?: string[]
  /** mask house addresses (default true) */
  addresses?: boolean
  /** mask names found by heuristics (default true) */
  heuristicNames?: boolean
}

export const MASKS = {
  name: '[nama]',
  phone: '[telepon]',
  nik: '[NIK]',
  email: '[email]',
  handle: '[akun]',
  address: '[alamat]',
  number: '[nomor]',
} as const

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu
const HANDLE = /(^|[^\p{L}\p{N}_.@\]])@[\p{L}\p{N}_](?:[\p{L}\p{N}_.]*[\p{L}\p{N}_])?/gu
// A digit run with single separators between groups (space, dot, dash, parentheses, slash).
const DIGIT_RUN = /\+?\(?\d(?:[\d]|[ .\-()/]{1,2}(?=\d))*/g

const DATE_START = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}\b/

function classifyDigits(run: string): string | null {
  const digits = run.replace(/\D/g, '')
  if (digits.length === 16) return MASKS.nik
  // A date, maybe with a time after it ("2022-01-21 09:36"), is not personal data.
  if (DATE_START.test(run) && digits.length <= 14) return null
  const phoneLike = /^(?:\+?62|0|\(0)/.test(run.trim()) || /^8\d/.test(digits)
  if (phoneLike && digits.length >= 9 && digits.length <= 15) return MASKS.phone
  if (digits.length >= 9) return digits.length >= 15 ? MASKS.nik : MASKS.number
  return null
}

/**
 * Masks machine-shaped data: NIK (16 digits, also spaced), phones (08.., +62 .., 62.., with
 * spaces, dots, dashes), any other run of 9+ digits (account and card numbers), e-mail addresses
 * and @handles.
 */
function maskMachineData(text: string): string {
  return text
    .replace(EMAIL, MASKS.email)
    .replace(HANDLE, (_m, before: string) => `${before}${MASKS.handle}`)
    .replace(DIGIT_RUN, (run) => {
      const mask = classifyDigits(run)
      if (!mask) return run
      // Keep a trailing separator the run swallowed, so words do not glue together.
      const tail = /[ .\-()/]+$/.exec(run)?.[0] ?? ''
      return mask + tail
    })
}

const TIME_UNITS = 'hari|minggu|bulan|tahun|jam|menit|meter|m|km|kali|x|orang|rumah|titik|unit|kk|lembar|buah|tiang|lampu'
const ADDRESS_RULES: RegExp[] = [
  // RT/RW numbers: "RT 03 RW 05", "RT.4/RW.12", "rt 003 / rw 003", "RT/RW 05/02", "rt 5/6"
  /\b(?:rt|rw)\s*\.?\s*\/?\s*(?:rw\s*\.?\s*)?0*\d{1,3}(?:\s*[\/,]?\s*(?:rw|rt)?\s*\.?\s*0*\d{1,3})?\b/gi,
  // house numbers: "No. 12", "no 46B", "nomor 19 A", "No.59"
  /\b(?:no|nomor|nmr)\s*\.?\s*:?\s*\d{1,4}(?:\s?[a-z](?![a-z]))?(?:\s*[-/]\s*\d{1,4})?\b/gi,
  // blocks: "blok C-3", "blok F 16", "blok 20", "Blok AA/12"
  /\bblok\s*\.?\s*[a-z]{0,2}\s*[-/.]?\s*\d{0,4}[a-z]?\b/gi,
  // kavling / persil numbers
  /\b(?:kav|kavling|persil)\s*\.?\s*\d{1,4}[a-z]?\b/gi,
]
// A bare number closing a street address: "jalan monginsidi 23,", "Jl Hr Muhamaad 389 Surabaya".
const STREET_NUMBER = new RegExp(
  `\\b((?:jl|jln|jalan)\\.?\\s+(?:[\\p{L}'.]+\\s+){0,3}?[\\p{L}'.]+\\s+)(\\d{1,4}[a-z]?)(?=\\s*(?:$|[,.;)\\n]|\\s+(?!(?:${TIME_UNITS})\\b)(?:surabaya|rt|rw|kel|kec|kelurahan|kecamatan|blok|depan|samping|sebelah|dekat|kota)\\b))`,
  'giu',
)

function maskAddresses(text: string): string {
  let out = text
  for (const re of ADDRESS_RULES) out = out.replace(re, (m) => (/\d/.test(m) ? MASKS.address : m))
  return out.replace(STREET_NUMBER, (_m, street: string) => `${street}${MASKS.address}`)
}

// Words that follow an honorific or "saya" without being a name: roles, places, function words.
const NOT_A_NAME = new Set(
  `yang dan atau di ke dari saya kami kita anda dia beliau mereka ini itu sudah belum tidak juga selaku sebagai untuk
  dengan mohon tolong terima kasih minta mau ingin bisa sedang akan adalah yg sy ada punya hanya sangat merasa
  lurah camat rt rw wali walikota kota wakil bupati gubernur presiden menteri kades keuchik kapolsek kapolres danramil
  dokter bidan perawat kepala kadis kabid ketua sekretaris bendahara pejabat petugas pegawai staf admin operator
  sopir driver guru dosen kyai ustadz pak bu bapak ibu mas mbak kak hamil menyusui tua muda rumah tangga pkk
  warga penduduk masyarakat pemilik penghuni pedagang tetangga anak istri suami orang tuan nyonya yth terhormat
  dinas kelurahan kecamatan desa gampong kampung dusun lingkungan jalan jl gang gg blok pemerintah pemkot pemkab
  mengadukan melaporkan menyampaikan memohon bertanya tanya lapor laporan keluhan mengeluh tinggal beralamat
  berdomisili warganya dari asal sekeluarga selama sejak pada tanggal hari saat waktu disini sini sana situ
  kemarin tadi sekarang bersama beserta sendiri semua para seorang salah satu baru lama lagi sering selalu
  nya lah pun kok sih dong ya nik kk ktp no hp wa telp email alamat`.split(/\s+/),
)

const HONORIFIC =
  /\b(bapak|ibu|pak|bu|bpk|ibuk|sdr|sdri|saudara|saudari|mas|mbak|mba|cak|ning|bang|abang|om|tante|alm|almarhum|almarhumah|almh|hj|haji|hajjah|ustadz|ustazah|tuan|nyonya|nama saya|saya bernama|bernama|namanya|nama|atas nama|a\.\s?n\.?|an\.|inisial)(\.?\s*:?\s+)/giu
const INTRO_SAYA = /\b(saya|sy|kami)(\s+)/giu
const TOKEN = /^[\p{L}][\p{L}'.-]*/u

/**
 * Whether a word after a trigger looks like a person's name. Capitalised words count unless
 * `unknownOnly`; lower-case words count when unknown to the Indonesian dictionary and the slang list.
 * With `unknownOnly` (after the weak trigger "saya") a word must be both capitalised and unknown.
 */
function looksLikeName(word: string, unknownOnly: boolean): boolean {
  const bare = word.replace(/[.'-]+$/, '')
  const lower = bare.toLowerCase()
  if (bare.length < 2 || NOT_A_NAME.has(lower) || NORMALISATION_MAP.has(lower)) return false
  const capital = /^\p{Lu}/u.test(bare)
  const unknown = !isDictionaryWord(lower)
  return unknownOnly ? unknown && capital : capital || unknown
}

/** Length of the name (up to three name-like words) at the start of `tail`; 0 when none. */
function nameLength(tail: string, strict: boolean): number {
  let pos = 0
  let taken = 0
  while (taken < 3) {
    const gap = taken ? (/^ +/.exec(tail.slice(pos))?.[0] ?? '') : ''
    if (taken && !gap) break
    const m = TOKEN.exec(tail.slice(pos + gap.length))
    if (!m) break
    // Two capitalised words in a row after "saya" read as a full name even when the first is also
    // a dictionary word ("saya Dewi Anggraini"); the second must then be unknown to the dictionary.
    const pair =
      strict && !taken && /^\p{Lu}/u.test(m[0]) && !NOT_A_NAME.has(m[0].toLowerCase()) && isNameAfter(tail.slice(pos + m[0].length))
    if (!pair && !looksLikeName(m[0], strict)) break
    pos += gap.length + m[0].length
    taken++
  }
  return pos
}

function isNameAfter(rest: string): boolean {
  const next = /^ +([\p{L}][\p{L}'.-]*)/u.exec(rest)
  return !!next && looksLikeName(next[1], true)
}

function maskNamesAfter(text: string, trigger: RegExp, strict: boolean): string {
  let out = ''
  let last = 0
  for (const m of text.matchAll(trigger)) {
    if (m.index < last) continue
    const end = m.index + m[0].length
    const n = nameLength(text.slice(end), strict)
    if (!n) continue
    out += text.slice(last, end) + MASKS.name
    last = end + n
  }
  return out + text.slice(last)
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function maskKnownNames(text: string, names: string[]): string {
  const parts = new Set<string>()
  for (const n of names) {
    const full = n.trim()
    if (full.length >= 2) parts.add(full)
    for (const p of full.split(/\s+/)) if (p.length >= 3 && !NOT_A_NAME.has(p.toLowerCase())) parts.add(p)
  }
  let out = text
  // Longest first, so "Siti Aminah" goes as one mask before "Siti".
  for (const p of [...parts].sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(p)}(?![\\p{L}\\p{N}])`, 'giu'), MASKS.name)
  }
  return out
}

/** Masks personal data in a text; see the module comment for what is masked and kept. */
export function redactText(text: string, options: RedactOptions = {}): string {
  let out = maskMachineData(text)
  if (options.names?.length) out = maskKnownNames(out, options.names)
  if (options.addresses ?? true) out = maskAddresses(out)
  if (options.heuristicNames ?? true) {
    out = maskNamesAfter(out, HONORIFIC, false)
    // "saya X": only words the dictionary does not know ("saya Walid", not "saya Mohon").
    out = maskNamesAfter(out, INTRO_SAYA, true)
    out = out.replace(/\[nama\](?:\s+\[nama\])+/g, MASKS.name)
  }
  return out
}
