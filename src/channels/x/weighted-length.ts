// How X counts a post's length, after twitter-text's v3 configuration
// (https://docs.x.com/fundamentals/counting-characters): code points in a few Latin
// and punctuation ranges weigh 1, every other code point (CJK, emoji) weighs 2, a URL weighs 23.
//
// We must never undercount (X answers 403 to a post over 280), so the count is an upper bound:
// anything that looks like a link — with or without a scheme, since X links bare domains such
// as aduan.naganrayakab.go.id — weighs max(23, its own length).
export const X_MAX_WEIGHTED = 280

const LIGHT_RANGES: [number, number][] = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
]
const LINKISH = /(?:https?:\/\/)?(?:[\p{L}\p{N}-]+\.)+[\p{L}]{2,}(?:[/?#]\S*)?/giu

export function weightedLength(text: string): number {
  let total = 0
  const rest = text.normalize('NFC').replace(LINKISH, (m) => {
    total += Math.max(23, weighCodePoints(m))
    return ''
  })
  return total + weighCodePoints(rest)
}

function weighCodePoints(s: string): number {
  let n = 0
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0
    n += LIGHT_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi) ? 1 : 2
  }
  return n
}
