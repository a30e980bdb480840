// End to end over real SMTP on localhost: nodemailer (the citizen's side) -> our listener.
import { afterEach, describe, expect, it } from 'vitest'
import { sendCitizenMail } from '../../../test/simulators/email.ts'
import { parseRawEmail } from './parse-raw.ts'
import { startSmtpListener, type SmtpEnvelope, type SmtpListener } from './smtp-listener.ts'

let listener: SmtpListener | undefined
afterEach(async () => {
  await listener?.close()
  listener = undefined
})

const mail = {
  from: 'Rahmat Hidayat <rahmat@warga.example>',
  to: 'pengaduan@naganrayakab.go.id',
  subject: 'Lampu jalan mati',
  text: 'Lampu jalan depan SD Negeri 2 mati seminggu.',
}

describe('smtp listener', () => {
  it('hands the raw message over and answers 250 only after the callback resolved', async () => {
    const order: string[] = []
    const received: { raw: Buffer; env: SmtpEnvelope }[] = []
    listener = await startSmtpListener({
      port: 0,
      host: '127.0.0.1',
      recipientDomains: ['NaganRayaKab.go.id'],
      async onMessage(raw, env) {
        await new Promise((r) => setTimeout(r, 50)) // a slow commit
        received.push({ raw, env })
        order.push('committed')
      },
    })
    const info = await sendCitizenMail(
      { port: listener.port },
      {
        ...mail,
        attachments: [
          { filename: 'foto.jpg', content: Buffer.from([0xff, 0xd8, 0xff]), contentType: 'image/jpeg' },
        ],
      },
    )
    order.push('sender got 250')
    expect(order).toEqual(['committed', 'sender got 250'])
    expect(info.response).toMatch(/^250 /)
    expect(received[0].env).toMatchObject({
      mailFrom: 'rahmat@warga.example',
      rcptTo: ['pengaduan@naganrayakab.go.id'],
      remoteAddress: '127.0.0.1',
    })
    const [ev] = await parseRawEmail(received[0].raw)
    expect(ev).toMatchObject({
      type: 'message',
      senderEmail: 'rahmat@warga.example',
      senderName: 'Rahmat Hidayat',
      subject: 'Lampu jalan mati',
      text: mail.text,
      providerEventId: info.messageId,
    })
    expect(ev.type === 'message' && ev.attachments[0]).toMatchObject({ kind: 'image', fileName: 'foto.jpg' })
  })

  it('answers 451 when the callback fails, so the sender keeps the mail and retries', async () => {
    const errors: unknown[] = []
    listener = await startSmtpListener({
      port: 0,
      host: '127.0.0.1',
      recipientDomains: ['naganrayakab.go.id'],
      onMessage: async () => {
        throw new Error('database unavailable')
      },
      onError: (err) => errors.push(err),
    })
    await expect(sendCitizenMail({ port: listener.port }, mail)).rejects.toMatchObject({ responseCode: 451 })
    expect(errors).toHaveLength(1)
  })

  it('refuses recipients outside the configured domains with 550', async () => {
    let calls = 0
    listener = await startSmtpListener({
      port: 0,
      host: '127.0.0.1',
      recipientDomains: ['naganrayakab.go.id'],
      onMessage: async () => void calls++,
    })
    await expect(
      sendCitizenMail({ port: listener.port }, { ...mail, to: 'someone@elsewhere.example' }),
    ).rejects.toMatchObject({ responseCode: 550 })
    expect(calls).toBe(0)
  })

  it('refuses mail over the size limit with 552 and does not hand it over', async () => {
    let calls = 0
    listener = await startSmtpListener({
      port: 0,
      host: '127.0.0.1',
      recipientDomains: ['naganrayakab.go.id'],
      maxMessageBytes: 2048,
      onMessage: async () => void calls++,
    })
    await expect(
      sendCitizenMail({ port: listener.port }, { ...mail, text: 'x'.repeat(10_000) }),
    ).rejects.toMatchObject({ responseCode: 552 })
    expect(calls).toBe(0)
  })
})
