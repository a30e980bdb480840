import { describe, expect, it } from 'vitest'
import type { OutboundMessage, WebhookRequest } from '../contract.ts'
import { signMetaPayload } from '../meta/webhook-security.ts'
import { whatsappAdapter } from './adapter.ts'
import { MediaFetchError } from './send.ts'

const config = whatsappAdapter.parseConfig({
  phoneNumberId: '109876543210987',
  accessToken: 'EAAtoken',
  appSecret: 'app-secret',
  verifyToken: 'verify-me',
  apiBaseUrl: 'http://graph.test',
  templates: { acknowledgement: { name: 'tanda_terima_laporan', language: 'id' } },
})

type Call = { url: string; method: string; headers: Record<string, string>; body: any }
/** A fetch that answers from a script and records every request. */
function scriptedFetch(...answers: (Response | Error)[]) {
  const calls: Call[] = []
  const f: typeof fetch = async (url, init) => {
    calls.push({
      url: String(url),
      method: init?.method ?? 'GET',
      headers: (init?.headers ?? {}) as Record<string, string>,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    })
    const next = answers.length > 1 ? answers.shift()! : answers[0]
    if (next instanceof Error) throw next
    return next.clone()
  }
  return { f, calls }
}
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status })
const accepted = (id = 'wamid.OUT1') =>
  json(200, {
    messaging_product: 'whatsapp',
    contacts: [{ input: '6281234567890', wa_id: '6281234567890' }],
    messages: [{ id }],
  })
const msg = (over: Partial<OutboundMessage> = {}): OutboundMessage => ({
  to: '6281234567890',
  text: 'Laporan Anda diterima. Kode: NGR-2611-0001',
  idempotencyKey: 'outbox-42',
  ...over,
})

describe('whatsappAdapter config and webhook checks', () => {
  it('defaults the Graph base URL and version, and names its secrets', () => {
    const c = whatsappAdapter.parseConfig({
      phoneNumberId: '1',
      accessToken: 'a',
      appSecret: 'b',
      verifyToken: 'c',
    })
    expect(c.apiBaseUrl).toBe('https://graph.facebook.com')
    expect(c.apiVersion).toBe('v21.0')
    expect(whatsappAdapter.secretKeys).toEqual(['accessToken', 'appSecret', 'verifyToken'])
    expect(() => whatsappAdapter.parseConfig({ phoneNumberId: '+62 811' })).toThrow()
    expect(whatsappAdapter.freeTextWindowHours).toBe(24)
  })

  it('answers the GET handshake with the challenge, or 403', () => {
    const get = (token: string): WebhookRequest => ({
      method: 'GET',
      headers: {},
      query: { 'hub.mode': 'subscribe', 'hub.verify_token': token, 'hub.challenge': 'c-123' },
      rawBody: Buffer.alloc(0),
    })
    expect(whatsappAdapter.handshake!(get('verify-me'), config)).toEqual({
      status: 200,
      contentType: 'text/plain',
      body: 'c-123',
    })
    expect(whatsappAdapter.handshake!(get('wrong'), config).status).toBe(403)
  })

  it('accepts a body signed with the app secret and rejects a wrong or missing signature', () => {
    const rawBody = Buffer.from('{"object":"whatsapp_business_account","entry":[]}')
    const req = (sig?: string): WebhookRequest => ({
      method: 'POST',
      headers: sig ? { 'x-hub-signature-256': sig } : {},
      query: {},
      rawBody,
    })
    expect(whatsappAdapter.verify(req(signMetaPayload(rawBody, 'app-secret')), config)).toEqual({ ok: true })
    expect(whatsappAdapter.verify(req(signMetaPayload(rawBody, 'not-the-secret')), config).ok).toBe(false)
    expect(whatsappAdapter.verify(req(), config).ok).toBe(false)
  })
})

describe('whatsappAdapter.send', () => {
  it('posts a text message to /{version}/{phone-number-id}/messages with the bearer token', async () => {
    const { f, calls } = scriptedFetch(accepted())
    const res = await whatsappAdapter.send(msg({ to: '+62 812-3456-7890', replyToProviderId: 'wamid.IN1' }), {
      config,
      fetch: f,
    })
    expect(res).toEqual({ ok: true, providerMessageId: 'wamid.OUT1', parts: 1 })
    expect(calls).toHaveLength(1)
    expect(calls[0].url).toBe('http://graph.test/v21.0/109876543210987/messages')
    expect(calls[0].method).toBe('POST')
    expect(calls[0].headers.authorization).toBe('Bearer EAAtoken')
    expect(calls[0].body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '6281234567890',
      context: { message_id: 'wamid.IN1' },
      biz_opaque_callback_data: 'outbox-42',
      type: 'text',
      text: { body: 'Laporan Anda diterima. Kode: NGR-2611-0001', preview_url: false },
    })
  })

  it('splits text longer than 4,096 characters into several messages and returns the first id', async () => {
    const { f, calls } = scriptedFetch(accepted('wamid.A'), accepted('wamid.B'))
    const long = `${'Tindak lanjut dinas. '.repeat(200)}\n\n${'Terima kasih. '.repeat(200)}`
    const res = await whatsappAdapter.send(msg({ text: long }), { config, fetch: f })
    expect(res).toEqual({ ok: true, providerMessageId: 'wamid.A', parts: calls.length })
    expect(calls.length).toBeGreaterThan(1)
    for (const c of calls) expect(c.body.text.body.length).toBeLessThanOrEqual(4096)
  })

  it('sends an approved template (configured alias, body parameters) when one is asked for', async () => {
    const { f, calls } = scriptedFetch(accepted())
    const template = { name: 'acknowledgement', language: 'id', parameters: ['Siti', 'NGR-2611-0001'] }
    expect((await whatsappAdapter.send(msg({ template }), { config, fetch: f })).ok).toBe(true)
    expect(calls[0].body).toMatchObject({
      type: 'template',
      template: {
        name: 'tanda_terima_laporan',
        language: { code: 'id' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Siti' },
              { type: 'text', text: 'NGR-2611-0001' },
            ],
          },
        ],
      },
    })
    expect(calls[0].body.text).toBeUndefined()
  })

  const failures: [string, Response | Error, { retryable: boolean; code: string }][] = [
    ['a refused connection', new TypeError('fetch failed'), { retryable: true, code: 'network' }],
    [
      'HTTP 429',
      json(429, { error: { message: '(#4) Application request limit reached', code: 4 } }),
      { retryable: true, code: 'rate_limited' },
    ],
    [
      'HTTP 500',
      json(500, { error: { message: 'An unexpected error has occurred.', code: 2, is_transient: true } }),
      { retryable: true, code: 'unavailable' },
    ],
    [
      'HTTP 502 without JSON',
      new Response('Bad Gateway', { status: 502 }),
      { retryable: true, code: 'unavailable' },
    ],
    [
      '131047 outside the 24-hour window',
      json(400, {
        error: {
          message: '(#131047) Re-engagement message',
          type: 'OAuthException',
          code: 131047,
          error_data: {
            messaging_product: 'whatsapp',
            details:
              'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
          },
          fbtrace_id: 'A1b2C3',
        },
      }),
      { retryable: false, code: 'window_closed' },
    ],
    [
      'an invalid parameter',
      json(400, { error: { message: '(#100) Invalid parameter', code: 100 } }),
      { retryable: false, code: 'rejected' },
    ],
    [
      'an expired token',
      json(401, { error: { message: 'Error validating access token', code: 190 } }),
      { retryable: false, code: 'unauthorized' },
    ],
  ]
  for (const [name, answer, want] of failures) {
    it(`classifies ${name} as ${want.retryable ? 'retryable' : 'permanent'}`, async () => {
      const { f } = scriptedFetch(answer)
      expect(await whatsappAdapter.send(msg(), { config, fetch: f })).toMatchObject({ ok: false, ...want })
    })
  }

  it('refuses blank text without calling Meta', async () => {
    const { f, calls } = scriptedFetch(accepted())
    expect(await whatsappAdapter.send(msg({ text: '  ' }), { config, fetch: f })).toMatchObject({
      ok: false,
      retryable: false,
      code: 'invalid',
    })
    expect(calls).toHaveLength(0)
  })
})

describe('whatsappAdapter.fetchMedia', () => {
  it('looks the media id up, then downloads its URL with the bearer token', async () => {
    const { f, calls } = scriptedFetch(
      json(200, {
        messaging_product: 'whatsapp',
        url: 'http://lookaside.test/media/abc',
        mime_type: 'image/jpeg',
        sha256: 'x',
        file_size: 3,
        id: '1484920432869911',
      }),
      new Response(Buffer.from([0xff, 0xd8, 0xff]), {
        status: 200,
        headers: { 'content-type': 'image/jpeg' },
      }),
    )
    const file = await whatsappAdapter.fetchMedia!(
      { kind: 'image', providerMediaId: '1484920432869911' },
      { config, fetch: f },
    )
    expect(file).toEqual({ bytes: Buffer.from([0xff, 0xd8, 0xff]), mimeType: 'image/jpeg' })
    expect(calls.map((c) => c.url)).toEqual([
      'http://graph.test/v21.0/1484920432869911',
      'http://lookaside.test/media/abc',
    ])
    expect(calls.every((c) => c.headers.authorization === 'Bearer EAAtoken')).toBe(true)
  })

  it('throws a classified error when the media is gone or Meta is down', async () => {
    const gone = scriptedFetch(json(400, { error: { message: 'Unsupported get request', code: 100 } }))
    await expect(
      whatsappAdapter.fetchMedia!({ kind: 'image', providerMediaId: '1' }, { config, fetch: gone.f }),
    ).rejects.toMatchObject({
      name: 'MediaFetchError',
      retryable: false,
    })
    const down = scriptedFetch(new TypeError('fetch failed'))
    const err = await whatsappAdapter.fetchMedia!(
      { kind: 'image', providerMediaId: '1' },
      { config, fetch: down.f },
    ).catch((e) => e)
    expect(err).toBeInstanceOf(MediaFetchError)
    expect(err.retryable).toBe(true)
  })
})
