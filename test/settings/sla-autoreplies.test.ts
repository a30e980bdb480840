// SLA rules, local holidays and auto-replies on both databases: a local holiday moves a new
// report's verification deadline by a working day; a WhatsApp complaint is acknowledged with the
// tenant's own text (and the out-of-hours note outside office hours).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startJobs, type JobRuntime } from '../../src/jobs/index.ts'
import { as, createTestApp, login, makeTenant, makeUser, type Session, type TestApp } from '../harness/app.ts'
import { BACKENDS } from '../harness/db.ts'
import { metaChannelConfigs, startMetaSimulator, type MetaSimulator } from '../simulators/meta.ts'

describe.each(BACKENDS)('SLA, holidays and auto-replies on %s', (backend) => {
  let t: TestApp
  let admin: Session
  let op: Session
  let sim: MetaSimulator
  let jobs: JobRuntime
  let base: string
  beforeAll(async () => {
    t = await createTestApp(backend) // clock: Monday 23 November 2026, 10:00 WIB
    sim = await startMetaSimulator()
    base = await t.app.listen({ port: 0, host: '127.0.0.1' })
    jobs = await startJobs(t.ctx, { schedules: false })
    const tenant = await makeTenant(t.ctx)
    admin = await login(t.app, (await makeUser(t.ctx, tenant.id, 'super_admin')).email)
    op = await login(t.app, (await makeUser(t.ctx, tenant.id, 'operator')).email)
  }, 180_000)
  afterAll(async () => {
    await jobs?.stop(2000)
    await sim?.close()
    await t?.close()
  })

  const newReportDue = async () => {
    const r = await as(t.app, op)('POST', '/api/reports', { body: 'Lampu jalan mati di depan pasar', channel: 'phone' })
    expect(r.statusCode, r.body).toBe(201)
    const [row] = await t.ctx.database.query<{ due_at: Date }>('select due_at from reports where id = $1', [r.json().id])
    return new Date(row!.due_at).toISOString()
  }

  it('a local holiday moves a new report verification deadline by one working day', async () => {
    // 3 working days after Monday 23 Nov: Thursday 26 Nov, 23:59:59.999 WIB.
    expect(await newReportDue()).toBe('2026-11-26T16:59:59.999Z')
    const add = await as(t.app, admin)('POST', '/api/settings/holidays', { date: '2026-11-25', name: 'Hari jadi kabupaten' })
    expect(add.statusCode, add.body).toBe(201)
    expect((await as(t.app, admin)('POST', '/api/settings/holidays', { date: '2026-11-25', name: 'Lagi' })).statusCode).toBe(409)
    expect((await as(t.app, admin)('POST', '/api/settings/holidays', { date: '2026-02-30', name: 'Tidak ada' })).statusCode).toBe(400)
    expect(await newReportDue()).toBe('2026-11-27T16:59:59.999Z')
    const view = (await as(t.app, op)('GET', '/api/settings/holidays?year=2026')).json()
    expect(view.local).toEqual([{ date: '2026-11-25', name: 'Hari jadi kabupaten' }])
    expect(view.listStatus).toBe('official')
    expect(view.national.some((h: { kind: string }) => h.kind === 'cuti_bersama')).toBe(true)
    expect((await as(t.app, admin)('DELETE', '/api/settings/holidays/2026-11-25')).statusCode).toBe(204)
    expect((await as(t.app, admin)('DELETE', '/api/settings/holidays/2026-11-25')).statusCode).toBe(404)
    expect(await newReportDue()).toBe('2026-11-26T16:59:59.999Z')
  })

  it('edits the SLA rules, validated by the SLA schema', async () => {
    const cur = (await as(t.app, admin)('GET', '/api/settings/sla')).json()
    expect(cur.sla.verifyWorkingDays).toBe(3)
    const bad = await as(t.app, admin)('PUT', '/api/settings/sla', { sla: { ...cur.sla, verifyWorkingDays: 0 } })
    expect(bad.statusCode).toBe(400)
    expect(bad.headers['content-type']).toContain('application/problem+json')
    expect(bad.json().message.id).toBeTruthy()
    const ok = await as(t.app, admin)('PUT', '/api/settings/sla', { sla: { ...cur.sla, verifyWorkingDays: 1 }, weekend: [0] })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toMatchObject({ sla: { verifyWorkingDays: 1 }, weekend: [0] })
    // Six-day week, one working day: Tuesday 24 Nov.
    expect(await newReportDue()).toBe('2026-11-24T16:59:59.999Z')
    await as(t.app, admin)('PUT', '/api/settings/sla', { sla: cur.sla, weekend: [0, 6] })
  })

  it('validates auto-replies: {kode} required, no unknown placeholders', async () => {
    const r1 = await as(t.app, admin)('PUT', '/api/settings/auto-replies', { acknowledgement: 'Terima kasih, laporan diterima.' })
    expect(r1.statusCode).toBe(400)
    expect(r1.headers['content-type']).toContain('application/problem+json')
    expect((await as(t.app, admin)('PUT', '/api/settings/auto-replies', { acknowledgement: 'Kode {kode} {nama}' })).statusCode).toBe(400)
    expect((await as(t.app, admin)('PUT', '/api/settings/auto-replies', { officeHours: { start: '17:00', end: '08:00' } })).statusCode).toBe(400)
    const view = (await as(t.app, op)('GET', '/api/settings/auto-replies')).json()
    expect(view.builtIn.acknowledgement).toContain('{kode}')
  })

  it('a WhatsApp complaint is acknowledged with the customised text, with the note out of hours', async () => {
    const put = await as(t.app, admin)('PUT', '/api/settings/auto-replies', {
      acknowledgement: 'Salam dari {pemda}! Laporan Anda bernomor {kode}, diverifikasi dalam {hari} hari kerja.',
      outOfHoursNote: 'Catatan: pesan ini diterima di luar jam kerja.',
      officeHours: { start: '08:00', end: '16:00' },
    })
    expect(put.statusCode, put.body).toBe(200)
    const ch = await as(t.app, op)('POST', '/api/channels', { type: 'whatsapp', name: 'WA', config: metaChannelConfigs(sim.url).whatsapp })
    const url = `${base}/webhooks/whatsapp/${ch.json().id}`
    await sim.sendWhatsAppText({ url, appSecret: 'sim-app-secret', from: '6281234567001', name: 'Budi', text: 'Jalan di depan sekolah berlubang besar sejak bulan lalu' })
    await jobs.worker.drain(['inbound', 'outbox'])
    const [rep] = await t.ctx.database.query<{ tracking_code: string }>(`select tracking_code from reports where channel_type = 'whatsapp'`)
    const [ack] = await sim.waitForCalls((c) => JSON.stringify(c.body ?? '').includes(rep!.tracking_code))
    const text = JSON.stringify(ack!.body)
    expect(text).toContain(`Laporan Anda bernomor ${rep!.tracking_code}, diverifikasi dalam 3 hari kerja.`)
    expect(text).toContain('Salam dari Pemerintah Uji')
    expect(text).not.toContain('luar jam kerja') // 10:00 WIB on a Monday

    t.clock.set(new Date('2026-11-23T12:30:00Z')) // 19:30 WIB
    await sim.sendWhatsAppText({ url, appSecret: 'sim-app-secret', from: '6281234567002', name: 'Ani', text: 'Sampah menumpuk di pasar induk sudah seminggu tidak diangkut' })
    await jobs.worker.drain(['inbound', 'outbox'])
    const [rep2] = await t.ctx.database.query<{ tracking_code: string }>(`select tracking_code from reports where body like '%pasar induk%'`)
    const [ack2] = await sim.waitForCalls((c) => JSON.stringify(c.body ?? '').includes(rep2!.tracking_code))
    expect(JSON.stringify(ack2!.body)).toContain('di luar jam kerja')
  })
})
