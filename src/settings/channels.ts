// Editing a channel account (name, active, config; secrets write-only) and testing its
// configuration with one harmless call to the provider (the bot's or account's own info).
// Adapters stay untouched: this reads their config schema through validateChannelConfig.
import { and, eq } from 'drizzle-orm'
import nodemailer from 'nodemailer'
import {
  getChannelAccount,
  invalidateChannelAccount,
  mergeConfig,
  splitConfig,
  validateChannelConfig,
  type ChannelAccountView,
} from '../channels/accounts.ts'
import type { ChannelConfig } from '../channels/contract.ts'
import { getAdapter, type AdapterChannelType } from '../channels/registry.ts'
import type { AppContext } from '../context.ts'
import type { Db } from '../db/connect.ts'
import { channelAccounts } from '../db/schema/index.ts'

type Ctx = Pick<AppContext, 'sealer'> & { db: Db }
type Bi = { id: string; en: string }

/** Which secret keys each account of a tenant has stored (never their values). */
export async function storedSecretKeys(ctx: Ctx, tenantId: string): Promise<Map<string, string[]>> {
  const rows = await ctx.db
    .select({ id: channelAccounts.id, secretConfig: channelAccounts.secretConfig })
    .from(channelAccounts)
    .where(eq(channelAccounts.tenantId, tenantId))
  const out = new Map<string, string[]>()
  for (const r of rows) {
    try {
      out.set(r.id, Object.keys(JSON.parse(ctx.sealer.open(r.secretConfig)) as object))
    } catch {
      out.set(r.id, []) // sealed with another key: shown as nothing stored
    }
  }
  return out
}

export interface ChannelPatch {
  name?: string
  active?: boolean
  /** Keys to change. An empty string or null drops a readable key (its default applies) and keeps a secret. */
  config?: Record<string, unknown>
}

/** Applies a patch; throws ChannelConfigError when the merged config does not validate. */
export async function updateChannelAccount(
  ctx: Ctx,
  tenantId: string,
  id: string,
  patch: ChannelPatch,
): Promise<ChannelAccountView | null> {
  const [row] = await ctx.db
    .select()
    .from(channelAccounts)
    .where(and(eq(channelAccounts.tenantId, tenantId), eq(channelAccounts.id, id)))
  if (!row) return null
  const type = row.type as AdapterChannelType
  const adapter = getAdapter(type)!
  const set: Partial<typeof channelAccounts.$inferInsert> = {}
  if (patch.name !== undefined) set.name = patch.name
  if (patch.active !== undefined) set.active = patch.active
  if (patch.config) {
    const merged: Record<string, unknown> = { ...mergeConfig(ctx, row) }
    for (const [k, v] of Object.entries(patch.config)) {
      const empty = v === '' || v === null || v === undefined
      if (!empty) merged[k] = v
      else if (!adapter.secretKeys.includes(k)) delete merged[k]
    }
    const parsed = validateChannelConfig(type, merged)
    const { pub, secret } = splitConfig(parsed, adapter.secretKeys)
    set.publicConfig = pub
    set.secretConfig = ctx.sealer.seal(JSON.stringify(secret))
  }
  if (Object.keys(set).length > 0) {
    await ctx.db
      .update(channelAccounts)
      .set(set)
      .where(and(eq(channelAccounts.tenantId, tenantId), eq(channelAccounts.id, id)))
  }
  invalidateChannelAccount(ctx.db, id)
  return getChannelAccount(ctx.db, tenantId, id)
}

export interface ChannelTestResult {
  ok: boolean
  /** What was checked, in order: configuration, then the provider call where there is one. */
  checks: { step: 'config' | 'provider'; ok: boolean; message: Bi }[]
  message: Bi
}

const TIMEOUT_MS = 10_000

/** Checks an account: its stored config validates, then one read-only call to the provider. */
export async function testChannelAccount(
  ctx: Ctx,
  tenantId: string,
  id: string,
  fetchImpl: typeof fetch = fetch,
): Promise<ChannelTestResult | null> {
  const [row] = await ctx.db
    .select()
    .from(channelAccounts)
    .where(and(eq(channelAccounts.tenantId, tenantId), eq(channelAccounts.id, id)))
  if (!row) return null
  const type = row.type as AdapterChannelType
  const checks: ChannelTestResult['checks'] = []
  let config: ChannelConfig
  try {
    config = validateChannelConfig(type, mergeConfig(ctx, row))
    checks.push({ step: 'config', ok: true, message: { id: 'Konfigurasi lengkap.', en: 'Configuration complete.' } })
  } catch (err) {
    const m = (err as Error).message.slice(0, 300)
    const msg = { id: `Konfigurasi tidak lengkap: ${m}`, en: `Configuration incomplete: ${m}` }
    checks.push({ step: 'config', ok: false, message: msg })
    return { ok: false, checks, message: msg }
  }
  const provider = await probeProvider(type, config, fetchImpl)
  checks.push({ step: 'provider', ok: provider.ok, message: provider.message })
  return { ok: provider.ok, checks, message: provider.message }
}

async function probeProvider(
  type: AdapterChannelType,
  c: ChannelConfig,
  fetchImpl: typeof fetch,
): Promise<{ ok: boolean; message: Bi }> {
  const s = (k: string) => String(c[k] ?? '')
  switch (type) {
    case 'telegram':
      return httpProbe(fetchImpl, `${s('apiBaseUrl')}/bot${s('botToken')}/getMe`, {}, 'Telegram')
    case 'whatsapp':
      return httpProbe(fetchImpl, `${s('apiBaseUrl')}/${s('apiVersion')}/${s('phoneNumberId')}?fields=id`, bearer(s('accessToken')), 'Meta')
    case 'messenger':
    case 'facebook_comment':
      return httpProbe(fetchImpl, `${s('apiBaseUrl')}/${s('apiVersion')}/${s('pageId')}?fields=id`, bearer(s('pageAccessToken')), 'Meta')
    case 'instagram':
    case 'instagram_comment':
      return httpProbe(fetchImpl, `${s('apiBaseUrl')}/${s('apiVersion')}/${s('igUserId')}?fields=id`, bearer(s('pageAccessToken')), 'Meta')
    case 'x':
      return httpProbe(fetchImpl, `${s('apiBaseUrl')}/2/users/me`, bearer(s('accessToken')), 'X')
    case 'sms': {
      // A generic gateway has no standard "who am I" call: check that it answers at all.
      const r = await httpProbe(fetchImpl, s('apiBaseUrl'), {}, 'SMS gateway', true)
      return r.ok
        ? {
            ok: true,
            message: {
              id: 'Gateway SMS dapat dihubungi; API key diperiksa saat pengiriman pertama.',
              en: 'The SMS gateway answers; the API key is checked on the first send.',
            },
          }
        : r
    }
    case 'email':
      return smtpProbe(c)
  }
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

/** GET the URL; never puts the URL (it may hold a token) into a message. */
async function httpProbe(
  fetchImpl: typeof fetch,
  url: string,
  headers: Record<string, string>,
  who: string,
  anyAnswer = false,
): Promise<{ ok: boolean; message: Bi }> {
  let res: Response
  try {
    res = await fetchImpl(url, { method: 'GET', headers, signal: AbortSignal.timeout(TIMEOUT_MS) })
  } catch (err) {
    const code = (err as { cause?: { code?: string }; name?: string }).cause?.code ?? (err as Error).name
    return {
      ok: false,
      message: {
        id: `${who} tidak dapat dihubungi (${code}). Periksa URL API dan koneksi server.`,
        en: `${who} cannot be reached (${code}). Check the API URL and the server's connection.`,
      },
    }
  }
  const text = await res.text().catch(() => '')
  if (anyAnswer || res.ok) {
    let body: { ok?: boolean } = {}
    try {
      body = JSON.parse(text) as { ok?: boolean }
    } catch {
      /* not JSON: fine for a reachability check */
    }
    if (!anyAnswer && body.ok === false) return refused(who, res.status, text)
    return { ok: true, message: { id: `${who} menerima kredensial.`, en: `${who} accepted the credentials.` } }
  }
  return refused(who, res.status, text)
}

function refused(who: string, status: number, text: string): { ok: false; message: Bi } {
  let detail = ''
  try {
    const j = JSON.parse(text) as { error?: { message?: string }; description?: string; detail?: string; title?: string }
    detail = j.error?.message ?? j.description ?? j.detail ?? j.title ?? ''
  } catch {
    detail = ''
  }
  detail = detail.slice(0, 200)
  const suffix = detail ? `: ${detail}` : ''
  if (status === 401 || status === 403)
    return {
      ok: false,
      message: {
        id: `${who} menolak token (HTTP ${status})${suffix}. Periksa token akses.`,
        en: `${who} rejected the token (HTTP ${status})${suffix}. Check the access token.`,
      },
    }
  return {
    ok: false,
    message: {
      id: `${who} menjawab dengan galat HTTP ${status}${suffix}. Periksa ID akun dan versi API.`,
      en: `${who} answered with HTTP ${status}${suffix}. Check the account id and API version.`,
    },
  }
}

async function smtpProbe(c: ChannelConfig): Promise<{ ok: boolean; message: Bi }> {
  const transport = nodemailer.createTransport({
    host: String(c.smtpHost),
    port: Number(c.smtpPort),
    secure: Boolean(c.smtpSecure),
    auth: c.smtpUser ? { user: String(c.smtpUser), pass: String(c.smtpPass ?? '') } : undefined,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  })
  try {
    await transport.verify()
    return { ok: true, message: { id: 'Server SMTP menerima koneksi.', en: 'The SMTP server accepted the connection.' } }
  } catch (err) {
    const code = (err as { code?: string }).code ?? 'error'
    return {
      ok: false,
      message: {
        id: `Server SMTP menolak atau tidak dapat dihubungi (${code}).`,
        en: `The SMTP server refused or cannot be reached (${code}).`,
      },
    }
  } finally {
    transport.close()
  }
}
