import { createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startXSimulator, type XSimulator } from '../../../test/simulators/x.ts'
import type { InboundMessageEvent, WebhookRequest } from '../contract.ts'
import { classifyXError, signXPayload, xAdapter, type XConfig } from './adapter.ts'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url))
const config = xAdapter.parseConfig({
  consumerSecret: 'kS3cr3t-consumer',
  accessToken: 'user-token',
  accountId: '1480000000000000001',
})

function post(rawBody: Buffer, signature?: string): WebhookRequest {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (signature !== undefined) headers['x-twitter-webhooks-signature'] = signature
  return { method: 'POST', headers, query: {}, rawBody }
}
const parse = (name: string) => xAdapter.parse(post(fixture(name)), config) as InboundMessageEvent[]

describe('x CRC handshake', () => {
  it('answers sha256=base64(HMAC-SHA256(consumer secret, crc_token)) as JSON', () => {
    const res = xAdapter.handshake!(
      {
        method: 'GET',
        headers: {},
        query: { crc_token: '9b4507b3-9040-4669-9ca3-6b94edb50553' },
        rawBody: Buffer.alloc(0),
      },
      config,
    )
    const expected = createHmac('sha256', 'kS3cr3t-consumer')
      .update('9b4507b3-9040-4669-9ca3-6b94edb50553')
      .digest('base64')
    expect(res).toEqual({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ response_token: `sha256=${expected}` }),
    })
  })
  it('refuses a GET without crc_token', () => {
    expect(
      xAdapter.handshake!({ method: 'GET', headers: {}, query: {}, rawBody: Buffer.alloc(0) }, config).status,
    ).toBe(400)
  })
})

describe('x signature', () => {
  const body = fixture('mention')
  it('accepts the signature X computes over the raw body', () => {
    expect(xAdapter.verify(post(body, signXPayload(body, 'kS3cr3t-consumer')), config)).toEqual({ ok: true })
  })
  it('rejects a wrong secret, a tampered body and a missing header', () => {
    expect(xAdapter.verify(post(body, signXPayload(body, 'other')), config).ok).toBe(false)
    const tampered = Buffer.from(body.toString().replace('putus', 'rusak'))
    expect(xAdapter.verify(post(tampered, signXPayload(body, 'kS3cr3t-consumer')), config).ok).toBe(false)
    expect(xAdapter.verify(post(body), config).ok).toBe(false)
    expect(xAdapter.verify(post(body, 'sha256=short'), config).ok).toBe(false)
  })
})

describe('x fixtures parse', () => {
  it('a mention is a public message with its photo', () => {
    expect(parse('mention')).toEqual([
      {
        type: 'message',
        providerEventId: '1800050000000000001',
        senderId: '1620000000000000042',
        senderName: 'Teuku Fadli (@fadli_nagan)',
        threadId: '1800050000000000001',
        isPublic: true,
        text: '@PemdaNaganRaya jembatan gantung di Desa Alue Bilie putus sejak banjir kemarin, anak sekolah terpaksa menyeberang sungai',
        attachments: [
          {
            kind: 'image',
            providerMediaId: '1800049990000000007',
            url: 'https://pbs.twimg.com/media/GPjembatanAAA.jpg',
            mimeType: 'image/jpeg',
          },
        ],
        location: undefined,
        replyToProviderId: undefined,
        sentAt: new Date(1718003702000),
      },
    ])
  })
  it('a truncated reply uses extended_tweet, drops the leading mention, keeps thread and place', () => {
    const [ev] = parse('reply-extended')
    expect(ev.text).toBe(
      'Terima kasih sudah merespons. Tapi sampai hari ini petugas belum datang, air PDAM di Gampong Ujong Fatihah mati total sudah lima hari dan warga harus beli air galon untuk masak, mandi, dan cuci. Mohon segera ditindaklanjuti 🙏',
    )
    expect(ev).toMatchObject({
      threadId: '1800070000000000099',
      replyToProviderId: '1800070000000000099',
      location: { latitude: 4.1932, longitude: 96.1521 },
    })
  })
  it('own posts, reposts and likes yield nothing', () => {
    expect(parse('own-tweet')).toEqual([])
    expect(parse('retweet')).toEqual([])
    expect(parse('favorite-events')).toEqual([])
  })
  it('a DM is private, named from the users map, with its media', () => {
    expect(parse('dm')).toEqual([
      {
        type: 'message',
        providerEventId: '1800100000000000004',
        senderId: '1620000000000000042',
        senderName: 'Teuku Fadli (@fadli_nagan)',
        isPublic: false,
        text: expect.stringContaining('pungutan liar'),
        attachments: [
          {
            kind: 'image',
            providerMediaId: '1800099990000000008',
            url: 'https://ton.twitter.com/1.1/ton/data/dm/1800100000000000004/1800099990000000008/kwitansi.jpg',
            mimeType: 'image/jpeg',
          },
        ],
        interactiveReplyId: undefined,
        sentAt: new Date(1718015000123),
      },
    ])
  })
  it('quick reply metadata becomes the interactive reply id; our own DMs are ignored', () => {
    expect(parse('dm-quick-reply')[0]).toMatchObject({
      interactiveReplyId: 'rating:puas',
      senderName: 'Nurul Aini (@nurulaini_acehbarat)',
    })
    expect(parse('dm-sent-by-account')).toEqual([])
  })
  it('events for another subscribed account are not ours', () => {
    const other = xAdapter.parseConfig({ ...config, accountId: '999' })
    expect(xAdapter.parse(post(fixture('dm')), other)).toEqual([])
  })
})

describe('x send (simulator)', () => {
  let sim: XSimulator
  let cfg: XConfig
  beforeAll(async () => {
    sim = await startXSimulator()
    cfg = xAdapter.parseConfig({
      consumerSecret: sim.consumerSecret,
      accessToken: sim.accessToken,
      accountId: sim.accountId,
      apiBaseUrl: sim.url,
    })
  })
  afterAll(() => sim.close())

  it('sends a DM to the participant with the bearer user token', async () => {
    sim.calls.length = 0
    const res = await xAdapter.send(
      { to: '1620000000000000042', text: 'Kode pelacakan: NR-24-0118', idempotencyKey: 'k' },
      { config: cfg },
    )
    expect(res).toEqual({ ok: true, providerMessageId: expect.stringMatching(/^\d+$/), parts: 1 })
    expect(sim.calls).toEqual([
      {
        method: 'POST',
        path: '/2/dm_conversations/with/1620000000000000042/messages',
        authorization: `Bearer ${sim.accessToken}`,
        body: { text: 'Kode pelacakan: NR-24-0118' },
      },
    ])
  })
  it('replies publicly to the post, threading past 280 weighted characters', async () => {
    sim.calls.length = 0
    const short = await xAdapter.send(
      {
        to: 'x',
        text: 'Diterima, kode NR-24-0117.',
        isPublic: true,
        replyToProviderId: '1800050000000000001',
        idempotencyKey: 'k',
      },
      { config: cfg },
    )
    expect(short).toMatchObject({ ok: true, parts: 1 })
    expect(sim.calls[0].body).toEqual({
      text: 'Diterima, kode NR-24-0117.',
      reply: { in_reply_to_tweet_id: '1800050000000000001' },
    })

    sim.calls.length = 0
    const long = 'Dinas PUPR telah menjadwalkan perbaikan jembatan gantung. '.repeat(12).trim()
    const res = await xAdapter.send(
      { to: 'x', text: long, isPublic: true, replyToProviderId: '1800050000000000001', idempotencyKey: 'k' },
      { config: cfg },
    )
    expect(res.ok && res.parts).toBe(sim.calls.length)
    expect(sim.calls.length).toBeGreaterThan(2)
    const texts = sim.calls.map((c) => c.body.text as string)
    expect(texts.every((t) => t.length <= 280)).toBe(true)
    expect(texts[0]).toMatch(/\(1\/\d+\)$/)
    // each post answers the previous one
    const replyTo = sim.calls.map(
      (c) => (c.body.reply as { in_reply_to_tweet_id: string }).in_reply_to_tweet_id,
    )
    expect(replyTo[0]).toBe('1800050000000000001')
    expect(replyTo[1]).toBe(res.ok ? res.providerMessageId : '')
  })
  it('a public reply without the post id is a permanent error', async () => {
    expect(
      await xAdapter.send({ to: 'x', text: 'hi', isPublic: true, idempotencyKey: 'k' }, { config: cfg }),
    ).toMatchObject({ ok: false, retryable: false, code: 'invalid' })
  })
  it('classifies 429 (with reset) and 5xx as retryable, 401/403/400 as permanent', async () => {
    const dm = () => xAdapter.send({ to: '1', text: 'x', idempotencyKey: 'k' }, { config: cfg })
    sim.failNext(1, 429)
    const limited = await dm()
    expect(limited).toMatchObject({ ok: false, retryable: true, code: 'rate_limited' })
    expect(!limited.ok && limited.retryAfterSeconds).toBeGreaterThan(50)
    sim.failNext(1, 503)
    expect(await dm()).toMatchObject({ ok: false, retryable: true, code: 'unavailable' })
    sim.failNext(1, 403)
    expect(await dm()).toMatchObject({
      ok: false,
      retryable: false,
      code: 'forbidden',
      error: expect.stringContaining('not permitted'),
    })
    sim.failNext(1, 400)
    expect(await dm()).toMatchObject({ ok: false, retryable: false, code: 'rejected' })
    expect(
      await xAdapter.send(
        { to: '1', text: 'x', idempotencyKey: 'k' },
        { config: { ...cfg, accessToken: 'expired' } },
      ),
    ).toMatchObject({
      ok: false,
      retryable: false,
      code: 'unauthorized',
    })
  })
  it('classifyXError reads v1-style error arrays too', () => {
    expect(
      classifyXError(403, { errors: [{ message: 'You cannot send messages to this user.' }] }, null).error,
    ).toContain('cannot send messages')
  })
  it('fetchMedia downloads a public media url', async () => {
    const url = sim.addMedia('/media/GPjembatanAAA.jpg', Buffer.from('IMG'))
    expect(await xAdapter.fetchMedia!({ kind: 'image', url }, { config: cfg })).toEqual({
      bytes: Buffer.from('IMG'),
      mimeType: 'image/jpeg',
      fileName: 'GPjembatanAAA.jpg',
    })
  })
})
