// Indonesian names the card prints (the dashboard's export uses the same channel names).
import type { ChannelType } from '../reports/model.ts'

const CHANNEL_LABELS: Record<ChannelType, string> = {
  whatsapp: 'WhatsApp',
  messenger: 'Messenger',
  instagram: 'Instagram',
  facebook_comment: 'Komentar Facebook',
  instagram_comment: 'Komentar Instagram',
  x: 'X',
  telegram: 'Telegram',
  sms: 'SMS',
  email: 'E-mail',
  web: 'Portal web',
  api: 'API',
  phone: 'Telepon',
  walk_in: 'Datang langsung',
  lapor: 'SP4N-LAPOR!',
}

export const channelLabel = (k: string) => CHANNEL_LABELS[k as ChannelType] ?? k

/** Short zone names for the period line. */
export function zoneLabel(tz: string): string {
  return ({ 'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' } as Record<string, string>)[tz] ?? tz
}
