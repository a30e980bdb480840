import { describe, expect, it } from 'vitest'
import { reportDeadlines } from './deadlines.ts'
import { newReportState, type Command, type ReportState } from './lifecycle.ts'
import { actors, dispatchTo, run, settings } from './test-fixtures.ts'

const wib = (local: string) => new Date(`${local}+07:00`)
const received = () => newReportState({ id: 'rep-1', receivedAt: wib('2026-04-06T09:00:00') })
const { operator, dlhAdmin, dinkesAdmin, reporter } = actors
const at = (s: ReportState, local: string) => reportDeadlines(s, settings, wib(local))

describe('the deadlines a report shows', () => {
  it('counts verification from receipt, pauses it while deferred, and resumes it', () => {
    // Received Mon 6 April: 3 working days -> Thu 9 April, 23:59:59.999 WIB.
    expect(at(received(), '2026-04-07T10:00:00').current).toMatchObject({
      kind: 'verification',
      dueAt: wib('2026-04-09T23:59:59.999'),
      state: 'on_track',
    })
    expect(at(received(), '2026-04-09T10:00:00').current?.state).toBe('due_soon')
    expect(at(received(), '2026-04-10T00:00:00').current?.state).toBe('overdue')
    const deferred = run(received(), [
      [operator, { type: 'request_info', message: 'Di mana?' }, wib('2026-04-07T10:00:00')],
    ])
    expect(at(deferred.state, '2026-04-20T10:00:00').current).toMatchObject({ dueAt: null, state: 'paused' })
    // Paused Tue 10:00 -> Thu 10:00: two days lost, so the close of Mon 13 April.
    const resumed = run(deferred.state, [
      [reporter, { type: 'provide_info', message: 'Pasar' }, wib('2026-04-09T10:00:00')],
    ])
    expect(at(resumed.state, '2026-04-09T11:00:00').current?.dueAt).toEqual(wib('2026-04-13T23:59:59.999'))
  })

  it('gives each open disposition its own follow-up deadline, by urgency, tier or default', () => {
    const s = run(received(), [[operator, dispatchTo('dlh', 'dinkes'), wib('2026-04-09T08:00:00')]]).state
    const all = at(s, '2026-04-09T09:00:00').all
    // Dispatched Thu 9 April: 5 working days -> Thu 16 April.
    expect(all.map((d) => [d.kind, d.agencyId, d.dueAt])).toEqual([
      ['follow_up', 'dlh', wib('2026-04-16T23:59:59.999')],
      ['follow_up', 'dinkes', wib('2026-04-16T23:59:59.999')],
    ])
    const urgent = run(received(), [
      [operator, { ...dispatchTo('dlh'), urgency: 'mendesak' } as Command, wib('2026-04-09T08:00:00')],
    ]).state
    expect(at(urgent, '2026-04-09T08:30:00').current).toMatchObject({
      dueAt: wib('2026-04-09T09:00:00'),
      state: 'on_track',
    })
    expect(at(urgent, '2026-04-09T08:50:00').current?.state).toBe('due_soon')
    expect(at(urgent, '2026-04-09T09:00:01').current?.state).toBe('overdue')
    const heavy = run(received(), [
      [operator, { ...dispatchTo('dlh'), slaTier: 'ringan' } as Command, wib('2026-04-09T08:00:00')],
    ]).state
    expect(at(heavy, '2026-04-09T08:30:00').current?.basis).toEqual({ unit: 'working_days', amount: 2 })
  })

  it('restarts the coordinator clock when agencies hand a report back, and shows closing windows', () => {
    const returned = run(received(), [
      [operator, dispatchTo('dinkes'), wib('2026-04-09T08:00:00')],
      [
        dinkesAdmin,
        { type: 'return_not_authority', dispositionId: 'd1', reason: 'Bukan kami' },
        wib('2026-04-10T08:00:00'),
      ],
    ]).state
    expect(at(returned, '2026-04-10T09:00:00').current).toMatchObject({
      kind: 'verification',
      dueAt: wib('2026-04-15T23:59:59.999'),
    })
    const answered = run(received(), [
      [operator, dispatchTo('dlh'), wib('2026-04-09T08:00:00')],
      [dlhAdmin, { type: 'accept', dispositionId: 'd1' }, wib('2026-04-10T08:00:00')],
      [
        dlhAdmin,
        {
          type: 'draft_response',
          responseId: 'r1',
          dispositionId: 'd1',
          body: 'Selesai',
          requiresApproval: false,
        },
        wib('2026-04-10T09:00:00'),
      ],
      [dlhAdmin, { type: 'publish', responseId: 'r1' }, wib('2026-04-13T09:00:00')],
    ]).state
    const d = at(answered, '2026-04-14T09:00:00')
    expect(d.current).toBeNull()
    expect(d.all).toMatchObject([{ kind: 'close_by_silence', dueAt: wib('2026-04-27T23:59:59.999') }])
  })
})
