// `aduan user password`: an account without a password (as an import creates) gets one from the
// command line, the old sessions end, and the new password signs in; unknown e-mails are refused.
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUser } from '../../src/accounts/users.ts'
import { sessions, users } from '../../src/db/schema/index.ts'
import { createTestApp, login, makeTenant, makeUser, PASSWORD, type TestApp } from '../harness/app.ts'

const run = promisify(execFile)
const ROOT = path.resolve(import.meta.dirname, '../..')

describe('aduan user password (PostgreSQL)', { timeout: 120_000 }, () => {
  let t: TestApp
  let env: NodeJS.ProcessEnv
  beforeAll(async () => {
    t = await createTestApp('postgres')
    env = { ...process.env, BASE_URL: 'http://localhost:3000', DATABASE_URL: t.tdb.url!, SECRET_KEY: 'x'.repeat(40), LOG_LEVEL: 'silent' }
  }, 120_000)
  afterAll(async () => {
    await t?.close()
  })

  it('activates an account without a password and ends the sessions of one with', async () => {
    const tenant = await makeTenant(t.ctx)
    const imported = await createUser(t.ctx.db, { email: 'pindahan@uji.test', name: 'Pindahan', tenantId: tenant.id, role: 'operator' })
    expect(imported.passwordHash).toBeNull()
    const r = await run('node', ['bin/aduan.js', 'user', 'password', '--email', 'PINDAHAN@uji.test'], { cwd: ROOT, env })
    const generated = /password: (\S+)/.exec(r.stdout)?.[1]
    expect(generated).toBeTruthy()
    await login(t.app, 'pindahan@uji.test', generated)

    const known = await makeUser(t.ctx, tenant.id, 'operator')
    await login(t.app, known.email)
    expect((await t.ctx.db.select().from(sessions).where(eq(sessions.userId, known.id))).length).toBe(1)
    const r2 = await run('node', ['bin/aduan.js', 'user', 'password', '--email', known.email, '--password', 'kata-sandi-baru-1'], { cwd: ROOT, env })
    expect(r2.stdout).toContain(`password set for ${known.email}; sessions ended`)
    expect(r2.stdout).not.toContain('kata-sandi-baru-1')
    expect(await t.ctx.db.select().from(sessions).where(eq(sessions.userId, known.id))).toEqual([])
    await expect(login(t.app, known.email, PASSWORD)).rejects.toThrow(/401/)
    await login(t.app, known.email, 'kata-sandi-baru-1')
  })

  it('refuses an unknown e-mail and a short password, changing nothing', async () => {
    const before = await t.ctx.db.select({ id: users.id, h: users.passwordHash }).from(users)
    const unknown = await run('node', ['bin/aduan.js', 'user', 'password', '--email', 'siapa@uji.test'], { cwd: ROOT, env }).catch((e) => e)
    expect(unknown.code).toBe(3)
    expect(unknown.stderr).toContain('No user with e-mail')
    const short = await run('node', ['bin/aduan.js', 'user', 'password', '--email', 'pindahan@uji.test', '--password', 'pendek'], { cwd: ROOT, env }).catch((e) => e)
    expect(short.stderr).toContain('at least 10 characters')
    expect(await t.ctx.db.select({ id: users.id, h: users.passwordHash }).from(users)).toEqual(before)
  })
})
