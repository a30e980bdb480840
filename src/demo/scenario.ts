// What the demo generator hands out: a report as it arrived, and its planned life as lifecycle
// commands (src/reports/lifecycle.ts) in time order.
//
// Ids inside a step's data are symbolic, so the generator stays pure and database-free; replay.ts
// turns them into real ids:
//   agencyId         an agency slug ('dlh', 'pkm-jeuram')
//   categoryId       a category slug ('kebersihan-sampah')
//   masterReportId   the master scenario's key ('DEMO-0042')
//   dispositionId, responseId, noteId   local to the scenario ('d1', 'r1', 'n1')
import type { CommandType } from '../reports/lifecycle.ts'
import type { ChannelType, ReportKind, ReportStatus, Role, SlaTier, Urgency } from '../reports/model.ts'
import type { DemoReporter } from './reporters.ts'

/** Who acts: a demo login (by role and home agency), the reporter, or the scheduler. */
export interface DemoActor {
  role: Role | 'reporter' | 'system'
  /** The acting user's home agency (a puskesmas' dispositions are handled by Dinkes staff). */
  agencySlug?: string
  /** The demo login that acts, for user roles. */
  email?: string
}

export interface DemoStep {
  at: Date
  command: CommandType
  actor: DemoActor
  /** The command's fields other than `type`, with symbolic ids. */
  data: Record<string, unknown>
  /** The report's status once the step is applied (computed with the lifecycle decider). */
  status: ReportStatus
}

export type MediaHint = 'image' | 'video' | 'audio'

export interface DemoScenario {
  key: string
  /** The template it was written from (for tests and debugging). */
  topic: string
  receivedAt: Date
  channel: ChannelType
  /** As the report arrives (intake): citizens rarely classify; web and e-mail forms do. */
  intakeKind: ReportKind
  /** As the operator classifies it at verification. */
  kind: ReportKind
  categorySlug: string
  slaTier: SlaTier
  urgency: Urgency | null
  isEmergency: boolean
  /** Desa/kelurahan (village) code, and its kecamatan. */
  regionCode: string
  districtCode: string
  locationText: string
  /** The operator's summary title, set at verification. */
  title: string
  body: string
  reporter: DemoReporter
  /** Chosen by the reporter at intake; the operator may add confidentiality at verification. */
  isAnonymous: boolean
  isConfidential: boolean
  /** About officials: only the Inspektorat may receive it. */
  whistleblowing: boolean
  media: MediaHint[]
  /** Agencies that end up handling it. */
  agencySlugs: string[]
  /** The master of a near-duplicate group this report belongs to (null for masters and singles). */
  duplicateOf: string | null
  /** Near-duplicate group (same problem, same desa), or null. */
  cluster: string | null
  steps: DemoStep[]
  finalStatus: ReportStatus
  rating: number | null
}
