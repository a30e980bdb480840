import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { decide, newReportState, type ReportState } from '../reports/lifecycle.ts'
import { CHANNEL_TYPES, REPORT_KINDS } from '../reports/model.ts'
import { DEMO_AGENCIES, DEMO_PUSKESMAS } from './agencies.ts'
import { DEMO_CATEGORIES } from './categories.ts'
import { generateDemoScenarios, type DemoScenario } from './content.ts'
import { loadDemoRegions, type DemoRegion } from './regions.ts'
import { localIds, stepsInTimeOrder, toActor, toCommand, type ReplayIds } from './replay.ts'
import { DEMO_LIFECYCLE_SETTINGS } from './simulate.ts'
import { demoLogins } from './tenant.ts'

const now = new Date('2026-11-23T05:00:00Z') // Monday 12:00 WIB
const DAY = 86_400_000
let regions: DemoRegion[]
let scenarios: DemoScenario[]

beforeAll(async () => {
  regions = await loadDemoRegions()
  scenarios = generateDemoScenarios({ now, seed: 7, regions })
})

const count = <T extends string>(xs: readonly T[]) =>
  xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<T, number>())

describe('generateDemoScenarios', () => {
  it('is deterministic for a seed, and a different seed gives different reports', () => {
    const again = generateDemoScenarios({ now, seed: 7, regions })
    expect(JSON.stringify(again)).toBe(JSON.stringify(scenarios))
    const other = generateDemoScenarios({ now, seed: 8, regions })
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(scenarios))
  })

  it('honours count', () => {
    expect(generateDemoScenarios({ now, seed: 1, regions, count: 50 })).toHaveLength(50)
    expect(scenarios).toHaveLength(400)
  })

  it('puts every report in the 90 days before now and every step after it, in time order, before now', () => {
    for (const s of scenarios) {
      expect(+s.receivedAt).toBeLessThan(+now)
      expect(+s.receivedAt).toBeGreaterThan(+now - 90 * DAY)
      let last = +s.receivedAt
      for (const step of s.steps) {
        expect(+step.at, `${s.key} ${step.command}`).toBeGreaterThanOrEqual(last)
        expect(+step.at).toBeLessThan(+now)
        last = +step.at
      }
    }
  })

  it('only references categories, agencies, regions and logins the demo tenant has', () => {
    const categories = new Set(DEMO_CATEGORIES.map((c) => c.slug))
    const agencies = new Set([...DEMO_AGENCIES, ...DEMO_PUSKESMAS].map((a) => a.slug))
    const villages = new Map(regions.filter((r) => r.level === 'village').map((r) => [r.code, r]))
    const emails = new Set(demoLogins().map((l) => l.email))
    for (const s of scenarios) {
      expect(categories.has(s.categorySlug)).toBe(true)
      expect(villages.get(s.regionCode)?.parentCode).toBe(s.districtCode)
      for (const a of s.agencySlugs) expect(agencies.has(a), a).toBe(true)
      for (const step of s.steps) {
        if (step.actor.email) expect(emails.has(step.actor.email), step.actor.email).toBe(true)
        if (step.actor.agencySlug) expect(agencies.has(step.actor.agencySlug)).toBe(true)
        if (step.data.categoryId) expect(categories.has(step.data.categoryId as string)).toBe(true)
        if (step.data.regionCode) expect(villages.has(step.data.regionCode as string)).toBe(true)
        for (const d of (step.data.dispositions ?? []) as { agencyId: string }[])
          expect(agencies.has(d.agencyId)).toBe(true)
      }
    }
  })

  it('has a realistic spread of channels, kinds, places and outcomes', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(300)
    const channels = count(scenarios.map((s) => s.channel))
    const wanted = [
      'whatsapp',
      'web',
      'facebook_comment',
      'instagram',
      'instagram_comment',
      'x',
      'telegram',
      'sms',
      'email',
      'phone',
      'walk_in',
    ]
    for (const c of wanted) expect(channels.get(c as never) ?? 0, c).toBeGreaterThan(0)
    const top = [...channels.entries()].sort((a, b) => b[1] - a[1])[0]![0]
    expect(top).toBe('whatsapp')
    for (const c of channels.keys()) expect(CHANNEL_TYPES).toContain(c)
    const kinds = count(scenarios.map((s) => s.kind))
    for (const k of REPORT_KINDS) expect(kinds.get(k) ?? 0, k).toBeGreaterThan(0)
    expect(kinds.get('pengaduan')!).toBeGreaterThan(scenarios.length / 2)
    expect(new Set(scenarios.map((s) => s.districtCode)).size).toBeGreaterThanOrEqual(10)
    expect(new Set(scenarios.map((s) => s.categorySlug)).size).toBeGreaterThanOrEqual(20)
    const statuses = count(scenarios.map((s) => s.finalStatus))
    for (const st of [
      'received',
      'needs_info',
      'archived',
      'dispatched',
      'in_progress',
      'returned',
      'answered',
      'reopened',
      'closed',
      'merged',
    ] as const)
      expect(statuses.get(st) ?? 0, st).toBeGreaterThan(0)
    expect((statuses.get('closed') ?? 0) + (statuses.get('answered') ?? 0)).toBeGreaterThan(
      scenarios.length / 2,
    )
    const anonymous = scenarios.filter((s) => s.isAnonymous).length
    const confidential = scenarios.filter((s) => s.isConfidential).length
    expect(anonymous).toBeGreaterThan(0)
    expect(anonymous).toBeLessThan(scenarios.length * 0.2)
    expect(confidential).toBeGreaterThan(0)
    expect(confidential).toBeLessThan(scenarios.length * 0.2)
  })

  it('plans weekday and office-hour patterns: staff act on working days, citizens write on weekends too', () => {
    const wibDay = (t: Date) => new Date(+t + 7 * 3_600_000).getUTCDay()
    const wibHour = (t: Date) => new Date(+t + 7 * 3_600_000).getUTCHours()
    const weekend = scenarios.filter((s) => [0, 6].includes(wibDay(s.receivedAt))).length
    expect(weekend).toBeGreaterThan(0)
    expect(weekend).toBeLessThan(scenarios.length * (2 / 7))
    const staff = scenarios.flatMap((s) =>
      s.isEmergency
        ? []
        : s.steps.filter((st) => st.actor.role === 'operator' || st.actor.role === 'agency_admin'),
    )
    expect(staff.length).toBeGreaterThan(500)
    for (const st of staff) {
      expect([0, 6]).not.toContain(wibDay(st.at))
      expect(wibHour(st.at)).toBeGreaterThanOrEqual(8)
      expect(wibHour(st.at)).toBeLessThan(17) // a publish may follow a draft shortly after 16:00
    }
  })

  it('rates only closed or answered reports, 1 to 5, and leaves some open reports overdue', () => {
    const rated = scenarios.filter((s) => s.rating !== null)
    expect(rated.length).toBeGreaterThan(50)
    for (const s of rated) {
      expect(['closed', 'answered']).toContain(s.finalStatus)
      expect(s.rating).toBeGreaterThanOrEqual(1)
      expect(s.rating).toBeLessThanOrEqual(5)
    }
    expect(new Set(rated.map((s) => s.rating)).size).toBe(5)
    const overdue = scenarios.filter(
      (s) =>
        ['dispatched', 'in_progress', 'reopened'].includes(s.finalStatus) &&
        s.steps.some((st) => st.command === 'escalate'),
    )
    expect(overdue.length).toBeGreaterThanOrEqual(5)
  })

  it('has near-duplicate groups in one desa, some merged into their master, some left for the detector', () => {
    const groups = new Map<string, DemoScenario[]>()
    for (const s of scenarios) if (s.cluster) groups.set(s.cluster, [...(groups.get(s.cluster) ?? []), s])
    expect(groups.size).toBeGreaterThanOrEqual(2)
    for (const members of groups.values()) {
      expect(members.length).toBeGreaterThanOrEqual(3)
      expect(new Set(members.map((m) => m.regionCode)).size).toBe(1)
      const master = members.find((m) => m.duplicateOf === null)!
      for (const m of members) if (m !== master) expect(m.duplicateOf).toBe(master.key)
    }
    const merged = scenarios.filter((s) => s.finalStatus === 'merged')
    expect(merged.length).toBeGreaterThanOrEqual(3)
    for (const m of merged) expect(m.steps.at(-1)!.data.masterReportId).toBe(m.duplicateOf)
    expect(scenarios.some((s) => s.cluster && s.duplicateOf && s.finalStatus === 'received')).toBe(true)
  })

  it('reads like citizens and Pemda: informal, Acehnese words, no unfilled placeholders, Indonesian replies', () => {
    const bodies = scenarios.map((s) => s.body)
    for (const b of bodies) expect(b).not.toMatch(/\{\w+\}/)
    const informal = bodies.filter((b) => /\b(yg|gak|ga|tdk|jln|udah|udh|min|kalo|utk|sdh)\b/i.test(b)).length
    expect(informal).toBeGreaterThan(bodies.length * 0.25)
    expect(
      bodies.filter((b) => /\b(gampong|keuchik|meunasah|krueng|blang)\b/i.test(b)).length,
    ).toBeGreaterThan(40)
    const answers = scenarios.flatMap((s) =>
      s.steps.filter((st) => st.command === 'draft_response').map((st) => st.data.body as string),
    )
    expect(answers.length).toBeGreaterThan(150)
    for (const a of answers) expect(a).not.toMatch(/\{\w+\}/)
    expect(answers.filter((a) => a.startsWith('Terima kasih atas laporan')).length).toBeGreaterThan(20)
  })

  it('replays through the lifecycle decider with real-looking ids to the planned statuses', () => {
    const id = (prefix: string) => (s: string) => `${prefix}:${s}`
    let n = 0
    const ids: ReplayIds = {
      agencyId: id('agency'),
      categoryId: id('category'),
      reportId: id('report'),
      userId: id('user'),
      localId: localIds(() => `local-${++n}`),
    }
    const settings = { ...DEMO_LIFECYCLE_SETTINGS, integrityAgencyIds: [ids.agencyId('inspektorat')] }
    const states = new Map<string, ReportState>(
      scenarios.map((s) => [
        s.key,
        newReportState({
          id: ids.reportId(s.key),
          receivedAt: s.receivedAt,
          flags: { anonymous: s.isAnonymous, confidential: s.isConfidential },
          urgency: s.isEmergency ? s.urgency : null,
        }),
      ]),
    )
    for (const { scenario, step } of stepsInTimeOrder(scenarios)) {
      const command = toCommand(scenario, step, ids)
      if (command.type === 'merge_into') {
        const master = [...states.values()].find((x) => x.id === command.masterReportId)!
        expect(command.masterStatus).toBe(master.status)
      }
      const r = decide(states.get(scenario.key)!, command, toActor(step.actor, ids), step.at, settings)
      if (!r.ok) throw new Error(`${scenario.key} ${step.command}: ${r.message.en}`)
      expect(r.state.status).toBe(step.status)
      states.set(scenario.key, r.state)
    }
    for (const s of scenarios) expect(states.get(s.key)!.status).toBe(s.finalStatus)
  })

  it('keeps every plan valid for any seed and moment (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 0, max: 400 }), (seed, days) => {
        const at = new Date(+now - days * DAY + (seed % 24) * 3_600_000)
        const out = generateDemoScenarios({ now: at, seed, regions, count: 60 })
        expect(out).toHaveLength(60)
        for (const s of out) for (const step of s.steps) expect(+step.at).toBeLessThan(+at)
      }),
      { numRuns: 8 },
    )
  })
})
