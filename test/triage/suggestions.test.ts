// Triage suggestions over HTTP on PGlite and PostgreSQL: the response shape, cold start from
// keywords, a dispatch teaching the tenant's model (through the report event hook and the
// 'triage-learn' job), a "bukan kewenangan" return lowering it, duplicates, and privacy.
import crypto from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { categories, categoryAgencies, jobs as jobsTable, triageModels } from '../../src/db/schema/index.ts'
import { startJobs, type JobRuntime } from '../../src/jobs/index.ts'
import { clearModelCache } from '../../src/triage/models.ts'
import { learnFromReport, type LearnItem } from '../../src/triage/learn.ts'
import { BACKENDS } from '../harness/db.ts'
import { as, createTestApp, login, makeAgency, makeTenant, makeUser, type TestApp } from '../harness/app.ts'

type Call = ReturnType<typeof as>
interface Suggestions {
  agencies: { agencyId: string; name: string; score: number; reasons: string[] }[]
  categories: { categoryId: string; name: string; score: number; reasons: string[] }[]
  emergency: { isEmergency: boolean; type: string | null; score: number; matched: string[] }
  duplicates: { reportId: string; trackingCode: string; score: number }[]
}

describe.each(BACKENDS)('triage suggestions over HTTP on %s', (backend) => {
  let t: TestApp
  let jobs: JobRuntime
  let operator: Call, adminParks: Call, adminWaste: Call
  let tenantId: string
  const ag: Record<string, string> = {}
  let catRoad: string

  beforeAll(async () => {
    t = await createTestApp(backend)
    tenantId = (await makeTenant(t.ctx)).id
    const agency = async (slug: string, name: string, keywords: string[]) =>
      (ag[slug] = (await makeAgency(t.ctx, tenantId, slug, { name, keywords })).id)
    await agency('pu', 'Dinas Pekerjaan Umum', ['jalan rusak', 'aspal', 'lubang', 'trotoar', 'jembatan'])
    await agency('dlh', 'Dinas Lingkungan Hidup', ['sampah', 'tps', 'limbah', 'bau'])
    await agency('dishub', 'Dinas Perhubungan', ['lampu lalu lintas', 'parkir liar', 'angkot', 'rambu'])
    await agency('dkrth', 'Dinas Kebersihan dan Ruang Terbuka Hijau', [])
    const [c] = await t.ctx.db
      .insert(categories)
      .values([
        { tenantId, slug: 'jalan', name: 'Jalan dan Jembatan', keywords: ['jalan berlubang', 'aspal'] },
        { tenantId, slug: 'sampah', name: 'Sampah dan Kebersihan', keywords: ['sampah', 'tps'] },
      ])
      .returning()
    catRoad = c!.id
    await t.ctx.db.insert(categoryAgencies).values({ tenantId, categoryId: catRoad, agencyId: ag.pu! })
    const s = async (role: Parameters<typeof makeUser>[2], agencyId: string | null = null) =>
      as(t.app, await login(t.app, (await makeUser(t.ctx, tenantId, role, agencyId)).email))
    operator = await s('operator')
    adminParks = await s('agency_admin', ag.dkrth!)
    adminWaste = await s('agency_admin', ag.dlh!)
    jobs = await startJobs(t.ctx, { schedules: false })
  }, 300_000)
  afterAll(async () => {
    await jobs?.stop(2000)
    await t?.close()
  })

  const open = async (body: string, regionCode = '11.15.01.2001') => {
    const r = await operator('POST', '/api/reports', { body, channel: 'phone', reporterName: 'Warga', regionCode })
    expect(r.statusCode, r.body).toBe(201)
    return r.json() as { id: string; trackingCode: string }
  }
  const suggest = async (call: Call, id: string) => {
    const r = await call('GET', `/api/reports/${id}/suggestions`)
    expect(r.statusCode, r.body).toBe(200)
    return r.json() as Suggestions
  }
  const rank = (s: Suggestions, agencyId: string) => s.agencies.findIndex((a) => a.agencyId === agencyId)
  const scoreOf = (s: Suggestions, agencyId: string) => s.agencies.find((a) => a.agencyId === agencyId)?.score ?? 0
  const dispatch = async (id: string, agencyId: string, categoryId: string | null = null) => {
    const dispositionId = crypto.randomUUID()
    const r = await operator('POST', `/api/reports/${id}/verify-and-dispatch`, {
      title: 'Laporan warga',
      kind: 'pengaduan',
      categoryId,
      regionCode: '11.15.01.2001',
      flags: { anonymous: false, confidential: false },
      dispositions: [{ id: dispositionId, agencyId, instruction: 'Mohon ditindaklanjuti' }],
    })
    expect(r.statusCode, r.body).toBe(200)
    return dispositionId
  }
  /** Let the learning jobs run, and check none failed. */
  const learn = async () => {
    await jobs.worker.drain(['triage-learn'])
    const bad = await t.ctx.db
      .select({ status: jobsTable.status, error: jobsTable.lastError })
      .from(jobsTable)
      .where(and(eq(jobsTable.queue, 'triage-learn'), eq(jobsTable.tenantId, tenantId)))
    expect(bad.filter((j) => j.status !== 'done')).toEqual([])
  }

  it('suggests agencies and categories from keywords on day one, in the agreed shape', async () => {
    const r = await open('Jalan berlubang besar di depan pasar, aspal mengelupas, motor sering jatuh')
    const s = await suggest(operator, r.id)
    expect(Object.keys(s).sort()).toEqual(['agencies', 'categories', 'duplicates', 'emergency'])
    expect(s.agencies[0]).toMatchObject({ agencyId: ag.pu, name: 'Dinas Pekerjaan Umum' })
    expect(s.agencies[0]!.score).toBeGreaterThan(s.agencies[1]!.score)
    expect(s.agencies[0]!.reasons.length).toBeGreaterThan(0)
    expect(s.categories[0]).toMatchObject({ categoryId: catRoad, name: 'Jalan dan Jembatan' })
    expect(s.emergency.isEmergency).toBe(false)
    expect(s.duplicates).toEqual([])
  })

  it('flags an emergency', async () => {
    const r = await open('Tolong!! kebakaran rumah di gang 3 sekarang, api sudah besar, ada orang terjebak di dalam')
    const s = await suggest(operator, r.id)
    expect(s.emergency.isEmergency).toBe(true)
    expect(s.emergency.type).toBe('kebakaran')
  })

  it('finds a duplicate among recent open reports', async () => {
    const first = await open('Sampah di TPS Keputran belum diangkut empat hari, baunya menyengat sampai ke rumah warga')
    const unrelated = await open('Mohon info jadwal pembuatan KTP elektronik di kecamatan')
    const second = await open('sampah TPS keputran tidak diangkut sudah 4 hari, bau menyengat sekali ke rumah warga')
    const s = await suggest(operator, second.id)
    expect(s.duplicates.map((d) => d.reportId)).toContain(first.id)
    expect(s.duplicates.map((d) => d.reportId)).not.toContain(unrelated.id)
    const d = s.duplicates.find((x) => x.reportId === first.id)!
    expect(d.trackingCode).toBe(first.trackingCode)
    expect(d.score).toBeGreaterThan(0.55)
    expect(s.agencies[0]!.agencyId).toBe(ag.dlh)
  })

  let taught: { id: string; trackingCode: string }
  let dispositionId: string
  it('learns from a dispatch: the next similar report ranks that agency first', async () => {
    const before = await open('Ranting pohon angsana di taman Bungkul menjuntai ke kabel listrik, mohon segera dipangkas')
    const s0 = await suggest(operator, before.id)
    expect(s0.agencies[0]!.agencyId).not.toBe(ag.dkrth)
    dispositionId = await dispatch(before.id, ag.dkrth!)
    await learn()

    taught = await open('ranting pohon di taman bungkul sudah kena kabel listrik, tolong dipangkas sebelum patah')
    const s1 = await suggest(operator, taught.id)
    expect(s1.agencies[0]!.agencyId).toBe(ag.dkrth)

    // The model is in the database, not only in this process's cache.
    const [row] = await t.ctx.db
      .select()
      .from(triageModels)
      .where(and(eq(triageModels.tenantId, tenantId), eq(triageModels.kind, 'agency')))
    expect((row!.state as { seq: number }).seq).toBeGreaterThanOrEqual(1)
    clearModelCache()
    expect((await suggest(operator, taught.id)).agencies[0]!.agencyId).toBe(ag.dkrth)
  })

  it('an agency user gets suggestions only for a report they can see', async () => {
    // adminParks holds the disposition of the first tree report; adminWaste holds nothing.
    const held = (await t.ctx.db.select().from(jobsTable).where(eq(jobsTable.queue, 'triage-learn')))[0]!.payload as {
      reportId: string
    }
    const parks = await suggest(adminParks, held.reportId)
    // The later tree report is a duplicate the operator sees, but it is not dispatched to parks.
    expect((await suggest(operator, held.reportId)).duplicates.map((d) => d.reportId)).toContain(taught.id)
    expect(parks.duplicates.map((d) => d.reportId)).not.toContain(taught.id)
    const hidden = await adminWaste('GET', `/api/reports/${held.reportId}/suggestions`)
    expect(hidden.statusCode).toBe(404)
    expect(hidden.body).not.toContain('Bungkul')
    // Not even for a report in its own field that is not dispatched to it yet.
    const sampah = await open('Tumpukan sampah liar di bantaran sungai Kalimas belum diangkut')
    expect((await adminWaste('GET', `/api/reports/${sampah.id}/suggestions`)).statusCode).toBe(404)
    expect((await operator('GET', `/api/reports/${crypto.randomUUID()}/suggestions`)).statusCode).toBe(404)
  })

  it('a retried learning job learns nothing twice', async () => {
    const [job] = await t.ctx.db.select().from(jobsTable).where(eq(jobsTable.queue, 'triage-learn'))
    const { reportId, items } = job!.payload as { reportId: string; items: LearnItem[] }
    const seq = async () =>
      (
        (await t.ctx.db.select().from(triageModels).where(and(eq(triageModels.tenantId, tenantId), eq(triageModels.kind, 'agency'))))[0]!
          .state as { seq: number }
      ).seq
    const before = await seq()
    expect(await learnFromReport(t.ctx.db, tenantId, reportId, items)).toEqual({ agency: 0, category: 0 })
    expect(await seq()).toBe(before)
  })

  it('a return as "bukan kewenangan" lowers the agency for similar reports', async () => {
    const before = await suggest(operator, taught.id)
    const held = (await t.ctx.db.select().from(jobsTable).where(eq(jobsTable.queue, 'triage-learn')))[0]!.payload as {
      reportId: string
    }
    const r = await adminParks('POST', `/api/reports/${held.reportId}/return-not-authority`, {
      dispositionId,
      reason: 'Pemangkasan pohon dekat kabel adalah kewenangan PLN',
    })
    expect(r.statusCode, r.body).toBe(200)
    await learn()
    const after = await suggest(operator, taught.id)
    expect(scoreOf(after, ag.dkrth!)).toBeLessThan(scoreOf(before, ag.dkrth!))
    expect(rank(after, ag.dkrth!)).not.toBe(0)
  })
})
