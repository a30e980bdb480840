// Orphaned inbound events on both databases: a stored event whose job row was lost is found by the
// backfill, queued once (a second backfill while it waits queues nothing) and processed; an event
// with a live job is left to that job.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requeueOrphanedInbound } from '../../src/intake/backfill.ts'
import { startJobs } from '../../src/jobs/index.ts'
import type { TestApp } from '../harness/app.ts'
import { BACKENDS } from '../harness/db.ts'
import type { MetaSimulator } from '../simulators/meta.ts'
import { startWhatsAppApp, type WhatsAppApp } from './whatsapp-app.ts'

describe.each(BACKENDS)('inbound backfill on %s', (backend) => {
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

  const count = async (q: string) => Number((await t.ctx.database.query<{ n: number }>(q))[0]!.n)

  it('queues a pending event whose job was lost, once, and it is processed', async () => {
    const send = (k: number) => sim.sendWhatsAppText({ url, appSecret: 'sim-app-secret', from: `6281399${String(k).padStart(5, '0')}`, text: `Saluran air tersumbat di lorong ${k}` })
    expect((await send(1)).status).toBe(200)
    expect((await send(2)).status).toBe(200)
    // Both stored a minute ago; the first one's job is lost.
    await t.ctx.database.query(`update inbound_events set received_at = now() - interval '2 minutes'`)
    const [lost] = await t.ctx.database.query<{ id: string }>(`select id::text from inbound_events order by id limit 1`)
    await t.ctx.database.query(`delete from jobs where queue = 'inbound' and payload->'events' @> jsonb_build_array(jsonb_build_object('inboundEventId', $1::bigint))`, [lost!.id])

    expect(await requeueOrphanedInbound(t.ctx)).toBe(1)
    expect(await requeueOrphanedInbound(t.ctx)).toBe(0) // its new job is live
    expect(await count(`select count(*)::int as n from jobs where queue = 'inbound'`)).toBe(2)

    const jobs = await startJobs(t.ctx, { schedules: false })
    try {
      await jobs.worker.drain(['inbound'])
    } finally {
      await jobs.stop(2000)
    }
    expect(await count(`select count(*)::int as n from inbound_events where status = 'processed'`)).toBe(2)
    expect(await count('select count(*)::int as n from reports')).toBe(2)
    expect(await requeueOrphanedInbound(t.ctx)).toBe(0)
  })

  it('reads the last day on a periodic pass and every row on a first pass (no index reads status)', async () => {
    const res = await sim.sendWhatsAppText({ url, appSecret: 'sim-app-secret', from: '628139900077', text: 'Lampu jalan mati di depan pasar' })
    expect(res.status).toBe(200)
    const [old] = await t.ctx.database.query<{ id: string }>(`select id::text from inbound_events order by id desc limit 1`)
    await t.ctx.database.query(`update inbound_events set received_at = now() - interval '3 days' where id = $1`, [old!.id])
    await t.ctx.database.query(`delete from jobs where queue = 'inbound' and payload->'events' @> jsonb_build_array(jsonb_build_object('inboundEventId', $1::bigint))`, [old!.id])
    expect(await requeueOrphanedInbound(t.ctx, 1000, 'day')).toBe(0)
    expect(await requeueOrphanedInbound(t.ctx, 1000, 'all')).toBe(1)
    // Marking an event processed changes no indexed column (a HOT update on PostgreSQL, 0023).
    const defs = await t.ctx.database.query<{ indexdef: string }>(`select indexdef from pg_indexes where tablename = 'inbound_events'`)
    expect(defs.length).toBeGreaterThanOrEqual(4)
    for (const { indexdef } of defs) expect(indexdef).not.toMatch(/\b(status|processed_at|attempts)\b/)
  })
})
