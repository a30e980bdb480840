// An app on a test database, driven with inject(); factories for tenants, agencies and users.
import type { LightMyRequestResponse } from 'fastify'
import { createSealer } from '../../src/accounts/crypto.ts'
import { createTenant } from '../../src/accounts/tenants.ts'
import { createUser } from '../../src/accounts/users.ts'
import { fakeClock } from '../../src/clock.ts'
import { loadConfig } from '../../src/config.ts'
import type { AppContext } from '../../src/context.ts'
import { agencies } from '../../src/db/schema/index.ts'
import { buildApp, type App } from '../../src/http/app.ts'
import type { Role } from '../../src/reports/model.ts'
import { createTestDatabase, type Backend, type TestDatabase } from './db.ts'
import pino from 'pino'

export const PASSWORD = 'correct-horse-battery'

export interface TestApp {
  app: App
  ctx: AppContext
  clock: ReturnType<typeof fakeClock>
  tdb: TestDatabase
  close(): Promise<void>
}

export async function createTestApp(backend: Backend, env: Record<string, string> = {}): Promise<TestApp> {
  const tdb = await createTestDatabase(backend)
  const clock = fakeClock(new Date('2026-11-23T03:00:00Z'))
  const config = loadConfig({ LOG_LEVEL: 'silent', BASE_URL: 'http://localhost:3000', SECRET_KEY: 'x'.repeat(40), DATA_DIR: '.tmp/test-data', ...env })
  const ctx: AppContext = {
    config,
    database: tdb.database,
    db: tdb.database.db,
    clock,
    sealer: createSealer(config.SECRET_KEY!),
    log: pino({ level: 'silent' }),
  }
  const app = await buildApp(ctx, { logger: false })
  await app.ready()
  return {
    app,
    ctx,
    clock,
    tdb,
    async close() {
      await app.close()
      await tdb.close()
    },
  }
}

let seq = 0
export async function makeTenant(ctx: AppContext, regionCode = '11.15') {
  seq++
  return createTenant(ctx.db, {
    slug: `t${seq}-${Math.random().toString(36).slice(2, 7)}`,
    name: `Pemerintah Uji ${seq}`,
    kind: 'kabupaten',
    regionCode,
    timeZone: 'Asia/Jakarta',
    codePrefix: 'TST',
  })
}

export async function makeAgency(ctx: AppContext, tenantId: string, slug: string, extra: Partial<typeof agencies.$inferInsert> = {}) {
  const [a] = await ctx.db
    .insert(agencies)
    .values({ tenantId, slug, name: `Dinas ${slug}`, shortName: slug.toUpperCase(), type: 'dinas', ...extra })
    .returning()
  return a!
}

export async function makeUser(ctx: AppContext, tenantId: string, role: Role, agencyId: string | null = null) {
  seq++
  return createUser(ctx.db, {
    email: `${role}.${seq}@uji.test`,
    name: `Pengguna ${role} ${seq}`,
    password: PASSWORD,
    tenantId,
    role,
    agencyId,
  })
}

export interface Session {
  cookie: string
  csrfToken: string
  body: Record<string, unknown>
}

export async function login(app: App, email: string, password = PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } })
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`)
  const c = res.cookies.find((x) => x.name === 'aduan_session')!
  const body = res.json()
  return { cookie: `aduan_session=${c.value}`, csrfToken: body.csrfToken, body }
}

/** inject() with a session: the cookie, and the CSRF token on writes. */
export function as(app: App, s: Session) {
  return (method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT', url: string, payload?: unknown): Promise<LightMyRequestResponse> =>
    app.inject({
      method,
      url,
      headers: { cookie: s.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': s.csrfToken }) },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    })
}
