// The 112 command-centre client: one POST per hand-off in the JSON contract of docs/BRIDGES.md.
// No national 112 API exists (each Pemda runs its own centre), so this is the contract aduan
// offers; a centre with another API sits behind a small relay. Network errors, 408, 429 and 5xx
// are retryable; the Idempotency-Key (the hand-off id) lets the centre drop a repeated delivery.
import type { E112Config } from './config.ts'

export class E112Error extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status: number | null,
  ) {
    super(message)
  }
}

export interface IncidentPayload {
  version: 1
  handoffId: string
  /** aduan's tracking code. */
  reference: string
  tenant: { id: string; slug: string; name: string }
  emergencyType: string | null
  text: string
  location: { text: string | null; latitude: number | null; longitude: number | null; regionCode: string | null }
  /** contact: the channel handle (e.g. WhatsApp number) so 112 can call back; null for anonymous reports. */
  reporter: { channel: string; contact: string | null; anonymous: boolean }
  reportedAt: string
  handedOffAt: string
  /** By when the responsible agency must have confirmed it acted. */
  actDeadline: string
  /** Where the centre reports accepted / acted (X-Bridge-Token: the callback token). */
  callbackUrl: string
}

export const e112Client = {
  async push(c: E112Config, payload: IncidentPayload, f: typeof fetch = fetch): Promise<{ incidentId: string | null; status: string | null }> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': payload.handoffId }
    if (c.token) headers.authorization = `Bearer ${c.token}`
    let res: Response
    try {
      res = await f(c.endpoint, { method: 'POST', headers, body: JSON.stringify(payload), signal: AbortSignal.timeout(10_000) })
    } catch (err) {
      throw new E112Error(`112 centre unreachable: ${(err as Error).name}`, true, null)
    }
    const text = await res.text()
    if (!res.ok) throw new E112Error(`112 centre answered ${res.status}`, res.status >= 500 || res.status === 408 || res.status === 429, res.status)
    let body: Record<string, unknown> = {}
    try {
      body = text ? (JSON.parse(text) as Record<string, unknown>) : {}
    } catch {
      body = {}
    }
    const s = (v: unknown) => (typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : null)
    return { incidentId: s(body.incidentId), status: s(body.status) }
  },
}
