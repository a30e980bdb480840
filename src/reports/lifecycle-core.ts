// Building blocks shared by the lifecycle's handlers: the decision context, events, failures,
// ownership checks and the rule that derives a report's status from its dispositions.
import type { DispositionStatus, Label } from './model.ts'
import type {
  Actor,
  DecideError,
  Disposition,
  FollowUp,
  LifecycleSettings,
  ReportEvent,
  ReportState,
} from './lifecycle-types.ts'
import type { EventType } from './lifecycle-rules.ts'

export interface Ctx {
  readonly now: Date
  readonly actor: Actor
  readonly settings: LifecycleSettings
  state: ReportState
  readonly events: ReportEvent[]
}

/** A handler returns an error, or records its new state through `emit`. */
export type Handler<C> = (ctx: Ctx, cmd: C) => DecideError | void

/** Move to `next` and record the event; fromStatus/toStatus show whether the status changed. */
export function emit(
  ctx: Ctx,
  type: EventType,
  next: ReportState,
  data: Record<string, unknown>,
  opts: { agencyId?: string | null; internal?: boolean } = {},
): void {
  const fromStatus = ctx.state.status
  ctx.state = next
  ctx.events.push({
    type,
    fromStatus,
    toStatus: next.status,
    data,
    agencyId: opts.agencyId ?? null,
    internal: opts.internal ?? false,
  })
}

export function fail(code: DecideError['code'], id: string, en: string): DecideError {
  return { ok: false, code, message: { id, en } satisfies Label }
}

export const OPEN_DISPOSITION: readonly DispositionStatus[] = ['pending', 'in_progress']
export const isOpen = (d: Disposition) => OPEN_DISPOSITION.includes(d.status)
export const isUnpublished = (r: FollowUp) => r.status === 'draft' || r.status === 'pending_approval'

const AGENCY_ROLES = ['agency_admin', 'agency_head']
export const isAgencyActor = (a: Actor) => a.kind === 'user' && AGENCY_ROLES.includes(a.role)
const worksFor = (a: Actor, agencyId: string) => a.kind === 'user' && a.agencyIds.includes(agencyId)

/** Find a disposition the actor may act on: agency roles only on their own agencies'. */
export function ownDisposition(ctx: Ctx, dispositionId: string): Disposition | DecideError {
  const d = ctx.state.dispositions.find((x) => x.id === dispositionId)
  if (!d) return fail('invalid', 'Disposisi tidak ditemukan', 'No such disposition on this report')
  if (isAgencyActor(ctx.actor) && !worksFor(ctx.actor, d.agencyId)) {
    return fail('forbidden', 'Disposisi ini milik OPD lain', 'This disposition belongs to another agency')
  }
  return d
}

/** Find a follow-up the actor's agency wrote. */
export function ownResponse(ctx: Ctx, responseId: string): FollowUp | DecideError {
  const r = ctx.state.responses.find((x) => x.id === responseId)
  if (!r) return fail('invalid', 'Tindak lanjut tidak ditemukan', 'No such follow-up on this report')
  if (!worksFor(ctx.actor, r.agencyId)) {
    return fail('forbidden', 'Tindak lanjut ini milik OPD lain', 'This follow-up belongs to another agency')
  }
  return r
}

/** Agency users may touch a report only while one of their agencies holds a live disposition of it. */
export function agencyHolds(state: ReportState, actor: Actor): boolean {
  return state.dispositions.some(
    (d) => d.status !== 'returned' && d.status !== 'cancelled' && worksFor(actor, d.agencyId),
  )
}

export const isError = (x: unknown): x is DecideError =>
  typeof x === 'object' && x !== null && (x as DecideError).ok === false

/**
 * The status of a report in the agencies' hands follows from its dispositions: some still open ->
 * dispatched (none accepted yet), in_progress, or reopened (kept until the agencies answer again);
 * none open -> answered when at least one agency answered, else returned to the operator.
 */
export function settle(state: ReportState, now: Date): ReportState {
  if (!['dispatched', 'in_progress', 'returned', 'reopened'].includes(state.status)) return state
  const open = state.dispositions.filter(isOpen)
  if (open.length === 0) {
    return state.dispositions.some((d) => d.status === 'answered')
      ? { ...state, status: 'answered', answeredAt: now }
      : { ...state, status: 'returned', returnedAt: state.status === 'returned' ? state.returnedAt : now }
  }
  if (state.status === 'reopened') return state
  const started = state.dispositions.some((d) => d.status === 'in_progress' || d.status === 'answered')
  return { ...state, status: started ? 'in_progress' : 'dispatched' }
}

export function updateDisposition(state: ReportState, id: string, patch: Partial<Disposition>): ReportState {
  return { ...state, dispositions: state.dispositions.map((d) => (d.id === id ? { ...d, ...patch } : d)) }
}

export function updateResponse(state: ReportState, id: string, patch: Partial<FollowUp>): ReportState {
  return { ...state, responses: state.responses.map((r) => (r.id === id ? { ...r, ...patch } : r)) }
}

/**
 * Stop work in flight: cancel the open dispositions chosen (all by default) and mark their
 * unpublished follow-ups rejected (withdrawn). Returns the ids touched, for the event's data.
 */
export function withdrawWork(
  state: ReportState,
  which: (d: Disposition) => boolean = () => true,
  cancelAs: DispositionStatus = 'cancelled',
): { state: ReportState; cancelledDispositionIds: string[]; withdrawnResponseIds: string[] } {
  const target = new Set(state.dispositions.filter((d) => isOpen(d) && which(d)).map((d) => d.id))
  const withdrawn = state.responses
    .filter((r) => target.has(r.dispositionId) && isUnpublished(r))
    .map((r) => r.id)
  const next: ReportState = {
    ...state,
    dispositions: state.dispositions.map((d) => (target.has(d.id) ? { ...d, status: cancelAs } : d)),
    responses: state.responses.map((r) => (withdrawn.includes(r.id) ? { ...r, status: 'rejected' } : r)),
  }
  return { state: next, cancelledDispositionIds: [...target], withdrawnResponseIds: withdrawn }
}

/** Close the open tunda pause, if any. */
export function endPause(state: ReportState, now: Date): ReportState['pauses'] {
  return state.pauses.map((p) => (p.to === null ? { from: p.from, to: now } : p))
}
