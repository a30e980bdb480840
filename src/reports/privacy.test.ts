import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DISPOSITION_STATUSES, REPORT_STATUSES, ROLES } from './model.ts'
import {
  canSeeIdentity,
  canSeeReport,
  presentReport,
  REPORT_FIELDS,
  reportFieldsFor,
  visibilityScope,
  type PrivacyFacts,
  type ReportField,
  type Viewer,
} from './privacy.ts'

// The specification, written out here independently of privacy.ts's own groupings.
const IDENTITY = ['contactId', 'reporterName', 'reporterContact', 'conversationId']
const ORIGINALS = ['attachmentOriginals']
const PUBLIC = [
  'trackingCode',
  'status',
  'kind',
  'title',
  'body',
  'categoryId',
  'regionCode',
  'createdAt',
  'agencies',
  'publishedResponses',
  'publicTimeline',
  'rating',
]
const OWN = [
  ...PUBLIC,
  'updatedAt',
  'flags',
  'locationText',
  'latitude',
  'longitude',
  'attachments',
  'reporterName',
  'reporterContact',
]
const ALL = [...REPORT_FIELDS]
const but = (...groups: string[][]) => ALL.filter((f) => !groups.flat().includes(f))
const NONE: string[] = []

const policy = { integrityAgencyIds: ['insp'] }
const user = (role: (typeof ROLES)[number], agencyIds: string[] = []): Viewer => ({
  kind: 'user',
  userId: 'u',
  role,
  agencyIds,
})
const viewers: Record<string, Viewer> = {
  super_admin: user('super_admin'),
  operator: user('operator', ['kominfo']),
  'agency_admin (DLH)': user('agency_admin', ['dlh', 'dlh-bidang']),
  'agency_head (DLH)': user('agency_head', ['dlh']),
  'agency_admin (Dinkes)': user('agency_admin', ['dinkes']),
  'agency_admin (Inspektorat)': user('agency_admin', ['insp']),
  leader: user('leader'),
  auditor: user('auditor'),
  'reporter (own)': { kind: 'reporter', contactId: 'c-1' },
  'reporter (other)': { kind: 'reporter', contactId: 'c-2' },
  public: { kind: 'public' },
}

const base: PrivacyFacts = {
  status: 'in_progress',
  flags: { anonymous: false, confidential: false },
  whistleblowing: false,
  verifiedAt: new Date('2026-04-09T01:00:00Z'),
  dispositions: [{ agencyId: 'dlh', status: 'in_progress' }],
  contactId: 'c-1',
}
const cases: Record<string, PrivacyFacts> = {
  normal: base,
  anonymous: { ...base, flags: { anonymous: true, confidential: false } },
  confidential: { ...base, flags: { anonymous: false, confidential: true } },
  'about officials': {
    ...base,
    whistleblowing: true,
    dispositions: [{ agencyId: 'insp', status: 'in_progress' }],
  },
}

//                                 normal                anonymous             confidential          about officials
const MATRIX: Record<string, [string[], string[], string[], string[]]> = {
  super_admin: [ALL, ALL, ALL, ALL],
  operator: [ALL, ALL, ALL, but(IDENTITY, ORIGINALS)],
  'agency_admin (DLH)': [but(ORIGINALS), but(ORIGINALS, IDENTITY), but(ORIGINALS), NONE],
  'agency_head (DLH)': [but(ORIGINALS), but(ORIGINALS, IDENTITY), but(ORIGINALS), NONE],
  'agency_admin (Dinkes)': [NONE, NONE, NONE, NONE],
  'agency_admin (Inspektorat)': [NONE, NONE, NONE, but(ORIGINALS)],
  leader: [
    but(ORIGINALS, IDENTITY),
    but(ORIGINALS, IDENTITY),
    but(ORIGINALS, IDENTITY),
    but(ORIGINALS, IDENTITY),
  ],
  auditor: [but(ORIGINALS), but(ORIGINALS, IDENTITY), but(ORIGINALS), but(ORIGINALS, IDENTITY)],
  'reporter (own)': [OWN, OWN, OWN, OWN],
  'reporter (other)': [NONE, NONE, NONE, NONE],
  public: [PUBLIC, PUBLIC, NONE, NONE],
}

describe('the authorisation matrix: every viewer x {normal, anonymous, confidential, about officials}', () => {
  for (const [name, expected] of Object.entries(MATRIX)) {
    Object.keys(cases).forEach((c, i) => {
      it(`${name} / ${c}`, () => {
        const fields = reportFieldsFor(viewers[name], cases[c], policy)
        expect([...fields].sort()).toEqual([...expected[i]].sort())
        expect(canSeeReport(viewers[name], cases[c], policy)).toBe(expected[i].length > 0)
      })
    })
  }

  it('covers every role', () => {
    const covered = new Set(Object.values(viewers).map((v) => (v.kind === 'user' ? v.role : v.kind)))
    for (const role of ROLES) expect(covered).toContain(role)
  })
})

describe('visibility rules', () => {
  it('shows the public only verified reports in a published status', () => {
    for (const status of REPORT_STATUSES) {
      const visible = canSeeReport({ kind: 'public' }, { ...base, status })
      expect(visible).toBe(
        ['dispatched', 'in_progress', 'returned', 'answered', 'reopened', 'closed'].includes(status),
      )
    }
    expect(canSeeReport({ kind: 'public' }, { ...base, verifiedAt: null })).toBe(false)
  })

  it('lets an agency see a report only while it holds a live disposition', () => {
    const dlh = viewers['agency_admin (DLH)']
    for (const status of DISPOSITION_STATUSES) {
      const facts = { ...base, dispositions: [{ agencyId: 'dlh-bidang', status }] }
      expect(canSeeReport(dlh, facts)).toBe(['pending', 'in_progress', 'answered'].includes(status))
    }
    // Without the Inspektorat list, a report about officials reaches no agency at all.
    expect(canSeeReport(viewers['agency_admin (Inspektorat)'], cases['about officials'])).toBe(false)
  })

  it('never lets an anonymous reporter identity reach an agency, a leader, an auditor or the public', () => {
    const facts = fc.record({
      status: fc.constantFrom(...REPORT_STATUSES),
      flags: fc.record({ anonymous: fc.constant(true), confidential: fc.boolean() }),
      whistleblowing: fc.boolean(),
      verifiedAt: fc.option(fc.constant(new Date()), { nil: null }),
      dispositions: fc.array(
        fc.record({
          agencyId: fc.constantFrom('dlh', 'insp', 'dinkes'),
          status: fc.constantFrom(...DISPOSITION_STATUSES),
        }),
      ),
      contactId: fc.constantFrom('c-1', null),
    })
    const outsiders = Object.entries(viewers).filter(([n]) => !/super_admin|operator|reporter/.test(n))
    fc.assert(
      fc.property(facts, fc.constantFrom(...outsiders), (f, [, v]) => {
        const fields = reportFieldsFor(v, f, policy)
        for (const id of IDENTITY) expect(fields).not.toContain(id as ReportField)
        expect(canSeeIdentity(v, f, policy)).toBe(false)
      }),
    )
  })
})

describe('presenting a report', () => {
  const record = {
    id: 'rep-1',
    trackingCode: 'NGR-26-0001',
    status: 'in_progress',
    title: 'Pungli di kantor desa, hubungi Budi 0812-3456-7890',
    body: 'Saya Budi (NIK 1115010101010001) melapor',
    publishedResponses: [{ id: 'r1', body: 'Sudah kami tegur, terima kasih Pak Budi' }],
    reporterName: 'Budi',
    reporterContact: '+6281234567890',
    internalNotes: [{ body: 'rahasia' }],
  }
  const redact = (t: string) => t.replace(/Budi/g, '[nama]').replace(/[\d-]{10,}/g, '[angka]')

  it('gives the public only allowed fields, with every text redacted', () => {
    const out = presentReport({ kind: 'public' }, base, record, { redact })
    expect(out).toEqual({
      trackingCode: 'NGR-26-0001',
      status: 'in_progress',
      title: 'Pungli di kantor desa, hubungi [nama] [angka]',
      body: 'Saya [nama] (NIK [angka]) melapor',
      publishedResponses: [{ id: 'r1', body: 'Sudah kami tegur, terima kasih Pak [nama]' }],
    })
  })

  it('gives staff the allowed fields unredacted and hides what they may not read', () => {
    const out = presentReport(viewers['agency_admin (DLH)'], cases.anonymous, record, { redact })
    expect(out).toMatchObject({ title: record.title, internalNotes: record.internalNotes })
    expect(out).not.toHaveProperty('reporterName')
    expect(presentReport(viewers['agency_admin (Dinkes)'], base, record, { redact })).toBeNull()
  })

  it('describes list visibility for one WHERE clause', () => {
    expect(visibilityScope(viewers.leader)).toEqual({ kind: 'all' })
    expect(visibilityScope(viewers['agency_admin (Inspektorat)'], policy)).toMatchObject({
      kind: 'agencies',
      agencyIds: ['insp'],
      whistleblowingAgencyIds: ['insp'],
    })
    expect(visibilityScope({ kind: 'public' })).toMatchObject({ kind: 'public' })
  })
})
