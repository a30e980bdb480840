// The inbox API: conversations from every channel in one list (filters, search, unread, the
// report's SLA), one conversation with its thread and the reporter's other conversations,
// marking read, canned responses, the agency desk; agency roles never see conversations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contactIdentities, contacts, conversations, messages } from '../../src/db/schema/index.ts'
import { as, createTestApp, login, makeAgency, makeTenant, makeUser, type Session, type TestApp } from '../harness/app.ts'
import { BACKENDS } from '../harness/db.ts'

describe.each(BACKENDS)('inbox API on %s', (backend) => {
  let t: TestApp
  let op: Session
  let auditor: Session
  let agencyAdmin: Session
  let head: Session
  let otherOp: Session
  let agencyId: string
  let waConv: string
  let tgConv: string
  beforeAll(async () => {
    t = await createTestApp(backend)
    const tenant = await makeTenant(t.ctx)
    const other = await makeTenant(t.ctx)
    agencyId = (await makeAgency(t.ctx, tenant.id, 'pupr', { requiresApproval: true })).id
    op = await login(t.app, (await makeUser(t.ctx, tenant.id, 'operator')).email)
    auditor = await login(t.app, (await makeUser(t.ctx, tenant.id, 'auditor')).email)
    agencyAdmin = await login(t.app, (await makeUser(t.ctx, tenant.id, 'agency_admin', agencyId)).email)
    head = await login(t.app, (await makeUser(t.ctx, tenant.id, 'agency_head', agencyId)).email)
    otherOp = await login(t.app, (await makeUser(t.ctx, other.id, 'operator')).email)
    // One citizen on two channels: WhatsApp (unread, recent) and Telegram (read, older).
    const db = t.ctx.db
    const [c] = await db.insert(contacts).values({ tenantId: tenant.id, name: 'Siti Aminah', phone: '6281200000001' }).returning()
    const [wa] = await db.insert(contactIdentities).values({ tenantId: tenant.id, contactId: c!.id, channelType: 'whatsapp', externalId: '6281200000001' }).returning()
    const [tg] = await db.insert(contactIdentities).values({ tenantId: tenant.id, contactId: c!.id, channelType: 'telegram', externalId: '991' }).returning()
    const now = t.clock.now()
    const [w] = await db
      .insert(conversations)
      .values({ tenantId: tenant.id, channelType: 'whatsapp', contactId: c!.id, identityId: wa!.id, unreadCount: 2, lastMessageAt: now, lastInboundAt: now, lastMessagePreview: 'Jembatan gantung putus' })
      .returning()
    const [g] = await db
      .insert(conversations)
      .values({ tenantId: tenant.id, channelType: 'telegram', contactId: c!.id, identityId: tg!.id, unreadCount: 0, lastMessageAt: new Date(+now - 86_400_000), lastMessagePreview: 'Terima kasih' })
      .returning()
    waConv = w!.id
    tgConv = g!.id
    await db.insert(messages).values([
      { tenantId: tenant.id, conversationId: waConv, direction: 'in', body: 'Jembatan gantung putus', createdAt: new Date(+now - 60_000) },
      { tenantId: tenant.id, conversationId: waConv, direction: 'in', body: 'Warga tidak bisa menyeberang', createdAt: now },
    ])
  }, 400_000)
  afterAll(async () => {
    await t?.close()
  })

  it('lists every channel newest first, filters by channel, unread and search', async () => {
    const all = (await as(t.app, op)('GET', '/api/conversations')).json()
    expect(all.items.map((c: { id: string }) => c.id)).toEqual([waConv, tgConv])
    expect(all.items[0]).toMatchObject({ channelType: 'whatsapp', unreadCount: 2, contact: { name: 'Siti Aminah' }, window: { hours: 24, open: true } })
    expect(all.items[1].window).toMatchObject({ hours: null, open: true })
    const tg = (await as(t.app, op)('GET', '/api/conversations?channel=telegram')).json()
    expect(tg.items.map((c: { id: string }) => c.id)).toEqual([tgConv])
    const unread = (await as(t.app, op)('GET', '/api/conversations?unread=true')).json()
    expect(unread.items.map((c: { id: string }) => c.id)).toEqual([waConv])
    const q = (await as(t.app, op)('GET', '/api/conversations?q=jembatan')).json()
    expect(q.items.map((c: { id: string }) => c.id)).toEqual([waConv])
    const none = (await as(t.app, op)('GET', '/api/conversations?q=100%25')).json()
    expect(none.items).toEqual([])
    const page = (await as(t.app, op)('GET', '/api/conversations?limit=1')).json()
    expect(page.items).toHaveLength(1)
    const next = (await as(t.app, op)('GET', `/api/conversations?limit=1&cursor=${page.nextCursor}`)).json()
    expect(next.items.map((c: { id: string }) => c.id)).toEqual([tgConv])
    expect((await as(t.app, op)('GET', '/api/conversations?channel=nope')).statusCode).toBe(400)
  })

  it('shows one conversation with its thread and the reporter’s other conversations, and marks it read', async () => {
    const d = (await as(t.app, op)('GET', `/api/conversations/${waConv}`)).json()
    expect(d.messages.map((m: { body: string }) => m.body)).toEqual(['Jembatan gantung putus', 'Warga tidak bisa menyeberang'])
    expect(d.otherConversations.map((c: { id: string }) => c.id)).toEqual([tgConv])
    expect(d.contact.phone).toBe('6281200000001')
    expect((await as(t.app, op)('POST', `/api/conversations/${waConv}/read`)).statusCode).toBe(204)
    expect((await as(t.app, op)('GET', `/api/conversations/${waConv}`)).json().unreadCount).toBe(0)
    // Auditors read, never write.
    expect((await as(t.app, auditor)('GET', `/api/conversations/${waConv}`)).statusCode).toBe(200)
    expect((await as(t.app, auditor)('POST', `/api/conversations/${waConv}/read`)).statusCode).toBe(403)
  })

  it('the WhatsApp window closes after 24 hours of silence', async () => {
    t.clock.advance(25 * 3600_000)
    op = await login(t.app, op.body.user ? (op.body.user as { email: string }).email : '')
    const d = (await as(t.app, op)('GET', `/api/conversations/${waConv}`)).json()
    expect(d.window.open).toBe(false)
    t.clock.advance(-25 * 3600_000)
  })

  it('keeps conversations from agency roles and from other tenants', async () => {
    expect((await as(t.app, agencyAdmin)('GET', '/api/conversations')).statusCode).toBe(403)
    expect((await as(t.app, agencyAdmin)('GET', `/api/conversations/${waConv}`)).statusCode).toBe(403)
    expect((await as(t.app, otherOp)('GET', `/api/conversations/${waConv}`)).statusCode).toBe(404)
    expect((await as(t.app, otherOp)('GET', '/api/conversations')).json().items).toEqual([])
  })

  it('canned responses: operators write, agency staff read, other tenants see none', async () => {
    const created = await as(t.app, op)('POST', '/api/canned-responses', { shortcut: 'terima', title: 'Laporan diterima', body: 'Halo {nama}, laporan {kode} kami terima.' })
    expect(created.statusCode, created.body).toBe(201)
    const id = created.json().id
    expect((await as(t.app, op)('POST', '/api/canned-responses', { shortcut: 'a b', title: 'x', body: 'y' })).statusCode).toBe(400)
    expect((await as(t.app, agencyAdmin)('POST', '/api/canned-responses', { shortcut: 'x', title: 'x', body: 'y' })).statusCode).toBe(403)
    expect((await as(t.app, agencyAdmin)('GET', '/api/canned-responses')).json().items.map((c: { id: string }) => c.id)).toEqual([id])
    const patched = await as(t.app, op)('PATCH', `/api/canned-responses/${id}`, { title: 'Diterima' })
    expect(patched.json()).toMatchObject({ title: 'Diterima', shortcut: 'terima' })
    expect((await as(t.app, otherOp)('GET', '/api/canned-responses')).json().items).toEqual([])
    expect((await as(t.app, otherOp)('DELETE', `/api/canned-responses/${id}`)).statusCode).toBe(404)
    expect((await as(t.app, op)('DELETE', `/api/canned-responses/${id}`)).statusCode).toBe(204)
    expect((await as(t.app, op)('GET', '/api/canned-responses')).json().items).toEqual([])
  })

  it('the agency desk lists my dispositions by deadline and my drafts awaiting the head', async () => {
    const r = await as(t.app, op)('POST', '/api/reports', { body: 'Drainase tersumbat di pasar', channel: 'phone' })
    const id = r.json().id
    const dispositionId = crypto.randomUUID()
    const v = await as(t.app, op)('POST', `/api/reports/${id}/verify-and-dispatch`, {
      title: 'Drainase tersumbat',
      kind: 'pengaduan',
      categoryId: null,
      regionCode: null,
      flags: { anonymous: false, confidential: false },
      dispositions: [{ id: dispositionId, agencyId, instruction: 'Bersihkan saluran.' }],
    })
    expect(v.statusCode, v.body).toBe(200)
    const desk = (await as(t.app, agencyAdmin)('GET', '/api/desk')).json()
    expect(desk.dispositions.map((d: { id: string }) => d.id)).toEqual([dispositionId])
    expect(desk.dispositions[0]).toMatchObject({ reportId: id, instruction: 'Bersihkan saluran.', status: 'pending' })
    expect((await as(t.app, op)('GET', '/api/desk')).statusCode).toBe(403)
    await as(t.app, agencyAdmin)('POST', `/api/reports/${id}/accept`, { dispositionId })
    const responseId = crypto.randomUUID()
    await as(t.app, agencyAdmin)('POST', `/api/reports/${id}/draft-response`, { responseId, dispositionId, body: 'Saluran sudah dibersihkan.', requiresApproval: true })
    await as(t.app, agencyAdmin)('POST', `/api/reports/${id}/submit-response`, { responseId })
    const forHead = (await as(t.app, head)('GET', '/api/desk')).json()
    expect(forHead.responses).toMatchObject([{ id: responseId, status: 'pending_approval', reportId: id }])
    // The agency admin may not approve: the server says 403, whatever the UI shows.
    expect((await as(t.app, agencyAdmin)('POST', `/api/reports/${id}/approve-response`, { responseId })).statusCode).toBe(403)
    expect((await as(t.app, head)('POST', `/api/reports/${id}/approve-response`, { responseId })).statusCode).toBe(200)
    expect((await as(t.app, head)('GET', '/api/desk')).json().responses).toEqual([])
  })
})
