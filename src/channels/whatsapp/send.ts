// Sending through the WhatsApp Cloud API and downloading inbound media.
//   Text:      https://developers.facebook.com/docs/whatsapp/cloud-api/messages/text-messages
//   Templates: https://developers.facebook.com/docs/whatsapp/cloud-api/guides/send-message-templates
//   Media:     https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media
import type { NormalisedAttachment, OutboundMessage, SendContext, SendResult } from '../contract.ts'
import { graphDownload, graphJson, graphUrl, MediaFetchError } from '../meta/graph-client.ts'
import { arr, obj, str } from '../meta/json.ts'
import { splitText } from '../meta/split-text.ts'
import type { WhatsAppConfig } from './config.ts'

export { MediaFetchError }

export const WHATSAPP_MAX_TEXT = 4096

type Ctx = SendContext & { config: WhatsAppConfig }

/**
 * Sends a template when `msg.template` is set (outside the 24-hour window only templates go),
 * otherwise text, split into several messages past 4,096 characters. The id returned is the
 * first part's wamid. WhatsApp has no idempotency key; ours rides along as
 * biz_opaque_callback_data, which Meta echoes in status webhooks.
 */
export async function sendWhatsApp(msg: OutboundMessage, ctx: Ctx): Promise<SendResult> {
  const to = msg.to.replace(/[^\d]/g, '')
  if (!to) return { ok: false, retryable: false, code: 'invalid', error: 'recipient has no digits' }
  const common = {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to,
    ...(msg.replyToProviderId ? { context: { message_id: msg.replyToProviderId } } : {}),
    ...(msg.idempotencyKey ? { biz_opaque_callback_data: msg.idempotencyKey.slice(0, 512) } : {}),
  }
  const bodies = msg.template
    ? [{ ...common, type: 'template', template: templateBody(msg.template, ctx.config) }]
    : splitText(msg.text, WHATSAPP_MAX_TEXT).map((body) => ({
        ...common,
        type: 'text',
        text: { body, preview_url: false },
      }))
  if (bodies.length === 0) return { ok: false, retryable: false, code: 'invalid', error: 'empty message' }

  const url = graphUrl(ctx.config.apiBaseUrl, ctx.config.apiVersion, `${ctx.config.phoneNumberId}/messages`)
  let firstId: string | undefined
  for (const [i, body] of bodies.entries()) {
    const res = await graphJson({
      method: 'POST',
      url,
      token: ctx.config.accessToken,
      body,
      fetch: ctx.fetch,
    })
    if (!res.ok) {
      // Earlier parts already went out; a retry resends them (WhatsApp cannot deduplicate).
      return i === 0 ? res : { ...res, error: `part ${i + 1} of ${bodies.length}: ${res.error}` }
    }
    const id = str(obj(arr(res.data.messages)[0]).id)
    if (!id)
      return {
        ok: false,
        retryable: false,
        code: 'rejected',
        error: 'Graph API answered without a message id',
      }
    firstId ??= id
  }
  return { ok: true, providerMessageId: firstId!, parts: bodies.length }
}

function templateBody(t: NonNullable<OutboundMessage['template']>, config: WhatsAppConfig) {
  const alias = config.templates?.[t.name]
  return {
    name: alias?.name ?? t.name,
    language: { code: alias?.language ?? t.language },
    ...(t.parameters.length
      ? { components: [{ type: 'body', parameters: t.parameters.map((text) => ({ type: 'text', text })) }] }
      : {}),
  }
}

/**
 * Two steps, both with the bearer token: GET /{media-id} gives a short-lived URL and the MIME
 * type, then GET that URL gives the bytes. Media ids expire, so intake fetches on receipt.
 */
export async function fetchWhatsAppMedia(
  att: NormalisedAttachment,
  ctx: Ctx,
): Promise<{ bytes: Buffer; mimeType: string; fileName?: string }> {
  if (!att.providerMediaId) throw new MediaFetchError('attachment has no WhatsApp media id', false, 'invalid')
  const { apiBaseUrl, apiVersion, accessToken } = ctx.config
  const meta = await graphJson({
    method: 'GET',
    url: graphUrl(apiBaseUrl, apiVersion, encodeURIComponent(att.providerMediaId)),
    token: accessToken,
    fetch: ctx.fetch,
  })
  if (!meta.ok) throw new MediaFetchError(meta.error, meta.retryable, meta.code)
  const url = str(meta.data.url)
  if (!url) throw new MediaFetchError('media lookup answered without a url', false, 'rejected')
  const file = await graphDownload(url, accessToken, ctx.fetch)
  if (!file.ok) throw new MediaFetchError(file.error, file.retryable, file.code)
  const mimeType = str(meta.data.mime_type) ?? att.mimeType ?? file.contentType ?? 'application/octet-stream'
  return { bytes: file.bytes, mimeType, ...(att.fileName ? { fileName: att.fileName } : {}) }
}
