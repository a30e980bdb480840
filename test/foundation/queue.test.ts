import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enqueue, PRIORITY, startWorker, type Job } from '../../src/jobs/queue.ts'
import { BACKENDS, createTestDatabase, type TestDatabase } from '../harness/db.ts'

describe.each(BACKENDS)('job queue on %s', (backend) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await createTestDatabase(backend)
  })
  afterAll(async () => t?.close())

  it('runs a job enqueued in a committed transaction, and none from a rolled-back one', async () => {
    const seen: Job[] = []
    const w = await startWorker({ database: t.database, handlers: { a: async (j) => void seen.push(j) }, pollMs: 50 })
    await t.database.db.transaction(async (tx) => {
      await enqueue(tx, { queue: 'a', payload: { n: 1 } })
    })
    await t.database.db
      .transaction(async (tx) => {
        await enqueue(tx, { queue: 'a', payload: { n: 2 } })
        throw new Error('rollback')
      })
      .catch(() => {})
    await w.drain(['a'])
    await w.stop()
    expect(seen.map((j) => j.payload.n)).toEqual([1])
  })

  it('retries with backoff, then marks the job dead', async () => {
    let calls = 0
    const w = await startWorker({
      database: t.database,
      handlers: { flaky: async () => void (calls++, (() => { throw new Error('boom') })()) },
      pollMs: 20,
      backoff: () => 10,
    })
    await enqueue(t.database.db, { queue: 'flaky', maxAttempts: 3 })
    const until = Date.now() + 10_000
    let status = ''
    while (Date.now() < until) {
      const [r] = await t.database.query<{ status: string }>(`select status from jobs where queue = 'flaky'`)
      status = r!.status
      if (status === 'dead') break
      await new Promise((r) => setTimeout(r, 30))
    }
    await w.stop()
    expect(status).toBe('dead')
    expect(calls).toBe(3)
  })

  it('keeps singletons unique and serves inbound ahead of bulk work', async () => {
    expect(await enqueue(t.database.db, { queue: 's', singletonKey: 'k' })).not.toBeNull()
    expect(await enqueue(t.database.db, { queue: 's', singletonKey: 'k' })).toBeNull()
    const order: string[] = []
    for (let i = 0; i < 5; i++) await enqueue(t.database.db, { queue: 'bulk', priority: PRIORITY.bulk, payload: { i } })
    await enqueue(t.database.db, { queue: 'inbound', priority: PRIORITY.inbound })
    const w = await startWorker({
      database: t.database,
      handlers: { s: async () => {}, bulk: async () => void order.push('bulk'), inbound: async () => void order.push('inbound') },
      lanes: [{ name: 'one', queues: '*', concurrency: 1 }],
      pollMs: 20,
    })
    await w.drain(['s', 'bulk', 'inbound'])
    await w.stop()
    expect(order[0]).toBe('inbound')
    expect(order).toHaveLength(6)
  })

  it('retries a job whose worker died while holding it', async () => {
    const [row] = await t.database.query<{ id: number }>(
      `insert into jobs (queue, status, locked_until, attempts) values ('orphan', 'running', now() - interval '1 minute', 1) returning id`,
    )
    let ran = false
    const w = await startWorker({ database: t.database, handlers: { orphan: async () => void (ran = true) }, pollMs: 20 })
    await w.drain(['orphan'])
    await w.stop()
    expect(ran).toBe(true)
    const [j] = await t.database.query<{ status: string }>(`select status from jobs where id = $1`, [row!.id])
    expect(j!.status).toBe('done')
  })

  it.runIf(backend === 'pglite')('on the embedded database, retries at start every job left running (the DATA_DIR is ours alone)', async () => {
    const [row] = await t.database.query<{ id: number }>(
      `insert into jobs (queue, status, locked_until, attempts) values ('killed', 'running', now() + interval '5 minutes', 1) returning id`,
    )
    let ran = false
    const w = await startWorker({ database: t.database, handlers: { killed: async () => void (ran = true) }, pollMs: 20 })
    await w.drain(['killed'])
    await w.stop()
    expect(ran).toBe(true)
    const [j] = await t.database.query<{ status: string }>(`select status from jobs where id = $1`, [row!.id])
    expect(j!.status).toBe('done')
  })

  it.runIf(backend === 'postgres')('renews the lock of a long job, so another process does not take it over', async () => {
    let runs = 0
    const slow = async () => {
      runs++
      await new Promise((r) => setTimeout(r, 2500))
    }
    const a = await startWorker({ database: t.database, handlers: { slow }, pollMs: 20, lockMs: 1200 })
    await enqueue(t.database.db, { queue: 'slow' })
    await new Promise((r) => setTimeout(r, 1600)) // past the first lock, after one renewal
    const b = await startWorker({ database: t.database, handlers: { slow }, pollMs: 20, lockMs: 1200 })
    await a.drain(['slow'], 10_000)
    await Promise.all([a.stop(), b.stop()])
    expect(runs).toBe(1)
  })
})
