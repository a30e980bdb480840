// The tenant's own channel accounts that notifications leave through, and WhatsApp's 24-hour
// window for a given number on a given account.
import { and, asc, desc, eq } from 'drizzle-orm'
import { getAdapter } from '../channels/registry.ts'
import type { Db } from '../db/connect.ts'
import { channelAccounts, contactIdentities, conversations } from '../db/schema/index.ts'
import type { ChannelType } from '../reports/model.ts'

/** The tenant's first active account of a channel type, or null. */
export async function accountOf(tx: Db, tenantId: string, type: ChannelType): Promise<string | null> {
  const [row] = await tx
    .select({ id: channelAccounts.id })
    .from(channelAccounts)
    .where(and(eq(channelAccounts.tenantId, tenantId), eq(channelAccounts.type, type), eq(channelAccounts.active, true)))
    .orderBy(asc(channelAccounts.createdAt))
    .limit(1)
  return row?.id ?? null
}

/** Whether free text may go now (false: outside the channel's window, use a template). */
export function windowOpen(channelType: ChannelType, lastInboundAt: Date | null, now: Date): boolean {
  const hours = getAdapter(channelType)?.freeTextWindowHours
  if (!hours) return true
  return !!lastInboundAt && lastInboundAt.getTime() + hours * 3600_000 > now.getTime()
}

/** The last message a WhatsApp number sent to this account (a staff member chatting with the bot). */
export async function lastInboundFrom(tx: Db, tenantId: string, accountId: string, externalId: string): Promise<Date | null> {
  const [row] = await tx
    .select({ at: conversations.lastInboundAt })
    .from(conversations)
    .innerJoin(contactIdentities, and(eq(contactIdentities.tenantId, conversations.tenantId), eq(contactIdentities.id, conversations.identityId)))
    .where(
      and(
        eq(conversations.tenantId, tenantId),
        eq(conversations.channelAccountId, accountId),
        eq(contactIdentities.externalId, externalId),
      ),
    )
    .orderBy(desc(conversations.lastInboundAt))
    .limit(1)
  return row?.at ?? null
}

/** Phone digits as WhatsApp and SMS gateways take them (62…, no plus); local 08… becomes 628…. */
export function phoneDigits(phone: string | null | undefined): string | null {
  if (!phone) return null
  let d = phone.replace(/\D/g, '')
  if (d.startsWith('0')) d = `62${d.slice(1)}`
  return d.length >= 8 ? d : null
}
