// One entry point for every lifecycle command: validate, map the principal to the decider's actor,
// decide, and persist state and events in one transaction holding the report row's lock.
import type { Principal } from '../accounts/users.ts'
import type { AppContext } from '../context.ts'
import type { Db } from '../db/connect.ts'
import { AppError, notFound } from '../http/errors.ts'
import {
  COMMAND_RULES,
  CommandSchema,
  decide,
  type Actor,
  type Command,
  type CommandType,
  type ReportState,
} from './lifecycle.ts'
import type { Role } from './model.ts'
import { canSeeReport } from './privacy.ts'
import { applyDecision, loadReport, loadSettings } from './store.ts'
import { viewerOf } from './queries.ts'

const AGENCY_ROLES: readonly Role[] = ['agency_admin', 'agency_head']

/** The role a principal acts in for this command: the first of its roles the rule admits. */
export function actorFor(p: Principal, type: CommandType | undefined): Actor {
  const admitted = type && COMMAND_RULES[type] ? COMMAND_RULES[type].actors : []
  const roles = [...p.roles]
  const role = roles.find((r) => admitted.includes(r)) ?? roles[0]!
  return {
    kind: 'user',
    userId: p.user.id,
    role,
    agencyIds: AGENCY_ROLES.includes(role) ? p.agencyIds : [],
  }
}

export interface CommandOutcome {
  state: ReportState
  events: number
}

/** Run a command as a staff member. 404 when the principal may not see the report. */
export async function runCommand(
  ctx: AppContext,
  principal: Principal,
  reportId: string,
  command: unknown,
): Promise<CommandOutcome> {
  const type = (command as { type?: CommandType } | null)?.type
  const actor = actorFor(principal, type)
  return execute(ctx, principal.tenantId, reportId, command, actor, (state, integrity) =>
    canSeeReport(viewerOf(principal), { ...state, contactId: null }, { integrityAgencyIds: integrity }),
  )
}

/** Run a command as the scheduler (closure by silence, reminders, escalations). */
export async function runSystemCommand(
  ctx: AppContext,
  tenantId: string,
  reportId: string,
  command: Command,
  tx?: Db,
): Promise<CommandOutcome> {
  return execute(ctx, tenantId, reportId, command, { kind: 'system' }, () => true, tx)
}

/** Run a command as the reporter (a reply on their channel, the portal's tracking link). */
export async function runReporterCommand(
  ctx: AppContext,
  tenantId: string,
  reportId: string,
  command: Command,
  tx?: Db,
): Promise<CommandOutcome> {
  return execute(ctx, tenantId, reportId, command, { kind: 'reporter' }, () => true, tx)
}

async function execute(
  ctx: AppContext,
  tenantId: string,
  reportId: string,
  command: unknown,
  actor: Actor,
  maySee: (s: ReportState, integrityAgencyIds: readonly string[]) => boolean,
  outer?: Db,
): Promise<CommandOutcome> {
  const run = async (tx: Db): Promise<CommandOutcome> => {
    const now = ctx.clock.now()
    const settings = await loadSettings(tx, tenantId)
    const before = await loadReport(tx, tenantId, reportId, { lock: true })
    if (!before || !maySee(before.state, settings.integrityAgencyIds)) throw notFound()
    const r = decide(before.state, command as Command, actor, now, settings)
    if (!r.ok) {
      if (r.code === 'forbidden') throw new AppError('forbidden', r.message)
      if (r.code === 'invalid_transition') throw new AppError('conflict', r.message, { reason: 'invalid_transition' })
      throw new AppError('invalid', r.message)
    }
    const parsed = CommandSchema.parse(command)
    await applyDecision(tx, { tenantId, before, state: r.state, events: r.events, command: parsed, actor, now, settings })
    return { state: r.state, events: r.events.length }
  }
  return outer ? run(outer) : ctx.db.transaction((tx) => run(tx as unknown as Db))
}
