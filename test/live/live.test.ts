// GET /api/live: server-sent events fed by LISTEN/NOTIFY, filtered per principal in the server.
// An operator hears of every report and message of the tenant; an agency hears of a report only
// once it holds a disposition on it; another tenant hears nothing. Payloads carry ids only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, createTestApp, login, makeAgency, makeTenant, makeUser, type Session, type TestApp } from '../harness/app.ts'
import { BACKENDS } from '../harness/db.ts'

interface Stream {
  events: { event: string; data: Record<string, unknown> }[]
  raw: string
  waitFor(pred: (e: { event: string; data: Record<string, unknown> }) => boolean, ms?: number): Promise<{ event: string; data: Record<string, unknown> }>
  close(): void
}

async function openStream(base: string, s: Session): Promise<Stream> {
  const ac = new AbortController()
  const res = await fetch(`${base}/api/live`, { headers: { cookie: s.cookie, accept: 'text/event-stream' }, signal: ac.signal })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toContain('text/event-stream')
  const stream: Stream = {
    events: [],
    raw: '',
    async waitFor(pred, ms = 10_000) {
      const end = Date.now() + ms
      for (;;) {
        const hit = stream.events.find(pred)
        if (hit) return hit
        if (Date.now() > end) throw new Error(`no matching event; got ${JSON.stringify(stream.events)}`)
        await new Promise((r) => setTimeout(r, 20))
      }
    },
    close: () => ac.abort(),
  }
  const reader = res.body!.getReader()
  const dec = new TextDecoder()
  let buf = ''
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) return
        const text = dec.decode(value, { stream: true })
        stream.raw += text
        buf += text
        let i
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i)
          buf = buf.slice(i + 2)
          const event = /^event: (.*)$/m.exec(block)?.[1]
          const data = /^data: (.*)$/m.exec(block)?.[1]
          if (event && data) stream.events.push({ event, data: JSON.parse(data) })
        }
      }
    } catch {
      // aborted
    }
  })()
  // The subscription is registered before the handler writes its first bytes.
  await stream.waitFor(() => true, 50).catch(() => undefined)
  for (let i = 0; i < 100 && !stream.raw.includes(': connected'); i++) await new Promise((r) => setTimeout(r, 20))
  return stream
}

describe.each(BACKENDS)('live updates on %s', (backend) => {
  let t: TestApp
  let base: string
  let op: Session
  let adminA: Session
  let adminB: Session
  let otherOp: Session
  let agencyA: string
  let agencyB: string
  const streams: Stream[] = []
  beforeAll(async () => {
    t = await createTestApp(backend)
    base = await t.app.listen({ port: 0, host: '127.0.0.1' })
    const tenant = await makeTenant(t.ctx)
    const other = await makeTenant(t.ctx)
    agencyA = (await makeAgency(t.ctx, tenant.id, 'dinas-a')).id
    agencyB = (await makeAgency(t.ctx, tenant.id, 'dinas-b')).id
    op = await login(t.app, (await makeUser(t.ctx, tenant.id, 'operator')).email)
    adminA = await login(t.app, (await makeUser(t.ctx, tenant.id, 'agency_admin', agencyA)).email)
    adminB = await login(t.app, (await makeUser(t.ctx, tenant.id, 'agency_admin', agencyB)).email)
    otherOp = await login(t.app, (await makeUser(t.ctx, other.id, 'operator')).email)
  }, 400_000)
  afterAll(async () => {
    for (const s of streams) s.close()
    await t?.close()
  })

  async function newReport(text: string) {
    const r = await as(t.app, op)('POST', '/api/reports', { body: text, channel: 'phone' })
    expect(r.statusCode, r.body).toBe(201)
    return r.json().id as string
  }
  async function dispatch(id: string, agencyId: string) {
    const r = await as(t.app, op)('POST', `/api/reports/${id}/verify-and-dispatch`, {
      title: 'Jalan berlubang',
      kind: 'pengaduan',
      categoryId: null,
      regionCode: null,
      flags: { anonymous: false, confidential: false },
      dispositions: [{ id: crypto.randomUUID(), agencyId, instruction: 'Mohon ditindaklanjuti.' }],
    })
    expect(r.statusCode, r.body).toBe(200)
  }

  it('refuses anonymous callers', async () => {
    const res = await fetch(`${base}/api/live`)
    expect(res.status).toBe(401)
  })

  it('each principal hears only what it may see', async () => {
    const sOp = await openStream(base, op)
    const sA = await openStream(base, adminA)
    const sB = await openStream(base, adminB)
    const sOther = await openStream(base, otherOp)
    streams.push(sOp, sA, sB, sOther)

    const first = await newReport('Jalan di depan sekolah berlubang besar dan membahayakan pengendara')
    const seen = await sOp.waitFor((e) => e.event === 'report' && e.data.reportId === first)
    expect(seen.data.types).toContain('received')
    expect(JSON.stringify(seen.data)).not.toContain('sekolah') // ids only, never the text

    await dispatch(first, agencyA)
    await sA.waitFor((e) => e.data.reportId === first)

    // B hears of its own report; by then it must not have heard of A's (NOTIFY keeps order).
    const second = await newReport('Sampah menumpuk di pasar sejak tiga hari')
    await dispatch(second, agencyB)
    await sB.waitFor((e) => e.data.reportId === second)
    expect(sB.events.some((e) => e.data.reportId === first)).toBe(false)
    expect(sA.events.some((e) => e.data.reportId === second)).toBe(false)
    // The other tenant's operator heard nothing of either.
    await sOp.waitFor((e) => e.data.reportId === second)
    const third = await newReport('Lampu jalan mati di gampong sebelah')
    await sOp.waitFor((e) => e.data.reportId === third)
    expect(sOther.events).toEqual([])
  })

  it('a closed stream stops receiving, and the server closes cleanly with streams open', async () => {
    const s = await openStream(base, op)
    s.close()
    const id = await newReport('Saluran air tersumbat di dekat meunasah')
    await streams[0]!.waitFor((e) => e.data.reportId === id)
    expect(s.events.some((e) => e.data.reportId === id)).toBe(false)
  })
})
