import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DataDirLockedError, lockDataDir } from '../../src/db/lock.ts'

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'aduan-lock-'))

describe('DATA_DIR lock', () => {
  it('refuses a second holder and frees on release', () => {
    const dir = tmp()
    const a = lockDataDir(dir)
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError)
    a.release()
    const b = lockDataDir(dir)
    b.release()
  })

  it('takes over the lock of a process that died', () => {
    const dir = tmp()
    fs.writeFileSync(path.join(dir, 'aduan.lock'), JSON.stringify({ pid: 2 ** 22 + 7, host: os.hostname() }))
    const l = lockDataDir(dir)
    l.release()
  })
})

describe('two servers on one DATA_DIR', () => {
  const children: ChildProcess[] = []
  afterAll(() => {
    for (const c of children) c.kill('SIGKILL')
  })

  function startServer(dataDir: string, port: number) {
    const child = spawn(process.execPath, ['bin/aduan.js', 'serve'], {
      env: { ...process.env, BASE_URL: `http://127.0.0.1:${port}`, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', ADUAN_SEED_DEMO: 'false', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    children.push(child)
    let out = ''
    child.stdout!.on('data', (d) => (out += d))
    child.stderr!.on('data', (d) => (out += d))
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    return { child, output: () => out, exited }
  }

  async function waitReady(port: number, ms = 60_000) {
    const until = Date.now() + ms
    while (Date.now() < until) {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/health/ready`)
        if (r.status === 200) return
      } catch {
        /* not yet */
      }
      await new Promise((r) => setTimeout(r, 200))
    }
    throw new Error('server not ready: ' + (globalThis as any).__lastOut?.())
  }

  it('the second exits non-zero with a clear message; the first keeps serving; SIGTERM releases the lock', async () => {
    const dir = tmp()
    const port = 20000 + Math.floor(Math.random() * 20000)
    const first = startServer(dir, port)
    ;(globalThis as any).__lastOut = first.output
    await waitReady(port)
    const second = startServer(dir, port + 1)
    const code = await second.exited
    expect(code).not.toBe(0)
    expect(second.output()).toMatch(/DATA_DIR .* is in use by another aduan process/)
    const r = await fetch(`http://127.0.0.1:${port}/health/ready`)
    expect(r.status).toBe(200)
    first.child.kill('SIGTERM')
    expect(await first.exited).toBe(0)
    expect(fs.existsSync(path.join(dir, 'aduan.lock'))).toBe(false)
  }, 120_000)
})
