// Property tests: random sequences of commands by random actors, at random moments.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  actorKey,
  allowedCommands,
  ARCHIVE_REASONS,
  checkInvariants,
  COMMAND_RULES,
  decide,
  newReportState,
  type Actor,
  type Command,
  type CommandType,
  type ReportState,
} from './lifecycle.ts'
import { REPORT_STATUSES, ROLES, type ReportStatus } from './model.ts'
import { actors, settings } from './test-fixtures.ts'

const ALL_ACTORS: Actor[] = Object.values(actors)
const HOUR = 3_600_000

const did = fc.constantFrom('d1', 'd2', 'd3', 'd4')
const rid = fc.constantFrom('r1', 'r2', 'r3')
const agency = fc.constantFrom('dlh', 'dinkes', 'insp', 'dlh-bidang')
const txt = fc.constantFrom('alasan yang jelas', 'ok', 'detail lokasi', ' ')
const bool = fc.boolean()
const newDisps = fc.uniqueArray(
  fc.record({ id: did, agencyId: agency, instruction: fc.constant('Mohon ditindaklanjuti') }),
  {
    minLength: 1,
    maxLength: 3,
    selector: (d) => d.id,
  },
)
const target = fc.constantFrom('verification' as const, 'follow_up' as const)

const ids = { dispositionId: did, responseId: rid }
/** One generator per command type. Ids and texts come from small pools, so many commands hit. */
const BY_TYPE = {
  request_info: fc.record({ type: fc.constant('request_info' as const), message: txt }),
  provide_info: fc.record({ type: fc.constant('provide_info' as const) }),
  reporter_reply: fc.record({ type: fc.constant('reporter_reply' as const) }),
  archive: fc.record({
    type: fc.constant('archive' as const),
    reason: fc.constantFrom(...ARCHIVE_REASONS),
    explanation: txt,
  }),
  reject_not_pemda_authority: fc.record({
    type: fc.constant('reject_not_pemda_authority' as const),
    explanation: txt,
  }),
  verify_and_dispatch: fc.record({
    type: fc.constant('verify_and_dispatch' as const),
    title: fc.constant('Jalan rusak'),
    kind: fc.constantFrom('pengaduan' as const, 'aspirasi' as const),
    categoryId: fc.constant(null),
    regionCode: fc.constant(null),
    whistleblowing: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    flags: fc.record({ anonymous: bool, confidential: bool }),
    dispositions: newDisps,
  }),
  add_disposition: fc.record({ type: fc.constant('add_disposition' as const), dispositions: newDisps }),
  cancel_disposition: fc.record({
    type: fc.constant('cancel_disposition' as const),
    dispositionId: did,
    reason: txt,
  }),
  accept: fc.record({ type: fc.constant('accept' as const), dispositionId: did }),
  return_not_authority: fc.record({
    type: fc.constant('return_not_authority' as const),
    dispositionId: did,
    reason: txt,
  }),
  assign: fc.record({
    type: fc.constant('assign' as const),
    dispositionId: did,
    assigneeUserId: fc.constantFrom('u1', null),
  }),
  draft_response: fc.record({
    type: fc.constant('draft_response' as const),
    ...ids,
    body: txt,
    requiresApproval: bool,
  }),
  submit_response: fc.record({ type: fc.constant('submit_response' as const), responseId: rid }),
  approve_response: fc.record({ type: fc.constant('approve_response' as const), responseId: rid }),
  reject_response: fc.record({ type: fc.constant('reject_response' as const), responseId: rid, reason: txt }),
  publish: fc.record({ type: fc.constant('publish' as const), responseId: rid }),
  confirm: fc.record({ type: fc.constant('confirm' as const) }),
  rate: fc.record({ type: fc.constant('rate' as const), rating: fc.integer({ min: 0, max: 6 }) }),
  reopen: fc.record({ type: fc.constant('reopen' as const), reason: txt }),
  close_by_silence: fc.record({ type: fc.constant('close_by_silence' as const) }),
  close: fc.record({ type: fc.constant('close' as const), reason: txt }),
  merge_into: fc.record({
    type: fc.constant('merge_into' as const),
    masterReportId: fc.constantFrom('rep-0', 'rep-1'),
    masterStatus: fc.constantFrom(...REPORT_STATUSES),
  }),
  split: fc.record({
    type: fc.constant('split' as const),
    parts: fc.constantFrom<{ reportId: string; summary: string }[]>(
      [{ reportId: 'rep-9', summary: 'bagian kedua' }],
      [{ reportId: 'rep-1', summary: 'x' }],
    ),
  }),
  set_flags: fc.record(
    {
      type: fc.constant('set_flags' as const),
      anonymous: bool,
      confidential: bool,
      whistleblowing: bool,
      reason: txt,
    },
    { requiredKeys: ['type', 'reason'] },
  ),
  add_note: fc.record({ type: fc.constant('add_note' as const), noteId: fc.constant('n1'), body: txt }),
  escalate: fc.record({
    type: fc.constant('escalate' as const),
    target,
    dispositionId: fc.option(did, { nil: null }),
    level: fc.integer({ min: 1, max: 5 }),
    notifyRole: fc.constantFrom(...ROLES),
  }),
  remind: fc.record({
    type: fc.constant('remind' as const),
    target,
    dispositionId: fc.option(did, { nil: null }),
  }),
} satisfies Record<CommandType, fc.Arbitrary<Command>>

const command = fc.oneof(...Object.values(BY_TYPE)) as fc.Arbitrary<Command>
const candidates = fc.record(BY_TYPE) as unknown as fc.Arbitrary<Record<CommandType, Command>>

const step = fc.record({
  candidates,
  blind: command,
  pick: fc.nat(),
  guided: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
  advance: fc.oneof(fc.integer({ min: 0, max: 4 * HOUR }), fc.integer({ min: 0, max: 20 * 24 * HOUR })),
})
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never

const OPEN = ['pending', 'in_progress']
const WANT_DISPOSITION: Partial<Record<CommandType, string[]>> = {
  accept: ['pending'],
  draft_response: ['in_progress'],
  return_not_authority: OPEN,
  assign: OPEN,
  cancel_disposition: OPEN,
  escalate: OPEN,
  remind: OPEN,
}
const WANT_RESPONSE: Partial<Record<CommandType, string[]>> = {
  draft_response: ['draft', 'rejected'],
  submit_response: ['draft'],
  publish: ['draft'],
  approve_response: ['pending_approval'],
  reject_response: ['pending_approval'],
}

/** Walks get deep when commands that move a report forward are drawn more often than side tracks. */
const FORWARD: CommandType[] = [
  ...['verify_and_dispatch', 'accept', 'draft_response', 'submit_response', 'approve_response', 'publish'],
  ...['confirm', 'reopen', 'close_by_silence', 'provide_info'],
] as CommandType[]
const SIDE_TRACKS: CommandType[] = [
  ...['archive', 'reject_not_pemda_authority', 'merge_into', 'close', 'split', 'add_note', 'set_flags'],
  ...['reporter_reply', 'remind', 'escalate', 'rate', 'assign'],
] as CommandType[]
const weight = (t: CommandType) => (FORWARD.includes(t) ? 8 : SIDE_TRACKS.includes(t) ? 1 : 2)

/**
 * A guided step picks an actor with something to do and one of the commands allowed to it now,
 * pointed at a disposition or follow-up of that actor's agency; a blind step is anyone doing anything.
 */
function choose(s: Step, state: ReportState, now: Date): { command: Command; actor: Actor } {
  const blind = { command: s.blind, actor: ALL_ACTORS[s.pick % ALL_ACTORS.length] }
  if (!s.guided) return blind
  const options = ALL_ACTORS.flatMap((actor) =>
    allowedCommands(state, actor, now, settings).flatMap((type) => Array(weight(type)).fill({ actor, type })),
  ) as { actor: Actor; type: CommandType }[]
  if (!options.length) return blind
  const { actor, type } = options[Math.floor(s.pick / 11) % options.length]
  let command = s.candidates[type]
  const mine = (agencyId: string) =>
    actor.kind !== 'user' || !actor.role.startsWith('agency_') || actor.agencyIds.includes(agencyId)
  // Prefer the disposition or follow-up in the state this command needs, most of the time.
  const wantD = WANT_DISPOSITION[type]
  const wantR = WANT_RESPONSE[type]
  const mineD = state.dispositions.filter((d) => mine(d.agencyId))
  const mineR = state.responses.filter((r) => mine(r.agencyId))
  const ds =
    s.pick % 6 && wantD && mineD.some((d) => wantD.includes(d.status))
      ? mineD.filter((d) => wantD.includes(d.status))
      : mineD
  const rs =
    s.pick % 6 && wantR && mineR.some((r) => wantR.includes(r.status))
      ? mineR.filter((r) => wantR.includes(r.status))
      : mineR
  if ('dispositionId' in command && command.dispositionId !== null && ds.length) {
    command = { ...command, dispositionId: ds[Math.floor(s.pick / 3) % ds.length].id } as Command
  }
  if ('responseId' in command && rs.length && !(command.type === 'draft_response' && s.pick % 4 === 0)) {
    const r = rs[Math.floor(s.pick / 5) % rs.length]
    const own = command.type === 'draft_response' ? { dispositionId: r.dispositionId } : {}
    command = { ...command, responseId: r.id, ...own } as Command
  }
  return { command, actor }
}

const start = () => newReportState({ id: 'rep-1', receivedAt: new Date('2026-03-02T02:00:00Z') })
const reached = new Set<ReportStatus>()

describe('the lifecycle under random commands by random actors', () => {
  it('never reaches an illegal state, accounts for every status change, and refuses without side effects', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40, size: 'max' }), (steps) => {
        let state: ReportState = start()
        let now = +state.receivedAt
        for (const s of steps) {
          now += s.advance
          const { command: cmd, actor } = choose(s, state, new Date(now))
          const before = structuredClone(state)
          const allowed = allowedCommands(state, actor, new Date(now), settings)
          const r = decide(state, cmd, actor, new Date(now), settings)
          expect(state).toEqual(before) // decide never mutates its input
          expect(decide(state, cmd, actor, new Date(now), settings)).toEqual(r) // deterministic
          const rule = COMMAND_RULES[cmd.type]
          if (!rule.actors.includes(actorKey(actor)))
            expect(r).toMatchObject({ ok: false, code: 'forbidden' })
          if (actor.kind === 'user' && (actor.role === 'leader' || actor.role === 'auditor'))
            expect(r.ok).toBe(false)
          if (before.status === 'merged') expect(r.ok).toBe(false)
          if (!r.ok) continue
          expect(allowed).toContain(cmd.type) // allowedCommands never hides a possible command
          expect(checkInvariants(r.state, settings)).toEqual([])
          const changes = r.events.filter((e) => e.fromStatus !== e.toStatus)
          expect(changes.length).toBe(r.state.status === state.status ? 0 : 1)
          if (changes.length)
            expect([changes[0].fromStatus, changes[0].toStatus]).toEqual([state.status, r.state.status])
          if (actor.kind === 'user' && (actor.role === 'agency_admin' || actor.role === 'agency_head')) {
            for (const d of r.state.dispositions) {
              const old = state.dispositions.find((x) => x.id === d.id)
              if (!old || JSON.stringify(old) !== JSON.stringify(d))
                expect(actor.agencyIds).toContain(d.agencyId)
            }
          }
          state = r.state
          reached.add(state.status)
        }
      }),
      { numRuns: 300 },
    )
    // The generator is only useful if it reaches every status.
    expect([...reached].sort()).toEqual([...REPORT_STATUSES].sort())
  })

  it('makes a merged report accept nothing from anyone', () => {
    const merged: ReportState = { ...start(), status: 'merged', masterReportId: 'rep-0' }
    fc.assert(
      fc.property(command, fc.constantFrom(...ALL_ACTORS), (cmd, actor) => {
        const r = decide(merged, cmd, actor, new Date('2026-03-03T00:00:00Z'), settings)
        expect(r.ok).toBe(false)
        expect(allowedCommands(merged, actor)).toEqual([])
      }),
      { numRuns: 300 },
    )
  })
})
