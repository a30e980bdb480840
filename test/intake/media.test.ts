// Media end to end: a WhatsApp photo with EXIF (author, GPS) is downloaded through the Graph media
// API of the simulator, stored, and served: the original to operators only; every other viewer
// (an agency after dispatch) gets a copy with no metadata at all.
import crypto from 'node:crypto'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startJobs, type JobRuntime } from '../../src/jobs/index.ts'
import { as, createTestApp, login, makeAgency, makeTenant, makeUser, type Session, type TestApp } from '../harness/app.ts'
import { BACKENDS } from '../harness/db.ts'
import { metaChannelConfigs, startMetaSimulator, type MetaSimulator } from '../simulators/meta.ts'

async function photoWithExif(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .jpeg()
    .withExif({ IFD0: { Artist: 'Budi Santoso 081234567890', ImageDescription: 'rumah saya' } })
    .toBuffer()
}

describe.each(BACKENDS)('media of inbound messages on %s', (backend) => {
  let t: TestApp
  let sim: MetaSimulator
  let jobs: JobRuntime
  let base: string
  let op: Session
  let agencyAdmin: Session
  let agencyId: string
  let channelId: string
  beforeAll(async () => {
    t = await createTestApp(backend)
    sim = await startMetaSimulator()
    base = await t.app.listen({ port: 0, host: '127.0.0.1' })
    jobs = await startJobs(t.ctx, { schedules: false })
    const tenant = await makeTenant(t.ctx)
    agencyId = (await makeAgency(t.ctx, tenant.id, 'pupr')).id
    op = await login(t.app, (await makeUser(t.ctx, tenant.id, 'operator')).email)
    agencyAdmin = await login(t.app, (await makeUser(t.ctx, tenant.id, 'agency_admin', agencyId)).email)
    const res = await as(t.app, op)('POST', '/api/channels', { type: 'whatsapp', name: 'WA', config: metaChannelConfigs(sim.url).whatsapp })
    expect(res.statusCode, res.body).toBe(201)
    channelId = res.json().id
  })
  afterAll(async () => {
    await jobs?.stop(2000)
    await sim?.close()
    await t?.close()
  })

  it('stores the photo once, strips metadata for everyone but operators', async () => {
    const bytes = await photoWithExif()
    expect((await sharp(bytes).metadata()).exif).toBeDefined()
    for (let i = 0; i < 2; i++) {
      const d = await sim.sendWhatsAppImage({ url: `${base}/webhooks/whatsapp/${channelId}`, appSecret: 'sim-app-secret', from: '6281234500077', name: 'Budi', caption: 'Sampah dibuang di sungai', id: 'wamid.media-1', mediaId: '778899', bytes })
      expect(d.status).toBe(200)
    }
    await jobs.worker.drain(['inbound', 'media-fetch', 'outbox'])
    const rows = await t.ctx.database.query<{ id: string; report_id: string | null; sha256: string; public_storage_key: string | null }>(
      'select id, report_id, sha256, public_storage_key from attachments',
    )
    expect(rows).toHaveLength(1)
    const a = rows[0]!
    expect(a.report_id).not.toBeNull()
    expect(a.sha256).toBe(crypto.createHash('sha256').update(bytes).digest('hex'))
    expect(a.public_storage_key).not.toBeNull()

    const original = await as(t.app, op)('GET', `/api/attachments/${a.id}`)
    expect(original.statusCode).toBe(200)
    expect(Buffer.compare(original.rawPayload, bytes)).toBe(0)

    // Before dispatch the agency cannot see the report, hence not its media either.
    expect((await as(t.app, agencyAdmin)('GET', `/api/attachments/${a.id}`)).statusCode).toBe(404)
    const d = await as(t.app, op)('POST', `/api/reports/${a.report_id}/verify-and-dispatch`, {
      title: 'Sampah di sungai',
      kind: 'pengaduan',
      categoryId: null,
      regionCode: null,
      flags: { anonymous: false, confidential: false },
      dispositions: [{ id: crypto.randomUUID(), agencyId, instruction: 'Mohon ditangani' }],
    })
    expect(d.statusCode, d.body).toBe(200)
    const shown = await as(t.app, agencyAdmin)('GET', `/api/attachments/${a.id}`)
    expect(shown.statusCode).toBe(200)
    expect(shown.headers['content-type']).toMatch(/^image\/jpeg/)
    const meta = await sharp(shown.rawPayload).metadata()
    expect(meta.width).toBe(64)
    expect(meta.exif).toBeUndefined()
    expect(shown.rawPayload.includes(Buffer.from('Budi'))).toBe(false)
  })
})
