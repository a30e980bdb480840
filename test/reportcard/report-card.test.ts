// The monthly report card over HTTP and on schedule, on PGlite and PostgreSQL: its figures equal
// the dashboard's for the same month and scope (read back from the XLSX), the PDF renders to PNG
// pages, an agency user gets only their own agency (403 for another), bad months are bilingual
// problem+json, and the scheduled job e-mails the leaders once, PDF attached, through the outbox
// and a local SMTP sink.
import crypto from 'node:crypto'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jobHandlers, startJobs, type JobRuntime } from '../../src/jobs/index.ts'
import { openReport } from '../../src/reports/open.ts'
import { REPORT_CARD_QUEUE, runReportCards } from '../../src/reportcard/job.ts'
import { as, createTestApp, login, makeAgency, makeTenant, makeUser, type TestApp } from '../harness/app.ts'
import { BACKENDS } from '../harness/db.ts'
import { startSmtpSink, type SmtpSink } from '../simulators/email.ts'
import { pdfPages } from './pdf-pages.ts'

type Call = ReturnType<typeof as>
const HOUR = 3_600_000
const NOW = new Date('2026-12-01T02:00:00Z') // 09:00 WIB, 1 December

describe.each(BACKENDS)('report card on %s', { timeout: 180_000 }, (backend) => {
  let t: TestApp
  let smtp: SmtpSink
  let jobs: JobRuntime
  let tenantId: string
  let agencyA: string, agencyB: string
  let leaderEmail: string
  let leader: Call, operator: Call, headA: Call, adminA: Call

  beforeAll(async () => {
    t = await createTestApp(backend)
    smtp = await startSmtpSink()
    jobs = await startJobs(t.ctx, { schedules: false })
    tenantId = (await makeTenant(t.ctx)).id
    agencyA = (await makeAgency(t.ctx, tenantId, 'pupr')).id
    agencyB = (await makeAgency(t.ctx, tenantId, 'dinkes')).id
    const users = {
      leader: await makeUser(t.ctx, tenantId, 'leader'),
      operator: await makeUser(t.ctx, tenantId, 'operator'),
      headA: await makeUser(t.ctx, tenantId, 'agency_head', agencyA),
      adminA: await makeUser(t.ctx, tenantId, 'agency_admin', agencyA),
    }
    leaderEmail = users.leader.email
    // Sessions expire: sign in again once the clock is at NOW.
    const signIn = async () => {
      leader = as(t.app, await login(t.app, users.leader.email))
      operator = as(t.app, await login(t.app, users.operator.email))
      headA = as(t.app, await login(t.app, users.headA.email))
      adminA = as(t.app, await login(t.app, users.adminA.email))
    }
    await signIn()
    const mail = await operator('POST', '/api/channels', { type: 'email', name: 'Surel Pemkab', config: { smtpHost: smtp.host, smtpPort: smtp.port, fromAddress: 'aduan@pemkab.test' } })
    expect(mail.statusCode, mail.body).toBe(201)

    // October and November reports (WIB), a share dispatched to A, B or both, some rated.
    const ids: string[] = []
    for (let i = 0; i < 30; i++) {
      const at = new Date(Date.parse(i < 10 ? '2026-10-02T01:00:00Z' : '2026-11-01T01:00:00Z') + (i % 10) * 50 * HOUR)
      t.clock.set(at)
      const r = await t.ctx.db.transaction((tx) =>
        openReport(tx, {
          tenantId,
          body: ['Jalan rusak berlubang di depan pasar', 'Lampu jalan mati sejak minggu lalu', 'Sampah menumpuk di pasar'][i % 3]!,
          channelType: (['whatsapp', 'web', 'sms'] as const)[i % 3],
          regionCode: ['11.15.01.2001', '11.15.02.2003'][i % 2],
          actor: { kind: 'reporter' },
          now: at,
        }),
      )
      ids.push(r.id)
      if (i % 3 === 0) continue
      const targets = i % 5 === 0 ? [agencyA, agencyB] : i % 2 ? [agencyA] : [agencyB]
      t.clock.set(new Date(at.getTime() + 2 * HOUR))
      const res = await operator('POST', `/api/reports/${r.id}/verify-and-dispatch`, {
        title: `Laporan ${i}`,
        kind: 'pengaduan',
        regionCode: null,
        categoryId: null,
        flags: { anonymous: false, confidential: false },
        dispositions: targets.map((agencyId) => ({ id: crypto.randomUUID(), agencyId, instruction: 'Mohon ditindaklanjuti' })),
      })
      expect(res.statusCode, res.body).toBe(200)
    }
    // Ratings as the closure step leaves them (1..5).
    for (const [i, rating] of [[11, 5], [12, 4], [13, 2], [2, 5]] as const)
      await t.ctx.database.query('update reports set rating = $1 where id = $2', [rating, ids[i]])
    // A confidential report: its title stays out of the card.
    await t.ctx.database.query('update reports set is_confidential = true where id = $1', [ids[11]])
    t.clock.set(NOW)
    await signIn()
  }, 180_000)
  afterAll(async () => {
    await jobs?.stop(2000)
    await smtp?.close()
    await t?.close()
  })

  const get = async (call: Call, url: string, status = 200) => {
    const r = await call('GET', url)
    expect(r.statusCode, r.body.slice(0, 300)).toBe(status)
    return r
  }
  const workbook = async (call: Call, url: string) => {
    const r = await get(call, url)
    expect(r.headers['content-type']).toContain('spreadsheetml')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(r.rawPayload as never)
    return wb
  }
  const sheetRows = (wb: ExcelJS.Workbook, name: string) => {
    const out: unknown[][] = []
    wb.getWorksheet(name)!.eachRow((row, n) => n > 1 && out.push((row.values as unknown[]).slice(1)))
    return out
  }

  /** The card's summary sheet against the dashboard for the same month and scope. */
  const expectSameFigures = async (call: Call, agency?: string) => {
    const qs = agency ? `?agency=${agency}` : ''
    const d = (await get(call, `/api/dashboard?from=2026-11-01&to=2026-11-30&granularity=day${agency ? `&agency=${agency}` : ''}`)).json()
    const prev = (await get(call, `/api/dashboard?from=2026-10-01&to=2026-10-31&granularity=day${agency ? `&agency=${agency}` : ''}`)).json()
    const wb = await workbook(call, `/api/report-cards/2026-11.xlsx${qs}`)
    const sum = Object.fromEntries(sheetRows(wb, 'Ringkasan').map((r) => [String(r[0]), [r[1] ?? null, r[2] ?? null]]))
    const s = d.summary
    expect(sum['Laporan diterima']).toEqual([s.received, prev.summary.received])
    expect(sum['Terverifikasi']).toEqual([s.verified, prev.summary.verified])
    expect(sum['Dijawab']).toEqual([s.answered, prev.summary.answered])
    expect(sum['Laporan terbuka lewat tenggat']).toEqual([s.overdueOpen, prev.summary.overdueOpen])
    expect(sum['Kepatuhan SLA (dijawab tepat waktu) (%)']).toEqual([s.slaCompliance, prev.summary.slaCompliance])
    expect(sum['Median waktu respons pertama (jam)']).toEqual([s.medianFirstResponseHours, prev.summary.medianFirstResponseHours])
    expect(sum['Median waktu penyelesaian (jam)']).toEqual([s.medianCompletionHours, prev.summary.medianCompletionHours])
    const opd = sheetRows(wb, 'Kinerja OPD').map((r) => ({ shortName: r[1], reports: r[2], answered: r[4], overdueOpen: r[7], slaCompliance: r[8] ?? null }))
    expect(opd).toEqual(d.scoreboard.map((r: Record<string, unknown>) => ({ shortName: r.shortName, reports: r.reports, answered: r.answered, overdueOpen: r.overdueOpen, slaCompliance: r.slaCompliance })))
    const trend = sheetRows(wb, 'Tren harian').filter((r) => r[0]).map((r) => ({ bucket: r[0], received: r[1], answered: r[2] }))
    expect(trend).toEqual(d.trend)
    // The overdue list is the scoreboard's "overdue open", listed.
    const overdue = d.scoreboard.reduce((n: number, r: { overdueOpen: number }) => n + r.overdueOpen, 0)
    expect(sheetRows(wb, 'Lewat tenggat').length).toBe(overdue)
    const channels = Object.fromEntries(sheetRows(wb, 'Kanal').map((r) => [r[0], r[1]]))
    expect(Object.values(channels).reduce((a: number, b) => a + Number(b), 0)).toBe(s.received)
    return { d, wb }
  }

  it("the tenant card's figures are the dashboard's for November (and October for the comparison)", async () => {
    const { d, wb } = await expectSameFigures(leader)
    const titles = sheetRows(wb, 'Lewat tenggat').map((r) => r[1])
    expect(titles).toContain('(judul dirahasiakan)')
    expect(titles).not.toContain('Laporan 11')
    expect(d.summary.received).toBe(20)
    expect(d.summary.slaCompliance).not.toBeNull()
    expect(d.scoreboard.length).toBe(2)
  })

  it("an agency card's figures are the dashboard's with that agency's filter, for a leader and for the agency's head", async () => {
    await expectSameFigures(leader, agencyB)
    const { d } = await expectSameFigures(headA, agencyA)
    expect(d.scoreboard.map((r: { agencyId: string }) => r.agencyId)).toEqual([agencyA])
    // The agency user's default card is their scope, the same as their dashboard.
    await expectSameFigures(headA)
  })

  it('the PDF is A4, renders to PNG pages and reads as the November card', async () => {
    const r = await get(leader, '/api/report-cards/2026-11.pdf')
    expect(r.headers['content-type']).toBe('application/pdf')
    expect(r.headers['content-disposition']).toContain('rapor_2026-11.pdf')
    const pages = await pdfPages(r.rawPayload, 1)
    expect(pages.length).toBeGreaterThanOrEqual(2)
    expect(pages[0]!.png.subarray(1, 4).toString()).toBe('PNG')
    const text = pages.map((p) => p.text).join(' ')
    expect(text).toContain('Rapor Pengaduan November 2026')
    expect(text).toContain('Oktober 2026')
    expect(text).toContain('Kinerja per OPD')
    const agency = await get(headA, `/api/report-cards/2026-11.pdf?agency=${agencyA}`)
    expect(agency.headers['content-disposition']).toContain('rapor_2026-11_pupr.pdf')
    expect((await pdfPages(agency.rawPayload, 0.5)).map((p) => p.text).join(' ')).toContain('Dinas pupr')
  })

  it("refuses another agency's card (403), unknown agencies (404), other roles and bad months, bilingually", async () => {
    const other = await get(headA, `/api/report-cards/2026-11.pdf?agency=${agencyB}`, 403)
    expect(other.headers['content-type']).toContain('application/problem+json')
    expect(other.json().message.id).toContain('OPD Anda')
    await get(headA, `/api/report-cards/2026-11.xlsx?agency=${agencyB}`, 403)
    await get(leader, `/api/report-cards/2026-11.pdf?agency=${crypto.randomUUID()}`, 404)
    await get(adminA, '/api/report-cards/2026-11.pdf', 403)
    expect((await t.app.inject({ method: 'GET', url: '/api/report-cards/2026-11.pdf' })).statusCode).toBe(401)
    for (const bad of ['2026-13.pdf', '2026-11.csv', 'november.pdf', '1999-12.pdf', '2027-01.xlsx']) {
      const r = await get(leader, `/api/report-cards/${bad}`, 400)
      expect(r.headers['content-type']).toContain('application/problem+json')
      expect(r.json().message).toMatchObject({ id: expect.stringContaining('Bulan tidak valid'), en: expect.stringContaining('Invalid month') })
    }
    await get(leader, '/api/report-cards/2026-11.pdf?agency=pupr', 400)
  })

  it('the scheduled job e-mails last month to the leaders once, with the PDF attached', async () => {
    expect(jobHandlers(t.ctx)[REPORT_CARD_QUEUE]).toBeTypeOf('function')
    // Before the 1st (local), nothing.
    expect(await runReportCards(t.ctx, new Date('2026-11-30T16:59:00Z'))).toEqual([])
    const done = await runReportCards(t.ctx, NOW)
    expect(done).toEqual([{ tenantId, month: '2026-11', recipients: 1 }])
    await jobs.worker.drain(['outbox'])
    const mails = smtp.messages.filter((m) => m.rcptTo.includes(leaderEmail))
    expect(mails).toHaveLength(1)
    const m = mails[0]!.parsed
    expect(m.subject).toContain('Rapor Pengaduan November 2026')
    expect(m.text).toContain('Laporan diterima: 20')
    expect(m.attachments).toHaveLength(1)
    expect(m.attachments[0]!.contentType).toBe('application/pdf')
    expect(m.attachments[0]!.filename).toBe('rapor_2026-11.pdf')
    expect(m.attachments[0]!.content.subarray(0, 5).toString()).toBe('%PDF-')
    expect((await pdfPages(m.attachments[0]!.content, 0.5))[0]!.text).toContain('Rapor Pengaduan November 2026')
    // Again the same day, and later in the catch-up week: nothing more.
    expect(await runReportCards(t.ctx, new Date(NOW.getTime() + HOUR))).toEqual([])
    expect(await runReportCards(t.ctx, new Date('2026-12-05T02:00:00Z'))).toEqual([])
    await jobs.worker.drain(['outbox'])
    expect(smtp.messages.filter((m) => m.rcptTo.includes(leaderEmail))).toHaveLength(1)
    // Past the first week of January: December is not sent late.
    expect(await runReportCards(t.ctx, new Date('2027-01-10T02:00:00Z'))).toEqual([])
  })
})
