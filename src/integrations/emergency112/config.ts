// Per-tenant 112 command-centre settings, in tenants.settings.integrations.emergency112.
// The centre's API token is sealed at rest (ctx.sealer); the callback token the centre uses to
// report back is kept only as a sha256 digest.
import { z } from 'zod'
import { sha256 } from '../../accounts/crypto.ts'
import type { AppContext } from '../../context.ts'
import type { Db } from '../../db/connect.ts'
import { integrationSettings, writeIntegrationSettings } from '../lapor/config.ts'

export const E112ConfigInput = z.object({
  enabled: z.boolean(),
  /** The full URL incidents are POSTed to. */
  endpoint: z.url().max(500),
  token: z.string().min(1).max(2000).optional(),
  /** Token the centre sends as X-Bridge-Token on POST /bridges/emergency112/{tenantId}/callback. */
  callbackToken: z.string().min(16).max(500).optional(),
  /** Shown to reporters: "Command Center 112 Kabupaten ...". */
  centreName: z.string().trim().min(3).max(200).default('Command Center 112'),
  /** The number reporters are told to call. */
  phone: z.string().trim().min(2).max(30).default('112'),
  /** How long the responsible agency has to confirm it acted, in minutes. */
  actDeadlineMinutes: z.number().int().min(5).max(7 * 24 * 60).default(60),
  /** Send the reporter's channel handle (e.g. WhatsApp number) so 112 can call back; never for anonymous reports. */
  shareContact: z.boolean().default(true),
})

interface Stored {
  enabled: boolean
  endpoint: string
  tokenSealed?: string
  callbackTokenHash?: string
  centreName: string
  phone: string
  actDeadlineMinutes: number
  shareContact: boolean
}

export interface E112Config extends Omit<Stored, 'tokenSealed' | 'callbackTokenHash'> {
  token: string | null
  callbackTokenHash: string | null
}

/** Without opening the token: what report event hooks may read (they have no sealer). */
export async function e112Settings(tx: Db, tenantId: string) {
  return integrationSettings<Stored>(tx, tenantId, 'emergency112')
}

export async function loadE112Config(ctx: Pick<AppContext, 'sealer'>, tx: Db, tenantId: string): Promise<E112Config | null> {
  const c = await e112Settings(tx, tenantId)
  if (!c) return null
  const { tokenSealed, callbackTokenHash, ...rest } = c
  return { ...rest, token: tokenSealed ? ctx.sealer.open(tokenSealed) : null, callbackTokenHash: callbackTokenHash ?? null }
}

export async function saveE112Config(ctx: Pick<AppContext, 'sealer'>, tx: Db, tenantId: string, input: z.output<typeof E112ConfigInput>) {
  const old = await e112Settings(tx, tenantId)
  const { token, callbackToken, ...rest } = input
  const stored: Stored = {
    ...rest,
    tokenSealed: token ? ctx.sealer.seal(token) : old?.tokenSealed,
    callbackTokenHash: callbackToken ? sha256(callbackToken) : old?.callbackTokenHash,
  }
  await writeIntegrationSettings(tx, tenantId, 'emergency112', stored)
}

export function presentE112Config(c: E112Config | null) {
  if (!c) return { configured: false as const }
  const { token, callbackTokenHash, ...rest } = c
  return { configured: true as const, ...rest, hasToken: token !== null, hasCallbackToken: callbackTokenHash !== null }
}
