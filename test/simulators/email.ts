// E-mail stand-ins: an SMTP sink (smtp-server) that receives what aduan sends and records it,
// parsed, with a failure script; and the citizen's side: a helper that sends a mail to aduan's
// SMTP listener with nodemailer, and one that POSTs a raw message to the relay webhook.
import { simpleParser, type ParsedMail } from 'mailparser'
import nodemailer from 'nodemailer'
import MailComposer from 'nodemailer/lib/mail-composer/index.js'
import { SMTPServer } from 'smtp-server'

export interface SunkMessage {
  mailFrom?: string
  rcptTo: string[]
  raw: Buffer
  parsed: ParsedMail
}

export async function startSmtpSink() {
  const messages: SunkMessage[] = []
  const failures: number[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'], // plain SMTP on localhost; nodemailer then skips TLS
    logger: false,
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'sim' }) // any credentials are fine for a sink
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', async () => {
        const status = failures.shift()
        if (status) {
          return callback(
            Object.assign(new Error(status >= 500 ? '5.7.1 Message rejected' : '4.2.0 Try again later'), {
              responseCode: status,
            }),
          )
        }
        const raw = Buffer.concat(chunks)
        messages.push({
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          raw,
          parsed: await simpleParser(raw),
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const address = server.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    host: '127.0.0.1',
    port,
    messages,
    /** The next n messages are refused at DATA with this SMTP code (e.g. 451 transient, 550 permanent). */
    failNext(n: number, status: number) {
      for (let i = 0; i < n; i++) failures.push(status)
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>

export interface CitizenMail {
  from: string
  to: string
  subject: string
  text?: string
  html?: string
  messageId?: string
  inReplyTo?: string
  references?: string[]
  attachments?: { filename: string; content: Buffer | string; contentType?: string }[]
  headers?: Record<string, string>
}

/** A citizen's mail client delivering to aduan's SMTP listener. Rejections throw (err.responseCode). */
export async function sendCitizenMail(target: { port: number; host?: string }, mail: CitizenMail) {
  const transport = nodemailer.createTransport({
    host: target.host ?? '127.0.0.1',
    port: target.port,
    secure: false,
    ignoreTLS: true,
  })
  try {
    return await transport.sendMail(mail)
  } finally {
    transport.close()
  }
}

/** The same mail as raw RFC 822 bytes, as an inbound relay would forward it. */
export function buildRawMail(mail: CitizenMail): Promise<Buffer> {
  return new MailComposer(mail).compile().build()
}

/** POST a raw message to the e-mail relay webhook with the shared-secret header. */
export async function postRawMail(webhookUrl: string, raw: Buffer, secret: string | null) {
  const headers: Record<string, string> = { 'content-type': 'message/rfc822' }
  if (secret !== null) headers['x-aduan-email-secret'] = secret
  const res = await fetch(webhookUrl, { method: 'POST', headers, body: new Uint8Array(raw) })
  return { status: res.status, body: await res.text() }
}

/** Connect an e-mail channel account that sends through this sink (POST /api/channels as `call`). */
export async function connectEmailChannel(
  call: (method: 'POST', url: string, body: Record<string, unknown>) => Promise<{ statusCode: number; body: string; json: () => { id: string } }>,
  smtp: SmtpSink,
): Promise<string> {
  const res = await call('POST', '/api/channels', {
    type: 'email',
    name: 'Surel Pemkab',
    config: { smtpHost: smtp.host, smtpPort: smtp.port, fromAddress: 'aduan@pemkab.test' },
  })
  if (res.statusCode !== 201) throw new Error(`e-mail channel not created: ${res.statusCode} ${res.body}`)
  return res.json().id
}
