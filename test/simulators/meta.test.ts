// The Meta simulator against the real adapters: our sends reach it and are classified by what it
// answers; its webhooks pass our signature check and parse, through a receiver that behaves like
// the webhook route (handshake on GET; verify, then parse, on POST; 401 when verification fails).
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ChannelAdapter, NormalisedEvent } from '../../src/channels/contract.ts'
import { facebookCommentAdapter, instagramAdapter, instagramCommentAdapter, messengerAdapter } from '../../src/channels/meta/index.ts'
import { whatsappAdapter } from '../../src/channels/whatsapp/index.ts'
import { SIM_IG_USER_ID, SIM_PAGE_ID, SIM_PHONE_NUMBER_ID, startMetaSimulator, type MetaSimulator } from './meta.ts'

const appSecret = 'sim-app-secret'
const secrets = { appSecret, verifyToken: 'sim-verify' }
let sim: MetaSimulator
let receiver: Server
let hookBase = ''
const received: NormalisedEvent[] = []

const configs = () => ({
  whatsapp: whatsappAdapter.parseConfig({ phoneNumberId: SIM_PHONE_NUMBER_ID, accessToken: 'EAAwa', ...secrets, apiBaseUrl: sim.url }),
  messenger: messengerAdapter.parseConfig({ pageId: SIM_PAGE_ID, pageAccessToken: 'EAApage', ...secrets, apiBaseUrl: sim.url }),
  instagram: instagramAdapter.parseConfig({ igUserId: SIM_IG_USER_ID, pageAccessToken: 'EAApage', ...secrets, apiBaseUrl: sim.url }),
  facebook_comment: facebookCommentAdapter.parseConfig({ pageId: SIM_PAGE_ID, pageAccessToken: 'EAApage', ...secrets, apiBaseUrl: sim.url }),
  instagram_comment: instagramCommentAdapter.parseConfig({ igUserId: SIM_IG_USER_ID, pageAccessToken: 'EAApage', ...secrets, apiBaseUrl: sim.url }),
})
const adapters: Record<string, ChannelAdapter<any>> = {
  whatsapp: whatsappAdapter,
  messenger: messengerAdapter,
  instagram: instagramAdapter,
  facebook_comment: facebookCommentAdapter,
  instagram_comment: instagramCommentAdapter,
}

beforeAll(async () => {
  sim = await startMetaSimulator()
  receiver = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const u = new URL(req.url ?? '/', 'http://x')
    const type = u.pathname.split('/')[2]
    const adapter = adapters[type]
    const config = (configs() as Record<string, object>)[type]
    const webhook = {
      method: req.method as 'GET' | 'POST',
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
      query: Object.fromEntries(u.searchParams),
      rawBody: Buffer.concat(chunks),
    }
    if (webhook.method === 'GET') {
      const h = adapter.handshake!(webhook, config)
      res.writeHead(h.status, { 'content-type': h.contentType }).end(h.body)
      return
    }
    if (!adapter.verify(webhook, config).ok) return void res.writeHead(401).end()
    received.push(...adapter.parse(webhook, config))
    res.writeHead(200).end('EVENT_RECEIVED')
  })
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))
  hookBase = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks`
})
afterAll(async () => {
  await sim.close()
  await new Promise((r) => receiver.close(r))
})
beforeEach(() => {
  sim.reset()
  received.length = 0
})

const out = (over = {}) => ({ to: '6281234567890', text: 'Laporan diterima. Kode NGR-2611-0009', idempotencyKey: 'k1', ...over })

describe('our Graph API calls reach the simulator', () => {
  it('WhatsApp text: recorded with path, bearer token and body; the wamid comes back', async () => {
    const res = await whatsappAdapter.send(out(), { config: configs().whatsapp })
    expect(res).toMatchObject({ ok: true, parts: 1 })
    expect(res.ok && res.providerMessageId.startsWith('wamid.')).toBe(true)
    expect(sim.calls).toHaveLength(1)
    expect(sim.calls[0]).toMatchObject({ method: 'POST', path: `/v21.0/${SIM_PHONE_NUMBER_ID}/messages`, status: 200 })
    expect(sim.calls[0].headers.authorization).toBe('Bearer EAAwa')
    expect(sim.calls[0].body).toMatchObject({ messaging_product: 'whatsapp', to: '6281234567890', type: 'text', text: { preview_url: false } })
  })

  it('WhatsApp: a long reply arrives as several messages the simulator accepts (it rejects > 4,096)', async () => {
    const res = await whatsappAdapter.send(out({ text: 'Rincian tindak lanjut dinas. '.repeat(400) }), { config: configs().whatsapp })
    expect(res).toMatchObject({ ok: true, parts: 3 })
    expect(sim.calls.map((c) => c.status)).toEqual([200, 200, 200])
  })

  it('WhatsApp template outside the window', async () => {
    const template = { name: 'tanda_terima_laporan', language: 'id', parameters: ['NGR-2611-0009'] }
    expect(await whatsappAdapter.send(out({ template }), { config: configs().whatsapp })).toMatchObject({ ok: true })
    expect(sim.calls[0].body.template).toMatchObject({ name: 'tanda_terima_laporan', language: { code: 'id' } })
  })

  it('failNext: 500s and 429s are retryable, 131047 is permanent window_closed, then sends succeed again', async () => {
    const config = configs().whatsapp
    sim.failNext(1, 500)
    expect(await whatsappAdapter.send(out(), { config })).toMatchObject({ ok: false, retryable: true, code: 'unavailable' })
    sim.failNext(1, 429)
    expect(await whatsappAdapter.send(out(), { config })).toMatchObject({ ok: false, retryable: true, code: 'rate_limited' })
    sim.failNext(1, 400, { code: 131047, message: '(#131047) Re-engagement message', details: 'more than 24 hours' })
    expect(await whatsappAdapter.send(out(), { config })).toMatchObject({ ok: false, retryable: false, code: 'window_closed' })
    expect(await whatsappAdapter.send(out(), { config })).toMatchObject({ ok: true })
    expect(sim.calls.map((c) => c.status)).toEqual([500, 429, 400, 200])
  })

  it('a closed simulator is a retryable network failure', async () => {
    const gone = await startMetaSimulator()
    await gone.close()
    const config = { ...configs().whatsapp, apiBaseUrl: gone.url }
    expect(await whatsappAdapter.send(out(), { config })).toMatchObject({ ok: false, retryable: true, code: 'network' })
  })

  it('Messenger DM, Facebook and Instagram public replies, and a private reply hit their endpoints', async () => {
    const c = configs()
    expect(await messengerAdapter.send(out({ to: '7012345678901234' }), { config: c.messenger })).toMatchObject({ ok: true })
    expect(await facebookCommentAdapter.send(out({ replyToProviderId: '1122_3344' }), { config: c.facebook_comment })).toMatchObject({ ok: true })
    expect(await instagramCommentAdapter.send(out({ replyToProviderId: '17865799348089039' }), { config: c.instagram_comment })).toMatchObject({ ok: true })
    expect(await instagramAdapter.send(out({ isPublic: false, replyToProviderId: '17865799348089039' }), { config: c.instagram })).toMatchObject({ ok: true })
    expect(sim.calls.map((x) => `${x.method} ${x.path}`)).toEqual([
      'POST /v21.0/me/messages',
      'POST /v21.0/1122_3344/comments',
      'POST /v21.0/17865799348089039/replies',
      'POST /v21.0/me/messages',
    ])
    expect(sim.calls[3].body.recipient).toEqual({ comment_id: '17865799348089039' })
  })
})

describe('webhooks from the simulator verify and parse', () => {
  it('the subscription handshake succeeds with our verify token only', async () => {
    expect(await sim.verifySubscription({ url: `${hookBase}/whatsapp/1`, verifyToken: 'sim-verify', challenge: '424242' })).toEqual({ status: 200, body: '424242' })
    expect((await sim.verifySubscription({ url: `${hookBase}/messenger/1`, verifyToken: 'nope' })).status).toBe(403)
  })

  it('WhatsApp text with non-ASCII text (sent escaped, as Meta does): 200 and one event; a redelivery is byte-identical', async () => {
    const d = await sim.sendWhatsAppText({ url: `${hookBase}/whatsapp/1`, appSecret, from: '6281234567890', name: 'Siti Rahmawati', text: 'Jalan rusak 🙏 — mohon dicek/diperbaiki' })
    expect(d.status).toBe(200)
    expect(d.rawBody).toContain('\\ud83d\\ude4f')
    expect(d.rawBody).toContain('dicek\\/diperbaiki')
    expect(received).toEqual([
      expect.objectContaining({ type: 'message', providerEventId: d.id, senderId: '6281234567890', senderName: 'Siti Rahmawati', text: 'Jalan rusak 🙏 — mohon dicek/diperbaiki' }),
    ])
    const again = await sim.redeliver(d)
    expect(again.status).toBe(200)
    expect(received.map((e) => e.providerEventId)).toEqual([d.id, d.id])
  })

  it('a webhook signed with another secret is answered 401 and parses to nothing', async () => {
    const d = await sim.sendWhatsAppText({ url: `${hookBase}/whatsapp/1`, appSecret: 'wrong', from: '6281234567890', text: 'halo' })
    expect(d.status).toBe(401)
    expect(received).toEqual([])
  })

  it('WhatsApp image: the media id in the webhook downloads through fetchMedia', async () => {
    const bytes = Buffer.from('fake-jpeg-bytes')
    const d = await sim.sendWhatsAppImage({ url: `${hookBase}/whatsapp/1`, appSecret, from: '6285260001234', caption: 'Lubang', bytes })
    expect(d.status).toBe(200)
    const [event] = received
    if (event.type !== 'message') throw new Error('expected a message')
    expect(event.attachments[0]).toMatchObject({ kind: 'image', caption: 'Lubang', mimeType: 'image/jpeg' })
    const file = await whatsappAdapter.fetchMedia!(event.attachments[0], { config: configs().whatsapp })
    expect(file).toEqual({ bytes, mimeType: 'image/jpeg' })
    expect(sim.calls.map((c) => c.path)).toEqual([`/v21.0/${event.attachments[0].providerMediaId}`, `/media-download/${event.attachments[0].providerMediaId}`])
  })

  it('WhatsApp statuses become delivery events keyed by wamid and status', async () => {
    await sim.sendWhatsAppStatus({ url: `${hookBase}/whatsapp/1`, appSecret, messageId: 'wamid.X', status: 'read', recipientId: '6281234567890' })
    await sim.sendWhatsAppStatus({ url: `${hookBase}/whatsapp/1`, appSecret, messageId: 'wamid.Y', status: 'failed', recipientId: '6281234567890', error: { code: 131047, title: 'Re-engagement message' } })
    expect(received).toEqual([
      expect.objectContaining({ type: 'status', providerEventId: 'wamid.X:read', status: 'read' }),
      expect.objectContaining({ type: 'status', providerEventId: 'wamid.Y:failed', status: 'failed', error: expect.stringMatching(/^131047 Re-engagement message/) }),
    ])
  })

  it('Messenger and Instagram DMs, Facebook and Instagram comments parse with their channel types', async () => {
    const m = await sim.sendMessengerText({ url: `${hookBase}/messenger/1`, appSecret, senderId: '7012345678901234', text: 'Lampu jalan mati' })
    const i = await sim.sendInstagramText({ url: `${hookBase}/instagram/1`, appSecret, senderId: '6543210987654321', text: 'Sampah menumpuk' })
    const fc = await sim.sendFacebookComment({ url: `${hookBase}/messenger/1`, appSecret, fromId: '6234567890123456', fromName: 'Cut Nyak Fitri', text: 'Drainase tersumbat' })
    const ic = await sim.sendInstagramComment({ url: `${hookBase}/instagram_comment/1`, appSecret, fromId: '17841401234567890', username: 'warga.jeuram', text: 'Jalan rusak' })
    expect([m, i, fc, ic].map((d) => d.status)).toEqual([200, 200, 200, 200])
    expect(received).toEqual([
      expect.objectContaining({ providerEventId: m.id, senderId: '7012345678901234', text: 'Lampu jalan mati', isPublic: false }),
      expect.objectContaining({ providerEventId: i.id, senderId: '6543210987654321', text: 'Sampah menumpuk', isPublic: false }),
      expect.objectContaining({ providerEventId: fc.id, senderName: 'Cut Nyak Fitri', isPublic: true, channelType: 'facebook_comment', threadId: expect.stringMatching(new RegExp(`^${SIM_PAGE_ID}_`)) }),
      expect.objectContaining({ providerEventId: ic.id, senderName: 'warga.jeuram', isPublic: true, text: 'Jalan rusak' }),
    ])
    expect(received[3]).not.toHaveProperty('channelType')
  })
})
