// Runs a scenario's planned steps through the real lifecycle decider (pure), with slugs standing in
// for ids, so every generated step is one the platform accepts and each step knows the status it
// leads to. A refusal is a bug in the generator: it throws with the scenario and the reason.
import {
  decide,
  newReportState,
  type Actor,
  type Command,
  type LifecycleSettings,
  type ReportState,
} from '../reports/lifecycle.ts'
import { DEFAULT_SLA_SETTINGS } from '../reports/sla.ts'
import { DEMO_AGENCIES, DEMO_PUSKESMAS } from './agencies.ts'
import type { DemoActor, DemoStep } from './scenario.ts'
import { DEMO_CALENDAR } from './timing.ts'

/** The settings the demo plans against: LAPOR! defaults, WIB working days, Inspektorat as the integrity path. */
export const DEMO_LIFECYCLE_SETTINGS: LifecycleSettings = {
  sla: DEFAULT_SLA_SETTINGS,
  calendar: DEMO_CALENDAR,
  integrityAgencyIds: ['inspektorat'],
}

const ALL_AGENCIES = [...DEMO_AGENCIES, ...DEMO_PUSKESMAS]

/** An agency and its sub-units (Dinkes staff see and answer their puskesmas' dispositions). */
export function agencyWithSubUnits(slug: string): string[] {
  return [slug, ...ALL_AGENCIES.filter((a) => a.parent === slug).map((a) => a.slug)]
}

/** The agency whose staff act for a unit: the unit itself when it has logins, else its parent. */
export function staffAgencyFor(slug: string): string {
  const a = ALL_AGENCIES.find((x) => x.slug === slug)
  if (!a) throw new Error(`unknown demo agency ${slug}`)
  return a.staff ? a.slug : staffAgencyFor(a.parent ?? 'diskominfotik')
}

export function requiresApproval(slug: string): boolean {
  const a = ALL_AGENCIES.find((x) => x.slug === slug)
  if (!a) throw new Error(`unknown demo agency ${slug}`)
  return a.requiresApproval
}

/** The decider's actor for a demo actor, with slugs as agency ids. */
export function lifecycleActor(a: DemoActor): Actor {
  if (a.role === 'reporter') return { kind: 'reporter' }
  if (a.role === 'system') return { kind: 'system' }
  return {
    kind: 'user',
    userId: a.email ?? a.role,
    role: a.role,
    agencyIds: a.agencySlug ? agencyWithSubUnits(a.agencySlug) : [],
  }
}

export type PlannedStep = Omit<DemoStep, 'status'>

export interface IntakeState {
  key: string
  receivedAt: Date
  isAnonymous: boolean
  isConfidential: boolean
  urgency: ReportState['urgency']
}

/**
 * Applies the planned steps in time order up to (not including) `now`. Returns the steps taken,
 * each with the status it leads to, and the final state.
 */
export function simulate(
  intake: IntakeState,
  planned: readonly PlannedStep[],
  now: Date,
): { steps: DemoStep[]; state: ReportState } {
  let state = newReportState({
    id: intake.key,
    receivedAt: intake.receivedAt,
    flags: { anonymous: intake.isAnonymous, confidential: intake.isConfidential },
    urgency: intake.urgency,
  })
  const sorted = [...planned].sort((a, b) => +a.at - +b.at)
  const steps: DemoStep[] = []
  for (const p of sorted) {
    if (+p.at >= +now) break
    const command = { type: p.command, ...p.data } as Command
    const result = decide(state, command, lifecycleActor(p.actor), p.at, DEMO_LIFECYCLE_SETTINGS)
    if (!result.ok) {
      throw new Error(
        `demo scenario ${intake.key}: ${p.command} by ${p.actor.role} at ${p.at.toISOString()} ` +
          `refused (${result.code}): ${result.message.en}`,
      )
    }
    state = result.state
    steps.push({ ...p, status: state.status })
  }
  return { steps, state }
}
