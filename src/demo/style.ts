// Makes a template read the way people type on each channel: abbreviations, lower case and typos
// on WhatsApp and SMS, a mention on X, a letter on e-mail, an operator's note for calls and walk-ins.
import type { ChannelType } from '../reports/model.ts'
import type { Rng } from './prng.ts'
import {
  ABBREVIATIONS,
  CASUAL_SIGNOFFS,
  FORMAL_SIGNOFFS,
  GREETINGS,
  SOCIAL_PREFIXES,
} from './texts/phrases.ts'

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

function abbreviate(text: string, rng: Rng, p: number): string {
  let out = text
  for (const [re, options] of ABBREVIATIONS) {
    out = out.replace(re, (m) => (rng.chance(p) ? rng.pick(options) : m))
  }
  return out
}

/** One typo: two neighbouring letters swapped in a longer word. */
function typo(text: string, rng: Rng): string {
  const words = text.split(' ')
  const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => /^[a-z]{6,}$/.test(w))
  if (candidates.length === 0) return text
  const [w, i] = rng.pick(candidates)
  const k = rng.int(1, w.length - 3)
  words[i] = w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2)
  return words.join(' ')
}

function casual(text: string, rng: Rng, p: number): string {
  let out = abbreviate(text, rng, p)
  if (!out.includes('!!') && rng.chance(0.55)) out = out.toLowerCase()
  if (rng.chance(0.25)) out = typo(out, rng)
  if (rng.chance(0.15)) out = out.replace(/\.$/, '').replace(/\. /g, ', ')
  return out
}

const startsWithGreeting = (t: string) =>
  /^(assalamu|pak|min|tolong|mau|saya|selamat|bapak|ibu|usul|kami)/i.test(t)

function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max)
  return cut.slice(0, cut.lastIndexOf(' ')).replace(/[,.]$/, '') + '..'
}

/** Rewrites a citizen's text the way it would arrive on `channel`. */
export function styleForChannel(
  channel: ChannelType,
  text: string,
  rng: Rng,
  signature: string | null,
): string {
  switch (channel) {
    case 'whatsapp':
    case 'messenger':
    case 'instagram':
    case 'telegram': {
      const greet = startsWithGreeting(text) ? '' : rng.pick(GREETINGS)
      const body = casual(greet + text, rng, 0.45)
      const sign = /(mohon|mhn|tolong|tlg)[^.,]*$/.test(body.slice(-40)) ? '' : rng.pick(CASUAL_SIGNOFFS)
      return sign ? `${body} ${sign}` : body
    }
    case 'sms':
      return truncateAtWord(casual(text, rng, 0.8).toLowerCase(), 300)
    case 'facebook_comment':
    case 'instagram_comment': {
      const prefix = startsWithGreeting(text) ? '' : rng.pick(SOCIAL_PREFIXES)
      const body = casual(prefix + text, rng, 0.5)
      return rng.chance(0.3) ? `${body} ${rng.pick(['🙏', '😡', '😭', '👍'])}` : body
    }
    case 'x':
      return truncateAtWord(`@Pemkabnara ${casual(text, rng, 0.6)}`, 275)
    case 'email': {
      const body = capitalize(abbreviate(text, rng, 0.05))
      const close = rng.pick(FORMAL_SIGNOFFS)
      return `Dengan hormat,\n\n${body}\n\n${close}${signature ? `\n\nHormat saya,\n${signature}` : ''}`
    }
    case 'web': {
      const body = capitalize(abbreviate(text, rng, 0.15))
      return rng.chance(0.4) ? `${body} ${rng.pick(FORMAL_SIGNOFFS)}` : body
    }
    case 'phone':
      return `Pelapor menelepon layanan aduan dan menyampaikan: ${capitalize(text)}`
    case 'walk_in':
      return `Pelapor datang langsung ke kantor Diskominfotik dan menyampaikan: ${capitalize(text)}`
    default:
      return text
  }
}
