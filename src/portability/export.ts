// Streams a tenant as JSON lines (format.ts): header, settings, then reports and everything that
// belongs to them, each table read in keyset pages so a million reports never sit in memory.
// Channel secrets and integration tokens stay out unless withSecrets; even then they stay sealed
// with this instance's SECRET_KEY (the target needs the same key to open them).
import { and, asc, eq, sql, type SQL } from 'drizzle-orm'
import type { Column } from 'drizzle-orm'
import { getTableColumns } from 'drizzle-orm'
import type { Db } from '../db/connect.ts'
import { tenants } from '../db/schema/index.ts'
import { exportedColumns, FORMAT, FORMAT_VERSION, RECORD_TYPES, settingsForExport, type RecordType } from './format.ts'

export const PAGE_SIZE = 1000

export interface ExportOptions {
  withSecrets?: boolean
  now?: Date
  pageSize?: number
}

const line = (type: string, data: unknown) => JSON.stringify({ type, data }) + '\n'

/** Rows of one record type for a tenant, in key order, one page at a time. */
async function* pages(db: Db, tenantId: string, rt: RecordType, pageSize: number): AsyncGenerator<Record<string, unknown>[]> {
  const cols = getTableColumns(rt.table) as Record<string, Column>
  const keyCols = rt.key.map((k) => cols[k]!)
  let after: unknown[] | null = null
  for (;;) {
    const conds: SQL[] = [rt.scope ? rt.scope(tenantId) : eq(cols.tenantId!, tenantId)]
    if (after) {
      const left = sql.join(keyCols.map((c) => sql`${c}`), sql`, `)
      const right = sql.join(after.map((v, i) => sql`${keyCols[i]!.mapToDriverValue(v)}`), sql`, `)
      conds.push(sql`(${left}) > (${right})`)
    }
    const rows = (await db
      .select()
      .from(rt.table)
      .where(and(...conds))
      .orderBy(...keyCols.map((c) => asc(c)))
      .limit(pageSize)) as Record<string, unknown>[]
    if (rows.length === 0) return
    yield rows
    if (rows.length < pageSize) return
    const last = rows.at(-1)!
    after = rt.key.map((k) => last[k])
  }
}

export class TenantNotFoundError extends Error {
  override name = 'TenantNotFoundError'
}

/** The whole tenant as JSON lines; the last line counts the records per type. */
export async function* exportTenant(db: Db, slug: string, opts: ExportOptions = {}): AsyncGenerator<string> {
  const withSecrets = opts.withSecrets ?? false
  const pageSize = opts.pageSize ?? PAGE_SIZE
  const [t] = await db.select().from(tenants).where(eq(tenants.slug, slug))
  if (!t) throw new TenantNotFoundError(`No tenant with slug "${slug}".`)
  yield line('header', {
    format: FORMAT,
    version: FORMAT_VERSION,
    exportedAt: (opts.now ?? new Date()).toISOString(),
    withSecrets,
    tenant: {
      id: t.id,
      slug: t.slug,
      name: t.name,
      kind: t.kind,
      regionCode: t.regionCode,
      timeZone: t.timeZone,
      codePrefix: t.codePrefix,
      settings: settingsForExport(t.settings, withSecrets),
      createdAt: t.createdAt.toISOString(),
    },
  })
  const counts: Record<string, number> = {}
  for (const rt of RECORD_TYPES) {
    const keep = exportedColumns(rt).map(([k]) => k)
    counts[rt.type] = 0
    for await (const rows of pages(db, t.id, rt, pageSize)) {
      let chunk = ''
      for (const row of rows) {
        const data: Record<string, unknown> = {}
        for (const k of keep) data[k] = row[k]
        if (rt.type === 'channel_account' && !withSecrets) {
          delete data.secretConfig
          data.active = false
        }
        chunk += line(rt.type, data)
      }
      counts[rt.type] += rows.length
      yield chunk
    }
  }
  yield line('end', { counts })
}
