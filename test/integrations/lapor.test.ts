// SP4N-LAPOR! bridge end to end against the local LAPOR! simulator, on both databases: a verified
// report is forwarded exactly once through failures, follow-ups and statuses come back, dispatches
// from LAPOR! become reports here with both tracking ids, and the sync log tells operators what happened.
import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { categories } from '../../src/db/schema/index.ts'
import { startJobs, type JobRuntime } from '../../src/jobs/index.ts'
import { as, createTestApp, login, makeAgency, makeTenant, makeUser, type TestApp } from '../harness/app.ts'
import { BACKENDS } from '../harness/db.ts'
import { startLaporSimulator, type LaporSimulator } from '../simulators/lapor.ts'

const BRIDGE_QUEUES = ['lapor-forward', 'lapor-push', 'lapor-pull']

describe.each(BACKENDS)('SP4N-LAPOR! bridge on %s', (backend) => {
  let t: TestApp
  let sim: LaporSimulator
  let jobs: JobRuntime
  let op: ReturnType<typeof as>
  let agencyUser: ReturnType<typeof as>
  let tenantId: string
  let agencyId: string
  const inboundToken = 'lapor-inbound-token-0123456789'

  const q = <T>(sql: string, params: unknown[] = []) => t.ctx.database.query<T>(sql, params)

  /**
   * Until `probe` returns a truthy value. Each round first runs the bridge's jobs that are due
   * (drain wakes the workers at once instead of their 1 s poll); retries still wait for their backoff.
   */
  async function until<T>(probe: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      await jobs.worker.drain(BRIDGE_QUEUES, Math.max(1, deadline - Date.now())).catch(() => {})
      const v = await probe()
      if (v) return v
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
      await new Promise((r) => setTimeout(r, 20))
    }
  }

  async function verifiedReport(body: string, categoryId: string | null = null) {
    const c = await op('POST', '/api/reports', { body, channel: 'phone', reporterName: 'Siti Aminah', reporterPhone: '081234567890' })
    expect(c.statusCode, c.body).toBe(201)
    const { id, trackingCode } = c.json() as { id: string; trackingCode: string }
    const v = await op('POST', `/api/reports/${id}/verify-and-dispatch`, {
      title: 'Jalan berlubang di Jeuram',
      kind: 'pengaduan',
      categoryId,
      regionCode: null,
      flags: { anonymous: false, confidential: false },
      dispositions: [{ id: crypto.randomUUID(), agencyId, instruction: 'Mohon ditangani' }],
    })
    expect(v.statusCode, v.body).toBe(200)
    return { id, trackingCode }
  }

  const linkOf = (reportId: string) =>
    until(async () => (await q<{ state: string; lapor_id: string }>(`select state, lapor_id from lapor_links where report_id = $1 and state = 'sent'`, [reportId]))[0], 'the forward')

  beforeAll(async () => {
    t = await createTestApp(backend)
    sim = await startLaporSimulator()
    // Retries after 50 ms instead of 1 s, 2 s, ...: the same attempts, counted the same way.
    jobs = await startJobs(t.ctx, { schedules: false, backoff: () => 50 })
    const tenant = await makeTenant(t.ctx)
    tenantId = tenant.id
    agencyId = (await makeAgency(t.ctx, tenantId, 'pupr')).id
    op = as(t.app, await login(t.app, (await makeUser(t.ctx, tenantId, 'operator')).email))
    agencyUser = as(t.app, await login(t.app, (await makeUser(t.ctx, tenantId, 'agency_admin', agencyId)).email))
    const cfg = await op('PUT', '/api/bridges/lapor/config', { enabled: true, endpoint: sim.url, token: sim.token, forward: 'all', inboundToken })
    expect(cfg.statusCode, cfg.body).toBe(200)
    expect(cfg.json()).toMatchObject({ configured: true, hasToken: true, hasInboundToken: true })
    expect(cfg.body).not.toContain(sim.token)
  }, 180_000)
  afterAll(async () => {
    await jobs?.stop(2000)
    await sim?.close()
    await t?.close()
  })

  it('keeps the token sealed at rest and out of every answer', async () => {
    const [row] = await q<{ s: string }>(`select settings::text as s from tenants where id = $1`, [tenantId])
    expect(row!.s).not.toContain(sim.token)
    expect(row!.s).not.toContain(inboundToken)
    const g = await op('GET', '/api/bridges/lapor/config')
    expect(g.json()).toMatchObject({ endpoint: sim.url, forward: 'all', hasToken: true })
    expect(g.body).not.toContain(sim.token)
    expect((await agencyUser('GET', '/api/bridges/lapor/config')).statusCode).toBe(403)
    expect((await t.app.inject({ method: 'GET', url: '/api/bridges/lapor/config' })).statusCode).toBe(401)
    expect((await op('PUT', '/api/bridges/lapor/config', { enabled: true, endpoint: 'not a url' })).statusCode).toBe(400)
  })

  it('a verified report reaches LAPOR! exactly once although LAPOR! fails twice first', async () => {
    sim.failNext(2, 503, { path: /^\/reports$/ })
    const { id, trackingCode } = await verifiedReport('Jalan di depan Pasar Jeuram berlubang besar, sudah dua bulan. Hubungi saya 081234567890')
    const link = await linkOf(id)
    const posts = sim.calls.filter((c) => c.method === 'POST' && c.path === '/reports' && c.body?.nomor_referensi === trackingCode)
    expect(posts.map((c) => c.status)).toEqual([503, 503, 201])
    const atLapor = sim.reports().filter((r) => r.fields.nomor_referensi === trackingCode)
    expect(atLapor).toHaveLength(1)
    expect(atLapor[0]!.id).toBe(link.lapor_id)
    // Personal data is masked before it leaves (LAPOR! publishes reports).
    expect(String(atLapor[0]!.fields.isi)).not.toContain('081234567890')
    const [r] = await q<{ lapor: string }>(`select external_refs->>'lapor' as lapor from reports where id = $1`, [id])
    expect(r!.lapor).toBe(link.lapor_id)
    const log = await op('GET', `/api/bridges/log?system=lapor&reportId=${id}`)
    expect(log.statusCode).toBe(200)
    const forwards = (log.json().items as { action: string; status: string }[]).filter((e) => e.action === 'forward').map((e) => e.status)
    expect(forwards.sort()).toEqual(['ok', 'retry', 'retry'])
    // Our status follows to LAPOR! (dispatched -> belum_ditindaklanjuti).
    await until(async () => sim.report(link.lapor_id)!.status === 'belum_ditindaklanjuti', 'the status push')
    // Forwarding it again by hand is refused: nothing is sent twice.
    expect((await op('POST', `/api/reports/${id}/lapor`)).statusCode).toBe(409)
  }, 40_000)

  it('a lost answer (LAPOR! stored it, then failed) still gives one LAPOR! report', async () => {
    sim.failNext(1, 502, { path: /^\/reports$/, mode: 'after' })
    const { id, trackingCode } = await verifiedReport('Lampu jalan di Simpang Peut mati semua sejak minggu lalu')
    await linkOf(id)
    expect(sim.calls.filter((c) => c.path === '/reports' && c.body?.nomor_referensi === trackingCode)).toHaveLength(2)
    expect(sim.reports().filter((r) => r.fields.nomor_referensi === trackingCode)).toHaveLength(1)
  }, 40_000)

  it("a follow-up posted on LAPOR! appears in the report's timeline, once", async () => {
    const [row] = await q<{ report_id: string; lapor_id: string }>(`select report_id, lapor_id from lapor_links where direction = 'outbound' order by created_at limit 1`)
    sim.addFollowUp(row!.lapor_id, { isi: 'Perbaikan jalan dijadwalkan minggu depan oleh Balai Jalan Nasional.', instansi: 'Kementerian PUPR' })
    for (let i = 0; i < 2; i++) {
      expect((await op('POST', '/api/bridges/lapor/sync')).statusCode).toBe(202)
      await jobs.worker.drain(['lapor-pull', 'lapor-push'])
    }
    const tl = await op('GET', `/api/reports/${row!.report_id}/events`)
    const fus = (tl.json().items as { type: string; data: { body?: string; author?: string } }[]).filter((e) => e.type === 'lapor_follow_up')
    expect(fus).toHaveLength(1)
    expect(fus[0]!.data).toMatchObject({ body: 'Perbaikan jalan dijadwalkan minggu depan oleh Balai Jalan Nasional.', author: 'Kementerian PUPR' })
    // The agency the report was dispatched to sees it too (not internal).
    const seen = await agencyUser('GET', `/api/reports/${row!.report_id}/events`)
    expect((seen.json().items as { type: string }[]).some((e) => e.type === 'lapor_follow_up')).toBe(true)
  }, 40_000)

  it('when LAPOR! is ahead of us, operators are told once and our lifecycle does not move', async () => {
    const [row] = await q<{ report_id: string; lapor_id: string }>(`select report_id, lapor_id from lapor_links where direction = 'outbound' order by created_at limit 1`)
    sim.setStatus(row!.lapor_id, 'selesai')
    for (let i = 0; i < 2; i++) {
      await op('POST', '/api/bridges/lapor/sync')
      await jobs.worker.drain(['lapor-pull', 'lapor-push'])
    }
    const ev = await q<{ type: string; internal: boolean }>(`select type, internal from report_events where report_id = $1 and type = 'lapor_status_conflict'`, [row!.report_id])
    expect(ev).toEqual([{ type: 'lapor_status_conflict', internal: true }])
    const [r] = await q<{ status: string }>(`select status from reports where id = $1`, [row!.report_id])
    expect(r!.status).toBe('dispatched')
    // When LAPOR! is behind, ours is pushed again.
    sim.setStatus(row!.lapor_id, 'belum_terverifikasi')
    await op('POST', '/api/bridges/lapor/sync')
    await jobs.worker.drain(['lapor-pull', 'lapor-push'])
    await until(async () => sim.report(row!.lapor_id)!.status === 'belum_ditindaklanjuti', 'the re-push')
  }, 40_000)

  it('a report LAPOR! dispatches to this Pemda becomes a report here with both tracking ids', async () => {
    const laporId = sim.dispatch({ judul: 'Sampah menumpuk di pasar', isi: 'Sampah di Pasar Suka Makmue tidak diangkut seminggu.', kategori: 'Kebersihan', lokasi: 'Pasar Suka Makmue', klasifikasi: 'pengaduan' })
    for (let i = 0; i < 2; i++) {
      await op('POST', '/api/bridges/lapor/sync')
      await jobs.worker.drain(['lapor-pull', 'lapor-push'])
    }
    const rows = await q<{ id: string; tracking_code: string; channel_type: string; lapor: string; title: string }>(
      `select id, tracking_code, channel_type, external_refs->>'lapor' as lapor, title from reports where external_refs->>'lapor' = $1`,
      [laporId],
    )
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ channel_type: 'lapor', lapor: laporId, title: 'Sampah menumpuk di pasar' })
    expect(rows[0]!.tracking_code).toMatch(/^TST-/)
    expect(sim.dispatches().find((d) => d.id === laporId)!.ackedWith).toBe(rows[0]!.tracking_code)
    const link = await op('GET', `/api/reports/${rows[0]!.id}/lapor`)
    expect(link.json()).toMatchObject({ direction: 'inbound', laporId, state: 'sent' })
    const [ev] = await q<{ actor_kind: string }>(`select actor_kind from report_events where report_id = $1 and type = 'received'`, [rows[0]!.id])
    expect(ev!.actor_kind).toBe('system')
  }, 40_000)

  it('LAPOR! may also push a dispatch to the inbound endpoint (bearer token; idempotent)', async () => {
    const item = { id: 'LPR-PUSH-1', isi: 'Air PDAM mati tiga hari di Desa Ujong Patihah', judul: 'Air PDAM mati' }
    const url = `/bridges/lapor/${tenantId}/dispatches`
    const bad = await t.app.inject({ method: 'POST', url, payload: item, headers: { 'x-bridge-token': 'wrong-token-wrong-token' } })
    expect(bad.statusCode).toBe(401)
    const invalidBody = await t.app.inject({ method: 'POST', url, payload: { id: 'x' }, headers: { 'x-bridge-token': inboundToken } })
    expect(invalidBody.statusCode).toBe(400)
    const a = await t.app.inject({ method: 'POST', url, payload: item, headers: { 'x-bridge-token': inboundToken } })
    const b = await t.app.inject({ method: 'POST', url, payload: item, headers: { 'x-bridge-token': inboundToken } })
    expect(a.statusCode, a.body).toBe(201)
    expect(b.json().trackingCode).toBe(a.json().trackingCode)
    expect(await q(`select 1 from reports where external_refs->>'lapor' = 'LPR-PUSH-1'`)).toHaveLength(1)
  })

  it('one by one: with the manual policy an operator forwards a verified report', async () => {
    await op('PUT', '/api/bridges/lapor/config', { enabled: true, endpoint: sim.url, forward: 'manual' })
    const c = await op('POST', '/api/reports', { body: 'Drainase tersumbat di Jalan Nasional km 3', channel: 'walk_in' })
    const id = c.json().id as string
    expect((await op('POST', `/api/reports/${id}/lapor`)).statusCode).toBe(409) // not verified yet
    const { id: verified, trackingCode } = await verifiedReport('Drainase tersumbat di depan kantor camat')
    expect(await q(`select 1 from lapor_links where report_id = $1`, [verified])).toHaveLength(0)
    expect((await agencyUser('POST', `/api/reports/${verified}/lapor`)).statusCode).toBe(403)
    expect((await op('POST', `/api/reports/${verified}/lapor`)).statusCode).toBe(202)
    await linkOf(verified)
    expect(sim.reports().filter((r) => r.fields.nomor_referensi === trackingCode)).toHaveLength(1)
  }, 40_000)

  it('by category: only verified reports of the chosen categories are forwarded', async () => {
    const [roads, water] = await t.ctx.db
      .insert(categories)
      .values([
        { tenantId, slug: 'jalan', name: 'Jalan dan Jembatan' },
        { tenantId, slug: 'air', name: 'Air Bersih' },
      ])
      .returning({ id: categories.id })
    const put = await op('PUT', '/api/bridges/lapor/config', { enabled: true, endpoint: sim.url, forward: 'categories', categoryIds: [roads!.id] })
    expect(put.statusCode, put.body).toBe(200)
    const inCat = await verifiedReport('Jembatan gantung di Beutong putus sebagian', roads!.id)
    const outCat = await verifiedReport('Air PDAM keruh di Kuala Pesisir', water!.id)
    await linkOf(inCat.id)
    await jobs.worker.drain(['lapor-forward', 'lapor-push'])
    expect(await q(`select 1 from lapor_links where report_id = $1`, [outCat.id])).toHaveLength(0)
    expect(sim.reports().find((r) => r.fields.nomor_referensi === inCat.trackingCode)!.fields.kategori).toBe('Jalan dan Jembatan')
  }, 40_000)
})
