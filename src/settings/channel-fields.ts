// What the "connect a channel" form asks for each channel type: the fields of the adapter's config
// (src/channels/*/adapter.ts parseConfig), which ones are secret (adapter.secretKeys: sealed,
// write-only), and where the provider wants the webhook URL. A test keeps this in step with the
// adapters. Labels are bilingual.
import type { AdapterChannelType } from '../channels/registry.ts'

export interface ChannelField {
  key: string
  label: { id: string; en: string }
  kind: 'text' | 'secret' | 'url' | 'number' | 'boolean'
  required: boolean
  hint?: { id: string; en: string }
}

export interface ChannelTypeInfo {
  type: AdapterChannelType
  label: string
  fields: ChannelField[]
  /** Where to paste aduan's webhook URL at the provider. */
  webhookHint: { id: string; en: string }
}

const f = (
  key: string,
  id: string,
  en: string,
  kind: ChannelField['kind'] = 'text',
  required = true,
  hint?: { id: string; en: string },
): ChannelField => ({ key, label: { id, en }, kind, required, ...(hint ? { hint } : {}) })

const graph = [
  f('apiBaseUrl', 'URL API Graph', 'Graph API base URL', 'url', false, {
    id: 'Kosongkan untuk https://graph.facebook.com.',
    en: 'Leave empty for https://graph.facebook.com.',
  }),
  f('apiVersion', 'Versi API', 'API version', 'text', false, { id: 'Mis. v21.0.', en: 'E.g. v21.0.' }),
]
const metaSecrets = [
  f('appSecret', 'App secret Meta', 'Meta app secret', 'secret'),
  f('verifyToken', 'Verify token (Anda tentukan sendiri)', 'Verify token (you choose it)', 'secret'),
]
const pageToken = f('pageAccessToken', 'Page access token', 'Page access token', 'secret')
const metaHint = {
  id: 'Meta for Developers > aplikasi Anda > Webhooks: tempel URL ini sebagai Callback URL dan isi Verify token yang sama.',
  en: 'Meta for Developers > your app > Webhooks: paste this URL as the Callback URL with the same verify token.',
}

export const CHANNEL_TYPES_INFO: readonly ChannelTypeInfo[] = [
  {
    type: 'whatsapp',
    label: 'WhatsApp (Cloud API)',
    fields: [
      f('phoneNumberId', 'Phone number ID', 'Phone number ID', 'text', true, {
        id: 'ID angka dari WhatsApp Manager, bukan nomor teleponnya.',
        en: 'The numeric id from WhatsApp Manager, not the phone number.',
      }),
      f('accessToken', 'Access token (system user)', 'Access token (system user)', 'secret'),
      ...metaSecrets,
      ...graph,
    ],
    webhookHint: metaHint,
  },
  {
    type: 'messenger',
    label: 'Facebook Messenger',
    fields: [f('pageId', 'Page ID', 'Page ID'), pageToken, ...metaSecrets, ...graph],
    webhookHint: metaHint,
  },
  {
    type: 'facebook_comment',
    label: 'Komentar Facebook',
    fields: [f('pageId', 'Page ID', 'Page ID'), pageToken, ...metaSecrets, ...graph],
    webhookHint: metaHint,
  },
  {
    type: 'instagram',
    label: 'Instagram DM',
    fields: [
      f('igUserId', 'ID akun Instagram', 'Instagram account ID'),
      f('pageId', 'Page ID terhubung', 'Linked Page ID', 'text', false),
      pageToken,
      ...metaSecrets,
      ...graph,
    ],
    webhookHint: metaHint,
  },
  {
    type: 'instagram_comment',
    label: 'Komentar Instagram',
    fields: [
      f('igUserId', 'ID akun Instagram', 'Instagram account ID'),
      f('pageId', 'Page ID terhubung', 'Linked Page ID', 'text', false),
      pageToken,
      ...metaSecrets,
      ...graph,
    ],
    webhookHint: metaHint,
  },
  {
    type: 'telegram',
    label: 'Telegram',
    fields: [
      f('botToken', 'Token bot', 'Bot token', 'secret', true, { id: 'Dari BotFather, mis. 123456:ABC-DEF…', en: 'From BotFather, e.g. 123456:ABC-DEF…' }),
      f('secretToken', 'Secret token webhook', 'Webhook secret token', 'secret', true, {
        id: 'Huruf, angka, _ atau -; dikirim Telegram di setiap webhook.',
        en: 'Letters, digits, _ or -; Telegram sends it with every webhook.',
      }),
      f('apiBaseUrl', 'URL Bot API', 'Bot API base URL', 'url', false, {
        id: 'Kosongkan untuk https://api.telegram.org.',
        en: 'Leave empty for https://api.telegram.org.',
      }),
    ],
    webhookHint: {
      id: 'Panggil setWebhook dengan URL ini dan secret_token yang sama.',
      en: 'Call setWebhook with this URL and the same secret_token.',
    },
  },
  {
    type: 'x',
    label: 'X (Twitter)',
    fields: [
      f('accountId', 'ID pengguna X akun Pemda', "The Pemda account's X user id"),
      f('accessToken', 'Access token', 'Access token', 'secret'),
      f('consumerSecret', 'Consumer secret', 'Consumer secret', 'secret'),
      f('apiBaseUrl', 'URL API', 'API base URL', 'url', false, {
        id: 'Kosongkan untuk https://api.x.com.',
        en: 'Leave empty for https://api.x.com.',
      }),
    ],
    webhookHint: {
      id: 'X Developer Portal > Account Activity API: daftarkan URL ini sebagai webhook.',
      en: 'X Developer Portal > Account Activity API: register this URL as the webhook.',
    },
  },
  {
    type: 'sms',
    label: 'SMS gateway',
    fields: [
      f('apiBaseUrl', 'URL API gateway', 'Gateway API URL', 'url'),
      f('apiKey', 'API key', 'API key', 'secret'),
      f('inboundSecret', 'Secret pesan masuk (min. 16 karakter)', 'Inbound secret (16+ characters)', 'secret'),
      f('concatenate', 'Gabungkan SMS panjang', 'Concatenate long SMS', 'boolean', false),
    ],
    webhookHint: {
      id: 'Di panel gateway SMS: atur URL pesan masuk ke URL ini dengan header X-Aduan-Sms-Secret.',
      en: 'In the SMS gateway panel: set the inbound URL to this one with the X-Aduan-Sms-Secret header.',
    },
  },
  {
    type: 'email',
    label: 'E-mail',
    fields: [
      f('fromAddress', 'Alamat pengirim', 'From address'),
      f('fromName', 'Nama pengirim', 'From name', 'text', false),
      f('smtpHost', 'Server SMTP', 'SMTP host'),
      f('smtpPort', 'Port SMTP', 'SMTP port', 'number', false),
      f('smtpSecure', 'SMTP memakai TLS langsung', 'SMTP uses implicit TLS', 'boolean', false),
      f('smtpUser', 'Pengguna SMTP', 'SMTP user', 'text', false),
      f('smtpPass', 'Kata sandi SMTP', 'SMTP password', 'secret', false),
      f('imapHost', 'Server IMAP', 'IMAP host', 'text', false),
      f('imapUser', 'Pengguna IMAP', 'IMAP user', 'text', false),
      f('imapPass', 'Kata sandi IMAP', 'IMAP password', 'secret', false),
      f('inboundSecret', 'Secret relay masuk (min. 16 karakter)', 'Inbound relay secret (16+ characters)', 'secret', false),
    ],
    webhookHint: {
      id: 'Opsional: relay e-mail dapat mengirim pesan masuk ke URL ini; tanpa relay, aduan membaca IMAP.',
      en: 'Optional: a mail relay may post incoming mail to this URL; without one, aduan polls IMAP.',
    },
  },
]

export const channelTypeInfo = (type: string) => CHANNEL_TYPES_INFO.find((t) => t.type === type)
