// Browser journey of the super admin's settings (Pengaturan): creates an agency, a category with
// that agency as its default, a local holiday, and connects a Telegram bot (then tests it against
// the Telegram simulator). Debian's Chromium via playwright-core against the real server (embedded
// database, demo tenant). Saves docs/screenshots/settings-{agencies,categories,sla,channel-connect}.png.
import os from 'node:os'
import path from 'node:path'
import { type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Running } from '../../src/main.ts'
import { CHROMIUM, hasChromium, ROOT, startBrowserDemo, type BrowserDemo } from '../harness/web.ts'
import { startTelegramSimulator } from '../simulators/telegram.ts'

if (!hasChromium) console.warn(`skipping the settings-admin browser test: ${CHROMIUM} is missing`)
const shots = path.join(ROOT, 'docs/screenshots')

describe.runIf(hasChromium)('super admin settings in Chromium', { timeout: 180_000 }, () => {
  let demo: BrowserDemo
  let running: Running
  let browser: Browser
  let base: string
  let tg: Awaited<ReturnType<typeof startTelegramSimulator>>

  beforeAll(async () => {
    demo = await startBrowserDemo('settings-admin')
    running = demo.running
    browser = demo.browser
    base = running.url
    tg = await startTelegramSimulator()
  }, 400_000)

  afterAll(async () => {
    await tg?.close()
    await demo?.stop()
  })

  const okLine = (page: Page) => page.locator('.settings-panel p.ok').first()

  it('creates an agency, a category with it as default, a local holiday and a channel', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto(`${base}/admin/`)
    await page.getByLabel('E-mail').fill('admin@demo.aduan.test')
    await page.getByLabel('Kata sandi').fill('demo-password-1')
    await page.getByRole('button', { name: 'Masuk' }).click()
    await page.locator('.topbar').waitFor()
    await page.goto(`${base}/admin/pengaturan`)
    await page.getByRole('heading', { name: 'Pengaturan', level: 1 }).waitFor()

    // Perangkat daerah: a new agency (keyboard: arrow keys reach the tab).
    await page.getByRole('tab', { name: 'Perangkat daerah' }).click()
    await page.getByRole('heading', { name: 'Perangkat daerah', level: 2 }).waitFor()
    await page.locator('.settings-table').waitFor()
    await page.getByLabel('Nama lengkap').fill('Dinas Perhubungan Uji')
    await page.getByLabel('Singkatan').fill('DISHUB-UJI')
    await page.getByLabel('Jenis').selectOption('dinas')
    await page.getByLabel('Kata kunci').fill('angkutan, terminal, lampu lalu lintas')
    await page.getByLabel('E-mail kontak').fill('dishub@uji.test')
    await page.getByRole('button', { name: 'Tambah perangkat daerah' }).click()
    await expect.poll(() => okLine(page).textContent()).toContain('ditambahkan')
    await page.getByLabel('Cari perangkat daerah').fill('dinas')
    await page.getByRole('row', { name: /DISHUB-UJI/ }).waitFor()
    await page.screenshot({ path: path.join(shots, 'settings-agencies.png'), fullPage: true })
    await page.getByLabel('Cari perangkat daerah').fill('')
    const agencies = await page.evaluate(async () => (await fetch('/api/settings/agencies')).json())
    const dishub = agencies.items.find((a: { shortName: string }) => a.shortName === 'DISHUB-UJI')
    expect(dishub).toMatchObject({ keywords: ['angkutan', 'terminal', 'lampu lalu lintas'], contactEmail: 'dishub@uji.test' })

    // Kategori: a category with DISHUB-UJI as its first default agency.
    await page.getByRole('tab', { name: 'Perangkat daerah' }).focus()
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    expect(await page.getByRole('tab', { name: 'Kategori' }).getAttribute('aria-selected')).toBe('true')
    await page.getByLabel('Nama kategori').fill('Lampu lalu lintas mati')
    await page.getByLabel('Tingkat SLA').selectOption('ringan')
    await page.getByLabel('Kata kunci').fill('lampu merah, traffic light')
    await page.getByLabel('Tambah OPD').selectOption({ label: 'DISHUB-UJI — Dinas Perhubungan Uji' })
    await page.getByRole('button', { name: 'Tambahkan ke daftar' }).click()
    await page.getByRole('button', { name: 'Tambah kategori' }).click()
    await expect.poll(() => okLine(page).textContent()).toContain('Kategori ditambahkan')
    const row = page.getByRole('row', { name: /Lampu lalu lintas mati/ })
    await row.waitFor()
    expect(await row.textContent()).toContain('DISHUB-UJI')
    await page.getByLabel('Cari kategori').fill('lampu')
    await page.screenshot({ path: path.join(shots, 'settings-categories.png'), fullPage: true })
    const cats = await page.evaluate(async () => (await fetch('/api/categories')).json())
    expect(cats.items.find((c: { name: string }) => c.name === 'Lampu lalu lintas mati').defaultAgencyIds).toEqual([dishub.id])

    // SLA & hari libur: a local holiday next year (the list shows the year it falls in).
    await page.getByRole('tab', { name: 'SLA & hari libur' }).click()
    await page.getByRole('heading', { name: 'Aturan SLA' }).waitFor()
    expect(await page.getByLabel('Verifikasi operator (hari kerja)').inputValue()).toBe('3')
    const year = new Date().getFullYear() + 1
    await page.getByLabel('Tanggal').fill(`${year}-07-15`)
    await page.getByLabel('Nama hari libur').fill('Hari jadi kabupaten')
    await page.getByRole('button', { name: 'Tambah hari libur' }).click()
    const local = page.getByRole('list', { name: 'Hari libur daerah' })
    await local.getByText('Hari jadi kabupaten').waitFor()
    await page.getByRole('cell', { name: /Hari Kemerdekaan/ }).waitFor()
    await page.screenshot({ path: path.join(shots, 'settings-sla.png'), fullPage: true })
    const hol = await page.evaluate(async (y) => (await fetch(`/api/settings/holidays?year=${y}`)).json(), year)
    expect(hol.local).toEqual([{ date: `${year}-07-15`, name: 'Hari jadi kabupaten' }])

    // Kanal: connect a Telegram bot, see the webhook URL to paste, test it against the simulator.
    await page.getByRole('tab', { name: 'Kanal' }).click()
    await page.getByRole('button', { name: 'Hubungkan kanal baru' }).click()
    await page.getByLabel('Jenis kanal').selectOption('telegram')
    await page.getByLabel('Nama akun').fill('Bot Aduan Uji')
    await page.getByLabel('Token bot', { exact: true }).fill(tg.botToken)
    await page.getByLabel('Secret token webhook').fill('rahasia-webhook-uji')
    await page.getByLabel(/URL Bot API/).fill(tg.url)
    await page.screenshot({ path: path.join(shots, 'settings-channel-connect.png'), fullPage: true })
    await page.getByRole('button', { name: 'Hubungkan', exact: true }).click()
    const done = page.locator('.settings-result-ok').first()
    await done.getByText('Bot Aduan Uji terhubung.').waitFor()
    expect(await done.textContent()).toMatch(/\/webhooks\/telegram\/[0-9a-f-]{36}/)
    await page.getByRole('button', { name: 'Uji Bot Aduan Uji' }).click()
    await page.getByText('Uji berhasil').waitFor()
    expect(tg.calls.some((c) => c.method === 'getMe')).toBe(true)
    const html = await page.locator('.settings-panel').innerHTML()
    expect(html).not.toContain(tg.botToken)
    expect(html).not.toContain('rahasia-webhook-uji')

    // Edit: the secrets show as stored, never their values.
    await page.getByRole('button', { name: 'Ubah Bot Aduan Uji' }).click()
    expect(await page.getByLabel('Token bot', { exact: true }).inputValue()).toBe('')
    expect(await page.getByLabel('Token bot', { exact: true }).getAttribute('placeholder')).toBe('tersimpan')
    await page.getByLabel('Nama akun').fill('Bot Aduan Pemkab')
    await page.getByRole('button', { name: 'Simpan perubahan' }).click()
    await page.getByRole('row', { name: /Bot Aduan Pemkab/ }).waitFor()
    // Phone width: the tabs and forms reflow; wide tables scroll inside their own box.
    await page.setViewportSize({ width: 390, height: 844 })
    await page.getByRole('tab', { name: 'Perangkat daerah' }).click()
    await page.getByLabel('Nama lengkap').waitFor()
    await page.screenshot({ path: path.join(os.tmpdir(), 'settings-admin-phone.png'), fullPage: false })
    expect(errors).toEqual([])
    await page.close()
  })
})
