// The dashboard's figures equal counts computed directly from the seeded reports (on PGlite and
// PostgreSQL), with period bounds at local midnight (WIB and WIT), and an agency user sees only
// their agencies' figures.
import crypto from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf } from '../../src/analytics/scope.ts'
import { tenants } from '../../src/db/schema/index.ts'
import { CHANNEL_TYPES, REPORT_KINDS } from '../../src/reports/model.ts'
import { openReport } from '../../src/reports/open.ts'
import { BACKENDS } from '../harness/db.ts'
import { as, createTestApp, login, makeAgency, makeTenant, makeUser, type TestApp } from '../harness/app.ts'

type Call = ReturnType<typeof as>
const HOUR = 3_600_000

/** A deterministic generator, so a failure can be replayed. */
function prng(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
    return seed / 2 ** 31
  }
}

describe.each(BACKENDS)('dashboard figures on %s', (backend) => {
  let t: TestApp
  let tenantId: string, witTenantId: string
  let agencyA: string, agencyB: string
  let leader: Call, operator: Call, headA: Call, adminA: Call, witLeader: Call

  const open = (tenant: string, at: Date, o: { channel?: (typeof CHANNEL_TYPES)[number]; kind?: (typeof REPORT_KINDS)[number]; region?: string; body?: string } = {}) =>
    t.ctx.db.transaction((tx) =>
      openReport(tx, {
        tenantId: tenant,
        body: o.body ?? 'Jalan rusak berlubang di depan pasar, mohon segera diperbaiki',
        channelType: o.channel ?? 'whatsapp',
        kind: o.kind,
        regionCode: o.region ?? '11.15.01.2001',
        actor: { kind: 'reporter' },
        now: at,
      }),
    )

  beforeAll(async () => {
    t = await createTestApp(backend)
    tenantId = (await makeTenant(t.ctx)).id
    witTenantId = (await makeTenant(t.ctx)).id
    await t.ctx.db.update(tenants).set({ timeZone: 'Asia/Jayapura' }).where(eq(tenants.id, witTenantId))
    agencyA = (await makeAgency(t.ctx, tenantId, 'pupr')).id
    agencyB = (await makeAgency(t.ctx, tenantId, 'dinkes')).id
    const sign = async (tenant: string, role: Parameters<typeof makeUser>[2], agency: string | null = null) =>
      as(t.app, await login(t.app, (await makeUser(t.ctx, tenant, role, agency)).email))
    leader = await sign(tenantId, 'leader')
    operator = await sign(tenantId, 'operator')
    headA = await sign(tenantId, 'agency_head', agencyA)
    adminA = await sign(tenantId, 'agency_admin', agencyA)
    witLeader = await sign(witTenantId, 'leader')

    // Around local midnight between October and November: WIB is UTC+7, WIT is UTC+9.
    await open(tenantId, new Date('2026-10-31T16:59:59Z'), { body: 'sebelum tengah malam WIB' })
    await open(tenantId, new Date('2026-10-31T17:00:00Z'), { body: 'tepat tengah malam WIB' })
    await open(tenantId, new Date('2026-11-30T16:59:59Z'), { body: 'akhir November WIB' })
    await open(tenantId, new Date('2026-11-30T17:00:00Z'), { body: 'awal Desember WIB' })
    await open(witTenantId, new Date('2026-10-31T14:59:59Z'), { body: 'sebelum tengah malam WIT' })
    await open(witTenantId, new Date('2026-10-31T15:00:00Z'), { body: 'tepat tengah malam WIT' })
    await open(witTenantId, new Date('2026-11-01T16:00:00Z'), { body: 'pagi WIT' })

    const rand = prng(7)
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!
    const ids: { id: string; region: string }[] = []
    for (let i = 0; i < 36; i++) {
      const at = new Date(Date.parse('2026-11-01T00:00:00Z') + Math.floor(rand() * 21 * 24) * HOUR)
      const region = pick(['11.15.01.2001', '11.15.02.2003', '11.15.03.2002', '11.15.04.2001'])
      const r = await open(tenantId, at, {
        channel: pick(['whatsapp', 'telegram', 'sms', 'web', 'email'] as const),
        kind: pick(['pengaduan', 'aspirasi', 'permintaan_informasi'] as const),
        region,
        body: pick(['Banjir merendam rumah warga', 'Lampu jalan mati sejak minggu lalu', 'Sampah menumpuk di pasar', 'Banjir lagi di desa kami']),
      })
      ids.push({ id: r.id, region })
    }
    // Dispatch a share to agency A, B or both, through the lifecycle.
    t.clock.set(new Date('2026-11-22T03:00:00Z'))
    for (let i = 0; i < 16; i++) {
      const targets = i % 4 === 0 ? [agencyA, agencyB] : i % 2 === 0 ? [agencyB] : [agencyA]
      const res = await operator('POST', `/api/reports/${ids[i]!.id}/verify-and-dispatch`, {
        title: `Laporan ${i}`,
        kind: 'pengaduan',
        regionCode: ids[i]!.region,
        categoryId: null,
        flags: { anonymous: false, confidential: false },
        dispositions: targets.map((agencyId) => ({ id: crypto.randomUUID(), agencyId, instruction: 'Mohon ditindaklanjuti' })),
      })
      expect(res.statusCode, res.body).toBe(200)
    }
  }, 120_000)
  afterAll(async () => t?.close())

  const get = async (call: Call, url: string, status = 200) => {
    const r = await call('GET', url)
    expect(r.statusCode, r.body).toBe(status)
    return r
  }

  /** Reports of a tenant straight from the table, with their local day computed here. */
  const direct = async (tenant: string, offsetHours: number) => {
    const rows = await rowsOf<{ id: string; created_at: string; channel_type: string; kind: string; status: string; district_code: string | null }>(
      t.ctx.db,
      sql`select id, created_at, channel_type, kind, status, district_code from reports where tenant_id = ${tenant}::uuid`,
    )
    return rows.map((r) => ({ ...r, day: new Date(Date.parse(new Date(r.created_at).toISOString()) + offsetHours * HOUR).toISOString().slice(0, 10) }))
  }
  const tally = (xs: (string | null)[]) => {
    const m: Record<string, number> = {}
    for (const x of xs) m[String(x)] = (m[String(x)] ?? 0) + 1
    return m
  }
  const asMap = (xs: { key: string | null; count: number }[]) => Object.fromEntries(xs.map((x) => [String(x.key), x.count]))

  it('counts November in WIB: the report at 00:00 WIB is in, the one at 23:59:59 WIB before is out', async () => {
    const d = (await get(leader, '/api/dashboard?from=2026-11-01&to=2026-11-30&granularity=week')).json()
    const nov = (await direct(tenantId, 7)).filter((r) => r.day >= '2026-11-01' && r.day <= '2026-11-30')
    expect(d.summary.received).toBe(nov.length)
    expect(nov.some((r) => r.created_at && new Date(r.created_at).toISOString() === '2026-10-31T17:00:00.000Z')).toBe(true)
    expect(nov.some((r) => new Date(r.created_at).toISOString() === '2026-10-31T16:59:59.000Z')).toBe(false)
    expect(asMap(d.breakdowns.channel)).toEqual(tally(nov.map((r) => r.channel_type)))
    expect(asMap(d.breakdowns.kind)).toEqual(tally(nov.map((r) => r.kind)))
    expect(asMap(d.breakdowns.status)).toEqual(tally(nov.map((r) => r.status)))
    expect(asMap(d.breakdowns.district)).toEqual(tally(nov.map((r) => r.district_code)))
    // Weeks start on Monday (local): 2026-10-26 holds 1 and 2 November.
    const weeks: Record<string, number> = {}
    for (const r of nov) {
      const dow = (new Date(`${r.day}T00:00:00Z`).getUTCDay() + 6) % 7
      const monday = new Date(Date.parse(`${r.day}T00:00:00Z`) - dow * 86_400_000).toISOString().slice(0, 10)
      weeks[monday] = (weeks[monday] ?? 0) + 1
    }
    const trend = Object.fromEntries((d.trend as { bucket: string; received: number }[]).filter((p) => p.received > 0).map((p) => [p.bucket, p.received]))
    expect(trend).toEqual(weeks)
    const days = (await get(leader, '/api/dashboard?from=2026-10-31&to=2026-10-31')).json()
    expect(days.summary.received).toBe((await direct(tenantId, 7)).filter((r) => r.day === '2026-10-31').length)
    expect(days.summary.received).toBe(1)
  })

  it('bounds the period at midnight WIT for a tenant in Papua', async () => {
    const d = (await get(witLeader, '/api/dashboard?from=2026-11-01&to=2026-11-01')).json()
    const rows = (await direct(witTenantId, 9)).filter((r) => r.day === '2026-11-01')
    expect(rows.length).toBe(1)
    expect(d.summary.received).toBe(rows.length)
    const oct = (await get(witLeader, '/api/dashboard?from=2026-10-01&to=2026-10-31&granularity=month')).json()
    expect(oct.summary.received).toBe(1)
    expect(oct.trend).toEqual([{ bucket: '2026-10-01', received: 1, answered: 0 }])
  })

  it('applies every filter to every panel', async () => {
    const all = (await direct(tenantId, 7)).filter((r) => r.day >= '2026-11-01' && r.day <= '2026-11-30')
    const want = all.filter((r) => r.district_code === '11.15.02' && r.channel_type === 'whatsapp')
    const d = (await get(leader, '/api/dashboard?from=2026-11-01&to=2026-11-30&district=11.15.02&channel=whatsapp')).json()
    expect(d.summary.received).toBe(want.length)
    expect(asMap(d.breakdowns.district)).toEqual(want.length ? { '11.15.02': want.length } : {})
    expect(d.trend.reduce((s: number, p: { received: number }) => s + p.received, 0)).toBe(want.length)
    const csv = (await get(leader, '/api/dashboard/export?what=reports&format=csv&from=2026-11-01&to=2026-11-30&district=11.15.02&channel=whatsapp')).body
    expect(csv.trim().split('\r\n').length - 1).toBe(want.length)
  })

  it('scores agencies from their dispositions, and an agency head sees only their own', async () => {
    const q = '/api/dashboard?from=2026-11-01&to=2026-11-30'
    const disp = await rowsOf<{ agency_id: string; n: unknown }>(
      t.ctx.db,
      sql`select d.agency_id, count(distinct d.report_id) as n from dispositions d where d.tenant_id = ${tenantId}::uuid group by 1`,
    )
    const byAgency = Object.fromEntries(disp.map((r) => [r.agency_id, Number(r.n)]))
    const full = (await get(leader, q)).json()
    expect(Object.fromEntries(full.scoreboard.map((s: { agencyId: string; reports: number }) => [s.agencyId, s.reports]))).toEqual(byAgency)

    const leaderB = (await get(leader, `${q}&agency=${agencyB}`)).json()
    expect(leaderB.summary.received).toBe(byAgency[agencyB])
    expect(leaderB.scoreboard.map((s: { agencyId: string }) => s.agencyId)).toEqual([agencyB])
    const own = (await get(headA, q)).json()
    expect(own.scope).toBe('agencies')
    expect(own.summary.received).toBe(byAgency[agencyA])
    expect(own.scoreboard.map((s: { agencyId: string }) => s.agencyId)).toEqual([agencyA])
    // Asking for another agency gives nothing of it.
    const other = (await get(headA, `${q}&agency=${agencyB}`)).json()
    expect(other.scoreboard.some((s: { agencyId: string }) => s.agencyId === agencyB)).toBe(false)
    const onlyB = (await direct(tenantId, 7)).length
    expect(other.summary.received).toBeLessThan(onlyB)
    const exported = (await get(headA, `/api/dashboard/export?what=scoreboard&format=csv&from=2026-11-01&to=2026-11-30`)).body
    expect(exported).toContain('PUPR')
    expect(exported).not.toContain('DINKES')
    const list = (await get(headA, `/api/dashboard/export?what=reports&format=csv&from=2026-11-01&to=2026-11-30`)).body
    expect(list.trim().split('\r\n').length - 1).toBe(byAgency[agencyA])
    expect((await get(headA, '/api/dashboard/options')).json().agencies.map((a: { id: string }) => a.id)).toEqual([agencyA])
  })

  it('refuses what it should', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/dashboard' })).statusCode).toBe(401)
    await get(adminA, '/api/dashboard', 403)
    await get(leader, '/api/dashboard?from=2026-11-30&to=2026-11-01', 400)
    await get(leader, '/api/dashboard?from=2020-01-01&to=2026-11-01', 400)
    await get(leader, '/api/dashboard?district=nagan', 400)
  })

  it('exports XLSX and imports kecamatan boundaries once for the tenant', async () => {
    const x = await get(leader, '/api/dashboard/export?what=scoreboard&format=xlsx&from=2026-11-01&to=2026-11-30')
    expect(x.headers['content-type']).toContain('spreadsheetml')
    expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK')
    const square = [[[96.4, 4.1], [96.5, 4.1], [96.5, 4.2], [96.4, 4.2], [96.4, 4.1]]]
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { kode: '111501' }, geometry: { type: 'Polygon', coordinates: square } },
        { type: 'Feature', properties: { nama: 'Atlantis' }, geometry: { type: 'Polygon', coordinates: square } },
      ],
    }
    expect((await leader('PUT', '/api/dashboard/boundaries', fc)).statusCode).toBe(403)
    expect((await operator('PUT', '/api/dashboard/boundaries', { type: 'FeatureCollection', features: [] })).statusCode).toBe(400)
    const r = await operator('PUT', '/api/dashboard/boundaries', fc)
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json().matched.map((m: { code: string }) => m.code)).toEqual(['11.15.01'])
    expect(r.json().unmatched).toEqual([{ index: 1, label: 'Atlantis' }])
    const b = (await get(leader, '/api/dashboard/boundaries')).json()
    expect(b.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual(['11.15.01'])
  })
})
