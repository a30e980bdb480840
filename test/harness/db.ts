// Test databases: every integration suite runs against embedded PGlite and a real PostgreSQL.
// PGlite: a migrated template is dumped once (cached on disk across test processes) and loaded per
// test (fast).
// PostgreSQL: a fresh database per test file, copied from a migrated template database (made once
// per state of the migrations) on TEST_DATABASE_URL's server, and dropped after.
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { dumpPglite, openDatabase, type Database } from '../../src/db/connect.ts'

export type Backend = 'pglite' | 'postgres'
export const BACKENDS: Backend[] = process.env.TEST_BACKENDS
  ? (process.env.TEST_BACKENDS.split(',') as Backend[])
  : ['pglite', 'postgres']

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

/**
 * The migrated PGlite template is also kept on disk, keyed by the migrations and the PGlite
 * version: every test file runs in its own process, and initdb plus the migrations cost each of
 * them 10-20 s on a busy 2-core machine. Written atomically (rename), so parallel files may race.
 */
const TEMPLATE_DIR = path.join(os.tmpdir(), 'aduan-test-templates')
const MIGRATIONS = path.resolve(import.meta.dirname, '../../src/db/migrations')

let migrationsKey: string | undefined
/** Changes with any migration file or the PGlite version. */
function templateKey(): string {
  if (migrationsKey) return migrationsKey
  const h = crypto.createHash('sha256')
  const pglite = path.resolve(import.meta.dirname, '../../node_modules/@electric-sql/pglite/package.json')
  h.update(fs.readFileSync(pglite))
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name)
      if (e.isDirectory()) walk(p)
      else h.update(`${path.relative(MIGRATIONS, p)}\0`).update(fs.readFileSync(p))
    }
  }
  walk(MIGRATIONS)
  return (migrationsKey = h.digest('hex').slice(0, 24))
}
const templateFile = () => path.join(TEMPLATE_DIR, `pglite-${templateKey()}.tar`)

/**
 * PostgreSQL: a migrated template database per state of the migrations, made once by whichever
 * test file comes first (under an advisory lock); each file's database is a copy of it (CREATE
 * DATABASE ... TEMPLATE), which is faster than running every migration again.
 */
let pgTemplate: Promise<string> | undefined
async function postgresTemplate(): Promise<string> {
  pgTemplate ??= (async () => {
    const name = `aduan_tpl_${templateKey().slice(0, 16)}`
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL })
    await admin.connect()
    try {
      const exists = async () => (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1
      if (await exists()) return name
      await admin.query('select pg_advisory_lock(7215530101)')
      try {
        if (await exists()) return name
        const building = `${name}_b${crypto.randomBytes(3).toString('hex')}`
        await admin.query(`create database ${building}`)
        const url = new URL(TEST_DATABASE_URL)
        url.pathname = `/${building}`
        const d = await openDatabase({ databaseUrl: url.toString(), poolSize: 1 })
        try {
          await d.migrate()
        } finally {
          await d.close()
        }
        await admin.query(`alter database ${building} rename to ${name}`)
        await pruneOldPostgresTemplates(admin, name)
        return name
      } finally {
        await admin.query('select pg_advisory_unlock(7215530101)')
      }
    } finally {
      await admin.end()
    }
  })()
  try {
    return await pgTemplate
  } catch (err) {
    pgTemplate = undefined
    throw err
  }
}

/** Templates of other migration states are dropped once a day old (a day: a concurrent run on an older checkout keeps its own). */
const STALE_MS = 24 * 3600_000

async function pruneOldPostgresTemplates(admin: pg.Client, keep: string): Promise<void> {
  try {
    const { rows } = await admin.query<{ datname: string; modified: Date }>(
      `select datname, (pg_stat_file('base/' || oid || '/PG_VERSION')).modification as modified
         from pg_database where datname like 'aduan\\_tpl\\_%' and datname <> $1`,
      [keep],
    )
    for (const r of rows) {
      if (Date.now() - new Date(r.modified).getTime() > STALE_MS) await admin.query(`drop database if exists ${r.datname} with (force)`)
    }
  } catch {
    /* not a superuser, or a race with another run: the next build tries again */
  }
}

function pruneOldFiles(dir: string, pattern: RegExp, keep: string): void {
  for (const name of fs.readdirSync(dir)) {
    const p = path.join(dir, name)
    if (p === keep || !pattern.test(name)) continue
    try {
      if (Date.now() - fs.statSync(p).mtimeMs > STALE_MS) fs.rmSync(p, { force: true })
    } catch {
      /* removed by a parallel file */
    }
  }
}

let template: Promise<Blob> | undefined
async function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const file = templateFile()
    if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)], { type: 'application/x-tar' })
    const d = await openDatabase({ pgliteDataDir: 'memory://' })
    await d.migrate()
    const blob = await dumpPglite(d)
    await d.close()
    try {
      fs.mkdirSync(TEMPLATE_DIR, { recursive: true })
      const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`
      fs.writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()))
      fs.renameSync(tmp, file)
      pruneOldFiles(TEMPLATE_DIR, /^pglite-.*\.tar/, file)
    } catch {
      /* a read-only tmp: this process keeps its template in memory */
    }
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
  const from = migrate ? await postgresTemplate() : null
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL })
  await admin.connect()
  try {
    await admin.query(`create database ${name}${from ? ` template ${from}` : ''}`)
  } finally {
    await admin.end()
  }
  const url = new URL(TEST_DATABASE_URL)
  url.pathname = `/${name}`
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 })
  if (migrate) await database.migrate() // nothing left to apply on a copy of the template: a check
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
