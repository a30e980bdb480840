// IMAP polling (imapflow: https://imapflow.com/) for a Pemda that keeps its complaints mailbox
// at an existing provider. Each poll fetches the unseen messages, hands each one's raw bytes to
// `onMessage`, and flags it \Seen only after onMessage resolved (the caller has committed it):
// a crash or a failed commit leaves the message unseen, so the next poll hands it over again.
// Fetches use BODY.PEEK (imapflow's `source`), so reading alone never marks a message seen.
// Intake must therefore be idempotent on the Message-ID (emailEventId), which it is by design.
// It never touches the database.
import { ImapFlow } from 'imapflow'
import type { EmailConfig } from './adapter.ts'

/** The part of ImapFlow the poller uses; tests pass a fake (there is no IMAP server in CI). */
export interface ImapClientLike {
  connect(): Promise<void>
  logout(): Promise<void>
  getMailboxLock(path: string): Promise<{ release(): void }>
  search(query: { seen: boolean }, options: { uid: true }): Promise<number[] | false | undefined>
  fetchOne(
    uid: string,
    query: { source: true; uid: true },
    options: { uid: true },
  ): Promise<{ uid: number; source?: Buffer } | false>
  messageFlagsAdd(uid: string, flags: string[], options: { uid: true }): Promise<boolean>
}

export interface ImapMessageMeta {
  uid: number
  mailbox: string
}

export interface DrainResult {
  handed: number
  failed: number
}

/**
 * One pass over the mailbox: every unseen message, oldest first, is handed over and then marked
 * seen. A failing message stays unseen and does not stop the others.
 */
export async function drainUnseen(
  client: ImapClientLike,
  mailbox: string,
  onMessage: (raw: Buffer, meta: ImapMessageMeta) => Promise<void>,
  onError: (err: unknown, meta: ImapMessageMeta) => void = () => {},
): Promise<DrainResult> {
  const lock = await client.getMailboxLock(mailbox)
  const result: DrainResult = { handed: 0, failed: 0 }
  try {
    const uids = (await client.search({ seen: false }, { uid: true })) || []
    for (const uid of [...uids].sort((a, b) => a - b)) {
      const meta = { uid, mailbox }
      try {
        const msg = await client.fetchOne(String(uid), { source: true, uid: true }, { uid: true })
        if (!msg || !msg.source) continue // expunged between SEARCH and FETCH
        await onMessage(msg.source, meta)
        await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true })
        result.handed++
      } catch (err) {
        result.failed++
        onError(err, meta)
      }
    }
  } finally {
    lock.release()
  }
  return result
}

export interface ImapPollerOptions {
  host: string
  port?: number
  secure?: boolean
  user: string
  pass: string
  mailbox?: string
  /** Pause between the end of one poll and the start of the next. Default one minute. */
  intervalMs?: number
  onMessage(raw: Buffer, meta: ImapMessageMeta): Promise<void>
  onError?(err: unknown, meta?: ImapMessageMeta): void
  /** For tests: build the client instead of connecting to a real server. */
  createClient?(opts: ImapPollerOptions): ImapClientLike
}

export interface ImapPoller {
  pollOnce(): Promise<DrainResult>
  start(): void
  stop(): Promise<void>
}

/** Connection options from an e-mail channel's config, or undefined when it has no IMAP mailbox. */
export function imapConnectionFromConfig(
  c: EmailConfig,
): Pick<ImapPollerOptions, 'host' | 'port' | 'secure' | 'user' | 'pass' | 'mailbox'> | undefined {
  if (!c.imapHost || !c.imapUser) return undefined
  return {
    host: c.imapHost,
    port: c.imapPort,
    secure: c.imapSecure,
    user: c.imapUser,
    pass: c.imapPass ?? '',
    mailbox: c.imapMailbox,
  }
}

export function createImapPoller(opts: ImapPollerOptions): ImapPoller {
  const mailbox = opts.mailbox ?? 'INBOX'
  const interval = opts.intervalMs ?? 60_000
  let timer: NodeJS.Timeout | undefined
  let running: Promise<unknown> | undefined
  let stopped = true

  // A fresh connection per poll: long-idle IMAP sessions are dropped by many providers, and
  // imapflow clients are not meant to be reconnected.
  async function pollOnce(): Promise<DrainResult> {
    const client = opts.createClient ? opts.createClient(opts) : realClient(opts)
    await client.connect()
    try {
      return await drainUnseen(client, mailbox, opts.onMessage, (err, meta) => opts.onError?.(err, meta))
    } finally {
      await client.logout().catch(() => {})
    }
  }

  function schedule(): void {
    if (stopped) return
    timer = setTimeout(() => {
      running = pollOnce()
        .catch((err: unknown) => opts.onError?.(err))
        .finally(schedule)
    }, interval)
  }

  return {
    pollOnce,
    start() {
      if (!stopped) return
      stopped = false
      running = pollOnce()
        .catch((err: unknown) => opts.onError?.(err))
        .finally(schedule)
    },
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}

function realClient(opts: ImapPollerOptions): ImapClientLike {
  const client: ImapClientLike = new ImapFlow({
    host: opts.host,
    port: opts.port ?? 993,
    secure: opts.secure ?? true,
    auth: { user: opts.user, pass: opts.pass },
    logger: false,
  })
  return client
}
