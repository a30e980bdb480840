// A report's planned life as lifecycle commands: the operator verifies (or defers, archives, merges),
// agencies accept, draft, get approval and publish (or return it, or stall past their deadline),
// and the reporter confirms, rates, reopens or stays silent. Times follow office hours in WIB.
// The plan may run past `now`; simulate.ts cuts it there, so recent reports are still open.
import type { ReportKind, ReportStatus, SlaTier, Urgency } from '../reports/model.ts'
import { answer, MINUTE, OPERATOR, react, remindAndEscalate, REPORTER, staff, SYSTEM } from './follow-up.ts'
import type { Rng } from './prng.ts'
import type { DemoActor } from './scenario.ts'
import type { PlannedStep } from './simulate.ts'
import { atLocal, citizenAfter, localDate, staffAfter, workingDaysAfter, DEMO_TZ } from './timing.ts'
import * as R from './texts/replies.ts'
import type { Topic } from './texts/types.ts'

export { stallChance } from './follow-up.ts'

export type Fate =
  'normal' | 'info_then_normal' | 'abandoned' | 'unverified' | 'stalled_pending' | 'stalled_accepted'
export type Reaction = 'confirm' | 'rate_only' | 'silence' | 'late_rate' | 'reopen'

export interface LifeInput {
  rng: Rng
  receivedAt: Date
  topic: Topic
  kind: ReportKind
  categorySlug: string
  slaTier: SlaTier
  urgency: Urgency | null
  emergency: boolean
  regionCode: string
  title: string
  agencies: string[]
  /** Flags as the operator sets them at verification. */
  flags: { anonymous: boolean; confidential: boolean }
  whistleblowing: boolean
  fate: Fate
  reaction: Reaction
  /** Sent first to topic.misroute.agency, which returns it; 'wait' leaves it with the operator. */
  misroute: 'no' | 'redispatch' | 'wait'
  /** Fills a template's placeholders; opd and tgl are added for answers. */
  fill: (template: string, extra?: Record<string, string>) => string
  opdName: (slug: string) => string
  dayLabel: (t: Date) => string
  mergeInto?: { key: string; statusAt: (t: Date) => ReportStatus }
}

export function planLife(p: LifeInput): PlannedStep[] {
  const { rng } = p
  const out: PlannedStep[] = []
  const add = (
    at: Date,
    command: PlannedStep['command'],
    actor: DemoActor,
    data: Record<string, unknown> = {},
  ) => {
    out.push({ at, command, actor, data })
    return at
  }
  let d = 0
  let r = 0
  const nextDisposition = () => `d${++d}`
  const nextResponse = () => `r${++r}`
  const t0 = p.receivedAt

  if (p.mergeInto) {
    const at = staffAfter(t0, rng, 15, 600)
    add(at, 'merge_into', OPERATOR, {
      masterReportId: p.mergeInto.key,
      masterStatus: p.mergeInto.statusAt(at),
    })
    return out
  }
  if (p.fate === 'unverified') {
    add(atLocal(localDate(workingDaysAfter(t0, 2, rng), DEMO_TZ), 7 + rng.float(0, 0.5)), 'remind', SYSTEM, {
      target: 'verification',
    })
    return out
  }

  let verifyAt = p.emergency
    ? new Date(+t0 + rng.float(3, 25) * MINUTE)
    : workingDaysAfter(
        t0,
        rng.weighted([
          [0, 5],
          [1, 4],
          [2, 2],
          [3, 1],
          [5, 0.3],
        ]),
        rng,
      )

  if (p.topic.archive) {
    add(verifyAt, 'archive', OPERATOR, {
      reason: p.topic.archive.reason,
      explanation: p.topic.archive.explanation,
    })
    return out
  }
  if (p.topic.external && p.agencies[0] === 'diskominfotik') {
    add(verifyAt, 'reject_not_pemda_authority', OPERATOR, {
      explanation: p.topic.external,
      forwardTo: 'other',
    })
    return out
  }
  if (p.fate === 'abandoned' || p.fate === 'info_then_normal') {
    add(verifyAt, 'request_info', OPERATOR, { message: rng.pick(R.REQUEST_INFO_MESSAGES) })
    if (p.fate === 'abandoned') {
      add(workingDaysAfter(verifyAt, rng.int(5, 10), rng), 'archive', OPERATOR, {
        reason: 'no_reply',
        explanation: R.ABANDONED_ARCHIVE_REASON,
      })
      return out
    }
    const replied = add(citizenAfter(verifyAt, rng, 1, 48), 'provide_info', REPORTER, {
      message: p.fill(rng.pick(R.PROVIDE_INFO_REPLIES)),
    })
    verifyAt = staffAfter(replied, rng, 15, 300)
  }

  const verify = (at: Date, agencies: string[]) => {
    const dispositions = agencies.map((agencyId) => ({
      id: nextDisposition(),
      agencyId,
      instruction: rng.pick(p.emergency ? R.EMERGENCY_INSTRUCTIONS : R.DISPATCH_INSTRUCTIONS),
    }))
    add(at, 'verify_and_dispatch', OPERATOR, {
      title: p.title,
      kind: p.kind,
      categoryId: p.categorySlug,
      regionCode: p.regionCode,
      whistleblowing: p.whistleblowing,
      urgency: p.urgency,
      slaTier: p.slaTier,
      flags: p.flags,
      dispositions,
    })
    return dispositions
  }

  let dispatchAt = verifyAt
  const returnTo = p.topic.misroute && p.misroute !== 'no' ? p.topic.misroute : undefined
  if (returnTo || (p.topic.external && p.agencies[0] !== 'diskominfotik')) {
    const wrong = returnTo?.agency ?? p.agencies[0]!
    const [first] = verify(verifyAt, [wrong])
    let at = staffAfter(verifyAt, rng, 60, 60 * 30)
    if (rng.chance(0.4)) at = add(at, 'accept', staff(wrong, 'agency_admin'), { dispositionId: first!.id })
    const reason = returnTo?.reason ?? `Bukan kewenangan ${p.opdName(wrong)}: ${p.topic.external}.`
    const returnedAt = add(
      workingDaysAfter(at, rng.int(0, 2), rng),
      'return_not_authority',
      staff(wrong, 'agency_admin'),
      {
        dispositionId: first!.id,
        reason,
      },
    )
    if (!returnTo) {
      add(staffAfter(returnedAt, rng, 30, 60 * 24), 'reject_not_pemda_authority', OPERATOR, {
        explanation: p.topic.external!.replace(/^./, (c) => c.toUpperCase()),
        forwardTo: 'other',
      })
      return out
    }
    if (p.misroute === 'wait') return out
    dispatchAt = staffAfter(returnedAt, rng, 30, 60 * 20)
  }

  const dispositions = verify(dispatchAt, p.agencies)
  if (rng.chance(0.1))
    add(new Date(+dispatchAt + rng.int(5, 120) * MINUTE), 'add_note', OPERATOR, {
      noteId: 'n1',
      body: rng.pick(R.INTERNAL_NOTES),
    })

  // Each agency works its own disposition; the report is answered when the last one publishes.
  const published: Date[] = []
  for (const disp of dispositions) {
    const unit = disp.agencyId
    const admin = staff(unit, 'agency_admin')
    const stalled = p.fate === 'stalled_pending' || p.fate === 'stalled_accepted'
    let at = p.emergency
      ? new Date(+dispatchAt + rng.float(4, 40) * MINUTE)
      : staffAfter(dispatchAt, rng, 30, 60 * 20)
    if (p.fate !== 'stalled_pending') at = add(at, 'accept', admin, { dispositionId: disp.id })
    const doneAt = stalled ? null : answer(p, disp.id, unit, at, add, nextResponse)
    if (!p.emergency) remindAndEscalate(p, disp.id, dispatchAt, doneAt, add)
    if (doneAt) published.push(doneAt)
  }
  if (published.length < dispositions.length) return out
  const answeredAt = new Date(Math.max(...published.map(Number)))
  react(
    p,
    answeredAt,
    dispositions.map((x) => [x.id, x.agencyId] as const),
    add,
    nextResponse,
  )
  return out
}
