// The JSON a subscriber receives for one report event. Built inside the event's transaction and
// stored on the delivery row, so every retry sends the same body. Never carries the reporter's
// identity (no contact, name, phone, e-mail, conversation); for anonymous and confidential reports
// the texts are also passed through redaction (names, phone numbers, NIK, e-mail addresses).
import type { ReportRow } from '../../reports/store.ts'
import type { ReportEventBatch, ReportEventRecord } from '../../reports/hooks.ts'
import { redactText } from '../../triage/redact.ts'

/** Event types a subscription may ask for ('*' = all). Internal events are never delivered. */
export const WEBHOOK_EVENT_TYPES = [
  'received',
  'info_requested',
  'info_provided',
  'reporter_replied',
  'verified_and_dispatched',
  'dispositions_added',
  'disposition_accepted',
  'disposition_assigned',
  'disposition_returned',
  'disposition_cancelled',
  'rejected_not_pemda_authority',
  'archived',
  'flags_set',
  'response_published',
  'confirmed',
  'reopened',
  'closed',
  'closed_by_silence',
  'merged',
  'split',
  'escalated',
] as const

const IDENTITY_KEYS = new Set([
  'reporterName',
  'reporterPhone',
  'reporterContact',
  'contactId',
  'conversationId',
  'phone',
  'email',
  'name',
  'from',
  'followUp',
  'handle',
])

function clean(value: unknown, mask: (s: string) => string): unknown {
  if (typeof value === 'string') return mask(value)
  if (Array.isArray(value)) return value.map((v) => clean(v, mask))
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) if (!IDENTITY_KEYS.has(k)) out[k] = clean(v, mask)
    return out
  }
  return value
}

export interface WebhookPayload {
  id: string
  type: string
  createdAt: string
  tenant: { id: string; slug: string }
  report: Record<string, unknown>
  event: Record<string, unknown>
}

export function buildPayload(
  batch: ReportEventBatch,
  e: ReportEventRecord,
  report: ReportRow,
  tenantSlug: string,
  reporterName: string | null,
): WebhookPayload {
  const sensitive = report.isAnonymous || report.isConfidential
  const mask = sensitive
    ? (s: string) => redactText(s, { names: reporterName ? [reporterName] : [] })
    : (s: string) => s
  return {
    id: `${batch.tenantId}:${e.id}`,
    type: `report.${e.type}`,
    createdAt: batch.now.toISOString(),
    tenant: { id: batch.tenantId, slug: tenantSlug },
    report: {
      id: report.id,
      trackingCode: report.trackingCode,
      status: report.status,
      kind: report.kind,
      title: report.title === null ? null : mask(report.title),
      body: mask(report.body),
      categoryId: report.categoryId,
      regionCode: report.regionCode,
      channelType: report.channelType,
      flags: { anonymous: report.isAnonymous, confidential: report.isConfidential, emergency: report.isEmergency },
      urgency: report.urgency,
      dueAt: report.dueAt?.toISOString() ?? null,
      createdAt: report.createdAt.toISOString(),
      updatedAt: report.updatedAt.toISOString(),
    },
    event: {
      id: e.id,
      type: e.type,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      agencyId: e.agencyId,
      actorKind: batch.actor.kind,
      actorRole: batch.actor.kind === 'user' ? batch.actor.role : null,
      data: clean(e.data, mask),
    },
  }
}
