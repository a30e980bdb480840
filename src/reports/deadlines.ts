// The deadlines a report shows, derived from its lifecycle state and the tenant's settings:
// who must act by when, and whether that is on track, due soon or overdue. Pure.
import { reopenDeadline, silenceDeadline } from './lifecycle-closure.ts'
import { isOpen } from './lifecycle-core.ts'
import type { LifecycleSettings, ReportState } from './lifecycle-types.ts'
import type { Label } from './model.ts'
import { computeDueAt, slaState, type DueSpec, type SlaState } from './sla.ts'

export type DeadlineKind = 'verification' | 'follow_up' | 'close_by_silence' | 'reopen_window'
export const DEADLINE_LABELS: Record<DeadlineKind, Label> = {
  verification: { id: 'Batas verifikasi', en: 'Verification due' },
  follow_up: { id: 'Batas tindak lanjut OPD', en: 'Agency follow-up due' },
  close_by_silence: { id: 'Selesai otomatis bila pelapor diam', en: 'Closes if the reporter stays silent' },
  reopen_window: { id: 'Batas membuka kembali', en: 'Can be reopened until' },
}

export interface Deadline {
  kind: DeadlineKind
  dispositionId: string | null
  agencyId: string | null
  /** null while the clock is paused (tunda). */
  dueAt: Date | null
  state: SlaState
  /** How it is counted: 'working_days' or 'clock_hours', and how many. */
  basis: { unit: 'working_days' | 'clock_hours'; amount: number }
}

/**
 * Every running deadline of a report, and `current`: the earliest one staff must meet (verification
 * or an agency's follow-up), which is what lists sort and filter by (reports.due_at).
 * Follow-up basis: the report's urgency in clock hours if set, else its category tier in working
 * days if set, else the default follow-up working days.
 */
export function reportDeadlines(
  s: ReportState,
  settings: LifecycleSettings,
  now: Date,
): { current: Deadline | null; all: Deadline[] } {
  const { sla, calendar } = settings
  const all: Deadline[] = []
  const working = (n: number) => ({ unit: 'working_days' as const, amount: n })
  const stateOf = (dueAt: Date | null, spec: DueSpec) =>
    'clockHours' in spec
      ? slaState(dueAt, now, spec.clockHours * 3_600_000 * sla.dueSoon.clockFraction)
      : slaState(dueAt, now, { workingDays: sla.dueSoon.workingDays, calendar })
  const push = (
    kind: DeadlineKind,
    spec: DueSpec,
    ids: { dispositionId: string | null; agencyId: string | null },
  ) => {
    const dueAt = computeDueAt(spec, calendar)
    const basis =
      'clockHours' in spec
        ? { unit: 'clock_hours' as const, amount: spec.clockHours }
        : working(spec.workingDays)
    all.push({ kind, ...ids, dueAt, state: stateOf(dueAt, spec), basis })
  }

  const pauses = s.pauses.map((p) => ({ from: p.from, to: p.to }))
  const byResume = s.status === 'needs_info' ? s.resumeStatus : s.status
  if (byResume === 'received' || byResume === 'returned') {
    const startedAt = byResume === 'returned' && s.returnedAt ? s.returnedAt : s.receivedAt
    push(
      'verification',
      { startedAt, workingDays: sla.verifyWorkingDays, pauses },
      { dispositionId: null, agencyId: null },
    )
  }
  if (['dispatched', 'in_progress', 'reopened'].includes(s.status)) {
    for (const d of s.dispositions.filter(isOpen)) {
      const spec: DueSpec = s.urgency
        ? { startedAt: d.clockStartedAt, clockHours: sla.urgencyClockHours[s.urgency], pauses }
        : {
            startedAt: d.clockStartedAt,
            workingDays: s.slaTier ? sla.tierWorkingDays[s.slaTier] : sla.followUpWorkingDays,
            pauses,
          }
      push('follow_up', spec, { dispositionId: d.id, agencyId: d.agencyId })
    }
  }
  const ctx = { settings }
  const silence = silenceDeadline(s, ctx)
  if (silence) {
    all.push({
      kind: 'close_by_silence',
      dispositionId: null,
      agencyId: null,
      dueAt: silence,
      state: slaState(silence, now, 0),
      basis: working(sla.closeBySilenceWorkingDays),
    })
  }
  const reopen = reopenDeadline(s, ctx)
  if (reopen) {
    all.push({
      kind: 'reopen_window',
      dispositionId: null,
      agencyId: null,
      dueAt: reopen,
      state: slaState(reopen, now, 0),
      basis: working(sla.reopenWindowWorkingDays),
    })
  }
  const staff = all.filter((d) => d.kind === 'verification' || d.kind === 'follow_up')
  const running = staff.filter((d) => d.dueAt !== null).sort((a, b) => +a.dueAt! - +b.dueAt!)
  const current = running[0] ?? staff[0] ?? null
  return { current, all }
}
