// WhatsApp Cloud API channel adapter.
// Webhooks:  https://developers.facebook.com/docs/whatsapp/cloud-api/guides/set-up-webhooks
// Payloads:  https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/payload-examples
// Send API:  https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages
// Window:    https://developers.facebook.com/docs/whatsapp/pricing#customer-service-windows
import type { ChannelAdapter } from '../contract.ts'
import { parseJsonBody } from '../meta/json.ts'
import { metaHandshake, verifyMetaSignature } from '../meta/webhook-security.ts'
import { WHATSAPP_SECRET_KEYS, whatsappConfigSchema, type WhatsAppConfig } from './config.ts'
import { parseWhatsAppPayload } from './parse.ts'
import { fetchWhatsAppMedia, sendWhatsApp, WHATSAPP_MAX_TEXT } from './send.ts'

export const whatsappAdapter: ChannelAdapter<WhatsAppConfig> = {
  type: 'whatsapp',
  parseConfig: (input) => whatsappConfigSchema.parse(input),
  secretKeys: WHATSAPP_SECRET_KEYS,
  handshake: (req, config) => metaHandshake(req, config.verifyToken),
  verify: (req, config) => verifyMetaSignature(req, config.appSecret),
  parse: (req, config) => parseWhatsAppPayload(parseJsonBody(req.rawBody), config.phoneNumberId),
  send: (msg, ctx) => sendWhatsApp(msg, ctx),
  fetchMedia: (att, ctx) => fetchWhatsAppMedia(att, ctx),
  freeTextWindowHours: 24,
  maxTextLength: WHATSAPP_MAX_TEXT,
}
