// Passwords in Debian's Chromium against the demo: an operator who forgot their password asks for a
// link on the sign-in page, opens the e-mailed link (received by a real SMTP sink), chooses a new
// password, signs in with it and changes it again under "Akun saya". axe-core checks both pages;
// screenshots go to docs/screenshots/admin-password-*.png.
import fs from 'node:fs'
import path from 'node:path'
import { type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasChromium, ROOT, startBrowserDemo, type BrowserDemo } from '../harness/web.ts'
import { startSmtpSink, type SmtpSink } from '../simulators/email.ts'

const shots = path.join(ROOT, 'docs/screenshots')
const PASSWORD = 'demo-password-1'
const AXE_SOURCE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8')
const OPERATOR = 'operator@demo.aduan.test'

async function axeProblems(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE)
  const violations = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; impact: string }[] }> } }).axe.run(document, { resultTypes: ['violations'] })
    return r.violations.map((v) => ({ id: v.id, impact: v.impact }))
  })
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)
}

describe.runIf(hasChromium)('passwords in the admin app', { timeout: 180_000 }, () => {
  let demo: BrowserDemo
  let smtp: SmtpSink

  beforeAll(async () => {
    smtp = await startSmtpSink()
    demo = await startBrowserDemo('password')
    const base = demo.base
    // The super admin connects an e-mail account that the SMTP sink stands in for.
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@demo.aduan.test', password: PASSWORD }) })
    expect(login.status).toBe(200)
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
    const { csrfToken } = (await login.json()) as { csrfToken: string }
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }
    const ch = await fetch(`${base}/api/channels`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ type: 'email', name: 'Surel Uji', config: { smtpHost: smtp.host, smtpPort: smtp.port, fromAddress: 'aduan@demo.aduan.test' } }),
    })
    expect(ch.status, await ch.clone().text()).toBe(201)
  }, 420_000)

  afterAll(async () => {
    await demo?.stop()
    await smtp?.close()
  })

  it('forgot password: the e-mailed link sets a new one; the person signs in and changes it under "Akun saya"', async () => {
    const page = await demo.browser.newPage({ viewport: { width: 412, height: 900 }, locale: 'id-ID' })
    page.setDefaultTimeout(60_000)
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto(`${demo.base}/admin/`)
    await page.getByLabel('E-mail').fill(OPERATOR)
    await page.getByRole('button', { name: 'Lupa kata sandi?' }).click()
    const forgot = page.locator('form[aria-labelledby="forgot-title"]')
    expect(await forgot.getByLabel('E-mail').inputValue()).toBe(OPERATOR)
    await forgot.getByRole('button', { name: 'Kirim tautan' }).click()
    await page.getByRole('status').filter({ hasText: 'Jika e-mail itu terdaftar' }).waitFor()

    const deadline = Date.now() + 30_000
    while (!smtp.messages.some((m) => m.rcptTo.includes(OPERATOR)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200))
    const mail = smtp.messages.find((m) => m.rcptTo.includes(OPERATOR))!
    expect(mail.parsed.subject).toBe('[aduan] Atur ulang kata sandi')
    const token = /\/admin\/kata-sandi-baru#([A-Za-z0-9_-]{20,100})/.exec(mail.parsed.text ?? '')![1]

    await page.goto(`${demo.base}/admin/kata-sandi-baru#${token}`)
    await page.getByRole('heading', { name: 'Buat kata sandi baru' }).waitFor()
    await page.getByLabel('Kata sandi baru', { exact: true }).fill('sandi-baru-operator-1')
    await page.getByLabel('Ulangi kata sandi baru').fill('sandi-lain-operator-2')
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click()
    await page.getByRole('alert').filter({ hasText: 'Kedua kata sandi tidak sama.' }).waitFor()
    await page.getByLabel('Ulangi kata sandi baru').fill('sandi-baru-operator-1')
    expect(await axeProblems(page)).toEqual([])
    await page.screenshot({ path: path.join(shots, 'admin-password-reset.png') })
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click()
    await page.getByRole('status').filter({ hasText: 'Kata sandi tersimpan' }).waitFor()
    expect(page.url()).not.toContain(token) // the spent token leaves the address bar

    await page.getByRole('button', { name: 'Ke halaman masuk' }).click()
    await page.getByLabel('E-mail').fill(OPERATOR)
    await page.getByLabel('Kata sandi').fill('sandi-baru-operator-1')
    await page.getByRole('button', { name: 'Masuk' }).click()
    await page.locator('a.who-name').click()
    await page.getByRole('heading', { name: 'Akun saya' }).waitFor()
    await page.getByLabel('Kata sandi saat ini').fill('salah-sekali-123')
    await page.getByLabel('Kata sandi baru', { exact: true }).fill('sandi-ketiga-operator-3')
    await page.getByLabel('Ulangi kata sandi baru').fill('sandi-ketiga-operator-3')
    await page.getByRole('button', { name: 'Ganti kata sandi' }).click()
    await page.getByRole('alert').filter({ hasText: 'Kata sandi saat ini salah.' }).waitFor()
    await page.getByLabel('Kata sandi saat ini').fill('sandi-baru-operator-1')
    await page.getByRole('button', { name: 'Ganti kata sandi' }).click()
    await page.getByRole('status').filter({ hasText: 'Kata sandi diganti' }).waitFor()
    expect(await axeProblems(page)).toEqual([])
    await page.screenshot({ path: path.join(shots, 'admin-password-account.png') })
    const ok = await fetch(`${demo.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: OPERATOR, password: 'sandi-ketiga-operator-3' }) })
    expect(ok.status).toBe(200)
    expect(errors).toEqual([])
    await page.close()
  })
})
