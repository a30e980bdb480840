// UU PDP requests on PGlite and PostgreSQL: a reporter sees and downloads their personal data
// through the private link and asks for erasure; an operator executes it; the report stays public
// with its code, status and timeline, and the identity is gone everywhere it was stored.
import fs from 'node:fs'
import path from 'node:path'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  attachments,
  contactIdentities,
  contacts,
  conversations,
  inboundEvents,
  jobs,
  messages,
  reportEvents,
  reports,
  webhookDeliveries,
  webhookSubscriptions,
} from '../../src/db/schema/index.ts'
import { listPublicReports } from '../../src/portal/queries.ts'
import { forgetPortalTenants } from '../../src/portal/tenant.ts'
import { ERASED_NAME } from '../../src/portability/scrub.ts'
import { BACKENDS } from '../harness/db.ts'
import { as, createTestApp, login, makeAgency, makeTenant, makeUser, type TestApp } from '../harness/app.ts'
import { answerReport, photoWithExif } from '../portal/helpers.ts'

const NAME = 'Siti Rahmawati'
const PHONE = '081234567890'
const WA = '6281234567890'
// Where she lives: the point and address she shared on WhatsApp.
const LAT = 4.162912
const LON = 96.218734
const HOME = 'Jl. Teuku Umar No. 12, Lorong Melati'
// Not after a digit: a timestamp such as "05:13:24.161Z" holds "4.16" (failed once in a full run).
const HOUSE = /(?<!\d)4\.16|(?<!\d)96\.21|Teuku Umar|Lorong Melati|maps\.google/

describe.each(BACKENDS)('personal-data requests on %s', (backend) => {
  let t: TestApp
  let tenantId: string
  let dataDir: string
  let staff: { operator: ReturnType<typeof as>; admin: ReturnType<typeof as>; head: ReturnType<typeof as> }
  let admin: ReturnType<typeof as>
  let path0: string
  let code: string
  let reportId: string
  let slug: string

  beforeAll(async () => {
    forgetPortalTenants()
    dataDir = `.tmp/test-data/pdp-${backend}-${process.pid}`
    t = await createTestApp(backend, { DATA_DIR: dataDir })
    const tenant = await makeTenant(t.ctx)
    tenantId = tenant.id
    slug = tenant.slug
    const agency = await makeAgency(t.ctx, tenantId, 'pupr', { requiresApproval: true })
    const session = async (role: 'operator' | 'agency_admin' | 'agency_head' | 'super_admin', a: string | null = null) =>
      as(t.app, await login(t.app, (await makeUser(t.ctx, tenantId, role, a)).email))
    staff = { operator: await session('operator'), admin: await session('agency_admin', agency.id), head: await session('agency_head', agency.id) }
    admin = await session('super_admin')

    const fd = new FormData()
    fd.append('body', `Jalan di depan rumah rusak parah. Nama saya ${NAME}, hubungi ${PHONE} bila perlu.`)
    fd.append('name', NAME)
    fd.append('contact', 'whatsapp')
    fd.append('contactValue', PHONE)
    fd.append('photos', new Blob([new Uint8Array(await photoWithExif())], { type: 'image/jpeg' }), 'foto.jpg')
    const res = await t.app.inject({ method: 'POST', url: '/lapor', payload: fd, headers: { accept: 'application/json' } })
    expect(res.statusCode, res.body).toBe(201)
    code = res.json().trackingCode
    path0 = new URL(res.json().privateUrl).pathname
    const [r] = await t.ctx.db.select().from(reports).where(eq(reports.trackingCode, code))
    reportId = r!.id
    await answerReport(staff, reportId, agency.id, 'Jalan sudah kami perbaiki.', { title: 'Jalan rusak' })

    // A WhatsApp conversation of the same person, with provider metadata and the raw webhook body.
    const [conv] = await t.ctx.db.insert(conversations).values({ tenantId, channelType: 'whatsapp', contactId: r!.contactId!, reportId }).returning()
    await t.ctx.db.insert(messages).values({ tenantId, conversationId: conv!.id, reportId, direction: 'in', body: `Halo, ini ${NAME} (${PHONE}).`, metadata: { profileName: NAME, from: WA, type: 'text' } })
    // Her shared location: on the report, in a location message, in a later message and an event.
    await t.ctx.db.update(reports).set({ latitude: LAT, longitude: LON, locationText: HOME, regionCode: '11.15.01.2001', districtCode: '11.15.01', triage: { emergency: { isEmergency: false }, location: { lat: LAT } } }).where(eq(reports.id, reportId))
    await t.ctx.db.insert(messages).values({ tenantId, conversationId: conv!.id, reportId, direction: 'in', kind: 'location', body: `Rumah Siti, ${HOME}`, metadata: { location: { latitude: LAT, longitude: LON, name: 'Rumah Siti', address: HOME }, type: 'location' } })
    await t.ctx.db.insert(messages).values({ tenantId, conversationId: conv!.id, reportId, direction: 'in', body: `Ini titiknya https://maps.google.com/?q=${LAT},${LON} ya, dekat ${HOME}. Biaya Rp 12.500, 3.000 tadi.`, metadata: { type: 'text' } })
    await t.ctx.db.insert(reportEvents).values({ tenantId, reportId, type: 'reporter_replied', actorKind: 'reporter', data: { message: `Lokasi: ${LAT}, ${LON}`, location: { latitude: LAT, longitude: LON }, address: HOME, channel: 'whatsapp' } })
    const [sub] = await t.ctx.db.insert(webhookSubscriptions).values({ tenantId, url: 'https://hook.example/x', secret: 'x', eventTypes: ['*'] }).returning()
    await t.ctx.db.insert(webhookDeliveries).values({ tenantId, subscriptionId: sub!.id, reportId, eventId: '1', eventType: 'reporter_replied', status: 'queued', payload: { report: { id: reportId, regionCode: '11.15.01.2001', body: `dekat ${HOME}` }, event: { data: { location: { latitude: LAT, longitude: LON } } } } })
    // The intake job that took her message in, finished but kept with the normalised event.
    await t.ctx.db.insert(jobs).values([
      { tenantId, queue: 'inbound', status: 'done', payload: { providerEventId: 'wamid.1', event: { from: WA, location: { latitude: LAT, longitude: LON, address: HOME } } } },
      { tenantId, queue: 'inbound', status: 'done', payload: { providerEventId: 'wamid.2', event: { from: '6289999999999' } } },
    ])
    await t.ctx.db.insert(inboundEvents).values({ tenantId, channelAccountId: crypto.randomUUID(), channelType: 'whatsapp', providerEventId: 'wamid.1', body: JSON.stringify({ from: WA, profile: { name: NAME } }), status: 'processed' })
  }, 180_000)
  afterAll(async () => {
    await t?.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('shows the reporter their personal data and lets them download it; a wrong link is a 404', async () => {
    const page = await t.app.inject({ method: 'GET', url: `${path0}/data-pribadi` })
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Data pribadi Anda')
    expect(page.body).toContain(NAME)
    expect(page.body).toContain(WA)
    const dl = await t.app.inject({ method: 'GET', url: `${path0}/data-pribadi?unduh=1` })
    expect(dl.headers['content-disposition']).toContain(`data-pribadi-${code}.json`)
    const data = dl.json()
    expect(data.contact.name).toBe(NAME)
    expect(data.identities[0]).toMatchObject({ channel: 'whatsapp', id: WA })
    expect(data.reports[0].trackingCode).toBe(code)
    expect(data.messages.length).toBe(3)
    expect(data.attachments.length).toBe(1)
    const track = await t.app.inject({ method: 'GET', url: path0 })
    expect(track.body).toContain('Data pribadi saya')
    const wrong = await t.app.inject({ method: 'GET', url: `${path0.slice(0, -3)}xyz/data-pribadi` })
    expect(wrong.statusCode).toBe(404)
    const list = await staff.operator('GET', '/api/pdp-requests?kind=access')
    expect(list.json().items).toHaveLength(1) // viewed twice within the hour: one access request
  })

  it('records an erasure request only with the confirmation; staff outside operators may not list or execute', async () => {
    const noConfirm = await t.app.inject({ method: 'POST', url: `${path0}/hapus-data`, payload: { reason: 'x' } })
    expect(noConfirm.statusCode).toBe(303)
    expect(noConfirm.headers.location).toContain('error=confirm')
    const json = await t.app.inject({ method: 'POST', url: `${path0}/hapus-data`, payload: {}, headers: { accept: 'application/json' } })
    expect(json.statusCode).toBe(400)
    const ok = await t.app.inject({ method: 'POST', url: `${path0}/hapus-data`, payload: { confirm: 'ya', reason: 'Tidak ingin tercatat' } })
    expect(ok.statusCode).toBe(303)
    const again = await t.app.inject({ method: 'POST', url: `${path0}/hapus-data`, payload: { confirm: 'ya' }, headers: { accept: 'application/json' } })
    expect(again.json().status).toBe('pending')
    const page = await t.app.inject({ method: 'GET', url: `${path0}/data-pribadi` })
    expect(page.body).toContain('Permintaan penghapusan Anda diterima')

    const list = await staff.operator('GET', '/api/pdp-requests?kind=erasure')
    const items = list.json().items
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({ status: 'pending', trackingCode: code, reason: 'Tidak ingin tercatat', overdue: false })
    expect(new Date(items[0].dueAt).getTime() - new Date(items[0].requestedAt).getTime()).toBe(72 * 3600 * 1000)
    expect((await admin('GET', '/api/pdp-requests')).statusCode).toBe(200)
    expect((await staff.admin('GET', '/api/pdp-requests')).statusCode).toBe(403)
    expect((await t.app.inject({ method: 'GET', url: '/api/pdp-requests' })).statusCode).toBe(401)
    expect((await staff.head('POST', `/api/pdp-requests/${items[0].id}/execute`)).statusCode).toBe(403)
    expect((await staff.operator('POST', `/api/pdp-requests/${crypto.randomUUID()}/execute`)).statusCode).toBe(404)
    expect((await staff.operator('POST', '/api/pdp-requests/not-a-uuid/execute')).statusCode).toBe(400)
  })

  it('an operator executes the erasure: identity gone, report public with its code, status and timeline', async () => {
    const [before] = await t.ctx.db.select().from(reports).where(eq(reports.id, reportId))
    const eventsBefore = await t.ctx.db.select().from(reportEvents).where(eq(reportEvents.reportId, reportId))
    const [att] = await t.ctx.db.select().from(attachments).where(eq(attachments.reportId, reportId))
    const original = path.join(dataDir, 'media', att!.storageKey)
    expect(fs.existsSync(original)).toBe(true)

    // Before: the public sees the point rounded to about a kilometre.
    const open311 = async () => (await t.app.inject({ method: 'GET', url: `/open311/v2/requests/${code}.json?jurisdiction_id=${slug}` })).json()[0]
    expect((await open311()).lat).toBe(4.16)
    expect((await listPublicReports(t.ctx.db, tenantId)).items.find((i) => i.trackingCode === code)!.point).toEqual({ lat: 4.16, lon: 96.22 })

    const id = (await staff.operator('GET', '/api/pdp-requests?kind=erasure&status=pending')).json().items[0].id
    const res = await staff.operator('POST', `/api/pdp-requests/${id}/execute`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().summary).toMatchObject({ reports: 1, identities: 1, messages: 3, originalsRemoved: 1, rawEventsRemoved: 1, locationsRemoved: 2, jobsRemoved: 1 })
    expect((await staff.operator('POST', `/api/pdp-requests/${id}/execute`)).statusCode).toBe(409)

    const [c] = await t.ctx.db.select().from(contacts).where(eq(contacts.id, before!.contactId!))
    expect(c).toMatchObject({ name: ERASED_NAME, phone: null, email: null })
    expect(c!.erasedAt).not.toBeNull()
    expect(await t.ctx.db.select().from(contactIdentities).where(eq(contactIdentities.tenantId, tenantId))).toHaveLength(0)
    expect(await t.ctx.db.select().from(inboundEvents).where(eq(inboundEvents.tenantId, tenantId))).toHaveLength(0)
    const left = await t.ctx.db.select().from(jobs).where(and(eq(jobs.tenantId, tenantId), eq(jobs.queue, 'inbound')))
    expect(left.map((j) => j.payload.providerEventId)).toEqual(['wamid.2'])
    const ms = await t.ctx.db.select().from(messages).where(eq(messages.tenantId, tenantId))
    expect(JSON.stringify(ms)).not.toMatch(/Siti|Rahmawati|81234567890/)
    expect(JSON.stringify(ms)).not.toMatch(HOUSE)
    expect(ms.find((x) => x.kind === 'location')!.body).toBe('[lokasi dihapus]')
    expect(ms.map((x) => x.body).join('\n')).toContain('Rp 12.500, 3.000') // amounts are not coordinates
    const [after] = await t.ctx.db.select().from(reports).where(eq(reports.id, reportId))
    expect(after!.body).not.toMatch(/Siti|Rahmawati|81234567890/)
    expect(after!.body).toContain('Jalan di depan rumah rusak parah')
    expect(after).toMatchObject({ trackingCode: code, status: before!.status, contactId: before!.contactId })
    // The exact place is gone; the desa and kecamatan stay (the dashboard still counts it there).
    expect(after).toMatchObject({ latitude: null, longitude: null, locationText: null, regionCode: '11.15.01.2001', districtCode: '11.15.01', isConfidential: false })
    expect(after!.triage).toEqual({ emergency: { isEmergency: false } })
    expect(JSON.stringify(after)).not.toMatch(HOUSE)
    const [wh] = await t.ctx.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.tenantId, tenantId))
    expect(JSON.stringify(wh!.payload)).not.toMatch(HOUSE)
    expect(JSON.stringify(wh!.payload)).toContain('11.15.01.2001')
    const eventsAfter = await t.ctx.db.select().from(reportEvents).where(eq(reportEvents.reportId, reportId))
    expect(eventsAfter.map((e) => e.type)).toEqual([...eventsBefore.map((e) => e.type), 'identity_erased'])
    expect(JSON.stringify(eventsAfter)).not.toMatch(/Siti|Rahmawati|81234567890/)
    expect(JSON.stringify(eventsAfter)).not.toMatch(HOUSE)
    expect(eventsAfter.find((e) => e.type === 'reporter_replied')!.data).toMatchObject({ channel: 'whatsapp' })
    const [att2] = await t.ctx.db.select().from(attachments).where(and(eq(attachments.tenantId, tenantId), eq(attachments.reportId, reportId)))
    expect(att2!.storageKey).toBe(att2!.publicStorageKey)
    expect(fs.existsSync(original)).toBe(false)

    // The operator sees the marker; the public still sees the report.
    const detail = (await staff.operator('GET', `/api/reports/${reportId}`)).json()
    expect(detail.reporterName).toBe(ERASED_NAME)
    expect(detail.reporterContact).toEqual({ phone: null, email: null })
    const pub = await t.app.inject({ method: 'GET', url: `/lacak?kode=${code}` })
    expect(pub.statusCode).toBe(200)
    expect(pub.body).toContain('Jalan rusak')
    expect(pub.body).not.toContain('Rahmawati')
    // Still public, counted by region, without a point.
    expect(await open311()).toMatchObject({ service_request_id: code, lat: null, long: null, address_id: '11.15.01.2001' })
    expect((await listPublicReports(t.ctx.db, tenantId)).items.find((i) => i.trackingCode === code)).toMatchObject({ point: null })
    const mine = await t.app.inject({ method: 'GET', url: `${path0}/data-pribadi` })
    expect(mine.body).toContain('Identitas Anda telah dihapus')
    const done = (await staff.operator('GET', '/api/pdp-requests?kind=erasure')).json().items[0]
    expect(done.status).toBe('done')
    // report_events stays append-only outside an erasure.
    await expect(t.ctx.db.update(reportEvents).set({ data: {} }).where(eq(reportEvents.reportId, reportId))).rejects.toThrow()
  })
})
