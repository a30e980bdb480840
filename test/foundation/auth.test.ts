import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BACKENDS } from '../harness/db.ts'
import { as, createTestApp, login, makeTenant, makeUser, PASSWORD, type TestApp } from '../harness/app.ts'

describe.each(BACKENDS)('accounts on %s', (backend) => {
  let t: TestApp
  let tenantId: string
  beforeAll(async () => {
    t = await createTestApp(backend)
    tenantId = (await makeTenant(t.ctx)).id
  })
  afterAll(async () => t?.close())

  it('answers health checks', async () => {
    expect((await t.app.inject('/health/live')).statusCode).toBe(200)
    const ready = await t.app.inject('/health/ready')
    expect(ready.statusCode).toBe(200)
    expect(ready.json().database).toBe(backend)
  })

  it('logs in with an http-only cookie, shows the session, logs out', async () => {
    const u = await makeUser(t.ctx, tenantId, 'operator')
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.email.toUpperCase(), password: PASSWORD } })
    expect(res.statusCode).toBe(200)
    const cookie = res.cookies.find((c) => c.name === 'aduan_session')!
    expect(cookie.httpOnly).toBe(true)
    expect(res.json().roles).toEqual(['operator'])
    const s = await login(t.app, u.email)
    const session = await as(t.app, s)('GET', '/api/auth/session')
    expect(session.statusCode).toBe(200)
    expect(session.json()).toMatchObject({ user: { email: u.email }, csrfToken: s.csrfToken })
    expect(session.json().user).not.toHaveProperty('passwordHash')
    expect((await as(t.app, s)('POST', '/api/auth/logout')).statusCode).toBe(204)
    expect((await as(t.app, s)('GET', '/api/auth/session')).statusCode).toBe(401)
  })

  it('answers a wrong password with bilingual problem+json', async () => {
    const u = await makeUser(t.ctx, tenantId, 'leader')
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.email, password: 'wrong-password' } })
    expect(res.statusCode).toBe(401)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json()).toMatchObject({ code: 'unauthenticated', message: { id: expect.any(String), en: expect.any(String) } })
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@x.test', password: 'x' } })
    expect(unknown.statusCode).toBe(401)
    expect(unknown.json().message).toEqual(res.json().message)
  })

  it('rejects invalid input with 400, never 500', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 5 } })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('invalid')
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{not json' })
    expect(bad.statusCode).toBe(400)
  })

  it('requires the CSRF token on cookie-authenticated writes, not on bearer tokens', async () => {
    const u = await makeUser(t.ctx, tenantId, 'operator')
    const s = await login(t.app, u.email)
    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers: { cookie: s.cookie }, payload: { name: 'x' } })
    expect(noCsrf.statusCode).toBe(403)
    expect(noCsrf.json().reason).toBe('csrf')
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers: { cookie: s.cookie, 'x-csrf-token': 'nope' }, payload: { name: 'x' } })
    expect(wrong.statusCode).toBe(403)
    const ok = await as(t.app, s)('POST', '/api/auth/tokens', { name: 'skrip' })
    expect(ok.statusCode).toBe(201)
    const token = ok.json().token as string
    const viaToken = await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers: { authorization: `Bearer ${token}` }, payload: { name: 'y' } })
    expect(viaToken.statusCode).toBe(201)
    const list = await t.app.inject({ method: 'GET', url: '/api/auth/tokens', headers: { authorization: `Bearer ${token}` } })
    expect(list.json().items.map((i: { name: string }) => i.name).sort()).toEqual(['skrip', 'y'])
    expect(JSON.stringify(list.json())).not.toContain(token)
    const id = list.json().items.find((i: { name: string }) => i.name === 'skrip').id
    expect((await as(t.app, s)('DELETE', `/api/auth/tokens/${id}`)).statusCode).toBe(204)
    const revoked = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { authorization: `Bearer ${token}` } })
    expect(revoked.statusCode).toBe(401)
  })

  it('locks an account after repeated failures, and unlocks after the lock time', async () => {
    const u = await makeUser(t.ctx, tenantId, 'agency_admin', null)
    for (let i = 0; i < t.ctx.config.LOGIN_MAX_ATTEMPTS; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.email, password: 'wrong' } })
      expect(r.statusCode).toBe(401)
    }
    const locked = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.email, password: PASSWORD } })
    expect(locked.statusCode).toBe(429)
    expect(locked.json().code).toBe('rate_limited')
    t.clock.advance(t.ctx.config.LOGIN_LOCK_MINUTES * 60_000 + 1000)
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.email, password: PASSWORD } })
    expect(again.statusCode).toBe(200)
  })

  it('asks for a TOTP code once the second factor is enabled', async () => {
    const { generate } = await import('otplib')
    const u = await makeUser(t.ctx, tenantId, 'super_admin')
    const s = await login(t.app, u.email)
    const setup = await as(t.app, s)('POST', '/api/auth/totp/setup')
    const secret = setup.json().secret as string
    expect(setup.json().uri).toMatch(/^otpauth:\/\/totp\//)
    expect((await as(t.app, s)('POST', '/api/auth/totp/enable', { code: '000000' })).statusCode).toBe(400)
    expect((await as(t.app, s)('POST', '/api/auth/totp/enable', { code: await generate({ secret }) })).statusCode).toBe(200)
    const noCode = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.email, password: PASSWORD } })
    expect(noCode.statusCode).toBe(401)
    expect(noCode.json().mfaRequired).toBe(true)
    const withCode = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: u.email, password: PASSWORD, totp: await generate({ secret }) },
    })
    expect(withCode.statusCode).toBe(200)
  })
})
