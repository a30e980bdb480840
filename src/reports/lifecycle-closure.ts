// The end of a report's life and the scheduler's part: confirm, rate, reopen, close (by the
// operator or by the reporter's silence), and the reminders and escalations that change no status.
import { addWorkingDays } from './calendar.ts'
import type { CommandOf, ReportState } from './lifecycle-types.ts'
import { emit, fail, isOpen, withdrawWork, type Ctx, type Handler } from './lifecycle-core.ts'

const close = (s: ReportState, now: Date): ReportState => ({
  ...s,
  status: 'closed',
  closedAt: now,
  resumeStatus: null,
})

const confirm: Handler<CommandOf<'confirm'>> = (ctx) => {
  emit(ctx, 'confirmed', close(ctx.state, ctx.now), {})
}

const rate: Handler<CommandOf<'rate'>> = (ctx, cmd) => {
  emit(
    ctx,
    'rated',
    { ...ctx.state, rating: cmd.rating },
    { rating: cmd.rating, comment: cmd.comment ?? null },
  )
}

/** Until when a closed report may be reopened, or null when it is not closed. */
export function reopenDeadline(state: ReportState, ctx: Pick<Ctx, 'settings'>): Date | null {
  if (state.status !== 'closed' || !state.closedAt) return null
  return addWorkingDays(state.closedAt, ctx.settings.sla.reopenWindowWorkingDays, ctx.settings.calendar)
}

/** When closure by silence becomes possible, or null when the silence clock is not running. */
export function silenceDeadline(state: ReportState, ctx: Pick<Ctx, 'settings'>): Date | null {
  if (state.status !== 'answered' || !state.answeredAt) return null
  if (state.lastReporterReplyAt && +state.lastReporterReplyAt >= +state.answeredAt) return null
  return addWorkingDays(state.answeredAt, ctx.settings.sla.closeBySilenceWorkingDays, ctx.settings.calendar)
}

const reopen: Handler<CommandOf<'reopen'>> = (ctx, cmd) => {
  const s = ctx.state
  if (s.reopenCount >= ctx.settings.sla.maxReopens) {
    return fail(
      'invalid_transition',
      'Laporan ini sudah terlalu sering dibuka kembali; hubungi admin koordinator',
      'This report was reopened too often; contact the coordinator',
    )
  }
  const until = reopenDeadline(s, ctx)
  if (until && +ctx.now > +until) {
    return fail(
      'invalid_transition',
      'Batas waktu membuka kembali sudah lewat; kirim laporan baru',
      'The reopen window has passed; send a new report',
    )
  }
  // The agencies that answered take it up again, with a fresh follow-up clock; a report since
  // marked as about officials goes back only to the Inspektorat path.
  const mayHold = (agencyId: string) =>
    !s.whistleblowing || ctx.settings.integrityAgencyIds.includes(agencyId)
  const next: ReportState = {
    ...s,
    status: 'reopened',
    reopenCount: s.reopenCount + 1,
    answeredAt: null,
    closedAt: null,
    dispositions: s.dispositions.map((d) =>
      d.status === 'answered' && mayHold(d.agencyId)
        ? { ...d, status: 'in_progress', clockStartedAt: ctx.now }
        : d,
    ),
  }
  emit(ctx, 'reopened', next, { reason: cmd.reason, reopenCount: next.reopenCount })
}

const closeBySilence: Handler<CommandOf<'close_by_silence'>> = (ctx) => {
  const s = ctx.state
  const due = silenceDeadline(s, ctx)
  if (!due) {
    return fail(
      'invalid_transition',
      'Pelapor sudah menanggapi; laporan tidak ditutup otomatis',
      'The reporter replied: the report is not closed by silence',
    )
  }
  if (+ctx.now <= +due) {
    return fail(
      'invalid_transition',
      'Batas waktu tanpa tanggapan belum lewat',
      'The silence period has not passed yet',
    )
  }
  const data = { answeredAt: s.answeredAt, silenceWorkingDays: ctx.settings.sla.closeBySilenceWorkingDays }
  emit(ctx, 'closed_by_silence', close(s, ctx.now), data)
}

const closeByOperator: Handler<CommandOf<'close'>> = (ctx, cmd) => {
  const w = withdrawWork(ctx.state)
  const { cancelledDispositionIds, withdrawnResponseIds } = w
  emit(ctx, 'closed', close(w.state, ctx.now), {
    reason: cmd.reason,
    cancelledDispositionIds,
    withdrawnResponseIds,
  })
}

/** Which clock a reminder or escalation is about, checked against the report. */
function clockTarget(ctx: Ctx, target: 'verification' | 'follow_up', dispositionId: string | null) {
  const s = ctx.state
  if (target === 'verification') {
    if (dispositionId !== null || (s.status !== 'received' && s.status !== 'returned')) {
      return fail(
        'invalid',
        'Tidak ada tenggat verifikasi yang berjalan',
        'No verification deadline is running',
      )
    }
    return { agencyId: null }
  }
  const d = s.dispositions.find((x) => x.id === dispositionId)
  if (!d || !isOpen(d))
    return fail('invalid', 'Tidak ada disposisi terbuka dengan id ini', 'No open disposition with this id')
  return { agencyId: d.agencyId }
}

const escalate: Handler<CommandOf<'escalate'>> = (ctx, cmd) => {
  const t = clockTarget(ctx, cmd.target, cmd.dispositionId)
  if ('ok' in t) return t
  const chain = ctx.settings.sla.escalation.chain
  if (chain[cmd.level - 1] !== cmd.notifyRole) {
    return fail(
      'invalid',
      'Tingkat eskalasi tidak sesuai rantai',
      'The level does not match the escalation chain',
    )
  }
  const data = {
    target: cmd.target,
    dispositionId: cmd.dispositionId,
    level: cmd.level,
    notifyRole: cmd.notifyRole,
  }
  emit(ctx, 'escalated', ctx.state, data, { agencyId: t.agencyId, internal: true })
}

const remind: Handler<CommandOf<'remind'>> = (ctx, cmd) => {
  const t = clockTarget(ctx, cmd.target, cmd.dispositionId)
  if ('ok' in t) return t
  const data = { target: cmd.target, dispositionId: cmd.dispositionId }
  emit(ctx, 'reminded', ctx.state, data, { agencyId: t.agencyId, internal: true })
}

export const CLOSURE_HANDLERS = {
  confirm,
  rate,
  reopen,
  close_by_silence: closeBySilence,
  close: closeByOperator,
  escalate,
  remind,
}
