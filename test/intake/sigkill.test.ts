// Durability: SIGKILL the server while signed webhooks stream in. Every webhook answered 200 must
// be processed exactly once after a restart (one message, one report each); nothing is lost.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/db/connect.ts'
import { metaChannelConfigs, newWamid, startMetaSimulator, type MetaSimulator } from '../simulators/meta.ts'
import { createHmac } from 'node:crypto'
import { metaJson, whatsappTextPayload } from '../simulators/meta-payloads.ts'

const PASSWORD = 'demo-password-1'

describe('SIGKILL while webhooks stream in (embedded database)', () => {
  const children: ChildProcess[] = []
  let sim: MetaSimulator
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL')
    await sim?.close()
  })

  function serve(dataDir: string, port: number) {
    const child = spawn(process.execPath, ['bin/aduan.js', 'serve'], {
      env: {
        ...process.env,
        BASE_URL: `http://127.0.0.1:${port}`,
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        ADUAN_DEMO_PASSWORD: PASSWORD,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'ignore'],
    })
    children.push(child)
    const exited = new Promise<void>((r) => child.on('exit', () => r()))
    return { child, exited }
  }

  async function waitReady(port: number) {
    const until = Date.now() + 90_000
    while (Date.now() < until) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/health/ready`)).status === 200) return
      } catch {
        /* starting */
      }
      await new Promise((r) => setTimeout(r, 200))
    }
    throw new Error('not ready')
  }

  it('loses nothing answered 200 and processes each exactly once after restart', async () => {
    sim = await startMetaSimulator()
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aduan-kill-'))
    const port = 21000 + Math.floor(Math.random() * 20000)
    const first = serve(dataDir, port)
    await waitReady(port)
    const base = `http://127.0.0.1:${port}`
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'operator@demo.aduan.test', password: PASSWORD }),
    })
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!
    const { csrfToken } = (await login.json()) as { csrfToken: string }
    const ch = await fetch(`${base}/api/channels`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ type: 'whatsapp', name: 'WA', config: metaChannelConfigs(sim.url).whatsapp }),
    })
    const channelId = ((await ch.json()) as { id: string }).id
    const url = `${base}/webhooks/whatsapp/${channelId}`

    const accepted: string[] = []
    let n = 0
    let stop = false
    const sender = async () => {
      while (!stop) {
        const i = n++
        const built = whatsappTextPayload({ from: `62812${String(700000 + i)}`, name: 'Warga', text: `sampah menumpuk di gampong nomor ${i}`, id: newWamid() })
        const raw = metaJson(built.payload)
        const sig = `sha256=${createHmac('sha256', 'sim-app-secret').update(raw).digest('hex')}`
        try {
          const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sig }, body: raw })
          if (r.status === 200) accepted.push(built.id)
        } catch {
          /* the server died mid-request: not answered 200, the provider would retry */
        }
      }
    }
    const senders = Array.from({ length: 6 }, sender)
    // Let webhooks flow (at least one answered), then kill mid-stream.
    const t0 = Date.now()
    while (accepted.length < 10 && Date.now() - t0 < 20_000) await new Promise((r) => setTimeout(r, 50))
    await new Promise((r) => setTimeout(r, 300))
    first.child.kill('SIGKILL')
    await first.exited
    stop = true
    await Promise.all(senders)
    expect(accepted.length).toBeGreaterThan(0)

    const second = serve(dataDir, port)
    await waitReady(port)
    // Wait until every accepted webhook has been processed.
    const until = Date.now() + 60_000
    while (Date.now() < until) {
      const acks = sim.calls.filter((c) => JSON.stringify(c.body ?? '').includes('telah kami terima')).length
      if (acks >= accepted.length) break
      await new Promise((r) => setTimeout(r, 250))
    }
    second.child.kill('SIGTERM')
    await second.exited

    const db = await openDatabase({ dataDir })
    try {
      const pending = await db.query<{ n: number }>(`select count(*)::int as n from inbound_events where status <> 'processed'`)
      expect(pending[0]!.n).toBe(0)
      const rows = await db.query<{ external_id: string; n: number }>(
        `select external_id, count(*)::int as n from messages where direction = 'in' and external_id = any($1::text[]) group by external_id`,
        [accepted],
      )
      expect(rows.length).toBe(accepted.length)
      expect(rows.every((r) => r.n === 1)).toBe(true)
      const reports = await db.query<{ n: number }>(
        `select count(*)::int as n from reports r join messages m on m.report_id = r.id and m.tenant_id = r.tenant_id where m.external_id = any($1::text[])`,
        [accepted],
      )
      expect(reports[0]!.n).toBe(accepted.length)
    } finally {
      await db.close()
    }
  }, 180_000)
})
