// Invented reporters: Acehnese and Indonesian names, 08xx phone numbers, handles and e-mail
// addresses under the reserved .test domain (so a misconfigured demo can never mail anyone).
import type { ChannelType } from '../reports/model.ts'
import type { Rng } from './prng.ts'

const MEN = [
  'Muhammad',
  'Teuku',
  'Zulfikar',
  'Rizki',
  'Fadli',
  'Munir',
  'Saiful',
  'Hendra',
  'Azwar',
  'Ilham',
  'Mahdi',
  'Jamaluddin',
  'Rusli',
  'Bukhari',
  'Taufik',
  'Irfan',
  'Syahrul',
  'Amiruddin',
  'Nasrul',
  'Khalid',
  'Agus',
  'Budi',
  'Wahyu',
  'Sulaiman',
  'Yusri',
  'Tgk. Abdullah',
]
const WOMEN = [
  'Cut',
  'Nurhayati',
  'Siti',
  'Rahmah',
  'Fitriani',
  'Marlina',
  'Nurul',
  'Yusnidar',
  'Hasanah',
  'Safriana',
  'Aminah',
  'Maulidar',
  'Rosmawati',
  'Ernawati',
  'Dewi',
  'Khairunnisa',
  'Zahara',
  'Mutia',
  'Rina',
  'Ainul',
]
const SECOND = [
  'Saputra',
  'Hidayat',
  'Ismail',
  'Abdullah',
  'Husin',
  'Ibrahim',
  'Yusuf',
  'Daud',
  'Hasan',
  'Rahman',
  'Amin',
  'Syahputra',
  'Mahmud',
  'Usman',
  'Ridha',
  'Fitri',
  'Wati',
  'Sari',
  'Zakaria',
  'Razali',
  'Muhammad',
  'Ali',
  'Idris',
  'Basri',
]
const CUT_NAMES = ['Nyak Din', 'Meutia', 'Nurasyiah', 'Rahmi', 'Intan']
const TEUKU_NAMES = ['Rizal', 'Haikal', 'Umar', 'Fauzi', 'Nanda']
const PREFIXES = [
  '0812',
  '0813',
  '0821',
  '0822',
  '0823',
  '0852',
  '0853',
  '0811',
  '0857',
  '0877',
  '0896',
  '0838',
]

export interface DemoReporter {
  name: string | null
  phone?: string
  email?: string
  /** Account handle on social channels. */
  handle?: string
}

export function reporterName(rng: Rng): string {
  const woman = rng.chance(0.42)
  const first = woman ? rng.pick(WOMEN) : rng.pick(MEN)
  if (first === 'Cut') return `Cut ${rng.pick(CUT_NAMES)}`
  if (first === 'Teuku') return `Teuku ${rng.pick(TEUKU_NAMES)}`
  return rng.chance(0.8) ? `${first} ${rng.pick(SECOND)}` : first
}

export function phoneNumber(rng: Rng): string {
  const digits = rng.chance(0.7) ? 8 : 7
  let rest = ''
  for (let i = 0; i < digits; i++) rest += String(rng.int(0, 9))
  return rng.pick(PREFIXES) + rest
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/^(tgk|teuku|cut)\.?\s+/, '')
    .replace(/[^a-z]+/g, '')

function handle(name: string, rng: Rng): string {
  const base = slug(name)
  return rng.pick([
    `${base}${rng.int(10, 99)}`,
    `${base}_nagan`,
    `${base}.${rng.pick(['aceh', 'nara', 'official', 'real'])}`,
    `${base.slice(0, 5)}_${rng.int(1990, 2006)}`,
  ])
}

/** A reporter as the channel knows them: phone on WhatsApp/SMS, handle on social media, e-mail on e-mail. */
export function reporterFor(channel: ChannelType, rng: Rng): DemoReporter {
  const name = reporterName(rng)
  switch (channel) {
    case 'whatsapp':
    case 'sms':
    case 'phone':
      return { name, phone: phoneNumber(rng) }
    case 'telegram':
      return rng.chance(0.5)
        ? { name, handle: handle(name, rng) }
        : { name, handle: handle(name, rng), phone: phoneNumber(rng) }
    case 'email':
      return { name, email: `${slug(name)}${rng.int(1, 999)}@pelapor.aduan.test` }
    case 'facebook_comment':
    case 'messenger':
      return { name, handle: name }
    case 'instagram':
    case 'instagram_comment':
    case 'x':
      return { name: rng.chance(0.5) ? name : null, handle: handle(name, rng) }
    case 'web':
      return rng.chance(0.5)
        ? { name, phone: phoneNumber(rng) }
        : { name, phone: phoneNumber(rng), email: `${slug(name)}${rng.int(1, 99)}@pelapor.aduan.test` }
    case 'walk_in':
      return { name, phone: rng.chance(0.8) ? phoneNumber(rng) : undefined }
    default:
      return { name }
  }
}
