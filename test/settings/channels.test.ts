// Channel accounts: edit (secrets write-only, the webhook cache invalidated) and test against the
// provider simulators, on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADAPTERS, ADAPTER_TYPES } from '../../src/channels/registry.ts'
import { CHANNEL_TYPES_INFO } from '../../src/settings/channel-fields.ts'
import { as, createTestApp, login, makeAgency, makeTenant, makeUser, type Session, type TestApp } from '../harness/app.ts'
import { BACKENDS } from '../harness/db.ts'
import { defaultAccounts, metaChannelConfigs, SIM_PHONE_NUMBER_ID, startMetaSimulator, type MetaSimulator } from '../simulators/meta.ts'
import { startTelegramSimulator } from '../simulators/telegram.ts'

describe('channel field catalogue', () => {
  it('covers every adapter, and marks exactly the adapter secret keys as secret', () => {
    expect(CHANNEL_TYPES_INFO.map((i) => i.type).sort()).toEqual([...ADAPTER_TYPES].sort())
    for (const info of CHANNEL_TYPES_INFO) {
      const secret = info.fields.filter((f) => f.kind === 'secret').map((f) => f.key).sort()
      expect(secret, info.type).toEqual([...ADAPTERS[info.type].secretKeys].sort())
    }
  })
})

describe.each(BACKENDS)('channel accounts: edit and test on %s', (backend) => {
  let t: TestApp
  let admin: Session
  let agencyUser: Session
  let tg: Awaited<ReturnType<typeof startTelegramSimulator>>
  let meta: MetaSimulator
  let base: string
  beforeAll(async () => {
    t = await createTestApp(backend)
    tg = await startTelegramSimulator()
    meta = await startMetaSimulator()
    base = await t.app.listen({ port: 0, host: '127.0.0.1' })
    const tenant = await makeTenant(t.ctx)
    admin = await login(t.app, (await makeUser(t.ctx, tenant.id, 'super_admin')).email)
    const a = await makeAgency(t.ctx, tenant.id, 'pupr')
    agencyUser = await login(t.app, (await makeUser(t.ctx, tenant.id, 'agency_admin', a.id)).email)
  }, 180_000)
  afterAll(async () => {
    await tg?.close()
    await meta?.close()
    await t?.close()
  })

  it('edits a Telegram bot: secrets never returned, kept when left empty, and the webhook follows at once', async () => {
    const c = await as(t.app, admin)('POST', '/api/channels', {
      type: 'telegram',
      name: 'Bot Pemda',
      config: { botToken: tg.botToken, secretToken: 'old-secret', apiBaseUrl: tg.url },
    })
    expect(c.statusCode, c.body).toBe(201)
    const id = c.json().id
    expect(c.json().secretsStored.sort()).toEqual(['botToken', 'secretToken'])
    expect(c.body).not.toContain(tg.botToken)
    // The webhook accepts the old secret (and caches the account).
    const webhook = `${base}/webhooks/telegram/${id}`
    const update = tg.textUpdate({ id: 42, first_name: 'Budi' }, 'Halo')
    expect((await tg.sendUpdate(webhook, update, { secretToken: 'old-secret' })).status).toBe(200)

    const p = await as(t.app, admin)('PATCH', `/api/channels/${id}`, { name: 'Bot Aduan', config: { secretToken: 'new-secret', botToken: '' } })
    expect(p.statusCode, p.body).toBe(200)
    expect(p.json()).toMatchObject({ name: 'Bot Aduan', secretsStored: expect.arrayContaining(['botToken', 'secretToken']) })
    expect(p.body).not.toContain('new-secret')
    // Invalidated: the old secret is refused now, the new one accepted.
    expect((await tg.sendUpdate(webhook, tg.textUpdate({ id: 42, first_name: 'Budi' }, 'Halo lagi'), { secretToken: 'old-secret' })).status).toBe(401)
    expect((await tg.sendUpdate(webhook, tg.textUpdate({ id: 42, first_name: 'Budi' }, 'Halo lagi'), { secretToken: 'new-secret' })).status).toBe(200)

    const test = await as(t.app, admin)('POST', `/api/channels/${id}/test`)
    expect(test.statusCode, test.body).toBe(200)
    expect(test.json()).toMatchObject({ ok: true, checks: [{ step: 'config', ok: true }, { step: 'provider', ok: true }] })
    expect(tg.calls.some((x) => x.method === 'getMe')).toBe(true)

    // A wrong token: the test reports the refusal in both languages; nothing leaks the token.
    await as(t.app, admin)('PATCH', `/api/channels/${id}`, { config: { botToken: '7000000001:AAwrongTokenForTests' } })
    const bad = (await as(t.app, admin)('POST', `/api/channels/${id}/test`)).json()
    expect(bad.ok).toBe(false)
    expect(bad.message.id).toContain('menolak token')
    expect(bad.message.en).toContain('rejected the token')
    expect(JSON.stringify(bad)).not.toContain('AAwrongTokenForTests')

    expect((await as(t.app, admin)('PATCH', `/api/channels/${id}`, { active: false })).json().active).toBe(false)
  })

  it('tests a WhatsApp account against the Graph phone-number node: accepted, then a token Meta refuses', async () => {
    const c = await as(t.app, admin)('POST', '/api/channels', { type: 'whatsapp', name: 'WA Pemda', config: metaChannelConfigs(meta.url).whatsapp })
    expect(c.statusCode, c.body).toBe(201)
    const id = c.json().id
    meta.setAccount({ ...defaultAccounts()[0]!, accessToken: 'EAA-sim-whatsapp' })
    meta.reset()
    const ok = await as(t.app, admin)('POST', `/api/channels/${id}/test`)
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toMatchObject({
      ok: true,
      checks: [{ step: 'config', ok: true }, { step: 'provider', ok: true }],
      message: { id: 'Meta menerima kredensial.', en: 'Meta accepted the credentials.' },
    })
    const [call] = meta.calls
    expect(call).toMatchObject({ method: 'GET', path: `/v21.0/${SIM_PHONE_NUMBER_ID}`, status: 200, headers: { authorization: 'Bearer EAA-sim-whatsapp' } })
    // What Graph answers for that node (the simulator speaks its format, fields filtered as asked).
    const node = await fetch(`${meta.url}/v21.0/${SIM_PHONE_NUMBER_ID}`, { headers: { authorization: 'Bearer EAA-sim-whatsapp' } })
    expect(await node.json()).toMatchObject({ id: SIM_PHONE_NUMBER_ID, display_phone_number: expect.stringMatching(/^\+62 /), verified_name: expect.any(String), quality_rating: 'GREEN' })

    await as(t.app, admin)('PATCH', `/api/channels/${id}`, { config: { accessToken: 'EAA-revoked-token' } })
    const bad = (await as(t.app, admin)('POST', `/api/channels/${id}/test`)).json()
    expect(bad).toMatchObject({ ok: false, checks: [{ step: 'config', ok: true }, { step: 'provider', ok: false }] })
    expect(bad.message.en).toContain('Meta rejected the token (HTTP 401)')
    expect(JSON.stringify(bad)).not.toContain('EAA-revoked-token')
    meta.setAccount(defaultAccounts()[0]!)
  })

  it('refuses an invalid config with problem+json, and agency users', async () => {
    const c = await as(t.app, admin)('POST', '/api/channels', { type: 'whatsapp', name: 'WA', config: metaChannelConfigs(meta.url).whatsapp })
    const id = c.json().id
    const bad = await as(t.app, admin)('PATCH', `/api/channels/${id}`, { config: { phoneNumberId: '+62 811' } })
    expect(bad.statusCode).toBe(400)
    expect(bad.headers['content-type']).toContain('application/problem+json')
    expect(bad.json().message.id).toContain('tidak valid')
    expect((await as(t.app, agencyUser)('PATCH', `/api/channels/${id}`, { name: 'x' })).statusCode).toBe(403)
    expect((await as(t.app, agencyUser)('POST', `/api/channels/${id}/test`)).statusCode).toBe(403)
    expect((await as(t.app, admin)('PATCH', '/api/channels/00000000-0000-4000-8000-000000000000', { name: 'x' })).statusCode).toBe(404)
    // A Graph token the simulator rejects; an unreachable provider.
    await as(t.app, admin)('PATCH', `/api/channels/${id}`, { config: { apiBaseUrl: 'http://127.0.0.1:9' } })
    const down = (await as(t.app, admin)('POST', `/api/channels/${id}/test`)).json()
    expect(down).toMatchObject({ ok: false })
    expect(down.message.en).toContain('cannot be reached')
    const types = (await as(t.app, admin)('GET', '/api/channels/types')).json().items
    expect(types.find((x: { type: string }) => x.type === 'whatsapp').fields.length).toBeGreaterThan(3)
  })
})
