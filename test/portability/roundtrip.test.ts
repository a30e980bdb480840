// Export from PGlite, import into PostgreSQL: the same counts, tracking codes, statuses and
// timelines, staff accounts (without any credential) and LAPOR! links; secrets left out; a
// re-import adds nothing; bad lines are refused by number; only super admins may export or import.
// The CLI does the same on PostgreSQL, and the file also goes into a fresh PGlite.
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { promisify } from 'node:util'
import { and, asc, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { channelAccounts, holidays, laporLinks, memberships, reportEvents, reports, tenants, users } from '../../src/db/schema/index.ts'
import { forgetPortalTenants } from '../../src/portal/tenant.ts'
import { hashPassword, verifyPassword } from '../../src/accounts/crypto.ts'
import { RECORD_TYPES } from '../../src/portability/format.ts'
import { importTenant } from '../../src/portability/import.ts'
import type { Db } from '../../src/db/connect.ts'
import { createTestDatabase } from '../harness/db.ts'
import { as, createTestApp, login, makeAgency, makeTenant, makeUser, PASSWORD, type TestApp } from '../harness/app.ts'
import { answerReport } from '../portal/helpers.ts'

const run = promisify(execFile)
const ROOT = path.resolve(import.meta.dirname, '../..')

async function snapshot(db: Db, tenantId: string) {
  const counts: Record<string, number> = {}
  for (const rt of RECORD_TYPES) {
    const r = await db.execute(sql`select count(*)::int as n from ${rt.table} where ${rt.scope ? rt.scope(tenantId) : sql`tenant_id = ${tenantId}`}`)
    counts[rt.type] = Number((r as unknown as { rows: { n: number }[] }).rows[0]!.n)
  }
  const rs = await db.select({ id: reports.id, code: reports.trackingCode, status: reports.status }).from(reports).where(eq(reports.tenantId, tenantId)).orderBy(asc(reports.trackingCode))
  const timelines: Record<string, string[]> = {}
  for (const r of rs)
    timelines[r.code] = (await db.select().from(reportEvents).where(eq(reportEvents.reportId, r.id)).orderBy(asc(reportEvents.id))).map(
      (e) => `${e.id}:${e.type}:${e.toStatus ?? ''}:${e.createdAt.toISOString()}`,
    )
  // Staff by e-mail with their roles and agencies; LAPOR! links by tracking code.
  const staff = (
    await db
      .select({ email: users.email, name: users.name, role: memberships.role, agencyId: memberships.agencyId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.tenantId, tenantId))
  )
    .map((m) => `${m.email}:${m.name}:${m.role}:${m.agencyId ?? ''}`)
    .sort()
  const lapor = (
    await db
      .select({ code: reports.trackingCode, laporId: laporLinks.laporId, state: laporLinks.state, direction: laporLinks.direction, key: laporLinks.idempotencyKey })
      .from(laporLinks)
      .innerJoin(reports, and(eq(reports.tenantId, laporLinks.tenantId), eq(reports.id, laporLinks.reportId)))
      .where(eq(laporLinks.tenantId, tenantId))
  )
    .map((l) => `${l.code}:${l.direction}:${l.state}:${l.laporId}:${l.key}`)
    .sort()
  return { counts, reports: rs.map((r) => `${r.code}:${r.status}`), timelines, staff, lapor }
}

describe('export from PGlite, import into PostgreSQL', { timeout: 180_000 }, () => {
  let src: TestApp
  let dst: TestApp
  let slug: string
  let tenantId: string
  let file = ''
  let adminSrc: ReturnType<typeof as>
  let adminDst: ReturnType<typeof as>
  let dstSession: Awaited<ReturnType<typeof login>> | null = null

  beforeAll(async () => {
    forgetPortalTenants()
    src = await createTestApp('pglite', { DATA_DIR: `.tmp/test-data/export-${process.pid}` })
    dst = await createTestApp('postgres', { DATA_DIR: `.tmp/test-data/import-${process.pid}` })
    const t = await makeTenant(src.ctx)
    tenantId = t.id
    slug = t.slug
    await src.ctx.db.update(tenants).set({ settings: { ...t.settings, integrations: { lapor: { enabled: true, endpoint: 'https://lapor.example', tokenSealed: src.ctx.sealer.seal('rahasia'), forward: 'manual', categoryIds: [] } } } }).where(eq(tenants.id, tenantId))
    const parent = await makeAgency(src.ctx, tenantId, 'pupr', { requiresApproval: true })
    await makeAgency(src.ctx, tenantId, 'pupr-jalan', { parentId: parent.id })
    await src.ctx.db.insert(channelAccounts).values({ tenantId, type: 'telegram', name: 'Bot', publicConfig: { apiBaseUrl: 'http://x' }, secretConfig: src.ctx.sealer.seal('{"botToken":"123:ABC"}') })
    const session = async (role: 'operator' | 'agency_admin' | 'agency_head' | 'super_admin', a: string | null = null) =>
      as(src.app, await login(src.app, (await makeUser(src.ctx, tenantId, role, a)).email))
    const staff = { operator: await session('operator'), admin: await session('agency_admin', parent.id), head: await session('agency_head', parent.id) }
    adminSrc = await session('super_admin')
    for (let i = 0; i < 3; i++) {
      const res = await src.app.inject({ method: 'POST', url: '/lapor', payload: { body: `Lampu jalan ke-${i} padam sejak minggu lalu.`, name: 'Budi', contact: 'email', contactValue: `budi${i}@contoh.id` }, headers: { accept: 'application/json' } })
      expect(res.statusCode, res.body).toBe(201)
      const [r] = await src.ctx.db.select().from(reports).where(eq(reports.trackingCode, res.json().trackingCode))
      if (i < 2) await answerReport(staff, r!.id, parent.id, `Sudah diperbaiki (${i}).`)
      // Two of them are known to LAPOR!: one forwarded from here, one dispatched from there.
      if (i > 0) await src.ctx.db.insert(laporLinks).values({ tenantId, reportId: r!.id, direction: i === 1 ? 'outbound' : 'inbound', state: 'sent', laporId: `LAPOR-${i}`, idempotencyKey: `key-${i}`, laporStatus: '10' })
    }
    // A staff account with a second factor: neither the password nor the TOTP secret may travel.
    const [head] = await src.ctx.db.select().from(users).innerJoin(memberships, eq(memberships.userId, users.id)).where(and(eq(memberships.tenantId, tenantId), eq(memberships.role, 'agency_head')))
    await src.ctx.db.update(users).set({ totpSecret: src.ctx.sealer.seal('JBSWY3DPEHPK3PXP'), totpEnabled: true, failedLogins: 2 }).where(eq(users.id, head!.users.id))
    const otherTenant = (await makeTenant(dst.ctx)).id
    dstSession = await login(dst.app, (await makeUser(dst.ctx, otherTenant, 'super_admin')).email)
    adminDst = as(dst.app, dstSession)
  }, 180_000)
  afterAll(async () => {
    await src?.close()
    await dst?.close()
    if (file) fs.rmSync(path.dirname(file), { recursive: true, force: true })
  })

  it('exports JSON lines without secrets; only a super admin may', async () => {
    expect((await src.app.inject({ method: 'GET', url: '/api/export' })).statusCode).toBe(401)
    const op = as(src.app, await login(src.app, (await makeUser(src.ctx, tenantId, 'operator')).email))
    expect((await op('GET', '/api/export')).statusCode).toBe(403)
    const res = await adminSrc('GET', '/api/export')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('application/x-ndjson')
    expect(res.headers['content-disposition']).toContain(`aduan-${slug}-`)
    const lines = res.body.trim().split('\n').map((l) => JSON.parse(l))
    expect(lines[0]).toMatchObject({ type: 'header', data: { format: 'aduan-export', version: 1, tenant: { slug } } })
    expect(lines.at(-1).type).toBe('end')
    expect(lines.at(-1).data.counts.report).toBe(3)
    expect(res.body).not.toContain('tokenSealed')
    expect(res.body).not.toContain('secretConfig')
    expect(lines.find((l) => l.type === 'channel_account').data.active).toBe(false)
    // Staff and their memberships, without any credential or login state; LAPOR! links.
    const staffLines = lines.filter((l) => l.type === 'user')
    expect(staffLines.length).toBe(5)
    expect(lines.at(-1).data.counts).toMatchObject({ user: 5, membership: 5, lapor_link: 2 })
    for (const u of staffLines) expect(Object.keys(u.data).sort()).toEqual(['createdAt', 'disabled', 'email', 'id', 'locale', 'name', 'phone', 'preferences'])
    expect(res.body).not.toMatch(/passwordHash|password_hash|totpSecret|\$argon2/)
    expect(lines.filter((l) => l.type === 'lapor_link').map((l) => l.data.laporId).sort()).toEqual(['LAPOR-1', 'LAPOR-2'])
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aduan-export-')), 'export.jsonl')
    fs.writeFileSync(file, res.body)
  })

  it('imports into PostgreSQL with the same counts, codes, statuses and timelines; again adds nothing', async () => {
    const before = await snapshot(src.ctx.db, tenantId)
    const op = as(dst.app, await login(dst.app, (await makeUser(dst.ctx, (await makeTenant(dst.ctx)).id, 'operator')).email))
    expect((await op('POST', '/api/import', {})).statusCode).toBe(403)
    expect((await dst.app.inject({ method: 'POST', url: '/api/import', payload: 'x', headers: { 'content-type': 'application/x-ndjson' } })).statusCode).toBe(401)
    expect((await adminDst('POST', '/api/import', { not: 'ndjson' })).statusCode).toBe(400)
    const ok = await importViaApi(fs.readFileSync(file, 'utf8'))
    expect(ok.statusCode, ok.body).toBe(201)
    expect(ok.json()).toMatchObject({ slug, created: true })
    const [t] = await dst.ctx.db.select().from(tenants).where(eq(tenants.slug, slug))
    const after = await snapshot(dst.ctx.db, t!.id)
    expect(after).toEqual(before)
    expect(JSON.stringify(t!.settings)).not.toContain('tokenSealed')
    const [acc] = await dst.ctx.db.select().from(channelAccounts).where(eq(channelAccounts.tenantId, t!.id))
    expect(acc).toMatchObject({ active: false, name: 'Bot' })
    expect(dst.ctx.sealer.open(acc!.secretConfig)).toBe('{}')
    // Staff came back as accounts with no usable credential: signing in with the old password fails.
    const imported = await dst.ctx.db.select().from(users).innerJoin(memberships, eq(memberships.userId, users.id)).where(eq(memberships.tenantId, t!.id))
    expect(imported.length).toBe(5)
    for (const u of imported) expect(u.users).toMatchObject({ passwordHash: null, totpSecret: null, totpEnabled: false, failedLogins: 0 })
    const signIn = await dst.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: imported[0]!.users.email, password: PASSWORD } })
    expect(signIn.statusCode).toBe(401)
    // A new event after the import gets an id past the imported ones.
    const max = Math.max(...Object.values(after.timelines).flat().map((e) => Number(e.split(':')[0])))
    const next = await dst.ctx.db.execute(sql`select nextval(pg_get_serial_sequence('report_events', 'id'))::int as n`)
    expect(Number((next as unknown as { rows: { n: number }[] }).rows[0]!.n)).toBeGreaterThan(max)

    const again = await importTenant(dst.ctx.db, fs.createReadStream(file), { sealer: dst.ctx.sealer })
    expect(again.created).toBe(false)
    expect(Object.values(again.inserted).reduce((s, v) => s + v, 0)).toBe(0)
    expect(await snapshot(dst.ctx.db, t!.id)).toEqual(before)
  })

  it('imports the same file into a fresh PGlite, staff and LAPOR! links included; an account that signs in here gains no access; again adds nothing', async () => {
    const target = await createTestDatabase('pglite')
    try {
      // One of the staff already has an account on the target, with a password of its own.
      const lines = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l))
      const known = lines.find((l) => l.type === 'user').data
      await target.database.db.insert(users).values({ email: known.email, name: 'Akun lama', passwordHash: await hashPassword('kata-sandi-lama-1') })
      const r = await importTenant(target.database.db, fs.createReadStream(file), { sealer: src.ctx.sealer })
      expect(r).toMatchObject({ created: true, inserted: { user: 4, membership: 4, lapor_link: 2 } })
      const want = await snapshot(src.ctx.db, tenantId)
      const got = await snapshot(target.database.db, r.tenantId)
      expect({ ...got, staff: null, counts: { ...got.counts, user: 0, membership: 0 } }).toEqual({ ...want, staff: null, counts: { ...want.counts, user: 0, membership: 0 } })
      expect(got.staff).toEqual(want.staff.filter((m) => !m.startsWith(`${known.email}:`)))
      const [mine] = await target.database.db.select().from(users).where(eq(users.email, known.email))
      expect(mine!.name).toBe('Akun lama')
      expect(await verifyPassword(mine!.passwordHash, 'kata-sandi-lama-1')).toBe(true)
      const again = await importTenant(target.database.db, fs.createReadStream(file), { sealer: src.ctx.sealer })
      expect(Object.values(again.inserted).reduce((s, v) => s + v, 0)).toBe(0)
    } finally {
      await target.close()
    }
  })

  it('refuses a bad line by its number, and a tracking code another tenant holds', async () => {
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n')
    const i = lines.findIndex((l) => JSON.parse(l).type === 'report')
    const bad = [...lines]
    bad[i] = JSON.stringify({ type: 'report', data: { ...JSON.parse(lines[i]!).data, status: 'bogus' } })
    const res = await importViaApi(bad.join('\n') + '\n', 'salinan-rusak')
    expect(res.statusCode).toBe(400)
    expect(res.json().message.id).toContain(`baris ${i + 1}`)
    expect(res.json().line).toBe(i + 1)
    const notJson = await importViaApi(lines[0] + '\n{oops\n', 'salinan-rusak-2')
    expect(notJson.json().message.en).toContain('line 2: not valid JSON')
    const header = await importViaApi('{"type":"report","data":{}}\n', 'salinan-3')
    expect(header.json().message.en).toContain('line 1: not an aduan export header')
    // The same file under another slug on the same instance: the codes are taken.
    await expect(importTenant(src.ctx.db, Readable.from(lines.map((l) => l + '\n')), { sealer: src.ctx.sealer, tenantSlug: 'salinan' })).rejects.toThrow(/line \d+: tracking code .* already used by another tenant/)
    // A user line carrying a credential, and a membership of a user the file does not hold.
    const u = lines.findIndex((l) => JSON.parse(l).type === 'user')
    const withHash = [...lines]
    withHash[u] = JSON.stringify({ type: 'user', data: { ...JSON.parse(lines[u]!).data, passwordHash: '$argon2id$x' } })
    const hashRes = await importViaApi(withHash.join('\n') + '\n', 'salinan-4')
    expect(hashRes.json().line).toBe(u + 1)
    expect(hashRes.json().message.en).toContain('invalid user')
    const orphan = lines.filter((l) => JSON.parse(l).type !== 'user')
    await expect(importTenant(dst.ctx.db, Readable.from(orphan.map((l) => l + '\n')), { sealer: dst.ctx.sealer, tenantSlug: 'salinan-5' })).rejects.toThrow(/membership of user .* no "user" record/)
    // A LAPOR! link to a report neither the file nor this instance holds: refused by its line,
    // not a database error.
    const link = JSON.parse(lines.find((x) => JSON.parse(x).type === 'lapor_link')!)
    const ghost = '00000000-0000-4000-8000-00000000dead'
    const dangling = [lines[0], JSON.stringify({ type: 'lapor_link', data: { ...link.data, reportId: ghost } }), lines.at(-1)]
    const danglingRes = await importViaApi(dangling.join('\n') + '\n', 'salinan-6')
    expect(danglingRes.statusCode).toBe(400)
    expect(danglingRes.json().line).toBe(2)
    expect(danglingRes.json().message.en).toContain(`line 2: this lapor_link record refers to reports report_id = ${ghost}`)
    expect(danglingRes.json().message.id).toContain('baris 2: catatan lapor_link ini merujuk reports')
    // Over HTTP a super admin fills only their own tenant: an existing one of others is refused.
    const [existing] = await dst.ctx.db.select().from(tenants).where(eq(tenants.slug, slug))
    const notMine = await importViaApi(lines.join('\n') + '\n', existing!.slug)
    expect(notMine.statusCode).toBe(400)
    expect(notMine.json().message.en).toContain('already exists and is not yours')
    // A truncated file is imported as far as it goes and said to be incomplete.
    await expect(importTenant(dst.ctx.db, Readable.from(lines.slice(0, -1).map((l) => l + '\n')), { sealer: dst.ctx.sealer })).rejects.toThrow(/incomplete/)
  })

  it('the CLI exports and imports on PostgreSQL', async () => {
    const [t] = await dst.ctx.db.select().from(tenants).where(eq(tenants.slug, slug))
    await dst.ctx.db.insert(holidays).values({ tenantId: t!.id, date: '2026-12-31', name: 'Libur uji', kind: 'local' }).onConflictDoNothing()
    const out = path.join(path.dirname(file), 'cli.jsonl')
    const env = { ...process.env, BASE_URL: 'http://localhost:3000', DATABASE_URL: dst.tdb.url!, SECRET_KEY: 'x'.repeat(40), LOG_LEVEL: 'silent' }
    await run('node', ['bin/aduan.js', 'export', '--tenant', slug, '--out', out], { cwd: ROOT, env })
    expect(fs.readFileSync(out, 'utf8')).toContain('Libur uji')
    const target = await createTestDatabase('postgres')
    try {
      const r = await run('node', ['bin/aduan.js', 'import', '--file', out, '--tenant-slug', 'pindahan'], { cwd: ROOT, env: { ...env, DATABASE_URL: target.url! } })
      expect(r.stdout).toContain('imported into pindahan (new tenant)')
      expect(r.stdout).toContain('reports 3/3')
      expect(r.stdout).toContain('new staff account(s) without a password')
      const bad = await run('node', ['bin/aduan.js', 'import', '--file', '/nonexistent.jsonl'], { cwd: ROOT, env: { ...env, DATABASE_URL: target.url! } }).catch((e) => e)
      expect(bad.stderr).toContain('No such file')
    } finally {
      await target.close()
    }
  })

  function importViaApi(body: string, tenantSlug?: string) {
    const s = dstSession!
    return dst.app.inject({
      method: 'POST',
      url: `/api/import${tenantSlug ? `?tenantSlug=${tenantSlug}` : ''}`,
      payload: body,
      headers: { 'content-type': 'application/x-ndjson', cookie: s.cookie, 'x-csrf-token': s.csrfToken },
    })
  }
})
