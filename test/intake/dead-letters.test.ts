// Dead letters end to end through real HTTP on both databases: a WhatsApp complaint whose
// processing throws (a database trigger stands in for a bug) is retried to its last attempt and
// ends dead -> operators see it without the payload, only a super admin reads the raw body -> the
// bug is fixed -> a replay (twice, and once more after it was processed) gives exactly one message,
// one report and one acknowledgement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startJobs, type JobRuntime } from '../../src/jobs/index.ts'
import { as, createTestApp, login, makeTenant, makeUser, type Session, type TestApp } from '../harness/app.ts'
import { BACKENDS } from '../harness/db.ts'
import { metaChannelConfigs, newWamid, startMetaSimulator, type MetaSimulator } from '../simulators/meta.ts'

const PHONE = '6281299990001'
const TEXT = 'Lampu jalan di simpang GAGAL-UJI mati sejak seminggu, mohon diperbaiki'

describe.each(BACKENDS)('dead-lettered inbound events on %s', (backend) => {
  let t: TestApp
  let sim: MetaSimulator
  let jobs: JobRuntime
  let base: string
  let op: Session
  let admin: Session
  let channelId: string
  beforeAll(async () => {
    t = await createTestApp(backend)
    sim = await startMetaSimulator()
    base = await t.app.listen({ port: 0, host: '127.0.0.1' })
    jobs = await startJobs(t.ctx, { schedules: false, backoff: () => 0 })
    const tenant = await makeTenant(t.ctx)
    op = await login(t.app, (await makeUser(t.ctx, tenant.id, 'operator')).email)
    admin = await login(t.app, (await makeUser(t.ctx, tenant.id, 'super_admin')).email)
    const res = await as(t.app, op)('POST', '/api/channels', { type: 'whatsapp', name: 'WA Pemkab', config: metaChannelConfigs(sim.url).whatsapp })
    expect(res.statusCode, res.body).toBe(201)
    channelId = res.json().id
  })
  afterAll(async () => {
    await t?.ctx.database.query('drop trigger if exists aduan_test_fail on messages').catch(() => {})
    await jobs?.stop(2000)
    await sim?.close()
    await t?.close()
  })

  const count = async (q: string) => Number((await t.ctx.database.query<{ n: number }>(q))[0]!.n)

  it('an event whose processing keeps failing ends dead, visible to operators without its payload', async () => {
    await t.ctx.database.query(`create or replace function aduan_test_fail() returns trigger language plpgsql as $$
      begin if new.direction = 'in' and new.body like '%GAGAL-UJI%' then raise exception 'simulated intake bug'; end if; return new; end $$`)
    await t.ctx.database.query('create trigger aduan_test_fail before insert on messages for each row execute function aduan_test_fail()')
    const d = await sim.sendWhatsAppText({ url: `${base}/webhooks/whatsapp/${channelId}`, appSecret: 'sim-app-secret', from: PHONE, name: 'Siti', text: TEXT, id: newWamid() })
    expect(d.status).toBe(200)
    await jobs.worker.drain(['inbound'])
    const [ev] = await t.ctx.database.query<{ status: string; attempts: number; last_error: string }>('select status, attempts, last_error from inbound_events')
    expect(ev).toMatchObject({ status: 'dead', attempts: 8 })
    expect(ev!.last_error).toContain('simulated intake bug')
    expect(ev!.last_error).not.toContain(PHONE) // the driver's message only, never the query's params
    expect(await count(`select count(*)::int as n from jobs where queue = 'inbound' and status = 'dead'`)).toBe(1)
    expect(await count('select count(*)::int as n from messages')).toBe(0)

    const list = await as(t.app, op)('GET', '/api/inbound-events/dead')
    expect(list.statusCode, list.body).toBe(200)
    expect(list.json().items).toHaveLength(1)
    expect(list.json().items[0]).toMatchObject({ status: 'dead', channelType: 'whatsapp', channelName: 'WA Pemkab', attempts: 8 })
    expect(list.body).not.toContain(PHONE)
    expect(list.body).not.toContain('Siti')
    expect(list.body).not.toContain('GAGAL-UJI')
    expect((await as(t.app, op)('GET', '/api/inbound-events/dead?channel=telegram')).json().items).toHaveLength(0)

    const id = list.json().items[0].id
    expect((await as(t.app, op)('GET', `/api/inbound-events/${id}`)).statusCode).toBe(403)
    const detail = await as(t.app, admin)('GET', `/api/inbound-events/${id}`)
    expect(detail.statusCode).toBe(200)
    expect(detail.json().body).toContain('GAGAL-UJI')
    expect((await as(t.app, admin)('GET', '/api/inbound-events/999999')).statusCode).toBe(404)
    expect((await as(t.app, op)('GET', '/api/inbound-events/abc')).statusCode).toBe(400)
  })

  it('after the fix, replaying (twice) gives one message, one report and one acknowledgement', async () => {
    await t.ctx.database.query('drop trigger aduan_test_fail on messages')
    const [{ id }] = (await as(t.app, op)('GET', '/api/inbound-events/dead')).json().items as { id: number }[]
    const r1 = await as(t.app, op)('POST', `/api/inbound-events/${id}/replay`)
    expect(r1.statusCode, r1.body).toBe(200)
    expect(r1.json()).toMatchObject({ outcome: 'queued', status: 'pending', events: 1 })
    const r2 = await as(t.app, op)('POST', `/api/inbound-events/${id}/replay`)
    // The worker may already have processed it (NOTIFY wakes it at once): either way, a no-op.
    expect(['already_queued', 'already_processed']).toContain(r2.json().outcome)
    await jobs.worker.drain(['inbound', 'outbox'])
    expect(await count('select count(*)::int as n from messages where direction = $$in$$')).toBe(1)
    expect(await count('select count(*)::int as n from reports')).toBe(1)
    const [rep] = await t.ctx.database.query<{ tracking_code: string }>('select tracking_code from reports')
    const acks = await sim.waitForCalls((c) => JSON.stringify(c.body ?? '').includes(rep!.tracking_code))
    expect(acks).toHaveLength(1)

    const r3 = await as(t.app, op)('POST', `/api/inbound-events/${id}/replay`)
    expect(r3.json()).toMatchObject({ outcome: 'already_processed' })
    await jobs.worker.drain(['inbound', 'outbox'])
    expect(await count('select count(*)::int as n from messages where direction = $$in$$')).toBe(1)
    expect(await count('select count(*)::int as n from reports')).toBe(1)
    expect(await count(`select count(*)::int as n from outbound_messages where idempotency_key like 'ack:%'`)).toBe(1)
    expect((await as(t.app, op)('GET', '/api/inbound-events/dead')).json().items).toHaveLength(0)
    expect((await as(t.app, op)('POST', '/api/inbound-events/424242/replay')).statusCode).toBe(404)
  })

  it('a verified but unparsable body is listed as failed; its replay stays refused while it still cannot be parsed', async () => {
    const body = Buffer.from('{"object":"whatsapp_business_account","entry":')
    const { createHmac } = await import('node:crypto')
    const sig = `sha256=${createHmac('sha256', 'sim-app-secret').update(body).digest('hex')}`
    const res = await fetch(`${base}/webhooks/whatsapp/${channelId}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sig }, body })
    expect(res.status).toBe(200)
    const items = (await as(t.app, op)('GET', '/api/inbound-events/dead')).json().items as { id: number; status: string }[]
    expect(items).toHaveLength(1)
    expect(items[0]!.status).toBe('failed')
    const r = await as(t.app, op)('POST', `/api/inbound-events/${items[0]!.id}/replay`)
    expect(r.statusCode).toBe(409)
  })
})
