// There is no IMAP server in this environment, so these tests drive the poller's logic through a
// fake client with ImapFlow's method shapes; the connection itself is imapflow's.
import { describe, expect, it } from 'vitest'
import { emailAdapter } from './adapter.ts'
import {
  createImapPoller,
  drainUnseen,
  imapConnectionFromConfig,
  type ImapClientLike,
} from './imap-poller.ts'

function fakeMailbox(messages: Record<number, string>) {
  const seen = new Set<number>()
  const log: string[] = []
  const client: ImapClientLike = {
    connect: async () => void log.push('connect'),
    logout: async () => void log.push('logout'),
    getMailboxLock: async (path) => {
      log.push(`lock ${path}`)
      return { release: () => void log.push('release') }
    },
    search: async () =>
      Object.keys(messages)
        .map(Number)
        .filter((u) => !seen.has(u))
        .reverse(),
    fetchOne: async (uid) =>
      messages[Number(uid)] ? { uid: Number(uid), source: Buffer.from(messages[Number(uid)]) } : false,
    messageFlagsAdd: async (uid, flags) => {
      log.push(`flag ${uid} ${flags.join(',')}`)
      seen.add(Number(uid))
      return true
    },
  }
  return { client, seen, log }
}

describe('imap drainUnseen', () => {
  it('hands over unseen messages oldest first and marks each seen only after the callback resolved', async () => {
    const box = fakeMailbox({ 7: 'Subject: a\r\n\r\nA', 9: 'Subject: b\r\n\r\nB' })
    const handed: string[] = []
    const res = await drainUnseen(box.client, 'INBOX', async (raw, meta) => {
      expect(box.seen.has(meta.uid)).toBe(false) // not yet flagged while we commit
      handed.push(`${meta.uid}:${raw.toString().slice(-1)}`)
    })
    expect(res).toEqual({ handed: 2, failed: 0 })
    expect(handed).toEqual(['7:A', '9:B'])
    expect(box.log).toEqual(['lock INBOX', 'flag 7 \\Seen', 'flag 9 \\Seen', 'release'])
  })

  it('leaves a message unseen when the callback fails, and goes on with the rest', async () => {
    const box = fakeMailbox({ 1: 'x', 2: 'y' })
    const errors: number[] = []
    const res = await drainUnseen(
      box.client,
      'INBOX',
      async (_raw, meta) => {
        if (meta.uid === 1) throw new Error('commit failed')
      },
      (_err, meta) => errors.push(meta.uid),
    )
    expect(res).toEqual({ handed: 1, failed: 1 })
    expect([...box.seen]).toEqual([2])
    expect(errors).toEqual([1])
    // the next poll offers the failed one again
    const again: number[] = []
    await drainUnseen(box.client, 'INBOX', async (_raw, meta) => void again.push(meta.uid))
    expect(again).toEqual([1])
  })

  it('releases the mailbox lock even when the search fails', async () => {
    const box = fakeMailbox({})
    box.client.search = async () => {
      throw new Error('connection reset')
    }
    await expect(drainUnseen(box.client, 'INBOX', async () => {})).rejects.toThrow('connection reset')
    expect(box.log).toEqual(['lock INBOX', 'release'])
  })
})

describe('imap poller', () => {
  it('pollOnce connects, drains and logs out', async () => {
    const box = fakeMailbox({ 3: 'z' })
    const poller = createImapPoller({
      host: 'imap.example',
      user: 'u',
      pass: 'p',
      createClient: () => box.client,
      onMessage: async () => {},
    })
    expect(await poller.pollOnce()).toEqual({ handed: 1, failed: 0 })
    expect(box.log[0]).toBe('connect')
    expect(box.log.at(-1)).toBe('logout')
  })
  it('start polls repeatedly until stop', async () => {
    let polls = 0
    const box = fakeMailbox({})
    const poller = createImapPoller({
      host: 'imap.example',
      user: 'u',
      pass: 'p',
      intervalMs: 5,
      createClient: () => {
        polls++
        return box.client
      },
      onMessage: async () => {},
    })
    poller.start()
    await new Promise((r) => setTimeout(r, 60))
    await poller.stop()
    const after = polls
    expect(after).toBeGreaterThan(2)
    await new Promise((r) => setTimeout(r, 30))
    expect(polls).toBe(after)
  })
})

describe('imapConnectionFromConfig', () => {
  it('builds connection options only for channels with a mailbox', () => {
    const base = { smtpHost: 'smtp.x.id', fromAddress: 'pengaduan@x.id' }
    expect(imapConnectionFromConfig(emailAdapter.parseConfig(base))).toBeUndefined()
    expect(
      imapConnectionFromConfig(
        emailAdapter.parseConfig({ ...base, imapHost: 'imap.x.id', imapUser: 'pengaduan', imapPass: 'p' }),
      ),
    ).toEqual({
      host: 'imap.x.id',
      port: 993,
      secure: true,
      user: 'pengaduan',
      pass: 'p',
      mailbox: 'INBOX',
    })
  })
})
