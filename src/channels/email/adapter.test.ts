import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSmtpSink, type SmtpSink } from '../../../test/simulators/email.ts'
import type { InboundMessageEvent, WebhookRequest } from '../contract.ts'
import {
  emailAdapter,
  emailEventId,
  parseEmailAsync,
  parseRawEmail,
  replySubject,
  type EmailConfig,
} from './adapter.ts'

const eml = (name: string) => readFileSync(new URL(`./fixtures/${name}.eml`, import.meta.url))
const parse = async (name: string) => (await parseRawEmail(eml(name))) as InboundMessageEvent[]
const config = emailAdapter.parseConfig({
  smtpHost: 'smtp.naganrayakab.go.id',
  fromAddress: 'pengaduan@naganrayakab.go.id',
  inboundSecret: 'relay-shared-secret-0001',
  apiBaseUrl: 'https://ignored.example',
})

function post(rawBody: Buffer, headers: Record<string, string>): WebhookRequest {
  return { method: 'POST', headers, query: {}, rawBody }
}

describe('email config', () => {
  it('defaults ports and TLS; apiBaseUrl is accepted and unused', () => {
    expect(config).toMatchObject({
      smtpPort: 587,
      smtpSecure: false,
      imapPort: 993,
      imapSecure: true,
      imapMailbox: 'INBOX',
    })
    expect(() => emailAdapter.parseConfig({ smtpHost: 'x', fromAddress: 'not-an-address' })).toThrow()
  })
})

describe('email relay webhook verify', () => {
  const raw = eml('gmail-reply-id')
  it('accepts the shared secret', () => {
    expect(
      emailAdapter.verify(post(raw, { 'x-aduan-email-secret': 'relay-shared-secret-0001' }), config),
    ).toEqual({ ok: true })
  })
  it('rejects a wrong or missing secret, and everything when no secret is configured', () => {
    expect(
      emailAdapter.verify(post(raw, { 'x-aduan-email-secret': 'relay-shared-secret-0002' }), config).ok,
    ).toBe(false)
    expect(emailAdapter.verify(post(raw, {}), config).ok).toBe(false)
    const closed = emailAdapter.parseConfig({ smtpHost: 'x', fromAddress: 'a@b.id' })
    expect(emailAdapter.verify(post(raw, { 'x-aduan-email-secret': 'anything-at-all-123' }), closed).ok).toBe(
      false,
    )
  })
})

describe('email fixtures parse', () => {
  it('Gmail reply in Indonesian: quoted part cut, threading headers kept', async () => {
    expect(await parse('gmail-reply-id')).toEqual([
      {
        type: 'message',
        providerEventId: '<CAKx9dF2mXq+T4n1Yb=pQh7sLw@mail.gmail.example>',
        senderId: 'siti.rahmah1988@gmail.example',
        senderName: 'Siti Rahmah',
        senderEmail: 'siti.rahmah1988@gmail.example',
        threadId: '<aduan.3f9c2b7d41e0a8b6@naganrayakab.go.id>',
        isPublic: false,
        text: 'Terima kasih. Saya tambahkan: kejadiannya di Puskesmas Jeuram, loket pendaftaran, hari Senin pagi. Petugas meminta uang Rp20.000 untuk kartu berobat.',
        subject: 'Re: Laporan Anda diterima [NR-24-0121]',
        attachments: [],
        messageId: '<CAKx9dF2mXq+T4n1Yb=pQh7sLw@mail.gmail.example>',
        inReplyTo: '<aduan.3f9c2b7d41e0a8b6@naganrayakab.go.id>',
        references: ['<aduan.3f9c2b7d41e0a8b6@naganrayakab.go.id>'],
        replyToProviderId: '<aduan.3f9c2b7d41e0a8b6@naganrayakab.go.id>',
        sentAt: new Date('2024-06-11T02:12:31Z'),
      },
    ])
  })
  it('new complaint with a photo and a PDF inline as base64', async () => {
    const [ev] = await parse('new-complaint-attachments')
    expect(ev).toMatchObject({
      senderName: 'Hendra Saputra',
      subject: 'Sampah menumpuk di pasar Jeuram',
      threadId: ev.messageId,
    })
    expect(ev.text).toMatch(/^Yth\. Bapak\/Ibu,[\s\S]*Hendra Saputra$/)
    expect(ev.attachments.map(({ kind, mimeType, fileName }) => ({ kind, mimeType, fileName }))).toEqual([
      { kind: 'image', mimeType: 'image/jpeg', fileName: 'pasar-jeuram.jpg' },
      { kind: 'document', mimeType: 'application/pdf', fileName: 'surat-keuchik.pdf' },
    ])
    expect(Buffer.from(ev.attachments[1].contentBase64!, 'base64').subarray(0, 8).toString()).toBe('%PDF-1.4')
    const media = await emailAdapter.fetchMedia!(ev.attachments[0], { config })
    expect(media.bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]))
  })
  it('HTML-only mail becomes plain text', async () => {
    const [ev] = await parse('html-only')
    expect(ev.text).toBe(
      "Assalamu'alaikum,\n\nKami mengusulkan agar layanan Disdukcapil dibuka juga hari Sabtu & Minggu pagi untuk warga yang bekerja di kebun.\n\nTerima kasih.\nPengurus Koperasi",
    )
  })
  it('Outlook reply: "From/Sent" block cut, thread named by the first reference', async () => {
    const [ev] = await parse('outlook-reply')
    expect(ev.text).toBe(
      'Belum selesai. Lubangnya hanya ditimbun tanah, sekarang hujan sudah berlubang lagi. Mohon dicek kembali.\n\nAgus',
    )
    expect(ev.threadId).toBe('<aduan.7aa01f0c9b2e4d11@naganrayakab.go.id>')
    expect(ev.inReplyTo).toBe('<aduan.b3c4d5e6f7a80912@naganrayakab.go.id>')
  })
  it('auto-replies yield nothing (no loop with an out-of-office)', async () => {
    expect(await parseRawEmail(eml('auto-reply'))).toEqual([])
  })
  it('a bounce becomes a failed delivery status of our message', async () => {
    expect(await parseRawEmail(eml('bounce'))).toEqual([
      {
        type: 'status',
        providerEventId: '<20240614023000.5C1D2E0A11@mx.naganrayakab.go.id>',
        providerMessageId: '<aduan.91a2b3c4d5e6f708@naganrayakab.go.id>',
        status: 'failed',
        at: new Date('2024-06-14T02:30:00Z'),
        error: 'smtp; 550 5.1.1 <warga.salah.ketik@gmial.example>: Recipient address rejected: User unknown',
      },
    ])
  })
  it('emailEventId reads the Message-ID without parsing, else hashes the bytes', () => {
    expect(emailEventId(eml('outlook-reply'))).toBe(
      '<SG2PR01MB4211A3C5E1D2F3@SG2PR01MB4211.apcprd01.prod.outlook.example>',
    )
    expect(emailEventId(Buffer.from('Subject: x\r\n\r\nbody'))).toMatch(/^sha256:[0-9a-f]{64}$/)
  })
  it('parseAsync takes the raw webhook body; sync parse refuses raw and takes relay JSON', async () => {
    const req = post(eml('gmail-reply-id'), { 'content-type': 'message/rfc822' })
    expect(await emailAdapter.parseAsync!(req, config)).toEqual(await parse('gmail-reply-id'))
    expect(() => emailAdapter.parse(req, config)).toThrow(/parseAsync/)
    const json = post(
      Buffer.from(
        JSON.stringify({
          from: { address: 'Warga@Example.id', name: 'Warga' },
          subject: 'Lampu jalan',
          text: 'Lampu mati.\n\nOn Mon, 10 Jun 2024, Pemkab <p@x.id> wrote:\n> lama',
          messageId: '<m1@example.id>',
          date: '2024-06-10T01:00:00Z',
        }),
      ),
      { 'content-type': 'application/json' },
    )
    const [ev] = emailAdapter.parse(json, config) as InboundMessageEvent[]
    expect(ev).toMatchObject({
      providerEventId: '<m1@example.id>',
      senderId: 'warga@example.id',
      text: 'Lampu mati.',
      threadId: '<m1@example.id>',
    })
    expect(await parseEmailAsync(json)).toEqual([ev])
  })
})

describe('email send (SMTP sink)', () => {
  let sink: SmtpSink
  let cfg: EmailConfig
  beforeAll(async () => {
    sink = await startSmtpSink()
    cfg = emailAdapter.parseConfig({
      smtpHost: sink.host,
      smtpPort: sink.port,
      fromAddress: 'pengaduan@naganrayakab.go.id',
      fromName: 'Pengaduan Pemkab Nagan Raya',
    })
  })
  afterAll(() => sink.close())

  it('threads a reply: Message-ID from the idempotency key, In-Reply-To, References, one "Re:"', async () => {
    const res = await emailAdapter.send(
      {
        to: 'siti.rahmah1988@gmail.example',
        text: 'Laporan Anda diteruskan ke Dinas Kesehatan.',
        subject: 'Laporan Anda diterima [NR-24-0121]',
        inReplyTo: '<CAKx9dF2mXq+T4n1Yb=pQh7sLw@mail.gmail.example>',
        references: ['<first@mail.gmail.example>'],
        idempotencyKey: 'outbox-42',
        attachments: [
          {
            contentBase64: Buffer.from('hello').toString('base64'),
            mimeType: 'text/plain',
            fileName: 'catatan.txt',
          },
        ],
      },
      { config: cfg },
    )
    expect(res).toEqual({
      ok: true,
      providerMessageId: expect.stringMatching(/^<aduan\.[0-9a-f]{24}@naganrayakab\.go\.id>$/),
    })
    const [m] = sink.messages.splice(0)
    expect(m.rcptTo).toEqual(['siti.rahmah1988@gmail.example'])
    expect(m.parsed.subject).toBe('Re: Laporan Anda diterima [NR-24-0121]')
    expect(m.parsed.messageId).toBe(res.ok ? res.providerMessageId : '')
    expect(m.parsed.inReplyTo).toBe('<CAKx9dF2mXq+T4n1Yb=pQh7sLw@mail.gmail.example>')
    expect(m.parsed.references).toEqual([
      '<first@mail.gmail.example>',
      '<CAKx9dF2mXq+T4n1Yb=pQh7sLw@mail.gmail.example>',
    ])
    expect(m.parsed.from?.value).toEqual([
      { name: 'Pengaduan Pemkab Nagan Raya', address: 'pengaduan@naganrayakab.go.id' },
    ])
    expect(m.parsed.attachments[0]).toMatchObject({ filename: 'catatan.txt', content: Buffer.from('hello') })
    // the same outbox item retried carries the same Message-ID
    const again = await emailAdapter.send(
      { to: 'a@b.id', text: 'x', idempotencyKey: 'outbox-42' },
      { config: cfg },
    )
    expect(again.ok && again.providerMessageId).toBe(res.ok ? res.providerMessageId : '')
    sink.messages.splice(0)
  })
  it('subject rules', () => {
    expect(replySubject('Re: Jalan', true)).toBe('Re: Jalan')
    expect(replySubject('Balas: Jalan', true)).toBe('Balas: Jalan')
    expect(replySubject('Jalan', false)).toBe('Jalan')
    expect(replySubject(undefined, true)).toBe('Re: Tanggapan atas pengaduan Anda')
  })
  it('classifies 4xx as retryable, 5xx as permanent, a dead server as retryable', async () => {
    const send = (c = cfg) =>
      emailAdapter.send({ to: 'a@b.id', text: 'x', idempotencyKey: 'k' }, { config: c })
    sink.failNext(1, 451)
    expect(await send()).toMatchObject({ ok: false, retryable: true, code: 'unavailable' })
    sink.failNext(1, 550)
    expect(await send()).toMatchObject({ ok: false, retryable: false, code: 'rejected' })
    expect(await send({ ...cfg, smtpPort: 9 })).toMatchObject({ ok: false, retryable: true, code: 'network' })
  })
})
