// bench/dashboard: p50/p95 of every dashboard query and of the report list with common filters,
// on N (default 1,000,000) seeded reports in PostgreSQL. Not part of npm test.
// Usage: npx tsx bench/dashboard/run.ts
//   env: N=1000000  RUNS=30  REUSE=1 (skip seeding when the database already holds N reports)
//        ONLY=<regex> (run only the cases whose name matches, e.g. ONLY='report list')
//        MORE=1 (also the leader with a category, a channel alone and a kind alone: 30 more cases)
//        BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres (an admin connection;
//        the bench creates and uses its own database aduan_bench_dashboard)
import os from 'node:os'
import pg from 'pg'
import type { Principal } from '../../src/accounts/users.ts'
import { buildQuery, trendingQuery } from '../../src/analytics/dashboard.ts'
import { addDays, localDay } from '../../src/analytics/period.ts'
import { breakdownQuery, reportRowsQuery, scoreboardQuery, summaryQuery, trendQuery, type Query } from '../../src/analytics/queries.ts'
import { scopeOf } from '../../src/analytics/scope.ts'
import { openDatabase, type Database } from '../../src/db/connect.ts'
import { listReportsFor, type ListFilters } from '../../src/reports/queries.ts'
import type { Role } from '../../src/reports/model.ts'
import { seed } from './seed.ts'

const N = Number(process.env.N ?? 1_000_000)
const RUNS = Number(process.env.RUNS ?? 30)
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const DB_NAME = 'aduan_bench_dashboard'
const log = (s: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${s}`)
const loadavg = () => os.loadavg().map((x) => x.toFixed(2)).join(', ')

function pct(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

async function existing(): Promise<{ database: Database; tenantId: string; agencyIds: string[]; categoryIds: string[] } | null> {
  const url = new URL(ADMIN_URL)
  url.pathname = `/${DB_NAME}`
  const probe = new pg.Client({ connectionString: url.toString() })
  try {
    await probe.connect()
    const [t] = (await probe.query(`select id from tenants where slug = 'bench'`)).rows
    const [c] = (await probe.query(`select count(*)::int as n from reports`)).rows
    await probe.end()
    if (!t || c.n !== N) return null
    const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 })
    const agencyIds = (await database.query<{ id: string }>('select id from agencies where tenant_id = $1 order by slug', [t.id])).map((r) => r.id)
    const categoryIds = (await database.query<{ id: string }>('select id from categories where tenant_id = $1 order by slug', [t.id])).map((r) => r.id)
    return { database, tenantId: t.id, agencyIds, categoryIds }
  } catch {
    await probe.end().catch(() => {})
    return null
  }
}

function principal(tenantId: string, role: Role, agencyIds: string[] = []): Principal {
  return {
    user: { id: '00000000-0000-0000-0000-000000000001', email: 'bench@aduan.test', name: 'Bench', locale: 'id' },
    tenantId,
    memberships: [],
    roles: new Set([role]),
    agencyIds,
    via: 'token',
  }
}

async function main() {
  log(`load average ${loadavg()}`)
  let env = process.env.REUSE ? await existing() : null
  if (env) log(`reusing ${DB_NAME} with ${N} reports`)
  else {
    log(`seeding ${N} reports into ${DB_NAME}`)
    env = await seed(ADMIN_URL, DB_NAME, N, log)
  }
  const { database, tenantId, agencyIds, categoryIds } = env
  const db = database.db
  const [{ reports, dispositions }] = await database.query<{ reports: number; dispositions: number }>(
    `select (select count(*)::int from reports) as reports, (select count(*)::int from dispositions) as dispositions`,
  )
  const [busiest] = await database.query<{ district_code: string; agency_id: string }>(
    `select (select district_code from reports group by 1 order by count(*) desc limit 1) as district_code,
            (select agency_id from dispositions group by 1 order by count(*) desc limit 1) as agency_id`,
  )
  log(`${reports} reports, ${dispositions} dispositions; busiest kecamatan ${busiest!.district_code}`)

  const now = new Date()
  const today = localDay(now, 'Asia/Jakarta')
  const leader = principal(tenantId, 'leader')
  const head = principal(tenantId, 'agency_head', [busiest!.agency_id])
  const periods = {
    '30 days (by day)': { from: addDays(today, -29), to: today },
    '90 days (by week)': { from: addDays(today, -89), to: today, granularity: 'week' as const },
    '12 months (by month)': { from: addDays(today, -364), to: today, granularity: 'month' as const },
  }
  const panels: [string, (q: Query) => Promise<unknown>][] = [
    ['summary', (q) => summaryQuery(db, q)],
    ['trend', (q) => trendQuery(db, q)],
    ['breakdowns', (q) => breakdownQuery(db, q)],
    ['scoreboard', (q) => scoreboardQuery(db, q)],
    ['trending topics', (q) => trendingQuery(db, q)],
  ]
  const cases: { name: string; run: () => Promise<unknown> }[] = []
  const scenarios: [string, Principal, Record<string, string>][] = [
    ['leader', leader, {}],
    ['leader, kecamatan', leader, { district: busiest!.district_code }],
    ['leader, agency', leader, { agency: busiest!.agency_id }],
    ['leader, channel+kind', leader, { channel: 'whatsapp', kind: 'pengaduan' }],
    ['agency head (own scope)', head, {}],
  ]
  if (process.env.MORE) {
    const [top] = await database.query<{ category_id: string }>(
      'select category_id from reports where category_id is not null group by 1 order by count(*) desc limit 1',
    )
    scenarios.push(
      ['leader, category', leader, { category: top!.category_id }],
      ['leader, channel', leader, { channel: 'whatsapp' }],
      ['leader, kind', leader, { kind: 'pengaduan' }],
    )
  }
  for (const [sname, p, f] of scenarios)
    for (const [pname, period] of Object.entries(periods)) {
      if (sname !== 'leader' && pname.startsWith('90')) continue
      const q = await buildQuery(db, scopeOf(p), { ...period, ...f }, now)
      for (const [panel, fn] of panels) cases.push({ name: `${panel} | ${sname} | ${pname}`, run: () => fn(q) })
    }
  const q30 = await buildQuery(db, scopeOf(leader), periods['30 days (by day)'], now)
  cases.push({ name: 'export rows (first 1,000) | leader | 30 days', run: () => reportRowsQuery(db, q30, 1000) })
  const lists: [string, Principal, ListFilters][] = [
    ['newest 50', leader, {}],
    ['status=dispatched', leader, { status: ['dispatched'] }],
    ['kecamatan', leader, { region: busiest!.district_code }],
    ['agency', leader, { agency: busiest!.agency_id }],
    ['category', leader, { category: categoryIds[0] }],
    ['channel=sms, last 30 days', leader, { channel: ['sms'], from: new Date(+now - 30 * 86_400_000) }],
    ['full text "banjir"', leader, { q: 'banjir' }],
    ['sla=overdue', leader, { sla: 'overdue' }],
    ['agency head inbox', head, {}],
  ]
  for (const [name, p, f] of lists) cases.push({ name: `report list: ${name}`, run: () => listReportsFor(db, p, { ...f, limit: 50 }, now) })
  void agencyIds

  const only = process.env.ONLY ? new RegExp(process.env.ONLY) : null
  const results: { name: string; p50: number; p95: number; max: number }[] = []
  for (const c of cases.filter((x) => !only || only.test(x.name))) {
    await c.run()
    await c.run()
    const times: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now()
      await c.run()
      times.push(performance.now() - t)
    }
    times.sort((a, b) => a - b)
    const r = { name: c.name, p50: pct(times, 50), p95: pct(times, 95), max: times.at(-1)! }
    results.push(r)
    log(`${r.name.padEnd(64)} p50 ${r.p50.toFixed(1).padStart(7)} ms  p95 ${r.p95.toFixed(1).padStart(7)} ms`)
  }
  log(`load average ${loadavg()}`)
  const over = results.filter((r) => r.p95 >= 150)
  console.log('\n| query | filters | period | p50 ms | p95 ms |\n| --- | --- | --- | ---: | ---: |')
  for (const r of results) {
    const [a, b = '', c = ''] = r.name.split(' | ')
    console.log(`| ${a} | ${b} | ${c} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)}${r.p95 >= 150 ? ' ⚠' : ''} |`)
  }
  console.log(`\n${results.length - over.length} of ${results.length} queries at p95 < 150 ms`)
  await database.close()
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
