// Pure helpers of an erasure: remove a reporter's identity from texts and JSON while leaving the
// rest readable. Known identity strings (their name, phone, e-mail, channel ids) are replaced
// wherever they occur; then the public-view redaction (triage/redact.ts) masks what remains.
import { redactText } from '../triage/redact.ts'

export const ERASED_NAME = 'Identitas dihapus atas permintaan pelapor'
export const ERASED = '[dihapus]'

/** Keys in message metadata and event data that name or reach a person. */
const IDENTITY_KEY =
  /^(name|names|phone|phones|email|emails|from|to|sender|recipient|author|profile|profilename|contact|contacts|displayname|username|handle|wa_?id|reportername|reporterphone|reportercontact|reporteremail|pushname|first_?name|last_?name|user)$/i

export interface Identity {
  /** Literal strings to remove: names, phones, e-mails, channel ids. */
  strings: string[]
  /** Names for the redaction's known-name rule. */
  names: string[]
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function identityOf(parts: (string | null | undefined)[], names: (string | null | undefined)[]): Identity {
  const strings = [...new Set(parts.filter((s): s is string => !!s && s.trim().length >= 3).map((s) => s.trim()))]
  // A phone also appears as 08... or +62...; add those spellings.
  for (const s of [...strings]) {
    const digits = s.replace(/\D/g, '')
    if (/^62\d{7,13}$/.test(digits)) strings.push(`0${digits.slice(2)}`, `+${digits}`, digits)
    else if (/^0\d{8,13}$/.test(digits)) strings.push(`62${digits.slice(1)}`, `+62${digits.slice(1)}`, digits)
  }
  const sorted = [...new Set(strings)].sort((a, b) => b.length - a.length)
  return { strings: sorted, names: [...new Set(names.filter((n): n is string => !!n && n.trim().length >= 3))] }
}

/** A text without the person: their known strings removed, then public-view redaction. */
export function scrubText(text: string, id: Identity): string {
  return redactText(removeStrings(text, id), { names: id.names })
}

/** Only their known strings removed (ids, codes and other machine values stay intact). */
export function removeStrings(text: string, id: Identity): string {
  let out = text
  for (const s of id.strings) out = out.replace(new RegExp(escape(s), 'gi'), ERASED)
  return out
}

/** Keys whose strings are prose a person wrote (full redaction); other strings lose only known strings. */
const PROSE_KEY = /^(message|body|text|comment|reason|note|caption|title|preview|summary)$/i

/**
 * JSON without the person: keys that name or reach a person dropped (`identityKeys`), prose
 * redacted, every other string rid of their known strings.
 */
export function scrubJson(value: unknown, id: Identity, identityKeys: RegExp = IDENTITY_KEY, key = ''): unknown {
  if (typeof value === 'string') return PROSE_KEY.test(key) ? scrubText(value, id) : removeStrings(value, id)
  if (Array.isArray(value)) return value.map((v) => scrubJson(v, id, identityKeys, key))
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) if (!identityKeys.test(k)) out[k] = scrubJson(v, id, identityKeys, k)
    return out
  }
  return value
}

/** In report events, only keys that are plainly about the reporter go (from/to there are statuses and agencies). */
export const EVENT_IDENTITY_KEY = /^(name|phone|email|displayname|username|handle|reportername|reporterphone|reportercontact|reporteremail)$/i
