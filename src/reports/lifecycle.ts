// The report lifecycle: a pure decider. decide(state, command, actor, now, settings) either refuses
// (forbidden / invalid_transition / invalid, with a message in Indonesian and English) or returns
// the next state and the events to append to report_events, exactly one of them per status change.
// No I/O and no clock: `now` and the tenant's settings are passed in. See docs/LIFECYCLE.md.
import { REPORT_STATUS_LABELS } from './model.ts'
import { AGENCY_HANDLERS } from './lifecycle-agency.ts'
import { CLOSURE_HANDLERS, reopenDeadline, silenceDeadline } from './lifecycle-closure.ts'
import {
  agencyHolds,
  fail,
  isAgencyActor,
  isOpen,
  isUnpublished,
  type Ctx,
  type Handler,
} from './lifecycle-core.ts'
import { checkInvariants } from './lifecycle-invariants.ts'
import { OPERATOR_HANDLERS } from './lifecycle-operator.ts'
import { COMMAND_RULES } from './lifecycle-rules.ts'
import {
  actorKey,
  COMMAND_TYPES,
  CommandSchema,
  type Actor,
  type Command,
  type CommandOf,
  type CommandType,
  type DecideResult,
  type Disposition,
  type FollowUp,
  type LifecycleSettings,
  type ReportState,
} from './lifecycle-types.ts'

export * from './lifecycle-types.ts'
export * from './lifecycle-rules.ts'
export { checkInvariants } from './lifecycle-invariants.ts'
export { reopenDeadline, silenceDeadline } from './lifecycle-closure.ts'
export { settle } from './lifecycle-core.ts'

const HANDLERS: { [T in CommandType]: Handler<CommandOf<T>> } = {
  ...OPERATOR_HANDLERS,
  ...AGENCY_HANDLERS,
  ...CLOSURE_HANDLERS,
}

export function decide(
  state: ReportState,
  command: Command,
  actor: Actor,
  now: Date,
  settings: LifecycleSettings,
): DecideResult {
  // Who may act is decided before what they sent is validated: a forbidden actor learns nothing more.
  const type = (command as { type?: unknown } | null)?.type as CommandType
  if (!COMMAND_TYPES.includes(type)) return fail('invalid', 'Perintah tidak dikenal', 'Unknown command')
  const rule = COMMAND_RULES[type]
  if (!rule.actors.includes(actorKey(actor))) {
    return fail(
      'forbidden',
      `Peran Anda tidak dapat "${rule.label.id}"`,
      `Your role may not "${rule.label.en}"`,
    )
  }
  const parsed = CommandSchema.safeParse(command)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.join('.') || 'command'
    return fail(
      'invalid',
      `Perintah tidak valid (${where}): ${issue?.message}`,
      `Invalid command (${where}): ${issue?.message}`,
    )
  }
  const cmd = parsed.data
  if (state.status === 'merged') {
    return fail(
      'invalid_transition',
      'Laporan ini sudah digabung: tindakan dilakukan pada laporan induk',
      'This report was merged: act on its master report',
    )
  }
  if (!rule.from.includes(state.status)) {
    const st = REPORT_STATUS_LABELS[state.status]
    return fail(
      'invalid_transition',
      `Tidak dapat "${rule.label.id}" pada laporan berstatus "${st.id}"`,
      `Cannot "${rule.label.en}" a report that is "${st.en}"`,
    )
  }
  const ctx: Ctx = { now, actor, settings, state, events: [] }
  const error = (HANDLERS[cmd.type] as Handler<typeof cmd>)(ctx, cmd)
  if (error) return error
  assertSound(state, ctx, settings)
  return { ok: true, state: ctx.state, events: ctx.events }
}

/** A decision that breaks an invariant is a bug in this module: fail loudly, never persist it. */
function assertSound(before: ReportState, ctx: Ctx, settings: LifecycleSettings): void {
  const changes = ctx.events.filter((e) => e.fromStatus !== e.toStatus)
  const expected = before.status === ctx.state.status ? 0 : 1
  const chained = ctx.events.every(
    (e, i) => e.fromStatus === (i === 0 ? before.status : ctx.events[i - 1].toStatus),
  )
  if (changes.length !== expected || !chained || ctx.events.length === 0) {
    throw new Error(`lifecycle bug: events do not account for ${before.status} -> ${ctx.state.status}`)
  }
  const broken = checkInvariants(ctx.state, settings)
  if (broken.length > 0) throw new Error(`lifecycle bug: ${broken.join('; ')}`)
}

type Available = (s: ReportState, a: Actor, now?: Date, settings?: LifecycleSettings) => boolean

const mine = (a: Actor, agencyId: string) => a.kind === 'user' && a.agencyIds.includes(agencyId)
const ownDisp =
  (p: (d: Disposition) => boolean): Available =>
  (s, a) =>
    s.dispositions.some((d) => p(d) && mine(a, d.agencyId))
const ownResp =
  (p: (r: FollowUp, a: Actor) => boolean): Available =>
  (s, a) =>
    s.responses.some(
      (r) =>
        p(r, a) &&
        mine(a, r.agencyId) &&
        s.dispositions.some((d) => d.id === r.dispositionId && d.status === 'in_progress'),
    )
const agencyMustHold: Available = (s, a) => !isAgencyActor(a) || agencyHolds(s, a)

/** Structural and time preconditions beyond role and status, for allowedCommands. */
const AVAILABLE: Partial<Record<CommandType, Available>> = {
  accept: ownDisp((d) => d.status === 'pending'),
  return_not_authority: ownDisp(isOpen),
  assign: ownDisp(isOpen),
  draft_response: ownDisp((d) => d.status === 'in_progress'),
  submit_response: ownResp((r) => r.status === 'draft' && r.requiresApproval),
  approve_response: ownResp((r) => r.status === 'pending_approval'),
  reject_response: ownResp((r) => r.status === 'pending_approval'),
  publish: ownResp(
    (r, a) =>
      r.status === 'draft' && (!r.requiresApproval || (a.kind === 'user' && a.role === 'agency_head')),
  ),
  cancel_disposition: (s) => s.dispositions.some(isOpen),
  set_flags: agencyMustHold,
  add_note: agencyMustHold,
  reopen: (s, _a, now, settings) => {
    if (!settings) return true
    if (s.reopenCount >= settings.sla.maxReopens) return false
    const until = reopenDeadline(s, { settings })
    return !now || !until || +now <= +until
  },
  close_by_silence: (s, _a, now, settings) => {
    if (!settings || !now) return true
    const due = silenceDeadline(s, { settings })
    return due !== null && +now > +due
  },
  escalate: (s) => s.status === 'received' || s.status === 'returned' || s.dispositions.some(isOpen),
  remind: (s) => s.status === 'received' || s.status === 'returned' || s.dispositions.some(isOpen),
}

/**
 * The commands this actor may take on this report now (for the UI's buttons and the docs). Time
 * conditions (reopen window, closure by silence) are checked only when `now` and `settings` are
 * given; data conditions (a valid agency, a reason) are left to decide().
 */
export function allowedCommands(
  state: ReportState,
  actor: Actor,
  now?: Date,
  settings?: LifecycleSettings,
): CommandType[] {
  if (state.status === 'merged') return []
  return COMMAND_TYPES.filter((type) => {
    const rule = COMMAND_RULES[type]
    if (!rule.actors.includes(actorKey(actor)) || !rule.from.includes(state.status)) return false
    return AVAILABLE[type]?.(state, actor, now, settings) ?? true
  })
}

/** Unpublished follow-ups awaiting the head of one of these agencies (for "what waits on me"). */
export function awaitingApproval(state: ReportState, agencyIds: readonly string[]): FollowUp[] {
  return state.responses.filter(
    (r) => r.status === 'pending_approval' && isUnpublished(r) && agencyIds.includes(r.agencyId),
  )
}
