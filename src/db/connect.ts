// Opens the database: PostgreSQL through a pool when DATABASE_URL is set, otherwise embedded
// PGlite under DATA_DIR (locked against a second process). Both get the same schema and migrations.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import type { SQL } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import pg from 'pg'
import * as schema from './schema/index.ts'
import { lockDataDir, type DirLock } from './lock.ts'

export type Schema = typeof schema
/** The database or an open transaction: every query function takes one of these. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>

/** Rows of a raw query on either backend (node-postgres and PGlite shape `execute` results differently). */
export async function rowsOf<T>(db: Db, q: SQL): Promise<T[]> {
  const res = (await db.execute(q)) as unknown as { rows?: T[] } | T[]
  return Array.isArray(res) ? res : (res.rows ?? [])
}

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations')

export interface Database {
  db: Db
  kind: 'pglite' | 'postgres'
  /** Run raw SQL with parameters; rows come back as plain objects. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>
  /** Listen on a NOTIFY channel; resolves to an unsubscribe function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>
  migrate(): Promise<void>
  /** True when every migration file is recorded as applied. */
  migrationsApplied(): Promise<boolean>
  close(): Promise<void>
}

export interface OpenOptions {
  databaseUrl?: string
  dataDir?: string
  /** 'memory://' for tests. */
  pgliteDataDir?: string
  /** A PGlite data dir dump (from dumpDataDir) to start from: tests clone a migrated template. */
  loadDataDir?: Blob | File
  poolSize?: number
  /** PostgreSQL's application_name (pg_stat_activity shows which process holds a connection). */
  applicationName?: string
}

function migrationCount(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8'))
  return journal.entries.length
}

async function appliedCount(query: Database['query']): Promise<number> {
  try {
    const rows = await query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations')
    return rows[0]?.n ?? 0
  } catch {
    return 0
  }
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts.poolSize ?? 10, opts.applicationName) : openPglite(opts)
}

async function openPostgres(url: string, poolSize: number, applicationName?: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, ...(applicationName ? { application_name: applicationName } : {}) })
  pool.on('error', () => {
    /* an idle client died (e.g. server restart); the pool replaces it */
  })
  const db = drizzlePg(pool, { schema }) as unknown as Db
  const query: Database['query'] = async (text, params) => (await pool.query(text, params as unknown[])).rows
  let listener: pg.PoolClient | undefined
  const handlers = new Map<string, Set<(p: string) => void>>()
  return {
    db,
    kind: 'postgres',
    query,
    async listen(channel, onPayload) {
      if (!listener) {
        listener = await pool.connect()
        listener.on('notification', (n) => {
          for (const h of handlers.get(n.channel) ?? []) h(n.payload ?? '')
        })
      }
      if (!handlers.has(channel)) {
        handlers.set(channel, new Set())
        await listener.query(`LISTEN "${channel.replace(/"/g, '')}"`)
      }
      handlers.get(channel)!.add(onPayload)
      return async () => {
        handlers.get(channel)?.delete(onPayload)
      }
    },
    async migrate() {
      // One migrator at a time across processes.
      const client = await pool.connect()
      try {
        await client.query('select pg_advisory_lock(727274)')
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder: MIGRATIONS_DIR })
      } finally {
        await client.query('select pg_advisory_unlock(727274)').catch(() => {})
        client.release()
      }
    },
    async migrationsApplied() {
      return (await appliedCount(query)) >= migrationCount()
    },
    async close() {
      listener?.release()
      await pool.end()
    },
  }
}

async function openPglite(opts: OpenOptions): Promise<Database> {
  let lock: DirLock | undefined
  let dataDir = opts.pgliteDataDir
  if (!dataDir) {
    const root = opts.dataDir ?? './data'
    lock = lockDataDir(root)
    dataDir = path.join(root, 'pglite')
  }
  let client: PGlite
  try {
    client = await PGlite.create({
      dataDir,
      extensions: { pg_trgm },
      ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    })
  } catch (err) {
    lock?.release()
    throw err
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db
  const query: Database['query'] = async (text, params) =>
    (await client.query<Record<string, unknown>>(text, params as unknown[])).rows as never
  return {
    db,
    kind: 'pglite',
    query,
    async listen(channel, onPayload) {
      const unsub = await client.listen(channel, onPayload)
      return async () => unsub()
    },
    async migrate() {
      await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: MIGRATIONS_DIR })
    },
    async migrationsApplied() {
      return (await appliedCount(query)) >= migrationCount()
    },
    async close() {
      try {
        await client.close()
      } finally {
        lock?.release()
      }
    },
  }
}

/** A PGlite instance exposes dumpDataDir; tests use it to clone a migrated template quickly. */
export async function dumpPglite(database: Database): Promise<Blob> {
  const client = (database.db as unknown as { $client: PGlite }).$client
  return client.dumpDataDir('none')
}
