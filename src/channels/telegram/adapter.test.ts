import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTelegramSimulator, type TelegramSimulator } from '../../../test/simulators/telegram.ts'
import type { InboundMessageEvent, WebhookRequest } from '../contract.ts'
import { telegramAdapter, type TelegramConfig } from './adapter.ts'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url))

function post(rawBody: Buffer, secret?: string): WebhookRequest {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (secret !== undefined) headers['x-telegram-bot-api-secret-token'] = secret
  return { method: 'POST', headers, query: {}, rawBody }
}

const config = telegramAdapter.parseConfig({
  botToken: '123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11',
  secretToken: 'pemda_Secret-01',
})
const parse = (name: string) => telegramAdapter.parse(post(fixture(name)), config) as InboundMessageEvent[]

describe('telegram config', () => {
  it('defaults apiBaseUrl and rejects malformed tokens', () => {
    expect(config.apiBaseUrl).toBe('https://api.telegram.org')
    expect(() => telegramAdapter.parseConfig({ botToken: 'nope', secretToken: 'x' })).toThrow()
    expect(() => telegramAdapter.parseConfig({ botToken: '1:a', secretToken: 'has space' })).toThrow()
    expect(telegramAdapter.secretKeys).toEqual(['botToken', 'secretToken'])
  })
})

describe('telegram verify', () => {
  const body = fixture('text-message')
  it('accepts the configured secret token', () => {
    expect(telegramAdapter.verify(post(body, 'pemda_Secret-01'), config)).toEqual({ ok: true })
  })
  it('rejects a wrong, a prefix-only or a missing token', () => {
    expect(telegramAdapter.verify(post(body, 'pemda_Secret-02'), config).ok).toBe(false)
    expect(telegramAdapter.verify(post(body, 'pemda_Secret'), config).ok).toBe(false)
    expect(telegramAdapter.verify(post(body), config).ok).toBe(false)
    expect(telegramAdapter.verify({ ...post(body, 'pemda_Secret-01'), method: 'GET' }, config).ok).toBe(false)
  })
})

describe('telegram fixtures parse', () => {
  it('text message', () => {
    expect(parse('text-message')).toEqual([
      {
        type: 'message',
        providerEventId: '804512301',
        senderId: '5512340987',
        senderName: 'Rahmat Hidayat',
        senderPhone: undefined,
        isPublic: false,
        text: 'Lampu jalan di Jl. Nasional Meulaboh–Tapaktuan depan SD Negeri 2 sudah mati seminggu.',
        attachments: [],
        location: undefined,
        replyToProviderId: undefined,
        sentAt: new Date(1718001000 * 1000),
      },
    ])
  })
  it('photo: takes the largest size, caption becomes the text', () => {
    const [ev] = parse('photo-with-caption')
    expect(ev.text).toBe('Ini fotonya, tiang lampu nomor 14.')
    expect(ev.attachments).toEqual([
      {
        kind: 'image',
        providerMediaId: 'AgACAgUAAxkBAAIBQ2ZmLargestSize',
        mimeType: 'image/jpeg',
        fileName: undefined,
        size: 96112,
        caption: 'Ini fotonya, tiang lampu nomor 14.',
      },
    ])
  })
  it('location and venue', () => {
    expect(parse('location')[0].location).toEqual({ latitude: 4.162912, longitude: 96.218734 })
    expect(parse('venue')[0].location).toEqual({
      latitude: 4.1431,
      longitude: 96.1287,
      name: 'Puskesmas Kuala',
      address: 'Jl. Meulaboh-Tapaktuan, Kuala, Nagan Raya',
    })
  })
  it('voice, document, video, audio', () => {
    expect(parse('voice')[0].attachments[0]).toMatchObject({
      kind: 'voice',
      mimeType: 'audio/ogg',
      size: 33215,
    })
    const doc = parse('document')[0]
    expect(doc.text).toBe('Surat keterangan dari kepala desa')
    expect(doc.attachments[0]).toMatchObject({
      kind: 'document',
      fileName: 'surat-keterangan-desa.pdf',
      mimeType: 'application/pdf',
    })
    expect(parse('video')[0].attachments).toEqual([
      expect.objectContaining({
        kind: 'video',
        providerMediaId: 'BAACAgUAAxkBAAIM8GZmVideoFile',
        mimeType: 'video/mp4',
      }),
    ])
    expect(parse('audio')[0].attachments[0]).toMatchObject({ kind: 'audio', mimeType: 'audio/mpeg' })
  })
  it('own contact reveals the phone; reply context is kept', () => {
    const [ev] = parse('contact-own')
    expect(ev.senderPhone).toBe('6281260001234')
    expect(ev.senderName).toBe('Cut Nurhaliza')
    expect(ev.text).toBe('Kontak: Cut Nurhaliza +6281260001234')
    expect(ev.replyToProviderId).toBe('3309')
  })
  it('callback query becomes an interactive reply', () => {
    expect(parse('callback-query')[0]).toMatchObject({
      providerEventId: '804512309',
      senderId: '5512340987',
      interactiveReplyId: 'rating:tidak_puas',
      text: 'rating:tidak_puas',
      replyToProviderId: '1030',
    })
  })
  it('edited message is a new event pointing at the original', () => {
    expect(parse('edited-message')[0]).toMatchObject({
      providerEventId: '804512310',
      text: expect.stringContaining('SD Negeri 3'),
      replyToProviderId: '1021',
      sentAt: new Date(1718001300 * 1000),
    })
  })
  it('group chats are ignored', () => {
    expect(parse('group-message')).toEqual([])
  })
  it('a malformed update throws (the event is dead-lettered, not silently dropped)', () => {
    expect(() => telegramAdapter.parse(post(Buffer.from('{"message":{}}')), config)).toThrow()
  })
})

describe('telegram send (simulator)', () => {
  let sim: TelegramSimulator
  let cfg: TelegramConfig
  beforeAll(async () => {
    sim = await startTelegramSimulator()
    cfg = telegramAdapter.parseConfig({
      botToken: sim.botToken,
      secretToken: sim.secretToken,
      apiBaseUrl: sim.url,
    })
  })
  afterAll(() => sim.close())
  const send = (text: string) =>
    telegramAdapter.send({ to: '5512340987', text, idempotencyKey: 'k1' }, { config: cfg })

  it('sends plain text to sendMessage', async () => {
    sim.calls.length = 0
    const res = await send('Laporan Anda diterima. Kode: NR-24-0001')
    expect(res).toEqual({ ok: true, providerMessageId: expect.stringMatching(/^\d+$/), parts: 1 })
    expect(sim.calls).toEqual([
      {
        method: 'sendMessage',
        body: { chat_id: '5512340987', text: 'Laporan Anda diterima. Kode: NR-24-0001' },
      },
    ])
  })
  it('splits text above 4096 characters', async () => {
    sim.calls.length = 0
    const para = 'Tanggapan dinas. '.repeat(200).trim()
    const res = await send(`${para}\n\n${para}\n\n${para}`)
    expect(res.ok && res.parts).toBe(3)
    expect(sim.calls.map((c) => (c.body.text as string).length).every((n) => n <= 4096)).toBe(true)
  })
  it('classifies 429 (with retry_after) and 5xx as retryable', async () => {
    sim.failNext(1, 429)
    expect(await send('x')).toMatchObject({
      ok: false,
      retryable: true,
      code: 'rate_limited',
      retryAfterSeconds: 3,
    })
    sim.failNext(1, 500)
    expect(await send('x')).toMatchObject({ ok: false, retryable: true, code: 'unavailable' })
  })
  it('classifies 403 (blocked) and 400 as permanent', async () => {
    sim.failNext(1, 403)
    expect(await send('x')).toMatchObject({ ok: false, retryable: false, code: 'blocked' })
    sim.failNext(1, 400)
    expect(await send('x')).toMatchObject({ ok: false, retryable: false, code: 'rejected' })
  })
  it('a wrong bot token is permanent; an unreachable API is retryable', async () => {
    const bad = { ...cfg, botToken: '1:wrong' }
    expect(
      await telegramAdapter.send({ to: '1', text: 'x', idempotencyKey: 'k' }, { config: bad }),
    ).toMatchObject({
      ok: false,
      retryable: false,
      code: 'unauthorized',
    })
    const down = { ...cfg, apiBaseUrl: 'http://127.0.0.1:9' }
    expect(
      await telegramAdapter.send({ to: '1', text: 'x', idempotencyKey: 'k' }, { config: down }),
    ).toMatchObject({
      ok: false,
      retryable: true,
      code: 'network',
    })
  })
  it('fetchMedia resolves file_id through getFile and downloads the bytes', async () => {
    sim.addFile('AgACAgUAAxkBAAIBQ2ZmLargestSize', Buffer.from('JPEGDATA'), 'photos/file_7.jpg')
    const [ev] = telegramAdapter.parse(post(fixture('photo-with-caption')), cfg) as InboundMessageEvent[]
    const media = await telegramAdapter.fetchMedia!(ev.attachments[0], { config: cfg })
    expect(media).toEqual({ bytes: Buffer.from('JPEGDATA'), mimeType: 'image/jpeg', fileName: 'file_7.jpg' })
    await expect(
      telegramAdapter.fetchMedia!({ kind: 'image', providerMediaId: 'unknown' }, { config: cfg }),
    ).rejects.toThrow()
  })
})
