// Linking a person's identities across channels, on both databases: two citizens' identities
// (WhatsApp and Telegram) become one contact with both conversations and reports; reports keep
// working; a new message from either identity stays in its own thread; a contact with an
// anonymous report is neither offered nor linkable; unlinking gives the identity a new contact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startJobs, type JobRuntime } from '../../src/jobs/index.ts'
import { as, createTestApp, login, makeTenant, makeUser, type Session, type TestApp } from '../harness/app.ts'
import { BACKENDS } from '../harness/db.ts'
import { metaChannelConfigs, startMetaSimulator, type MetaSimulator } from '../simulators/meta.ts'
import { startTelegramSimulator, type TelegramSimulator } from '../simulators/telegram.ts'

const WA = '6281277770001'
const WA_ANON = '6281277770009'

describe.each(BACKENDS)('contact linking on %s', (backend) => {
  let t: TestApp
  let meta: MetaSimulator
  let tg: TelegramSimulator
  let jobs: JobRuntime
  let base: string
  let op: Session
  let agency: Session
  let waUrl: string
  let tgUrl: string
  beforeAll(async () => {
    t = await createTestApp(backend)
    meta = await startMetaSimulator()
    tg = await startTelegramSimulator()
    base = await t.app.listen({ port: 0, host: '127.0.0.1' })
    jobs = await startJobs(t.ctx, { schedules: false })
    const tenant = await makeTenant(t.ctx)
    op = await login(t.app, (await makeUser(t.ctx, tenant.id, 'operator')).email)
    agency = await login(t.app, (await makeUser(t.ctx, tenant.id, 'leader')).email)
    const wa = await as(t.app, op)('POST', '/api/channels', { type: 'whatsapp', name: 'WA', config: metaChannelConfigs(meta.url).whatsapp })
    const tgc = await as(t.app, op)('POST', '/api/channels', {
      type: 'telegram',
      name: 'Bot',
      config: { botToken: tg.botToken, secretToken: tg.secretToken, apiBaseUrl: tg.url },
    })
    expect(wa.statusCode, wa.body).toBe(201)
    expect(tgc.statusCode, tgc.body).toBe(201)
    waUrl = `${base}/webhooks/whatsapp/${wa.json().id}`
    tgUrl = `${base}/webhooks/telegram/${tgc.json().id}`
  })
  afterAll(async () => {
    await jobs?.stop(2000)
    await meta?.close()
    await tg?.close()
    await t?.close()
  })

  const contactOf = async (externalId: string) =>
    (await t.ctx.database.query<{ contact_id: string }>('select contact_id from contact_identities where external_id = $1', [externalId]))[0]!.contact_id
  const wa = (from: string, name: string, text: string) => meta.sendWhatsAppText({ url: waUrl, appSecret: 'sim-app-secret', from, name, text })

  it('links a Telegram identity into a WhatsApp contact: identities, conversations and reports move, audited', async () => {
    expect((await wa(WA, 'Dewi Lestari', 'Saluran air di depan SD 3 tersumbat, banjir tiap hujan')).status).toBe(200)
    expect((await tg.sendUpdate(tgUrl, tg.textUpdate({ id: 5550001, first_name: 'Dewi', last_name: 'L' }, 'Jembatan kayu di dusun 2 patah, warga tidak bisa lewat'))).status).toBe(200)
    await jobs.worker.drain(['inbound', 'outbox'])
    const a = await contactOf(WA)
    const b = await contactOf('5550001')
    expect(a).not.toBe(b)

    // Search by a handle and by part of a phone number; an agency-side role may not.
    const byName = await as(t.app, op)('GET', '/api/contacts?q=Dewi')
    expect(byName.statusCode, byName.body).toBe(200)
    expect(byName.json().items.map((c: { id: string }) => c.id).sort()).toEqual([a, b].sort())
    expect((await as(t.app, op)('GET', '/api/contacts?q=77770001')).json().items.map((c: { id: string }) => c.id)).toEqual([a])
    expect((await as(t.app, agency)('GET', '/api/contacts?q=Dewi')).statusCode).toBe(403)
    expect((await as(t.app, agency)('POST', `/api/contacts/${a}/links`, { otherContactId: b })).statusCode).toBe(403)

    const res = await as(t.app, op)('POST', `/api/contacts/${a}/links`, { otherContactId: b })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().identities.map((i: { channelType: string }) => i.channelType).sort()).toEqual(['telegram', 'whatsapp'])
    expect(res.json()).toMatchObject({ conversations: 2, reports: 2, protected: false })
    const [tomb] = await t.ctx.database.query<{ merged_into_id: string }>('select merged_into_id from contacts where id = $1', [b])
    expect(tomb!.merged_into_id).toBe(a)
    const audit = await t.ctx.database.query<{ action: string; contact_id: string; other_contact_id: string; moved: Record<string, number> }>(
      'select action, contact_id, other_contact_id, moved from contact_link_events',
    )
    expect(audit).toEqual([{ action: 'link', contact_id: a, other_contact_id: b, moved: { identities: 1, conversations: 1, reports: 1 } }])
    // Reports keep working: both readable, both on the same contact.
    const reps = await t.ctx.database.query<{ id: string; contact_id: string }>('select id, contact_id from reports')
    expect(reps.every((r) => r.contact_id === a)).toBe(true)
    for (const r of reps) expect((await as(t.app, op)('GET', `/api/reports/${r.id}`)).statusCode).toBe(200)
    // Linking again, or into itself, is refused.
    expect((await as(t.app, op)('POST', `/api/contacts/${a}/links`, { otherContactId: b })).statusCode).toBe(409)
    expect((await as(t.app, op)('POST', `/api/contacts/${a}/links`, { otherContactId: a })).statusCode).toBe(400)
  })

  it('a new Telegram message after the link stays in the Telegram thread', async () => {
    const before = await t.ctx.database.query('select id from conversations')
    await tg.sendUpdate(tgUrl, tg.textUpdate({ id: 5550001, first_name: 'Dewi', last_name: 'L' }, 'Tambahan: jembatannya di RT 04'))
    await jobs.worker.drain(['inbound', 'outbox'])
    expect(await t.ctx.database.query('select id from conversations')).toHaveLength(before.length)
    const [m] = await t.ctx.database.query<{ channel_type: string }>(
      `select c.channel_type from messages m join conversations c on c.id = m.conversation_id where m.body like 'Tambahan%'`,
    )
    expect(m!.channel_type).toBe('telegram')
  })

  it('a contact with an anonymous report is not offered and cannot be linked', async () => {
    await wa(WA_ANON, 'Dewi Anonim', 'Ada pungutan liar di kantor desa, saya tidak mau disebut namanya')
    await jobs.worker.drain(['inbound', 'outbox'])
    const anon = await contactOf(WA_ANON)
    await t.ctx.database.query('update reports set is_anonymous = true where contact_id = $1', [anon])
    const found = (await as(t.app, op)('GET', '/api/contacts?q=Dewi')).json().items.map((c: { id: string }) => c.id)
    expect(found).not.toContain(anon)
    const a = await contactOf(WA)
    const r = await as(t.app, op)('POST', `/api/contacts/${a}/links`, { otherContactId: anon })
    expect(r.statusCode).toBe(409)
    expect(r.json().message?.id ?? r.body).toContain('anonim')
    expect((await as(t.app, op)('POST', `/api/contacts/${anon}/links`, { otherContactId: a })).statusCode).toBe(409)
    expect((await as(t.app, op)('GET', `/api/contacts/${anon}`)).json().protected).toBe(true)
  })

  it('unlinking an identity moves it with its conversation and report into a new contact', async () => {
    const a = await contactOf(WA)
    const view = (await as(t.app, op)('GET', `/api/contacts/${a}`)).json()
    const tgIdentity = view.identities.find((i: { channelType: string }) => i.channelType === 'telegram')
    const waIdentity = view.identities.find((i: { channelType: string }) => i.channelType === 'whatsapp')
    const r = await as(t.app, op)('DELETE', `/api/contacts/${a}/identities/${tgIdentity.id}`)
    expect(r.statusCode, r.body).toBe(200)
    const fresh = r.json().newContactId as string
    expect(await contactOf('5550001')).toBe(fresh)
    const moved = await t.ctx.database.query<{ n: number }>('select count(*)::int as n from reports where contact_id = $1', [fresh])
    expect(moved[0]!.n).toBe(1)
    expect((await as(t.app, op)('GET', `/api/contacts/${a}`)).json()).toMatchObject({ conversations: 1, reports: 1 })
    // The last identity cannot be unlinked; an unknown one is 404.
    expect((await as(t.app, op)('DELETE', `/api/contacts/${a}/identities/${waIdentity.id}`)).statusCode).toBe(409)
    expect((await as(t.app, op)('DELETE', `/api/contacts/${a}/identities/${tgIdentity.id}`)).statusCode).toBe(404)
    const actions = await t.ctx.database.query<{ action: string }>('select action from contact_link_events order by id')
    expect(actions.map((x) => x.action)).toEqual(['link', 'unlink'])
  })
})
