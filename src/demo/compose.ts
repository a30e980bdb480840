// One demo report as it arrives: channel, moment, place, reporter, text and flags, then its life
// planned (plan.ts) and run through the lifecycle decider up to `now` (simulate.ts).
import type { ChannelType, ReportKind, ReportStatus, Urgency } from '../reports/model.ts'
import { DEMO_AGENCIES, DEMO_PUSKESMAS, puskesmasFor } from './agencies.ts'
import { DEMO_CATEGORIES } from './categories.ts'
import type { Rng } from './prng.ts'
import { planLife, stallChance, type Fate, type Reaction } from './plan.ts'
import { reporterFor } from './reporters.ts'
import type { DemoScenario, MediaHint } from './scenario.ts'
import { simulate } from './simulate.ts'
import { styleForChannel } from './style.ts'
import { DURATIONS, SPOTS } from './texts/phrases.ts'
import type { Topic } from './texts/types.ts'
import { atLocal, citizenHour, dayLabel, dayWeight, isWorkingDay, localDate, DEMO_TZ } from './timing.ts'

const DAY = 86_400_000
const GENERAL_CHANNELS: [ChannelType, number][] = [
  ['whatsapp', 38],
  ['web', 13],
  ['facebook_comment', 12],
  ['instagram_comment', 7],
  ['instagram', 6],
  ['x', 4],
  ['sms', 4],
  ['phone', 4],
  ['telegram', 3],
  ['email', 3],
  ['walk_in', 3],
  ['messenger', 3],
]
const PRIVATE_CHANNELS: [ChannelType, number][] = [
  ['whatsapp', 5],
  ['web', 4],
  ['email', 2],
  ['sms', 1],
  ['telegram', 1],
  ['walk_in', 1],
]
const EMERGENCY_CHANNELS: [ChannelType, number][] = [
  ['whatsapp', 6],
  ['phone', 4],
  ['facebook_comment', 1],
  ['x', 1],
  ['telegram', 1],
]
const PUBLIC_CHANNELS = new Set<ChannelType>(['facebook_comment', 'instagram_comment', 'x'])
const MEDIA: Partial<Record<ChannelType, [MediaHint, number][]>> = {
  whatsapp: [
    ['image', 0.45],
    ['video', 0.06],
    ['audio', 0.08],
  ],
  telegram: [
    ['image', 0.3],
    ['audio', 0.05],
  ],
  instagram: [
    ['image', 0.5],
    ['video', 0.1],
  ],
  facebook_comment: [['image', 0.2]],
  x: [
    ['image', 0.3],
    ['video', 0.05],
  ],
  web: [['image', 0.35]],
  email: [['image', 0.25]],
  messenger: [['image', 0.3]],
}

export interface Place {
  districtCode: string
  districtName: string
  villageCode: string
  villageName: string
}

export interface ComposeInput {
  rng: Rng
  key: string
  now: Date
  topic: Topic
  place: Place
  /** Fixed moment and channel (near-duplicate clusters); otherwise drawn. */
  receivedAt?: Date
  channel?: ChannelType
  spot?: string
  fate?: Fate
  reaction?: Reaction
  cluster?: {
    id: string
    masterKey: string | null
    merge: { key: string; statusAt: (t: Date) => ReportStatus } | null
  }
}

export const categoryOf = (slug: string) => {
  const c = DEMO_CATEGORIES.find((x) => x.slug === slug)
  if (!c) throw new Error(`unknown demo category ${slug}`)
  return c
}

export function opdName(slug: string): string {
  const skpk = DEMO_AGENCIES.find((a) => a.slug === slug)
  if (skpk) return skpk.shortName
  return DEMO_PUSKESMAS.find((a) => a.slug === slug)?.name ?? slug
}

/** A moment in the last 90 days: fewer on weekends and holidays, a few more as the service gets known. */
export function receivedMoment(rng: Rng, now: Date, channel: ChannelType): Date {
  const weights: [number, number][] = []
  for (let offset = 0; offset < 90; offset++) {
    const date = localDate(new Date(+now - offset * DAY), DEMO_TZ)
    const inPerson = channel === 'phone' || channel === 'walk_in'
    weights.push([
      offset,
      inPerson && !isWorkingDay(date) ? 0 : dayWeight(date) * (1.3 - (0.55 * offset) / 89),
    ])
  }
  for (let attempt = 0; ; attempt++) {
    const offset = rng.weighted(weights)
    const at = atLocal(localDate(new Date(+now - offset * DAY), DEMO_TZ), citizenHour(channel, rng))
    if (+at < +now && +at > +now - 90 * DAY) return at
    if (attempt > 20) return new Date(+now - rng.float(1, 48) * 3_600_000)
  }
}

function channelFor(topic: Topic, emergency: boolean, rng: Rng): ChannelType {
  if (emergency) return rng.weighted(EMERGENCY_CHANNELS)
  if (topic.confidential) return rng.weighted(PRIVATE_CHANNELS)
  return rng.weighted(GENERAL_CHANNELS)
}

function fateFor(topic: Topic, emergency: boolean, agency: string, rng: Rng): Fate {
  if (emergency || topic.archive || topic.external) return 'normal'
  const fate = rng.weighted<Fate>([
    ['normal', 0.74],
    ['info_then_normal', 0.09],
    ['abandoned', 0.04],
    ['unverified', 0.025],
  ])
  if ((fate === 'normal' || fate === 'info_then_normal') && rng.chance(stallChance(agency)))
    return rng.chance(0.3) ? 'stalled_pending' : 'stalled_accepted'
  return fate
}

const REACTIONS: [Reaction, number][] = [
  ['confirm', 0.33],
  ['rate_only', 0.08],
  ['silence', 0.42],
  ['late_rate', 0.06],
  ['reopen', 0.11],
]

export function composeScenario(c: ComposeInput): DemoScenario {
  const { rng, topic, place } = c
  const category = categoryOf(topic.category)
  const kind: ReportKind = topic.kind ?? 'pengaduan'
  const emergency = kind === 'kedaruratan'
  const channel = c.channel ?? channelFor(topic, emergency, rng)
  const receivedAt = c.receivedAt ?? receivedMoment(rng, c.now, channel)
  const spot = c.spot ?? rng.pick(SPOTS)
  const vars: Record<string, string> = {
    desa: place.villageName,
    kec: place.districtName,
    spot,
    lama: rng.pick(DURATIONS),
    pkm: opdName(puskesmasFor(place.districtCode)),
  }
  const fill = (template: string, extra: Record<string, string> = {}) =>
    template.replace(/\{(\w+)\}/g, (m, name: string) => extra[name] ?? vars[name] ?? m)
  const agencies = (topic.agencies ?? [category.agencies[0]!]).map((a) =>
    a === 'puskesmas' ? puskesmasFor(place.districtCode) : a,
  )

  const reporter = reporterFor(channel, rng)
  const privateChannel = !PUBLIC_CHANNELS.has(channel)
  const isAnonymous = privateChannel && rng.chance(topic.confidential ? 0.45 : 0.07)
  const isConfidential = privateChannel && rng.chance(topic.confidential ? 0.5 : 0.03)
  const urgency: Urgency = topic.urgency ?? (emergency ? 'mendesak' : rng.chance(0.18) ? 'penting' : 'biasa')
  const raw = fill(rng.pick(topic.texts))
  const body = styleForChannel(channel, raw, rng, reporter.name)
  const media = (MEDIA[channel] ?? []).filter(([, p]) => rng.chance(p)).map(([m]) => m)
  const whistleblowing = category.isWhistleblowing ?? false
  const fate = c.fate ?? fateFor(topic, emergency, agencies[0]!, rng)
  const misroute = topic.misroute
    ? rng.weighted<'no' | 'redispatch' | 'wait'>([
        ['no', 0.4],
        ['redispatch', 0.42],
        ['wait', 0.18],
      ])
    : 'no'

  const planned = planLife({
    rng,
    receivedAt,
    topic,
    kind,
    categorySlug: category.slug,
    slaTier: category.slaTier,
    urgency,
    emergency,
    regionCode: place.villageCode,
    title: fill(rng.pick(topic.titles)),
    agencies,
    flags: { anonymous: isAnonymous, confidential: isConfidential || !!topic.confidential },
    whistleblowing,
    fate,
    reaction: c.reaction ?? rng.weighted(REACTIONS),
    misroute,
    fill,
    opdName,
    dayLabel,
    mergeInto: c.cluster?.merge ?? undefined,
  })
  const intake = { key: c.key, receivedAt, isAnonymous, isConfidential, urgency: emergency ? urgency : null }
  const { steps, state } = simulate(intake, planned, c.now)
  const verify = steps.find((s) => s.command === 'verify_and_dispatch')
  return {
    key: c.key,
    topic: topic.id,
    receivedAt,
    channel,
    intakeKind: emergency || channel === 'web' || channel === 'email' ? kind : 'pengaduan',
    kind,
    categorySlug: category.slug,
    slaTier: category.slaTier,
    urgency,
    isEmergency: emergency,
    regionCode: place.villageCode,
    districtCode: place.districtCode,
    locationText:
      c.spot || raw.includes(spot)
        ? `${spot}, Gampong ${place.villageName}, Kec. ${place.districtName}`
        : `Gampong ${place.villageName}, Kec. ${place.districtName}`,
    title: (verify?.data.title as string | undefined) ?? fill(topic.titles[0]!),
    body,
    reporter,
    isAnonymous,
    isConfidential,
    whistleblowing,
    media,
    agencySlugs: agencies,
    duplicateOf: c.cluster?.masterKey ?? null,
    cluster: c.cluster?.id ?? null,
    steps,
    finalStatus: state.status,
    rating: state.rating,
  }
}
