// Channel accounts through the API and the durable webhook route, on PGlite and PostgreSQL:
// secrets encrypted and never returned, the WhatsApp handshake, signed webhooks stored once
// with one job each however often they are redelivered, and bad signatures refused with nothing stored.
import { readFileSync } from 'node:fs'
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadChannelConfig } from '../../src/channels/accounts.ts'
import { signMetaPayload } from '../../src/channels/meta/webhook-security.ts'
import { channelAccounts, inboundEvents, jobs } from '../../src/db/schema/index.ts'
import { BACKENDS } from '../harness/db.ts'
import { as, createTestApp, login, makeTenant, makeUser, type Session, type TestApp } from '../harness/app.ts'
import { metaChannelConfigs, metaJson, whatsappStatusPayload, whatsappTextPayload } from '../simulators/meta.ts'

const WA = metaChannelConfigs('http://127.0.0.1:9/graph').whatsapp
const TG = { botToken: '7000000001:AAHsimulatorTokenForTestsOnly_x1', secretToken: 'sim-secret-token', apiBaseUrl: 'http://127.0.0.1:9' }

describe.each(BACKENDS)('channel accounts and webhooks on %s', (backend) => {
  let t: TestApp
  let tenantId: string
  let admin: Session
  let wa: { id: string; webhookUrl: string }
  let tg: { id: string; webhookUrl: string }

  const path = (u: string) => new URL(u).pathname
  const countEvents = async (accountId: string) =>
    (await t.ctx.db.select({ n: sql<number>`count(*)::int` }).from(inboundEvents).where(eq(inboundEvents.channelAccountId, accountId)))[0]!.n
  const countJobs = async (accountId: string) =>
    (
      await t.ctx.db
        .select({ n: sql<number>`count(*)::int` })
        .from(jobs)
        .where(and(eq(jobs.queue, 'inbound'), sql`${jobs.payload}->'events' @> ${JSON.stringify([{ channelAccountId: accountId }])}::jsonb`))
    )[0]!.n

  function postWhatsApp(raw: string, signature: string | null, url = wa.webhookUrl) {
    return t.app.inject({
      method: 'POST',
      url: path(url),
      headers: { 'content-type': 'application/json', ...(signature ? { 'x-hub-signature-256': signature } : {}) },
      payload: raw,
    })
  }

  beforeAll(async () => {
    t = await createTestApp(backend)
    tenantId = (await makeTenant(t.ctx)).id
    admin = await login(t.app, (await makeUser(t.ctx, tenantId, 'super_admin')).email)
    const operator = await login(t.app, (await makeUser(t.ctx, tenantId, 'operator')).email)
    const r1 = await as(t.app, admin)('POST', '/api/channels', { type: 'whatsapp', name: 'WA Pemda', config: WA })
    expect(r1.statusCode, r1.body).toBe(201)
    wa = r1.json()
    const r2 = await as(t.app, operator)('POST', '/api/channels', { type: 'telegram', name: 'Bot Pemda', config: TG })
    expect(r2.statusCode, r2.body).toBe(201)
    tg = r2.json()
  })
  afterAll(async () => t?.close())

  it('creates accounts with a webhook URL and returns no secret', async () => {
    expect(wa.webhookUrl).toBe(`http://localhost:3000/webhooks/whatsapp/${wa.id}`)
    expect(tg.webhookUrl).toBe(`http://localhost:3000/webhooks/telegram/${tg.id}`)
    const created = wa as unknown as { config: Record<string, unknown>; type: string; name: string }
    expect(created.type).toBe('whatsapp')
    expect(created.config.phoneNumberId).toBe(WA.phoneNumberId)
    for (const s of [WA.accessToken, WA.appSecret, WA.verifyToken]) expect(JSON.stringify(wa)).not.toContain(s)
    for (const s of [TG.botToken, TG.secretToken]) expect(JSON.stringify(tg)).not.toContain(s)

    const list = await as(t.app, admin)('GET', '/api/channels')
    expect(list.statusCode).toBe(200)
    expect(list.json().items).toHaveLength(2)
    for (const s of [WA.accessToken, WA.appSecret, WA.verifyToken, TG.botToken, TG.secretToken]) expect(list.body).not.toContain(s)
  })

  it('stores secrets encrypted, outside public_config, and decrypts them for adapters', async () => {
    const rows = await t.ctx.db.select().from(channelAccounts).where(eq(channelAccounts.tenantId, tenantId))
    for (const r of rows) {
      const stored = JSON.stringify(r)
      for (const s of [WA.accessToken, WA.appSecret, WA.verifyToken, TG.botToken, TG.secretToken]) expect(stored).not.toContain(s)
    }
    const waRow = rows.find((r) => r.id === wa.id)!
    expect(Object.keys(waRow.publicConfig)).not.toContain('appSecret')
    const cfg = await loadChannelConfig(t.ctx, tenantId, wa.id)
    expect(cfg).toMatchObject({ phoneNumberId: WA.phoneNumberId, accessToken: WA.accessToken, appSecret: WA.appSecret, verifyToken: WA.verifyToken })
    expect(await loadChannelConfig(t.ctx, tenantId, tg.id)).toMatchObject({ botToken: TG.botToken, secretToken: TG.secretToken })
  })

  it('refuses a bad config with a bilingual 400 and roles other than super_admin/operator', async () => {
    const r = await as(t.app, admin)('POST', '/api/channels', { type: 'whatsapp', name: 'x', config: { phoneNumberId: '+62 811' } })
    expect(r.statusCode).toBe(400)
    expect(r.headers['content-type']).toContain('application/problem+json')
    expect(r.json().message.id).toMatch(/tidak valid/)
    expect(r.json().message.en).toMatch(/Invalid whatsapp/)
    const leader = await login(t.app, (await makeUser(t.ctx, tenantId, 'leader')).email)
    expect((await as(t.app, leader)('POST', '/api/channels', { type: 'telegram', name: 'x', config: TG })).statusCode).toBe(403)
    expect((await as(t.app, leader)('GET', '/api/channels')).statusCode).toBe(403)
    expect((await t.app.inject({ method: 'GET', url: '/api/channels' })).statusCode).toBe(401)
  })

  it('answers the WhatsApp GET handshake', async () => {
    const ok = await t.app.inject({
      method: 'GET',
      url: `${path(wa.webhookUrl)}?hub.mode=subscribe&hub.verify_token=${WA.verifyToken}&hub.challenge=1158201444`,
    })
    expect(ok.statusCode).toBe(200)
    expect(ok.body).toBe('1158201444')
    const bad = await t.app.inject({ method: 'GET', url: `${path(wa.webhookUrl)}?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1` })
    expect(bad.statusCode).toBe(403)
  })

  it('404s an unknown channel id or a type that does not match', async () => {
    const raw = metaJson(whatsappTextPayload({ from: '6281234567890', text: 'x' }).payload)
    const sig = signMetaPayload(raw, WA.appSecret)
    expect((await postWhatsApp(raw, sig, `http://h/webhooks/whatsapp/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404)
    expect((await postWhatsApp(raw, sig, `http://h/webhooks/messenger/${wa.id}`)).statusCode).toBe(404)
    expect((await postWhatsApp(raw, sig, `http://h/webhooks/nope/${wa.id}`)).statusCode).toBe(404)
    expect((await postWhatsApp(raw, sig, `http://h/webhooks/whatsapp/not-a-uuid`)).statusCode).toBe(404)
  })

  it('stores a signed WhatsApp webhook once and enqueues one job, however often it is delivered', async () => {
    const before = { e: await countEvents(wa.id), j: await countJobs(wa.id) }
    const built = whatsappTextPayload({ from: '6281234567890', name: 'Budi Santoso', text: 'Jalan rusak di Jl. Merdeka / dekat pasar — mohon diperbaiki' })
    const raw = metaJson(built.payload)
    const sig = signMetaPayload(raw, WA.appSecret)
    for (let i = 0; i < 5; i++) {
      const r = await postWhatsApp(raw, sig)
      expect(r.statusCode, r.body).toBe(200)
    }
    expect(await countEvents(wa.id)).toBe(before.e + 1)
    expect(await countJobs(wa.id)).toBe(before.j + 1)
    const [row] = await t.ctx.db.select().from(inboundEvents).where(eq(inboundEvents.providerEventId, built.id))
    expect(row).toMatchObject({ tenantId, channelType: 'whatsapp', status: 'pending', body: raw })
    // One job per group commit (up to INBOUND_EVENTS_PER_JOB events): here the one event.
    const [job] = await t.ctx.db.select().from(jobs).where(sql`${jobs.payload}->'events' @> ${JSON.stringify([{ providerEventId: built.id }])}::jsonb`)
    expect(job).toMatchObject({ queue: 'inbound', priority: 0, tenantId })
    expect(job!.payload).toMatchObject({ events: [{ inboundEventId: row!.id, event: { type: 'message', senderId: '6281234567890' } }] })
  })

  it('stores delivery statuses too', async () => {
    const built = whatsappStatusPayload({ messageId: 'wamid.HBgLNjI4MTIzNDU2Nzg5MBUCABEYEjQ1', recipientId: '6281234567890', status: 'delivered' })
    const raw = metaJson(built.payload)
    const r = await postWhatsApp(raw, signMetaPayload(raw, WA.appSecret))
    expect(r.statusCode, r.body).toBe(200)
    expect((await t.ctx.db.select().from(inboundEvents).where(eq(inboundEvents.providerEventId, built.id))).length).toBe(1)
  })

  it('refuses a wrong or missing signature with 401 and stores nothing', async () => {
    const before = { e: await countEvents(wa.id), j: await countJobs(wa.id) }
    const raw = metaJson(whatsappTextPayload({ from: '6281234567890', text: 'palsu' }).payload)
    for (const sig of [null, signMetaPayload(raw, 'wrong-secret'), 'sha256=zz', signMetaPayload(raw + ' ', WA.appSecret)]) {
      const r = await postWhatsApp(raw, sig)
      expect(r.statusCode).toBe(401)
      expect(r.headers['content-type']).toContain('application/problem+json')
    }
    expect(await countEvents(wa.id)).toBe(before.e)
    expect(await countJobs(wa.id)).toBe(before.j)
  })

  it('stores a verified but unparsable payload as one failed event', async () => {
    const before = await countJobs(wa.id)
    const raw = '{"object":"whatsapp_business_account","entry":[{'
    for (let i = 0; i < 2; i++) expect((await postWhatsApp(raw, signMetaPayload(raw, WA.appSecret))).statusCode).toBe(200)
    const rows = await t.ctx.db.select().from(inboundEvents).where(and(eq(inboundEvents.channelAccountId, wa.id), eq(inboundEvents.status, 'failed')))
    expect(rows).toHaveLength(1)
    expect(rows[0]!.providerEventId).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(rows[0]!.body).toBe(raw)
    expect(await countJobs(wa.id)).toBe(before)
  })

  it('keeps form-encoded and content-type-less bodies byte for byte (SMS gateway)', async () => {
    const SMS = { apiBaseUrl: 'http://127.0.0.1:9', apiKey: 'sms-api-key', inboundSecret: 'sms-inbound-secret-0123' }
    const c = await as(t.app, admin)('POST', '/api/channels', { type: 'sms', name: 'SMS', config: SMS })
    expect(c.statusCode, c.body).toBe(201)
    const sms = c.json() as { id: string; webhookUrl: string }
    const form = readFileSync(new URL('../../src/channels/sms/fixtures/lapor-keyword.form', import.meta.url))
    const post = (headers: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: path(sms.webhookUrl), headers, payload: form })
    expect((await post({ 'content-type': 'application/x-www-form-urlencoded' })).statusCode).toBe(401)
    const ok = await post({ 'content-type': 'application/x-www-form-urlencoded', 'x-aduan-sms-secret': SMS.inboundSecret })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json().stored).toBe(1)
    const [row] = await t.ctx.db.select().from(inboundEvents).where(eq(inboundEvents.channelAccountId, sms.id))
    expect(row!.body).toBe(form.toString('utf8'))
    expect(row!.status).toBe('pending')
    expect((await post({ 'content-type': 'application/x-www-form-urlencoded', 'x-aduan-sms-secret': SMS.inboundSecret })).json()).toMatchObject({ events: 1, stored: 0 })
    expect(await countEvents(sms.id)).toBe(1)
  })

  it('checks the Telegram secret-token header', async () => {
    const update = {
      update_id: 900000001,
      message: { message_id: 10, from: { id: 5511223344, is_bot: false, first_name: 'Siti' }, chat: { id: 5511223344, first_name: 'Siti', type: 'private' }, date: 1763866800, text: 'Lampu jalan mati' },
    }
    const send = (secret: string | null) =>
      t.app.inject({
        method: 'POST',
        url: path(tg.webhookUrl),
        headers: { 'content-type': 'application/json', ...(secret !== null ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
        payload: JSON.stringify(update),
      })
    expect((await send(null)).statusCode).toBe(401)
    expect((await send('wrong')).statusCode).toBe(401)
    expect(await countEvents(tg.id)).toBe(0)
    for (let i = 0; i < 3; i++) expect((await send(TG.secretToken)).statusCode).toBe(200)
    expect(await countEvents(tg.id)).toBe(1)
    expect(await countJobs(tg.id)).toBe(1)
    expect((await t.app.inject({ method: 'GET', url: path(tg.webhookUrl) })).statusCode).toBe(405)
    // No content-type at all: the bytes still reach the adapter.
    const bare = await t.app.inject({
      method: 'POST',
      url: path(tg.webhookUrl),
      headers: { 'x-telegram-bot-api-secret-token': TG.secretToken },
      payload: Buffer.from(JSON.stringify({ ...update, update_id: 900000002, message: { ...update.message, message_id: 11 } })),
    })
    expect(bare.statusCode, bare.body).toBe(200)
    expect(bare.json()).toMatchObject({ events: 1, stored: 1 })
  })
})
