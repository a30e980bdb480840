// A built-in SMTP server (smtp-server: https://nodemailer.com/extras/smtp-server/) so a Pemda can
// point the MX of e.g. pengaduan.naganrayakab.go.id at aduan and need no mail server of its own.
// It accepts mail only for the configured domains, enforces a size limit, and hands each message's
// raw bytes to `onMessage`. The sending server gets "250 OK" only after onMessage resolved (the
// caller has committed the mail), and a temporary "451" if it failed, so the sender keeps the
// mail and retries: no mail is lost between accepting and storing it. It never touches the database.
import {
  SMTPServer,
  type SMTPServerAddress,
  type SMTPServerDataStream,
  type SMTPServerSession,
} from 'smtp-server'

export interface SmtpEnvelope {
  mailFrom?: string
  rcptTo: string[]
  remoteAddress: string
  clientHostname: string
}

export interface SmtpListenerOptions {
  /** 25 in production; 0 picks a free port (tests). */
  port: number
  host?: string
  /** Domains we receive mail for, e.g. ['naganrayakab.go.id']; other recipients get 550. */
  recipientDomains: string[]
  /** Larger messages are refused with 552 (advertised through the SIZE extension). Default 25 MB. */
  maxMessageBytes?: number
  /** PEM key and certificate to offer STARTTLS; without them STARTTLS is not offered. */
  tls?: { key: string | Buffer; cert: string | Buffer }
  /** Name in the greeting; defaults to the host name. */
  serverName?: string
  onMessage(raw: Buffer, envelope: SmtpEnvelope): Promise<void>
  /** Failures of onMessage (the sender was told 451 and will retry) and connection errors. */
  onError?(err: unknown, envelope?: SmtpEnvelope): void
}

export interface SmtpListener {
  port: number
  close(): Promise<void>
}

type SmtpErr = Error & { responseCode?: number }
const smtpError = (responseCode: number, message: string): SmtpErr =>
  Object.assign(new Error(message), { responseCode })

export async function startSmtpListener(opts: SmtpListenerOptions): Promise<SmtpListener> {
  const domains = new Set(opts.recipientDomains.map((d) => d.toLowerCase()))
  const maxBytes = opts.maxMessageBytes ?? 25 * 1024 * 1024
  const server = new SMTPServer({
    name: opts.serverName,
    banner: 'aduan',
    size: maxBytes,
    // An MX accepts mail from anyone; AUTH belongs to submission servers, not here.
    authOptional: true,
    disabledCommands: opts.tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    ...(opts.tls ? { key: opts.tls.key, cert: opts.tls.cert } : {}),
    logger: false,
    maxClients: 100,
    socketTimeout: 60_000,
    onRcptTo(
      address: SMTPServerAddress,
      _session: SMTPServerSession,
      callback: (err?: Error | null) => void,
    ) {
      const domain = address.address.split('@').pop()?.toLowerCase() ?? ''
      if (!domains.has(domain)) return callback(smtpError(550, '5.1.1 Recipient domain not served here'))
      callback()
    },
    onData(
      stream: SMTPServerDataStream,
      session: SMTPServerSession,
      callback: (err?: Error | null, message?: string) => void,
    ) {
      const chunks: Buffer[] = []
      let bytes = 0
      // The SMTP reply must be given exactly once, whichever of error/end comes first.
      let answered = false
      const answer = (err: Error | null, message?: string) => {
        if (answered) return
        answered = true
        callback(err, message)
      }
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length
        if (bytes <= maxBytes) chunks.push(chunk) // past the limit, drain without buffering
      })
      stream.on('error', (err: Error) => answer(smtpError(451, `4.3.0 ${err.message}`)))
      stream.on('end', () => {
        if (stream.sizeExceeded || bytes > maxBytes) {
          return answer(smtpError(552, '5.3.4 Message exceeds fixed maximum message size'))
        }
        const envelope: SmtpEnvelope = {
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          remoteAddress: session.remoteAddress,
          clientHostname: session.clientHostname,
        }
        opts.onMessage(Buffer.concat(chunks), envelope).then(
          () => answer(null, 'OK: message stored'),
          (err: unknown) => {
            opts.onError?.(err, envelope)
            answer(smtpError(451, '4.3.0 Temporary failure storing the message, try again later'))
          },
        )
      })
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, opts.host ?? '0.0.0.0', () => {
      server.off('error', reject)
      // A client dropping mid-session surfaces here; without a listener it would crash the process.
      server.on('error', (err: Error) => opts.onError?.(err))
      resolve()
    })
  })
  const address = server.server.address()
  return {
    port: typeof address === 'object' && address ? address.port : opts.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
