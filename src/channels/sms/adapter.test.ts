import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSmsGatewaySimulator, type SmsGatewaySimulator } from '../../../test/simulators/sms.ts'
import type { WebhookRequest } from '../contract.ts'
import { smsAdapter, type SmsConfig } from './adapter.ts'

const config = smsAdapter.parseConfig({
  apiBaseUrl: 'https://sms-gateway.example.id/api/',
  apiKey: 'k',
  inboundSecret: 'a-long-shared-secret-0001',
})

function post(name: string, secret?: string): WebhookRequest {
  const rawBody = readFileSync(new URL(`./fixtures/${name}`, import.meta.url))
  const type = name.endsWith('.form')
    ? 'application/x-www-form-urlencoded'
    : 'application/json; charset=utf-8'
  const headers: Record<string, string> = { 'content-type': type }
  if (secret !== undefined) headers['x-aduan-sms-secret'] = secret
  return { method: 'POST', headers, query: {}, rawBody }
}
const parse = (name: string) => smsAdapter.parse(post(name), config)

describe('sms config', () => {
  it('requires a gateway URL and a real secret; concatenates by default', () => {
    expect(config.apiBaseUrl).toBe('https://sms-gateway.example.id/api')
    expect(config.concatenate).toBe(true)
    expect(() =>
      smsAdapter.parseConfig({ apiKey: 'k', inboundSecret: 'a-long-shared-secret-0001' }),
    ).toThrow()
    expect(() => smsAdapter.parseConfig({ ...config, inboundSecret: 'short' })).toThrow()
  })
})

describe('sms verify', () => {
  it('accepts the shared secret', () => {
    expect(smsAdapter.verify(post('inbound-text.json', 'a-long-shared-secret-0001'), config)).toEqual({
      ok: true,
    })
  })
  it('rejects a wrong or missing secret', () => {
    expect(smsAdapter.verify(post('inbound-text.json', 'a-long-shared-secret-0002'), config).ok).toBe(false)
    expect(smsAdapter.verify(post('inbound-text.json', ''), config).ok).toBe(false)
    expect(smsAdapter.verify(post('inbound-text.json'), config).ok).toBe(false)
  })
})

describe('sms fixtures parse', () => {
  it('plain SMS (JSON, unix seconds, +62 number)', () => {
    expect(parse('inbound-text.json')).toEqual([
      {
        type: 'message',
        providerEventId: 'gw-7f3c1a90-0001',
        senderId: '6281377001122',
        senderPhone: '6281377001122',
        isPublic: false,
        text: 'Selamat pagi, air bersih di Desa Blang Baro sudah 3 hari tidak mengalir.',
        attachments: [],
        command: undefined,
        sentAt: new Date(1718002800 * 1000),
      },
    ])
  })
  it('LAPOR#kategori#lokasi#isi (form-encoded, 08 number, ISO time)', () => {
    expect(parse('lapor-keyword.form')).toEqual([
      expect.objectContaining({
        senderId: '6281260004455',
        text: 'LAPOR#Jalan Rusak#Desa Lueng Baro, Kec. Kuala#Jalan berlubang besar depan meunasah, sudah 2 motor jatuh',
        command: {
          kind: 'report',
          category: 'Jalan Rusak',
          location: 'Desa Lueng Baro, Kec. Kuala',
          text: 'Jalan berlubang besar depan meunasah, sudah 2 motor jatuh',
        },
        sentAt: new Date('2024-06-10T01:15:00Z'),
      }),
    ])
  })
  it('CEK <kode> (unix ms)', () => {
    expect(parse('status-keyword.json')[0]).toMatchObject({
      command: { kind: 'status', trackingCode: 'NR-24-0117' },
      sentAt: new Date(1718010000000),
    })
  })
  it('delivery reports: delivered, failed with reason, intermediate skipped', () => {
    expect(parse('dlr-delivered.json')).toEqual([
      {
        type: 'status',
        providerEventId: 'dlr:gw-out-55501:delivrd',
        providerMessageId: 'gw-out-55501',
        status: 'delivered',
        at: new Date(1718003000 * 1000),
        error: undefined,
      },
    ])
    expect(parse('dlr-failed.form')).toEqual([
      {
        type: 'status',
        providerEventId: 'dlr:gw-out-55502:undelivered',
        providerMessageId: 'gw-out-55502',
        status: 'failed',
        at: new Date(1718003100 * 1000),
        error: 'Absent subscriber',
      },
    ])
    expect(parse('dlr-queued.json')).toEqual([])
  })
  it('a body without id is refused (it could not be stored idempotently)', () => {
    const req = { ...post('inbound-text.json'), rawBody: Buffer.from('{"from":"0812","text":"x"}') }
    expect(() => smsAdapter.parse(req, config)).toThrow(/id/)
  })
})

describe('sms send (simulator)', () => {
  let sim: SmsGatewaySimulator
  let cfg: SmsConfig
  beforeAll(async () => {
    sim = await startSmsGatewaySimulator()
    cfg = smsAdapter.parseConfig({
      apiBaseUrl: sim.url,
      apiKey: sim.apiKey,
      inboundSecret: sim.inboundSecret,
    })
  })
  afterAll(() => sim.close())
  const send = (text: string, c = cfg) =>
    smsAdapter.send({ to: '6281377001122', text, idempotencyKey: 'outbox-1' }, { config: c })

  it('posts { to, text, reference } with the bearer key and idempotency key', async () => {
    sim.calls.length = 0
    expect(await send('Laporan diterima. Kode: NR-24-0117')).toEqual({
      ok: true,
      providerMessageId: expect.stringMatching(/^sim-out-/),
      parts: 1,
    })
    expect(sim.calls).toEqual([
      {
        to: '6281377001122',
        text: 'Laporan diterima. Kode: NR-24-0117',
        reference: 'outbox-1',
        idempotencyKey: 'outbox-1',
        authorization: `Bearer ${sim.apiKey}`,
      },
    ])
  })
  it('reports concatenated parts: 153 per GSM-7 part, 67 per UCS-2 part', async () => {
    expect(await send('a'.repeat(160))).toMatchObject({ ok: true, parts: 1 })
    expect(await send('a'.repeat(161))).toMatchObject({ ok: true, parts: 2 })
    expect(await send('a'.repeat(307))).toMatchObject({ ok: true, parts: 3 })
    expect(await send('Terima kasih 🙏 '.repeat(5))).toMatchObject({ ok: true, parts: 2 }) // 80 UTF-16 units
  })
  it('without gateway concatenation sends one request per 160-character part', async () => {
    sim.calls.length = 0
    const res = await send('Tanggapan dinas terkait. '.repeat(20), { ...cfg, concatenate: false })
    expect(res).toMatchObject({ ok: true, parts: sim.calls.length })
    expect(sim.calls.length).toBe(4)
    expect(sim.calls.every((c) => c.text.length <= 160)).toBe(true)
    expect(sim.calls.map((c) => c.reference)).toEqual([
      'outbox-1#1',
      'outbox-1#2',
      'outbox-1#3',
      'outbox-1#4',
    ])
  })
  it('classifies 429 (Retry-After) and 5xx as retryable, 401 and 400 as permanent', async () => {
    sim.failNext(1, 429)
    expect(await send('x')).toMatchObject({
      ok: false,
      retryable: true,
      code: 'rate_limited',
      retryAfterSeconds: 7,
    })
    sim.failNext(1, 500)
    expect(await send('x')).toMatchObject({ ok: false, retryable: true, code: 'unavailable' })
    sim.failNext(1, 400)
    expect(await send('x')).toMatchObject({
      ok: false,
      retryable: false,
      code: 'rejected',
      error: expect.stringContaining('invalid number'),
    })
    expect(await send('x', { ...cfg, apiKey: 'wrong' })).toMatchObject({
      ok: false,
      retryable: false,
      code: 'unauthorized',
    })
    expect(await send('x', { ...cfg, apiBaseUrl: 'http://127.0.0.1:9' })).toMatchObject({
      ok: false,
      retryable: true,
      code: 'network',
    })
  })
})
