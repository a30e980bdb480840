// The demo reports: several hundred complaints, aspirations, questions, emergencies and rumours
// from across Nagan Raya over the 90 days before `now`, each with its planned life. Pure and
// deterministic: the same seed, `now` and regions give the same scenarios (no Math.random, no clock).
import type { ReportStatus } from '../reports/model.ts'
import { composeScenario, type Place } from './compose.ts'
import { createRng, type Rng } from './prng.ts'
import type { DemoRegion } from './regions.ts'
import type { DemoScenario } from './scenario.ts'
import { atLocal, localDate, DEMO_TZ } from './timing.ts'
import { CLUSTERS, type Cluster } from './texts/clusters.ts'
import { DARURAT_TOPICS } from './texts/darurat.ts'
import { EKONOMI_TOPICS } from './texts/ekonomi.ts'
import { GAMPONG_SOSIAL_TOPICS } from './texts/gampong-sosial.ts'
import { INFORMASI_TOPICS } from './texts/informasi.ts'
import { INFRASTRUKTUR_TOPICS } from './texts/infrastruktur.ts'
import { KESEHATAN_TOPICS } from './texts/kesehatan.ts'
import { LINGKUNGAN_TOPICS } from './texts/lingkungan.ts'
import type { Topic } from './texts/types.ts'

export type { DemoScenario, DemoStep, DemoActor } from './scenario.ts'
export type { DemoRegion } from './regions.ts'

export const DEMO_TOPICS: readonly Topic[] = [
  ...LINGKUNGAN_TOPICS,
  ...KESEHATAN_TOPICS,
  ...INFRASTRUKTUR_TOPICS,
  ...GAMPONG_SOSIAL_TOPICS,
  ...EKONOMI_TOPICS,
  ...DARURAT_TOPICS,
  ...INFORMASI_TOPICS,
]

export interface GenerateOptions {
  /** The moment the demo is seeded: every step happens before it. */
  now: Date
  /** How many reports (default 400). */
  count?: number
  seed?: number | string
  /** The tenant's regions (loadDemoRegions(), or the regions table): kecamatan and desa are drawn from them. */
  regions: readonly DemoRegion[]
}

const DAY = 86_400_000

interface Geography {
  districts: { code: string; name: string; villages: { code: string; name: string }[] }[]
}

function geography(regions: readonly DemoRegion[]): Geography {
  const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code)
  const districts = regions
    .filter((r) => r.level === 'district')
    .sort(byCode)
    .map((d) => ({
      code: d.code,
      name: d.name,
      villages: regions.filter((v) => v.level === 'village' && v.parentCode === d.code).sort(byCode),
    }))
    .filter((d) => d.villages.length > 0)
  if (districts.length === 0) throw new Error('demo content needs districts with villages in `regions`')
  return { districts }
}

/** A kecamatan weighted by how many desa it has (more desa, more people, more reports), then a desa. */
function drawPlace(geo: Geography, rng: Rng, districtCodes?: readonly string[], desaName?: string): Place {
  const allowed = geo.districts.filter((x) => !districtCodes || districtCodes.includes(x.code))
  const pool = allowed.length > 0 ? allowed : geo.districts
  const d = rng.weighted(pool.map((x) => [x, Math.sqrt(x.villages.length) + 1] as const))
  const v = d.villages.find((x) => x.name === desaName) ?? rng.pick(d.villages)
  return { districtCode: d.code, districtName: d.name, villageCode: v.code, villageName: v.name }
}

/** The status a scenario has at an instant (for merging into it). */
function statusAt(s: DemoScenario, t: Date): ReportStatus {
  let status: ReportStatus = 'received'
  for (const step of s.steps) if (+step.at <= +t) status = step.status
  return status
}

function clusterScenarios(
  cluster: Cluster,
  geo: Geography,
  rng: Rng,
  now: Date,
  next: () => string,
): DemoScenario[] {
  const place = drawPlace(geo, rng, [cluster.districtCode], cluster.desaName)
  const firstDay = localDate(new Date(+now - cluster.daysAgo * DAY), DEMO_TZ)
  let at = atLocal(firstDay, rng.float(6.2, 8.5))
  const out: DemoScenario[] = []
  cluster.channels.forEach((channel, i) => {
    if (i > 0) at = new Date(+at + rng.float(1, cluster.daysAgo > 5 ? 20 : 14) * 3_600_000)
    if (+at >= +now) return
    const master = out[0]
    out.push(
      composeScenario({
        rng: rng.fork(`${cluster.id}-${i}`),
        key: next(),
        now,
        topic: cluster.topic,
        place,
        receivedAt: at,
        channel,
        spot: cluster.spot,
        fate: 'normal',
        reaction: i === 0 ? 'silence' : undefined,
        cluster: {
          id: cluster.id,
          masterKey: master?.key ?? null,
          merge:
            master && i <= cluster.merged ? { key: master.key, statusAt: (t) => statusAt(master, t) } : null,
        },
      }),
    )
  })
  // Reports the operator has not merged yet stay for the duplicate detector: no life of their own.
  return out.map((s, i) =>
    i > cluster.merged ? { ...s, steps: [], finalStatus: 'received' as const, rating: null } : s,
  )
}

/** Generates the demo scenarios, sorted by arrival and keyed DEMO-0001, DEMO-0002, ... */
export function generateDemoScenarios(opts: GenerateOptions): DemoScenario[] {
  const count = opts.count ?? 400
  const rng = createRng(opts.seed ?? 'aduan-demo-nagan-raya')
  const geo = geography(opts.regions)
  let n = 0
  const next = () => `tmp-${++n}`

  const scenarios: DemoScenario[] = []
  if (count >= 60)
    for (const c of CLUSTERS) scenarios.push(...clusterScenarios(c, geo, rng.fork(c.id), opts.now, next))
  const topics = DEMO_TOPICS.map((t) => [t, t.weight ?? 1] as const)
  while (scenarios.length < count) {
    const r = rng.fork(`single-${scenarios.length}`)
    const topic = r.weighted(topics)
    scenarios.push(
      composeScenario({
        rng: r,
        key: next(),
        now: opts.now,
        topic,
        place: drawPlace(geo, r, topic.districts),
      }),
    )
  }

  scenarios.sort((a, b) => +a.receivedAt - +b.receivedAt || a.key.localeCompare(b.key))
  const keys = new Map(scenarios.map((s, i) => [s.key, `DEMO-${String(i + 1).padStart(4, '0')}`]))
  const rename = (k: string) => keys.get(k) ?? k
  return scenarios.map((s) => ({
    ...s,
    key: rename(s.key),
    duplicateOf: s.duplicateOf ? rename(s.duplicateOf) : null,
    steps: s.steps.map((step) =>
      step.command === 'merge_into'
        ? { ...step, data: { ...step.data, masterReportId: rename(step.data.masterReportId as string) } }
        : step,
    ),
  }))
}
