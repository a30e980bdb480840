// Open311 GeoReport v2 on both databases: every resource in JSON (validated with zod schemas of
// the specification's shapes) and XML (parsed back, root and element names checked), POST with
// api_key rules, the standard filters, jurisdiction_id, FixMyStreet's servicerequestupdates, and
// privacy: confidential reports never appear, reporter identity and personal data never readable.
import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { categories } from '../../src/db/schema/index.ts'
import { as, createTestApp, login, makeAgency, makeTenant, makeUser, type TestApp } from '../harness/app.ts'
import { BACKENDS } from '../harness/db.ts'
import {
  Discovery,
  Errors,
  keysOf,
  parseXml,
  PostResponse,
  RequestUpdates,
  ServiceDefinition,
  ServiceRequest,
  ServiceRequests,
  Services,
} from './schemas.ts'

type Call = ReturnType<typeof as>
const PERSONAL = ['Siti Rahmawati', 'Rahmawati', '081277788899', '1115012345678901', 'siti.r@contoh.id']
const TEXT =
  'Jalan di depan rumah Ibu Siti Rahmawati berlubang besar. Hubungi 081277788899, NIK 1115012345678901, email siti.r@contoh.id'

describe.each(BACKENDS)('Open311 GeoReport v2 on %s', (backend) => {
  let t: TestApp
  let tenant: { id: string; slug: string }
  let other: { id: string; slug: string }
  let operator: Call, adminA: Call, headA: Call
  let apiKey: string, agencyKey: string, otherKey: string
  let agencyA: string, categoryId: string
  let publicCode: string, publicId: string, secretCode: string

  const get = (url: string) => t.app.inject({ method: 'GET', url: `/open311/v2/${url}` })
  const post = (url: string, form: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: `/open311/v2/${url}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(form).toString(),
    })
  const q = (extra = '') => `jurisdiction_id=${tenant.slug}${extra}`

  beforeAll(async () => {
    t = await createTestApp(backend)
    tenant = await makeTenant(t.ctx)
    other = await makeTenant(t.ctx)
    agencyA = (await makeAgency(t.ctx, tenant.id, 'pupr')).id
    const [c] = await t.ctx.db
      .insert(categories)
      .values({ tenantId: tenant.id, slug: 'jalan-rusak', name: 'Jalan Rusak', description: 'Jalan berlubang atau rusak', keywords: ['jalan', 'lubang'] })
      .returning()
    categoryId = c!.id
    await t.ctx.db.insert(categories).values({ tenantId: other.id, slug: 'sampah', name: 'Sampah' })
    const s = async (role: Parameters<typeof makeUser>[2], agency: string | null = null, tenantId = tenant.id) =>
      login(t.app, (await makeUser(t.ctx, tenantId, role, agency)).email)
    const opSession = await s('operator')
    operator = as(t.app, opSession)
    const adminSession = await s('agency_admin', agencyA)
    adminA = as(t.app, adminSession)
    headA = as(t.app, await s('agency_head', agencyA))
    const token = async (call: Call) => (await call('POST', '/api/auth/tokens', { name: 'open311' })).json().token as string
    apiKey = await token(operator)
    agencyKey = await token(adminA)
    otherKey = await token(as(t.app, await s('operator', null, other.id)))
  }, 180_000)
  afterAll(async () => t?.close())

  it('discovery in JSON and XML', async () => {
    const j = await get('discovery.json')
    expect(j.statusCode).toBe(200)
    expect(j.headers['content-type']).toMatch(/^application\/json/)
    Discovery.parse(j.json())
    const x = await get('discovery.xml')
    expect(x.headers['content-type']).toMatch(/^text\/xml/)
    const [root] = parseXml(x.body, 'discovery')
    expect(Object.keys(root!).sort()).toEqual(['changeset', 'contact', 'endpoints', 'key_service'])
    const ep = (root!.endpoints as { endpoint: Record<string, unknown>[] }).endpoint
    expect(Object.keys(ep[0]!).sort()).toEqual(['changeset', 'formats', 'specification', 'type', 'url'])
    expect((ep[0]!.formats as { format: string[] }).format).toEqual(['text/xml', 'application/json'])
  })

  it('services from the jurisdiction\'s categories, and their definitions', async () => {
    const j = await get(`services.json?${q()}`)
    const services = Services.parse(j.json())
    expect(services.map((s) => s.service_code)).toEqual(['jalan-rusak'])
    expect(services[0]).toMatchObject({ service_name: 'Jalan Rusak', keywords: 'jalan, lubang', metadata: true })
    const x = parseXml((await get(`services.xml?${q()}`)).body, 'services', 'service', keysOf(Services.element))
    expect(x.map((s) => s.service_code)).toEqual(['jalan-rusak'])
    expect(x[0]!.metadata).toBe('true')
    // jurisdiction_id picks the tenant; with several tenants it is required.
    expect(Services.parse((await get(`services.json?jurisdiction_id=${other.slug}`)).json()).map((s) => s.service_code)).toEqual(['sampah'])
    const missing = await get('services.json')
    expect(missing.statusCode).toBe(400)
    expect(Errors.parse(missing.json())[0]!.description).toMatch(/jurisdiction_id/)

    const def = ServiceDefinition.parse((await get(`services/jalan-rusak.json?${q()}`)).json())
    expect(def.attributes.map((a) => a.code)).toEqual(['kind', 'privacy', 'region_code'])
    const [root] = parseXml((await get(`services/jalan-rusak.xml?${q()}`)).body, 'service_definition')
    const attrs = (root!.attributes as { attribute: Record<string, unknown>[] }).attribute
    expect(attrs).toHaveLength(3)
    for (const a of attrs) expect(Object.keys(a).sort()).toEqual(keysOf(ServiceDefinition.shape.attributes.element).sort())
    expect((attrs[1]!.values as { value: { key: string }[] }).value.map((v) => v.key)).toEqual(['publik', 'anonim', 'rahasia'])
  })

  it('errors come in the GeoReport format in both encodings', async () => {
    const j = await get(`services/no-such.json?${q()}`)
    expect(j.statusCode).toBe(404)
    expect(Errors.parse(j.json())[0]!.code).toBe(404)
    const x = await get(`services/no-such.xml?${q()}`)
    expect(x.statusCode).toBe(404)
    const errs = parseXml(x.body, 'errors', 'error', ['code', 'description'])
    expect(errs[0]!.code).toBe('404')
    expect((await get(`requests.json?${q('&start_date=yesterday')}`)).statusCode).toBe(400)
    expect(Errors.parse((await get(`requests.json?${q('&status=pending')}`)).json())[0]!.code).toBe(400)
    expect((await get('nothing.json')).statusCode).toBe(404)
  })

  const form = (extra: Record<string, string> = {}) => ({
    api_key: apiKey,
    service_code: 'jalan-rusak',
    description: TEXT,
    'attribute[region_code]': '11.15.01.2003',
    first_name: 'Siti',
    last_name: 'Rahmawati',
    phone: '081277788899',
    email: 'siti.r@contoh.id',
    ...extra,
  })

  it('POST requests needs a valid api_key of an operator of that jurisdiction, a service and a location', async () => {
    const { api_key: _k, ...noKey } = form()
    let r = await post('requests.json', noKey)
    expect(r.statusCode).toBe(400)
    expect(Errors.parse(r.json())[0]!.description).toMatch(/api_key/)
    r = await post('requests.json', form({ api_key: 'adn_not-a-token' }))
    expect(r.statusCode).toBe(403)
    r = await post('requests.json', form({ api_key: agencyKey }))
    expect(r.statusCode).toBe(403)
    r = await post('requests.json', form({ api_key: otherKey, jurisdiction_id: tenant.slug }))
    expect(r.statusCode).toBe(403)
    r = await post('requests.json', form({ service_code: 'no-such' }))
    expect(r.statusCode).toBe(400)
    r = await post('requests.json', form({ 'attribute[region_code]': '' }))
    expect(r.statusCode).toBe(400)
    expect(Errors.parse(r.json())[0]!.description).toMatch(/location/)
    r = await post('requests.xml', form({ lat: '95', long: '96' }))
    expect(r.statusCode).toBe(400)
    parseXml(r.body, 'errors', 'error', ['code', 'description'])
    expect(await t.ctx.database.query('select id from reports')).toHaveLength(0)
  })

  it('POST requests opens a report through openReport (channel api) in JSON and XML', async () => {
    const r = await post('requests.json', form())
    expect(r.statusCode, r.body).toBe(201)
    publicCode = PostResponse.parse(r.json())[0]!.service_request_id
    const x = await post('requests.xml', form({ 'attribute[privacy]': 'rahasia', description: 'Pungutan liar di kantor desa oleh Pak Ahmad' }))
    expect(x.statusCode, x.body).toBe(201)
    secretCode = String(parseXml(x.body, 'service_requests', 'request', keysOf(PostResponse.element))[0]!.service_request_id)
    const rows = await t.ctx.database.query<{ id: string; tracking_code: string; channel_type: string; is_confidential: boolean; category_id: string; region_code: string }>(
      'select id, tracking_code, channel_type, is_confidential, category_id, region_code from reports order by created_at, tracking_code',
    )
    expect(rows.map((x) => x.tracking_code).sort()).toEqual([publicCode, secretCode].sort())
    const pub = rows.find((x) => x.tracking_code === publicCode)!
    publicId = pub.id
    expect(pub).toMatchObject({ channel_type: 'api', is_confidential: false, category_id: categoryId, region_code: '11.15.01.2003' })
    expect(rows.find((x) => x.tracking_code === secretCode)!.is_confidential).toBe(true)
    const [ev] = await t.ctx.database.query<{ data: Record<string, unknown>; actor_kind: string }>(
      `select data, actor_kind from report_events where report_id = $1 and type = 'received'`,
      [publicId],
    )
    expect(ev).toMatchObject({ actor_kind: 'reporter', data: { channel: 'api', source: 'open311', serviceCode: 'jalan-rusak' } })
    expect(JSON.stringify(ev!.data)).not.toContain('Siti')
    // The operator sees who reported it (a contact), the public will not.
    const detail = (await operator('GET', `/api/reports/${publicId}`)).json()
    expect(detail.reporterName).toBe('Siti Rahmawati')
  })

  it('GET requests shows only verified public reports, masked, without identity or exact location', async () => {
    expect((await get(`requests/${publicCode}.json?${q()}`)).statusCode).toBe(404) // not verified yet
    const verify = async (id: string, confidential: boolean) => {
      const r = await operator('POST', `/api/reports/${id}/verify-and-dispatch`, {
        title: 'Jalan berlubang di Gampong Ujong',
        kind: 'pengaduan',
        categoryId,
        regionCode: '11.15.01.2003',
        flags: { anonymous: false, confidential },
        dispositions: [{ id: crypto.randomUUID(), agencyId: agencyA, instruction: 'Mohon ditindaklanjuti' }],
      })
      expect(r.statusCode, r.body).toBe(200)
    }
    await verify(publicId, false)
    const [secret] = await t.ctx.database.query<{ id: string }>('select id from reports where tracking_code = $1', [secretCode])
    await verify(secret!.id, true)

    const one = ServiceRequests.parse((await get(`requests/${publicCode}.json?${q()}`)).json())
    expect(one).toHaveLength(1)
    expect(one[0]).toMatchObject({ service_request_id: publicCode, status: 'open', service_code: 'jalan-rusak', service_name: 'Jalan Rusak', agency_responsible: 'Dinas pupr' })
    expect(one[0]!.description).toContain('Jalan berlubang di Gampong Ujong')
    expect(one[0]!.address).toBe('Lawa Batu, Kuala') // the desa and kecamatan, never the reporter's address
    expect(one[0]!.address_id).toBe('11.15.01.2003')
    const xml = (await get(`requests/${publicCode}.xml?${q()}`)).body
    const items = parseXml(xml, 'service_requests', 'request', keysOf(ServiceRequest))
    expect(items.map((i) => i.service_request_id)).toEqual([publicCode])
    const list = await get(`requests.json?${q()}`)
    expect(ServiceRequests.parse(list.json()).map((r) => r.service_request_id)).toEqual([publicCode])
    const xmlList = (await get(`requests.xml?${q()}`)).body
    parseXml(xmlList, 'service_requests', 'request', keysOf(ServiceRequest))
    for (const body of [JSON.stringify(one), xml, list.body, xmlList]) {
      for (const p of PERSONAL) expect(body).not.toContain(p)
      expect(body).not.toContain(secretCode)
    }
    expect((await get(`requests/${secretCode}.json?${q()}`)).statusCode).toBe(404)
    expect((await get(`requests.json?${q(`&service_request_id=${secretCode},${publicCode}`)}`)).json()).toHaveLength(1)
    // Another jurisdiction does not see it.
    expect((await get(`requests/${publicCode}.json?jurisdiction_id=${other.slug}`)).statusCode).toBe(404)
  })

  it('GET requests applies the standard filters', async () => {
    const codes = async (extra: string) =>
      ServiceRequests.parse((await get(`requests.json?${q(extra)}`)).json()).map((r) => r.service_request_id)
    expect(await codes('&service_code=jalan-rusak')).toEqual([publicCode])
    expect(await codes('&service_code=sampah')).toEqual([])
    expect(await codes('&status=open')).toEqual([publicCode])
    expect(await codes('&status=closed')).toEqual([])
    expect(await codes('&status=open,closed')).toEqual([publicCode])
    const now = t.clock.now()
    const iso = (ms: number) => new Date(+now + ms).toISOString()
    expect(await codes(`&start_date=${iso(-3_600_000)}&end_date=${iso(3_600_000)}`)).toEqual([publicCode])
    expect(await codes(`&start_date=${iso(3_600_000)}`)).toEqual([])
    expect(await codes(`&end_date=${iso(-3_600_000)}`)).toEqual([])
    expect(await codes(`&service_request_id=${publicCode}&service_code=sampah`)).toEqual([publicCode]) // ids win
  })

  it("servicerequestupdates (FixMyStreet) lists public status changes and the agency's answer", async () => {
    const [d] = await t.ctx.database.query<{ id: string }>('select id from dispositions where report_id = $1', [publicId])
    expect((await adminA('POST', `/api/reports/${publicId}/accept`, { dispositionId: d!.id })).statusCode).toBe(200)
    const responseId = crypto.randomUUID()
    const answer = 'Jalan akan ditambal pekan ini. Terima kasih Ibu Siti Rahmawati, kami hubungi di 081277788899.'
    for (const [call, cmd, body] of [
      [adminA, 'draft-response', { responseId, dispositionId: d!.id, body: answer, requiresApproval: true }],
      [adminA, 'submit-response', { responseId }],
      [headA, 'approve-response', { responseId }],
    ] as const) {
      const r = await call('POST', `/api/reports/${publicId}/${cmd}`, body)
      expect(r.statusCode, r.body).toBe(200)
    }
    await operator('POST', `/api/reports/${publicId}/add-note`, { noteId: crypto.randomUUID(), body: 'catatan internal' })
    const j = await get(`servicerequestupdates.json?${q()}`)
    expect(j.statusCode, j.body).toBe(200)
    const updates = RequestUpdates.parse(j.json())
    expect(updates.every((u) => u.service_request_id === publicCode)).toBe(true)
    expect(updates.map((u) => u.status)).toEqual(['open', 'action_scheduled', 'in_progress', 'fixed'])
    const fixed = updates.at(-1)!
    expect(fixed.description).toContain('Jalan akan ditambal pekan ini')
    const x = await get(`servicerequestupdates.xml?${q()}`)
    const xItems = parseXml(x.body, 'service_request_updates', 'request_update', keysOf(RequestUpdates.element))
    expect(xItems.map((u) => u.update_id)).toEqual(updates.map((u) => u.update_id))
    for (const body of [j.body, x.body]) {
      for (const p of PERSONAL) expect(body).not.toContain(p)
      expect(body).not.toContain(secretCode)
      expect(body).not.toContain('catatan internal')
    }
    // GET requests now carries the answer as status_notes.
    const [req] = ServiceRequests.parse((await get(`requests/${publicCode}.json?${q()}`)).json())
    expect(req!.status_notes).toContain('Jalan akan ditambal')
    const later = new Date(+t.clock.now() + 3_600_000).toISOString()
    expect((await get(`servicerequestupdates.json?${q(`&start_date=${later}&end_date=${later.replace('Z', '1Z')}`)}`)).statusCode).toBe(400)
    expect(RequestUpdates.parse((await get(`servicerequestupdates.json?${q(`&start_date=${later}`)}`)).json())).toEqual([])
  })
  it('POST requests also takes a JSON body with nested attributes', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: { api_key: apiKey, service_code: 'jalan-rusak', description: 'Lampu jalan padam di Kuala', lat: 4.1234, long: 96.2345, attribute: { privacy: 'anonim', kind: 'aspirasi' } },
    })
    expect(r.statusCode, r.body).toBe(201)
    const code = PostResponse.parse(r.json())[0]!.service_request_id
    const [row] = await t.ctx.database.query<{ is_anonymous: boolean; kind: string; latitude: number }>(
      'select is_anonymous, kind, latitude from reports where tracking_code = $1',
      [code],
    )
    expect(row).toMatchObject({ is_anonymous: true, kind: 'aspirasi', latitude: 4.1234 })
  })

  it("service_notice states the tenant's own verification and follow-up limits", async () => {
    const notice = async (extra: Record<string, string> = {}) => {
      const r = await post('requests.json', form(extra))
      expect(r.statusCode, r.body).toBe(201)
      return PostResponse.parse(r.json())[0]!.service_notice!
    }
    // LAPOR! defaults: verification 3 working days, the 'normatif' tier 5.
    expect(await notice()).toMatch(/diverifikasi dalam 3 hari kerja .* dalam 5 hari kerja/)
    await t.ctx.database.query(`update tenants set settings = jsonb_set(settings, '{sla}', $1::jsonb) where id = $2`, [
      JSON.stringify({ verifyWorkingDays: 2, followUpWorkingDays: 9, tierWorkingDays: { normatif: 7, ringan: 4 } }),
      tenant.id,
    ])
    try {
      const n = await notice()
      expect(n).toMatch(/diverifikasi dalam 2 hari kerja .* dalam 7 hari kerja/)
      expect(n).toMatch(/verified within 2 working days, agency follow-up within 7 working days/)
      expect(n).not.toMatch(/\b3 (hari|working)/)
      await t.ctx.db.insert(categories).values({ tenantId: tenant.id, slug: 'lampu', name: 'Lampu Jalan', slaTier: 'ringan' })
      expect(await notice({ service_code: 'lampu' })).toMatch(/2 hari kerja .* 4 hari kerja/)
      const x = await post('requests.xml', form({ service_code: 'lampu' }))
      expect(String(parseXml(x.body, 'service_requests', 'request', keysOf(PostResponse.element))[0]!.service_notice)).toMatch(/within 4 working days/)
    } finally {
      await t.ctx.database.query(`update tenants set settings = settings - 'sla' where id = $1`, [tenant.id])
    }
  })
})
