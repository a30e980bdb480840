// Webhooks from the Meta simulator against the real adapters, through a receiver that behaves
// like the webhook route: handshake on GET; on POST verify, then parse, and 401 when unverified.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ChannelAdapter, NormalisedEvent } from '../../src/channels/contract.ts'
import {
  facebookCommentAdapter,
  instagramAdapter,
  instagramCommentAdapter,
  messengerAdapter,
} from '../../src/channels/meta/index.ts'
import { whatsappAdapter } from '../../src/channels/whatsapp/index.ts'
import { metaChannelConfigs, SIM_PAGE_ID, startMetaSimulator, type MetaSimulator } from './meta.ts'

const appSecret = 'sim-app-secret'
let sim: MetaSimulator
let receiver: Server
let hookBase = ''
const received: NormalisedEvent[] = []

const adapters: Record<string, ChannelAdapter<any>> = {
  whatsapp: whatsappAdapter,
  messenger: messengerAdapter,
  instagram: instagramAdapter,
  facebook_comment: facebookCommentAdapter,
  instagram_comment: instagramCommentAdapter,
}
const whatsappConfig = () => whatsappAdapter.parseConfig(metaChannelConfigs(sim.url).whatsapp)

beforeAll(async () => {
  sim = await startMetaSimulator()
  receiver = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const u = new URL(req.url ?? '/', 'http://x')
    const type = u.pathname.split('/')[2] as keyof ReturnType<typeof metaChannelConfigs>
    const adapter = adapters[type]
    const config = adapter.parseConfig(metaChannelConfigs(sim.url)[type])
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

describe('webhooks from the simulator verify and parse', () => {
  it('the subscription handshake succeeds with our verify token only', async () => {
    expect(
      await sim.verifySubscription({
        url: `${hookBase}/whatsapp/1`,
        verifyToken: 'sim-verify',
        challenge: '424242',
      }),
    ).toEqual({ status: 200, body: '424242' })
    expect(
      (await sim.verifySubscription({ url: `${hookBase}/messenger/1`, verifyToken: 'nope' })).status,
    ).toBe(403)
  })

  it('WhatsApp text with non-ASCII text (sent escaped, as Meta does): 200 and one event; a redelivery is byte-identical', async () => {
    const d = await sim.sendWhatsAppText({
      url: `${hookBase}/whatsapp/1`,
      appSecret,
      from: '6281234567890',
      name: 'Siti Rahmawati',
      text: 'Jalan rusak 🙏 — mohon dicek/diperbaiki',
    })
    expect(d.status).toBe(200)
    expect(d.rawBody).toContain('\\ud83d\\ude4f')
    expect(d.rawBody).toContain('dicek\\/diperbaiki')
    expect(received).toEqual([
      expect.objectContaining({
        type: 'message',
        providerEventId: d.id,
        senderId: '6281234567890',
        senderName: 'Siti Rahmawati',
        text: 'Jalan rusak 🙏 — mohon dicek/diperbaiki',
      }),
    ])
    const again = await sim.redeliver(d)
    expect(again.status).toBe(200)
    expect(received.map((e) => e.providerEventId)).toEqual([d.id, d.id])
  })

  it('a webhook signed with another secret is answered 401 and parses to nothing', async () => {
    const d = await sim.sendWhatsAppText({
      url: `${hookBase}/whatsapp/1`,
      appSecret: 'wrong',
      from: '6281234567890',
      text: 'halo',
    })
    expect(d.status).toBe(401)
    expect(received).toEqual([])
  })

  it('WhatsApp image: the media id in the webhook downloads through fetchMedia', async () => {
    const bytes = Buffer.from('fake-jpeg-bytes')
    const d = await sim.sendWhatsAppImage({
      url: `${hookBase}/whatsapp/1`,
      appSecret,
      from: '6285260001234',
      caption: 'Lubang',
      bytes,
    })
    expect(d.status).toBe(200)
    const [event] = received
    if (event.type !== 'message') throw new Error('expected a message')
    expect(event.attachments[0]).toMatchObject({ kind: 'image', caption: 'Lubang', mimeType: 'image/jpeg' })
    const file = await whatsappAdapter.fetchMedia!(event.attachments[0], { config: whatsappConfig() })
    expect(file).toEqual({ bytes, mimeType: 'image/jpeg' })
    expect(sim.calls.map((c) => c.path)).toEqual([
      `/v21.0/${event.attachments[0].providerMediaId}`,
      `/media-download/${event.attachments[0].providerMediaId}`,
    ])
  })

  it('WhatsApp statuses become delivery events keyed by wamid and status', async () => {
    await sim.sendWhatsAppStatus({
      url: `${hookBase}/whatsapp/1`,
      appSecret,
      messageId: 'wamid.X',
      status: 'read',
      recipientId: '6281234567890',
    })
    await sim.sendWhatsAppStatus({
      url: `${hookBase}/whatsapp/1`,
      appSecret,
      messageId: 'wamid.Y',
      status: 'failed',
      recipientId: '6281234567890',
      error: { code: 131047, title: 'Re-engagement message' },
    })
    expect(received).toEqual([
      expect.objectContaining({ type: 'status', providerEventId: 'wamid.X:read', status: 'read' }),
      expect.objectContaining({
        type: 'status',
        providerEventId: 'wamid.Y:failed',
        status: 'failed',
        error: expect.stringMatching(/^131047 Re-engagement message/),
      }),
    ])
  })

  it('Messenger and Instagram DMs, Facebook and Instagram comments parse with their channel types', async () => {
    const m = await sim.sendMessengerText({
      url: `${hookBase}/messenger/1`,
      appSecret,
      senderId: '7012345678901234',
      text: 'Lampu jalan mati',
    })
    const i = await sim.sendInstagramText({
      url: `${hookBase}/instagram/1`,
      appSecret,
      senderId: '6543210987654321',
      text: 'Sampah menumpuk',
    })
    const fc = await sim.sendFacebookComment({
      url: `${hookBase}/messenger/1`,
      appSecret,
      fromId: '6234567890123456',
      fromName: 'Cut Nyak Fitri',
      text: 'Drainase tersumbat',
    })
    const ic = await sim.sendInstagramComment({
      url: `${hookBase}/instagram_comment/1`,
      appSecret,
      fromId: '17841401234567890',
      username: 'warga.jeuram',
      text: 'Jalan rusak',
    })
    expect([m, i, fc, ic].map((d) => d.status)).toEqual([200, 200, 200, 200])
    expect(received).toEqual([
      expect.objectContaining({
        providerEventId: m.id,
        senderId: '7012345678901234',
        text: 'Lampu jalan mati',
        isPublic: false,
      }),
      expect.objectContaining({
        providerEventId: i.id,
        senderId: '6543210987654321',
        text: 'Sampah menumpuk',
        isPublic: false,
      }),
      expect.objectContaining({
        providerEventId: fc.id,
        senderName: 'Cut Nyak Fitri',
        isPublic: true,
        channelType: 'facebook_comment',
        threadId: expect.stringMatching(new RegExp(`^${SIM_PAGE_ID}_`)),
      }),
      expect.objectContaining({
        providerEventId: ic.id,
        senderName: 'warga.jeuram',
        isPublic: true,
        text: 'Jalan rusak',
      }),
    ])
    expect(received[3]).not.toHaveProperty('channelType')
  })
})
