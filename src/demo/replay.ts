// Turning a scenario's symbolic steps into the lifecycle's real commands and actors, for whoever
// seeds the demo reports into a database (pure: the caller supplies the id lookups).
import type { Actor, Command } from '../reports/lifecycle.ts'
import type { DemoActor, DemoScenario, DemoStep } from './scenario.ts'
import { agencyWithSubUnits } from './simulate.ts'

export interface ReplayIds {
  agencyId(slug: string): string
  categoryId(slug: string): string
  /** The database id of the report created for a scenario key. */
  reportId(scenarioKey: string): string
  /** The id of a scenario-local disposition, response or note token ('d1', 'r1', 'n1'): same token, same id. */
  localId(scenarioKey: string, token: string): string
  userId(email: string): string
}

/** Memoises fresh ids (e.g. crypto.randomUUID) per scenario and token. */
export function localIds(newId: () => string): ReplayIds['localId'] {
  const seen = new Map<string, string>()
  return (key, token) => {
    const k = `${key}\u0000${token}`
    let id = seen.get(k)
    if (!id) seen.set(k, (id = newId()))
    return id
  }
}

/** The step as a lifecycle command with real ids. */
export function toCommand(scenario: Pick<DemoScenario, 'key'>, step: DemoStep, ids: ReplayIds): Command {
  const local = (token: unknown) => ids.localId(scenario.key, token as string)
  const data: Record<string, unknown> = { ...step.data }
  if (typeof data.dispositionId === 'string') data.dispositionId = local(data.dispositionId)
  if (typeof data.responseId === 'string') data.responseId = local(data.responseId)
  if (typeof data.noteId === 'string') data.noteId = local(data.noteId)
  if (typeof data.categoryId === 'string') data.categoryId = ids.categoryId(data.categoryId)
  if (typeof data.masterReportId === 'string') data.masterReportId = ids.reportId(data.masterReportId)
  if (Array.isArray(data.dispositions)) {
    data.dispositions = (data.dispositions as { id: string; agencyId: string; instruction: string }[]).map(
      (d) => ({
        ...d,
        id: local(d.id),
        agencyId: ids.agencyId(d.agencyId),
      }),
    )
  }
  return { type: step.command, ...data } as Command
}

/** The step's actor for the decider: demo logins by e-mail, agency ids expanded with sub-units. */
export function toActor(actor: DemoActor, ids: ReplayIds): Actor {
  if (actor.role === 'reporter') return { kind: 'reporter' }
  if (actor.role === 'system') return { kind: 'system' }
  return {
    kind: 'user',
    userId: ids.userId(actor.email ?? `${actor.role}@demo.aduan.test`),
    role: actor.role,
    agencyIds: actor.agencySlug ? agencyWithSubUnits(actor.agencySlug).map((s) => ids.agencyId(s)) : [],
  }
}

/** Every step of every scenario in global time order (merges need their master's state at that moment). */
export function stepsInTimeOrder(
  scenarios: readonly DemoScenario[],
): { scenario: DemoScenario; step: DemoStep }[] {
  return scenarios
    .flatMap((scenario) => scenario.steps.map((step, i) => ({ scenario, step, i })))
    .sort((a, b) => +a.step.at - +b.step.at || a.scenario.key.localeCompare(b.scenario.key) || a.i - b.i)
    .map(({ scenario, step }) => ({ scenario, step }))
}
