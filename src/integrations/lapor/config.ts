// Per-tenant SP4N-LAPOR! settings, kept in tenants.settings.integrations.lapor. LAPOR!'s API is
// documented only to registered developers, so every name on the wire (fields, status codes) is
// configurable here; the defaults are the contract the local simulator speaks (docs/BRIDGES.md).
// The API token is sealed at rest (AES-GCM, ctx.sealer) like channel secrets; the inbound token
// (LAPOR! pushing dispatches to us) is kept only as a sha256 digest.
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { sha256 } from '../../accounts/crypto.ts'
import type { AppContext } from '../../context.ts'
import type { Db } from '../../db/connect.ts'
import { tenants } from '../../db/schema/index.ts'
import { REPORT_STATUSES, type ReportStatus } from '../../reports/model.ts'

/** Our report fields that travel to and from LAPOR!, and the LAPOR! names they take by default. */
export const DEFAULT_FIELD_MAP = {
  trackingCode: 'nomor_referensi',
  title: 'judul',
  body: 'isi',
  kind: 'klasifikasi',
  category: 'kategori',
  location: 'lokasi',
  regionCode: 'kode_wilayah',
  anonymous: 'anonim',
  confidential: 'rahasia',
  submittedAt: 'tanggal',
  // Fields of LAPOR!'s answers
  id: 'id',
  status: 'status',
  followUps: 'tindak_lanjut',
  followUpId: 'id',
  followUpBody: 'isi',
  followUpAuthor: 'instansi',
  followUpAt: 'tanggal',
} as const
export type FieldKey = keyof typeof DEFAULT_FIELD_MAP

/** Our status -> LAPOR! status code (unverified: LAPOR! v3 shows these stages in its admin manual). */
export const DEFAULT_STATUS_OUT: Record<ReportStatus, string> = {
  received: 'belum_terverifikasi',
  needs_info: 'belum_terverifikasi',
  archived: 'arsip',
  dispatched: 'belum_ditindaklanjuti',
  returned: 'belum_ditindaklanjuti',
  in_progress: 'proses',
  reopened: 'proses',
  answered: 'ditanggapi',
  closed: 'selesai',
  merged: 'arsip',
}

/** LAPOR! status codes in order of progress: the reconciliation rule compares positions. */
export const DEFAULT_STATUS_ORDER = ['belum_terverifikasi', 'belum_ditindaklanjuti', 'proses', 'ditanggapi', 'selesai', 'arsip']

const FieldMapSchema = z.object(
  Object.fromEntries(Object.keys(DEFAULT_FIELD_MAP).map((k) => [k, z.string().min(1).max(100).optional()])) as Record<
    FieldKey,
    z.ZodOptional<z.ZodString>
  >,
)

/** What an operator sends (PUT /api/bridges/lapor/config). Secrets are write-only. */
export const LaporConfigInput = z.object({
  enabled: z.boolean(),
  endpoint: z.url().max(500),
  token: z.string().min(1).max(2000).optional(),
  /** all verified reports, those of the listed categories, or only one by one. */
  forward: z.enum(['all', 'categories', 'manual']).default('manual'),
  categoryIds: z.array(z.uuid()).max(500).default([]),
  fieldMap: FieldMapSchema.default({}),
  statusOut: z.partialRecord(z.enum(REPORT_STATUSES), z.string().min(1).max(100)).default({}),
  statusOrder: z.array(z.string().min(1).max(100)).min(2).max(30).optional(),
  /** Pull LAPOR!'s statuses, follow-ups and dispatches this often. */
  pullEveryMinutes: z.number().int().min(1).max(1440).default(5),
  /** Token LAPOR! (or a relay) sends as X-Bridge-Token on POST /bridges/lapor/{tenantId}/dispatches. */
  inboundToken: z.string().min(16).max(500).optional(),
})
export type LaporConfigInputT = z.input<typeof LaporConfigInput>

/** As stored in tenants.settings.integrations.lapor. */
interface StoredLaporConfig {
  enabled: boolean
  endpoint: string
  tokenSealed?: string
  inboundTokenHash?: string
  forward: 'all' | 'categories' | 'manual'
  categoryIds: string[]
  fieldMap: Partial<Record<FieldKey, string>>
  statusOut: Partial<Record<ReportStatus, string>>
  statusOrder?: string[]
  pullEveryMinutes: number
}

/** The resolved configuration the adapter uses (defaults applied, token opened). */
export interface LaporConfig {
  enabled: boolean
  endpoint: string
  token: string | null
  inboundTokenHash: string | null
  forward: 'all' | 'categories' | 'manual'
  categoryIds: string[]
  fields: Record<FieldKey, string>
  statusOut: Record<ReportStatus, string>
  statusOrder: string[]
  pullEveryMinutes: number
}

async function tenantSettings(tx: Db, tenantId: string): Promise<Record<string, unknown>> {
  const [t] = await tx.select({ s: tenants.settings }).from(tenants).where(eq(tenants.id, tenantId))
  return (t?.s ?? {}) as Record<string, unknown>
}

export async function integrationSettings<T>(tx: Db, tenantId: string, key: string): Promise<T | null> {
  const s = await tenantSettings(tx, tenantId)
  const i = (s.integrations ?? {}) as Record<string, unknown>
  return (i[key] as T | undefined) ?? null
}

/** Write one integration's settings; other settings are left as they are (row locked). */
export async function writeIntegrationSettings(tx: Db, tenantId: string, key: string, value: unknown): Promise<void> {
  const [t] = await tx.select({ s: tenants.settings }).from(tenants).where(eq(tenants.id, tenantId)).for('update')
  const s = (t?.s ?? {}) as Record<string, unknown>
  const integrations = { ...((s.integrations ?? {}) as Record<string, unknown>), [key]: value }
  await tx.update(tenants).set({ settings: { ...s, integrations } }).where(eq(tenants.id, tenantId))
}

export async function loadLaporConfig(ctx: Pick<AppContext, 'sealer'>, tx: Db, tenantId: string): Promise<LaporConfig | null> {
  const c = await integrationSettings<StoredLaporConfig>(tx, tenantId, 'lapor')
  if (!c) return null
  return {
    enabled: c.enabled,
    endpoint: c.endpoint.replace(/\/+$/, ''),
    token: c.tokenSealed ? ctx.sealer.open(c.tokenSealed) : null,
    inboundTokenHash: c.inboundTokenHash ?? null,
    forward: c.forward,
    categoryIds: c.categoryIds,
    fields: { ...DEFAULT_FIELD_MAP, ...c.fieldMap },
    statusOut: { ...DEFAULT_STATUS_OUT, ...c.statusOut },
    statusOrder: c.statusOrder ?? DEFAULT_STATUS_ORDER,
    pullEveryMinutes: c.pullEveryMinutes,
  }
}

/** Save settings from the API; a missing token keeps the stored one. */
export async function saveLaporConfig(ctx: Pick<AppContext, 'sealer'>, tx: Db, tenantId: string, input: z.output<typeof LaporConfigInput>) {
  const old = await integrationSettings<StoredLaporConfig>(tx, tenantId, 'lapor')
  const stored: StoredLaporConfig = {
    enabled: input.enabled,
    endpoint: input.endpoint,
    tokenSealed: input.token ? ctx.sealer.seal(input.token) : old?.tokenSealed,
    inboundTokenHash: input.inboundToken ? sha256(input.inboundToken) : old?.inboundTokenHash,
    forward: input.forward,
    categoryIds: input.categoryIds,
    fieldMap: input.fieldMap,
    statusOut: input.statusOut,
    ...(input.statusOrder ? { statusOrder: input.statusOrder } : {}),
    pullEveryMinutes: input.pullEveryMinutes,
  }
  await writeIntegrationSettings(tx, tenantId, 'lapor', stored)
}

/** The configuration as shown to operators: never the secrets, only whether they are set. */
export function presentLaporConfig(c: LaporConfig | null) {
  if (!c) return { configured: false as const }
  const { token, inboundTokenHash, ...rest } = c
  return { configured: true as const, ...rest, hasToken: token !== null, hasInboundToken: inboundTokenHash !== null }
}

/** Position of a LAPOR! status in the progression (unknown codes: -1, never "ahead"). */
export const laporRank = (c: LaporConfig, code: string | null | undefined) => (code ? c.statusOrder.indexOf(code) : -1)
