// A send that fails inside a batch of outbox jobs is retried after the queue's backoff, not at
// once: the other sends of the batch are recorded as sent, the failed one stays queued with its
// error and its job waits (both databases).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startJobs } from '../../src/jobs/index.ts'
import { startWorker } from '../../src/jobs/queue.ts'
import { inboundHandler } from '../../src/intake/process.ts'
import type { TestApp } from '../harness/app.ts'
import { BACKENDS } from '../harness/db.ts'
import type { MetaSimulator } from '../simulators/meta.ts'
import { startWhatsAppApp, type WhatsAppApp } from './whatsapp-app.ts'

describe.each(BACKENDS)('outbox batch retry on %s', (backend) => {
  let w: WhatsAppApp
  let t: TestApp
  let sim: MetaSimulator
  let url: string
  beforeAll(async () => {
    w = await startWhatsAppApp(backend)
    ;({ t, sim, url } = w)
  })
  afterAll(async () => {
    await w?.close()
  })

  const q = <T,>(s: string) => t.ctx.database.query<T>(s)

  it('retries the failed send after its backoff and keeps the others sent', async () => {
    for (let k = 0; k < 3; k++) {
      const r = await sim.sendWhatsAppText({ url, appSecret: 'sim-app-secret', from: `6281377${String(k).padStart(5, '0')}`, text: `Drainase tersumbat di blok ${k}` })
      expect(r.status).toBe(200)
    }
    // Intake only: three acknowledgements wait in the outbox.
    const intake = await startWorker({ database: t.ctx.database, handlers: { inbound: inboundHandler(t.ctx) } })
    await intake.drain(['inbound'])
    await intake.stop(2000)
    // (Acknowledgements queued in one statement share a job: count the messages in queued jobs.)
    expect(
      (await q<{ n: number }>(`select sum(coalesce(jsonb_array_length(payload->'outboundIds'), 1))::int as n from jobs where queue = 'outbox' and status = 'queued'`))[0]!.n,
    ).toBe(3)

    sim.reset()
    sim.failNext(1, 503)
    const jobs = await startJobs(t.ctx, { schedules: false, backoff: () => 60_000 })
    try {
      await jobs.worker.drain(['outbox'])
    } finally {
      await jobs.stop(2000)
    }
    const sends = sim.calls.filter((c) => c.method === 'POST' && String(c.path).endsWith('/messages'))
    expect(sends).toHaveLength(3) // not 4: the failed one was not sent again at once
    const out = await q<{ status: string; attempts: number; last_error: string | null }>(`select status, attempts, last_error from outbound_messages order by status`)
    expect(out.map((o) => o.status)).toEqual(['queued', 'sent', 'sent'])
    expect(out[0]!.attempts).toBe(1)
    expect(out[0]!.last_error).toBeTruthy()
    const [job] = await q<{ status: string; later: boolean }>(
      `select status, run_at > now() + interval '30 seconds' as later from jobs where queue = 'outbox' and status <> 'done'`,
    )
    expect(job).toEqual({ status: 'failed', later: true })
  })
})
