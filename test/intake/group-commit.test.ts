// Group commit of verified webhooks (src/intake/ingest.ts): concurrent webhooks share one
// transaction, nobody is answered before that transaction committed, a failing batch acknowledges
// nothing uncommitted and is retried one webhook per transaction so a bad one fails alone.
import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ChannelAdapter, NormalisedEvent, WebhookRequest } from '../../src/channels/contract.ts'
import type { Db } from '../../src/db/connect.ts'
import { createTenant } from '../../src/accounts/tenants.ts'
import { GroupCommitter, ingestWebhook } from '../../src/intake/ingest.ts'
import { BACKENDS, createTestDatabase, type TestDatabase } from '../harness/db.ts'

/** An adapter whose parse yields one text event per body line: "<eventId> <text>". */
const adapter = {
  parse(req: WebhookRequest): NormalisedEvent[] {
    return req.rawBody
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [id, ...text] = line.split(' ')
        if (id === 'garbage') throw new Error('not a payload')
        return { type: 'message', providerEventId: id!, senderId: 'u1', text: text.join(' '), attachments: [], isPublic: false, sentAt: new Date(0).toISOString() } as unknown as NormalisedEvent
      })
  },
} as unknown as ChannelAdapter

const req = (body: string): WebhookRequest => ({ method: 'POST', headers: { 'content-type': 'text/plain' }, query: {}, rawBody: Buffer.from(body) })

/**
 * The database with its commits counted and, on request, held before they return. A group commit
 * is one autocommitted statement (execute); the one-by-one retry after a failed batch too.
 */
function instrumented(db: Db) {
  const state = { transactions: 0, gate: null as Promise<void> | null }
  const wrapped = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'transaction' && prop !== 'execute') return Reflect.get(target, prop, receiver)
      return async (arg: unknown) => {
        state.transactions++
        const out = prop === 'execute' ? await target.execute(arg as never) : await target.transaction(arg as never)
        if (state.gate) await state.gate
        return out
      }
    },
  })
  return { db: wrapped as Db, state }
}

describe.each(BACKENDS)('group commit of webhooks on %s', (backend) => {
  let tdb: TestDatabase
  let tenantId: string
  const accountId = crypto.randomUUID()
  beforeAll(async () => {
    tdb = await createTestDatabase(backend)
    const t = await createTenant(tdb.database.db, { slug: `gc${Date.now()}`, name: 'Pemerintah Uji', kind: 'kabupaten', regionCode: '11.15', timeZone: 'Asia/Jakarta', codePrefix: 'TST' })
    tenantId = t.id
  }, 180_000) // PGlite's WASM start alone took 34 s at load average 21 on the shared machine
  afterAll(async () => {
    await tdb?.close()
  })
  const account = () => ({ tenantId, id: accountId, type: 'telegram' as const })
  const count = async (sql: string) => Number((await tdb.database.query<{ n: string }>(sql))[0]!.n)

  it('forty concurrent webhooks share a few transactions; each event stored and queued once', async () => {
    const { db, state } = instrumented(tdb.database.db)
    const committer = new GroupCommitter(db, { maxInFlight: 1 })
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => ingestWebhook(db, account(), adapter, req(`a${i} laporan ${i}\na${i} sama`), {}, committer)),
    )
    expect(results.every((r) => r.events === 1 && r.stored === 1)).toBe(true)
    // At most one transaction is in flight, so the 40 arrive at 1 (first) + a few batches.
    expect(state.transactions).toBeGreaterThan(0)
    expect(state.transactions).toBeLessThan(10)
    expect(await count(`select count(*)::text as n from inbound_events where provider_event_id like 'a%'`)).toBe(40)
    expect(await count(`select count(*)::text as n from jobs, jsonb_array_elements(payload->'events') e where queue = 'inbound' and e->>'providerEventId' like 'a%'`)).toBe(40)
  })

  it('the same webhook posted five times at once is stored once; only one caller counts it as new', async () => {
    const { db } = instrumented(tdb.database.db)
    const committer = new GroupCommitter(db)
    const results = await Promise.all(Array.from({ length: 5 }, () => ingestWebhook(db, account(), adapter, req('dup1 sekali saja'), {}, committer)))
    expect(results.map((r) => r.stored).sort()).toEqual([0, 0, 0, 0, 1])
    expect(await count(`select count(*)::text as n from inbound_events where provider_event_id = 'dup1'`)).toBe(1)
    expect(await count(`select count(*)::text as n from jobs, jsonb_array_elements(payload->'events') e where e->>'providerEventId' = 'dup1'`)).toBe(1)
  })

  it('no caller is answered before the transaction holding its rows returned', async () => {
    const { db, state } = instrumented(tdb.database.db)
    const committer = new GroupCommitter(db)
    let open!: () => void
    state.gate = new Promise<void>((r) => (open = r))
    let answered = 0
    const pending = Array.from({ length: 3 }, (_, i) => ingestWebhook(db, account(), adapter, req(`g${i} tunggu`), {}, committer).then(() => answered++))
    await new Promise((r) => setTimeout(r, 200))
    expect(answered).toBe(0)
    open()
    await Promise.all(pending)
    expect(answered).toBe(3)
  })

  it('a failing batch acknowledges nothing uncommitted: the bad webhook fails alone, the others commit', async () => {
    const { db } = instrumented(tdb.database.db)
    const committer = new GroupCommitter(db, { maxInFlight: 1 })
    // All four are submitted in the same turn of the event loop, so they form one batch.
    const first = ingestWebhook(db, account(), adapter, req('b0 pertama'), {}, committer)
    const bad = { ...account(), type: 'no_such_channel' as unknown as 'telegram' } // rejected by the enum
    const outcomes = await Promise.allSettled([
      first,
      ingestWebhook(db, account(), adapter, req('b1 baik'), {}, committer),
      ingestWebhook(db, bad, adapter, req('b2 buruk'), {}, committer),
      ingestWebhook(db, account(), adapter, req('b3 baik'), {}, committer),
    ])
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled'])
    const ids = await tdb.database.query<{ provider_event_id: string }>(`select provider_event_id from inbound_events where provider_event_id like 'b%' order by 1`)
    expect(ids.map((r) => r.provider_event_id)).toEqual(['b0', 'b1', 'b3'])
    expect(await count(`select count(*)::text as n from jobs, jsonb_array_elements(payload->'events') e where e->>'providerEventId' like 'b%'`)).toBe(3)
  })

  it('an unparsable body is stored as failed, without a job', async () => {
    const r = await ingestWebhook(tdb.database.db, account(), adapter, req('garbage x'), {})
    expect(r).toMatchObject({ unparsable: true, stored: 0 })
    const [row] = await tdb.database.query<{ status: string; last_error: string }>(`select status, last_error from inbound_events where body = 'garbage x'`)
    expect(row).toMatchObject({ status: 'failed', last_error: 'parse: not a payload' })
  })
})
