// Reads a tenant export (format.ts) into this instance, PGlite or PostgreSQL. Every line is
// validated with zod; a bad line stops the import with its line number. Records keep their ids and
// are inserted with ON CONFLICT DO NOTHING in batches, each batch its own transaction: running the
// same file again inserts nothing twice, and an interrupted import is resumed by running it again.
// The target tenant is created when its slug is free; an existing tenant with that slug is filled.
import crypto from 'node:crypto'
import readline from 'node:readline'
import type { Readable } from 'node:stream'
import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import type { Sealer } from '../accounts/crypto.ts'
import type { Db } from '../db/connect.ts'
import { agencies, categories, reports, tenants, users } from '../db/schema/index.ts'
import { dataSchema, Header, RECORD_BY_TYPE, RECORD_TYPES, RecordLine, Trailer, type HeaderT } from './format.ts'

export const BATCH_LINES = 500

/** A refusal naming the line; `message` is English (CLI, logs), `id` the same in Indonesian (admin UI). */
export class ImportError extends Error {
  override name = 'ImportError'
  readonly id: string
  constructor(
    readonly line: number,
    message: string,
    id: string,
  ) {
    super(line > 0 ? `line ${line}: ${message}` : message)
    this.id = line > 0 ? `baris ${line}: ${id}` : id
  }
}

export interface ImportOptions {
  /** Import under this slug instead of the one in the header (a copy beside the original). */
  tenantSlug?: string
  sealer: Sealer
  batchLines?: number
  /**
   * The tenant of the super admin importing over HTTP. An existing tenant (the resume case) may then
   * be filled only when it is theirs: the file brings memberships, and a membership is access.
   */
  callerTenantId?: string
}

export interface ImportResult {
  tenantId: string
  slug: string
  created: boolean
  /** Records read per type, and how many of them were new. */
  read: Record<string, number>
  inserted: Record<string, number>
}

/**
 * A foreign-key violation (23503) as a refusal naming the line that refers to what is missing,
 * e.g. a lapor_link whose report the file does not hold; null for any other error.
 */
function missingReference(e: unknown, type: string, group: Pending[]): ImportError | null {
  const pg = ((e as { cause?: unknown }).cause ?? e) as { code?: string; detail?: string }
  if (pg.code !== '23503') return null
  // "Key (tenant_id, report_id)=(…, …) is not present in table "reports"": the tenant is ours.
  const m = /Key \(([^)]+)\)=\(([^)]*)\) is not present in table "([^"]+)"/.exec(pg.detail ?? '')
  const pairs = m ? m[1]!.split(', ').map((c, i) => [c, m[2]!.split(', ')[i] ?? ''] as const).filter(([c]) => c !== 'tenant_id') : []
  const row = group.find((r) => pairs.length && pairs.every(([, v]) => Object.values(r.data).some((x) => String(x) === v))) ?? group[0]!
  const what = pairs.length ? `${m![3]} ${pairs.map(([c, v]) => `${c} = ${v}`).join(', ')}` : 'a record'
  return new ImportError(
    row.line,
    `this ${type} record refers to ${what}, which is neither earlier in the file nor on this instance`,
    `catatan ${type} ini merujuk ${what}, yang tidak ada di bagian berkas sebelumnya maupun di server ini`,
  )
}

interface Pending {
  type: string
  line: number
  data: Record<string, unknown>
}

const issueText = (e: { issues: { path: PropertyKey[]; message: string }[] }) => {
  const i = e.issues[0]!
  return `${i.path.length ? i.path.map(String).join('.') + ': ' : ''}${i.message}`
}

function parseJson(text: string, n: number): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw new ImportError(n, 'not valid JSON', 'bukan JSON yang sah')
  }
}

/**
 * Staff accounts: users are global, so one whose e-mail this instance already knows is that same
 * person (their password and settings stay as they are; the file's id maps to theirs). A new one is
 * created with the file's id (a new id when that is taken) and no credential: no password hash, no
 * TOTP. An account that can already sign in here (it has a password) keeps exactly the access it
 * has: a file never grants it a membership (`signsIn`). Returns how many were created; `ids` maps
 * the file's user ids to this instance's.
 */
async function importUsers(tx: Db, rows: Record<string, unknown>[], ids: Map<string, string>, signsIn: Set<string>): Promise<number> {
  let created = 0
  for (const d of rows) {
    const email = String(d.email).trim().toLowerCase()
    const [known] = await tx.select({ id: users.id, passwordHash: users.passwordHash }).from(users).where(sql`lower(${users.email}) = ${email}`)
    if (known) {
      ids.set(d.id as string, known.id)
      if (known.passwordHash) signsIn.add(known.id)
      continue
    }
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.id, d.id as string))
    const id = taken ? crypto.randomUUID() : (d.id as string)
    await tx.insert(users).values({ ...(d as typeof users.$inferInsert), id, email, passwordHash: null, totpSecret: null, totpEnabled: false })
    ids.set(d.id as string, id)
    created++
  }
  return created
}

/** Finds or creates the target tenant. */
async function targetTenant(db: Db, h: HeaderT['data'], slug: string) {
  const [existing] = await db.select().from(tenants).where(eq(tenants.slug, slug))
  if (existing) return { id: existing.id, created: false }
  const [idTaken] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, h.tenant.id))
  const id = idTaken ? crypto.randomUUID() : h.tenant.id
  const t = h.tenant
  await db.insert(tenants).values({
    id,
    slug,
    name: t.name,
    kind: t.kind,
    regionCode: t.regionCode,
    timeZone: t.timeZone,
    codePrefix: t.codePrefix,
    settings: t.settings,
    createdAt: new Date(t.createdAt),
  })
  return { id, created: true }
}

export async function importTenant(db: Db, input: Readable, opts: ImportOptions): Promise<ImportResult> {
  const rl = readline.createInterface({ input, crlfDelay: Infinity })
  const batchLines = opts.batchLines ?? BATCH_LINES
  let n = 0
  let header: HeaderT['data'] | null = null
  let target: { id: string; created: boolean } | null = null
  let trailer: Record<string, number> | null = null
  const read: Record<string, number> = {}
  const inserted: Record<string, number> = {}
  const parents: { table: typeof agencies | typeof categories; id: string; parentId: string }[] = []
  let batch: Pending[] = []
  let lastTypeIndex = -1
  /** File user id -> this instance's (filled as user records are inserted). */
  const userIds = new Map<string, string>()
  const usersRead = new Set<string>()
  const signsIn = new Set<string>()

  const flush = async () => {
    if (!batch.length || !target) return
    const tenantId = target.id
    const rows = batch
    batch = []
    await db.transaction(async (tx) => {
      for (let i = 0; i < rows.length; ) {
        let j = i
        while (j < rows.length && rows[j]!.type === rows[i]!.type) j++
        const group = rows.slice(i, j)
        const rt = RECORD_BY_TYPE.get(group[0]!.type)!
        if (rt.type === 'user') {
          inserted.user = (inserted.user ?? 0) + (await importUsers(tx, group.map((r) => r.data), userIds, signsIn))
          i = j
          continue
        }
        let values: Record<string, unknown>[] = group.map((r) => ({ ...r.data, tenantId }))
        if (rt.type === 'membership') {
          values = values.map((v) => ({ ...v, userId: userIds.get(v.userId as string) ?? v.userId })).filter((v) => !signsIn.has(v.userId as string))
          inserted.membership ??= 0
          if (!values.length) {
            i = j
            continue
          }
        }
        const cols = getTableColumns(rt.table) as Record<string, PgColumn>
        const done = (await tx
          .insert(rt.table)
          .values(values)
          .onConflictDoNothing()
          .returning(Object.fromEntries(rt.key.map((k) => [k, cols[k]!])))
          .catch((e: unknown) => {
            throw missingReference(e, rt.type, group) ?? e
          })) as Record<string, unknown>[]
        inserted[rt.type] = (inserted[rt.type] ?? 0) + done.length
        if (rt.type === 'report' && done.length < group.length) {
          // Skipped: already here (a re-import), or its tracking code belongs to another tenant.
          const ids = group.map((r) => r.data.id as string)
          const here = new Set(
            (await tx.select({ id: reports.id }).from(reports).where(and(eq(reports.tenantId, tenantId), inArray(reports.id, ids)))).map((r) => r.id),
          )
          const lost = group.find((r) => !here.has(r.data.id as string))
          if (lost)
            throw new ImportError(lost.line, `tracking code ${String(lost.data.trackingCode)} is already used by another tenant on this instance`, `kode pelacakan ${String(lost.data.trackingCode)} sudah dipakai pemda lain di server ini`)
        }
        i = j
      }
    })
  }

  for await (const text of rl) {
    n++
    if (!text.trim()) continue
    const json = parseJson(text, n)
    if (n === 1) {
      const h = Header.safeParse(json)
      if (!h.success) throw new ImportError(n, `not an aduan export header (${issueText(h.error)})`, `bukan baris judul berkas ekspor aduan (${issueText(h.error)})`)
      header = h.data.data
      target = await targetTenant(db, header, opts.tenantSlug ?? header.tenant.slug)
      if (!target.created && opts.callerTenantId && target.id !== opts.callerTenantId)
        throw new ImportError(n, `tenant "${opts.tenantSlug ?? header.tenant.slug}" already exists and is not yours: import under a new slug`, `pemda "${opts.tenantSlug ?? header.tenant.slug}" sudah ada dan bukan milik Anda: impor dengan slug baru`)
      continue
    }
    if (trailer) throw new ImportError(n, 'a record after the closing "end" line', 'ada catatan setelah baris penutup "end"')
    const rec = RecordLine.safeParse(json)
    if (!rec.success) throw new ImportError(n, `expected {"type", "data"} (${issueText(rec.error)})`, `seharusnya {"type", "data"} (${issueText(rec.error)})`)
    if (rec.data.type === 'end') {
      const t = Trailer.safeParse(json)
      if (!t.success) throw new ImportError(n, `bad "end" line (${issueText(t.error)})`, `baris penutup "end" tidak sah (${issueText(t.error)})`)
      trailer = t.data.data.counts
      continue
    }
    const rt = RECORD_BY_TYPE.get(rec.data.type)
    if (!rt) throw new ImportError(n, `unknown record type "${rec.data.type}"`, `jenis catatan "${rec.data.type}" tidak dikenal`)
    const typeIndex = RECORD_TYPES.indexOf(rt)
    if (typeIndex < lastTypeIndex) throw new ImportError(n, `"${rt.type}" records must come before "${RECORD_TYPES[lastTypeIndex]!.type}" records`, `catatan "${rt.type}" harus ada sebelum catatan "${RECORD_TYPES[lastTypeIndex]!.type}"`)
    lastTypeIndex = typeIndex
    const d = dataSchema(rt).safeParse(rec.data.data)
    if (!d.success) throw new ImportError(n, `invalid ${rt.type}: ${issueText(d.error)}`, `${rt.type} tidak sah: ${issueText(d.error)}`)
    const data = d.data
    if (rt.type === 'channel_account' && !data.secretConfig) {
      data.secretConfig = opts.sealer.seal('{}')
      data.active = false
    }
    if (rt.type === 'user') usersRead.add(data.id as string)
    if (rt.type === 'membership' && !usersRead.has(data.userId as string))
      throw new ImportError(n, `membership of user ${String(data.userId)}, who has no "user" record before it`, `keanggotaan pengguna ${String(data.userId)} tanpa catatan "user" sebelumnya`)
    if ((rt.type === 'agency' || rt.type === 'category') && data.parentId) {
      // Parents may come later in key order: link them once every row of the type is in.
      parents.push({ table: rt.type === 'agency' ? agencies : categories, id: data.id as string, parentId: data.parentId as string })
      data.parentId = null
    }
    read[rt.type] = (read[rt.type] ?? 0) + 1
    batch.push({ type: rt.type, line: n, data })
    if (batch.length >= batchLines) await flush()
  }
  if (!header || !target) throw new ImportError(0, 'the file is empty', 'berkas kosong')
  await flush()
  const tenantId = target.id
  await db.transaction(async (tx) => {
    for (const p of parents)
      await tx
        .update(p.table)
        .set({ parentId: p.parentId })
        .where(and(eq(p.table.tenantId, tenantId), eq(p.table.id, p.id)))
    // Events keep their ids: move the shared sequence past them so new events never collide.
    await tx.execute(
      sql`select setval(pg_get_serial_sequence('report_events', 'id'), greatest((select coalesce(max(id), 1) from report_events), nextval(pg_get_serial_sequence('report_events', 'id'))))`,
    )
  })
  if (!trailer) throw new ImportError(n, 'the file ends without its closing "end" line: the export is incomplete (what was read is imported; run again with the whole file)', 'berkas berakhir tanpa baris penutup "end": ekspor tidak lengkap (yang terbaca sudah diimpor; ulangi dengan berkas utuh)')
  for (const [type, count] of Object.entries(trailer))
    if ((read[type] ?? 0) !== count)
      throw new ImportError(n, `the "end" line counts ${count} ${type} records but the file holds ${read[type] ?? 0}`, `baris penutup mencatat ${count} catatan ${type}, tetapi berkas berisi ${read[type] ?? 0}`)
  return { tenantId, slug: opts.tenantSlug ?? header.tenant.slug, created: target.created, read, inserted }
}
