// Text preparation for informal Indonesian complaints: normalisation, tokenisation and a cached
// stemmer. Pure and deterministic; the only state is the stem cache (a bounded memo).
import { Stemmer } from 'sastrawijs'
import { NORMALISATION_MAP, STOPWORDS } from './lexicon.ts'

const stemmer = new Stemmer()
const STEM_CACHE_LIMIT = 200_000
const stemCache = new Map<string, string>()

/**
 * Stems one lower-case word with Sastrawi, memoised: Sastrawi costs tens of microseconds per call
 * and complaint vocabularies repeat heavily, so the cache turns it into a map lookup.
 */
export function stemWord(word: string): string {
  const hit = stemCache.get(word)
  if (hit !== undefined) return hit
  let stem = word
  if (word.length > 3 && /^[a-z]+$/.test(word)) {
    stem = stemmer.stem(word) || word
    // Javanese possessive "-e"/"-ne" ("lampune", "dalane"): strip it when Sastrawi's dictionary
    // knows the remainder and the Indonesian stemmer left the word untouched.
    if (stem === word) {
      if (word.endsWith('ne') && stemmer.find(word.slice(0, -2))) stem = word.slice(0, -2)
      else if (word.endsWith('e') && stemmer.find(word.slice(0, -1))) stem = word.slice(0, -1)
    }
  }
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear()
  stemCache.set(word, stem)
  return stem
}

/** Whether a lower-case word (or its stem) is in Sastrawi's Indonesian root-word dictionary. */
export function isDictionaryWord(word: string): boolean {
  return stemmer.find(word) || stemmer.find(stemWord(word))
}

const URL_RE = /\b(?:https?:\/\/|www\.)\S+/gi
const EMAIL_RE = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g
const HANDLE_RE = /(^|\s)@\w+/g
const PHONE_RE = /(?:\+?62|\b0)8[\d\s.-]{7,14}\d/g

/**
 * Lower-cases and cleans a raw message: links, e-mail addresses, handles and phone numbers become
 * placeholder words, letters repeated three or more times collapse ("tolonggg" -> "tolong"),
 * and "2" reduplication keeps the word once ("jalan2" -> "jalan"), as "jalan-jalan" does.
 */
export function cleanText(raw: string): string {
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(URL_RE, ' xurl ')
    .replace(EMAIL_RE, ' xemail ')
    .replace(HANDLE_RE, '$1 xakun ')
    .replace(PHONE_RE, ' xtelepon ')
    .replace(/([a-z])\1{2,}/g, '$1')
    .replace(/\b([a-z]{3,})2\b/g, '$1')
}

/**
 * Splits cleaned text into word tokens and maps slang, abbreviations, Javanese and Acehnese words
 * to standard Indonesian. Numbers are kept as tokens; "a-b" compounds split; "anak-anak" keeps one "anak".
 */
export function tokenize(raw: string): string[] {
  const words = cleanText(raw).match(/[a-z\u00c0-\u024f]+|\d+/g) ?? []
  const out: string[] = []
  for (const w of words) {
    const mapped = NORMALISATION_MAP.get(w)
    if (mapped === undefined) {
      if (out[out.length - 1] !== w) out.push(w)
      continue
    }
    for (const m of mapped.split(' ')) out.push(m)
  }
  return out
}

export interface PreparedText {
  /** normalised tokens, stopwords included (for phrases and reasons) */
  tokens: string[]
  /** stems of the content tokens, in order, stopwords and bare numbers removed */
  stems: string[]
  /** the normalised text, tokens joined with spaces (for character n-grams) */
  normalized: string
}

/** Normalises, tokenises and stems a text in one pass. */
export function prepareText(raw: string): PreparedText {
  const tokens = tokenize(raw)
  const stems: string[] = []
  for (const t of tokens) {
    if (STOPWORDS.has(t) || /^\d+$/.test(t) || t.length < 2) continue
    stems.push(stemWord(t))
  }
  return { tokens, stems, normalized: tokens.join(' ') }
}

/** The normalised text (slang expanded), e.g. for display in debugging tools or for keyword rules. */
export function normalizeText(raw: string): string {
  return tokenize(raw).join(' ')
}
