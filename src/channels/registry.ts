// Every channel adapter by its channel type: a typed map, no lookup by class or string magic.
// Channel types without a provider (web, api, phone, walk_in, lapor) have no adapter.
import type { ChannelType } from '../reports/model.ts'
import type { ChannelAdapter, ChannelConfig } from './contract.ts'
import { emailAdapter } from './email/adapter.ts'
import { facebookCommentAdapter, instagramAdapter, instagramCommentAdapter, messengerAdapter } from './meta/index.ts'
import { smsAdapter } from './sms/adapter.ts'
import { telegramAdapter } from './telegram/adapter.ts'
import { whatsappAdapter } from './whatsapp/index.ts'
import { xAdapter } from './x/adapter.ts'

export const ADAPTER_TYPES = [
  'whatsapp',
  'messenger',
  'instagram',
  'facebook_comment',
  'instagram_comment',
  'x',
  'telegram',
  'sms',
  'email',
] as const satisfies readonly ChannelType[]

export type AdapterChannelType = (typeof ADAPTER_TYPES)[number]

// Each adapter is typed over its own config; the registry erases that to the common ChannelConfig
// (configs are validated by the adapter's own parseConfig before it ever sees them).
type AnyAdapter = ChannelAdapter<ChannelConfig>
const erase = <C extends ChannelConfig>(a: ChannelAdapter<C>): AnyAdapter => a as unknown as AnyAdapter

export const ADAPTERS: { readonly [K in AdapterChannelType]: AnyAdapter } = {
  whatsapp: erase(whatsappAdapter),
  messenger: erase(messengerAdapter),
  instagram: erase(instagramAdapter),
  facebook_comment: erase(facebookCommentAdapter),
  instagram_comment: erase(instagramCommentAdapter),
  x: erase(xAdapter),
  telegram: erase(telegramAdapter),
  sms: erase(smsAdapter),
  email: erase(emailAdapter),
}

export function isAdapterType(type: string): type is AdapterChannelType {
  return Object.prototype.hasOwnProperty.call(ADAPTERS, type)
}

/** The adapter for a channel type, or undefined for types without one (web, phone ...). */
export function getAdapter(type: string): AnyAdapter | undefined {
  return isAdapterType(type) ? ADAPTERS[type] : undefined
}
