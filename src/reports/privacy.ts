// Who may see a report, and which of its fields: pure rules the data-access layer applies to
// every read (lists, details, timeline, exports), never only the UI. Explicit allow-lists.
//
//  - super_admin sees everything (break-glass; the data layer audits its reads).
//  - operator sees everything, except the reporter's identity and original attachments of a
//    report about officials (whistle-blowing): that identity belongs to the Inspektorat path.
//  - agency users see only reports with a live disposition (pending, in progress, answered) to one
//    of their agencies (sub-units expanded); a report about officials only on the Inspektorat path;
//    never the identity of an anonymous report; never original attachments (EXIF/GPS).
//  - leaders see every report, never the reporter's identity.
//  - auditors read every report, with identity unless anonymous or about officials.
//  - the reporter sees their own report (matched by contact), with what they sent.
//  - the public sees only verified, published, non-confidential reports not about officials,
//    never identity or exact location, with texts passed through the caller's redaction.
import type { DispositionStatus, ReportStatus, Role } from './model.ts'

export const REPORT_FIELDS = [
  // what the report is about
  'id',
  'trackingCode',
  'status',
  'kind',
  'title',
  'body',
  'categoryId',
  'regionCode',
  'locationText',
  'latitude',
  'longitude',
  'createdAt',
  'updatedAt',
  // how it is handled
  'flags',
  'urgency',
  'slaTier',
  'sla',
  'agencies',
  'dispositions',
  'publishedResponses',
  /** Drafts and follow-ups awaiting approval (for an agency: the data layer returns its own only). */
  'unpublishedResponses',
  'internalNotes',
  /** The full timeline with actors and internal events. */
  'timeline',
  /** Status changes and published follow-ups only, without staff names. */
  'publicTimeline',
  'rating',
  'masterReportId',
  'splitFromId',
  'channelType',
  'channelAccountId',
  'externalRefs',
  // attachments: sanitised copies (EXIF and GPS stripped) and the originals
  'attachments',
  'attachmentOriginals',
  // the reporter's identity, and what leads to it
  'contactId',
  'reporterName',
  'reporterContact',
  'conversationId',
] as const
export type ReportField = (typeof REPORT_FIELDS)[number]

export const IDENTITY_FIELDS: readonly ReportField[] = [
  'contactId',
  'reporterName',
  'reporterContact',
  'conversationId',
]
const ORIGINALS: readonly ReportField[] = ['attachmentOriginals']
export const PUBLIC_FIELDS: readonly ReportField[] = [
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
const REPORTER_FIELDS: readonly ReportField[] = [
  ...PUBLIC_FIELDS,
  'updatedAt',
  'flags',
  'locationText',
  'latitude',
  'longitude',
  'attachments',
  'reporterName',
  'reporterContact',
]
/** Texts the public sees only through the caller's redaction (names, phone numbers, NIK...). */
export const REDACTED_FOR_PUBLIC: readonly ReportField[] = ['title', 'body', 'publishedResponses']

/** Statuses in which a verified report is on the public portal. */
export const PUBLIC_STATUSES: readonly ReportStatus[] = [
  'dispatched',
  'in_progress',
  'returned',
  'answered',
  'reopened',
  'closed',
]
/** Disposition statuses that let an agency see the report. */
export const LIVE_DISPOSITION_STATUSES: readonly DispositionStatus[] = ['pending', 'in_progress', 'answered']

export type Viewer =
  | { kind: 'user'; userId: string; role: Role; agencyIds: readonly string[] }
  | { kind: 'reporter'; contactId: string }
  | { kind: 'public' }

/** What the rules need to know about a report. ReportState plus contactId satisfies it. */
export interface PrivacyFacts {
  status: ReportStatus
  flags: { anonymous: boolean; confidential: boolean }
  whistleblowing: boolean
  verifiedAt: Date | null
  dispositions: readonly { agencyId: string; status: DispositionStatus }[]
  contactId: string | null
}

export interface PrivacyPolicy {
  /** The Inspektorat path (sub-units expanded). Without it, a whistle-blowing report is hidden from every agency user. */
  integrityAgencyIds?: readonly string[]
}

function agencyMayHold(viewer: Viewer, r: PrivacyFacts, policy: PrivacyPolicy): boolean {
  if (viewer.kind !== 'user') return false
  return r.dispositions.some(
    (d) =>
      LIVE_DISPOSITION_STATUSES.includes(d.status) &&
      viewer.agencyIds.includes(d.agencyId) &&
      (!r.whistleblowing || (policy.integrityAgencyIds ?? []).includes(d.agencyId)),
  )
}

export function isPublic(r: PrivacyFacts): boolean {
  return (
    !r.flags.confidential && !r.whistleblowing && r.verifiedAt !== null && PUBLIC_STATUSES.includes(r.status)
  )
}

export function canSeeReport(viewer: Viewer, r: PrivacyFacts, policy: PrivacyPolicy = {}): boolean {
  if (viewer.kind === 'public') return isPublic(r)
  if (viewer.kind === 'reporter') return r.contactId !== null && r.contactId === viewer.contactId
  switch (viewer.role) {
    case 'super_admin':
    case 'operator':
    case 'leader':
    case 'auditor':
      return true
    case 'agency_admin':
    case 'agency_head':
      return agencyMayHold(viewer, r, policy)
  }
}

/** The fields this viewer may read of this report; empty when it may not see the report at all. */
export function reportFieldsFor(
  viewer: Viewer,
  r: PrivacyFacts,
  policy: PrivacyPolicy = {},
): readonly ReportField[] {
  if (!canSeeReport(viewer, r, policy)) return []
  if (viewer.kind === 'public') return PUBLIC_FIELDS
  if (viewer.kind === 'reporter') return REPORTER_FIELDS
  const hidden = new Set<ReportField>()
  const hide = (fields: readonly ReportField[]) => fields.forEach((f) => hidden.add(f))
  switch (viewer.role) {
    case 'super_admin':
      break
    case 'operator':
      if (r.whistleblowing) hide([...IDENTITY_FIELDS, ...ORIGINALS])
      break
    case 'agency_admin':
    case 'agency_head':
    case 'auditor':
      hide(ORIGINALS)
      if (r.flags.anonymous || (viewer.role === 'auditor' && r.whistleblowing)) hide(IDENTITY_FIELDS)
      break
    case 'leader':
      hide([...ORIGINALS, ...IDENTITY_FIELDS])
      break
  }
  return REPORT_FIELDS.filter((f) => !hidden.has(f))
}

export function canSeeIdentity(viewer: Viewer, r: PrivacyFacts, policy: PrivacyPolicy = {}): boolean {
  return reportFieldsFor(viewer, r, policy).includes('reporterName')
}

/**
 * Build what a viewer receives from a full record: only allowed fields, and for the public the
 * texts passed through `redact` (published follow-ups' `body` too). Returns null when hidden.
 */
export function presentReport<T extends Partial<Record<ReportField, unknown>>>(
  viewer: Viewer,
  facts: PrivacyFacts,
  record: T,
  options: { redact: (text: string) => string; policy?: PrivacyPolicy },
): Partial<T> | null {
  const fields = reportFieldsFor(viewer, facts, options.policy)
  if (fields.length === 0) return null
  const out: Partial<Record<ReportField, unknown>> = {}
  for (const f of fields) {
    if (!(f in record)) continue
    const value = record[f]
    out[f] =
      viewer.kind === 'public' && REDACTED_FOR_PUBLIC.includes(f) ? redactValue(value, options.redact) : value
  }
  return out as Partial<T>
}

function redactValue(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === 'string') return redact(value)
  if (Array.isArray(value)) return value.map((v) => redactValue(v, redact))
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>
    return typeof o.body === 'string' ? { ...o, body: redact(o.body) } : o
  }
  return value
}

/**
 * Which reports a viewer may list, as a description the data layer turns into one WHERE clause
 * (so lists apply the same rule as canSeeReport without a query per row).
 */
export type VisibilityScope =
  | { kind: 'all' }
  | {
      kind: 'agencies'
      agencyIds: readonly string[]
      dispositionStatuses: readonly DispositionStatus[]
      whistleblowingAgencyIds: readonly string[]
    }
  | { kind: 'reporter'; contactId: string }
  | { kind: 'public'; statuses: readonly ReportStatus[] }

export function visibilityScope(viewer: Viewer, policy: PrivacyPolicy = {}): VisibilityScope {
  if (viewer.kind === 'public') return { kind: 'public', statuses: PUBLIC_STATUSES }
  if (viewer.kind === 'reporter') return { kind: 'reporter', contactId: viewer.contactId }
  if (viewer.role !== 'agency_admin' && viewer.role !== 'agency_head') return { kind: 'all' }
  const integrity = policy.integrityAgencyIds ?? []
  return {
    kind: 'agencies',
    agencyIds: viewer.agencyIds,
    dispositionStatuses: LIVE_DISPOSITION_STATUSES,
    whistleblowingAgencyIds: viewer.agencyIds.filter((a) => integrity.includes(a)),
  }
}
