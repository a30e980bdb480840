// The outbox's lean fetch (src/delivery/http-fetch.ts) answers like global fetch for what the
// adapters send: status, headers and body of a standard Response, an empty 204, an error status
// with its Retry-After, a refused connection as TypeError('fetch failed'), a timeout as an abort;
// a body that is not a string goes to global fetch.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { leanFetch } from '../../src/delivery/http-fetch.ts'

describe('leanFetch', () => {
  let server: http.Server
  let base: string
  const seen: { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }[] = []
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') })
        if (req.url === '/empty') return void res.writeHead(204).end()
        if (req.url === '/busy') return void res.writeHead(503, { 'retry-after': '7', 'content-type': 'application/json' }).end('{"error":{"code":2}}')
        if (req.url === '/slow') return void setTimeout(() => res.writeHead(200).end('late'), 2000)
        res.writeHead(200, { 'content-type': 'application/json', 'x-two': ['a', 'b'] })
        res.end(JSON.stringify({ ok: true, echo: Buffer.concat(chunks).toString('utf8') }))
      })
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((r) => server.close(() => r())))

  it('sends method, headers and a string body; answers a standard Response', async () => {
    const res = await leanFetch(`${base}/v20.0/1/messages?x=1`, { method: 'POST', headers: { authorization: 'Bearer t', 'content-type': 'application/json' }, body: '{"a":"é"}' })
    expect(res).toBeInstanceOf(Response)
    expect(res.ok).toBe(true)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json')
    expect(res.headers.get('x-two')).toBe('a, b')
    expect(await res.json()).toEqual({ ok: true, echo: '{"a":"é"}' })
    const last = seen.at(-1)!
    expect(last).toMatchObject({ method: 'POST', url: '/v20.0/1/messages?x=1', body: '{"a":"é"}' })
    expect(last.headers.authorization).toBe('Bearer t')
    expect(last.headers['content-length']).toBe(String(Buffer.byteLength('{"a":"é"}')))
  })

  it('an empty 204, and an error status with its Retry-After', async () => {
    const empty = await leanFetch(`${base}/empty`, { method: 'POST', body: '' })
    expect(empty.status).toBe(204)
    expect(await empty.text()).toBe('')
    const busy = await leanFetch(`${base}/busy`, { method: 'GET' })
    expect(busy.ok).toBe(false)
    expect(busy.status).toBe(503)
    expect(busy.headers.get('retry-after')).toBe('7')
    expect(await busy.json()).toEqual({ error: { code: 2 } })
  })

  it('a refused connection is TypeError("fetch failed"); a timeout aborts', async () => {
    const closed = http.createServer()
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>((r) => closed.close(() => r()))
    await expect(leanFetch(`http://127.0.0.1:${port}/x`, { method: 'POST', body: '{}' })).rejects.toThrow(TypeError)
    await expect(leanFetch(`${base}/slow`, { signal: AbortSignal.timeout(100) })).rejects.toMatchObject({ name: 'TimeoutError' })
  })

  it('a body that is not a string goes through global fetch', async () => {
    const form = new FormData()
    form.append('chat_id', '42')
    const res = await leanFetch(`${base}/upload`, { method: 'POST', body: form })
    expect(res.status).toBe(200)
    expect(seen.at(-1)!.headers['content-type']).toMatch(/^multipart\/form-data/)
  })
})
