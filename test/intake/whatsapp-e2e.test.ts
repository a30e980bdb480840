// End to end through real HTTP: the Meta simulator sends a signed WhatsApp complaint; aduan stores
// it, opens a report, acknowledges with the tracking code; an operator's reply reaches the simulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startJobs, type JobRuntime } from '../../src/jobs/index.ts'
import { as, createTestApp, login, makeTenant, makeUser, type Session, type TestApp } from '../harness/app.ts'
import { BACKENDS } from '../harness/db.ts'
import { metaChannelConfigs, newWamid, startMetaSimulator, type MetaSimulator } from '../simulators/meta.ts'

describe.each(BACKENDS)('WhatsApp intake and reply on %s', (backend) => {
  let t: TestApp
  let sim: MetaSimulator
  let jobs: JobRuntime
  let base: string
  let op: Session
  let channelId: string
  beforeAll(async () => {
    t = await createTestApp(backend)
    sim = await startMetaSimulator()
    base = await t.app.listen({ port: 0, host: '127.0.0.1' })
    jobs = await startJobs(t.ctx, { schedules: false })
    const tenant = await makeTenant(t.ctx)
    const u = await makeUser(t.ctx, tenant.id, 'operator')
    op = await login(t.app, u.email)
    const res = await as(t.app, op)('POST', '/api/channels', { type: 'whatsapp', name: 'WA Pemkab', config: metaChannelConfigs(sim.url).whatsapp })
    expect(res.statusCode, res.body).toBe(201)
    channelId = res.json().id
  })
  afterAll(async () => {
    await jobs?.stop(2000)
    await sim?.close()
    await t?.close()
  })

  it('one complaint delivered five times: one message, one report, one acknowledgement with the code', async () => {
    const id = newWamid()
    const url = `${base}/webhooks/whatsapp/${channelId}`
    for (let i = 0; i < 5; i++) {
      const d = await sim.sendWhatsAppText({ url, appSecret: 'sim-app-secret', from: '6281234567001', name: 'Budi', text: 'Jalan di gampong Ujong Fatihah berlubang besar, sudah 2 bulan tidak diperbaiki', id })
      expect(d.status).toBe(200)
    }
    await jobs.worker.drain(['inbound', 'outbox'])
    const reports = await t.ctx.database.query<{ tracking_code: string; channel_type: string; contact_id: string }>(
      'select tracking_code, channel_type, contact_id from reports',
    )
    expect(reports).toHaveLength(1)
    expect(reports[0]!.channel_type).toBe('whatsapp')
    const msgs = await t.ctx.database.query(`select * from messages where direction = 'in'`)
    expect(msgs).toHaveLength(1)
    const acks = await sim.waitForCalls((c) => JSON.stringify(c.body ?? '').includes(reports[0]!.tracking_code))
    expect(acks).toHaveLength(1)
    expect(JSON.stringify(acks[0]!.body)).toContain('6281234567001')
  })

  it("an operator's reply reaches the simulator on the same channel, and STATUS answers", async () => {
    const [conv] = await t.ctx.database.query<{ id: string }>('select id from conversations')
    const r = await as(t.app, op)('POST', `/api/conversations/${conv!.id}/messages`, { text: 'Laporan sudah diteruskan ke Dinas PUPR.' })
    expect(r.statusCode, r.body).toBe(202)
    expect(r.json().template).toBe(false)
    await jobs.worker.drain(['outbox'])
    await sim.waitForCalls((c) => JSON.stringify(c.body ?? '').includes('Dinas PUPR'))
    const [rep] = await t.ctx.database.query<{ tracking_code: string }>('select tracking_code from reports')
    await sim.sendWhatsAppText({ url: `${base}/webhooks/whatsapp/${channelId}`, appSecret: 'sim-app-secret', from: '6281234567001', name: 'Budi', text: `STATUS ${rep!.tracking_code}` })
    await jobs.worker.drain(['inbound', 'outbox'])
    await sim.waitForCalls((c) => JSON.stringify(c.body ?? '').includes('Belum terverifikasi'))
    expect(await t.ctx.database.query('select * from reports')).toHaveLength(1)
  })

  it('a reply from the reporter resumes a report waiting for more information (tunda)', async () => {
    const [rep] = await t.ctx.database.query<{ id: string }>('select id from reports')
    const r = await as(t.app, op)('POST', `/api/reports/${rep!.id}/request-info`, { message: 'Mohon kirim foto dan lokasi pasti.' })
    expect(r.statusCode, r.body).toBe(200)
    expect((await t.ctx.database.query<{ status: string }>('select status from reports'))[0]!.status).toBe('needs_info')
    await sim.sendWhatsAppText({ url: `${base}/webhooks/whatsapp/${channelId}`, appSecret: 'sim-app-secret', from: '6281234567001', name: 'Budi', text: 'Lokasinya di depan meunasah, dekat jembatan' })
    await jobs.worker.drain(['inbound', 'outbox'])
    expect((await t.ctx.database.query<{ status: string }>('select status from reports'))[0]!.status).toBe('received')
    const ev = await t.ctx.database.query<{ type: string; actor_kind: string }>(
      `select type, actor_kind from report_events where report_id = $1 order by id`,
      [rep!.id],
    )
    // Notification outcomes (notified / notify_failed, written by the outbox) may land in any order.
    expect(ev.filter((e) => !e.type.startsWith('notif')).at(-1)).toMatchObject({ actor_kind: 'reporter' })
  })

  it('outside the 24-hour window the reply goes as a template', async () => {
    t.clock.set(new Date(Date.now() + 25 * 3600_000))
    op = await login(t.app, (await t.ctx.database.query<{ email: string }>(`select email from users where email like 'operator%'`))[0]!.email)
    const [conv] = await t.ctx.database.query<{ id: string }>('select id from conversations')
    const r = await as(t.app, op)('POST', `/api/conversations/${conv!.id}/messages`, { text: 'Mohon konfirmasi lokasi.' })
    expect(r.json().template).toBe(true)
    await jobs.worker.drain(['outbox'])
    const calls = await sim.waitForCalls((c) => (c.body as { type?: string } | undefined)?.type === 'template')
    expect(calls.length).toBeGreaterThanOrEqual(1)
  })

  it('an emergency is acknowledged with 112', async () => {
    await sim.sendWhatsAppText({ url: `${base}/webhooks/whatsapp/${channelId}`, appSecret: 'sim-app-secret', from: '6281234567999', name: 'Rina', text: 'Tolong!! rumah terbakar di dekat meunasah, api sudah besar' })
    await jobs.worker.drain(['inbound', 'outbox'])
    const [r] = await t.ctx.database.query<{ kind: string; is_emergency: boolean }>(`select kind, is_emergency from reports where body like '%terbakar%'`)
    expect(r).toMatchObject({ kind: 'kedaruratan', is_emergency: true })
    await sim.waitForCalls((c) => JSON.stringify(c.body ?? '').includes('112'))
  })

  it('on the timeline the acknowledgement comes after the report it acknowledges', async () => {
    // The app's clock runs ahead of the database's (as the test clock does here): the thread follows the app's.
    t.clock.set(new Date(Date.now() + 26 * 3600_000))
    await sim.sendWhatsAppText({ url: `${base}/webhooks/whatsapp/${channelId}`, appSecret: 'sim-app-secret', from: '6281234567777', name: 'Sari', text: 'Sampah menumpuk di depan pasar, sudah seminggu tidak diangkut' })
    await jobs.worker.drain(['inbound', 'outbox'])
    const [order] = await t.ctx.database.query<{ received: string; ack: string }>(
      `select e.created_at as received, m.created_at as ack from reports r
         join report_events e on e.report_id = r.id and e.type = 'received'
         join messages m on m.report_id = r.id and m.direction = 'out'
        where r.body like '%depan pasar%'`,
    )
    expect(new Date(order!.ack).getTime()).toBeGreaterThanOrEqual(new Date(order!.received).getTime())
  })
})
