// One dashboard load: every panel for the same filters, plus the labels the panels need.
import { and, eq } from 'drizzle-orm'
import type { Db } from '../db/connect.ts'
import { agencies, categories, tenants } from '../db/schema/index.ts'
import { districtsOf } from './boundaries.ts'
import { previousPeriod, resolvePeriod, type Granularity, type Period } from './period.ts'
import {
  breakdownQuery,
  recentTextsQuery,
  scoreboardQuery,
  summaryQuery,
  trendQuery,
  type Query,
  type ScoreRow,
} from './queries.ts'
import type { DashboardFilters, DashboardScope } from './scope.ts'
import { trendingTerms } from './trending.ts'

/** Reports sampled per period for trending topics: bounds the work whatever the volume. */
export const TRENDING_SAMPLE = 500

export interface DashboardInput extends DashboardFilters {
  from?: string
  to?: string
  granularity?: Granularity
}

export async function tenantTimeZone(db: Db, tenantId: string): Promise<string> {
  const [t] = await db.select({ tz: tenants.timeZone }).from(tenants).where(eq(tenants.id, tenantId))
  return t?.tz ?? 'Asia/Jakarta'
}

export async function buildQuery(db: Db, scope: DashboardScope, input: DashboardInput, now: Date): Promise<Query> {
  const tz = await tenantTimeZone(db, scope.tenantId)
  const period: Period = resolvePeriod(input, tz, now)
  const { channel, kind, category, agency, district } = input
  return { scope, period, now, filters: { channel, kind, category, agency, district } }
}

/** SLA compliance over every agency's dispositions (answered on time / due). */
export function overallCompliance(rows: readonly ScoreRow[]): number | null {
  const onTime = rows.reduce((s, r) => s + r.answeredOnTime, 0)
  const due = rows.reduce((s, r) => s + r.answered + r.overdueOpen, 0)
  return due === 0 ? null : Math.round((onTime / due) * 1000) / 10
}

export async function trendingQuery(db: Db, q: Query) {
  const prev = { ...q, period: previousPeriod(q.period) }
  const [cur, before] = [await recentTextsQuery(db, q, TRENDING_SAMPLE), await recentTextsQuery(db, prev, TRENDING_SAMPLE)]
  return trendingTerms(cur, before)
}

export async function loadDashboard(db: Db, q: Query) {
  // Sequential on purpose: PGlite serves one query at a time, and on PostgreSQL the pool is shared.
  const summary = await summaryQuery(db, q)
  const trend = await trendQuery(db, q)
  const breakdowns = await breakdownQuery(db, q)
  const scoreboard = await scoreboardQuery(db, q)
  const trending = await trendingQuery(db, q)
  const { start, end, offsetMinutes: _o, ...period } = q.period
  return {
    period: { ...period, start, end },
    filters: q.filters,
    scope: q.scope.agencyIds === null ? 'tenant' : 'agencies',
    summary: { ...summary, slaCompliance: overallCompliance(scoreboard) },
    trend,
    breakdowns,
    scoreboard,
    trending,
  }
}

/** Names for filter menus and panel labels; agency users get only their agencies. */
export async function dashboardOptions(db: Db, scope: DashboardScope) {
  const ags = await db
    .select({ id: agencies.id, name: agencies.name, shortName: agencies.shortName })
    .from(agencies)
    .where(and(eq(agencies.tenantId, scope.tenantId), eq(agencies.active, true)))
    .orderBy(agencies.name)
  const cats = await db
    .select({ id: categories.id, name: categories.name })
    .from(categories)
    .where(eq(categories.tenantId, scope.tenantId))
    .orderBy(categories.name)
  return {
    agencies: scope.agencyIds === null ? ags : ags.filter((a) => scope.agencyIds!.includes(a.id)),
    categories: cats,
    districts: await districtsOf(db, scope.tenantId),
  }
}
