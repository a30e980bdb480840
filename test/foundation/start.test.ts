// start() on PostgreSQL: migrates an empty database and seeds no demo data.
import { afterAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.ts'
import { start } from '../../src/main.ts'
import { BACKENDS, createTestDatabase, type TestDatabase } from '../harness/db.ts'

describe.runIf(BACKENDS.includes('postgres'))('start on PostgreSQL', () => {
  let t: TestDatabase
  afterAll(async () => t?.close())

  it('migrates an empty database, seeds nothing, serves ready', async () => {
    t = await createTestDatabase('postgres', { migrate: false })
    const config = loadConfig({
      DATABASE_URL: t.url,
      SECRET_KEY: 's'.repeat(40),
      LOG_LEVEL: 'silent',
      BASE_URL: 'http://localhost:3000',
      ADUAN_DEMO_PASSWORD: 'would-be-demo-password',
    })
    const running = await start(config, { listen: false, logger: false })
    try {
      const ready = await running.app.inject('/health/ready')
      expect(ready.statusCode).toBe(200)
      expect(ready.json().database).toBe('postgres')
      const [n] = await running.ctx.database.query<{ n: number }>('select count(*)::int as n from tenants')
      expect(n!.n).toBe(0)
      const [r] = await running.ctx.database.query<{ n: number }>('select count(*)::int as n from reports')
      expect(r!.n).toBe(0)
    } finally {
      await running.stop()
    }
  })
})
