// SMS length rules (3GPP TS 23.038 alphabet, TS 23.040 concatenation):
// - text wholly in the GSM 7-bit default alphabet: 160 septets in one SMS; a concatenated
//   message spends 7 septets of each part on the UDH, leaving 153. Characters of the extension
//   table (^{}\[~]|€ and form feed) take two septets (ESC + char) and are never split.
// - anything else is sent as UCS-2: 70 UTF-16 units alone, 67 per concatenated part, and a
//   surrogate pair (emoji) is never split.
// Pure; the gateway does the actual concatenation, we only need the count and the split.

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà'
const GSM_EXTENDED = '\f^{}\\[~]|€'
const BASIC = new Set(GSM_BASIC)
const EXTENDED = new Set(GSM_EXTENDED)

export type SmsEncoding = 'gsm7' | 'ucs2'

export const SMS_LIMITS = {
  gsm7: { single: 160, part: 153 },
  ucs2: { single: 70, part: 67 },
} as const

export function smsEncoding(text: string): SmsEncoding {
  for (const ch of text) if (!BASIC.has(ch) && !EXTENDED.has(ch)) return 'ucs2'
  return 'gsm7'
}

/** Length in the unit that limits apply to: septets for GSM-7, UTF-16 code units for UCS-2. */
export function smsUnits(text: string, encoding: SmsEncoding = smsEncoding(text)): number {
  if (encoding === 'ucs2') return text.length
  let n = 0
  for (const ch of text) n += EXTENDED.has(ch) ? 2 : 1
  return n
}

/**
 * The parts a concatenated SMS is cut into, exactly as a gateway cuts it (by units, not by
 * words: the handset joins them back). Guarantees: `parts.join('') === text`, every part within
 * the limit, no escape sequence or surrogate pair split.
 */
export function splitSmsParts(text: string): { encoding: SmsEncoding; parts: string[] } {
  const encoding = smsEncoding(text)
  const limits = SMS_LIMITS[encoding]
  if (text.length === 0) return { encoding, parts: [] }
  if (smsUnits(text, encoding) <= limits.single) return { encoding, parts: [text] }
  const parts: string[] = []
  let current = ''
  let used = 0
  for (const ch of text) {
    // for...of walks code points, so a surrogate pair arrives whole (2 units in UCS-2).
    const cost = encoding === 'ucs2' ? ch.length : EXTENDED.has(ch) ? 2 : 1
    if (used + cost > limits.part) {
      parts.push(current)
      current = ''
      used = 0
    }
    current += ch
    used += cost
  }
  if (current) parts.push(current)
  return { encoding, parts }
}
