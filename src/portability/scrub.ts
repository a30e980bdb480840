// Pure helpers of an erasure: remove a reporter's identity from texts and JSON while leaving the
// rest readable. Known identity strings (their name, phone, e-mail, channel ids) are replaced
// wherever they occur; then the public-view redaction (triage/redact.ts) masks what remains.
import { redactText } from '../triage/redact.ts'

export const ERASED_NAME = 'Identitas dihapus atas permintaan pelapor'
export const ERASED = '[dihapus]'
export const ERASED_PLACE = '[lokasi dihapus]'

/** Keys that hold an exact place (a point, an address); dropped wherever the erasure scrubs JSON. */
export const LOCATION_KEY =
  /^(lat|latitude|lng|lon|long|longitude|location|locationtext|coords|coordinates|geo|geolocation|point|address|venue|horizontal_?accuracy)$/i

/** A pair of coordinates written in a text ("4.162912, 96.218734"; four decimals or more, so "12.500, 3.000" rupiah stay), and links to a map. */
const COORDINATES = /(?<![\d.])-?\d{1,2}\.\d{4,}\s*[,;]\s*-?\d{1,3}\.\d{4,}(?![\d.])/g
const MAP_LINK = /https?:\/\/(?:www\.)?(?:maps\.google\.[a-z.]+|google\.[a-z.]+\/maps|maps\.app\.goo\.gl|goo\.gl\/maps|maps\.apple\.com|openstreetmap\.org|osm\.org)\S*/gi

/** Keys in message metadata and event data that name or reach a person. */
const IDENTITY_KEY =
  /^(name|names|phone|phones|email|emails|from|to|sender|recipient|author|profile|profilename|contact|contacts|displayname|username|handle|wa_?id|reportername|reporterphone|reportercontact|reporteremail|pushname|first_?name|last_?name|user)$/i

export interface Identity {
  /** Literal strings to remove: names, phones, e-mails, channel ids. */
  strings: string[]
  /** Names for the redaction's known-name rule. */
  names: string[]
  /** Exact places of theirs (the report's address text, a shared location's name and address). */
  places: string[]
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function identityOf(
  parts: (string | null | undefined)[],
  names: (string | null | undefined)[],
  places: (string | null | undefined)[] = [],
): Identity {
  const strings = [...new Set(parts.filter((s): s is string => !!s && s.trim().length >= 3).map((s) => s.trim()))]
  // A phone also appears as 08... or +62...; add those spellings.
  for (const s of [...strings]) {
    const digits = s.replace(/\D/g, '')
    if (/^62\d{7,13}$/.test(digits)) strings.push(`0${digits.slice(2)}`, `+${digits}`, digits)
    else if (/^0\d{8,13}$/.test(digits)) strings.push(`62${digits.slice(1)}`, `+62${digits.slice(1)}`, digits)
  }
  const sorted = [...new Set(strings)].sort((a, b) => b.length - a.length)
  const placeStrings = [...new Set(places.filter((p): p is string => !!p && p.trim().length >= 5).map((p) => p.trim()))].sort((a, b) => b.length - a.length)
  return { strings: sorted, names: [...new Set(names.filter((n): n is string => !!n && n.trim().length >= 3))], places: placeStrings }
}

/** A text without the person: their known strings removed, then public-view redaction. */
export function scrubText(text: string, id: Identity): string {
  return redactText(removeStrings(text, id), { names: id.names })
}

/** Only their known strings and places removed (ids, codes and other machine values stay intact). */
export function removeStrings(text: string, id: Identity): string {
  let out = text
  for (const s of id.strings) out = out.replace(new RegExp(escape(s), 'gi'), ERASED)
  return removePlaces(out, id)
}

/** Their exact places out of a text: known address strings, coordinate pairs, map links. */
export function removePlaces(text: string, id: Pick<Identity, 'places'>): string {
  let out = text.replace(MAP_LINK, ERASED_PLACE).replace(COORDINATES, ERASED_PLACE)
  for (const p of id.places) out = out.replace(new RegExp(escape(p), 'gi'), ERASED_PLACE)
  return out
}

/** Keys whose strings are prose a person wrote (full redaction); other strings lose only known strings. */
const PROSE_KEY = /^(message|body|text|comment|reason|note|caption|title|preview|summary)$/i

/**
 * JSON without the person: keys that name or reach a person dropped (`identityKeys`), and keys
 * that hold an exact place (LOCATION_KEY), prose redacted, every other string rid of their known strings.
 */
export function scrubJson(value: unknown, id: Identity, identityKeys: RegExp = IDENTITY_KEY, key = ''): unknown {
  if (typeof value === 'string') return PROSE_KEY.test(key) ? scrubText(value, id) : removeStrings(value, id)
  if (Array.isArray(value)) return value.map((v) => scrubJson(v, id, identityKeys, key))
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) if (!identityKeys.test(k) && !LOCATION_KEY.test(k)) out[k] = scrubJson(v, id, identityKeys, k)
    return out
  }
  return value
}

/** Only the keys holding an exact place dropped (internal JSON such as a report's triage data). */
export function dropLocation(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropLocation)
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([k]) => !LOCATION_KEY.test(k)).map(([k, v]) => [k, dropLocation(v)]))
  return value
}

/** In report events, only keys that are plainly about the reporter go (from/to there are statuses and agencies). */
export const EVENT_IDENTITY_KEY = /^(name|phone|email|displayname|username|handle|reportername|reporterphone|reportercontact|reporteremail)$/i
