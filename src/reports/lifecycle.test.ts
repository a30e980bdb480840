import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  allowedCommands,
  COMMAND_LABELS,
  COMMAND_RULES,
  COMMAND_TYPES,
  decide,
  EVENT_LABELS,
  EVENT_TYPES,
  newReportState,
  type Command,
  type ReportState,
} from './lifecycle.ts'
import { actors, dispatchTo, run, settings } from './test-fixtures.ts'

const wib = (local: string) => new Date(`${local}+07:00`)
const received = () => newReportState({ id: 'rep-1', receivedAt: wib('2026-04-06T09:00:00') })
const { operator, dlhAdmin, dlhHead, dinkesAdmin, dinkesHead, inspAdmin, leader, auditor, reporter, system } =
  actors

/** Received -> dispatched to DLH (d1) and Dinkes (d2) on Thu 9 April 2026. */
const dispatched = () =>
  run(received(), [[operator, dispatchTo('dlh', 'dinkes'), wib('2026-04-09T08:00:00')]]).state

/** DLH answered (published without approval) on Mon 13 April; Dinkes returned it. */
function answered(): ReportState {
  return run(dispatched(), [
    [
      dinkesAdmin,
      { type: 'return_not_authority', dispositionId: 'd2', reason: 'Urusan DLH' },
      wib('2026-04-09T10:00:00'),
    ],
    [dlhAdmin, { type: 'accept', dispositionId: 'd1' }, wib('2026-04-10T08:00:00')],
    [dlhAdmin, draft('r1', 'd1', false), wib('2026-04-10T09:00:00')],
    [dlhAdmin, { type: 'publish', responseId: 'r1' }, wib('2026-04-13T09:00:00')],
  ]).state
}

function draft(responseId: string, dispositionId: string, requiresApproval: boolean): Command {
  return { type: 'draft_response', responseId, dispositionId, body: 'Sudah diangkut', requiresApproval }
}

describe('the lifecycle of a report', () => {
  it('tells the whole story: tunda, two agencies, one returns, draft, approval, closure by silence', () => {
    const { state, events } = run(received(), [
      [operator, { type: 'request_info', message: 'Di pasar mana?' }, wib('2026-04-07T10:00:00')],
      [reporter, { type: 'provide_info', message: 'Pasar Jeuram' }, wib('2026-04-08T11:00:00')],
      [operator, dispatchTo('dlh', 'dinkes'), wib('2026-04-09T08:00:00')],
      [
        dinkesAdmin,
        { type: 'return_not_authority', dispositionId: 'd2', reason: 'Urusan DLH' },
        wib('2026-04-09T10:00:00'),
      ],
      [dlhAdmin, { type: 'accept', dispositionId: 'd1' }, wib('2026-04-10T08:00:00')],
      [dlhAdmin, draft('r1', 'd1', true), wib('2026-04-10T09:00:00')],
      [dlhAdmin, { type: 'submit_response', responseId: 'r1' }, wib('2026-04-10T10:00:00')],
      [dlhHead, { type: 'approve_response', responseId: 'r1' }, wib('2026-04-13T09:00:00')],
    ])
    expect(state.status).toBe('answered')
    expect(state.pauses).toEqual([{ from: wib('2026-04-07T10:00:00'), to: wib('2026-04-08T11:00:00') }])
    // Closure by silence: 10 working days after Mon 13 April is Mon 27 April (close of day).
    const early = decide(state, { type: 'close_by_silence' }, system, wib('2026-04-27T20:00:00'), settings)
    expect(early).toMatchObject({ ok: false, code: 'invalid_transition' })
    const closed = run(state, [[system, { type: 'close_by_silence' }, wib('2026-04-28T00:00:01')]])
    expect(closed.state).toMatchObject({ status: 'closed', closedAt: wib('2026-04-28T00:00:01') })
    expect([...events, ...closed.events].map((e) => `${e.type}:${e.fromStatus}>${e.toStatus}`)).toEqual([
      'info_requested:received>needs_info',
      'info_provided:needs_info>received',
      'verified_and_dispatched:received>dispatched',
      'disposition_returned:dispatched>dispatched',
      'disposition_accepted:dispatched>in_progress',
      'response_drafted:in_progress>in_progress',
      'response_submitted:in_progress>in_progress',
      'response_approved:in_progress>in_progress',
      'response_published:in_progress>answered',
      'closed_by_silence:answered>closed',
    ])
  })

  it('is returned to the operator when every agency says bukan kewenangan, who can dispatch again', () => {
    const returned = run(dispatched(), [
      [
        dinkesAdmin,
        { type: 'return_not_authority', dispositionId: 'd2', reason: 'Bukan urusan kesehatan' },
        wib('2026-04-09T10:00:00'),
      ],
      [
        dlhHead,
        { type: 'return_not_authority', dispositionId: 'd1', reason: 'Urusan PUPR' },
        wib('2026-04-09T11:00:00'),
      ],
    ]).state
    expect(returned.status).toBe('returned')
    const again = run(returned, [
      [
        operator,
        {
          type: 'add_disposition',
          dispositions: [{ id: 'd3', agencyId: 'pupr', instruction: 'Mohon dicek' }],
        },
        wib('2026-04-10T08:00:00'),
      ],
    ])
    expect(again.state.status).toBe('dispatched')
  })

  it('lets agencies act only on their own dispositions, and leaders and auditors on nothing', () => {
    const s = dispatched()
    const r = decide(
      s,
      { type: 'accept', dispositionId: 'd1' },
      dinkesAdmin,
      wib('2026-04-09T09:00:00'),
      settings,
    )
    expect(r).toMatchObject({ ok: false, code: 'forbidden' })
    for (const who of [leader, auditor]) {
      for (const type of COMMAND_TYPES)
        expect(COMMAND_RULES[type].actors).not.toContain(who.kind === 'user' && who.role)
      expect(allowedCommands(s, who)).toEqual([])
    }
    // A sub-unit's user acts for the agency: dlhAdmin works in 'dlh' and 'dlh-bidang'.
    expect(allowedCommands(s, dlhAdmin)).toContain('accept')
    expect(allowedCommands(s, dinkesHead)).toContain('accept')
    expect(allowedCommands(s, inspAdmin)).not.toContain('accept')
  })

  it('publishes directly only where no approval is needed; the head may always answer', () => {
    const s = run(dispatched(), [
      [dlhAdmin, { type: 'accept', dispositionId: 'd1' }, wib('2026-04-09T09:00:00')],
      [dlhAdmin, draft('r1', 'd1', true), wib('2026-04-09T10:00:00')],
    ]).state
    expect(
      decide(s, { type: 'publish', responseId: 'r1' }, dlhAdmin, wib('2026-04-09T11:00:00'), settings),
    ).toMatchObject({
      ok: false,
      code: 'forbidden',
    })
    const rejected = run(s, [
      [dlhAdmin, { type: 'submit_response', responseId: 'r1' }, wib('2026-04-09T11:00:00')],
      [
        dlhHead,
        { type: 'reject_response', responseId: 'r1', reason: 'Lampirkan foto' },
        wib('2026-04-09T12:00:00'),
      ],
      [dlhAdmin, draft('r1', 'd1', true), wib('2026-04-09T13:00:00')],
      [dlhHead, { type: 'publish', responseId: 'r1' }, wib('2026-04-09T14:00:00')],
    ])
    expect(rejected.state.status).toBe('in_progress') // Dinkes (d2) has not answered yet
    expect(rejected.state.responses[0].status).toBe('published')
  })

  it('does not revive a rejected draft beside a newer one (one unpublished follow-up per disposition)', () => {
    const s = run(dispatched(), [
      [dlhAdmin, { type: 'accept', dispositionId: 'd1' }, wib('2026-04-09T09:00:00')],
      [dlhAdmin, draft('r1', 'd1', true), wib('2026-04-09T10:00:00')],
      [dlhAdmin, { type: 'submit_response', responseId: 'r1' }, wib('2026-04-09T11:00:00')],
      [dlhHead, { type: 'reject_response', responseId: 'r1', reason: 'Tulis ulang' }, wib('2026-04-09T12:00:00')],
      [dlhAdmin, draft('r2', 'd1', false), wib('2026-04-09T13:00:00')],
    ]).state
    const revive = decide(s, draft('r1', 'd1', false), dlhAdmin, wib('2026-04-09T14:00:00'), settings)
    expect(revive).toMatchObject({ ok: false, code: 'invalid' })
    // The newer draft is the one to revise; that still works.
    expect(decide(s, draft('r2', 'd1', false), dlhAdmin, wib('2026-04-09T14:00:00'), settings).ok).toBe(true)
  })

  it('keeps reports about officials on the Inspektorat path', () => {
    const wb: Command = { ...dispatchTo('dlh'), whistleblowing: true } as Command
    expect(decide(received(), wb, operator, wib('2026-04-07T08:00:00'), settings)).toMatchObject({
      ok: false,
      code: 'invalid',
    })
    const ok = decide(
      received(),
      { ...dispatchTo('insp'), whistleblowing: true } as Command,
      operator,
      wib('2026-04-07T08:00:00'),
      settings,
    )
    expect(ok.ok && ok.state.status).toBe('dispatched')
    // Flagged after dispatch: the DLH disposition is pulled back at once, in the same audited event.
    const r = decide(
      dispatched(),
      { type: 'set_flags', whistleblowing: true, reason: 'Menyebut pegawai DLH' },
      operator,
      wib('2026-04-09T09:00:00'),
      settings,
    )
    expect(r.ok && r.state.dispositions.map((d) => d.status)).toEqual(['cancelled', 'cancelled'])
    expect(r.ok && r.state.status).toBe('returned')
    expect(r.ok && r.events.map((e) => e.type)).toEqual(['flags_set'])
  })

  it('lets only the reporter lift anonymity; agencies may only add protection', () => {
    const anon = newReportState({
      id: 'rep-2',
      receivedAt: wib('2026-04-06T09:00:00'),
      flags: { anonymous: true },
    })
    const at = wib('2026-04-07T08:00:00')
    expect(decide(anon, dispatchTo('dlh'), operator, at, settings)).toMatchObject({
      ok: false,
      code: 'invalid',
    })
    expect(
      decide(anon, { type: 'set_flags', anonymous: false, reason: 'x' }, operator, at, settings),
    ).toMatchObject({ ok: false, code: 'forbidden' })
    expect(
      decide(anon, { type: 'set_flags', anonymous: false, reason: 'Saya bersedia' }, reporter, at, settings)
        .ok,
    ).toBe(true)
    const s = dispatched()
    expect(
      decide(s, { type: 'set_flags', confidential: true, reason: 'Ada nama' }, dlhAdmin, at, settings).ok,
    ).toBe(true)
    expect(
      decide(s, { type: 'set_flags', confidential: true, reason: 'x' }, inspAdmin, at, settings),
    ).toMatchObject({ code: 'forbidden' })
  })

  it('reopens within the window and a limited number of times; a reply stops closure by silence', () => {
    const a = answered()
    const replied = run(a, [
      [reporter, { type: 'reporter_reply', message: 'Belum diangkut' }, wib('2026-04-14T08:00:00')],
    ]).state
    expect(
      decide(replied, { type: 'close_by_silence' }, system, wib('2026-06-01T08:00:00'), settings),
    ).toMatchObject({ code: 'invalid_transition' })
    const reopened = run(a, [
      [reporter, { type: 'reopen', reason: 'Masih menumpuk' }, wib('2026-04-14T08:00:00')],
    ]).state
    expect(reopened).toMatchObject({ status: 'reopened', reopenCount: 1, answeredAt: null })
    expect(reopened.dispositions.find((d) => d.id === 'd1')).toMatchObject({
      status: 'in_progress',
      clockStartedAt: wib('2026-04-14T08:00:00'),
    })
    const closed = run(a, [[reporter, { type: 'confirm' }, wib('2026-04-14T08:00:00')]]).state
    // Closed Tue 14 April; 10 working days later is Tue 28 April.
    expect(
      decide(closed, { type: 'reopen', reason: 'x' }, reporter, wib('2026-04-28T23:00:00'), settings).ok,
    ).toBe(true)
    expect(
      decide(closed, { type: 'reopen', reason: 'x' }, reporter, wib('2026-04-29T00:00:01'), settings),
    ).toMatchObject({ code: 'invalid_transition' })
    const worn = { ...closed, reopenCount: settings.sla.maxReopens }
    expect(
      decide(worn, { type: 'reopen', reason: 'x' }, reporter, wib('2026-04-15T08:00:00'), settings),
    ).toMatchObject({ code: 'invalid_transition' })
  })

  it('merges a duplicate, which then accepts nothing and follows its master', () => {
    const at = wib('2026-04-09T09:00:00')
    const self = decide(
      dispatched(),
      { type: 'merge_into', masterReportId: 'rep-1', masterStatus: 'in_progress' },
      operator,
      at,
      settings,
    )
    expect(self).toMatchObject({ ok: false, code: 'invalid' })
    const merged = run(dispatched(), [
      [operator, { type: 'merge_into', masterReportId: 'rep-0', masterStatus: 'in_progress' }, at],
    ]).state
    expect(merged).toMatchObject({ status: 'merged', masterReportId: 'rep-0' })
    expect(merged.dispositions.every((d) => d.status === 'cancelled')).toBe(true)
    expect(
      decide(merged, { type: 'add_note', noteId: 'n1', body: 'x' }, operator, at, settings),
    ).toMatchObject({ code: 'invalid_transition' })
    expect(allowedCommands(merged, operator)).toEqual([])
  })

  it('refuses malformed commands as invalid', () => {
    const r = decide(
      received(),
      { type: 'archive', reason: 'spam', explanation: '   ' },
      operator,
      wib('2026-04-07T08:00:00'),
      settings,
    )
    expect(r).toMatchObject({ ok: false, code: 'invalid' })
    expect(
      decide(received(), { type: 'nope' } as unknown as Command, operator, new Date(), settings),
    ).toMatchObject({ code: 'invalid' })
  })

  it('labels every command and event type in Indonesian and English', () => {
    for (const t of COMMAND_TYPES) expect(COMMAND_LABELS[t].id && COMMAND_LABELS[t].en).toBeTruthy()
    for (const t of EVENT_TYPES) expect(EVENT_LABELS[t].id && EVENT_LABELS[t].en).toBeTruthy()
  })

  it('is documented: the table in docs/LIFECYCLE.md matches COMMAND_RULES', () => {
    const doc = readFileSync(new URL('../../docs/LIFECYCLE.md', import.meta.url), 'utf8')
    const rows = new Map<string, { who: string[]; from: string[] }>()
    for (const m of doc.matchAll(/^\| `(\w+)` \| [^|]+ \| ([^|]+) \| ([^|]+) \|$/gm)) {
      const list = (x: string) =>
        x
          .split(',')
          .map((v) => v.trim())
          .sort()
      rows.set(m[1], { who: list(m[2]), from: list(m[3]) })
    }
    for (const t of COMMAND_TYPES) {
      expect(rows.get(t), t).toEqual({
        who: [...COMMAND_RULES[t].actors].sort(),
        from: [...COMMAND_RULES[t].from].sort(),
      })
    }
  })
})
