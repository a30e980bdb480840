// The authorisation matrix of issue 3: every role x {normal, anonymous, confidential} x every read
// endpoint (list, detail, timeline), asserting visibility and exactly which identity-bearing
// fields each viewer receives, checked against the allow-list in src/reports/privacy.ts.
import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../src/reports/model.ts'
import { IDENTITY_FIELDS, REPORT_FIELDS, reportFieldsFor, type PrivacyFacts } from '../../src/reports/privacy.ts'
import { BACKENDS } from '../harness/db.ts'
import { as, createTestApp, login, makeAgency, makeTenant, makeUser, type TestApp } from '../harness/app.ts'

type Call = ReturnType<typeof as>
type Flag = 'normal' | 'anonymous' | 'confidential'
const FLAGS: Flag[] = ['normal', 'anonymous', 'confidential']
const NAME = 'Siti Rahmawati'
const PHONE = '081234567890'

interface ViewerSpec {
  key: string
  role: Role
  agency: 'A' | 'B' | null
}
const VIEWERS: ViewerSpec[] = [
  { key: 'superAdmin', role: 'super_admin', agency: null },
  { key: 'operator', role: 'operator', agency: null },
  { key: 'adminA', role: 'agency_admin', agency: 'A' },
  { key: 'headA', role: 'agency_head', agency: 'A' },
  { key: 'adminB', role: 'agency_admin', agency: 'B' },
  { key: 'leader', role: 'leader', agency: null },
  { key: 'auditor', role: 'auditor', agency: null },
]
/** Detail keys that are not report fields (UI hints). */
const EXTRA_DETAIL_KEYS = ['allowedCommands']

describe.each(BACKENDS)('authorisation matrix on %s', (backend) => {
  let t: TestApp
  let agencyA: string, agencyB: string
  const calls: Record<string, Call> = {}
  const reportIds = {} as Record<Flag, string>

  beforeAll(async () => {
    t = await createTestApp(backend)
    const tenantId = (await makeTenant(t.ctx)).id
    agencyA = (await makeAgency(t.ctx, tenantId, 'pupr')).id
    agencyB = (await makeAgency(t.ctx, tenantId, 'dinkes')).id
    for (const v of VIEWERS) {
      const agency = v.agency === 'A' ? agencyA : v.agency === 'B' ? agencyB : null
      const user = await makeUser(t.ctx, tenantId, v.role, agency)
      calls[v.key] = as(t.app, await login(t.app, user.email))
    }
    const operator = calls.operator!
    for (const flag of FLAGS) {
      const flags = { anonymous: flag === 'anonymous', confidential: flag === 'confidential' }
      const created = await operator('POST', '/api/reports', {
        body: `Saluran air tersumbat di Gampong Blang, laporan ${flag}`,
        channel: 'phone',
        reporterName: NAME,
        reporterPhone: PHONE,
        regionCode: '11.15.01.2001',
        flags,
      })
      expect(created.statusCode, created.body).toBe(201)
      const id = created.json().id as string
      reportIds[flag] = id
      const d = await operator('POST', `/api/reports/${id}/verify-and-dispatch`, {
        title: `Saluran air tersumbat (${flag})`,
        kind: 'pengaduan',
        categoryId: null,
        regionCode: '11.15.01.2001',
        flags,
        dispositions: [{ id: crypto.randomUUID(), agencyId: agencyA, instruction: 'Mohon ditangani' }],
      })
      expect(d.statusCode, d.body).toBe(200)
      expect(d.json().status).toBe('dispatched')
    }
  }, 60_000)
  afterAll(async () => t?.close())

  /** What the allow-list says this viewer may read of a report dispatched (pending) to agency A. */
  const allowed = (v: ViewerSpec, flag: Flag) => {
    const facts: PrivacyFacts = {
      status: 'dispatched',
      flags: { anonymous: flag === 'anonymous', confidential: flag === 'confidential' },
      whistleblowing: false,
      verifiedAt: new Date(),
      dispositions: [{ agencyId: agencyA, status: 'pending' }],
      contactId: 'contact',
    }
    const agencyIds = v.agency === 'A' ? [agencyA] : v.agency === 'B' ? [agencyB] : []
    return reportFieldsFor({ kind: 'user', userId: 'u', role: v.role, agencyIds }, facts)
  }

  // The rule spelled out, so a change to the allow-list itself is noticed too.
  const expectedIdentity = (v: ViewerSpec, flag: Flag): boolean => {
    if (v.agency === 'B') return false
    if (v.role === 'leader') return false
    if (v.role === 'super_admin' || v.role === 'operator') return true
    return flag !== 'anonymous'
  }

  describe.each(VIEWERS)('viewer $key', (v) => {
    it.each(FLAGS)('%s report: list, detail and events show exactly what the allow-list allows', async (flag) => {
      const call = calls[v.key]!
      const id = reportIds[flag]
      const fields = allowed(v, flag)
      const visible = fields.length > 0
      expect(visible).toBe(v.agency !== 'B')
      expect(IDENTITY_FIELDS.every((f) => fields.includes(f))).toBe(expectedIdentity(v, flag))
      expect(IDENTITY_FIELDS.some((f) => fields.includes(f))).toBe(expectedIdentity(v, flag))

      // List
      const list = await call('GET', '/api/reports')
      expect(list.statusCode, list.body).toBe(200)
      const items = list.json().items as Record<string, unknown>[]
      const item = items.find((i) => i.id === id)
      if (!visible) {
        expect(item).toBeUndefined()
        expect(items).toEqual([])
      } else {
        expect(item).toBeDefined()
        for (const f of IDENTITY_FIELDS) expect(item).not.toHaveProperty(f)
      }
      // The list carries no identity for anyone.
      expect(list.body).not.toContain(NAME)
      expect(list.body).not.toContain(PHONE)

      // Detail
      const detail = await call('GET', `/api/reports/${id}`)
      const events = await call('GET', `/api/reports/${id}/events`)
      if (!visible) {
        expect(detail.statusCode, detail.body).toBe(404)
        expect(events.statusCode, events.body).toBe(404)
        for (const body of [detail.body, events.body]) {
          expect(body).not.toContain(NAME)
          expect(body).not.toContain(PHONE)
        }
        return
      }
      expect(detail.statusCode, detail.body).toBe(200)
      const d = detail.json() as Record<string, unknown>
      const keys = Object.keys(d).filter((k) => !EXTRA_DETAIL_KEYS.includes(k))
      // Every key returned is a report field this viewer may read.
      for (const k of keys) {
        expect(REPORT_FIELDS as readonly string[], `unknown key ${k}`).toContain(k)
        expect(fields, `${v.key} must not receive ${k}`).toContain(k)
      }
      // Identity-bearing fields: exactly those the allow-list grants.
      const identityKeys = keys.filter((k) => (IDENTITY_FIELDS as readonly string[]).includes(k)).sort()
      const expectedKeys = expectedIdentity(v, flag) ? [...IDENTITY_FIELDS].sort() : []
      expect(identityKeys).toEqual(expectedKeys)
      if (v.role !== 'super_admin') expect(keys).not.toContain('attachmentOriginals')
      if (expectedIdentity(v, flag)) {
        expect(d.reporterName).toBe(NAME)
        expect((d.reporterContact as { phone: string }).phone).toBe(PHONE)
        expect(d.contactId).toEqual(expect.any(String))
      } else {
        expect(detail.body).not.toContain(NAME)
        expect(detail.body).not.toContain(PHONE)
      }
      expect((d.flags as { anonymous: boolean; confidential: boolean }).anonymous).toBe(flag === 'anonymous')
      expect((d.flags as { anonymous: boolean; confidential: boolean }).confidential).toBe(flag === 'confidential')

      // Events
      expect(events.statusCode, events.body).toBe(200)
      const evs = events.json().items as { type: string; data: Record<string, unknown> }[]
      expect(evs.map((e) => e.type)).toEqual(['received', 'verified_and_dispatched'])
      if (!expectedIdentity(v, flag)) {
        expect(events.body).not.toContain(NAME)
        expect(events.body).not.toContain(PHONE)
        for (const e of evs) for (const f of IDENTITY_FIELDS) expect(e.data).not.toHaveProperty(f)
      }

      // The anonymous report's reporter never reaches an agency user or a leader, on any endpoint.
      if (flag === 'anonymous' && (v.agency !== null || v.role === 'leader')) {
        for (const body of [list.body, detail.body, events.body]) {
          expect(body).not.toContain(NAME)
          expect(body).not.toContain(PHONE)
        }
      }
    })
  })

  it('an unauthenticated caller gets 401 and nothing of any report', async () => {
    const urls = ['/api/reports', ...FLAGS.flatMap((f) => [`/api/reports/${reportIds[f]}`, `/api/reports/${reportIds[f]}/events`])]
    for (const url of urls) {
      const r = await t.app.inject({ method: 'GET', url })
      expect(r.statusCode, `${url}: ${r.body}`).toBe(401)
      expect(r.body).not.toContain(NAME)
      expect(r.body).not.toContain(PHONE)
    }
  })
})
