import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Database } from '../db/connect.ts'
import { generateDemoScenarios } from './content.ts'
import { materialiseDemoReports, statusChanges } from './materialise.ts'
import { loadDemoRegions } from './regions.ts'
import { setupDemoTenant, type DemoTenant } from './tenant.ts'

const now = new Date('2026-03-16T03:00:00Z')
let database: Database
let demo: DemoTenant
let result: { reports: number; events: number }
let ms = 0

beforeAll(async () => {
  database = await openDatabase({ pgliteDataDir: 'memory://' })
  await database.migrate()
  demo = await database.db.transaction((tx) => setupDemoTenant(tx, { password: 'demo-password-123' }))
  const started = Date.now()
  result = await database.db.transaction((tx) => materialiseDemoReports(tx, demo, { now }))
  ms = Date.now() - started
  console.log(`materialiseDemoReports: ${result.reports} reports, ${result.events} events in ${ms} ms`)
}, 120_000)

afterAll(async () => {
  await database?.close()
})

describe('materialiseDemoReports', () => {
  it('writes several hundred reports quickly', async () => {
    expect(result.reports).toBeGreaterThanOrEqual(300)
    const [row] = await database.query<{ n: number }>('select count(*)::int as n from reports')
    expect(row!.n).toBe(result.reports)
    expect(ms).toBeLessThan(15_000)
  })

  it('stores each scenario in its final status with one status event per status change', async () => {
    const scenarios = generateDemoScenarios({ now, regions: await loadDemoRegions() })
    const rows = await database.query<{ key: string; status: string; events: number; changes: number }>(
      `select r.external_refs->>'demo' as key, r.status::text as status,
              (select count(*)::int from report_events e where e.report_id = r.id) as events,
              (select count(*)::int from report_events e where e.report_id = r.id and e.to_status is not null) as changes
         from reports r`,
    )
    const byKey = new Map(rows.map((r) => [r.key, r]))
    expect(byKey.size).toBe(scenarios.length)
    for (const s of scenarios) {
      const r = byKey.get(s.key)
      expect(r, s.key).toBeDefined()
      expect(r!.status, s.key).toBe(s.finalStatus)
      expect(r!.events, s.key).toBeGreaterThanOrEqual(1)
      expect(r!.changes, s.key).toBe(statusChanges(s))
    }
    const [n] = await database.query<{ n: number }>('select count(*)::int as n from report_events')
    expect(n!.n).toBe(result.events)
  })

  it('references only existing agencies, reports and contacts', async () => {
    const missing = await database.query<{ n: number }>(
      `select
         (select count(*)::int from dispositions d where not exists (select 1 from agencies a where a.id = d.agency_id))
       + (select count(*)::int from responses x where x.agency_id is not null and not exists (select 1 from agencies a where a.id = x.agency_id))
       + (select count(*)::int from report_events e where e.agency_id is not null and not exists (select 1 from agencies a where a.id = e.agency_id))
       + (select count(*)::int from reports r where r.master_report_id is not null and not exists (select 1 from reports m where m.id = r.master_report_id))
       + (select count(*)::int from reports r where not exists (select 1 from contacts c where c.id = r.contact_id))
       + (select count(*)::int from reports r where r.category_id is not null and not exists (select 1 from categories c where c.id = r.category_id))
       as n`,
    )
    expect(missing[0]!.n).toBe(0)
    const [tenantIds] = await database.query<{ n: number }>(
      'select count(distinct tenant_id)::int as n from reports',
    )
    expect(tenantIds!.n).toBe(1)
    expect(demo.tenantId).toBeTruthy()
  })

  it('gives unique NGR- tracking codes and a message per message-channel report', async () => {
    const codes = await database.query<{ c: string }>('select tracking_code as c from reports')
    for (const { c } of codes) expect(c).toMatch(/^NGR-[A-Z2-7]{6}$/)
    const [m] = await database.query<{ n: number }>(
      `select count(*)::int as n from reports r where r.conversation_id is not null
         and not exists (select 1 from messages m where m.report_id = r.id and m.direction = 'in')`,
    )
    expect(m!.n).toBe(0)
  })
})
