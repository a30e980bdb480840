// Splits a long reply into messages a provider accepts, breaking where a reader would:
// paragraph, then line, then word, and only as a last resort inside a word (never inside a
// surrogate pair, so emoji and non-BMP letters survive).

/**
 * Guarantees: every part is non-empty and `measure(part) <= max`; the parts, in order, contain
 * every non-whitespace character of `text` exactly once (whitespace at a break is dropped).
 */
export function splitText(
  text: string,
  max: number,
  measure: (s: string) => number = (s) => s.length,
): string[] {
  const parts: string[] = []
  let rest = text.trim()
  while (rest.length > 0) {
    if (measure(rest) <= max) {
      parts.push(rest)
      break
    }
    const cut = cutPoint(rest, max, measure)
    parts.push(rest.slice(0, cut).trimEnd())
    rest = rest.slice(cut).trimStart()
  }
  return parts
}

function cutPoint(s: string, max: number, measure: (s: string) => number): number {
  // Longest prefix that fits, found by binary search over UTF-16 offsets.
  let lo = 1
  let hi = s.length
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (measure(s.slice(0, mid)) <= max) lo = mid
    else hi = mid - 1
  }
  let fit = lo
  if (isLowSurrogate(s.charCodeAt(fit)) && fit > 1) fit-- // do not cut a pair in half
  const window = s.slice(0, fit)
  for (const sep of ['\n\n', '\n', ' ']) {
    const at = window.lastIndexOf(sep)
    // A break very early would waste most of a message; accept it only past a third.
    if (at > fit / 3 && window.slice(0, at).trim()) return at + sep.length
  }
  return fit
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}
