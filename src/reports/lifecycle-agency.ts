// The agency's side of the lifecycle: accept, return as not its authority, assign, and the
// follow-up's path draft -> (submit -> approve | reject) -> publish.
import type { CommandOf } from './lifecycle-types.ts'
import {
  emit,
  fail,
  isError,
  isUnpublished,
  ownDisposition,
  ownResponse,
  settle,
  updateDisposition,
  updateResponse,
  withdrawWork,
  type Ctx,
  type Handler,
} from './lifecycle-core.ts'

const accept: Handler<CommandOf<'accept'>> = (ctx, cmd) => {
  const d = ownDisposition(ctx, cmd.dispositionId)
  if (isError(d)) return d
  if (d.status !== 'pending') {
    return fail(
      'invalid_transition',
      'Disposisi ini sudah diterima atau ditutup',
      'This disposition is no longer pending',
    )
  }
  const next = settle(updateDisposition(ctx.state, d.id, { status: 'in_progress' }), ctx.now)
  emit(ctx, 'disposition_accepted', next, { dispositionId: d.id }, { agencyId: d.agencyId })
}

const returnNotAuthority: Handler<CommandOf<'return_not_authority'>> = (ctx, cmd) => {
  const d = ownDisposition(ctx, cmd.dispositionId)
  if (isError(d)) return d
  if (d.status !== 'pending' && d.status !== 'in_progress') {
    return fail('invalid_transition', 'Disposisi ini sudah ditutup', 'This disposition is already closed')
  }
  const w = withdrawWork(ctx.state, (x) => x.id === d.id, 'returned')
  const next = settle(w.state, ctx.now)
  const data = { dispositionId: d.id, reason: cmd.reason, withdrawnResponseIds: w.withdrawnResponseIds }
  emit(ctx, 'disposition_returned', next, data, { agencyId: d.agencyId })
}

const assign: Handler<CommandOf<'assign'>> = (ctx, cmd) => {
  const d = ownDisposition(ctx, cmd.dispositionId)
  if (isError(d)) return d
  if (d.status !== 'pending' && d.status !== 'in_progress') {
    return fail('invalid_transition', 'Disposisi ini sudah ditutup', 'This disposition is already closed')
  }
  const next = updateDisposition(ctx.state, d.id, { assignedUserId: cmd.assigneeUserId })
  const data = {
    dispositionId: d.id,
    assigneeUserId: cmd.assigneeUserId,
    previousAssigneeUserId: d.assignedUserId,
  }
  emit(ctx, 'disposition_assigned', next, data, { agencyId: d.agencyId, internal: true })
}

/** A disposition has at most one unpublished follow-up (lifecycle-invariants.ts). */
const hasOtherUnpublished = (ctx: Ctx, dispositionId: string, exceptId: string | null) =>
  ctx.state.responses.some((r) => r.dispositionId === dispositionId && r.id !== exceptId && isUnpublished(r))

const secondDraft = () =>
  fail(
    'invalid',
    'Disposisi ini sudah memiliki draf yang belum terbit; ubah draf itu',
    'This disposition already has an unpublished draft; revise that one',
  )

const draftResponse: Handler<CommandOf<'draft_response'>> = (ctx, cmd) => {
  const d = ownDisposition(ctx, cmd.dispositionId)
  if (isError(d)) return d
  if (d.status !== 'in_progress') {
    return fail(
      'invalid_transition',
      'Terima disposisi terlebih dahulu sebelum menulis tindak lanjut',
      'Accept the disposition before drafting its follow-up',
    )
  }
  const existing = ctx.state.responses.find((r) => r.id === cmd.responseId)
  let next
  if (existing) {
    if (existing.dispositionId !== d.id || (existing.status !== 'draft' && existing.status !== 'rejected')) {
      return fail(
        'invalid',
        'Hanya draf atau draf yang ditolak yang dapat diubah',
        'Only a draft or a rejected draft can be revised',
      )
    }
    // Reviving a rejected draft must not make a second live one beside a newer draft.
    if (existing.status === 'rejected' && hasOtherUnpublished(ctx, d.id, existing.id)) return secondDraft()
    next = updateResponse(ctx.state, existing.id, { status: 'draft', requiresApproval: cmd.requiresApproval })
  } else {
    if (hasOtherUnpublished(ctx, d.id, null)) return secondDraft()
    const response = {
      id: cmd.responseId,
      dispositionId: d.id,
      agencyId: d.agencyId,
      status: 'draft' as const,
      requiresApproval: cmd.requiresApproval,
    }
    next = { ...ctx.state, responses: [...ctx.state.responses, response] }
  }
  const data = {
    responseId: cmd.responseId,
    dispositionId: d.id,
    body: cmd.body,
    requiresApproval: cmd.requiresApproval,
    revision: Boolean(existing),
  }
  emit(ctx, 'response_drafted', next, data, { agencyId: d.agencyId, internal: true })
}

/** The follow-up and its disposition, checked to be still in the agency's hands. */
function liveResponse(ctx: Ctx, responseId: string) {
  const r = ownResponse(ctx, responseId)
  if (isError(r)) return r
  const d = ctx.state.dispositions.find((x) => x.id === r.dispositionId)
  if (!d || d.status !== 'in_progress') {
    return fail(
      'invalid_transition',
      'Disposisi tindak lanjut ini sudah ditutup',
      'The disposition of this follow-up is closed',
    )
  }
  return r
}

const submitResponse: Handler<CommandOf<'submit_response'>> = (ctx, cmd) => {
  const r = liveResponse(ctx, cmd.responseId)
  if (isError(r)) return r
  if (r.status !== 'draft')
    return fail('invalid_transition', 'Hanya draf yang dapat diajukan', 'Only a draft can be submitted')
  if (!r.requiresApproval) {
    return fail(
      'invalid',
      'OPD ini tidak memerlukan persetujuan: terbitkan langsung',
      'This agency needs no approval: publish directly',
    )
  }
  const next = updateResponse(ctx.state, r.id, { status: 'pending_approval' })
  emit(ctx, 'response_submitted', next, { responseId: r.id }, { agencyId: r.agencyId, internal: true })
}

const rejectResponse: Handler<CommandOf<'reject_response'>> = (ctx, cmd) => {
  const r = liveResponse(ctx, cmd.responseId)
  if (isError(r)) return r
  if (r.status !== 'pending_approval') {
    return fail(
      'invalid_transition',
      'Draf ini tidak sedang menunggu persetujuan',
      'This draft is not awaiting approval',
    )
  }
  const next = updateResponse(ctx.state, r.id, { status: 'rejected' })
  emit(
    ctx,
    'response_rejected',
    next,
    { responseId: r.id, reason: cmd.reason },
    { agencyId: r.agencyId, internal: true },
  )
}

/** Publish: the disposition is answered; the report is answered once no disposition is open. */
function publishNow(ctx: Ctx, responseId: string, agencyId: string, dispositionId: string): void {
  const answered = updateDisposition(
    updateResponse(ctx.state, responseId, { status: 'published' }),
    dispositionId,
    {
      status: 'answered',
    },
  )
  emit(ctx, 'response_published', settle(answered, ctx.now), { responseId, dispositionId }, { agencyId })
}

const approveResponse: Handler<CommandOf<'approve_response'>> = (ctx, cmd) => {
  const r = liveResponse(ctx, cmd.responseId)
  if (isError(r)) return r
  if (r.status !== 'pending_approval') {
    return fail(
      'invalid_transition',
      'Draf ini tidak sedang menunggu persetujuan',
      'This draft is not awaiting approval',
    )
  }
  // The head may edit the text in the same step: the timeline keeps the edited text, marked as such.
  const data = cmd.body === undefined ? { responseId: r.id } : { responseId: r.id, editedByHead: true, body: cmd.body }
  emit(ctx, 'response_approved', ctx.state, data, { agencyId: r.agencyId, internal: true })
  publishNow(ctx, r.id, r.agencyId, r.dispositionId)
}

const publish: Handler<CommandOf<'publish'>> = (ctx, cmd) => {
  const r = liveResponse(ctx, cmd.responseId)
  if (isError(r)) return r
  if (r.status !== 'draft') {
    return fail(
      'invalid_transition',
      'Hanya draf yang dapat diterbitkan langsung (yang menunggu persetujuan: setujui)',
      'Only a draft can be published directly (one awaiting approval: approve it)',
    )
  }
  const isHead = ctx.actor.kind === 'user' && ctx.actor.role === 'agency_head'
  if (r.requiresApproval && !isHead) {
    return fail(
      'forbidden',
      'Tindak lanjut OPD ini perlu persetujuan kepala: ajukan untuk disetujui',
      "This agency's follow-ups need the head's approval: submit it",
    )
  }
  publishNow(ctx, r.id, r.agencyId, r.dispositionId)
}

export const AGENCY_HANDLERS = {
  accept,
  return_not_authority: returnNotAuthority,
  assign,
  draft_response: draftResponse,
  submit_response: submitResponse,
  approve_response: approveResponse,
  reject_response: rejectResponse,
  publish,
}
