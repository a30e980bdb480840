import { describe, expect, it } from 'vitest'
import { classifyGraphFailure, graphJson, graphUrl } from './graph-client.ts'

const graphError = (code: number, extra: Record<string, unknown> = {}) => ({
  error: { message: `(#${code}) something`, type: 'OAuthException', code, fbtrace_id: 'AbCdEf', ...extra },
})

describe('classifyGraphFailure', () => {
  const cases: [string, number, unknown, { retryable: boolean; code: string }][] = [
    ['HTTP 429', 429, graphError(4), { retryable: true, code: 'rate_limited' }],
    ['app rate limit answered as 400', 400, graphError(4), { retryable: true, code: 'rate_limited' }],
    ['WhatsApp throughput limit', 400, graphError(130429), { retryable: true, code: 'rate_limited' }],
    ['WhatsApp pair rate limit', 400, graphError(131056), { retryable: true, code: 'rate_limited' }],
    [
      'HTTP 500 with a transient body',
      500,
      graphError(2, { is_transient: true }),
      { retryable: true, code: 'unavailable' },
    ],
    ['HTTP 503 HTML page', 503, '<html>down</html>', { retryable: true, code: 'unavailable' }],
    ['WhatsApp "something went wrong"', 400, graphError(131000), { retryable: true, code: 'unavailable' }],
    ['WhatsApp 24-hour window closed', 400, graphError(131047), { retryable: false, code: 'window_closed' }],
    [
      'Messenger outside the window',
      400,
      graphError(10, { error_subcode: 2018278 }),
      { retryable: false, code: 'window_closed' },
    ],
    [
      'Instagram outside the window',
      400,
      graphError(10, { error_subcode: 2534022 }),
      { retryable: false, code: 'window_closed' },
    ],
    ['expired token', 401, graphError(190), { retryable: false, code: 'unauthorized' }],
    ['missing permission', 403, graphError(200), { retryable: false, code: 'unauthorized' }],
    [
      'undeliverable (blocked, not on WhatsApp)',
      400,
      graphError(131026),
      { retryable: false, code: 'blocked' },
    ],
    ['invalid parameter', 400, graphError(100), { retryable: false, code: 'rejected' }],
    ['404 without a body', 404, '', { retryable: false, code: 'rejected' }],
  ]
  for (const [name, status, body, want] of cases) {
    it(`${name} -> ${want.retryable ? 'retryable' : 'permanent'} ${want.code}`, () => {
      expect(classifyGraphFailure(status, body)).toMatchObject({ ok: false, ...want })
    })
  }

  it('keeps the Graph code and details in the message, and honours Retry-After', () => {
    const body = graphError(131047, {
      error_data: { messaging_product: 'whatsapp', details: 'more than 24 hours' },
    })
    expect(classifyGraphFailure(400, body).error).toBe(
      'Graph API HTTP 400 code 131047: (#131047) something (more than 24 hours)',
    )
    expect(classifyGraphFailure(429, graphError(4), '30')).toMatchObject({ retryAfterSeconds: 30 })
  })
})

describe('graphJson', () => {
  it('sends the bearer token and JSON body, and returns the parsed answer', async () => {
    let seen: { url: string; init?: RequestInit } | undefined
    const f: typeof fetch = async (url, init) => {
      seen = { url: String(url), init }
      return new Response('{"id":"1"}', { status: 200 })
    }
    const res = await graphJson({
      method: 'POST',
      url: 'http://x/v21.0/me/messages',
      token: 'T',
      body: { a: 1 },
      fetch: f,
    })
    expect(res).toEqual({ ok: true, data: { id: '1' } })
    expect(seen?.init?.headers).toMatchObject({
      authorization: 'Bearer T',
      'content-type': 'application/json',
    })
    expect(seen?.init?.body).toBe('{"a":1}')
  })

  it('turns a thrown fetch (refused connection, timeout) into a retryable network failure', async () => {
    const f: typeof fetch = async () => {
      throw new TypeError('fetch failed')
    }
    expect(await graphJson({ method: 'GET', url: 'http://x', token: 'T', fetch: f })).toMatchObject({
      ok: false,
      retryable: true,
      code: 'network',
    })
  })

  it('joins base URL, version and path with single slashes', () => {
    expect(graphUrl('http://127.0.0.1:4000/', 'v21.0', '/123/messages')).toBe(
      'http://127.0.0.1:4000/v21.0/123/messages',
    )
  })
})
