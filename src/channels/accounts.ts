// Channel accounts: the adapter validates the config; keys the adapter names as secret are sealed
// (AES-256-GCM) into secret_config, the rest is stored readable in public_config.
import { and, desc, eq } from 'drizzle-orm'
import type { AppContext } from '../context.ts'
import type { Db } from '../db/connect.ts'
import { channelAccounts } from '../db/schema/index.ts'
import type { ChannelConfig } from './contract.ts'
import { getAdapter, type AdapterChannelType } from './registry.ts'

export interface ChannelAccountView {
  id: string
  tenantId: string
  type: AdapterChannelType
  name: string
  active: boolean
  /** The public part of the config only; secrets are never part of a view. */
  config: Record<string, unknown>
  createdAt: Date
}

export class ChannelConfigError extends Error {
  constructor(
    message: string,
    public issues: { path: string; message: string }[] = [],
  ) {
    super(message)
  }
}

/** Splits a validated config into its public and secret parts. */
export function splitConfig(config: Record<string, unknown>, secretKeys: readonly string[]) {
  const secret: Record<string, unknown> = {}
  const pub: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(config)) {
    if (v === undefined) continue
    if (secretKeys.includes(k)) secret[k] = v
    else pub[k] = v
  }
  return { pub, secret }
}

/** Runs the adapter's parseConfig, turning its (zod) error into a ChannelConfigError. */
export function validateChannelConfig(type: AdapterChannelType, input: unknown): ChannelConfig {
  const adapter = getAdapter(type)!
  try {
    return adapter.parseConfig(input ?? {})
  } catch (err) {
    const issues = (err as { issues?: { path: (string | number)[]; message: string }[] }).issues
    if (Array.isArray(issues)) {
      const list = issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
      throw new ChannelConfigError(list.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '), list)
    }
    throw new ChannelConfigError((err as Error).message)
  }
}

const toView = (r: typeof channelAccounts.$inferSelect): ChannelAccountView => ({
  id: r.id,
  tenantId: r.tenantId,
  type: r.type as AdapterChannelType,
  name: r.name,
  active: r.active,
  config: r.publicConfig,
  createdAt: r.createdAt,
})

export async function createChannelAccount(
  ctx: Pick<AppContext, 'sealer'> & { db: Db },
  input: { tenantId: string; type: AdapterChannelType; name: string; config: unknown },
): Promise<ChannelAccountView> {
  const adapter = getAdapter(input.type)!
  const parsed = validateChannelConfig(input.type, input.config)
  const { pub, secret } = splitConfig(parsed, adapter.secretKeys)
  const [row] = await ctx.db
    .insert(channelAccounts)
    .values({
      tenantId: input.tenantId,
      type: input.type,
      name: input.name,
      publicConfig: pub,
      secretConfig: ctx.sealer.seal(JSON.stringify(secret)),
    })
    .returning()
  return toView(row!)
}

export async function listChannelAccounts(db: Db, tenantId: string): Promise<ChannelAccountView[]> {
  const rows = await db
    .select()
    .from(channelAccounts)
    .where(eq(channelAccounts.tenantId, tenantId))
    .orderBy(desc(channelAccounts.createdAt))
  return rows.map(toView)
}

export async function getChannelAccount(db: Db, tenantId: string, id: string): Promise<ChannelAccountView | null> {
  const [row] = await db
    .select()
    .from(channelAccounts)
    .where(and(eq(channelAccounts.tenantId, tenantId), eq(channelAccounts.id, id)))
  return row ? toView(row) : null
}

/** The full config, secrets decrypted: for adapters only, never for a response. */
export async function loadChannelConfig(
  ctx: Pick<AppContext, 'sealer' | 'db'>,
  tenantId: string,
  id: string,
): Promise<ChannelConfig | null> {
  const [row] = await ctx.db
    .select({ publicConfig: channelAccounts.publicConfig, secretConfig: channelAccounts.secretConfig })
    .from(channelAccounts)
    .where(and(eq(channelAccounts.tenantId, tenantId), eq(channelAccounts.id, id)))
  if (!row) return null
  return mergeConfig(ctx, row)
}

export function mergeConfig(
  ctx: Pick<AppContext, 'sealer'>,
  row: { publicConfig: Record<string, unknown>; secretConfig: string },
): ChannelConfig {
  const secret = JSON.parse(ctx.sealer.open(row.secretConfig)) as Record<string, unknown>
  return { ...row.publicConfig, ...secret } as ChannelConfig
}

/**
 * The webhook route's lookup: the account by id alone (the URL carries no tenant), with its
 * config decrypted. Returns null for an unknown id.
 */
export async function loadAccountForWebhook(ctx: Pick<AppContext, 'sealer' | 'db'>, id: string) {
  const [row] = await ctx.db.select().from(channelAccounts).where(eq(channelAccounts.id, id)).limit(1)
  if (!row) return null
  return { account: toView(row), config: mergeConfig(ctx, row) }
}

type WebhookAccount = NonNullable<Awaited<ReturnType<typeof loadAccountForWebhook>>>

/** How long a decrypted account config is reused by the webhook route (ms). */
export const ACCOUNT_CACHE_TTL_MS = 30_000

// Per database handle (tests run several apps in one process), per account id. Only found
// accounts are cached: an unknown id always asks the database.
const accountCaches = new WeakMap<object, Map<string, { at: number; value: WebhookAccount }>>()

/**
 * loadAccountForWebhook with a short cache: a webhook burst costs one lookup and one decryption
 * per account per TTL instead of one per request. Anything that changes or deactivates an account
 * must call invalidateChannelAccount; other processes see the change within the TTL.
 */
export async function loadAccountForWebhookCached(
  ctx: Pick<AppContext, 'sealer' | 'db'>,
  id: string,
  now = Date.now(),
): Promise<WebhookAccount | null> {
  let cache = accountCaches.get(ctx.db)
  if (!cache) accountCaches.set(ctx.db, (cache = new Map()))
  const hit = cache.get(id)
  if (hit && now - hit.at < ACCOUNT_CACHE_TTL_MS) return hit.value
  const value = await loadAccountForWebhook(ctx, id)
  if (value) cache.set(id, { at: now, value })
  else cache.delete(id)
  return value
}

/** Drops an account's cached config (call after updating, deactivating or deleting it). */
export function invalidateChannelAccount(db: Db, id: string) {
  accountCaches.get(db)?.delete(id)
}
