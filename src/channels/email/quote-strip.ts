// Pure text helpers for inbound e-mail: cut the quoted previous message out of a reply (so the
// inbox shows what the citizen wrote now, not our acknowledgement again) and turn HTML-only
// mail into plain text.

// Lines that open a quoted previous message, as mail clients write them in English and in
// Bahasa Indonesia (Gmail, Outlook, Apple Mail, Thunderbird, Yahoo).
const ATTRIBUTION = [
  /^On\b[\s\S]{0,300}?\bwrote:\s*$/im, // "On Mon, 10 Jun 2024 at 09.00, Budi <b@x> wrote:"
  /^Pada\b[\s\S]{0,300}?\bmenulis:\s*$/im, // "Pada tanggal Sen, 10 Jun 2024 pukul 09.00 Budi <b@x> menulis:"
  /^-{2,}\s*(?:Original Message|Pesan Asli|Forwarded message|Pesan yang diteruskan)\s*-{2,}\s*$/im,
  /^_{10,}\s*$/m, // Outlook's rule above its header block
  /^(?:From|Dari):\s.+\n(?:.+\n){0,3}?(?:Sent|Dikirim|Date|Tanggal):\s.+$/im,
]

/** Removes the quoted earlier message from a reply; returns the text unchanged when there is none. */
export function stripQuotedReply(text: string): string {
  const normalised = text.replace(/\r\n/g, '\n')
  let cut = normalised.length
  for (const re of ATTRIBUTION) {
    const m = re.exec(normalised)
    if (m && m.index < cut) cut = m.index
  }
  let kept = normalised.slice(0, cut)
  // A bottom-quoted block of "> " lines with no attribution line above it.
  kept = kept.replace(/(?:\n>[^\n]*)+\s*$/, '')
  const result = kept.trim()
  // If everything was "quote" (a forwarded message with nothing added), keep the original.
  return result || normalised.trim()
}

/** Crude but dependable HTML -> text for HTML-only mail; quoted blocks are dropped first. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, '')
      .replace(/<div[^>]*class="[^"]*gmail_quote[^"]*"[\s\S]*$/i, '')
      .replace(/<blockquote[\s\S]*?<\/blockquote>/gi, '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|li|tr|h[1-6])>/gi, '\n')
      .replace(/<[^>]+>/g, ''),
  )
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
      return Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : m
    }
    return ENTITIES[e.toLowerCase()] ?? m
  })
}
