// Outgoing webhooks on both databases against a local subscriber (test/simulators/subscriber.ts):
// the API's auth cases, signatures that verify with the documented algorithm, no identity in
// payloads, a subscriber that is down and returns gets every event in order per report, a lost
// acknowledgement is retried under the same Idempotency-Key, internal events never leave.
import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WEBHOOK_QUEUE } from '../../src/integrations/webhooks/enqueue.ts'
import { verifySignature } from '../../src/integrations/webhooks/signature.ts'
import { jobHandlers } from '../../src/jobs/index.ts'
import { startWorker, type Worker } from '../../src/jobs/queue.ts'
import { as, createTestApp, login, makeTenant, makeUser, type TestApp } from '../harness/app.ts'
import { BACKENDS } from '../harness/db.ts'
import { startSubscriber, type Subscriber } from '../simulators/subscriber.ts'

type Call = ReturnType<typeof as>

describe.each(BACKENDS)('outgoing webhooks on %s', (backend) => {
  let t: TestApp
  let sub: Subscriber
  let worker: Worker
  let admin: Call, operator: Call
  let subscriptionId: string
  let secret: string

  beforeAll(async () => {
    t = await createTestApp(backend)
    sub = await startSubscriber()
    const tenant = await makeTenant(t.ctx)
    admin = as(t.app, await login(t.app, (await makeUser(t.ctx, tenant.id, 'super_admin')).email))
    operator = as(t.app, await login(t.app, (await makeUser(t.ctx, tenant.id, 'operator')).email))
    // Short growing backoff so a test sees several retries in well under a second yet has about 20 s
    // before a chain's 25 attempts run out; production uses the queue's default (1 s to 15 min).
    worker = await startWorker({
      database: t.ctx.database,
      handlers: { [WEBHOOK_QUEUE]: jobHandlers(t.ctx)[WEBHOOK_QUEUE]! },
      lanes: [{ name: 'webhooks', queues: '*', concurrency: 2 }],
      backoff: (n) => Math.min(100 * n, 1000),
      pollMs: 100,
    })
  }, 180_000)
  afterAll(async () => {
    await worker?.stop(2000)
    await sub?.close()
    await t?.close()
  })

  const report = async (body: string, extra: Record<string, unknown> = {}) => {
    const r = await operator('POST', '/api/reports', { body, channel: 'phone', ...extra })
    expect(r.statusCode, r.body).toBe(201)
    return r.json().id as string
  }
  const command = async (id: string, cmd: string, body: object) => {
    const r = await operator('POST', `/api/reports/${id}/${cmd}`, body)
    expect(r.statusCode, r.body).toBe(200)
  }
  const publicEventIds = async (reportId: string) =>
    (
      await t.ctx.database.query<{ id: string }>(
        'select id from report_events where report_id = $1 and not internal order by id',
        [reportId],
      )
    ).map((r) => `${r.id}`)
  const acceptedFor = (reportId: string) =>
    sub.accepted
      .filter((a) => (a.payload.report as { id: string }).id === reportId)
      .map((a) => `${(a.payload.event as { id: number }).id}`)

  it('only a super_admin manages subscriptions; invalid input is refused', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/webhooks' })).statusCode).toBe(401)
    expect((await operator('GET', '/api/webhooks')).statusCode).toBe(403)
    expect((await operator('POST', '/api/webhooks', { url: sub.url })).statusCode).toBe(403)
    expect((await admin('POST', '/api/webhooks', { url: 'ftp://example.test/x' })).statusCode).toBe(400)
    expect((await admin('POST', '/api/webhooks', { url: sub.url, eventTypes: ['no_such_event'] })).statusCode).toBe(400)
    expect((await admin('DELETE', `/api/webhooks/${crypto.randomUUID()}`)).statusCode).toBe(404)
  })

  it('creates a subscription whose secret is shown once', async () => {
    const r = await admin('POST', '/api/webhooks', { url: sub.url, eventTypes: ['*'] })
    expect(r.statusCode, r.body).toBe(201)
    subscriptionId = r.json().id
    secret = r.json().secret
    expect(secret).toMatch(/^whsec_/)
    sub.setSecret(secret)
    const list = await admin('GET', '/api/webhooks')
    expect(list.json().items).toHaveLength(1)
    expect(list.body).not.toContain(secret)
    const [row] = await t.ctx.database.query<{ secret: string }>('select secret from webhook_subscriptions')
    expect(row!.secret).not.toContain(secret) // sealed at rest
  })

  it('delivers a signed event that verifies with the documented algorithm, without identity', async () => {
    const id = await report('Lampu jalan mati di depan rumah saya, hubungi 081234567890 atau budi@contoh.id', {
      reporterName: 'Budi Santoso',
      reporterPhone: '081234567890',
      flags: { anonymous: true },
    })
    await sub.waitFor(() => acceptedFor(id).length === 1)
    const r = sub.receipts.find((x) => x.body.includes(id))!
    expect(r.verified).toBe(true)
    expect(verifySignature(r.signature, secret, r.body)).toBe(true)
    expect(verifySignature(r.signature, 'whsec_wrong', r.body)).toBe(false)
    expect(verifySignature(r.signature, secret, r.body.replace('received', 'closed'))).toBe(false)
    expect(r.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/)
    expect(r.event).toBe('report.received')
    for (const secretBit of ['Budi', 'Santoso', '081234567890', 'budi@contoh.id']) expect(r.body).not.toContain(secretBit)
    const p = JSON.parse(r.body)
    expect(p).toMatchObject({ type: 'report.received', report: { id, status: 'received', flags: { anonymous: true } } })
    expect(r.key).toBe(p.id)
  })

  it('a subscriber that is down receives every event after it returns, in order per report', async () => {
    sub.setMode('down')
    const before = sub.receipts.length
    const a = await report('Jalan berlubang di Jeuram sudah dua bulan')
    const b = await report('Air PDAM mati tiga hari di Ujong Fatihah')
    await command(a, 'request-info', { message: 'Mohon lokasi persisnya' })
    await command(b, 'request-info', { message: 'Sejak kapan?' })
    await command(a, 'provide-info', { message: 'Di depan pasar' })
    await command(b, 'provide-info', { message: 'Sejak Senin' })
    await command(a, 'add-note', { noteId: crypto.randomUUID(), body: 'catatan internal operator' })
    // Several refused attempts while down (the chain stops at the first undelivered event).
    await sub.waitFor(() => sub.receipts.slice(before).filter((x) => x.answered === 503).length >= 4)
    const log = await admin('GET', `/api/webhooks/${subscriptionId}/deliveries?status=failed`)
    expect(log.statusCode).toBe(200)
    expect(log.json().items.length).toBeGreaterThanOrEqual(1)
    const failed = log.json().items[0]
    expect(failed.attemptLog).toHaveLength(failed.attempts)
    expect(failed.attemptLog[0]).toMatchObject({ status: 503, error: 'HTTP 503' })
    sub.setMode('up')
    const wantA = await publicEventIds(a)
    const wantB = await publicEventIds(b)
    expect(wantA).toHaveLength(3)
    await sub.waitFor(() => acceptedFor(a).length === wantA.length && acceptedFor(b).length === wantB.length)
    expect(acceptedFor(a)).toEqual(wantA)
    expect(acceptedFor(b)).toEqual(wantB)
    // Never event n+1 of a report before event n: in arrival order too, not only among accepted.
    for (const id of [a, b]) {
      const arrived = sub.receipts
        .filter((x) => x.body.includes(id))
        .map((x) => (JSON.parse(x.body).event as { id: number }).id)
      expect(arrived).toEqual([...arrived].sort((m, n) => m - n))
    }
    expect(sub.receipts.some((x) => x.event === 'report.note_added' || x.body.includes('catatan internal'))).toBe(false)
    // Each event was acknowledged (2xx) exactly once.
    const acks = sub.receipts.filter((x) => x.answered === 200).map((x) => x.key)
    expect(new Set(acks).size).toBe(acks.length)
  })

  it('a lost acknowledgement is retried under the same Idempotency-Key; the subscriber keeps one copy', async () => {
    sub.setMode('lose-ack', 1)
    const id = await report('Sampah menumpuk di pasar Simpang Peut')
    await sub.waitFor(() => sub.receipts.filter((x) => x.body.includes(id) && x.answered === 200).length === 1)
    const tries = sub.receipts.filter((x) => x.body.includes(id))
    expect(tries.map((x) => x.answered)).toEqual([500, 200])
    expect(tries[0]!.key).toBe(tries[1]!.key)
    expect(tries[0]!.body).toBe(tries[1]!.body)
    expect(acceptedFor(id)).toHaveLength(1)
    await worker.drain([WEBHOOK_QUEUE]) // the sender records the answer after the subscriber sent it
    const rows = await t.ctx.database.query<{ status: string; attempts: number }>(
      'select status, attempts from webhook_deliveries where report_id = $1',
      [id],
    )
    expect(rows).toEqual([{ status: 'delivered', attempts: 2 }])
  })

  it('redeliver sends a delivered event again with the same key; deleting stops deliveries', async () => {
    const log = await admin('GET', `/api/webhooks/${subscriptionId}/deliveries?status=delivered&limit=1`)
    const d = log.json().items[0]
    const n = sub.receipts.filter((x) => x.key.endsWith(`:${d.eventId}`)).length
    const r = await admin('POST', `/api/webhooks/${subscriptionId}/deliveries/${d.id}/redeliver`)
    expect(r.statusCode, r.body).toBe(202)
    await sub.waitFor(() => sub.receipts.filter((x) => x.key.endsWith(`:${d.eventId}`)).length === n + 1)
    expect((await admin('DELETE', `/api/webhooks/${subscriptionId}`)).statusCode).toBe(204)
    const count = sub.receipts.length
    await report('Laporan setelah langganan dihapus')
    await worker.drain([WEBHOOK_QUEUE])
    expect(sub.receipts.length).toBe(count)
  })
})
