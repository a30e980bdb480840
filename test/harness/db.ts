// Test databases: every integration suite runs against embedded PGlite and a real PostgreSQL.
// PGlite: a migrated template is dumped once per worker and loaded per test (fast).
// PostgreSQL: a fresh database per test file, created from TEST_DATABASE_URL and dropped after.
import crypto from 'node:crypto'
import pg from 'pg'
import { dumpPglite, openDatabase, type Database } from '../../src/db/connect.ts'

export type Backend = 'pglite' | 'postgres'
export const BACKENDS: Backend[] = process.env.TEST_BACKENDS
  ? (process.env.TEST_BACKENDS.split(',') as Backend[])
  : ['pglite', 'postgres']

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

let template: Promise<Blob> | undefined
async function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const d = await openDatabase({ pgliteDataDir: 'memory://' })
    await d.migrate()
    const blob = await dumpPglite(d)
    await d.close()
    return blob
  })()
  return template
}

export interface TestDatabase {
  database: Database
  url?: string
  close(): Promise<void>
}

/** A migrated, empty database of the given kind. */
export async function createTestDatabase(backend: Backend, opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const migrate = opts.migrate !== false
  if (backend === 'pglite') {
    const database = migrate
      ? await openDatabase({ pgliteDataDir: 'memory://', loadDataDir: await pgliteTemplate() })
      : await openDatabase({ pgliteDataDir: 'memory://' })
    return { database, close: () => database.close() }
  }
  const name = `aduan_t_${crypto.randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(TEST_DATABASE_URL)
  url.pathname = `/${name}`
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 })
  if (migrate) await database.migrate()
  return {
    database,
    url: url.toString(),
    async close() {
      await database.close()
      const a = new pg.Client({ connectionString: TEST_DATABASE_URL })
      await a.connect()
      await a.query(`drop database if exists ${name} with (force)`)
      await a.end()
    },
  }
}
