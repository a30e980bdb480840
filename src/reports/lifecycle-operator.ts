// The coordinator's side of the lifecycle (Diskominfo operator): defer, archive, verify and
// dispatch, add or cancel dispositions, merge, split, flags and notes; plus the reporter's replies.
import type { CommandOf, Disposition, ReportState } from './lifecycle-types.ts'
import {
  agencyHolds,
  emit,
  endPause,
  fail,
  isAgencyActor,
  isError,
  isOpen,
  ownDisposition,
  settle,
  withdrawWork,
  type Ctx,
  type Handler,
} from './lifecycle-core.ts'

const requestInfo: Handler<CommandOf<'request_info'>> = (ctx, cmd) => {
  const s = ctx.state
  const resumeStatus = s.status === 'returned' ? 'returned' : 'received'
  const next: ReportState = {
    ...s,
    status: 'needs_info',
    resumeStatus,
    pauses: [...s.pauses, { from: ctx.now, to: null }],
  }
  emit(ctx, 'info_requested', next, { message: cmd.message })
}

const provideInfo: Handler<CommandOf<'provide_info'>> = (ctx, cmd) => {
  const s = ctx.state
  const next: ReportState = {
    ...s,
    status: s.resumeStatus ?? 'received',
    resumeStatus: null,
    pauses: endPause(s, ctx.now),
    lastReporterReplyAt: ctx.actor.kind === 'reporter' ? ctx.now : s.lastReporterReplyAt,
  }
  emit(ctx, 'info_provided', next, { message: cmd.message ?? null })
}

const reporterReply: Handler<CommandOf<'reporter_reply'>> = (ctx, cmd) => {
  emit(
    ctx,
    'reporter_replied',
    { ...ctx.state, lastReporterReplyAt: ctx.now },
    { message: cmd.message ?? null },
  )
}

function toArchive(ctx: Ctx, reason: string): ReportState {
  const w = withdrawWork(ctx.state)
  return {
    ...w.state,
    status: 'archived',
    archiveReason: reason,
    resumeStatus: null,
    pauses: endPause(w.state, ctx.now),
  }
}

const archive: Handler<CommandOf<'archive'>> = (ctx, cmd) => {
  emit(ctx, 'archived', toArchive(ctx, cmd.reason), { reason: cmd.reason, explanation: cmd.explanation })
}

const rejectNotPemdaAuthority: Handler<CommandOf<'reject_not_pemda_authority'>> = (ctx, cmd) => {
  const data = { explanation: cmd.explanation, forwardTo: cmd.forwardTo }
  emit(ctx, 'rejected_not_pemda_authority', toArchive(ctx, 'not_pemda_authority'), data)
}

type NewDisposition = { id: string; agencyId: string; instruction: string }

/** New dispositions: fresh ids, one live disposition per agency, whistle-blowing only to the Inspektorat path. */
function checkNew(ctx: Ctx, list: NewDisposition[], whistleblowing: boolean) {
  const ids = new Set(ctx.state.dispositions.map((d) => d.id))
  const live = new Set(ctx.state.dispositions.filter(isOpen).map((d) => d.agencyId))
  for (const d of list) {
    if (ids.has(d.id)) return fail('invalid', 'Id disposisi ganda', 'Duplicate disposition id')
    if (live.has(d.agencyId)) {
      return fail(
        'invalid',
        'OPD ini sudah memegang disposisi laporan ini',
        'This agency already holds a disposition of this report',
      )
    }
    if (whistleblowing && !ctx.settings.integrityAgencyIds.includes(d.agencyId)) {
      return fail(
        'invalid',
        'Laporan tentang aparat hanya boleh didisposisikan ke Inspektorat',
        'A report about officials may only be dispatched to the Inspektorat path',
      )
    }
    ids.add(d.id)
    live.add(d.agencyId)
  }
  return undefined
}

function added(ctx: Ctx, list: NewDisposition[]): Disposition[] {
  return list.map((d) => ({
    id: d.id,
    agencyId: d.agencyId,
    status: 'pending',
    assignedUserId: null,
    clockStartedAt: ctx.now,
  }))
}

const verifyAndDispatch: Handler<CommandOf<'verify_and_dispatch'>> = (ctx, cmd) => {
  const s = ctx.state
  if (s.flags.anonymous && !cmd.flags.anonymous) {
    return fail(
      'invalid',
      'Hanya pelapor yang dapat membuka identitasnya',
      'Only the reporter can lift anonymity',
    )
  }
  const err = checkNew(ctx, cmd.dispositions, cmd.whistleblowing)
  if (err) return err
  const before = { ...s.flags, whistleblowing: s.whistleblowing }
  const after = { ...cmd.flags, whistleblowing: cmd.whistleblowing }
  if (JSON.stringify(before) !== JSON.stringify(after)) {
    const flagged = { ...s, flags: cmd.flags, whistleblowing: cmd.whistleblowing }
    emit(ctx, 'flags_set', flagged, { before, after, reason: 'verification' }, { internal: true })
  }
  const next = settle(
    {
      ...ctx.state,
      status: 'dispatched',
      kind: cmd.kind,
      urgency: cmd.urgency,
      slaTier: cmd.slaTier,
      verifiedAt: s.verifiedAt ?? ctx.now,
      dispositions: [...s.dispositions, ...added(ctx, cmd.dispositions)],
    },
    ctx.now,
  )
  const { type: _type, flags: _flags, ...data } = cmd
  emit(ctx, 'verified_and_dispatched', next, data)
}

const addDisposition: Handler<CommandOf<'add_disposition'>> = (ctx, cmd) => {
  const err = checkNew(ctx, cmd.dispositions, ctx.state.whistleblowing)
  if (err) return err
  const next = settle(
    { ...ctx.state, dispositions: [...ctx.state.dispositions, ...added(ctx, cmd.dispositions)] },
    ctx.now,
  )
  emit(ctx, 'dispositions_added', next, { dispositions: cmd.dispositions })
}

const cancelDisposition: Handler<CommandOf<'cancel_disposition'>> = (ctx, cmd) => {
  const d = ownDisposition(ctx, cmd.dispositionId)
  if (isError(d)) return d
  if (!isOpen(d))
    return fail('invalid_transition', 'Disposisi ini sudah ditutup', 'This disposition is already closed')
  const w = withdrawWork(ctx.state, (x) => x.id === d.id)
  const data = { dispositionId: d.id, reason: cmd.reason, withdrawnResponseIds: w.withdrawnResponseIds }
  emit(ctx, 'disposition_cancelled', settle(w.state, ctx.now), data, { agencyId: d.agencyId })
}

const mergeInto: Handler<CommandOf<'merge_into'>> = (ctx, cmd) => {
  if (cmd.masterReportId === ctx.state.id) {
    return fail(
      'invalid',
      'Laporan tidak dapat digabung ke dirinya sendiri',
      'A report cannot be merged into itself',
    )
  }
  if (cmd.masterStatus === 'merged' || cmd.masterStatus === 'archived') {
    return fail(
      'invalid',
      'Laporan induk harus laporan aktif (bukan digabung atau diarsipkan)',
      'The master must be a live report (not merged or archived)',
    )
  }
  const w = withdrawWork(ctx.state)
  const next: ReportState = {
    ...w.state,
    status: 'merged',
    masterReportId: cmd.masterReportId,
    resumeStatus: null,
    pauses: endPause(w.state, ctx.now),
  }
  const { cancelledDispositionIds, withdrawnResponseIds } = w
  emit(ctx, 'merged', next, {
    masterReportId: cmd.masterReportId,
    cancelledDispositionIds,
    withdrawnResponseIds,
  })
}

const split: Handler<CommandOf<'split'>> = (ctx, cmd) => {
  const ids = cmd.parts.map((p) => p.reportId)
  if (ids.includes(ctx.state.id) || new Set(ids).size !== ids.length) {
    return fail('invalid', 'Setiap bagian memerlukan id laporan baru', 'Each part needs a new report id')
  }
  emit(ctx, 'split', ctx.state, { parts: cmd.parts })
}

/**
 * Flags are audited. Only the reporter may lift anonymity (exposure cannot be undone); agency
 * users may only add protection; marking a report as about officials pulls it back from every
 * agency outside the Inspektorat path.
 */
const setFlags: Handler<CommandOf<'set_flags'>> = (ctx, cmd) => {
  const s = ctx.state
  const a = ctx.actor
  if (isAgencyActor(a) && !agencyHolds(s, a)) {
    return fail(
      'forbidden',
      'Laporan ini tidak didisposisikan ke OPD Anda',
      'This report is not dispatched to your agency',
    )
  }
  const loosens =
    (cmd.anonymous === false && s.flags.anonymous) || (cmd.confidential === false && s.flags.confidential)
  const reroutes = cmd.whistleblowing !== undefined && cmd.whistleblowing !== s.whistleblowing
  if ((a.kind === 'reporter' && reroutes) || (isAgencyActor(a) && (reroutes || loosens))) {
    return fail('forbidden', 'Anda hanya dapat menambah perlindungan', 'You may only add protection')
  }
  if (a.kind === 'user' && !isAgencyActor(a) && s.flags.anonymous && cmd.anonymous === false) {
    return fail(
      'forbidden',
      'Hanya pelapor yang dapat membuka identitasnya',
      'Only the reporter can lift anonymity',
    )
  }
  const before = { ...s.flags, whistleblowing: s.whistleblowing }
  const after = {
    anonymous: cmd.anonymous ?? s.flags.anonymous,
    confidential: cmd.confidential ?? s.flags.confidential,
    whistleblowing: cmd.whistleblowing ?? s.whistleblowing,
  }
  if (JSON.stringify(before) === JSON.stringify(after))
    return fail('invalid', 'Tidak ada yang berubah', 'Nothing to change')
  let next: ReportState = {
    ...s,
    flags: { anonymous: after.anonymous, confidential: after.confidential },
    whistleblowing: after.whistleblowing,
  }
  let cancelledDispositionIds: string[] = []
  if (after.whistleblowing && !before.whistleblowing) {
    const integrity = ctx.settings.integrityAgencyIds
    const w = withdrawWork(next, (d) => !integrity.includes(d.agencyId))
    next = settle(w.state, ctx.now)
    cancelledDispositionIds = w.cancelledDispositionIds
  }
  emit(
    ctx,
    'flags_set',
    next,
    { before, after, reason: cmd.reason, cancelledDispositionIds },
    { internal: true },
  )
}

const addNote: Handler<CommandOf<'add_note'>> = (ctx, cmd) => {
  const a = ctx.actor
  if (isAgencyActor(a) && !agencyHolds(ctx.state, a)) {
    return fail(
      'forbidden',
      'Laporan ini tidak didisposisikan ke OPD Anda',
      'This report is not dispatched to your agency',
    )
  }
  const agencyId =
    a.kind === 'user' && isAgencyActor(a)
      ? (ctx.state.dispositions.find(
          (d) => d.status !== 'cancelled' && d.status !== 'returned' && a.agencyIds.includes(d.agencyId),
        )?.agencyId ?? null)
      : null
  emit(ctx, 'note_added', ctx.state, { noteId: cmd.noteId, body: cmd.body }, { agencyId, internal: true })
}

export const OPERATOR_HANDLERS = {
  request_info: requestInfo,
  provide_info: provideInfo,
  reporter_reply: reporterReply,
  archive,
  reject_not_pemda_authority: rejectNotPemdaAuthority,
  verify_and_dispatch: verifyAndDispatch,
  add_disposition: addDisposition,
  cancel_disposition: cancelDisposition,
  merge_into: mergeInto,
  split,
  set_flags: setFlags,
  add_note: addNote,
}
