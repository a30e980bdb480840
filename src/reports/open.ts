// Opening a report: the one place a new report row is written, whatever the door (a channel's
// message, an operator's phone or walk-in entry, the portal, Open311, a bridge). It sets the
// tracking code and the first deadline, and writes the 'received' event and runs the event hooks,
// so report event hooks (notifications, webhooks, bridges) see every new report the same way.
import crypto from 'node:crypto'
import { rowsOf, type Db } from '../db/connect.ts'
import { sql } from 'drizzle-orm'
import { reportDeadlines } from './deadlines.ts'
import { runReportEventHooksMany } from './hooks.ts'
import type { Actor, LifecycleSettings } from './lifecycle-types.ts'
import { newReportState } from './lifecycle.ts'
import type { ChannelType, ReportKind, Urgency } from './model.ts'
import { loadSettings, newTrackingCode, tenantCodePrefix } from './store.ts'

export interface OpenReportInput {
  /** The report's id, when the caller chose it beforehand (the intake links its rows first); else a new one. */
  id?: string
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

type EventRow = {
  id: string | number
  report_id: string
  type: string
  from_status: string | null
  to_status: string | null
  agency_id: string | null
  data: unknown
  internal: boolean
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
    const id = input.id ?? crypto.randomUUID()
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
  // One statement for both tables, the rows as one JSON parameter: no per-cell query building
  // (drizzle's multi-row insert was a quarter of the intake worker's CPU). The events are inserted
  // from the reports' RETURNING, in input order, so their ids follow the reports as before.
  const values = JSON.stringify(
    rows.map((r, k) => {
      const input = inputs[k]!
      return {
        i: k,
        tenant_id: r.tenantId,
        id: r.id,
        tracking_code: r.trackingCode,
        title: r.title,
        body: r.body,
        kind: r.kind,
        status: r.status,
        urgency: r.urgency,
        category_id: r.categoryId,
        region_code: r.regionCode,
        district_code: r.districtCode,
        location_text: r.locationText,
        latitude: r.latitude,
        longitude: r.longitude,
        contact_id: r.contactId,
        channel_type: r.channelType,
        channel_account_id: r.channelAccountId,
        conversation_id: r.conversationId,
        is_anonymous: r.isAnonymous,
        is_confidential: r.isConfidential,
        is_emergency: r.isEmergency,
        triage: r.triage,
        due_at: r.dueAt?.toISOString() ?? null,
        created_at: r.createdAt.toISOString(),
        updated_at: r.updatedAt.toISOString(),
        actor_kind: input.actor.kind,
        actor_user_id: input.actor.kind === 'user' ? input.actor.userId : null,
        actor_role: input.actor.kind === 'user' ? input.actor.role : null,
        data: { channel: input.channelType, ...input.eventData },
        now: input.now.toISOString(),
      }
    }),
  )
  const events = await rowsOf<EventRow>(
    tx,
    sql`with v as (
      select * from jsonb_to_recordset(${values}::jsonb) as v(i int, tenant_id uuid, id uuid, tracking_code text, title text, body text,
        kind report_kind, status report_status, urgency urgency, category_id uuid, region_code text, district_code text, location_text text,
        latitude double precision, longitude double precision, contact_id uuid, channel_type channel_type, channel_account_id uuid,
        conversation_id uuid, is_anonymous boolean, is_confidential boolean, is_emergency boolean, triage jsonb, due_at timestamptz,
        created_at timestamptz, updated_at timestamptz, actor_kind text, actor_user_id uuid, actor_role role, data jsonb, now timestamptz)),
    r as (
      insert into reports (tenant_id, id, tracking_code, title, body, kind, status, urgency, category_id, region_code, district_code,
        location_text, latitude, longitude, contact_id, channel_type, channel_account_id, conversation_id, is_anonymous, is_confidential,
        is_emergency, triage, due_at, created_at, updated_at)
      select tenant_id, id, tracking_code, title, body, kind, status, urgency, category_id, region_code, district_code,
        location_text, latitude, longitude, contact_id, channel_type, channel_account_id, conversation_id, is_anonymous, is_confidential,
        is_emergency, triage, due_at, created_at, updated_at
      from v order by i
      returning tenant_id, id)
    insert into report_events (tenant_id, report_id, type, actor_kind, actor_user_id, actor_role, agency_id, from_status, to_status, data, internal, created_at)
    select v.tenant_id, v.id, 'received', v.actor_kind, v.actor_user_id, v.actor_role, null, null, 'received', v.data, false, v.now
    from v join r on r.tenant_id = v.tenant_id and r.id = v.id
    order by v.i
    returning id, report_id, type, from_status, to_status, agency_id, data, internal`,
  )
  const byReport = new Map(
    events.map((e) => [
      e.report_id,
      { id: Number(e.id), type: e.type, fromStatus: e.from_status, toStatus: e.to_status, agencyId: e.agency_id, data: (e.data ?? {}) as Record<string, unknown>, internal: e.internal },
    ]),
  )
  await runReportEventHooksMany(
    tx,
    inputs.map((input, k) => ({ tenantId: input.tenantId, reportId: rows[k]!.id, events: [byReport.get(rows[k]!.id)!], actor: input.actor, now: input.now })),
  )
  return rows.map((r) => ({ id: r.id, trackingCode: r.trackingCode }))
}
