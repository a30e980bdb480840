// Splitting a long reply into messages a provider accepts (WhatsApp 4,096 characters, Messenger
// 2,000, Instagram 1,000). Lengths are UTF-16 code units, which never undercounts a provider's
// character count.

/**
 * Splits `text` into parts of at most `max` code units, breaking at a paragraph, then a line,
 * then a space in the second half of the window, else hard (never inside a surrogate pair).
 * Whitespace at a break is dropped; no part is blank (blank text gives no parts); text within
 * the limit comes back whole.
 */
export function splitText(text: string, max: number): string[] {
  if (max < 2) throw new RangeError('max must be at least 2')
  const parts: string[] = []
  let rest = text
  while (rest.length > max) {
    const cut = findCut(rest, max)
    const part = rest.slice(0, cut).trimEnd()
    if (part) parts.push(part)
    rest = rest.slice(cut).trimStart()
  }
  if (rest.trim()) parts.push(rest)
  return parts
}

function findCut(text: string, max: number): number {
  const window = text.slice(0, max + 1)
  for (const sep of ['\n\n', '\n', ' ']) {
    const at = window.lastIndexOf(sep, max)
    if (at >= max / 2) return at
  }
  const code = text.charCodeAt(max - 1)
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max
}
