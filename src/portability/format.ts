// The JSON-lines format of a tenant export (docs/PORTABILITY.md): a header line, then one
// `{"type": ..., "data": ...}` record per line, parents before children. Each record type is one
// table; its zod schema is derived from the Drizzle columns, so the format follows the schema.
import { getTableColumns, sql, type Column, type SQL } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import { z } from 'zod'
import {
  agencies,
  attachments,
  cannedResponses,
  categories,
  categoryAgencies,
  channelAccounts,
  contactIdentities,
  contacts,
  conversations,
  dispositions,
  holidays,
  laporLinks,
  memberships,
  messages,
  regions,
  reportEvents,
  reports,
  responses,
  users,
} from '../db/schema/index.ts'

export const FORMAT = 'aduan-export'
export const FORMAT_VERSION = 1

export interface RecordType {
  type: string
  table: PgTable
  /** The primary key after tenant_id, for keyset paging and conflict detection. */
  key: string[]
  /** Settings records come first; report records after. */
  group: 'settings' | 'reports'
  /** Columns that never travel (credentials, login state). */
  omit?: string[]
  /** For a table without tenant_id: which of its rows belong to the tenant. */
  scope?: (tenantId: string) => SQL
}

/**
 * A user travels without any credential or login state: no password hash, no TOTP secret, no
 * sessions or API tokens (other tables). Imported, it has no usable credential until a password is set.
 */
const USER_OMIT = ['passwordHash', 'totpSecret', 'totpEnabled', 'failedLogins', 'lockedUntil', 'lastLoginAt']

/** In the order they are written and must be read: every parent before its children. */
export const RECORD_TYPES: RecordType[] = [
  { type: 'region', table: regions, key: ['code'], group: 'settings' },
  { type: 'agency', table: agencies, key: ['id'], group: 'settings' },
  { type: 'category', table: categories, key: ['id'], group: 'settings' },
  { type: 'category_agency', table: categoryAgencies, key: ['categoryId', 'agencyId'], group: 'settings' },
  { type: 'holiday', table: holidays, key: ['date'], group: 'settings' },
  { type: 'canned_response', table: cannedResponses, key: ['id'], group: 'settings' },
  { type: 'channel_account', table: channelAccounts, key: ['id'], group: 'settings' },
  {
    type: 'user',
    table: users,
    key: ['id'],
    group: 'settings',
    omit: USER_OMIT,
    scope: (tenantId) => sql`exists (select 1 from memberships m where m.tenant_id = ${tenantId} and m.user_id = ${users.id})`,
  },
  { type: 'membership', table: memberships, key: ['id'], group: 'settings' },
  { type: 'contact', table: contacts, key: ['id'], group: 'reports' },
  { type: 'contact_identity', table: contactIdentities, key: ['id'], group: 'reports' },
  { type: 'report', table: reports, key: ['id'], group: 'reports' },
  { type: 'report_event', table: reportEvents, key: ['id'], group: 'reports' },
  { type: 'disposition', table: dispositions, key: ['id'], group: 'reports' },
  { type: 'response', table: responses, key: ['id'], group: 'reports' },
  { type: 'conversation', table: conversations, key: ['id'], group: 'reports' },
  { type: 'message', table: messages, key: ['id'], group: 'reports' },
  { type: 'attachment', table: attachments, key: ['id'], group: 'reports' },
  { type: 'lapor_link', table: laporLinks, key: ['reportId'], group: 'reports' },
]
export const RECORD_BY_TYPE = new Map(RECORD_TYPES.map((r) => [r.type, r]))

/** Columns that travel: every column except tenant_id (the importer sets it), generated ones and the type's `omit`. */
export function exportedColumns(rt: Pick<RecordType, 'table' | 'omit'>): [string, Column][] {
  return Object.entries(getTableColumns(rt.table)).filter(
    ([k, c]) => k !== 'tenantId' && !rt.omit?.includes(k) && !(c as unknown as { generated?: unknown }).generated,
  )
}

function columnSchema(c: Column): z.ZodType {
  let s: z.ZodType
  switch (c.dataType) {
    case 'string':
      s = c.enumValues?.length ? z.enum(c.enumValues as [string, ...string[]]) : z.string()
      break
    case 'number':
      s = z.number()
      break
    case 'boolean':
      s = z.boolean()
      break
    case 'date':
      s = z.iso.datetime({ offset: true }).transform((v) => new Date(v))
      break
    case 'array':
      s = z.array(z.string())
      break
    default:
      s = z.unknown()
  }
  if (!c.notNull) s = s.nullable()
  return c.hasDefault || !c.notNull ? s.optional() : s
}

const schemas = new Map<string, z.ZodType<Record<string, unknown>>>()
/** The zod schema of one record type's data (unknown keys refused: a typo is an error, not a loss). */
export function dataSchema(rt: RecordType): z.ZodType<Record<string, unknown>> {
  let s = schemas.get(rt.type)
  if (!s) {
    const shape = Object.fromEntries(exportedColumns(rt).map(([k, c]) => [k, columnSchema(c)]))
    // Exported without secrets: the importer seals an empty secret and leaves the account inactive.
    if (rt.type === 'channel_account') shape.secretConfig = z.string().optional()
    s = z.strictObject(shape) as z.ZodType<
      Record<string, unknown>
    >
    schemas.set(rt.type, s)
  }
  return s
}

export const Header = z.object({
  type: z.literal('header'),
  data: z.object({
    format: z.literal(FORMAT),
    version: z.literal(FORMAT_VERSION),
    exportedAt: z.iso.datetime({ offset: true }),
    withSecrets: z.boolean(),
    tenant: z.object({
      id: z.uuid(),
      slug: z.string().min(1).max(100),
      name: z.string().min(1),
      kind: z.string().min(1),
      regionCode: z.string().min(1),
      timeZone: z.string().min(1),
      codePrefix: z.string().min(1),
      settings: z.record(z.string(), z.unknown()),
      createdAt: z.iso.datetime({ offset: true }),
    }),
  }),
})
export type HeaderT = z.infer<typeof Header>

export const Trailer = z.object({ type: z.literal('end'), data: z.object({ counts: z.record(z.string(), z.number()) }) })

export const RecordLine = z.object({ type: z.string(), data: z.record(z.string(), z.unknown()) })

/** Settings keys that hold sealed secrets or digests (tenants.settings.integrations.*). */
const SECRET_KEY = /(Sealed|Hash)$/

/** The tenant's settings with integration secrets removed (unless kept on purpose). */
export function settingsForExport(settings: Record<string, unknown>, withSecrets: boolean): Record<string, unknown> {
  if (withSecrets) return settings
  const integrations = settings.integrations as Record<string, Record<string, unknown>> | undefined
  if (!integrations || typeof integrations !== 'object') return settings
  const clean: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(integrations)) {
    clean[k] =
      v && typeof v === 'object'
        ? { ...Object.fromEntries(Object.entries(v).filter(([f]) => !SECRET_KEY.test(f))), enabled: false }
        : v
  }
  return { ...settings, integrations: clean }
}
