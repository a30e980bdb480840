// GET requests and GET requests/{id}: only what the public portal may show (privacy.ts isPublic:
// verified, published status, not confidential, not about officials), texts masked by redaction
// (the reporter's own name too), no reporter identity, and the location only to the desa or
// kecamatan (its centroid), never the exact point. Four queries per page, none per row.
import { and, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/connect.ts'
import { agencies, categories, contacts, dispositions, regions, reports, responses } from '../../db/schema/index.ts'
import { publicReportSql } from '../../reports/public-sql.ts'
import type { ReportStatus } from '../../reports/model.ts'
import { redactText } from '../../triage/redact.ts'
import type { Jurisdiction } from './jurisdiction.ts'
import { w3c } from './format.ts'

export const CLOSED_STATUSES: readonly ReportStatus[] = ['closed', 'archived', 'merged']


export interface RequestFilters {
  ids?: string[]
  serviceCodes?: string[]
  start?: Date
  end?: Date
  status?: ('open' | 'closed')[]
  limit: number
}

export async function findPublicRequests(db: Db, j: Jurisdiction, f: RequestFilters) {
  const where: SQL[] = [publicReportSql(j.id)]
  if (f.ids) {
    where.push(inArray(reports.trackingCode, f.ids))
  } else {
    if (f.serviceCodes?.length) where.push(inArray(categories.slug, f.serviceCodes))
    if (f.start) where.push(gte(reports.createdAt, f.start))
    if (f.end) where.push(lte(reports.createdAt, f.end)) // end_date is the latest to include
    const st = f.status ?? []
    if (st.length === 1) {
      const closed = sql`${reports.status}::text in (${sql.join(CLOSED_STATUSES.map((s) => sql`${s}`), sql`, `)})`
      where.push(st[0] === 'closed' ? closed : sql`not (${closed})`)
    }
  }
  const rows = await db
    .select({
      id: reports.id,
      trackingCode: reports.trackingCode,
      status: reports.status,
      title: reports.title,
      body: reports.body,
      regionCode: reports.regionCode,
      districtCode: reports.districtCode,
      latitude: reports.latitude,
      longitude: reports.longitude,
      dueAt: reports.dueAt,
      createdAt: reports.createdAt,
      updatedAt: reports.updatedAt,
      serviceCode: categories.slug,
      serviceName: categories.name,
      reporterName: contacts.name,
    })
    .from(reports)
    .leftJoin(categories, and(eq(categories.tenantId, reports.tenantId), eq(categories.id, reports.categoryId)))
    .leftJoin(contacts, and(eq(contacts.tenantId, reports.tenantId), eq(contacts.id, reports.contactId)))
    .where(and(...where))
    .orderBy(desc(reports.createdAt), desc(reports.id))
    .limit(f.limit)
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const [agencyRows, responseRows, regionRows] = await Promise.all([
    db
      .select({ reportId: dispositions.reportId, name: agencies.name })
      .from(dispositions)
      .innerJoin(agencies, and(eq(agencies.tenantId, dispositions.tenantId), eq(agencies.id, dispositions.agencyId)))
      .where(and(eq(dispositions.tenantId, j.id), inArray(dispositions.reportId, ids), inArray(dispositions.status, ['pending', 'in_progress', 'answered']))),
    db
      .select({ reportId: responses.reportId, body: responses.body, publishedAt: responses.publishedAt })
      .from(responses)
      .where(and(eq(responses.tenantId, j.id), inArray(responses.reportId, ids), eq(responses.status, 'published')))
      .orderBy(desc(responses.publishedAt)),
    db
      .select({ code: regions.code, name: regions.name, lat: regions.latitude, long: regions.longitude })
      .from(regions)
      .where(and(eq(regions.tenantId, j.id), inArray(regions.code, [...new Set(rows.flatMap((r) => [r.regionCode, r.districtCode]).filter((c): c is string => !!c))].concat(['-'])))),
  ])
  const regionOf = new Map(regionRows.map((r) => [r.code, r]))
  return rows.map((r) => {
    const mask = (s: string) => redactText(s, { names: r.reporterName ? [r.reporterName] : [] })
    const agenciesOf = [...new Set(agencyRows.filter((a) => a.reportId === r.id).map((a) => a.name))]
    const answer = responseRows.find((x) => x.reportId === r.id)
    const village = r.regionCode ? regionOf.get(r.regionCode) : undefined
    const district = r.districtCode && r.districtCode !== r.regionCode ? regionOf.get(r.districtCode) : undefined
    const place = [village, district].filter((x) => !!x)
    const point = place.find((p) => p!.lat !== null && p!.long !== null)
    const closed = CLOSED_STATUSES.includes(r.status)
    return {
      service_request_id: r.trackingCode,
      status: closed ? 'closed' : 'open',
      status_notes: answer ? mask(answer.body) : null,
      service_name: r.serviceName ?? '',
      service_code: r.serviceCode ?? '',
      description: mask(r.title ? `${r.title}: ${r.body}` : r.body),
      agency_responsible: agenciesOf.join('; ') || null,
      service_notice: null,
      requested_datetime: w3c(r.createdAt, j.timeZone),
      updated_datetime: w3c(r.updatedAt, j.timeZone),
      expected_datetime: closed ? null : w3c(r.dueAt, j.timeZone),
      address: place.map((p) => p!.name).join(', ') || null,
      address_id: r.regionCode,
      zipcode: null,
      // The desa's or kecamatan's centroid; without one, the point rounded to about a kilometre.
      lat: point ? point.lat : r.latitude === null ? null : Math.round(r.latitude * 100) / 100,
      long: point ? point.long : r.longitude === null ? null : Math.round(r.longitude * 100) / 100,
      media_url: null,
    }
  })
}
