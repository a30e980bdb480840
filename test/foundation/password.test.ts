// Self-service passwords on both databases, through a real SMTP sink: "forgot password" e-mails a
// single-use link, the link sets a new password (and ends every session) but never signs in by
// itself; the answer is the same for an unknown address; a signed-in person changes their own
// password with the current one; a new colleague added without a password is invited by e-mail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startJobs, type JobRuntime } from '../../src/jobs/index.ts'
import { as, createTestApp, login, makeTenant, makeUser, PASSWORD, type Session, type TestApp } from '../harness/app.ts'
import { BACKENDS } from '../harness/db.ts'
import { connectEmailChannel, startSmtpSink, type SmtpSink } from '../simulators/email.ts'

describe.each(BACKENDS)('passwords on %s', { timeout: 120_000 }, (backend) => {
  let t: TestApp
  let smtp: SmtpSink
  let jobs: JobRuntime
  let admin: Session
  let person: { id: string; email: string }
  const drain = () => jobs.worker.drain(['outbox'])
  const mailsTo = (email: string) => smtp.messages.filter((m) => m.rcptTo.includes(email))
  const tokenIn = (text: string) => /\/admin\/kata-sandi-baru#([A-Za-z0-9_-]{20,100})/.exec(text)?.[1]
  const post = (url: string, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url, payload })

  beforeAll(async () => {
    t = await createTestApp(backend)
    smtp = await startSmtpSink()
    jobs = await startJobs(t.ctx, { schedules: false })
    const tenant = await makeTenant(t.ctx)
    admin = await login(t.app, (await makeUser(t.ctx, tenant.id, 'super_admin')).email)
    person = await makeUser(t.ctx, tenant.id, 'operator')
    await connectEmailChannel(as(t.app, admin), smtp)
  }, 180_000)
  afterAll(async () => {
    await jobs?.stop(2000)
    await smtp?.close()
    await t?.close()
  })

  it('resets a forgotten password with a single-use e-mailed link that does not sign in by itself', async () => {
    const old = await login(t.app, person.email)
    const asked = await post('/api/auth/password-reset', { email: person.email })
    const stranger = await post('/api/auth/password-reset', { email: 'nobody@nowhere.test' })
    expect(asked.statusCode).toBe(202)
    expect(stranger.statusCode).toBe(202)
    expect(stranger.body).toBe(asked.body) // the answer never tells whether an address is registered
    await drain()
    const mails = mailsTo(person.email)
    expect(mails).toHaveLength(1)
    expect(smtp.messages.some((m) => m.rcptTo.includes('nobody@nowhere.test'))).toBe(false)
    expect(mails[0]!.parsed.subject).toBe('[aduan] Atur ulang kata sandi')
    const token = tokenIn(mails[0]!.parsed.text ?? '')!
    expect(token).toBeTruthy()
    // The sign-in link route does not take a password link.
    const viaSignIn = await t.app.inject({ method: 'GET', url: `/api/auth/link/${token}` })
    expect(viaSignIn.headers['set-cookie']).toBeUndefined()
    // Too short: refused in both languages, the link still usable.
    const short = await post('/api/auth/password-reset/confirm', { token, password: 'pendek' })
    expect(short.statusCode).toBe(400)
    expect(short.headers['content-type']).toContain('application/problem+json')
    const done = await post('/api/auth/password-reset/confirm', { token, password: 'kata-sandi-baru-123' })
    expect(done.statusCode, done.body).toBe(204)
    expect(done.headers['set-cookie']).toBeUndefined()
    // Once only.
    const again = await post('/api/auth/password-reset/confirm', { token, password: 'kata-sandi-lain-456' })
    expect(again.statusCode).toBe(400)
    expect(again.json().message.id).toContain('sudah dipakai atau kedaluwarsa')
    // The old session ended; the old password no longer works; the new one does.
    expect((await as(t.app, old)('GET', '/api/auth/session')).statusCode).toBe(401)
    expect((await post('/api/auth/login', { email: person.email, password: PASSWORD })).statusCode).toBe(401)
    expect((await post('/api/auth/login', { email: person.email, password: 'kata-sandi-baru-123' })).statusCode).toBe(200)
  })

  it('an expired link is refused', async () => {
    await post('/api/auth/password-reset', { email: person.email })
    await drain()
    const token = tokenIn(mailsTo(person.email).at(-1)!.parsed.text ?? '')!
    t.clock.set(new Date(t.clock.now().getTime() + 61 * 60_000))
    expect((await post('/api/auth/password-reset/confirm', { token, password: 'kata-sandi-telat-789' })).statusCode).toBe(400)
  })

  it('a signed-in person changes their password with the current one; their other sessions end', async () => {
    const here = await login(t.app, person.email, 'kata-sandi-baru-123')
    const elsewhere = await login(t.app, person.email, 'kata-sandi-baru-123')
    const wrong = await as(t.app, here)('PUT', '/api/auth/password', { currentPassword: 'salah-salah-salah', newPassword: 'kata-sandi-ketiga-1' })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().message.en).toBe('The current password is wrong.')
    const ok = await as(t.app, here)('PUT', '/api/auth/password', { currentPassword: 'kata-sandi-baru-123', newPassword: 'kata-sandi-ketiga-1' })
    expect(ok.statusCode, ok.body).toBe(204)
    expect((await as(t.app, here)('GET', '/api/auth/session')).statusCode).toBe(200)
    expect((await as(t.app, elsewhere)('GET', '/api/auth/session')).statusCode).toBe(401)
  })

  it('a colleague added without a password is invited by e-mail in their language; the invitation can be sent again', async () => {
    const res = await as(t.app, admin)('POST', '/api/users', { email: 'baru@pemkab.test', name: 'Rina Baru', role: 'operator' })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().invited).toBe(true)
    await drain()
    const invite = mailsTo('baru@pemkab.test')
    expect(invite).toHaveLength(1)
    expect(invite[0]!.parsed.subject).toMatch(/^\[aduan\] Undangan ke aplikasi pengaduan /)
    expect(invite[0]!.parsed.text).toContain('72 jam')
    const again = await as(t.app, admin)('POST', `/api/users/${res.json().id}/invite`, {})
    expect(again.statusCode, again.body).toBe(202)
    await drain()
    expect(mailsTo('baru@pemkab.test')).toHaveLength(2)
    const token = tokenIn(mailsTo('baru@pemkab.test')[1]!.parsed.text ?? '')!
    // 72 hours: still valid after a day.
    t.clock.set(new Date(t.clock.now().getTime() + 24 * 3600_000))
    expect((await post('/api/auth/password-reset/confirm', { token, password: 'sandi-pertama-rina' })).statusCode).toBe(204)
    expect((await post('/api/auth/login', { email: 'baru@pemkab.test', password: 'sandi-pertama-rina' })).statusCode).toBe(200)
    // Only a super admin invites.
    const op = await login(t.app, 'baru@pemkab.test', 'sandi-pertama-rina')
    expect((await as(t.app, op)('POST', `/api/users/${res.json().id}/invite`, {})).statusCode).toBe(403)
  })
})
