// The simulators against a minimal webhook route built only from the channel contract
// (GET -> handshake, POST -> verify -> 401 or parse -> 200), the way the real route uses it:
// proves they sign as the providers do and that each adapter accepts exactly what it should.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, describe, expect, it } from 'vitest'
import type { ChannelAdapter, ChannelConfig, NormalisedEvent } from '../../src/channels/contract.ts'
import { emailAdapter } from '../../src/channels/email/adapter.ts'
import { smsAdapter } from '../../src/channels/sms/adapter.ts'
import { telegramAdapter } from '../../src/channels/telegram/adapter.ts'
import { xAdapter } from '../../src/channels/x/adapter.ts'
import { buildRawMail, postRawMail } from './email.ts'
import { startSmsGatewaySimulator } from './sms.ts'
import { startTelegramSimulator } from './telegram.ts'
import { startXSimulator } from './x.ts'

const servers: Server[] = []
const closers: (() => Promise<void>)[] = []
afterAll(async () => {
  await Promise.all(closers.map((c) => c()))
  for (const s of servers) {
    s.closeAllConnections()
    s.close()
  }
})

async function webhookRoute<C extends ChannelConfig>(adapter: ChannelAdapter<C>, config: C) {
  const events: NormalisedEvent[] = []
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const url = new URL(req.url ?? '/', 'http://x')
    const wr = {
      method: req.method as 'GET' | 'POST',
      headers: Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
      ),
      query: Object.fromEntries(url.searchParams),
      rawBody: Buffer.concat(chunks),
    }
    if (wr.method === 'GET') {
      const h = adapter.handshake?.(wr, config) ?? { status: 405, contentType: 'text/plain', body: '' }
      return res.writeHead(h.status, { 'content-type': h.contentType }).end(h.body)
    }
    if (!adapter.verify(wr, config).ok) return res.writeHead(401).end()
    events.push(...(adapter.parseAsync ? await adapter.parseAsync(wr, config) : adapter.parse(wr, config)))
    res.writeHead(200).end('ok')
  })
  servers.push(server)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`, events }
}

describe('telegram simulator -> adapter', () => {
  it('delivers Updates with the secret header; wrong or missing secret gets 401', async () => {
    const sim = await startTelegramSimulator()
    closers.push(sim.close)
    const cfg = telegramAdapter.parseConfig({
      botToken: sim.botToken,
      secretToken: sim.secretToken,
      apiBaseUrl: sim.url,
    })
    const hook = await webhookRoute(telegramAdapter, cfg)
    const update = sim.textUpdate(
      { id: 4242, first_name: 'Cut', last_name: 'Meutia' },
      'Jalan rusak di Desa Blang',
    )
    expect((await sim.sendUpdate(hook.url, update)).status).toBe(200)
    expect((await sim.sendUpdate(hook.url, update, { secretToken: 'wrong' })).status).toBe(401)
    expect((await sim.sendUpdate(hook.url, update, { secretToken: null })).status).toBe(401)
    expect(hook.events).toEqual([
      expect.objectContaining({
        senderId: '4242',
        senderName: 'Cut Meutia',
        text: 'Jalan rusak di Desa Blang',
      }),
    ])
  })
  it('fails the scripted number of calls, then recovers', async () => {
    const sim = await startTelegramSimulator()
    closers.push(sim.close)
    const cfg = telegramAdapter.parseConfig({
      botToken: sim.botToken,
      secretToken: sim.secretToken,
      apiBaseUrl: sim.url,
    })
    sim.failNext(2, 502)
    const send = () => telegramAdapter.send({ to: '4242', text: 'hai', idempotencyKey: 'k' }, { config: cfg })
    expect((await send()).ok).toBe(false)
    expect((await send()).ok).toBe(false)
    expect((await send()).ok).toBe(true)
    expect(sim.calls).toHaveLength(3)
  })
})

describe('x simulator -> adapter', () => {
  it('passes the CRC check and delivers signed activity; a bad signature gets 401', async () => {
    const sim = await startXSimulator()
    closers.push(sim.close)
    const cfg = xAdapter.parseConfig({
      consumerSecret: sim.consumerSecret,
      accessToken: sim.accessToken,
      accountId: sim.accountId,
      apiBaseUrl: sim.url,
    })
    const hook = await webhookRoute(xAdapter, cfg)
    expect(await sim.crc(hook.url)).toMatchObject({ status: 200, valid: true })
    const citizen = { id: '777', name: 'Teuku Umar', screen_name: 'tumar' }
    expect((await sim.sendActivity(hook.url, sim.mention(citizen, 'banjir di Kuala'))).status).toBe(200)
    expect((await sim.sendActivity(hook.url, sim.directMessage(citizen, 'detail: rumah no 5'))).status).toBe(
      200,
    )
    expect(
      (await sim.sendActivity(hook.url, sim.directMessage(citizen, 'x'), { secret: 'not-the-secret' }))
        .status,
    ).toBe(401)
    expect((await sim.sendActivity(hook.url, sim.directMessage(citizen, 'x'), { secret: null })).status).toBe(
      401,
    )
    expect(hook.events).toEqual([
      expect.objectContaining({ isPublic: true, senderId: '777', text: '@PemdaSim banjir di Kuala' }),
      expect.objectContaining({
        isPublic: false,
        senderId: '777',
        senderName: 'Teuku Umar (@tumar)',
        text: 'detail: rumah no 5',
      }),
    ])
  })
})

describe('sms gateway simulator -> adapter', () => {
  it('pushes SMS and delivery reports as JSON and form posts; a wrong secret gets 401', async () => {
    const sim = await startSmsGatewaySimulator()
    closers.push(sim.close)
    const cfg = smsAdapter.parseConfig({
      apiBaseUrl: sim.url,
      apiKey: sim.apiKey,
      inboundSecret: sim.inboundSecret,
    })
    const hook = await webhookRoute(smsAdapter, cfg)
    expect((await sim.sendSms(hook.url, { from: '081377001122', text: 'STATUS NR-24-0001' })).status).toBe(
      200,
    )
    expect(
      (
        await sim.sendSms(
          hook.url,
          { from: '081377001122', text: 'LAPOR#Air#Kuala#PDAM mati' },
          { form: true },
        )
      ).status,
    ).toBe(200)
    const sent = await smsAdapter.send(
      { to: '6281377001122', text: 'Diterima', idempotencyKey: 'o1' },
      { config: cfg },
    )
    expect(
      (
        await sim.sendDeliveryReport(hook.url, {
          id: sent.ok ? sent.providerMessageId : '',
          status: 'DELIVRD',
        })
      ).status,
    ).toBe(200)
    expect(
      (await sim.sendSms(hook.url, { from: '0812', text: 'x' }, { secret: 'nope-nope-nope-nope' })).status,
    ).toBe(401)
    expect(hook.events.map((e) => (e.type === 'message' ? e.command : e.status))).toEqual([
      { kind: 'status', trackingCode: 'NR-24-0001' },
      { kind: 'report', category: 'Air', location: 'Kuala', text: 'PDAM mati' },
      'delivered',
    ])
  })
})

describe('e-mail relay -> adapter', () => {
  it('accepts a raw message with the relay secret through parseAsync; without it 401', async () => {
    const cfg = emailAdapter.parseConfig({
      smtpHost: 'localhost',
      fromAddress: 'pengaduan@naganrayakab.go.id',
      inboundSecret: 'relay-secret-000000001',
    })
    const hook = await webhookRoute(emailAdapter, cfg)
    const raw = await buildRawMail({
      from: 'Warga <warga@example.id>',
      to: 'pengaduan@naganrayakab.go.id',
      subject: 'Pungli',
      text: 'Ada pungli di kantor camat.',
      messageId: '<w1@example.id>',
    })
    expect((await postRawMail(hook.url, raw, 'relay-secret-000000001')).status).toBe(200)
    expect((await postRawMail(hook.url, raw, null)).status).toBe(401)
    expect(hook.events).toEqual([
      expect.objectContaining({
        providerEventId: '<w1@example.id>',
        senderEmail: 'warga@example.id',
        text: 'Ada pungli di kantor camat.',
      }),
    ])
  })
})
