// Pure helpers of the demo materialiser: tracking codes, channel identities, chunked inserts,
// and the number of status changes a scenario goes through.
import crypto from 'node:crypto'
import type { ChannelType, ReportStatus } from '../reports/model.ts'
import type { DemoScenario } from './content.ts'
import { DEMO_TENANT } from './tenant.ts'

/** Channels a citizen writes on: the report arrives as an inbound message in a conversation. */
export const MESSAGE_CHANNELS: readonly ChannelType[] = [
  'whatsapp',
  'messenger',
  'instagram',
  'facebook_comment',
  'instagram_comment',
  'x',
  'telegram',
  'sms',
  'email',
]

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

/** `NGR-` + 6 base32 characters from a hash of the scenario key (and a salt on collision). */
export function trackingCode(key: string, salt: number): string {
  const h = crypto.createHash('sha256').update(`${key}:${salt}`).digest()
  let out = ''
  for (let i = 0; i < 6; i++) out += BASE32[h[i]! % 32]
  return `${DEMO_TENANT.codePrefix}-${out}`
}

/** The reporter's id on the channel the report came in on (phone, handle, e-mail). */
export function channelIdentity(s: DemoScenario): string | null {
  const r = s.reporter
  switch (s.channel) {
    case 'whatsapp':
    case 'sms':
    case 'phone':
    case 'telegram':
      return r.phone ?? r.handle ?? null
    case 'x':
    case 'instagram':
    case 'instagram_comment':
    case 'messenger':
    case 'facebook_comment':
      return r.handle ?? r.name ?? null
    case 'email':
    case 'web':
    case 'lapor':
      return r.email ?? r.phone ?? null
    default:
      return r.phone ?? r.email ?? null
  }
}

export async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 500) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size))
}


/** The status changes a scenario goes through, counting its arrival as 'received'. */
export function statusChanges(s: Pick<DemoScenario, 'steps'>): number {
  let prev: ReportStatus = 'received'
  let n = 1
  for (const step of s.steps) {
    if (step.status !== prev) n++
    prev = step.status
  }
  return n
}
