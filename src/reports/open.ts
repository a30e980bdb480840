// Opening a report: the one place a new report row is written, whatever the door (a channel's
// message, an operator's phone or walk-in entry, the portal, Open311, a bridge). It sets the
// tracking code and the first deadline, and writes the 'received' event through insertEvents,
// so report event hooks (notifications, webhooks, bridges) see every new report the same way.
import crypto from 'node:crypto'
import type { Db } from '../db/connect.ts'
import { reports } from '../db/schema/index.ts'
import { reportDeadlines } from './deadlines.ts'
import type { Actor } from './lifecycle-types.ts'
import { newReportState } from './lifecycle.ts'
import type { ChannelType, ReportKind, Urgency } from './model.ts'
import { insertEvents, loadSettings, newTrackingCode, tenantCodePrefix } from './store.ts'

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
  const id = crypto.randomUUID()
  const receivedAt = input.receivedAt ?? input.now
  const flags = input.flags ?? {}
  const settings = await loadSettings(tx, input.tenantId)
  const state = newReportState({
    id,
    receivedAt,
    kind: input.kind,
    flags: { anonymous: flags.anonymous ?? false, confidential: flags.confidential ?? false },
    urgency: input.urgency ?? null,
  })
  const trackingCode = newTrackingCode(await tenantCodePrefix(tx, input.tenantId))
  const regionCode = input.regionCode ?? null
  await tx.insert(reports).values({
    tenantId: input.tenantId,
    id,
    trackingCode,
    title: input.title ?? null,
    body: input.body,
    kind: state.kind,
    status: 'received',
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
  })
  await insertEvents(
    tx,
    input.tenantId,
    id,
    [
      {
        type: 'received',
        fromStatus: null as never,
        toStatus: 'received',
        data: { channel: input.channelType, ...input.eventData },
        agencyId: null,
        internal: false,
      },
    ],
    input.actor,
    input.now,
  )
  return { id, trackingCode }
}
