import { describe, expect, it } from 'vitest'
import type { ChannelAdapter, OutboundMessage, WebhookRequest } from '../contract.ts'
import { facebookCommentAdapter } from './facebook-comments.ts'
import { instagramCommentAdapter } from './instagram-comments.ts'
import { instagramAdapter } from './instagram.ts'
import { messengerAdapter } from './messenger.ts'
import { signMetaPayload } from './webhook-security.ts'

const common = {
  pageAccessToken: 'EAAPage',
  appSecret: 'meta-app-secret',
  verifyToken: 'verify-me',
  apiBaseUrl: 'http://graph.test',
}
const fb = messengerAdapter.parseConfig({ pageId: '104523456789012', ...common })
const ig = instagramAdapter.parseConfig({ igUserId: '17841405822304914', ...common })

type Call = { url: string; headers: Record<string, string>; body: any }
function scriptedFetch(...answers: (Response | Error)[]) {
  const calls: Call[] = []
  const f: typeof fetch = async (url, init) => {
    calls.push({
      url: String(url),
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
const sentDm = json(200, { recipient_id: '7012345678901234', message_id: 'm_OUT1' })
const msg = (over: Partial<OutboundMessage> = {}): OutboundMessage => ({
  to: '7012345678901234',
  text: 'Laporan Anda diterima. Kode: NGR-2611-0005',
  idempotencyKey: 'outbox-7',
  ...over,
})

const adapters: [string, ChannelAdapter<any>, object][] = [
  ['messenger', messengerAdapter, fb],
  ['instagram', instagramAdapter, ig],
  ['facebook_comment', facebookCommentAdapter, fb],
  ['instagram_comment', instagramCommentAdapter, ig],
]

describe.each(adapters)('%s webhook checks', (type, adapter, config) => {
  const rawBody = Buffer.from('{"object":"page","entry":[]}')
  const post = (sig?: string): WebhookRequest => ({
    method: 'POST',
    headers: sig ? { 'x-hub-signature-256': sig } : {},
    query: {},
    rawBody,
  })

  it('has its type, secret keys and validated config', () => {
    expect(adapter.type).toBe(type)
    expect(adapter.secretKeys).toEqual(['pageAccessToken', 'appSecret', 'verifyToken'])
    expect(() => adapter.parseConfig({ ...common, pageId: 'my-page', igUserId: 'x' })).toThrow()
  })

  it('accepts a valid signature and rejects a wrong or missing one', () => {
    expect(adapter.verify(post(signMetaPayload(rawBody, 'meta-app-secret')), config)).toEqual({ ok: true })
    expect(adapter.verify(post(signMetaPayload(rawBody, 'someone-else')), config).ok).toBe(false)
    expect(adapter.verify(post(), config).ok).toBe(false)
  })

  it('completes the subscription handshake only with our verify token', () => {
    const get = (token: string): WebhookRequest => ({
      method: 'GET',
      headers: {},
      query: { 'hub.mode': 'subscribe', 'hub.verify_token': token, 'hub.challenge': '987654' },
      rawBody: Buffer.alloc(0),
    })
    expect(adapter.handshake!(get('verify-me'), config)).toEqual({
      status: 200,
      contentType: 'text/plain',
      body: '987654',
    })
    expect(adapter.handshake!(get('guess'), config).status).toBe(403)
  })
})

describe('sending from a Page or Instagram account', () => {
  it('Messenger: a direct message to the PSID through /me/messages with messaging_type RESPONSE', async () => {
    const { f, calls } = scriptedFetch(sentDm)
    expect(await messengerAdapter.send(msg(), { config: fb, fetch: f })).toEqual({
      ok: true,
      providerMessageId: 'm_OUT1',
      parts: 1,
    })
    expect(calls[0].url).toBe('http://graph.test/v21.0/me/messages')
    expect(calls[0].headers.authorization).toBe('Bearer EAAPage')
    expect(calls[0].body).toEqual({
      recipient: { id: '7012345678901234' },
      messaging_type: 'RESPONSE',
      message: { text: 'Laporan Anda diterima. Kode: NGR-2611-0005' },
    })
  })

  it('Instagram: splits a DM past 1,000 characters', async () => {
    const { f, calls } = scriptedFetch(sentDm)
    const res = await instagramAdapter.send(msg({ text: 'Tindak lanjut. '.repeat(150) }), {
      config: ig,
      fetch: f,
    })
    expect(res).toMatchObject({ ok: true, parts: 3 })
    expect(calls.every((c) => c.body.message.text.length <= 1000)).toBe(true)
  })

  it('a public reply goes under the comment: /{comment-id}/comments on Facebook, /replies on Instagram', async () => {
    const fbCall = scriptedFetch(json(200, { id: '1122334455667788_998877665544500' }))
    const target = { isPublic: true, replyToProviderId: '1122334455667788_998877665544332' }
    expect(await messengerAdapter.send(msg(target), { config: fb, fetch: fbCall.f })).toMatchObject({
      ok: true,
      providerMessageId: '1122334455667788_998877665544500',
    })
    expect(fbCall.calls[0].url).toBe('http://graph.test/v21.0/1122334455667788_998877665544332/comments')
    expect(fbCall.calls[0].body).toEqual({ message: 'Laporan Anda diterima. Kode: NGR-2611-0005' })

    const igCall = scriptedFetch(json(200, { id: '17865799348089100' }))
    await instagramCommentAdapter.send(msg({ replyToProviderId: '17865799348089039' }), {
      config: ig,
      fetch: igCall.f,
    })
    expect(igCall.calls[0].url).toBe('http://graph.test/v21.0/17865799348089039/replies')
  })

  it('a private reply to a commenter names the comment, once, shortened instead of split', async () => {
    const { f, calls } = scriptedFetch(sentDm)
    const long = 'Rincian tindak lanjut. '.repeat(120)
    await messengerAdapter.send(
      msg({ isPublic: false, replyToProviderId: '1122334455667788_998877665544332', text: long }),
      {
        config: fb,
        fetch: f,
      },
    )
    expect(calls).toHaveLength(1)
    expect(calls[0].url).toBe('http://graph.test/v21.0/me/messages')
    expect(calls[0].body.recipient).toEqual({ comment_id: '1122334455667788_998877665544332' })
    expect(calls[0].body.message.text).toHaveLength(2000)
    expect(calls[0].body.message.text.endsWith('…')).toBe(true)

    const onComments = scriptedFetch(sentDm)
    await facebookCommentAdapter.send(
      msg({ isPublic: false, replyToProviderId: '1122334455667788_998877665544332' }),
      {
        config: fb,
        fetch: onComments.f,
      },
    )
    expect(onComments.calls[0].body.recipient).toEqual({ comment_id: '1122334455667788_998877665544332' })
  })

  it('a DM that quotes a message id is still a DM (message ids are never numeric)', async () => {
    const { f, calls } = scriptedFetch(sentDm)
    await messengerAdapter.send(
      msg({ replyToProviderId: 'm_AG5Hz2UqkYb8T0xW3c9vLd1Qp7rNs4Ke6Mj2Fh8Zt0Ya' }),
      { config: fb, fetch: f },
    )
    expect(calls[0].body.recipient).toEqual({ id: '7012345678901234' })
  })

  it('refuses, without calling Meta, a comment reply that names no comment', async () => {
    const { f, calls } = scriptedFetch(sentDm)
    expect(await facebookCommentAdapter.send(msg(), { config: fb, fetch: f })).toMatchObject({
      ok: false,
      retryable: false,
      code: 'invalid',
    })
    expect(await messengerAdapter.send(msg({ isPublic: true }), { config: fb, fetch: f })).toMatchObject({
      code: 'invalid',
    })
    expect(calls).toHaveLength(0)
  })

  const failures: [string, Response | Error, { retryable: boolean; code: string }][] = [
    ['a refused connection', new TypeError('fetch failed'), { retryable: true, code: 'network' }],
    [
      'HTTP 429',
      json(429, { error: { message: 'Calls to this api have exceeded the rate limit.', code: 613 } }),
      { retryable: true, code: 'rate_limited' },
    ],
    [
      'a page rate limit answered as 400',
      json(400, { error: { message: '(#32) Page request limit reached', code: 32 } }),
      { retryable: true, code: 'rate_limited' },
    ],
    [
      'HTTP 500',
      json(500, { error: { message: 'An unknown error has occurred.', code: 1, is_transient: true } }),
      { retryable: true, code: 'unavailable' },
    ],
    [
      'a message outside the 24-hour window',
      json(400, {
        error: {
          message: '(#10) This message is sent outside of allowed window.',
          type: 'OAuthException',
          code: 10,
          error_subcode: 2018278,
        },
      }),
      { retryable: false, code: 'window_closed' },
    ],
    [
      'a person who is unavailable',
      json(400, { error: { message: "(#551) This person isn't available right now.", code: 551 } }),
      { retryable: false, code: 'blocked' },
    ],
    [
      'an invalid comment id',
      json(400, { error: { message: '(#100) Unsupported post request.', code: 100, error_subcode: 33 } }),
      { retryable: false, code: 'rejected' },
    ],
  ]
  for (const [name, answer, want] of failures) {
    it(`classifies ${name} as ${want.retryable ? 'retryable' : 'permanent'}`, async () => {
      const { f } = scriptedFetch(answer)
      expect(await messengerAdapter.send(msg(), { config: fb, fetch: f })).toMatchObject({
        ok: false,
        ...want,
      })
    })
  }
})

describe('fetchMedia from a Page or Instagram attachment', () => {
  it('downloads the CDN URL without sending the Page token', async () => {
    const { f, calls } = scriptedFetch(
      new Response(Buffer.from('PDF'), { status: 200, headers: { 'content-type': 'application/pdf' } }),
    )
    const file = await messengerAdapter.fetchMedia!(
      { kind: 'document', url: 'https://cdn.fbsbx.com/v/kk.pdf' },
      { config: fb, fetch: f },
    )
    expect(file).toEqual({ bytes: Buffer.from('PDF'), mimeType: 'application/pdf' })
    expect(calls[0].headers.authorization).toBeUndefined()
  })

  it('throws a permanent error for an expired link and a retryable one for an outage', async () => {
    const expired = scriptedFetch(new Response('URL signature expired', { status: 403 }))
    await expect(
      instagramAdapter.fetchMedia!(
        { kind: 'image', url: 'https://lookaside.fbsbx.com/x' },
        { config: ig, fetch: expired.f },
      ),
    ).rejects.toMatchObject({
      retryable: false,
    })
    const down = scriptedFetch(new Response('', { status: 503 }))
    await expect(
      instagramAdapter.fetchMedia!(
        { kind: 'image', url: 'https://lookaside.fbsbx.com/x' },
        { config: ig, fetch: down.f },
      ),
    ).rejects.toMatchObject({
      retryable: true,
    })
  })
})
