import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BACKENDS, createTestDatabase, type TestDatabase } from '../harness/db.ts'

describe.each(BACKENDS)('migrations on %s', (backend) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await createTestDatabase(backend, { migrate: false })
  })
  afterAll(async () => t?.close())

  it('apply from empty, report readiness, and are idempotent', async () => {
    expect(await t.database.migrationsApplied()).toBe(false)
    await t.database.migrate()
    expect(await t.database.migrationsApplied()).toBe(true)
    await t.database.migrate()
    const tables = await t.database.query<{ n: number }>(
      `select count(*)::int as n from information_schema.tables where table_schema = 'public'`,
    )
    expect(tables[0]!.n).toBeGreaterThanOrEqual(28)
  })

  it('every tenant-owned table carries tenant_id in its primary key', async () => {
    const rows = await t.database.query<{ table_name: string; has: boolean }>(`
      select c.table_name,
        bool_or(k.column_name = 'tenant_id') as has
      from information_schema.tables c
      join information_schema.table_constraints tc on tc.table_name = c.table_name and tc.constraint_type = 'PRIMARY KEY'
      join information_schema.key_column_usage k on k.constraint_name = tc.constraint_name
      where c.table_schema = 'public'
      group by c.table_name`)
    const global = new Set(['tenants', 'users', 'sessions', 'jobs'])
    for (const r of rows) if (!global.has(r.table_name)) expect(r.has, r.table_name).toBe(true)
  })

  it('keeps report_events append-only', async () => {
    const [tn] = await t.database.query<{ id: string }>(
      `insert into tenants (slug, name, kind, region_code, time_zone, code_prefix) values ('x','X','kabupaten','11.15','Asia/Jakarta','X') returning id`,
    )
    const [r] = await t.database.query<{ id: string }>(
      `insert into reports (tenant_id, tracking_code, body, channel_type) values ($1, 'X-1', 'jalan rusak', 'web') returning id`,
      [tn!.id],
    )
    await t.database.query(
      `insert into report_events (tenant_id, report_id, type, actor_kind) values ($1, $2, 'received', 'reporter')`,
      [tn!.id, r!.id],
    )
    await expect(t.database.query(`update report_events set type = 'x'`)).rejects.toThrow(/append-only/)
    await expect(t.database.query(`delete from report_events`)).rejects.toThrow(/append-only/)
  })
})
