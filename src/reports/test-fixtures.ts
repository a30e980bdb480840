// Actors, settings and a helper for the reports tests (not used by production code).
import { makeCalendar } from './calendar.ts'
import { decide, type Actor, type Command, type LifecycleSettings, type ReportState } from './lifecycle.ts'
import { DEFAULT_SLA_SETTINGS } from './sla.ts'

export const settings: LifecycleSettings = {
  sla: DEFAULT_SLA_SETTINGS,
  calendar: makeCalendar({ timeZone: 'Asia/Jakarta' }),
  integrityAgencyIds: ['insp'],
}

const user = (
  userId: string,
  role: Extract<Actor, { kind: 'user' }>['role'],
  agencyIds: string[] = [],
): Actor => ({
  kind: 'user',
  userId,
  role,
  agencyIds,
})

export const actors = {
  superAdmin: user('u-super', 'super_admin'),
  operator: user('u-op', 'operator', ['kominfo']),
  dlhAdmin: user('u-dlh-admin', 'agency_admin', ['dlh', 'dlh-bidang']),
  dlhHead: user('u-dlh-head', 'agency_head', ['dlh', 'dlh-bidang']),
  dinkesAdmin: user('u-dinkes-admin', 'agency_admin', ['dinkes']),
  dinkesHead: user('u-dinkes-head', 'agency_head', ['dinkes']),
  inspAdmin: user('u-insp-admin', 'agency_admin', ['insp']),
  leader: user('u-leader', 'leader'),
  auditor: user('u-auditor', 'auditor'),
  reporter: { kind: 'reporter' } as Actor,
  system: { kind: 'system' } as Actor,
}

/** Apply commands in order, failing the test on the first refusal; returns the state and all events. */
export function run(state: ReportState, steps: [Actor, Command, Date][]) {
  const events = []
  let s = state
  for (const [actor, command, now] of steps) {
    const r = decide(s, command, actor, now, settings)
    if (!r.ok) throw new Error(`${command.type} refused: ${r.code} ${r.message.en}`)
    s = r.state
    events.push(...r.events)
  }
  return { state: s, events }
}

export const dispatchTo = (...agencies: string[]): Command => ({
  type: 'verify_and_dispatch',
  title: 'Sampah menumpuk di pasar',
  kind: 'pengaduan',
  categoryId: 'kebersihan',
  regionCode: '11.15.01',
  flags: { anonymous: false, confidential: false },
  dispositions: agencies.map((agencyId, i) => ({
    id: `d${i + 1}`,
    agencyId,
    instruction: 'Mohon ditindaklanjuti',
  })),
})
