// Browser journey of the settings page (Pengaturan): an operator saves quiet hours (kept after a
// reload and returned by the API), creates a canned response; the webhook tab stays hidden for
// operators. Debian's Chromium via playwright-core against the real server (embedded database,
// demo tenant). Saves docs/screenshots/settings-*.png.
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Running } from '../../src/main.ts'
import { CHROMIUM, hasChromium, ROOT, startBrowserDemo, type BrowserDemo } from '../harness/web.ts'

if (!hasChromium) console.warn(`skipping the settings browser test: ${CHROMIUM} is missing`)
const shots = path.join(ROOT, 'docs/screenshots')

describe.runIf(hasChromium)('settings page in Chromium', { timeout: 120_000 }, () => {
  let demo: BrowserDemo
  let running: Running
  let browser: Browser
  let base: string

  beforeAll(async () => {
    demo = await startBrowserDemo('settings')
    running = demo.running
    browser = demo.browser
    base = running.url
  }, 400_000)

  afterAll(async () => {
    await demo?.stop()
  })

  it('an operator saves quiet hours and adds a canned response', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto(`${base}/admin/`)
    await page.getByLabel('E-mail').fill('operator@demo.aduan.test')
    await page.getByLabel('Kata sandi').fill('demo-password-1')
    await page.getByRole('button', { name: 'Masuk' }).click()
    await page.getByRole('link', { name: 'Pengaturan' }).click()
    await page.getByRole('heading', { name: 'Pengaturan', level: 1 }).waitFor()

    // Operators see notifications, canned responses and channels; not the outgoing webhooks.
    await page.getByRole('tab', { name: 'Notifikasi saya' }).waitFor()
    expect(await page.getByRole('tab').allTextContents()).toEqual(['Notifikasi saya', 'Template jawaban', 'Kanal', 'Data & privasi'])

    await page.getByLabel('Mulai').fill('22:15')
    await page.getByLabel('Selesai').fill('05:45')
    await page.getByRole('button', { name: 'Simpan preferensi' }).click()
    await expect.poll(() => page.locator('.settings-panel p.ok').textContent()).toContain('tersimpan')
    await page.screenshot({ path: path.join(shots, 'settings-notifications.png'), fullPage: true })

    await page.reload()
    await page.getByLabel('Mulai').waitFor()
    expect(await page.getByLabel('Mulai').inputValue()).toBe('22:15')
    expect(await page.getByLabel('Selesai').inputValue()).toBe('05:45')
    const prefs = await page.evaluate(async () => (await fetch('/api/notifications/preferences')).json())
    expect(prefs.preferences.quietHours).toEqual({ start: '22:15', end: '05:45' })

    // A bad phone number: the server's Indonesian/problem message is shown.
    await page.getByLabel('Nomor WhatsApp').fill('12ab')
    await page.getByRole('button', { name: 'Simpan preferensi' }).click()
    await expect.poll(() => page.locator('.settings-panel').getByRole('alert').textContent()).toContain('Data tidak valid')

    // Template jawaban: create one and see it listed (arrow keys move between tabs).
    await page.getByRole('tab', { name: 'Notifikasi saya' }).focus()
    await page.keyboard.press('ArrowRight')
    expect(await page.getByRole('tab', { name: 'Template jawaban' }).getAttribute('aria-selected')).toBe('true')
    await page.getByLabel('Pintasan').fill('uji-pengaturan')
    await page.getByLabel('Judul').fill('Terima kasih uji')
    await page.getByLabel('Isi jawaban').fill('Terima kasih {nama}, laporan {kode} sedang kami proses.')
    await page.getByRole('button', { name: 'Tambah template' }).click()
    const list = page.getByRole('list', { name: 'Daftar template jawaban' })
    await list.getByText('Terima kasih uji').waitFor()
    const canned = await page.evaluate(async () => (await fetch('/api/canned-responses')).json())
    expect(canned.items.map((c: { shortcut: string }) => c.shortcut)).toContain('uji-pengaturan')
    await page.screenshot({ path: path.join(shots, 'settings-canned.png'), fullPage: true })

    // Edit it, then delete a throwaway one (the confirm dialog is accepted).
    await page.getByRole('button', { name: 'Ubah template Terima kasih uji' }).click()
    await page.getByLabel('Judul').fill('Terima kasih uji (ubah)')
    await page.getByRole('button', { name: 'Simpan perubahan' }).click()
    await list.getByText('Terima kasih uji (ubah)').waitFor()
    await page.getByLabel('Pintasan').fill('hapus-saya')
    await page.getByLabel('Judul').fill('Akan dihapus')
    await page.getByLabel('Isi jawaban').fill('Sementara.')
    await page.getByRole('button', { name: 'Tambah template' }).click()
    await list.getByText('Akan dihapus').waitFor()
    page.once('dialog', (d) => void d.accept())
    await page.getByRole('button', { name: 'Hapus template Akan dihapus' }).click()
    await expect.poll(() => list.getByText('Akan dihapus').count()).toBe(0)
    const after = await page.evaluate(async () => (await fetch('/api/canned-responses')).json())
    const shortcuts = after.items.map((c: { shortcut: string }) => c.shortcut)
    expect(shortcuts).toContain('uji-pengaturan')
    expect(shortcuts).not.toContain('hapus-saya')

    await page.getByRole('tab', { name: 'Kanal' }).click()
    await page.getByRole('heading', { name: 'Kanal' }).waitFor()
    await page.locator('.settings-table, .empty').first().waitFor()
    const html = await page.locator('.settings-panel').innerHTML()
    expect(html).not.toMatch(/secret|token|password/i)
    await page.screenshot({ path: path.join(shots, 'settings-channels.png'), fullPage: true })
    expect(errors).toEqual([])
    await page.close()
  })

  it('a super admin creates an outgoing webhook and sees its secret once; an agency head sees neither channels nor webhooks', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' })
    await page.goto(`${base}/admin/`)
    await page.getByLabel('E-mail').fill('admin@demo.aduan.test')
    await page.getByLabel('Kata sandi').fill('demo-password-1')
    await page.getByRole('button', { name: 'Masuk' }).click()
    await page.locator('.topbar').waitFor()
    await page.goto(`${base}/admin/pengaturan`)
    await page.getByRole('tab', { name: 'Webhook keluar' }).click()
    await page.getByLabel('URL tujuan').fill('https://contoh.example/aduan-hook')
    await page.getByRole('button', { name: 'Buat langganan' }).click()
    const secret = page.locator('.settings-panel .notice code')
    await secret.waitFor()
    expect((await secret.textContent())!.length).toBeGreaterThan(10)
    await page.getByRole('list', { name: 'Daftar langganan webhook' }).getByText('https://contoh.example/aduan-hook').waitFor()
    await page.screenshot({ path: path.join(shots, 'settings-webhooks.png'), fullPage: true })
    const subs = await page.evaluate(async () => (await fetch('/api/webhooks')).json())
    expect(subs.items.map((s: { url: string }) => s.url)).toContain('https://contoh.example/aduan-hook')
    // Listed again after a reload: no secret any more.
    await page.reload()
    await page.getByRole('tab', { name: 'Webhook keluar' }).click()
    await page.getByRole('list', { name: 'Daftar langganan webhook' }).waitFor()
    expect(await page.locator('.settings-panel .notice').count()).toBe(0)
    await page.getByRole('button', { name: 'Keluar' }).click()

    await page.getByLabel('E-mail').fill('diskominfotik.head@demo.aduan.test')
    await page.getByLabel('Kata sandi').fill('demo-password-1')
    await page.getByRole('button', { name: 'Masuk' }).click()
    await page.locator('.topbar').waitFor()
    await page.goto(`${base}/admin/pengaturan`)
    await page.getByRole('tab', { name: 'Notifikasi saya' }).waitFor()
    expect(await page.getByRole('tab').allTextContents()).toEqual(['Notifikasi saya', 'Template jawaban'])
    await page.getByRole('tab', { name: 'Template jawaban' }).click()
    await page.getByRole('list', { name: 'Daftar template jawaban' }).waitFor()
    expect(await page.getByRole('button', { name: 'Tambah template' }).count()).toBe(0)
    expect(await page.locator('.settings-panel').textContent()).toContain('Hanya operator dan super admin')

    // A 403 from the server (e.g. a role changed since sign-in) is said plainly, in Indonesian.
    await page.route('**/api/canned-responses', (route) =>
      route.fulfill({
        status: 403,
        contentType: 'application/problem+json',
        body: JSON.stringify({ status: 403, code: 'forbidden', message: { id: 'Peran Anda tidak diizinkan.', en: 'Forbidden.' } }),
      }),
    )
    await page.getByRole('tab', { name: 'Notifikasi saya' }).click()
    await page.getByRole('tab', { name: 'Template jawaban' }).click()
    await expect.poll(() => page.locator('.settings-panel').getByRole('alert').textContent()).toContain('Akses ditolak')
    await page.close()
  })

  it('works on a 390px-wide phone', async () => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'id-ID' })
    const page = await ctx.newPage()
    await page.goto(`${base}/admin/`)
    await page.getByLabel('E-mail').fill('operator@demo.aduan.test')
    await page.getByLabel('Kata sandi').fill('demo-password-1')
    await page.getByRole('button', { name: 'Masuk' }).click()
    await page.locator('.topbar').waitFor()
    await page.goto(`${base}/admin/pengaturan`)
    await page.getByLabel('Mulai').waitFor()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(1)
    await page.screenshot({ path: path.join(shots, 'settings-phone.png'), fullPage: true })
    await ctx.close()
  })
})
