// The report lifecycle through HTTP on PGlite and PostgreSQL: the story of issue 3, privacy of
// reads, forbidden commands changing nothing, and the list's filters and full-text search.
import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSilenceClosure } from '../../src/reports/jobs-silence.ts'
import { BACKENDS } from '../harness/db.ts'
import { as, createTestApp, login, makeAgency, makeTenant, makeUser, type TestApp } from '../harness/app.ts'

type Call = ReturnType<typeof as>
const DAY = 86_400_000

describe.each(BACKENDS)('report lifecycle over HTTP on %s', (backend) => {
  let t: TestApp
  let operator: Call, adminA: Call, headA: Call, adminB: Call, adminC: Call, leader: Call, auditor: Call
  const emails: Record<string, string> = {}
  /** Sessions expire while the fake clock runs for weeks: sign everyone in again. */
  const signIn = async () => {
    const s = async (k: string) => as(t.app, await login(t.app, emails[k]!))
    ;[operator, adminA, headA, adminB, adminC, leader, auditor] = await Promise.all(
      ['operator', 'adminA', 'headA', 'adminB', 'adminC', 'leader', 'auditor'].map(s),
    )
  }
  let agencyA: string, agencyB: string, tenantId: string
  let reportId: string
  let otherId: string

  beforeAll(async () => {
    t = await createTestApp(backend)
    tenantId = (await makeTenant(t.ctx)).id
    agencyA = (await makeAgency(t.ctx, tenantId, 'pupr')).id
    agencyB = (await makeAgency(t.ctx, tenantId, 'dinkes')).id
    const agencyC = (await makeAgency(t.ctx, tenantId, 'disdik')).id
    const user = async (k: string, role: Parameters<typeof makeUser>[2], agency: string | null = null) => {
      emails[k] = (await makeUser(t.ctx, tenantId, role, agency)).email
    }
    await user('operator', 'operator')
    await user('adminA', 'agency_admin', agencyA)
    await user('headA', 'agency_head', agencyA)
    await user('adminB', 'agency_admin', agencyB)
    await user('adminC', 'agency_admin', agencyC)
    await user('leader', 'leader')
    await user('auditor', 'auditor')
    await signIn()
  }, 60_000)
  afterAll(async () => t?.close())

  const events = async (call: Call, id: string) => {
    const r = await call('GET', `/api/reports/${id}/events`)
    expect(r.statusCode, r.body).toBe(200)
    return r.json().items as { type: string; fromStatus: string | null; toStatus: string | null; data: Record<string, unknown>; actorRole: string | null; actorKind: string }[]
  }
  const ok = async (p: Promise<{ statusCode: number; body: string; json(): any }>, status = 200) => {
    const r = await p
    expect(r.statusCode, r.body).toBe(status)
    return r.json()
  }

  it('tells the whole story: received to closed by silence', async () => {
    const created = await ok(
      operator('POST', '/api/reports', {
        body: 'Jalan rusak berlubang di depan pasar Jeuram, sudah dua bulan tidak diperbaiki',
        channel: 'phone',
        reporterName: 'Budi Santoso',
        reporterPhone: '081234567890',
        regionCode: '11.15.01.2001',
        flags: { anonymous: true },
      }),
      201,
    )
    reportId = created.id
    expect(created.trackingCode).toMatch(/^TST-[A-Z2-7]{8}$/)
    expect(created.status).toBe('received')

    const step = async (call: Call, cmd: string, body: object, status: string) => {
      t.clock.advance(60 * 60_000)
      const r = await ok(call('POST', `/api/reports/${reportId}/${cmd}`, body))
      expect(r.status).toBe(status)
    }
    await step(operator, 'request-info', { message: 'Mohon sebutkan lokasi persisnya' }, 'needs_info')
    await step(operator, 'provide-info', { message: 'Di depan Pasar Jeuram, sisi timur' }, 'received')
    const dA = crypto.randomUUID()
    const dB = crypto.randomUUID()
    await step(
      operator,
      'verify-and-dispatch',
      {
        title: 'Jalan berlubang di depan Pasar Jeuram',
        kind: 'pengaduan',
        categoryId: null,
        regionCode: '11.15.01.2001',
        flags: { anonymous: true, confidential: false },
        dispositions: [
          { id: dA, agencyId: agencyA, instruction: 'Mohon diperbaiki' },
          { id: dB, agencyId: agencyB, instruction: 'Mohon dicek' },
        ],
      },
      'dispatched',
    )
    await step(adminB, 'return-not-authority', { dispositionId: dB, reason: 'Jalan adalah kewenangan PUPR' }, 'dispatched')
    await step(adminA, 'accept', { dispositionId: dA }, 'in_progress')
    const resp = crypto.randomUUID()
    await step(adminA, 'draft-response', { responseId: resp, dispositionId: dA, body: 'Jalan akan ditambal minggu ini.', requiresApproval: true }, 'in_progress')
    await step(adminA, 'submit-response', { responseId: resp }, 'in_progress')
    await step(headA, 'approve-response', { responseId: resp }, 'answered')

    // Once B returned it, B no longer sees it.
    expect((await adminB('GET', `/api/reports/${reportId}`)).statusCode).toBe(404)

    // Not yet: the silence period runs 10 working days.
    t.clock.advance(3 * DAY)
    expect((await runSilenceClosure(t.ctx)).closed).not.toContain(reportId)
    t.clock.advance(20 * DAY)
    expect((await runSilenceClosure(t.ctx)).closed).toContain(reportId)
    await signIn()

    const detail = await ok(operator('GET', `/api/reports/${reportId}`))
    expect(detail.status).toBe('closed')
    expect(detail.publishedResponses).toHaveLength(1)
    expect(detail.publishedResponses[0].body).toBe('Jalan akan ditambal minggu ini.')

    const story = (await events(operator, reportId)).filter((e) => e.toStatus).map((e) => `${e.fromStatus ?? '-'}>${e.toStatus}`)
    expect(story).toEqual([
      '->received',
      'received>needs_info',
      'needs_info>received',
      'received>dispatched',
      'dispatched>in_progress',
      'in_progress>answered',
      'answered>closed',
    ])
    const types = (await events(operator, reportId)).map((e) => e.type)
    expect(types).toEqual([
      'received',
      'info_requested',
      'info_provided',
      'verified_and_dispatched',
      'disposition_returned',
      'disposition_accepted',
      'response_drafted',
      'response_submitted',
      'response_approved',
      'response_published',
      'closed_by_silence',
    ])
    const last = (await events(operator, reportId)).at(-1)!
    expect(last.actorKind).toBe('system')
  })

  it('never shows an anonymous reporter to an agency user or a leader', async () => {
    const op = await ok(operator('GET', `/api/reports/${reportId}`))
    expect(op.reporterName).toBe('Budi Santoso')
    for (const call of [adminA, headA, leader]) {
      const r = await call('GET', `/api/reports/${reportId}`)
      expect(r.statusCode, r.body).toBe(200)
      const body = r.body + (await call('GET', `/api/reports/${reportId}/events`)).body + (await call('GET', '/api/reports')).body
      expect(body).not.toContain('Budi')
      expect(body).not.toContain('081234567890')
      expect(r.json().contactId).toBeUndefined()
    }
  })

  it('hides another agency’s report: 404 and absent from the list', async () => {
    expect((await adminC('GET', `/api/reports/${reportId}`)).statusCode).toBe(404)
    expect((await adminC('GET', `/api/reports/${reportId}/events`)).statusCode).toBe(404)
    const list = await ok(adminC('GET', '/api/reports'))
    expect(list.items).toEqual([])
    const listA = await ok(adminA('GET', '/api/reports'))
    expect(listA.items.map((i: { id: string }) => i.id)).toEqual([reportId])
    // A command on a hidden report is a 404 too.
    expect((await adminC('POST', `/api/reports/${reportId}/add-note`, { noteId: 'n1', body: 'x' })).statusCode).toBe(404)
  })

  it('a forbidden role’s command changes nothing', async () => {
    otherId = (
      await ok(
        operator('POST', '/api/reports', {
          body: 'Lampu penerangan jalan mati di Desa Suka Makmur sejak seminggu',
          channel: 'walk_in',
          regionCode: '11.15.02.2003',
        }),
        201,
      )
    ).id
    const before = await events(operator, otherId)
    for (const call of [leader, auditor]) {
      const r = await call('POST', `/api/reports/${otherId}/request-info`, { message: 'Mohon detail' })
      expect(r.statusCode, r.body).toBe(403)
      expect(r.headers['content-type']).toContain('application/problem+json')
    }
    const r = await operator('POST', `/api/reports/${otherId}/approve-response`, { responseId: 'x' })
    expect(r.statusCode).toBe(403)
    expect(await events(operator, otherId)).toEqual(before)
    expect((await ok(operator('GET', `/api/reports/${otherId}`))).status).toBe('received')
    // Wrong state: 409; bad body: 400.
    const cbs = await operator("POST", `/api/reports/${otherId}/close-by-silence`)
    expect(cbs.statusCode, cbs.body).toBe(403)
    expect((await adminA('POST', `/api/reports/${reportId}/accept`, { dispositionId: 'x' })).statusCode).toBe(409)
    expect((await operator('POST', `/api/reports/${otherId}/request-info`, {})).statusCode).toBe(400)
    expect(await events(operator, otherId)).toEqual(before)
  })

  it('filters the list and searches the text', async () => {
    const ids = async (qs: string) => (await ok(operator('GET', `/api/reports${qs}`))).items.map((i: { id: string }) => i.id)
    expect(await ids('')).toEqual([otherId, reportId])
    expect(await ids('?status=closed')).toEqual([reportId])
    expect(await ids('?status=received&status=closed')).toEqual([otherId, reportId])
    expect(await ids('?channel=walk_in')).toEqual([otherId])
    expect(await ids('?kind=pengaduan&region=11.15.02')).toEqual([otherId])
    expect(await ids('?region=11.15.01')).toEqual([reportId])
    expect(await ids(`?agency=${agencyA}`)).toEqual([reportId])
    expect(await ids('?q=lampu%20mati')).toEqual([otherId])
    expect(await ids('?q=jalan')).toEqual([otherId, reportId])
    expect(await ids('?q=berlubang')).toEqual([reportId])
    expect(await ids(`?from=${encodeURIComponent(new Date(+t.clock.now() - DAY).toISOString())}`)).toEqual([otherId])
    expect(await ids('?sla=overdue')).toEqual([])
    const page1 = await ok(operator('GET', '/api/reports?limit=1'))
    expect(page1.items.map((i: { id: string }) => i.id)).toEqual([otherId])
    const page2 = await ok(operator('GET', `/api/reports?limit=1&cursor=${page1.nextCursor}`))
    expect(page2.items.map((i: { id: string }) => i.id)).toEqual([reportId])
    expect(page2.nextCursor).toBeNull()
  })

  it('takes { type } at /commands, keeps notes internal to the right people, and serialises racing commands', async () => {
    const r = await ok(operator('POST', `/api/reports/${otherId}/commands`, { type: 'add_note', noteId: 'n-1', body: 'Warga sekitar sudah dihubungi' }))
    expect(r.status).toBe('received')
    const detail = await ok(operator('GET', `/api/reports/${otherId}`))
    expect(detail.internalNotes.map((n: { body: string }) => n.body)).toEqual(['Warga sekitar sudah dihubungi'])
    const d = crypto.randomUUID()
    await ok(
      operator('POST', `/api/reports/${otherId}/verify-and-dispatch`, {
        title: 'Lampu jalan mati',
        kind: 'pengaduan',
        categoryId: null,
        regionCode: null,
        flags: { anonymous: false, confidential: false },
        dispositions: [{ id: d, agencyId: agencyA, instruction: 'Mohon diperbaiki' }],
      }),
    )
    // Two agency users accept at once: the row lock lets one win, the other meets the new state.
    const [a, b] = await Promise.all([
      adminA('POST', `/api/reports/${otherId}/accept`, { dispositionId: d }),
      headA('POST', `/api/reports/${otherId}/accept`, { dispositionId: d }),
    ])
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409])
    const accepted = (await events(operator, otherId)).filter((e) => e.type === 'disposition_accepted')
    expect(accepted).toHaveLength(1)
    // Notes without an agency are the coordinator's and visible to the agency holding the report.
    const asA = await ok(adminA('GET', `/api/reports/${otherId}`))
    expect(asA.status).toBe('in_progress')
    expect(asA.allowedCommands).toContain('draft_response')
    expect(asA.allowedCommands).not.toContain('verify_and_dispatch')
    expect(asA.internalNotes).toHaveLength(1)
  })

  it('a report about officials reaches only the Inspektorat path', async () => {
    const insp = (await makeAgency(t.ctx, tenantId, 'inspektorat', { type: 'inspektorat' })).id
    const inspAdmin = as(t.app, await login(t.app, (await makeUser(t.ctx, tenantId, 'agency_admin', insp)).email))
    const id = (await ok(operator('POST', '/api/reports', { body: 'Pungli oleh petugas di kantor camat', channel: 'walk_in', reporterName: 'Siti' }), 201)).id
    await ok(
      operator('POST', `/api/reports/${id}/verify-and-dispatch`, {
        title: 'Dugaan pungli',
        kind: 'pengaduan',
        categoryId: null,
        regionCode: null,
        whistleblowing: true,
        flags: { anonymous: false, confidential: true },
        dispositions: [{ id: crypto.randomUUID(), agencyId: insp, instruction: 'Mohon ditelusuri' }],
      }),
    )
    const listed = await ok(inspAdmin('GET', '/api/reports'))
    expect(listed.items.map((i: { id: string }) => i.id)).toEqual([id])
    expect((await ok(inspAdmin('GET', `/api/reports/${id}`))).flags.whistleblowing).toBe(true)
    expect((await adminA('GET', `/api/reports/${id}`)).statusCode).toBe(404)
    expect((await ok(adminA('GET', '/api/reports'))).items.map((i: { id: string }) => i.id)).not.toContain(id)
    // The operator does not see the identity of a whistle-blower.
    expect((await ok(operator('GET', `/api/reports/${id}`))).reporterName).toBeUndefined()
  })
})
