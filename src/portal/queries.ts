// What the public may read, with privacy in the queries: one WHERE clause for "public report"
// (verified, in a public status, not confidential, not about officials), texts masked by
// redactText (names, phone numbers, e-mail, NIK, handles; the reporter's own name too) before
// they leave this module, and no identity field ever selected into a public result.
import { and, desc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../db/connect.ts'
import { agencies, attachments, contacts, publicPosts, regions, reports, responses } from '../db/schema/index.ts'
import { publicReportSql } from '../reports/public-sql.ts'
import { redactText } from '../triage/redact.ts'


/** Mask personal data; the reporter's own name (known to us, never shown) is masked wherever it occurs. */
export const mask = (text: string, reporterName?: string | null) =>
  redactText(text, reporterName ? { names: [reporterName] } : {})

export interface PublicListItem {
  trackingCode: string
  status: string
  kind: string
  title: string
  excerpt: string
  regionName: string | null
  districtName: string | null
  createdAt: Date
  /** Rounded to about 1 km: the public never sees an exact location. */
  point: { lat: number; lon: number } | null
}

const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100)

export async function listPublicReports(
  db: Db,
  tenantId: string,
  f: { district?: string; before?: Date; limit?: number; agencyId?: string } = {},
): Promise<{ items: PublicListItem[]; next: Date | null }> {
  const limit = Math.min(f.limit ?? 20, 50)
  const where: SQL[] = [publicReportSql(tenantId)]
  if (f.district) where.push(eq(reports.districtCode, f.district))
  if (f.before) where.push(sql`${reports.createdAt} < ${f.before.toISOString()}::timestamptz`)
  if (f.agencyId)
    where.push(sql`exists (select 1 from dispositions d where d.tenant_id = ${reports.tenantId}
      and d.report_id = ${reports.id} and d.agency_id = ${f.agencyId}::uuid)`)
  const rows = await db
    .select({
      trackingCode: reports.trackingCode,
      status: reports.status,
      kind: reports.kind,
      title: reports.title,
      body: reports.body,
      regionCode: reports.regionCode,
      districtCode: reports.districtCode,
      latitude: reports.latitude,
      longitude: reports.longitude,
      createdAt: reports.createdAt,
      reporterName: contacts.name,
    })
    .from(reports)
    .leftJoin(contacts, and(eq(contacts.tenantId, reports.tenantId), eq(contacts.id, reports.contactId)))
    .where(and(...where))
    .orderBy(desc(reports.createdAt), desc(reports.id))
    .limit(limit + 1)
  const names = await regionNames(db, tenantId, rows.flatMap((r) => [r.regionCode, r.districtCode]))
  const page = rows.slice(0, limit)
  return {
    items: page.map((r) => {
      const body = mask(r.body, r.reporterName)
      return {
        trackingCode: r.trackingCode,
        status: r.status,
        kind: r.kind,
        title: mask(r.title ?? body.slice(0, 80), r.reporterName),
        excerpt: body.length > 220 ? `${body.slice(0, 220)}…` : body,
        regionName: r.regionCode ? (names.get(r.regionCode) ?? null) : null,
        districtName: r.districtCode ? (names.get(r.districtCode) ?? null) : null,
        createdAt: r.createdAt,
        point:
          r.latitude !== null && r.longitude !== null ? { lat: round2(r.latitude)!, lon: round2(r.longitude)! } : null,
      }
    }),
    next: rows.length > limit ? page.at(-1)!.createdAt : null,
  }
}

export async function regionNames(db: Db, tenantId: string, codes: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(codes.filter((c): c is string => !!c))]
  if (wanted.length === 0) return new Map()
  const rows = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(and(eq(regions.tenantId, tenantId), inArray(regions.code, wanted)))
  return new Map(rows.map((r) => [r.code, titleCase(r.name)]))
}

export const titleCase = (s: string) =>
  s.toLowerCase().replace(/(^|[\s(/-])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase())

/** Kecamatan with their desa, for the picker (the tenant's own regions). */
export async function regionTree(db: Db, tenantId: string) {
  const rows = await db
    .select({ code: regions.code, parent: regions.parentCode, level: regions.level, name: regions.name })
    .from(regions)
    .where(and(eq(regions.tenantId, tenantId), inArray(regions.level, ['district', 'village'])))
  const districts = rows
    .filter((r) => r.level === 'district')
    .map((d) => ({
      code: d.code,
      name: titleCase(d.name),
      villages: rows
        .filter((v) => v.level === 'village' && v.parent === d.code)
        .map((v) => ({ code: v.code, name: titleCase(v.name) }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    }))
  return districts.sort((a, b) => a.name.localeCompare(b.name))
}

/** Published answers of an agency on public reports, newest first, masked. */
export async function latestAnswers(db: Db, tenantId: string, agencyId: string | null, limit = 10) {
  const where: SQL[] = [publicReportSql(tenantId), eq(responses.status, 'published')]
  if (agencyId) where.push(eq(responses.agencyId, agencyId))
  const rows = await db
    .select({
      body: responses.body,
      publishedAt: responses.publishedAt,
      agencyName: agencies.name,
      agencySlug: agencies.slug,
      trackingCode: reports.trackingCode,
      title: reports.title,
      reporterName: contacts.name,
    })
    .from(responses)
    .innerJoin(reports, and(eq(reports.tenantId, responses.tenantId), eq(reports.id, responses.reportId)))
    .leftJoin(agencies, and(eq(agencies.tenantId, responses.tenantId), eq(agencies.id, responses.agencyId)))
    .leftJoin(contacts, and(eq(contacts.tenantId, reports.tenantId), eq(contacts.id, reports.contactId)))
    .where(and(...where))
    .orderBy(desc(responses.publishedAt))
    .limit(limit)
  return rows.map((r) => ({
    body: mask(r.body, r.reporterName),
    publishedAt: r.publishedAt,
    agencyName: r.agencyName,
    agencySlug: r.agencySlug,
    trackingCode: r.trackingCode,
    title: r.title ? mask(r.title, r.reporterName) : null,
  }))
}

export interface AgencyStats {
  id: string
  slug: string
  name: string
  shortName: string
  assigned: number
  answered: number
  medianFirstHours: number | null
  medianDoneHours: number | null
}

/**
 * Per agency: dispositions received (not cancelled or returned), how many got a published answer,
 * median hours from disposition to the agency's first published answer and to the report's closure.
 * Aggregates only: confidential reports count, but nothing of them is shown.
 */
export async function agencyStats(db: Db, tenantId: string, agencyId?: string): Promise<AgencyStats[]> {
  const one = agencyId ? sql`and a.id = ${agencyId}::uuid` : sql``
  const res = await db.execute(sql`
    with d as (
      select d.agency_id, d.created_at,
        (select min(r.published_at) from responses r where r.tenant_id = d.tenant_id and r.report_id = d.report_id
          and r.agency_id = d.agency_id and r.status = 'published') as first_at,
        rep.closed_at
      from dispositions d join reports rep on rep.tenant_id = d.tenant_id and rep.id = d.report_id
      where d.tenant_id = ${tenantId}::uuid and d.status::text not in ('cancelled', 'returned')
    )
    select a.id, a.slug, a.name, a.short_name,
      count(d.agency_id)::int as assigned,
      count(d.first_at)::int as answered,
      percentile_cont(0.5) within group (order by extract(epoch from d.first_at - d.created_at))
        filter (where d.first_at is not null) as median_first,
      percentile_cont(0.5) within group (order by extract(epoch from d.closed_at - d.created_at))
        filter (where d.closed_at is not null) as median_done
    from agencies a left join d on d.agency_id = a.id
    where a.tenant_id = ${tenantId}::uuid and a.active ${one}
    group by a.id, a.slug, a.name, a.short_name
    order by count(d.agency_id) desc, a.name`)
  const rows = ((res as unknown as { rows?: unknown[] }).rows ?? (res as unknown as unknown[])) as Record<string, unknown>[]
  const hours = (v: unknown) => (v === null || v === undefined ? null : Number(v) / 3600)
  return rows.map((r) => ({
    id: String(r.id),
    slug: String(r.slug),
    name: String(r.name),
    shortName: String(r.short_name),
    assigned: Number(r.assigned),
    answered: Number(r.answered),
    medianFirstHours: hours(r.median_first),
    medianDoneHours: hours(r.median_done),
  }))
}

export async function findAgency(db: Db, tenantId: string, slug: string) {
  const [a] = await db
    .select({ id: agencies.id, slug: agencies.slug, name: agencies.name, shortName: agencies.shortName })
    .from(agencies)
    .where(and(eq(agencies.tenantId, tenantId), eq(agencies.slug, slug), eq(agencies.active, true)))
  return a ?? null
}

/** Klarifikasi and activity posts, masked like everything public. */
export async function listPosts(db: Db, tenantId: string, limit = 30) {
  const rows = await db
    .select({
      id: publicPosts.id,
      kind: publicPosts.kind,
      title: publicPosts.title,
      body: publicPosts.body,
      publishedAt: publicPosts.publishedAt,
      agencyName: agencies.name,
      agencySlug: agencies.slug,
    })
    .from(publicPosts)
    .leftJoin(agencies, and(eq(agencies.tenantId, publicPosts.tenantId), eq(agencies.id, publicPosts.agencyId)))
    .where(eq(publicPosts.tenantId, tenantId))
    .orderBy(desc(publicPosts.publishedAt))
    .limit(limit)
  return rows.map((p) => ({ ...p, title: mask(p.title), body: mask(p.body) }))
}

export async function homeFigures(db: Db, tenantId: string) {
  const res = await db.execute(sql`select
      (select count(*)::int from reports where tenant_id = ${tenantId}::uuid) as received,
      (select count(*)::int from reports where tenant_id = ${tenantId}::uuid and answered_at is not null) as answered,
      (select count(*)::int from agencies where tenant_id = ${tenantId}::uuid and active) as agencies`)
  const rows = ((res as unknown as { rows?: unknown[] }).rows ?? (res as unknown as unknown[])) as Record<string, unknown>[]
  const r = rows[0] ?? {}
  return { received: Number(r.received ?? 0), answered: Number(r.answered ?? 0), agencies: Number(r.agencies ?? 0) }
}

/** Ids of a public report's images that have a metadata-free copy. */
export async function publicImageIds(db: Db, tenantId: string, reportId: string): Promise<string[]> {
  const rows = await db
    .select({ id: attachments.id })
    .from(attachments)
    .where(and(eq(attachments.tenantId, tenantId), eq(attachments.reportId, reportId), isNotNull(attachments.publicStorageKey)))
  return rows.map((r) => r.id)
}
