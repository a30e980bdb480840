// A report's planned life as lifecycle commands: the operator verifies (or defers, archives, merges),
// agencies accept, draft, get approval and publish (or return it, or stall past their deadline),
// and the reporter confirms, rates, reopens or stays silent. Times follow office hours in WIB.
// The plan may run past `now`; simulate.ts cuts it there, so recent reports are still open.
import type { ReportKind, ReportStatus, SlaTier, Urgency } from '../reports/model.ts'
import { DEFAULT_SLA_SETTINGS } from '../reports/sla.ts'
import type { Rng } from './prng.ts'
import type { DemoActor } from './scenario.ts'
import { requiresApproval, staffAgencyFor, type PlannedStep } from './simulate.ts'
import { atLocal, citizenAfter, silenceCloseAt, staffAfter, workingDaysAfter, localDate, DEMO_TZ } from './timing.ts'
import * as R from './texts/replies.ts'
import type { Topic } from './texts/types.ts'

export type Fate = 'normal' | 'info_then_normal' | 'abandoned' | 'unverified' | 'stalled_pending' | 'stalled_accepted'
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

const MINUTE = 60_000
const OPERATOR: DemoActor = { role: 'operator', agencySlug: 'diskominfotik', email: 'operator@demo.aduan.test' }
const SYSTEM: DemoActor = { role: 'system' }
const REPORTER: DemoActor = { role: 'reporter' }
const staff = (unit: string, role: 'agency_admin' | 'agency_head'): DemoActor => {
  const home = staffAgencyFor(unit)
  return { role, agencySlug: home, email: `${home}.${role === 'agency_admin' ? 'admin' : 'head'}@demo.aduan.test` }
}

/** Working days from acceptance to a draft, and how often the agency lets a report stall. */
const PACE: Record<string, { draft: [number, number]; stall: number }> = {
  dlh: { draft: [0, 2], stall: 0.03 },
  pupr: { draft: [2, 8], stall: 0.16 },
  disbun: { draft: [2, 9], stall: 0.15 },
  dpmgp4: { draft: [2, 8], stall: 0.12 },
  perkim: { draft: [1, 6], stall: 0.1 },
  dinsos: { draft: [1, 6], stall: 0.08 },
  inspektorat: { draft: [6, 22], stall: 0.05 },
  diskominfotik: { draft: [0, 2], stall: 0.02 },
}
const pace = (slug: string) => PACE[staffAgencyFor(slug)] ?? PACE[slug] ?? { draft: [1, 5], stall: 0.06 }
export const stallChance = (slug: string) => pace(slug).stall

export function planLife(p: LifeInput): PlannedStep[] {
  const { rng } = p
  const out: PlannedStep[] = []
  const add = (at: Date, command: PlannedStep['command'], actor: DemoActor, data: Record<string, unknown> = {}) => {
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
    add(at, 'merge_into', OPERATOR, { masterReportId: p.mergeInto.key, masterStatus: p.mergeInto.statusAt(at) })
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
    : workingDaysAfter(t0, rng.weighted([[0, 5], [1, 4], [2, 2], [3, 1], [5, 0.3]]), rng)

  if (p.topic.archive) {
    add(verifyAt, 'archive', OPERATOR, { reason: p.topic.archive.reason, explanation: p.topic.archive.explanation })
    return out
  }
  if (p.topic.external && p.agencies[0] === 'diskominfotik') {
    add(verifyAt, 'reject_not_pemda_authority', OPERATOR, { explanation: p.topic.external, forwardTo: 'other' })
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
    const returnedAt = add(workingDaysAfter(at, rng.int(0, 2), rng), 'return_not_authority', staff(wrong, 'agency_admin'), {
      dispositionId: first!.id,
      reason,
    })
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
  if (rng.chance(0.1)) add(new Date(+dispatchAt + rng.int(5, 120) * MINUTE), 'add_note', OPERATOR, { noteId: 'n1', body: rng.pick(R.INTERNAL_NOTES) })

  // Each agency works its own disposition; the report is answered when the last one publishes.
  const published: Date[] = []
  for (const disp of dispositions) {
    const unit = disp.agencyId
    const admin = staff(unit, 'agency_admin')
    const stalled = p.fate === 'stalled_pending' || p.fate === 'stalled_accepted'
    let at = p.emergency ? new Date(+dispatchAt + rng.float(4, 40) * MINUTE) : staffAfter(dispatchAt, rng, 30, 60 * 20)
    if (p.fate !== 'stalled_pending') at = add(at, 'accept', admin, { dispositionId: disp.id })
    const doneAt = stalled ? null : answer(p, disp.id, unit, at, add, nextResponse)
    if (!p.emergency) remindAndEscalate(p, disp.id, dispatchAt, doneAt, add)
    if (doneAt) published.push(doneAt)
  }
  if (published.length < dispositions.length) return out
  const answeredAt = new Date(Math.max(...published.map(Number)))
  react(p, answeredAt, dispositions.map((x) => [x.id, x.agencyId] as const), add, nextResponse)
  return out
}

type Add = (at: Date, command: PlannedStep['command'], actor: DemoActor, data?: Record<string, unknown>) => Date

/** Draft -> (submit -> [reject -> revise -> submit] -> approve) | publish. Returns when it was published. */
function answer(p: LifeInput, dispositionId: string, unit: string, acceptedAt: Date, add: Add, nextResponse: () => string, body?: string): Date {
  const { rng } = p
  const [lo, hi] = pace(unit).draft
  const draftAt = p.emergency
    ? new Date(+acceptedAt + rng.float(30, 300) * MINUTE)
    : workingDaysAfter(acceptedAt, rng.int(p.kind === 'permintaan_informasi' ? 0 : lo, p.kind === 'permintaan_informasi' ? 2 : hi), rng)
  const responseId = nextResponse()
  const opd = p.opdName(unit)
  const text =
    body ??
    `${rng.pick(R.ANSWER_OPENERS)} ${p.fill(rng.pick(p.topic.answers), { opd, tgl: p.dayLabel(draftAt) })} ${p.fill(rng.pick(R.ANSWER_CLOSERS), { opd })}`
  const approval = requiresApproval(unit)
  const admin = staff(unit, 'agency_admin')
  const head = staff(unit, 'agency_head')
  let at = add(draftAt, 'draft_response', admin, { responseId, dispositionId, body: text, requiresApproval: approval })
  if (!approval) return add(new Date(+at + rng.float(3, 40) * MINUTE), 'publish', admin, { responseId })
  at = add(new Date(+at + rng.float(5, 60) * MINUTE), 'submit_response', admin, { responseId })
  if (rng.chance(0.12)) {
    at = add(staffAfter(at, rng, 30, 60 * 20), 'reject_response', head, { responseId, reason: rng.pick(R.HEAD_REJECT_REASONS) })
    const revised = `${text} Tindak lanjut akan terus kami pantau dan laporkan kembali bila diperlukan.`
    at = add(staffAfter(at, rng, 30, 60 * 16), 'draft_response', admin, { responseId, dispositionId, body: revised, requiresApproval: true })
    at = add(new Date(+at + rng.float(5, 30) * MINUTE), 'submit_response', admin, { responseId })
  }
  return add(staffAfter(at, rng, 20, 60 * 20), 'approve_response', head, { responseId })
}

/** The scheduler's reminder the day a follow-up falls due and escalations up the chain after it. */
function remindAndEscalate(p: LifeInput, dispositionId: string, dispatchAt: Date, doneAt: Date | null, add: Add) {
  const { rng } = p
  const days = DEFAULT_SLA_SETTINGS.tierWorkingDays[p.slaTier]
  const chain = DEFAULT_SLA_SETTINGS.escalation.chain
  const morning = (n: number) => atLocal(localDate(workingDaysAfter(dispatchAt, n, rng), DEMO_TZ), 7 + rng.float(0, 0.4))
  const pending = (t: Date) => !doneAt || +doneAt > +t
  const remindAt = morning(days)
  if (pending(remindAt)) add(remindAt, 'remind', SYSTEM, { target: 'follow_up', dispositionId })
  for (let level = 1; level <= chain.length; level++) {
    const at = morning(days + level)
    if (!pending(at)) break
    add(at, 'escalate', SYSTEM, { target: 'follow_up', dispositionId, level, notifyRole: chain[level - 1] })
  }
}

const RATINGS = {
  happy: [[5, 5], [4, 4], [3, 1.2]] as const,
  mixed: [[5, 1.5], [4, 3], [3, 2], [2, 1]] as const,
  late: [[4, 2], [3, 2], [2, 1], [1, 0.5], [5, 1]] as const,
  after_reopen: [[4, 2], [3, 2], [2, 1.5], [1, 0.5]] as const,
}

function rating(p: LifeInput, kind: keyof typeof RATINGS) {
  const value = p.rng.weighted(RATINGS[kind])
  const comment = p.rng.chance(0.6) ? p.rng.pick(R.RATING_COMMENTS[value]!) : undefined
  return comment ? { rating: value, comment } : { rating: value }
}

/** What the reporter does once the report is answered. */
function react(p: LifeInput, answeredAt: Date, dispositions: (readonly [string, string])[], add: Add, nextResponse: () => string) {
  const { rng } = p
  switch (p.reaction) {
    case 'confirm': {
      const at = add(citizenAfter(answeredAt, rng, 0.5, 72), 'confirm', REPORTER)
      add(new Date(+at + rng.float(1, 10) * MINUTE), 'rate', REPORTER, rating(p, 'happy'))
      return
    }
    case 'rate_only':
      add(citizenAfter(answeredAt, rng, 1, 48), 'rate', REPORTER, rating(p, 'mixed'))
      add(silenceCloseAt(answeredAt, 10, rng), 'close_by_silence', SYSTEM)
      return
    case 'silence':
      add(silenceCloseAt(answeredAt, 10, rng), 'close_by_silence', SYSTEM)
      return
    case 'late_rate': {
      const closed = add(silenceCloseAt(answeredAt, 10, rng), 'close_by_silence', SYSTEM)
      add(citizenAfter(closed, rng, 2, 72), 'rate', REPORTER, rating(p, 'late'))
      return
    }
    case 'reopen': {
      const reopened = add(citizenAfter(answeredAt, rng, 2, 96), 'reopen', REPORTER, { reason: rng.pick(R.REOPEN_REASONS) })
      if (rng.chance(0.25)) {
        // Nobody takes it up again: the fresh follow-up clock runs out and escalates.
        for (const [dispositionId] of dispositions) remindAndEscalate(p, dispositionId, reopened, null, add)
        return
      }
      const again: Date[] = []
      for (const [dispositionId, unit] of dispositions) {
        const tgl = p.dayLabel(workingDaysAfter(reopened, 1, rng))
        const body = `${p.fill(rng.pick(R.FOLLOW_UP_ANSWERS), { opd: p.opdName(unit), tgl })}`
        again.push(answer(p, dispositionId, unit, staffAfter(reopened, rng, 60, 60 * 24), add, nextResponse, body))
      }
      const second = new Date(Math.max(...again.map(Number)))
      if (rng.chance(0.55)) {
        const at = add(citizenAfter(second, rng, 1, 72), 'confirm', REPORTER)
        add(new Date(+at + rng.float(1, 10) * MINUTE), 'rate', REPORTER, rating(p, 'after_reopen'))
      } else add(silenceCloseAt(second, 10, rng), 'close_by_silence', SYSTEM)
    }
  }
}
