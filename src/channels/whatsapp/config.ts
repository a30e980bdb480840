// A WhatsApp Cloud API channel account's configuration (decrypted).
// https://developers.facebook.com/docs/whatsapp/cloud-api/get-started
import { z } from 'zod'
import { graphBaseUrl, graphVersion } from '../meta/graph-config.ts'

/** An approved message template, by the name aduan uses for it (e.g. `acknowledgement`). */
const templateRef = z.object({ name: z.string().min(1), language: z.string().min(2) })

export const whatsappConfigSchema = z.object({
  /** The business phone number's id (not the number itself): the {phone-number-id} in the send URL. */
  phoneNumberId: z
    .string()
    .regex(/^\d+$/, 'phoneNumberId is the numeric id Meta shows, not the phone number'),
  /** A system-user access token with whatsapp_business_messaging. */
  accessToken: z.string().min(1),
  /** The Meta app's secret: webhooks are signed with it. */
  appSecret: z.string().min(1),
  /** The token we chose when subscribing the callback URL (the GET handshake checks it). */
  verifyToken: z.string().min(1),
  apiBaseUrl: graphBaseUrl,
  apiVersion: graphVersion,
  /**
   * Optional aliases: when an outbound message asks for template `acknowledgement`, send the
   * approved template configured here under that key (its real name and language) instead.
   */
  templates: z.record(z.string(), templateRef).optional(),
})

export type WhatsAppConfig = z.infer<typeof whatsappConfigSchema>

export const WHATSAPP_SECRET_KEYS = ['accessToken', 'appSecret', 'verifyToken'] as const
