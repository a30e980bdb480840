// The lifecycle's data: the report state the decider needs, who acts, the commands (zod, so the
// HTTP layer validates with the same schema), the events and the result of a decision.
import { z } from 'zod'
import type { WorkingCalendar } from './calendar.ts'
import {
  REPORT_KINDS,
  REPORT_STATUSES,
  ROLES,
  SLA_TIERS,
  URGENCIES,
  type DispositionStatus,
  type Label,
  type ReportKind,
  type ReportStatus,
  type ResponseStatus,
  type Role,
  type SlaTier,
  type Urgency,
} from './model.ts'
import type { SlaSettings } from './sla.ts'

export interface Disposition {
  id: string
  agencyId: string
  status: DispositionStatus
  assignedUserId: string | null
  /** When the agency's current follow-up clock started: the dispatch, or the last reopen. */
  clockStartedAt: Date
}

/** A follow-up (tindak lanjut) of one disposition. */
export interface FollowUp {
  id: string
  dispositionId: string
  agencyId: string
  status: ResponseStatus
  /** The agency's rule when it was drafted: the head approves before it is published. */
  requiresApproval: boolean
}

export interface ReportFlags {
  /** anonim: public report, reporter's identity hidden from all but operators. */
  anonymous: boolean
  /** rahasia: never public. */
  confidential: boolean
}

/** What the decider needs to know about a report; the database holds the rest (texts, names). */
export interface ReportState {
  id: string
  status: ReportStatus
  kind: ReportKind
  flags: ReportFlags
  /** About officials (pungli, maladministrasi): only the Inspektorat path may receive it. */
  whistleblowing: boolean
  urgency: Urgency | null
  slaTier: SlaTier | null
  dispositions: readonly Disposition[]
  responses: readonly FollowUp[]
  masterReportId: string | null
  reopenCount: number
  rating: number | null
  archiveReason: string | null
  receivedAt: Date
  verifiedAt: Date | null
  /** Set when the report becomes 'answered': starts the closure-by-silence clock. */
  answeredAt: Date | null
  /** Set when the last agency hands it back: the coordinator's clock to re-dispatch starts. */
  returnedAt: Date | null
  /** Set when closed: starts the reopen window. */
  closedAt: Date | null
  /** The reporter's last message; one after answeredAt stops closure by silence. */
  lastReporterReplyAt: Date | null
  /** Tunda periods: the SLA clocks stand still; the last one is open while 'needs_info'. */
  pauses: readonly { from: Date; to: Date | null }[]
  /** Where provide_info takes the report back to. */
  resumeStatus: 'received' | 'returned' | null
}

export function newReportState(init: {
  id: string
  receivedAt: Date
  kind?: ReportKind
  flags?: Partial<ReportFlags>
  whistleblowing?: boolean
  urgency?: Urgency | null
}): ReportState {
  return {
    id: init.id,
    status: 'received',
    kind: init.kind ?? 'pengaduan',
    flags: { anonymous: init.flags?.anonymous ?? false, confidential: init.flags?.confidential ?? false },
    whistleblowing: init.whistleblowing ?? false,
    urgency: init.urgency ?? null,
    slaTier: null,
    dispositions: [],
    responses: [],
    masterReportId: null,
    reopenCount: 0,
    rating: null,
    archiveReason: null,
    receivedAt: init.receivedAt,
    verifiedAt: null,
    answeredAt: null,
    returnedAt: null,
    closedAt: null,
    lastReporterReplyAt: null,
    pauses: [],
    resumeStatus: null,
  }
}

/** A staff member acting in one role; agencyIds are the agencies (sub-units expanded) of that role. */
export interface UserActor {
  kind: 'user'
  userId: string
  role: Role
  agencyIds: readonly string[]
}
export type Actor = UserActor | { kind: 'reporter' } | { kind: 'system' }
/** Who a rule admits: a role, the reporter (citizen via channel or portal) or the scheduler. */
export type ActorKey = Role | 'reporter' | 'system'
export const actorKey = (a: Actor): ActorKey => (a.kind === 'user' ? a.role : a.kind)

export interface LifecycleSettings {
  sla: SlaSettings
  calendar: WorkingCalendar
  /** The Inspektorat path: agencies (sub-units expanded) that may receive whistle-blowing reports. */
  integrityAgencyIds: readonly string[]
}

export const ARCHIVE_REASONS = [
  'spam',
  'wrong_format',
  'too_general',
  'not_government_performance',
  'no_reply',
  'other',
] as const

const id = z.string().min(1).max(100)
const text = z.string().trim().min(1).max(20_000)
const newDispositions = z
  .array(z.object({ id, agencyId: id, instruction: text }))
  .min(1)
  .max(30)

export const CommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('request_info'), message: text }),
  z.object({ type: z.literal('provide_info'), message: text.optional() }),
  z.object({ type: z.literal('reporter_reply'), message: text.optional() }),
  z.object({ type: z.literal('archive'), reason: z.enum(ARCHIVE_REASONS), explanation: text }),
  z.object({
    type: z.literal('reject_not_pemda_authority'),
    explanation: text,
    /** Where the reporter is sent: LAPOR! (national), another institution, or nowhere. */
    forwardTo: z.enum(['lapor', 'other']).nullable().default(null),
  }),
  z.object({
    type: z.literal('verify_and_dispatch'),
    title: z.string().trim().min(3).max(200),
    kind: z.enum(REPORT_KINDS),
    categoryId: id.nullable(),
    regionCode: z.string().max(20).nullable(),
    whistleblowing: z.boolean().default(false),
    urgency: z.enum(URGENCIES).nullable().default(null),
    slaTier: z.enum(SLA_TIERS).nullable().default(null),
    flags: z.object({ anonymous: z.boolean(), confidential: z.boolean() }),
    dispositions: newDispositions,
  }),
  z.object({ type: z.literal('add_disposition'), dispositions: newDispositions }),
  z.object({ type: z.literal('cancel_disposition'), dispositionId: id, reason: text }),
  z.object({ type: z.literal('accept'), dispositionId: id }),
  z.object({ type: z.literal('return_not_authority'), dispositionId: id, reason: text }),
  z.object({ type: z.literal('assign'), dispositionId: id, assigneeUserId: id.nullable() }),
  z.object({
    type: z.literal('draft_response'),
    responseId: id,
    dispositionId: id,
    body: text,
    requiresApproval: z.boolean(),
  }),
  z.object({ type: z.literal('submit_response'), responseId: id }),
  // body: the head's edit of the draft text, approved in the same step.
  z.object({ type: z.literal('approve_response'), responseId: id, body: text.optional() }),
  z.object({ type: z.literal('reject_response'), responseId: id, reason: text }),
  z.object({ type: z.literal('publish'), responseId: id }),
  z.object({ type: z.literal('confirm') }),
  z.object({
    type: z.literal('rate'),
    rating: z.number().int().min(1).max(5),
    comment: z.string().max(2000).optional(),
  }),
  z.object({ type: z.literal('reopen'), reason: text }),
  z.object({ type: z.literal('close_by_silence') }),
  z.object({ type: z.literal('close'), reason: text }),
  z.object({ type: z.literal('merge_into'), masterReportId: id, masterStatus: z.enum(REPORT_STATUSES) }),
  z.object({
    type: z.literal('split'),
    parts: z
      .array(z.object({ reportId: id, summary: text }))
      .min(1)
      .max(10),
  }),
  z.object({
    type: z.literal('set_flags'),
    anonymous: z.boolean().optional(),
    confidential: z.boolean().optional(),
    whistleblowing: z.boolean().optional(),
    reason: text,
  }),
  z.object({ type: z.literal('add_note'), noteId: id, body: text }),
  z.object({
    type: z.literal('escalate'),
    target: z.enum(['verification', 'follow_up']),
    dispositionId: id.nullable().default(null),
    /** 1-based step in the escalation chain; notifyRole is who is told at that step. */
    level: z.number().int().min(1).max(20),
    notifyRole: z.enum(ROLES),
  }),
  z.object({
    type: z.literal('remind'),
    target: z.enum(['verification', 'follow_up']),
    dispositionId: id.nullable().default(null),
  }),
])
/** A command as callers write it (defaults may be left out). */
export type Command = z.input<typeof CommandSchema>
export type ParsedCommand = z.output<typeof CommandSchema>
export type CommandType = ParsedCommand['type']
export type CommandOf<T extends CommandType> = Extract<ParsedCommand, { type: T }>
export const COMMAND_TYPES = CommandSchema.options.map((o) => o.shape.type.value) as CommandType[]

export interface ReportEvent {
  type: string
  fromStatus: ReportStatus
  toStatus: ReportStatus
  /** What changed, for the timeline and the audit log (texts the database must store are here). */
  data: Record<string, unknown>
  /** The agency the event concerns, when one does. */
  agencyId: string | null
  /** Internal events (notes, drafts, reminders) never reach the reporter or the public. */
  internal: boolean
}

export type DecideError = { ok: false; code: 'forbidden' | 'invalid_transition' | 'invalid'; message: Label }
export type DecideResult = { ok: true; state: ReportState; events: ReportEvent[] } | DecideError
