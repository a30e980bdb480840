// Suggestions for one report, for the operator's triage view: agencies and categories from the
// tenant's routers, the emergency check, and duplicates among the tenant's recent open reports.
// The caller checked that the principal may see the report; duplicates the principal may not see
// are left out here.
import { and, desc, eq, gte, inArray, ne } from 'drizzle-orm'
import type { Principal } from '../accounts/users.ts'
import type { Db } from '../db/connect.ts'
import { agencies, categories, reports } from '../db/schema/index.ts'
import { viewerOf } from '../reports/queries.ts'
import { canSeeReport } from '../reports/privacy.ts'
import { loadReport, loadSettings } from '../reports/store.ts'
import type { ReportStatus } from '../reports/model.ts'
import { clusterCandidates, type DuplicateCandidate } from './duplicates.ts'
import { detectEmergency, type EmergencyResult } from './emergency.ts'
import { reportText } from './learn.ts'
import { loadRouter } from './models.ts'

/** Reports that can still be merged with a new one. */
export const OPEN_STATUSES: readonly ReportStatus[] = ['received', 'needs_info', 'dispatched', 'in_progress', 'returned', 'reopened']
/** How far back duplicates are looked for, and how many candidates are scored at most. */
const DUPLICATE_WINDOW_DAYS = 30
const DUPLICATE_CANDIDATES = 500
const SHOWN = 5

export interface ReportSuggestions {
  agencies: { agencyId: string; name: string; score: number; reasons: string[] }[]
  categories: { categoryId: string; name: string; score: number; reasons: string[] }[]
  emergency: EmergencyResult
  /** reasons: short Indonesian phrases (similar text and its shared words, same desa, time apart, channels) */
  duplicates: { reportId: string; trackingCode: string; score: number; reasons: string[] }[]
}

interface ReportRow {
  id: string
  title: string | null
  body: string
  regionCode: string | null
  latitude: number | null
  longitude: number | null
  channelType: string
  createdAt: Date
  masterReportId: string | null
}

/** A desa/kelurahan code has four parts (11.15.01.2001); a coarser region is no place evidence. */
function desaOf(code: string | null): string | null {
  return code && code.split('.').length === 4 ? code : null
}

function candidateOf(r: ReportRow): DuplicateCandidate {
  return {
    id: r.id,
    text: reportText(r),
    receivedAt: r.createdAt,
    desaCode: desaOf(r.regionCode),
    lat: r.latitude,
    lng: r.longitude,
    channel: r.channelType,
    clusterId: r.masterReportId,
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000

async function rankLabels(db: Db, tenantId: string, kind: 'agency' | 'category', text: string, names: Map<string, string>) {
  const router = await loadRouter(db, tenantId, kind)
  // Ask for a few more than shown: labels of retired agencies/categories are dropped.
  return router
    .suggest(text, SHOWN + 5)
    .filter((s) => names.has(s.label))
    .slice(0, SHOWN)
    .map((s) => ({ id: s.label, name: names.get(s.label)!, score: round(s.score), reasons: s.reasons }))
}

export async function suggestionsFor(db: Db, p: Principal, reportId: string, now: Date): Promise<ReportSuggestions | null> {
  const tenantId = p.tenantId
  const cols = {
    id: reports.id,
    title: reports.title,
    body: reports.body,
    regionCode: reports.regionCode,
    latitude: reports.latitude,
    longitude: reports.longitude,
    channelType: reports.channelType,
    createdAt: reports.createdAt,
    masterReportId: reports.masterReportId,
  }
  const [report] = await db
    .select(cols)
    .from(reports)
    .where(and(eq(reports.tenantId, tenantId), eq(reports.id, reportId)))
  if (!report) return null
  const text = reportText(report)

  const agencyNames = new Map(
    (
      await db
        .select({ id: agencies.id, name: agencies.name })
        .from(agencies)
        .where(and(eq(agencies.tenantId, tenantId), eq(agencies.active, true)))
    ).map((a) => [a.id, a.name]),
  )
  const categoryNames = new Map(
    (
      await db
        .select({ id: categories.id, name: categories.name })
        .from(categories)
        .where(and(eq(categories.tenantId, tenantId), eq(categories.active, true)))
    ).map((c) => [c.id, c.name]),
  )
  const agencyList = await rankLabels(db, tenantId, 'agency', text, agencyNames)
  const categoryList = await rankLabels(db, tenantId, 'category', text, categoryNames)

  const since = new Date(now.getTime() - DUPLICATE_WINDOW_DAYS * 86_400_000)
  const recent = await db
    .select({ ...cols, trackingCode: reports.trackingCode })
    .from(reports)
    .where(
      and(
        eq(reports.tenantId, tenantId),
        ne(reports.id, reportId),
        inArray(reports.status, [...OPEN_STATUSES]),
        gte(reports.createdAt, since),
      ),
    )
    .orderBy(desc(reports.createdAt))
    .limit(DUPLICATE_CANDIDATES)
  const cluster = clusterCandidates(candidateOf(report), recent.map(candidateOf))
  const codes = new Map(recent.map((r) => [r.id, r.trackingCode]))
  const duplicates: ReportSuggestions['duplicates'] = []
  const viewer = viewerOf(p)
  const agencyViewer = viewer.role === 'agency_admin' || viewer.role === 'agency_head'
  const settings = agencyViewer ? await loadSettings(db, tenantId) : null
  for (const m of cluster.members) {
    if (duplicates.length >= SHOWN) break
    if (settings) {
      // Agency users see only reports dispatched to them: check each suggested duplicate.
      const l = await loadReport(db, tenantId, m.id)
      if (!l || !canSeeReport(viewer, { ...l.state, contactId: l.row.contactId }, { integrityAgencyIds: settings.integrityAgencyIds })) continue
    }
    duplicates.push({ reportId: m.id, trackingCode: codes.get(m.id)!, score: round(m.score), reasons: m.reasons })
  }

  return {
    agencies: agencyList.map((a) => ({ agencyId: a.id, name: a.name, score: a.score, reasons: a.reasons })),
    categories: categoryList.map((c) => ({ categoryId: c.id, name: c.name, score: c.score, reasons: c.reasons })),
    emergency: detectEmergency(text),
    duplicates,
  }
}
