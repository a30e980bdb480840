// Following a report from the portal. The tracking code alone (short, told on the phone, printed
// on receipts) shows what is not private: status, kind, dates and deadlines, and, when the report
// is public anyway, its masked public view. The private link (code + a secret whose SHA-256 is
// stored in reports.access_token_hash) makes its holder the reporter: the full text, photos,
// answers, and the reporter's commands (add information, confirm, rate, reopen).
import { and, eq } from 'drizzle-orm'
import { safeEqual, sha256 } from '../accounts/crypto.ts'
import type { AppContext } from '../context.ts'
import type { Db } from '../db/connect.ts'
import { agencies, contacts, reports } from '../db/schema/index.ts'
import { runReporterCommand } from '../reports/commands.ts'
import { reportDeadlines, type Deadline } from '../reports/deadlines.ts'
import { allowedCommands, type Command, type CommandType } from '../reports/lifecycle.ts'
import type { ReportStatus } from '../reports/model.ts'
import { isPublic, presentReport, type Viewer } from '../reports/privacy.ts'
import { loadReport, loadSettings, type LoadedReport } from '../reports/store.ts'
import { mask, publicImageIds, regionNames } from './queries.ts'

export const TRACKING_CODE = /^[A-Z]{2,6}-[A-Z2-7]{8}$/

export async function findReport(db: Db, tenantId: string, code: string): Promise<LoadedReport | null> {
  const normal = code.trim().toUpperCase()
  if (!TRACKING_CODE.test(normal)) return null
  const [row] = await db
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.tenantId, tenantId), eq(reports.trackingCode, normal)))
  return row ? loadReport(db, tenantId, row.id) : null
}

export function tokenMatches(l: LoadedReport, token: string | undefined): boolean {
  if (!token || !l.row.accessTokenHash || token.length > 100) return false
  return safeEqual(sha256(token), l.row.accessTokenHash)
}

export interface TrackView {
  access: 'code' | 'link'
  trackingCode: string
  status: ReportStatus
  kind: string
  createdAt: Date
  isPublic: boolean
  deadline: Deadline | null
  /** Only with the link, or masked when the report is public. */
  title: string | null
  body: string | null
  place: string | null
  regionName: string | null
  /** Where, by name only (never the code), when the viewer may see the region: the desa (or another
   * non-kecamatan region) and its kecamatan. */
  area: { name: string | null; district: string | null } | null
  flags: { anonymous: boolean; confidential: boolean } | null
  answers: { agencyName: string; body: string; publishedAt: Date | null }[]
  imageIds: string[]
  timeline: { type: string; at: Date; toStatus: string | null }[]
  rating: number | null
  commands: CommandType[]
}

const PUBLIC_EVENT_TYPES = new Set(['received', 'verified_and_dispatched', 'disposition_accepted', 'response_published', 'info_requested', 'info_provided', 'reporter_replied', 'confirmed', 'rated', 'reopened', 'closed', 'closed_by_silence', 'archived', 'rejected_not_pemda_authority', 'merged'])

/** Holding the private link makes the holder this report's reporter for the privacy rules. */
const linkHolder = (l: LoadedReport): Viewer => ({ kind: 'reporter', contactId: `link:${l.row.id}` })

export async function trackView(ctx: AppContext, tenantId: string, l: LoadedReport, withLink: boolean): Promise<TrackView> {
  const db = ctx.db
  const now = ctx.clock.now()
  const settings = await loadSettings(db, tenantId)
  const pub = isPublic({ ...l.state, contactId: l.row.contactId })
  const [contact] = l.row.contactId
    ? await db.select({ name: contacts.name }).from(contacts).where(and(eq(contacts.tenantId, tenantId), eq(contacts.id, l.row.contactId)))
    : []
  const record = {
    title: l.row.title,
    body: l.row.body,
    locationText: l.row.locationText,
    regionCode: l.row.regionCode,
    flags: l.state.flags,
    publishedResponses: l.responseRows
      .filter((r) => r.status === 'published')
      .map((r) => ({ agencyId: r.agencyId, body: r.body, publishedAt: r.publishedAt })),
    attachments: withLink || pub ? await publicImageIds(db, tenantId, l.row.id) : [],
    rating: l.row.rating,
  }
  const viewer: Viewer = withLink ? linkHolder(l) : { kind: 'public' }
  const facts = { ...l.state, contactId: withLink ? `link:${l.row.id}` : l.row.contactId }
  const shown = presentReport(viewer, facts, record, { redact: (s) => mask(s, contact?.name) }) ?? {}
  const agencyNames = new Map(
    (await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(eq(agencies.tenantId, tenantId))).map((a) => [a.id, a.name]),
  )
  // The region only as the privacy rules allow it to this viewer (public report, or the link).
  const regionCode = (shown.regionCode as string | null | undefined) ?? null
  const depth = regionCode ? regionCode.split('.').length : 0 // 2 regency, 3 kecamatan, 4 desa
  const districtCode = depth >= 3 ? regionCode!.split('.').slice(0, 3).join('.') : null
  const names = await regionNames(db, tenantId, [regionCode, districtCode])
  const area = regionCode
    ? { name: depth === 3 ? null : (names.get(regionCode) ?? null), district: districtCode ? (names.get(districtCode) ?? null) : null }
    : null
  return {
    access: withLink ? 'link' : 'code',
    trackingCode: l.row.trackingCode,
    status: l.row.status,
    kind: l.row.kind,
    createdAt: l.row.createdAt,
    isPublic: pub,
    deadline: reportDeadlines(l.state, settings, now).current,
    title: (shown.title as string | null | undefined) ?? null,
    body: (shown.body as string | undefined) ?? null,
    place: (shown.locationText as string | null | undefined) ?? null,
    regionName: regionCode ? (names.get(regionCode) ?? null) : null,
    area: area && (area.name || area.district) ? area : null,
    flags: (shown.flags as TrackView['flags'] | undefined) ?? null,
    answers: ((shown.publishedResponses as typeof record.publishedResponses | undefined) ?? []).map((r) => ({
      agencyName: (r.agencyId && agencyNames.get(r.agencyId)) || '',
      body: r.body,
      publishedAt: r.publishedAt,
    })),
    imageIds: (shown.attachments as string[] | undefined) ?? [],
    timeline: l.events
      .filter((e) => !e.internal && PUBLIC_EVENT_TYPES.has(e.type))
      .map((e) => ({ type: e.type, at: e.createdAt, toStatus: e.toStatus })),
    rating: (shown.rating as number | null | undefined) ?? null,
    commands: withLink
      ? allowedCommands(l.state, { kind: 'reporter' }, now, settings).filter((c) => REPORTER_ACTIONS.includes(c))
      : [],
  }
}

const REPORTER_ACTIONS: CommandType[] = ['provide_info', 'reporter_reply', 'confirm', 'rate', 'reopen']

export type ReporterAction =
  | { action: 'info'; message: string }
  | { action: 'confirm' }
  | { action: 'rate'; rating: number; comment?: string }
  | { action: 'reopen'; reason: string }

/** The reporter's action as a lifecycle command (the decider still decides). */
export function commandFor(l: LoadedReport, a: ReporterAction): Command {
  switch (a.action) {
    case 'info':
      return l.state.status === 'needs_info'
        ? { type: 'provide_info', message: a.message }
        : { type: 'reporter_reply', message: a.message }
    case 'confirm':
      return { type: 'confirm' }
    case 'rate':
      return { type: 'rate', rating: a.rating, ...(a.comment ? { comment: a.comment } : {}) }
    case 'reopen':
      return { type: 'reopen', reason: a.reason }
  }
}

export async function runReporterAction(ctx: AppContext, tenantId: string, l: LoadedReport, a: ReporterAction) {
  return runReporterCommand(ctx, tenantId, l.row.id, commandFor(l, a))
}
