// Batched intake and outbox on both databases: 60 complaints stored before any worker runs are
// claimed in batches (one transaction per batch), giving 60 reports and exactly one acknowledgement
// each; a batch holding one event that fails is rolled back and re-run job by job, so only that
// event fails (and ends dead after its attempts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startJobs } from '../../src/jobs/index.ts'
import type { TestApp } from '../harness/app.ts'
import { BACKENDS } from '../harness/db.ts'
import type { MetaSimulator } from '../simulators/meta.ts'
import { startWhatsAppApp, type WhatsAppApp } from './whatsapp-app.ts'

describe.each(BACKENDS)('batched intake on %s', (backend) => {
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

  const send = (k: number, text: string) =>
    sim.sendWhatsAppText({ url, appSecret: 'sim-app-secret', from: `6281300${String(k).padStart(5, '0')}`, name: `Warga ${k}`, text })
  const count = async (q: string) => Number((await t.ctx.database.query<{ n: number }>(q))[0]!.n)

  it('60 stored complaints: 60 reports, one acknowledgement each', async () => {
    const res = await Promise.all(Array.from({ length: 60 }, (_, k) => send(k, `Jalan rusak nomor ${k} di depan pasar, mohon segera diperbaiki`)))
    expect(res.every((r) => r.status === 200)).toBe(true)
    const jobs = await startJobs(t.ctx, { schedules: false })
    try {
      await jobs.worker.drain(['inbound', 'outbox'])
    } finally {
      await jobs.stop(2000)
    }
    expect(await count('select count(*)::int as n from reports')).toBe(60)
    expect(await count(`select count(*)::int as n from messages where direction = 'in'`)).toBe(60)
    expect(await count(`select count(*)::int as n from outbound_messages where status = 'sent'`)).toBe(60)
    expect(await count(`select count(*)::int as n from inbound_events where status = 'processed'`)).toBe(60)
    const acks = sim.calls.filter((c) => c.method === 'POST' && JSON.stringify(c.body ?? '').includes('TST-'))
    expect(acks).toHaveLength(60)
    expect(new Set(acks.map((c) => (c.body as { to?: string }).to)).size).toBe(60)
  })

  it('one failing event in a batch fails alone', async () => {
    await t.ctx.database.query(`create or replace function aduan_test_fail2() returns trigger language plpgsql as $$
      begin if new.direction = 'in' and new.body like '%RUSAK-UJI%' then raise exception 'simulated intake bug'; end if; return new; end $$`)
    await t.ctx.database.query('create trigger aduan_test_fail2 before insert on messages for each row execute function aduan_test_fail2()')
    await Promise.all(Array.from({ length: 20 }, (_, k) => send(100 + k, k === 7 ? 'Lampu RUSAK-UJI di gang 7' : `Sampah menumpuk di pasar blok ${k}, mohon diangkut`)))
    const jobs = await startJobs(t.ctx, { schedules: false, backoff: () => 0 })
    try {
      await jobs.worker.drain(['inbound', 'outbox'])
    } finally {
      await jobs.stop(2000)
      await t.ctx.database.query('drop trigger aduan_test_fail2 on messages')
    }
    expect(await count('select count(*)::int as n from reports')).toBe(79)
    expect(await count(`select count(*)::int as n from inbound_events where status = 'dead'`)).toBe(1)
    expect(await count(`select count(*)::int as n from outbound_messages where status = 'sent'`)).toBe(79)
  })
})
