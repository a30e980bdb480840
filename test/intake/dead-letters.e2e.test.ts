// Browser check of Pesan Gagal (/admin/pesan-gagal): a dead WhatsApp event of the demo tenant is
// listed for an operator without its payload, and the replay button queues it (the list empties).
// Debian's Chromium via playwright-core against the real server (embedded database, demo tenant).
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createChannelAccount } from '../../src/channels/accounts.ts'
import { inboundEvents, tenants } from '../../src/db/schema/index.ts'
import type { Running } from '../../src/main.ts'
import { hasChromium, startBrowserDemo, type BrowserDemo } from '../harness/web.ts'
import { metaChannelConfigs, metaJson, whatsappTextPayload } from '../simulators/meta.ts'

describe.runIf(hasChromium)('dead letters page in Chromium', { timeout: 120_000 }, () => {
  let demo: BrowserDemo
  let running: Running
  let browser: Browser

  beforeAll(async () => {
    demo = await startBrowserDemo('deadletters')
    running = demo.running
    browser = demo.browser
    const db = running.ctx.db
    const [tenant] = await db.select({ id: tenants.id }).from(tenants).limit(1)
    const account = await createChannelAccount(running.ctx, { tenantId: tenant!.id, type: 'whatsapp', name: 'WA Uji', config: metaChannelConfigs('http://127.0.0.1:9').whatsapp })
    const { payload, id } = whatsappTextPayload({ from: '6281200000777', name: 'Rahasia Warga', text: 'Got di depan rumah tersumbat' })
    await db.insert(inboundEvents).values({
      tenantId: tenant!.id,
      channelAccountId: account.id,
      channelType: 'whatsapp',
      providerEventId: id,
      body: metaJson(payload),
      status: 'dead',
      attempts: 8,
      lastError: 'simulated intake bug',
    })
  }, 400_000)

  afterAll(async () => {
    await demo?.stop()
  })

  it('an operator sees the dead event without its payload and replays it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto(`${running.url}/admin/`)
    await page.getByLabel('E-mail').fill('operator@demo.aduan.test')
    await page.getByLabel('Kata sandi').fill('demo-password-1')
    await page.getByRole('button', { name: 'Masuk' }).click()
    await page.getByRole('link', { name: 'Pesan Gagal' }).click()
    await page.getByRole('heading', { name: 'Pesan gagal diproses', level: 1 }).waitFor()
    await page.getByText('simulated intake bug').waitFor()
    const table = await page.locator('table').textContent()
    expect(table).toContain('WA Uji')
    expect(table).not.toContain('Rahasia Warga')
    expect(table).not.toContain('6281200000777')
    expect(await page.getByRole('button', { name: /Data mentah/ }).count()).toBe(0) // super admins only
    await page.getByRole('button', { name: /Proses ulang pesan/ }).click()
    await page.locator('p.ok', { hasText: 'diproses ulang' }).waitFor()
    await page.getByText('Tidak ada pesan gagal').waitFor()
    expect(errors).toEqual([])
  })
})
