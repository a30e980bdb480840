// End to end for every channel other than WhatsApp (whatsapp-e2e.test.ts), through real HTTP
// (and real SMTP for e-mail): the provider simulator sends a complaint five times -> one message
// and one report with the right channel and contact -> the simulator receives one acknowledgement
// carrying the tracking code -> an operator's answer through POST /api/conversations/{id}/messages
// reaches the simulator on the same channel, addressed to the same citizen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSmtpListener, type SmtpListener } from '../../src/channels/email/smtp-listener.ts'
import { emailRecipientDomains, ingestRawEmail } from '../../src/intake/ingest.ts'
import { startJobs, type JobRuntime } from '../../src/jobs/index.ts'
import { as, createTestApp, login, makeTenant, makeUser, type Session, type TestApp } from '../harness/app.ts'
import { BACKENDS } from '../harness/db.ts'
import { buildRawMail, postRawMail, sendCitizenMail, startSmtpSink, type SmtpSink } from '../simulators/email.ts'
import { metaChannelConfigs, newMid, startMetaSimulator, type MetaSimulator, type WebhookDelivery } from '../simulators/meta.ts'
import { startSmsGatewaySimulator, type SmsGatewaySimulator } from '../simulators/sms.ts'
import { startTelegramSimulator, type TelegramSimulator } from '../simulators/telegram.ts'
import { startXSimulator, type XSimulator } from '../simulators/x.ts'

const COMPLAINT = 'Jalan di depan kantor camat Kuala berlubang besar dan belum diperbaiki, mohon segera ditangani'
const APP_SECRET = 'sim-app-secret'
const EMAIL_SECRET = 'relay-shared-secret-0123456789'

interface Sims {
  meta: MetaSimulator
  telegram: TelegramSimulator
  x: XSimulator
  sms: SmsGatewaySimulator
  sink: SmtpSink
  smtp: SmtpListener
}

/** One thing the simulator received from us, normalised for the assertions. */
interface Sent {
  /** Who/what it was addressed to: recipient id, phone, address, or the comment/post answered. */
  to: string
  text: string
  /** How it went: 'dm', 'comment_reply', 'private_reply', 'tweet_reply', 'sms', 'email'. */
  how: string
  /** E-mail only: the In-Reply-To header. */
  inReplyTo?: string
}

interface Row {
  name: string
  type: string
  config(s: Sims): Record<string, unknown>
  /** The expected report channel and contact identity. */
  channelType: string
  senderId: string
  /** Delivers the complaint; `again` re-delivers the very same webhook. */
  deliver(s: Sims, url: string): Promise<{ status: number; again(): Promise<number> }>
  sent(s: Sims): Sent[]
  /** Where the acknowledgement must go, and how. */
  ack: { to: string | ((s: Sims) => string); how: string }
  /** Where the operator's answer must go, and how (e-mail: threaded under the citizen's mail). */
  answer: { to: string | ((s: Sims) => string); how: string; inReplyTo?: () => string }
}

const metaSent = (s: Sims): Sent[] =>
  s.meta.calls
    .filter((c) => c.method === 'POST')
    .map((c) => {
      const comment = /^\/v[\d.]+\/([\d_]+)\/(comments|replies)$/.exec(c.path)
      if (comment) return { to: comment[1]!, text: String(c.body?.message ?? ''), how: 'comment_reply' }
      const b = c.body ?? {}
      if (b.recipient?.comment_id) return { to: String(b.recipient.comment_id), text: String(b.message?.text ?? ''), how: 'private_reply' }
      return { to: String(b.recipient?.id ?? b.to ?? ''), text: String(b.message?.text ?? b.text?.body ?? ''), how: 'dm' }
    })

// The comment each comment row sent, remembered so the expectations can name it.
const commentIds: Record<string, string> = {}
const tweetIds: Record<string, string> = {}
const mailIds: Record<string, string> = {}

function metaRow(
  name: string,
  type: 'messenger' | 'instagram' | 'facebook_comment' | 'instagram_comment',
  senderId: string,
  send: (s: Sims, url: string) => Promise<WebhookDelivery>,
  ack: Row['ack'],
  answer: Row['answer'],
): Row {
  return {
    name,
    type,
    config: (s) => metaChannelConfigs(s.meta.url)[type],
    channelType: type,
    senderId,
    async deliver(s, url) {
      const d = await send(s, url)
      commentIds[type] = d.id
      return { status: d.status, again: async () => (await s.meta.redeliver(d)).status }
    },
    sent: metaSent,
    ack,
    answer,
  }
}

const ROWS: Row[] = [
  metaRow('Messenger', 'messenger', '24000000000000101', (s, url) => s.meta.sendMessengerText({ url, appSecret: APP_SECRET, senderId: '24000000000000101', text: COMPLAINT, mid: newMid() }), { to: '24000000000000101', how: 'dm' }, { to: '24000000000000101', how: 'dm' }),
  metaRow('Instagram DM', 'instagram', '17840000000000202', (s, url) => s.meta.sendInstagramText({ url, appSecret: APP_SECRET, senderId: '17840000000000202', text: COMPLAINT }), { to: '17840000000000202', how: 'dm' }, { to: '17840000000000202', how: 'dm' }),
  // A public comment: the acknowledgement answers the comment publicly (tracking code only); the
  // operator's answer goes privately as Meta's private reply to that comment.
  metaRow('Facebook comment', 'facebook_comment', '5100000000000303', (s, url) => s.meta.sendFacebookComment({ url, appSecret: APP_SECRET, fromId: '5100000000000303', fromName: 'Cut Nyak', text: COMPLAINT }), { to: () => commentIds.facebook_comment!, how: 'comment_reply' }, { to: () => commentIds.facebook_comment!, how: 'private_reply' }),
  metaRow('Instagram comment', 'instagram_comment', '17840000000000404', (s, url) => s.meta.sendInstagramComment({ url, appSecret: APP_SECRET, fromId: '17840000000000404', username: 'warga.kuala', text: COMPLAINT }), { to: () => commentIds.instagram_comment!, how: 'comment_reply' }, { to: () => commentIds.instagram_comment!, how: 'private_reply' }),
  {
    name: 'Telegram',
    type: 'telegram',
    config: (s) => ({ botToken: s.telegram.botToken, secretToken: s.telegram.secretToken, apiBaseUrl: s.telegram.url }),
    channelType: 'telegram',
    senderId: '700000505',
    async deliver(s, url) {
      const d = await s.telegram.sendUpdate(url, s.telegram.textUpdate({ id: 700000505, first_name: 'Teuku', last_name: 'Umar' }, COMPLAINT))
      return { status: d.status, again: async () => (await s.telegram.sendUpdate(url, d.update)).status }
    },
    sent: (s) => s.telegram.calls.filter((c) => c.method === 'sendMessage').map((c) => ({ to: String(c.body.chat_id), text: String(c.body.text), how: 'dm' })),
    ack: { to: '700000505', how: 'dm' },
    answer: { to: '700000505', how: 'dm' },
  },
  ...(['dm', 'mention'] as const).map(
    (kind): Row => ({
      name: `X ${kind}`,
      type: 'x',
      config: (s) => ({ consumerSecret: s.x.consumerSecret, accessToken: s.x.accessToken, accountId: s.x.accountId, apiBaseUrl: s.x.url }),
      channelType: 'x',
      senderId: kind === 'dm' ? '3300000000000606' : '3300000000000707',
      async deliver(s, url) {
        const from = kind === 'dm' ? { id: '3300000000000606', name: 'Rahmat', screen_name: 'rahmat_nr' } : { id: '3300000000000707', name: 'Nurul', screen_name: 'nurul_nr' }
        const payload = kind === 'dm' ? s.x.directMessage(from, COMPLAINT) : s.x.mention(from, COMPLAINT)
        if (kind === 'mention') tweetIds.mention = (payload as { tweet_create_events: { id_str: string }[] }).tweet_create_events[0]!.id_str
        const d = await s.x.sendActivity(url, payload)
        return { status: d.status, again: async () => (await s.x.sendActivity(url, payload)).status }
      },
      sent: (s) =>
        s.x.calls
          .filter((c) => c.method === 'POST')
          .map((c) => {
            const dm = /^\/2\/dm_conversations\/with\/(\d+)\/messages$/.exec(c.path)
            if (dm) return { to: dm[1]!, text: String(c.body.text), how: 'dm' }
            const reply = (c.body.reply ?? {}) as { in_reply_to_tweet_id?: string }
            return { to: String(reply.in_reply_to_tweet_id ?? ''), text: String(c.body.text), how: 'tweet_reply' }
          }),
      // A mention is public: the acknowledgement replies to the post; the answer goes as a DM.
      ack: kind === 'dm' ? { to: '3300000000000606', how: 'dm' } : { to: () => tweetIds.mention!, how: 'tweet_reply' },
      answer: { to: kind === 'dm' ? '3300000000000606' : '3300000000000707', how: 'dm' },
    }),
  ),
  {
    name: 'SMS',
    type: 'sms',
    config: (s) => ({ apiBaseUrl: s.sms.url, apiKey: s.sms.apiKey, inboundSecret: s.sms.inboundSecret }),
    channelType: 'sms',
    senderId: '6281277770808',
    async deliver(s, url) {
      const sms = { from: '+6281277770808', text: COMPLAINT, id: `sim-in-e2e-${Date.now()}` }
      const d = await s.sms.sendSms(url, sms)
      return { status: d.status, again: async () => (await s.sms.sendSms(url, sms)).status }
    },
    sent: (s) => s.sms.calls.map((c) => ({ to: c.to, text: c.text, how: 'sms' })),
    ack: { to: '6281277770808', how: 'sms' },
    answer: { to: '6281277770808', how: 'sms' },
  },
  ...(['smtp', 'relay'] as const).map(
    (way): Row => {
      const citizen = way === 'smtp' ? 'cut.meutia@example.id' : 'teuku.cik@example.id'
      const ours = way === 'smtp' ? 'pengaduan@naganrayakab.go.id' : 'aduan@relay.naganrayakab.go.id'
      return {
        name: `E-mail via ${way === 'smtp' ? 'the SMTP listener' : 'the relay webhook'}`,
        type: 'email',
        config: (s) => ({ smtpHost: s.sink.host, smtpPort: s.sink.port, fromAddress: ours, fromName: 'Pengaduan Nagan Raya', inboundSecret: EMAIL_SECRET }),
        channelType: 'email',
        senderId: citizen,
        async deliver(s, url) {
          const mail = { from: `Warga <${citizen}>`, to: ours, subject: 'Jalan berlubang', text: COMPLAINT, messageId: `<e2e-${way}-${Date.now()}@example.id>` }
          mailIds[way] = mail.messageId
          if (way === 'smtp') {
            const send = async () => ((await sendCitizenMail({ port: s.smtp.port }, mail)).accepted.length > 0 ? 200 : 0)
            return { status: await send(), again: send }
          }
          const raw = await buildRawMail(mail)
          const send = async () => (await postRawMail(url, raw, EMAIL_SECRET)).status
          return { status: await send(), again: send }
        },
        sent: (s) => s.sink.messages.map((m) => ({ to: m.rcptTo.join(','), text: m.parsed.text ?? '', how: 'email', inReplyTo: m.parsed.inReplyTo })),
        ack: { to: citizen, how: 'email' },
        answer: { to: citizen, how: 'email', inReplyTo: () => mailIds[way]! },
      }
    },
  ),
]

describe.each(BACKENDS)('every channel end to end on %s', (backend) => {
  let t: TestApp
  let s: Sims
  let jobs: JobRuntime
  let base: string
  let op: Session
  const channelIds = new Map<string, string>()
  const rowsSeen = new Map<string, { trackingCode: string; conversationId: string }>()

  beforeAll(async () => {
    t = await createTestApp(backend)
    base = await t.app.listen({ port: 0, host: '127.0.0.1' })
    jobs = await startJobs(t.ctx, { schedules: false })
    const tenant = await makeTenant(t.ctx)
    op = await login(t.app, (await makeUser(t.ctx, tenant.id, 'operator')).email)
    const [meta, telegram, x, sms, sink] = await Promise.all([startMetaSimulator(), startTelegramSimulator(), startXSimulator(), startSmsGatewaySimulator(), startSmtpSink()])
    s = { meta, telegram, x, sms, sink, smtp: undefined as unknown as SmtpListener }
    for (const row of ROWS) {
      const res = await as(t.app, op)('POST', '/api/channels', { type: row.type, name: row.name, config: row.config(s) })
      expect(res.statusCode, res.body).toBe(201)
      channelIds.set(row.name, res.json().id)
    }
    // The composition root's wiring of the SMTP listener, done here the same way.
    s.smtp = await startSmtpListener({
      port: 0,
      host: '127.0.0.1',
      recipientDomains: await emailRecipientDomains(t.ctx),
      onMessage: async (raw, envelope) => {
        await ingestRawEmail(t.ctx, raw, envelope)
      },
    })
  }, 180_000) // PGlite's WASM start alone took 34 s at load average 21 on the shared machine
  afterAll(async () => {
    await jobs?.stop(2000)
    await Promise.all([s?.meta.close(), s?.telegram.close(), s?.x.close(), s?.sms.close(), s?.sink.close(), s?.smtp?.close()])
    await t?.close()
  })

  const target = (to: string | ((s: Sims) => string)) => (typeof to === 'function' ? to(s) : to)

  it.each(ROWS.map((r) => [r.name, r] as const))('%s: five deliveries -> one message, one report, one acknowledgement with the code', async (_name, row) => {
    const channelId = channelIds.get(row.name)!
    const url = `${base}/webhooks/${row.type}/${channelId}`
    const first = await row.deliver(s, url)
    expect(first.status).toBe(200)
    for (let i = 0; i < 4; i++) expect(await first.again()).toBe(200)
    await jobs.worker.drain(['inbound', 'outbox'])

    const msgs = await t.ctx.database.query<{ conversation_id: string }>(
      `select m.conversation_id from messages m where m.direction = 'in' and m.channel_account_id = $1`,
      [channelId],
    )
    expect(msgs).toHaveLength(1)
    const reports = await t.ctx.database.query<{ tracking_code: string; channel_type: string; external_id: string; identity_channel: string }>(
      `select r.tracking_code, r.channel_type, i.external_id, i.channel_type as identity_channel
         from reports r join contact_identities i on i.tenant_id = r.tenant_id and i.contact_id = r.contact_id
        where r.channel_account_id = $1`,
      [channelId],
    )
    expect(reports).toHaveLength(1)
    const rep = reports[0]!
    expect(rep.channel_type).toBe(row.channelType)
    expect(rep).toMatchObject({ external_id: row.senderId, identity_channel: row.channelType })

    const acks = row.sent(s).filter((m) => m.text.includes(rep.tracking_code))
    expect(acks, JSON.stringify(row.sent(s))).toHaveLength(1)
    expect(acks[0]).toMatchObject({ to: target(row.ack.to), how: row.ack.how })
    rowsSeen.set(row.name, { trackingCode: rep.tracking_code, conversationId: msgs[0]!.conversation_id })
  })

  for (const row of ROWS) it(`${row.name}: an operator's answer reaches the citizen on the same channel`, async () => {
    const seen = rowsSeen.get(row.name)
    expect(seen, 'the intake case of this channel must have passed').toBeDefined()
    const text = `Laporan ${seen!.trackingCode} sudah diteruskan ke Dinas PUPR (${row.name}).`
    const r = await as(t.app, op)('POST', `/api/conversations/${seen!.conversationId}/messages`, { text })
    expect(r.statusCode, r.body).toBe(202)
    await jobs.worker.drain(['outbox'])
    const [out] = await t.ctx.database.query<{ status: string; last_error: string | null }>(
      `select o.status, o.last_error from outbound_messages o where o.id = $1`,
      [r.json().outboundId],
    )
    expect(out, JSON.stringify(out)).toMatchObject({ status: 'sent' })
    const answers = row.sent(s).filter((m) => m.text.includes(`Dinas PUPR (${row.name})`))
    expect(answers, JSON.stringify(row.sent(s))).toHaveLength(1)
    expect(answers[0]).toMatchObject({ to: target(row.answer.to), how: row.answer.how })
    if (row.answer.inReplyTo) expect(answers[0]!.inReplyTo).toBe(row.answer.inReplyTo())
  })
})
