// The LAPOR! adapter alone (no database, no server): a tenant's field map renames what goes on
// the wire both ways, and failures are classified for the job queue.
import { describe, expect, it } from 'vitest'
import { laporAdapter, LaporError, mapDispatch } from '../../src/integrations/lapor/adapter.ts'
import { DEFAULT_FIELD_MAP, DEFAULT_STATUS_ORDER, DEFAULT_STATUS_OUT, laporRank, type LaporConfig } from '../../src/integrations/lapor/config.ts'

const config = (over: Partial<LaporConfig['fields']> = {}): LaporConfig => ({
  enabled: true,
  endpoint: 'https://lapor.test/api',
  token: 'tkn',
  inboundTokenHash: null,
  forward: 'all',
  categoryIds: [],
  fields: { ...DEFAULT_FIELD_MAP, ...over },
  statusOut: DEFAULT_STATUS_OUT,
  statusOrder: DEFAULT_STATUS_ORDER,
  pullEveryMinutes: 5,
})

function fakeFetch(status: number, body: unknown) {
  const seen: { url: string; init: RequestInit }[] = []
  const f = (async (url: string, init: RequestInit) => {
    seen.push({ url, init })
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
  }) as unknown as typeof fetch
  return { f, seen }
}

const report = {
  trackingCode: 'NGR-ABCD2345',
  title: 'Jalan rusak',
  body: 'Jalan rusak di Jeuram',
  kind: 'pengaduan',
  category: 'Jalan',
  location: 'Jeuram',
  regionCode: '11.15.01',
  anonymous: true,
  confidential: false,
  submittedAt: new Date('2026-11-20T02:00:00Z'),
}

describe('LAPOR! adapter', () => {
  it('sends the mapped field names, the token and the idempotency key', async () => {
    const { f, seen } = fakeFetch(201, { reportId: 'X-1', state: 'baru' })
    const c = config({ body: 'description', trackingCode: 'external_ref', id: 'reportId', status: 'state' })
    const v = await laporAdapter.forward(c, report, 'fwd:1', f)
    expect(v).toEqual({ laporId: 'X-1', status: 'baru', followUps: [] })
    expect(seen[0]!.url).toBe('https://lapor.test/api/reports')
    const sent = JSON.parse(String(seen[0]!.init.body))
    expect(sent).toMatchObject({ description: 'Jalan rusak di Jeuram', external_ref: 'NGR-ABCD2345', anonim: true, tanggal: '2026-11-20T02:00:00.000Z' })
    expect(sent.isi).toBeUndefined()
    const h = seen[0]!.init.headers as Record<string, string>
    expect(h.authorization).toBe('Bearer tkn')
    expect(h['idempotency-key']).toBe('fwd:1')
  })

  it('reads dispatches and follow-ups through the same map; drops items without id or text', () => {
    const c = config({ body: 'content', id: 'no' })
    expect(mapDispatch(c, { no: 7, content: 'Air mati', rahasia: 'ya' })).toMatchObject({ laporId: '7', body: 'Air mati', confidential: true, anonymous: false })
    expect(mapDispatch(c, { no: 8 })).toBeNull()
  })

  it('classifies failures: 5xx and 429 retry, other 4xx do not', async () => {
    for (const [status, retryable] of [[503, true], [429, true], [422, false], [401, false]] as const) {
      const err = await laporAdapter.fetchReport(config(), 'X', fakeFetch(status, {}).f).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(LaporError)
      expect((err as LaporError).retryable).toBe(retryable)
    }
    const down = (async () => {
      throw new TypeError('fetch failed')
    }) as unknown as typeof fetch
    expect(((await laporAdapter.fetchReport(config(), 'X', down).catch((e: unknown) => e)) as LaporError).retryable).toBe(true)
  })

  it('orders statuses for the reconciliation rule; unknown codes are never ahead', () => {
    const c = config()
    expect(laporRank(c, 'selesai')).toBeGreaterThan(laporRank(c, c.statusOut.in_progress))
    expect(laporRank(c, 'entah')).toBe(-1)
  })
})
