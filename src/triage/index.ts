// The triage facade that intake and the admin app call: one report in, every suggestion out.
// Pure: the caller loads the tenant's routers (createRouter(state) from a database row), passes
// the duplicate candidates it selected, and stores router.toJSON() after teaching it.
import { classifyComplaint, type ComplaintResult } from './complaint.ts'
import { clusterCandidates, type ClusterSuggestion, type DuplicateCandidate, type DuplicateOptions } from './duplicates.ts'
import { detectEmergency, type EmergencyResult } from './emergency.ts'
import { redactText, type RedactOptions } from './redact.ts'
import type { Suggestion, TriageRouter } from './router.ts'

export { createRouter, TriageRouter, type RouterOptions, type RouterState, type Suggestion } from './router.ts'
export { detectEmergency, EMERGENCY_TYPES, type EmergencyResult, type EmergencyType } from './emergency.ts'
export { classifyComplaint, type ComplaintResult } from './complaint.ts'
export { redactText, MASKS, type RedactOptions } from './redact.ts'
export {
  scoreDuplicate,
  clusterCandidates,
  distanceMetres,
  type DuplicateCandidate,
  type DuplicateScore,
  type ClusterSuggestion,
} from './duplicates.ts'
export { normalizeText, prepareText, tokenize, stemWord } from './text.ts'

export interface TriageInput {
  /** the report's text (all messages of the opening turn, joined) */
  text: string
  id?: string
  /** region (kabupaten/kecamatan/desa) code of the report, when known */
  regionCode?: string | null
  /** desa/kelurahan code, for duplicates */
  desaCode?: string | null
  lat?: number | null
  lng?: number | null
  channel?: string | null
  receivedAt?: string | Date | number
  /** the reporter's own name(s), always masked in the public text */
  reporterNames?: string[]
  /** recent reports in the same region, selected by the database layer */
  duplicateCandidates?: DuplicateCandidate[]
}

export interface TriageModels {
  agencyRouter?: TriageRouter
  categoryRouter?: TriageRouter
}

export interface TriageOptions {
  /** suggestions per router (default 3) */
  k?: number
  duplicates?: DuplicateOptions
  redact?: Omit<RedactOptions, 'names'>
}

export interface TriageResult {
  agencies: Suggestion[]
  categories: Suggestion[]
  emergency: EmergencyResult
  /** relevant for public social-media posts; a direct message to the channel is a report anyway */
  complaint: ComplaintResult
  isComplaint: boolean
  duplicates: ClusterSuggestion
  /** the text with personal data masked, for every public view */
  publicText: string
  /** suggested urgency: emergencies are mendesak */
  urgency: 'mendesak' | 'biasa'
}

/** Every triage suggestion for one report. A few milliseconds with routers of a few thousand decisions. */
export function triageReport(input: TriageInput, models: TriageModels = {}, options: TriageOptions = {}): TriageResult {
  const k = options.k ?? 3
  const emergency = detectEmergency(input.text)
  const complaint = classifyComplaint(input.text)
  const report: DuplicateCandidate = {
    id: input.id ?? '',
    text: input.text,
    receivedAt: input.receivedAt ?? Date.now(),
    desaCode: input.desaCode,
    lat: input.lat,
    lng: input.lng,
    channel: input.channel,
  }
  return {
    agencies: models.agencyRouter?.suggest(input.text, k) ?? [],
    categories: models.categoryRouter?.suggest(input.text, k) ?? [],
    emergency,
    complaint,
    isComplaint: complaint.isComplaint,
    duplicates: clusterCandidates(report, input.duplicateCandidates ?? [], options.duplicates),
    publicText: redactText(input.text, { ...options.redact, names: input.reporterNames }),
    urgency: emergency.isEmergency ? 'mendesak' : 'biasa',
  }
}

/**
 * Teaches the routers an operator's verified disposition: each agency and the category the
 * report was dispatched with. Call again with the final choice after a correction.
 */
export function learnDisposition(
  text: string,
  decision: { agencies?: string[]; category?: string | null },
  models: TriageModels,
): void {
  for (const a of decision.agencies ?? []) models.agencyRouter?.learn(text, a)
  if (decision.category) models.categoryRouter?.learn(text, decision.category)
}

/** Teaches the agency router that an agency returned the report as "bukan kewenangan". */
export function learnReturn(text: string, agency: string, models: TriageModels): void {
  models.agencyRouter?.unlearn(text, agency)
}
