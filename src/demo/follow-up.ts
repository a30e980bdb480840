// The agencies' and the reporter's part of a planned life: drafting, approval and publication of
// the follow-up, the scheduler's reminders and escalations, and what the reporter does once
// answered (confirm and rate, stay silent, reopen).
import { DEFAULT_SLA_SETTINGS } from '../reports/sla.ts'
import type { LifeInput } from './plan.ts'
import type { DemoActor } from './scenario.ts'
import { requiresApproval, staffAgencyFor, type PlannedStep } from './simulate.ts'
import {
  atLocal,
  citizenAfter,
  localDate,
  silenceCloseAt,
  staffAfter,
  workingDaysAfter,
  DEMO_TZ,
} from './timing.ts'
import * as R from './texts/replies.ts'

export const MINUTE = 60_000
export const OPERATOR: DemoActor = {
  role: 'operator',
  agencySlug: 'diskominfotik',
  email: 'operator@demo.aduan.test',
}
export const SYSTEM: DemoActor = { role: 'system' }
export const REPORTER: DemoActor = { role: 'reporter' }
export const staff = (unit: string, role: 'agency_admin' | 'agency_head'): DemoActor => {
  const home = staffAgencyFor(unit)
  return {
    role,
    agencySlug: home,
    email: `${home}.${role === 'agency_admin' ? 'admin' : 'head'}@demo.aduan.test`,
  }
}

/** Working days from acceptance to a draft, and how often the agency lets a report stall. */
const PACE: Record<string, { draft: [number, number]; stall: number }> = {
  dlh: { draft: [0, 2], stall: 0.03 },
  pupr: { draft: [2, 7], stall: 0.16 },
  disbun: { draft: [2, 8], stall: 0.15 },
  dpmgp4: { draft: [2, 7], stall: 0.12 },
  perkim: { draft: [1, 6], stall: 0.1 },
  dinsos: { draft: [1, 6], stall: 0.08 },
  inspektorat: { draft: [6, 22], stall: 0.05 },
  diskominfotik: { draft: [0, 2], stall: 0.02 },
}
const pace = (slug: string) => PACE[staffAgencyFor(slug)] ?? PACE[slug] ?? { draft: [1, 5], stall: 0.06 }
export const stallChance = (slug: string) => pace(slug).stall

export type Add = (
  at: Date,
  command: PlannedStep['command'],
  actor: DemoActor,
  data?: Record<string, unknown>,
) => Date

/** Draft -> (submit -> [reject -> revise -> submit] -> approve) | publish. Returns when it was published. */
export function answer(
  p: LifeInput,
  dispositionId: string,
  unit: string,
  acceptedAt: Date,
  add: Add,
  nextResponse: () => string,
  body?: string,
): Date {
  const { rng } = p
  // Agencies mostly keep to the category's tier; the slow ones run late on the longer tiers.
  const quick = p.kind === 'permintaan_informasi' || p.slaTier === 'ringan'
  const [lo, hi] = quick ? [0, 2] : pace(unit).draft
  const draftAt = p.emergency
    ? new Date(+acceptedAt + rng.float(30, 300) * MINUTE)
    : workingDaysAfter(acceptedAt, rng.int(lo, hi), rng)
  const responseId = nextResponse()
  const opd = p.opdName(unit)
  const text =
    body ??
    `${rng.pick(R.ANSWER_OPENERS)} ${p.fill(rng.pick(p.topic.answers), { opd, tgl: p.dayLabel(draftAt) })} ${p.fill(rng.pick(R.ANSWER_CLOSERS), { opd })}`
  const approval = requiresApproval(unit)
  const admin = staff(unit, 'agency_admin')
  const head = staff(unit, 'agency_head')
  let at = add(draftAt, 'draft_response', admin, {
    responseId,
    dispositionId,
    body: text,
    requiresApproval: approval,
  })
  if (!approval) return add(new Date(+at + rng.float(3, 40) * MINUTE), 'publish', admin, { responseId })
  at = add(new Date(+at + rng.float(5, 60) * MINUTE), 'submit_response', admin, { responseId })
  if (rng.chance(0.12)) {
    at = add(staffAfter(at, rng, 30, 60 * 20), 'reject_response', head, {
      responseId,
      reason: rng.pick(R.HEAD_REJECT_REASONS),
    })
    const revised = `${text} Tindak lanjut akan terus kami pantau dan laporkan kembali bila diperlukan.`
    at = add(staffAfter(at, rng, 30, 60 * 16), 'draft_response', admin, {
      responseId,
      dispositionId,
      body: revised,
      requiresApproval: true,
    })
    at = add(new Date(+at + rng.float(5, 30) * MINUTE), 'submit_response', admin, { responseId })
  }
  return add(staffAfter(at, rng, 20, 60 * 20), 'approve_response', head, { responseId })
}

/** The scheduler's reminder the day a follow-up falls due and escalations up the chain after it. */
export function remindAndEscalate(
  p: LifeInput,
  dispositionId: string,
  dispatchAt: Date,
  doneAt: Date | null,
  add: Add,
) {
  const { rng } = p
  const days = DEFAULT_SLA_SETTINGS.tierWorkingDays[p.slaTier]
  const chain = DEFAULT_SLA_SETTINGS.escalation.chain
  const morning = (n: number) =>
    atLocal(localDate(workingDaysAfter(dispatchAt, n, rng), DEMO_TZ), 7 + rng.float(0, 0.4))
  const pending = (t: Date) => !doneAt || +doneAt > +t
  // Reminded the working day before the deadline (the SLA default remindBeforeWorkingDays = 1).
  const remindAt = morning(Math.max(days - DEFAULT_SLA_SETTINGS.escalation.remindBeforeWorkingDays, 0))
  if (pending(remindAt)) add(remindAt, 'remind', SYSTEM, { target: 'follow_up', dispositionId })
  for (let level = 1; level <= chain.length; level++) {
    const at = morning(days + level)
    if (!pending(at)) break
    add(at, 'escalate', SYSTEM, { target: 'follow_up', dispositionId, level, notifyRole: chain[level - 1] })
  }
}

const RATINGS = {
  happy: [
    [5, 5],
    [4, 4],
    [3, 1.2],
  ] as const,
  mixed: [
    [5, 1.5],
    [4, 3],
    [3, 2],
    [2, 1],
  ] as const,
  late: [
    [4, 2],
    [3, 2],
    [2, 1],
    [1, 0.5],
    [5, 1],
  ] as const,
  after_reopen: [
    [4, 2],
    [3, 2],
    [2, 1.5],
    [1, 0.5],
  ] as const,
}

function rating(p: LifeInput, kind: keyof typeof RATINGS) {
  const value = p.rng.weighted(RATINGS[kind])
  const comment = p.rng.chance(0.6) ? p.rng.pick(R.RATING_COMMENTS[value]!) : undefined
  return comment ? { rating: value, comment } : { rating: value }
}

/** What the reporter does once the report is answered. */
export function react(
  p: LifeInput,
  answeredAt: Date,
  dispositions: (readonly [string, string])[],
  add: Add,
  nextResponse: () => string,
) {
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
      const reopened = add(citizenAfter(answeredAt, rng, 2, 96), 'reopen', REPORTER, {
        reason: rng.pick(R.REOPEN_REASONS),
      })
      if (rng.chance(0.25)) {
        // Nobody takes it up again: the fresh follow-up clock runs out and escalates.
        for (const [dispositionId] of dispositions) remindAndEscalate(p, dispositionId, reopened, null, add)
        return
      }
      const again: Date[] = []
      for (const [dispositionId, unit] of dispositions) {
        const tgl = p.dayLabel(workingDaysAfter(reopened, 1, rng))
        const body = `${p.fill(rng.pick(R.FOLLOW_UP_ANSWERS), { opd: p.opdName(unit), tgl })}`
        again.push(
          answer(p, dispositionId, unit, staffAfter(reopened, rng, 60, 60 * 24), add, nextResponse, body),
        )
      }
      const second = new Date(Math.max(...again.map(Number)))
      if (rng.chance(0.55)) {
        const at = add(citizenAfter(second, rng, 1, 72), 'confirm', REPORTER)
        add(new Date(+at + rng.float(1, 10) * MINUTE), 'rate', REPORTER, rating(p, 'after_reopen'))
      } else add(silenceCloseAt(second, 10, rng), 'close_by_silence', SYSTEM)
    }
  }
}
