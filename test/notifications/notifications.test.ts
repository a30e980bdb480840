// Notifications end to end on both databases, through the Meta (WhatsApp) and SMTP simulators:
// staff are told once per event on each chosen channel, a head approves from the sign-in link in
// their WhatsApp message, the reporter hears each step on their own channel (a template once the
// 24-hour window is closed), and a breached deadline walks the escalation chain in order.
import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startJobs, type JobRuntime } from '../../src/jobs/index.ts'
import { flushHeld } from '../../src/notifications/flush.ts'
import { runEscalations } from '../../src/reports/jobs-escalation.ts'
import { as, createTestApp, login, makeAgency, makeTenant, makeUser, type Session, type TestApp } from '../harness/app.ts'
import { BACKENDS } from '../harness/db.ts'
import { connectEmailChannel, startSmtpSink, type SmtpSink } from '../simulators/email.ts'
import { metaChannelConfigs, startMetaSimulator, type MetaSimulator } from '../simulators/meta.ts'

const REPORTER = '6281234567001'
const ADMIN_PHONE = '6281200000001'
const HEAD_PHONE = '6281200000002'
const toPhone = (phone: string) => (c: { body?: any }) => c.body?.to === phone

describe.each(BACKENDS)('notifications on %s', { timeout: 120_000 }, (backend) => {
  let t: TestApp
  let sim: MetaSimulator
  let smtp: SmtpSink
  let jobs: JobRuntime
  let base: string
  let op: Session
  let channelId: string
  let agencyId: string
  let tenantId: string
  let admin: { id: string; email: string }
  let head: { id: string; email: string }
  let leader: { id: string; email: string }
  let reportId: string
  let code: string
  const drain = () => jobs.worker.drain(['inbound', 'notify', 'outbox'])
  const q = <T,>(sql: string, params: unknown[] = []) => t.ctx.database.query<T>(sql, params)

  beforeAll(async () => {
    t = await createTestApp(backend)
    sim = await startMetaSimulator()
    smtp = await startSmtpSink()
    base = await t.app.listen({ port: 0, host: '127.0.0.1' })
    jobs = await startJobs(t.ctx, { schedules: false })
    const tenant = await makeTenant(t.ctx)
    tenantId = tenant.id
    agencyId = (await makeAgency(t.ctx, tenant.id, 'pupr', { requiresApproval: true })).id
    const o = await makeUser(t.ctx, tenant.id, 'operator')
    admin = await makeUser(t.ctx, tenant.id, 'agency_admin', agencyId)
    head = await makeUser(t.ctx, tenant.id, 'agency_head', agencyId)
    leader = await makeUser(t.ctx, tenant.id, 'leader')
    await q(`update users set phone = $1 where id = $2`, [ADMIN_PHONE, admin.id])
    await q(`update users set phone = $1 where id = $2`, [HEAD_PHONE, head.id])
    op = await login(t.app, o.email)
    const wa = await as(t.app, op)('POST', '/api/channels', { type: 'whatsapp', name: 'WA Pemkab', config: metaChannelConfigs(sim.url).whatsapp })
    expect(wa.statusCode, wa.body).toBe(201)
    channelId = wa.json().id
    await connectEmailChannel(as(t.app, op), smtp)
  }, 180_000)
  afterAll(async () => {
    await jobs?.stop(2000)
    await sim?.close()
    await smtp?.close()
    await t?.close()
  })

  it("dispatching notifies the agency's admin once on each chosen channel, and the reporter on WhatsApp", async () => {
    await sim.sendWhatsAppText({ url: `${base}/webhooks/whatsapp/${channelId}`, appSecret: 'sim-app-secret', from: REPORTER, name: 'Budi', text: 'Jalan di gampong Ujong Fatihah berlubang besar sudah dua bulan' })
    await drain()
    const [r] = await q<{ id: string; tracking_code: string }>('select id, tracking_code from reports')
    reportId = r!.id
    code = r!.tracking_code
    const res = await as(t.app, op)('POST', `/api/reports/${reportId}/verify-and-dispatch`, {
      title: 'Jalan berlubang di Ujong Fatihah',
      kind: 'pengaduan',
      categoryId: null,
      regionCode: null,
      flags: { anonymous: false, confidential: false },
      dispositions: [{ id: crypto.randomUUID(), agencyId, instruction: 'Mohon ditindaklanjuti' }],
    })
    expect(res.statusCode, res.body).toBe(200)
    await drain()

    // WhatsApp to the admin's own number: never messaged the account, so the window is closed: a template.
    const toAdmin = sim.calls.filter(toPhone(ADMIN_PHONE))
    expect(toAdmin).toHaveLength(1)
    expect(toAdmin[0]!.body.type).toBe('template')
    expect(JSON.stringify(toAdmin[0]!.body)).toContain(code)
    expect(JSON.stringify(toAdmin[0]!.body)).toContain(`/admin/laporan/${reportId}`)
    // E-mail, once.
    const mails = smtp.messages.filter((m) => m.rcptTo.includes(admin.email))
    expect(mails).toHaveLength(1)
    expect(mails[0]!.parsed.subject).toContain(code)
    expect(mails[0]!.parsed.text).toContain(`/admin/laporan/${reportId}`)
    // The head and the leader hear nothing of a new disposition.
    expect(sim.calls.filter(toPhone(HEAD_PHONE))).toHaveLength(0)
    // The bell.
    const a = await login(t.app, admin.email)
    const bell = (await as(t.app, a)('GET', '/api/notifications')).json()
    expect(bell.unread).toBe(1)
    expect(bell.items[0]).toMatchObject({ type: 'disposition', reportId, link: `/admin/laporan/${reportId}` })
    // The reporter, inside the 24-hour window: free text naming the agency and the code.
    const toReporter = sim.calls.filter(toPhone(REPORTER))
    const verified = toReporter.find((c) => JSON.stringify(c.body).includes('diverifikasi'))
    expect(verified?.body.type).toBe('text')
    expect(verified?.body.text.body).toContain('Dinas pupr')
    expect(verified?.body.text.body).toContain(code)
    // On the timeline: internal, no address.
    const ev = await q<{ data: any }>(`select data from report_events where report_id = $1 and type = 'notified'`, [reportId])
    expect(ev.map((e) => `${e.data.audience}:${e.data.channel}`).sort()).toEqual(['reporter:whatsapp', 'staff:email', 'staff:whatsapp'])
    expect(JSON.stringify(ev)).not.toContain(REPORTER)
  })

  it('the same events delivered to the notify job again send nothing twice', async () => {
    const before = { wa: sim.calls.length, mail: smtp.messages.length }
    await q(`insert into jobs (tenant_id, queue, payload) select tenant_id, queue, payload from jobs where queue = 'notify'`)
    await drain()
    expect(sim.calls.length).toBe(before.wa)
    expect(smtp.messages.length).toBe(before.mail)
    expect(await q(`select 1 from notifications where user_id = $1`, [admin.id])).toHaveLength(1)
  })

  it("the head approves from the sign-in link in WhatsApp and the reporter receives the answer", async () => {
    const a = await login(t.app, admin.email)
    const [d] = await q<{ id: string }>('select id from dispositions where report_id = $1', [reportId])
    expect((await as(t.app, a)('POST', `/api/reports/${reportId}/accept`, { dispositionId: d!.id })).statusCode).toBe(200)
    const responseId = crypto.randomUUID()
    const answer = 'Lubang jalan sudah ditambal oleh tim UPTD pada hari ini.'
    let r = await as(t.app, a)('POST', `/api/reports/${reportId}/draft-response`, { responseId, dispositionId: d!.id, body: answer, requiresApproval: true })
    expect(r.statusCode, r.body).toBe(200)
    r = await as(t.app, a)('POST', `/api/reports/${reportId}/submit-response`, { responseId })
    expect(r.statusCode, r.body).toBe(200)
    await drain()
    const toHead = sim.calls.filter(toPhone(HEAD_PHONE))
    expect(toHead).toHaveLength(1)
    const link = /http:\/\/localhost:3000(\/api\/auth\/link\/[A-Za-z0-9_-]+)/.exec(JSON.stringify(toHead[0]!.body))
    expect(link).not.toBeNull()
    // Draft text never reaches the reporter before approval.
    expect(JSON.stringify(sim.calls.filter(toPhone(REPORTER)))).not.toContain('ditambal')

    const open = await t.app.inject({ method: 'GET', url: link![1]! })
    expect(open.statusCode).toBe(303)
    expect(open.headers.location).toBe(`/admin/persetujuan/${reportId}`)
    const cookie = `aduan_session=${open.cookies.find((c) => c.name === 'aduan_session')!.value}`
    // Single use: a second open signs nobody in.
    const again = await t.app.inject({ method: 'GET', url: link![1]! })
    expect(again.cookies.find((c) => c.name === 'aduan_session')).toBeUndefined()
    const session = (await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } })).json()
    expect(session.user.id).toBe(head.id)
    const s = { cookie, csrfToken: session.csrfToken, body: session }
    const page = (await as(t.app, s)('GET', `/api/approvals/${reportId}`)).json()
    expect(page.drafts).toEqual([expect.objectContaining({ id: responseId, body: answer })])
    r = await as(t.app, s)('POST', `/api/reports/${reportId}/approve-response`, { responseId })
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json().status).toBe('answered')
    await drain()
    const answered = sim.calls.filter(toPhone(REPORTER)).find((c) => JSON.stringify(c.body).includes('ditambal'))
    expect(answered?.body.type).toBe('text')
    expect(answered?.body.text.body).toContain(code)
    expect(answered?.body.text.body).toContain('/lacak')
  })

  it('a reporter outside the 24-hour window receives a template, not free text', async () => {
    // The simulator stamps messages with the real time: 25 h after it, the window is closed.
    t.clock.set(new Date(Date.now() + 25 * 3600_000))
    op = await login(t.app, (await q<{ email: string }>(`select email from users where email like 'operator%'`))[0]!.email)
    const before = sim.calls.length
    const r = await as(t.app, op)('POST', `/api/reports/${reportId}/close`, { reason: 'Sudah diperbaiki' })
    expect(r.statusCode, r.body).toBe(200)
    await drain()
    const closed = sim.calls.slice(before).filter(toPhone(REPORTER))
    expect(closed).toHaveLength(1)
    expect(closed[0]!.body.type).toBe('template')
    expect(closed[0]!.body.text).toBeUndefined()
    expect(JSON.stringify(closed[0]!.body)).toContain(code)
  })

  it('the daily digest holds the e-mail and WhatsApp copies; the flush sends one message listing them', async () => {
    await q(`update users set preferences = $1 where id = $2`, [JSON.stringify({ notifications: { digest: true, digestTime: '07:00' } }), admin.id])
    const before = smtp.messages.filter((m) => m.rcptTo.includes(admin.email)).length
    for (const title of ['Lampu jalan mati', 'Saluran air tersumbat']) {
      const c = await as(t.app, op)('POST', '/api/reports', { body: `${title} di desa kami`, channel: 'phone' })
      expect(c.statusCode, c.body).toBe(201)
      const res = await as(t.app, op)('POST', `/api/reports/${c.json().id}/verify-and-dispatch`, {
        title, kind: 'pengaduan', categoryId: null, regionCode: null, flags: { anonymous: false, confidential: false },
        dispositions: [{ id: crypto.randomUUID(), agencyId, instruction: 'Tindak lanjuti' }],
      })
      expect(res.statusCode, res.body).toBe(200)
    }
    await drain()
    expect(smtp.messages.filter((m) => m.rcptTo.includes(admin.email)).length).toBe(before)
    const held = await q<{ held_until: Date }>(`select held_until from notifications where user_id = $1 and held_until is not null`, [admin.id])
    expect(held).toHaveLength(2)
    expect(await flushHeld(t.ctx)).toBe(0)
    t.clock.set(new Date(new Date(held[0]!.held_until).getTime() + 1000))
    expect(await flushHeld(t.ctx)).toBe(1)
    op = await login(t.app, (await q<{ email: string }>(`select email from users where email like 'operator%'`))[0]!.email)
    await drain()
    const digest = smtp.messages.filter((m) => m.rcptTo.includes(admin.email)).slice(before)
    expect(digest).toHaveLength(1)
    expect(digest[0]!.parsed.text).toContain('Lampu jalan mati')
    expect(digest[0]!.parsed.text).toContain('Saluran air tersumbat')
    await q(`update users set preferences = '{}' where id = $1`, [admin.id])
  })

  it("staff notifications follow the person's language (the admin app's switch)", async () => {
    const a = await login(t.app, admin.email)
    const bad = await as(t.app, a)('PUT', '/api/auth/locale', { locale: 'fr' })
    expect(bad.statusCode).toBe(400)
    expect(bad.headers['content-type']).toContain('application/problem+json')
    expect((await as(t.app, a)('PUT', '/api/auth/locale', { locale: 'en' })).json()).toEqual({ locale: 'en' })
    expect((await as(t.app, a)('GET', '/api/auth/session')).json().user.locale).toBe('en')
    const before = smtp.messages.filter((m) => m.rcptTo.includes(admin.email)).length
    const c = await as(t.app, op)('POST', '/api/reports', { body: 'Pohon tumbang menutup jalan desa', channel: 'phone' })
    const res = await as(t.app, op)('POST', `/api/reports/${c.json().id}/verify-and-dispatch`, {
      title: 'Pohon tumbang', kind: 'pengaduan', categoryId: null, regionCode: null, flags: { anonymous: false, confidential: false },
      dispositions: [{ id: crypto.randomUUID(), agencyId, instruction: 'Tindak lanjuti' }],
    })
    expect(res.statusCode, res.body).toBe(200)
    await drain()
    const bell = (await as(t.app, a)('GET', '/api/notifications')).json()
    expect(bell.items[0].title).toMatch(/^New disposition for Dinas pupr: Pohon tumbang \(/)
    expect(bell.items[0].body).toBe('Accept this disposition and follow it up before the deadline.')
    const mail = smtp.messages.filter((m) => m.rcptTo.includes(admin.email)).slice(before)
    expect(mail).toHaveLength(1)
    expect(mail[0]!.parsed.subject).toContain('New disposition for')
    expect(mail[0]!.parsed.text).toContain('\nOpen: ')
    // The head, still in Bahasa Indonesia, is unaffected.
    expect((await q<{ locale: string }>(`select locale from users where id = $1`, [head.id]))[0]!.locale).toBe('id')
    await as(t.app, a)('PUT', '/api/auth/locale', { locale: 'id' })
  })

  it('a breached deadline notifies the escalation chain in order', async () => {
    const c = await as(t.app, op)('POST', '/api/reports', { body: 'Sampah menumpuk di pasar induk sejak seminggu', channel: 'phone' })
    expect(c.statusCode, c.body).toBe(201)
    const id = c.json().id as string
    await as(t.app, op)('POST', `/api/reports/${id}/verify-and-dispatch`, {
      title: 'Sampah menumpuk di pasar', kind: 'pengaduan', categoryId: null, regionCode: null, flags: { anonymous: false, confidential: false },
      dispositions: [{ id: crypto.randomUUID(), agencyId, instruction: 'Angkut sampah' }],
    })
    await drain()
    for (let day = 0; day < 60; day++) {
      t.clock.set(new Date(t.clock.now().getTime() + 86_400_000))
      await runEscalations(t.ctx)
      await drain()
      const n = await q<{ n: number }>(`select count(*)::int as n from notifications where report_id = $1 and type = 'escalated'`, [id])
      if (n[0]!.n >= 4) break
    }
    const rows = await q<{ user_id: string; title: string }>(
      `select user_id, title from notifications where report_id = $1 and type = 'escalated' order by created_at, id`,
      [id],
    )
    const [o] = await q<{ id: string }>(`select id from users where email like 'operator%'`)
    expect(rows.map((r) => r.user_id)).toEqual([admin.id, head.id, o!.id, leader.id])
    expect(rows.map((r) => r.title.match(/tingkat (\d)/)![1])).toEqual(['1', '2', '3', '4'])
    // The head's escalation went out on WhatsApp and e-mail at once (urgent: no digest).
    const headMails = smtp.messages.filter((m) => m.rcptTo.includes(head.email) && m.parsed.subject?.includes('Eskalasi') && m.parsed.subject.includes('Sampah'))
    expect(headMails).toHaveLength(1)
    // And a due-soon reminder reached the admin before the breach.
    expect(await q(`select 1 from notifications where report_id = $1 and type = 'due_soon' and user_id = $2`, [id, admin.id])).toHaveLength(1)
    void tenantId
  })

  it('when WhatsApp cannot reach the reporter any more, the update falls back to their e-mail', async () => {
    const from = '6281234567002'
    await sim.sendWhatsAppText({ url: `${base}/webhooks/whatsapp/${channelId}`, appSecret: 'sim-app-secret', from, name: 'Rina', text: 'Air PDAM tidak mengalir tiga hari di lorong kami' })
    await drain()
    const [r] = await q<{ id: string; tracking_code: string; contact_id: string }>(`select id, tracking_code, contact_id from reports where body like '%PDAM%'`)
    await q(`update contacts set email = 'rina@warga.test' where id = $1`, [r!.contact_id])
    op = await login(t.app, (await q<{ email: string }>(`select email from users where email like 'operator%'`))[0]!.email)
    sim.failNext(1, 400, { code: 131026, message: 'Message undeliverable' })
    const res = await as(t.app, op)('POST', `/api/reports/${r!.id}/request-info`, { message: 'Mohon sebutkan nama lorong dan nomor rumah.' })
    expect(res.statusCode, res.body).toBe(200)
    await drain()
    const mail = smtp.messages.filter((m) => m.rcptTo.includes('rina@warga.test'))
    expect(mail).toHaveLength(1)
    expect(mail[0]!.parsed.text).toContain('nama lorong')
    expect(mail[0]!.parsed.subject).toContain(r!.tracking_code)
    const ev = await q<{ type: string; data: any }>(`select type, data from report_events where report_id = $1 and type like 'notif%' order by id`, [r!.id])
    expect(ev.map((e) => `${e.type}:${e.data.channel}:${e.data.fallback ?? ''}`)).toEqual(['notify_failed:whatsapp:email', 'notified:email:'])
  })
})
