// Opening a report: the one place a new report row is written, whatever the door (a channel's
// message, an operator's phone or walk-in entry, the portal, Open311, a bridge). It sets the
// tracking code and the first deadline, and writes the 'received' event and runs the event hooks,
// so report event hooks (notifications, webhooks, bridges) see every new report the same way.
import crypto from 'node:crypto'
import type { Db } from '../db/connect.ts'
import { reportEvents, reports } from '../db/schema/index.ts'
import { reportDeadlines } from './deadlines.ts'
import { runReportEventHooksMany } from './hooks.ts'
import type { Actor, LifecycleSettings } from './lifecycle-types.ts'
import { newReportState } from './lifecycle.ts'
import type { ChannelType, ReportKind, Urgency } from './model.ts'
import { HOOK_EVENT_COLUMNS, loadSettings, newTrackingCode, tenantCodePrefix } from './store.ts'

export interface OpenReportInput {
  tenantId: string
  body: string
  channelType: ChannelType
  kind?: ReportKind
  title?: string | null
  flags?: { anonymous?: boolean; confidential?: boolean; emergency?: boolean }
  urgency?: Urgency | null
  categoryId?: string | null
  regionCode?: string | null
  locationText?: string | null
  latitude?: number | null
  longitude?: number | null
  contactId?: string | null
  channelAccountId?: string | null
  conversationId?: string | null
  triage?: Record<string, unknown>
  /** When the reporter sent it (the deadline counts from here); defaults to now. */
  receivedAt?: Date
  /** Who opened it: the reporter (channels, portal), an operator (entry), the system (bridges). */
  actor: Actor
  /** Extra data on the 'received' event (channel, messageId, enteredByOperator ...). */
  eventData?: Record<string, unknown>
  now: Date
}

export interface OpenedReport {
  id: string
  trackingCode: string
}

export async function openReport(tx: Db, input: OpenReportInput): Promise<OpenedReport> {
  return (await openReports(tx, [input]))[0]!
}

/**
 * Opens many reports in one go (the batched intake): the tenant's settings and code prefix read
 * once per tenant, one INSERT of the reports, one of their 'received' events, and the report
 * event hooks called once for all (set-based where a hook offers it). Same rows as one by one.
 */
export async function openReports(tx: Db, inputs: readonly OpenReportInput[]): Promise<OpenedReport[]> {
  if (inputs.length === 0) return []
  const perTenant = new Map<string, { settings: LifecycleSettings; prefix: string }>()
  for (const t of new Set(inputs.map((i) => i.tenantId))) {
    perTenant.set(t, { settings: await loadSettings(tx, t), prefix: await tenantCodePrefix(tx, t) })
  }
  const rows = inputs.map((input) => {
    const { settings, prefix } = perTenant.get(input.tenantId)!
    const id = crypto.randomUUID()
    const receivedAt = input.receivedAt ?? input.now
    const flags = input.flags ?? {}
    const state = newReportState({
      id,
      receivedAt,
      kind: input.kind,
      flags: { anonymous: flags.anonymous ?? false, confidential: flags.confidential ?? false },
      urgency: input.urgency ?? null,
    })
    const regionCode = input.regionCode ?? null
    return {
      tenantId: input.tenantId,
      id,
      trackingCode: newTrackingCode(prefix),
      title: input.title ?? null,
      body: input.body,
      kind: state.kind,
      status: 'received' as const,
      urgency: state.urgency,
      categoryId: input.categoryId ?? null,
      regionCode,
      districtCode: regionCode ? regionCode.split('.').slice(0, 3).join('.') : null,
      locationText: input.locationText ?? null,
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      contactId: input.contactId ?? null,
      channelType: input.channelType,
      channelAccountId: input.channelAccountId ?? null,
      conversationId: input.conversationId ?? null,
      isAnonymous: state.flags.anonymous,
      isConfidential: state.flags.confidential,
      isEmergency: flags.emergency ?? false,
      triage: input.triage ?? {},
      dueAt: reportDeadlines(state, settings, input.now).current?.dueAt ?? null,
      createdAt: receivedAt,
      updatedAt: input.now,
    }
  })
  await tx.insert(reports).values(rows)
  // The 'received' event of each (what insertEvents writes for it), then the hooks for all.
  const events = await tx
    .insert(reportEvents)
    .values(
      inputs.map((input, k) => ({
        tenantId: input.tenantId,
        reportId: rows[k]!.id,
        type: 'received',
        actorKind: input.actor.kind,
        actorUserId: input.actor.kind === 'user' ? input.actor.userId : null,
        actorRole: input.actor.kind === 'user' ? input.actor.role : null,
        agencyId: null,
        fromStatus: null,
        toStatus: 'received' as const,
        data: { channel: input.channelType, ...input.eventData },
        internal: false,
        createdAt: input.now,
      })),
    )
    .returning({ ...HOOK_EVENT_COLUMNS, reportId: reportEvents.reportId })
  const byReport = new Map(events.map(({ reportId, ...e }) => [reportId, { ...e, id: Number(e.id), data: (e.data ?? {}) as Record<string, unknown> }]))
  await runReportEventHooksMany(
    tx,
    inputs.map((input, k) => ({ tenantId: input.tenantId, reportId: rows[k]!.id, events: [byReport.get(rows[k]!.id)!], actor: input.actor, now: input.now })),
  )
  return rows.map((r) => ({ id: r.id, trackingCode: r.trackingCode }))
}
