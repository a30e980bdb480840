// Persistence of the report lifecycle: rebuild a ReportState from its rows (and, for what the rows
// do not keep, from report_events), and persist a decision in the caller's transaction.
// Every function takes the transaction `tx`: on PGlite a query on the outer db inside a transaction deadlocks.
import crypto from 'node:crypto'
import { and, asc, eq } from 'drizzle-orm'
import type { Db } from '../db/connect.ts'
import { agencies, dispositions, reportEvents, reports, responses, tenants } from '../db/schema/index.ts'
import { reportDeadlines } from './deadlines.ts'
import { runReportEventHooks } from './hooks.ts'
import type {
  Actor,
  Disposition,
  FollowUp,
  LifecycleSettings,
  ParsedCommand,
  ReportEvent,
  ReportState,
} from './lifecycle.ts'
import { makeCalendar, parseSlaSettings } from './sla.ts'

export type ReportRow = typeof reports.$inferSelect
export type EventRow = typeof reportEvents.$inferSelect

/** The tenant's lifecycle settings: SLA, calendar in its time zone, the Inspektorat path. */
export async function loadSettings(tx: Db, tenantId: string): Promise<LifecycleSettings> {
  const [t] = await tx.select().from(tenants).where(eq(tenants.id, tenantId))
  if (!t) throw new Error(`unknown tenant ${tenantId}`)
  const s = (t.settings ?? {}) as Record<string, unknown>
  const cal = (s.calendar ?? {}) as Record<string, unknown>
  const rows = await tx
    .select({ id: agencies.id, parentId: agencies.parentId, type: agencies.type })
    .from(agencies)
    .where(eq(agencies.tenantId, tenantId))
  const integrity = new Set(rows.filter((a) => a.type === 'inspektorat').map((a) => a.id))
  for (let grew = true; grew; ) {
    grew = false
    for (const a of rows)
      if (a.parentId && integrity.has(a.parentId) && !integrity.has(a.id)) {
        integrity.add(a.id)
        grew = true
      }
  }
  return {
    sla: parseSlaSettings(s.sla),
    calendar: makeCalendar({ ...cal, timeZone: t.timeZone } as Parameters<typeof makeCalendar>[0]),
    integrityAgencyIds: [...integrity],
  }
}

export interface LoadedReport {
  row: ReportRow
  state: ReportState
  dispositionRows: (typeof dispositions.$inferSelect)[]
  responseRows: (typeof responses.$inferSelect)[]
  events: EventRow[]
}

/** Rebuild the state from rows already read (no queries): used by loadReportState and lists. */
export function stateFromRows(
  row: ReportRow,
  dispRows: (typeof dispositions.$inferSelect)[],
  respRows: (typeof responses.$inferSelect)[],
  events: EventRow[],
): ReportState {
  const lastOf = (p: (e: EventRow) => boolean) => [...events].reverse().find(p)
  const flagsSet = lastOf((e) => e.type === 'flags_set')
  const whistleblowing = Boolean((flagsSet?.data as { after?: { whistleblowing?: boolean } })?.after?.whistleblowing)
  const pauses: { from: Date; to: Date | null }[] = []
  let resumeStatus: 'received' | 'returned' | null = null
  let returnedAt: Date | null = null
  let lastReporterReplyAt: Date | null = null
  const reopenedAt: Date[] = []
  const requiresApproval = new Map<string, boolean>()
  for (const e of events) {
    if (e.toStatus === 'needs_info' && e.fromStatus !== 'needs_info') {
      pauses.push({ from: e.createdAt, to: null })
      resumeStatus = e.fromStatus === 'returned' ? 'returned' : 'received'
    } else if (e.fromStatus === 'needs_info' && e.toStatus && e.toStatus !== 'needs_info') {
      const open = pauses.find((p) => p.to === null)
      if (open) open.to = e.createdAt
      resumeStatus = null
    }
    if (e.toStatus === 'returned' && e.fromStatus !== 'returned') returnedAt = e.createdAt
    if (e.actorKind === 'reporter' && (e.type === 'reporter_replied' || e.type === 'info_provided'))
      lastReporterReplyAt = e.createdAt
    if (e.type === 'reopened') reopenedAt.push(e.createdAt)
    if (e.type === 'response_drafted') {
      const d = e.data as { responseId?: string; requiresApproval?: boolean }
      if (d.responseId) requiresApproval.set(d.responseId, Boolean(d.requiresApproval))
    }
  }
  const ds: Disposition[] = dispRows.map((d) => {
    const reopen = reopenedAt.filter((t) => +t > +d.createdAt).at(-1)
    return {
      id: d.id,
      agencyId: d.agencyId,
      status: d.status,
      assignedUserId: d.assignedUserId,
      clockStartedAt: reopen ?? d.createdAt,
    }
  })
  const rs: FollowUp[] = respRows.map((r) => ({
    id: r.id,
    dispositionId: r.dispositionId!,
    agencyId: r.agencyId!,
    status: r.status,
    requiresApproval: requiresApproval.get(r.id) ?? false,
  }))
  return {
    id: row.id,
    status: row.status,
    kind: row.kind,
    flags: { anonymous: row.isAnonymous, confidential: row.isConfidential },
    whistleblowing,
    urgency: row.urgency,
    slaTier: row.slaTier,
    dispositions: ds,
    responses: rs,
    masterReportId: row.masterReportId,
    reopenCount: row.reopenCount,
    rating: row.rating,
    archiveReason: row.archiveReason,
    receivedAt: row.createdAt,
    verifiedAt: row.verifiedAt,
    answeredAt: row.answeredAt,
    returnedAt: row.status === 'returned' || resumeStatus === 'returned' ? returnedAt : null,
    closedAt: row.closedAt,
    lastReporterReplyAt,
    pauses,
    resumeStatus: row.status === 'needs_info' ? resumeStatus : null,
  }
}

/** Read a report with its dispositions, responses and events; `lock` takes SELECT ... FOR UPDATE. */
export async function loadReport(
  tx: Db,
  tenantId: string,
  reportId: string,
  opts: { lock?: boolean } = {},
): Promise<LoadedReport | null> {
  const q = tx
    .select()
    .from(reports)
    .where(and(eq(reports.tenantId, tenantId), eq(reports.id, reportId)))
  const [row] = opts.lock ? await q.for('update') : await q
  if (!row) return null
  const dispositionRows = await tx
    .select()
    .from(dispositions)
    .where(and(eq(dispositions.tenantId, tenantId), eq(dispositions.reportId, reportId)))
    .orderBy(asc(dispositions.createdAt), asc(dispositions.id))
  const responseRows = await tx
    .select()
    .from(responses)
    .where(and(eq(responses.tenantId, tenantId), eq(responses.reportId, reportId)))
    .orderBy(asc(responses.createdAt), asc(responses.id))
  const events = await tx
    .select()
    .from(reportEvents)
    .where(and(eq(reportEvents.tenantId, tenantId), eq(reportEvents.reportId, reportId)))
    .orderBy(asc(reportEvents.id))
  return { row, state: stateFromRows(row, dispositionRows, responseRows, events), dispositionRows, responseRows, events }
}

export async function loadReportState(tx: Db, tenantId: string, reportId: string): Promise<ReportState | null> {
  return (await loadReport(tx, tenantId, reportId))?.state ?? null
}

/**
 * Persist a decision: the report row, new and changed dispositions and responses (texts from the
 * command), due_at from the deadlines, and one report_events row per decided event.
 */
export async function applyDecision(
  tx: Db,
  args: {
    tenantId: string
    before: LoadedReport
    state: ReportState
    events: ReportEvent[]
    command: ParsedCommand
    actor: Actor
    now: Date
    settings: LifecycleSettings
  },
): Promise<void> {
  const { tenantId, before, state, events, command: cmd, actor, now, settings } = args
  const reportId = state.id
  const userId = actor.kind === 'user' ? actor.userId : null
  const deadlines = reportDeadlines(state, settings, now)
  const openPause = state.pauses.find((p) => p.to === null)
  const published = events.some((e) => e.type === 'response_published')
  const patch: Partial<typeof reports.$inferInsert> = {
    status: state.status,
    kind: state.kind,
    urgency: state.urgency,
    slaTier: state.slaTier,
    isAnonymous: state.flags.anonymous,
    isConfidential: state.flags.confidential,
    masterReportId: state.masterReportId,
    verifiedAt: state.verifiedAt,
    answeredAt: state.answeredAt,
    closedAt: state.closedAt,
    reopenCount: state.reopenCount,
    rating: state.rating,
    archiveReason: state.archiveReason,
    dueAt: deadlines.current?.dueAt ?? null,
    pausedAt: openPause?.from ?? null,
    updatedAt: now,
  }
  if (published && !before.row.firstResponseAt) patch.firstResponseAt = now
  if (cmd.type === 'verify_and_dispatch') {
    patch.title = cmd.title
    patch.categoryId = cmd.categoryId
    if (cmd.regionCode !== null) {
      patch.regionCode = cmd.regionCode
      patch.districtCode = cmd.regionCode.split('.').slice(0, 3).join('.')
    }
  }
  if (cmd.type === 'rate') patch.ratingComment = cmd.comment ?? null
  await tx
    .update(reports)
    .set(patch)
    .where(and(eq(reports.tenantId, tenantId), eq(reports.id, reportId)))

  // Dispositions
  const oldD = new Map(before.state.dispositions.map((d) => [d.id, d]))
  const instructions = new Map<string, string>()
  if (cmd.type === 'verify_and_dispatch' || cmd.type === 'add_disposition')
    for (const d of cmd.dispositions) instructions.set(d.id, d.instruction)
  for (const d of state.dispositions) {
    const dueAt = deadlines.all.find((x) => x.dispositionId === d.id)?.dueAt ?? null
    const old = oldD.get(d.id)
    if (!old) {
      await tx.insert(dispositions).values({
        tenantId,
        id: d.id,
        reportId,
        agencyId: d.agencyId,
        status: d.status,
        instruction: instructions.get(d.id) ?? null,
        assignedUserId: d.assignedUserId,
        createdBy: userId,
        dueAt,
        createdAt: now,
        updatedAt: now,
      })
      continue
    }
    const dp: Partial<typeof dispositions.$inferInsert> = { dueAt }
    if (old.status !== d.status || old.assignedUserId !== d.assignedUserId) {
      dp.status = d.status
      dp.assignedUserId = d.assignedUserId
      dp.updatedAt = now
      if (cmd.type === 'accept' && d.status === 'in_progress') dp.acceptedAt = now
      if (d.status === 'answered' || d.status === 'returned' || d.status === 'cancelled') dp.completedAt = now
      if (cmd.type === 'return_not_authority') dp.returnReason = cmd.reason
    }
    await tx
      .update(dispositions)
      .set(dp)
      .where(and(eq(dispositions.tenantId, tenantId), eq(dispositions.id, d.id)))
  }

  // Responses
  const oldR = new Map(before.state.responses.map((r) => [r.id, r]))
  for (const r of state.responses) {
    const old = oldR.get(r.id)
    if (!old) {
      if (cmd.type !== 'draft_response') throw new Error(`response ${r.id} appeared without a draft`)
      await tx.insert(responses).values({
        tenantId,
        id: r.id,
        reportId,
        dispositionId: r.dispositionId,
        agencyId: r.agencyId,
        body: cmd.body,
        status: r.status,
        authorId: userId,
        createdAt: now,
        updatedAt: now,
      })
      continue
    }
    const drafted = cmd.type === 'draft_response' && cmd.responseId === r.id
    if (old.status === r.status && !drafted) continue
    const rp: Partial<typeof responses.$inferInsert> = { status: r.status, updatedAt: now }
    if (drafted) {
      rp.body = cmd.body
      rp.authorId = userId
      rp.rejectReason = null
    }
    if (cmd.type === 'approve_response' || (cmd.type === 'publish' && actor.kind === 'user' && actor.role === 'agency_head'))
      rp.approverId = userId
    if (cmd.type === 'approve_response' && cmd.body !== undefined) rp.body = cmd.body
    if (cmd.type === 'reject_response') rp.rejectReason = cmd.reason
    if (r.status === 'published') rp.publishedAt = now
    await tx
      .update(responses)
      .set(rp)
      .where(and(eq(responses.tenantId, tenantId), eq(responses.id, r.id)))
  }

  await insertEvents(tx, tenantId, reportId, events, actor, now)
}

export async function insertEvents(
  tx: Db,
  tenantId: string,
  reportId: string,
  events: ReportEvent[],
  actor: Actor,
  now: Date,
): Promise<void> {
  if (events.length === 0) return
  const rows = await tx.insert(reportEvents).values(
    events.map((e) => {
      const changed = e.fromStatus !== e.toStatus
      return {
        tenantId,
        reportId,
        type: e.type,
        actorKind: actor.kind,
        actorUserId: actor.kind === 'user' ? actor.userId : null,
        actorRole: actor.kind === 'user' ? actor.role : null,
        agencyId: e.agencyId,
        fromStatus: changed ? e.fromStatus : null,
        toStatus: changed ? e.toStatus : null,
        data: e.data,
        internal: e.internal,
        createdAt: now,
      }
    }),
  ).returning(HOOK_EVENT_COLUMNS)
  await runReportEventHooks(tx, {
    tenantId,
    reportId,
    events: rows.map((r) => ({ ...r, id: Number(r.id), data: (r.data ?? {}) as Record<string, unknown> })),
    actor,
    now,
  })
}

/** What the report event hooks read of an inserted event (openReports adds reportId). */
export const HOOK_EVENT_COLUMNS = {
  id: reportEvents.id,
  type: reportEvents.type,
  fromStatus: reportEvents.fromStatus,
  toStatus: reportEvents.toStatus,
  agencyId: reportEvents.agencyId,
  data: reportEvents.data,
  internal: reportEvents.internal,
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
// CSPRNG bytes drawn 4 KiB at a time: a randomBytes(8) per code was ~2% of the intake's CPU.
const codeBytes = Buffer.alloc(4096)
let codeAt = codeBytes.length
export function newTrackingCode(prefix: string): string {
  if (codeAt + 8 > codeBytes.length) {
    crypto.randomFillSync(codeBytes)
    codeAt = 0
  }
  let out = ''
  for (let i = 0; i < 8; i++) out += BASE32[codeBytes[codeAt + i]! % 32]
  codeAt += 8
  return `${prefix}-${out}`
}

export async function tenantCodePrefix(tx: Db, tenantId: string): Promise<string> {
  const [t] = await tx.select({ p: tenants.codePrefix }).from(tenants).where(eq(tenants.id, tenantId))
  return t?.p ?? 'ADU'
}
