// Browser journey of Pengaturan > Data & privasi and > LAPOR! & 112: a super admin downloads the
// export, imports a settings-only copy and sees a bad file refused by line; a reporter asks for
// erasure on the portal and the operator executes it from the list (the report page then says so);
// the super admin configures LAPOR! against the local simulator (token write-only), forwards a
// report, syncs and reads the sync log, configures 112 and sees the open hand-off. Debian's
// Chromium against the real server (demo tenant). Saves docs/screenshots/settings-data.png and
// settings-bridges.png.
import fs from 'node:fs'
import path from 'node:path'
import { type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Running } from '../../src/main.ts'
import { CHROMIUM, hasChromium, ROOT, startBrowserDemo, type BrowserDemo } from '../harness/web.ts'
import { startE112Simulator, type E112Simulator } from '../simulators/e112.ts'
import { startLaporSimulator, type LaporSimulator } from '../simulators/lapor.ts'

if (!hasChromium) console.warn(`skipping the data & bridges browser test: ${CHROMIUM} is missing`)
const shots = path.join(ROOT, 'docs/screenshots')

describe.runIf(hasChromium)('data & privacy and bridge settings in Chromium', { timeout: 180_000 }, () => {
  let demo: BrowserDemo
  let tmp: string
  let running: Running
  let browser: Browser
  let base: string
  let lapor: LaporSimulator
  let e112: E112Simulator

  beforeAll(async () => {
    demo = await startBrowserDemo('data')
    tmp = demo.tmp
    running = demo.running
    browser = demo.browser
    base = running.url
    lapor = await startLaporSimulator()
    e112 = await startE112Simulator()
  }, 400_000)

  afterAll(async () => {
    await demo?.stop()
    await lapor?.close()
    await e112?.close()
  })

  async function signIn(page: Page, email: string) {
    await page.goto(`${base}/admin/`)
    // The first page after the demo seed can be slow on a busy machine (jobs still running).
    await page.getByLabel('E-mail').waitFor({ timeout: 90_000 })
    await page.getByLabel('E-mail').fill(email)
    await page.getByLabel('Kata sandi').fill('demo-password-1')
    await page.getByRole('button', { name: 'Masuk' }).click()
    await page.locator('.topbar').waitFor()
  }
  /** A fetch inside the page: the session cookie and CSRF token as the app sends them. */
  const api = (page: Page, method: string, url: string, body?: unknown) =>
    page.evaluate(
      async ([method, url, body]) => {
        const s = await (await fetch('/api/auth/session')).json()
        const res = await fetch(url as string, {
          method: method as string,
          headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), 'x-csrf-token': s.csrfToken },
          body: body === undefined ? undefined : JSON.stringify(body),
        })
        return { status: res.status, json: await res.json().catch(() => null) }
      },
      [method, url, body] as const,
    )

  it('a super admin exports and imports; a reporter asks for erasure and the operator executes it', async () => {
    // The reporter files a report on the portal with their contact, then asks for erasure.
    const filed = await (
      await fetch(`${base}/lapor`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ body: 'Saluran air di depan rumah saya tersumbat. Saya Rahmat Hidayat, 0812 7777 6666.', name: 'Rahmat Hidayat', contact: 'whatsapp', contactValue: '081277776666' }),
      })
    ).json()
    const link = new URL(filed.privateUrl).pathname
    const ask = await fetch(`${base}${link}/hapus-data`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ confirm: 'ya', reason: 'Tidak ingin nama saya tersimpan' }) })
    expect(ask.status).toBe(202)

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await signIn(page, 'admin@demo.aduan.test')
    await page.goto(`${base}/admin/pengaturan`)
    await page.getByRole('tab', { name: 'Data & privasi' }).click()

    // Export: the link downloads JSON lines starting with the header.
    const href = await page.getByRole('link', { name: 'Unduh ekspor (.jsonl)' }).getAttribute('href')
    expect(href).toBe('/api/export')
    const text = await page.evaluate(async (u) => (await fetch(u)).text(), href!)
    const lines = text.trim().split('\n')
    expect(JSON.parse(lines[0]!)).toMatchObject({ type: 'header', data: { tenant: { slug: 'nagan-raya' } } })
    // Import a settings-only copy under a new slug; then the full file, whose codes are taken.
    const settingsOnly = lines.filter((l) => !/^\{"type":"(contact|contact_identity|report|report_event|disposition|response|conversation|message|attachment|end)"/.test(l))
    const counts: Record<string, number> = {}
    for (const l of settingsOnly.slice(1)) counts[JSON.parse(l).type] = (counts[JSON.parse(l).type] ?? 0) + 1
    const copy = path.join(tmp, 'salinan.jsonl')
    fs.writeFileSync(copy, [...settingsOnly, JSON.stringify({ type: 'end', data: { counts } })].join('\n') + '\n')
    await page.getByLabel('Berkas ekspor (.jsonl)').setInputFiles(copy)
    await page.getByLabel(/Slug pemda tujuan/).fill('salinan-uji')
    await page.getByRole('button', { name: 'Impor berkas' }).click()
    const importForm = page.locator('form[aria-labelledby="import-title"]')
    await expect.poll(() => importForm.locator('p.ok').textContent()).toContain('Impor ke "salinan-uji" selesai (pemda baru)')
    const full = path.join(tmp, 'penuh.jsonl')
    fs.writeFileSync(full, text)
    await page.getByLabel('Berkas ekspor (.jsonl)').setInputFiles(full)
    await page.getByLabel(/Slug pemda tujuan/).fill('salinan-penuh')
    await page.getByRole('button', { name: 'Impor berkas' }).click()
    await expect.poll(() => importForm.getByRole('alert').textContent()).toMatch(/Impor berhenti di baris \d+: kode pelacakan .* sudah dipakai pemda lain/)

    // The erasure request is listed, pending, due in 3 x 24 hours; execute it.
    const table = page.getByRole('table', { name: 'Daftar permintaan data pribadi' })
    await table.getByText(filed.trackingCode).waitFor()
    expect(await table.locator('tr', { hasText: filed.trackingCode }).textContent()).toContain('Menunggu')
    await page.screenshot({ path: path.join(shots, 'settings-data.png'), fullPage: true })
    page.once('dialog', (d) => void d.accept())
    await page.getByRole('button', { name: `Hapus identitas pelapor ${filed.trackingCode}` }).click()
    await expect.poll(() => page.locator('section[aria-labelledby="pdp-title"] p.ok').textContent()).toContain(`Identitas pelapor ${filed.trackingCode} dihapus`)
    // The list reloads after the message: wait for the row to say so (it raced under load in CI).
    await expect.poll(() => table.locator('tr', { hasText: filed.trackingCode }).textContent()).toContain('Selesai')
    expect(errors).toEqual([])
    await page.close()

    // The operator sees the marker on the report page; the reporter's own page says it is done.
    const op = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' })
    await signIn(op, 'operator@demo.aduan.test')
    await op.goto(`${base}/admin/pengaturan`)
    await op.getByRole('tab', { name: 'Data & privasi' }).click()
    await op.getByRole('table', { name: 'Daftar permintaan data pribadi' }).waitFor()
    expect(await op.getByRole('link', { name: 'Unduh ekspor (.jsonl)' }).count()).toBe(0)
    const reportId = await op.getByRole('link', { name: filed.trackingCode }).getAttribute('href')
    await op.goto(`${base}${reportId}`)
    await op.getByText('Identitas dihapus atas permintaan pelapor').waitFor()
    expect(await op.locator('main').textContent()).not.toContain('Rahmat')
    await op.close()
    const mine = await (await fetch(`${base}${link}/data-pribadi`)).text()
    expect(mine).toContain('Identitas Anda telah dihapus')
  })

  it('a super admin configures LAPOR! and 112, forwards a report, syncs and reads the log', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await signIn(page, 'admin@demo.aduan.test')
    await page.goto(`${base}/admin/pengaturan`)
    await page.getByRole('tab', { name: 'LAPOR! & 112' }).click()
    await page.getByLabel('Aktifkan jembatan LAPOR!').check()
    await page.getByLabel('Alamat API LAPOR!').fill(lapor.url)
    await page.locator('#lapor-token').fill('sim-lapor-token')
    await page.getByLabel('Hanya kategori terpilih').check()
    await page.getByRole('group', { name: 'Kategori yang diteruskan' }).getByRole('checkbox').first().check()
    await page.getByRole('button', { name: 'Simpan pengaturan LAPOR!' }).click()
    await expect.poll(() => page.locator('form[aria-labelledby="lapor-title"] p.ok').textContent()).toContain('Pengaturan LAPOR! tersimpan')
    await page.getByText('tersimpan; kosongkan untuk tidak mengubah').first().waitFor()
    expect(await page.locator('#lapor-token').inputValue()).toBe('')
    const cfg = (await api(page, 'GET', '/api/bridges/lapor/config')).json
    expect(cfg).toMatchObject({ enabled: true, endpoint: lapor.url, forward: 'categories', hasToken: true })
    expect(cfg.categoryIds).toHaveLength(1)
    expect(JSON.stringify(cfg)).not.toContain('sim-lapor-token')

    // Forward one verified demo report, then sync: both show in the log.
    const list = (await api(page, 'GET', '/api/reports?status=dispatched&limit=5')).json
    const reportId = list.items[0].id
    expect((await api(page, 'POST', `/api/reports/${reportId}/lapor`)).status).toBe(202)
    await page.getByRole('button', { name: 'Sinkronkan sekarang' }).click()
    await expect.poll(() => page.locator('section[aria-labelledby="lapor-log-title"] p.ok').textContent()).toMatch(/Sinkronisasi/)
    const log = page.getByRole('table', { name: 'Log sinkronisasi LAPOR!' })
    await expect
      .poll(async () => {
        await page.getByRole('button', { name: 'Muat ulang' }).click()
        return log.count()
      }, { timeout: 30_000 })
      .toBe(1)
    await expect.poll(() => log.textContent(), { timeout: 30_000 }).toContain('Keluar')

    // 112: save the centre, hand a report off, see it open.
    await page.getByLabel('Teruskan laporan darurat ke 112').check()
    await page.getByLabel('Alamat API 112 (URL insiden)').fill(e112.url)
    await page.locator('#e112-token').fill('sim-112-token')
    await page.getByRole('button', { name: 'Simpan pengaturan 112' }).click()
    await page.getByText('Pengaturan 112 tersimpan.').waitFor()
    expect((await api(page, 'POST', `/api/reports/${list.items[1].id}/emergency112`, { reason: 'Uji serah terima 112' })).status).toBe(202)
    await page.reload()
    await page.getByRole('tab', { name: 'LAPOR! & 112' }).click()
    await page.getByRole('table', { name: 'Penanganan 112 terbuka' }).getByText(list.items[1].trackingCode).waitFor()
    await page.getByRole('table', { name: 'Log sinkronisasi LAPOR!' }).waitFor()
    expect(await page.locator('.settings-panel').innerHTML()).not.toContain('sim-lapor-token')
    await page.screenshot({ path: path.join(shots, 'settings-bridges.png'), fullPage: true })
    expect(errors).toEqual([])
    await page.close()
  })
})
