// The set-based intake path (src/intake/messages.ts) on both databases: the same stored events,
// processed one per transaction in one tenant and all in ONE batch in another, end in the same
// contacts, conversations, messages, reports, report events and acknowledgements. The mix covers
// two channels, a sender writing three times (open, then two appends in later rounds), the same
// event twice in the batch, a STATUS command, an emergency, public comments (a complaint and not),
// a location-only message; and re-processing the batch changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NormalisedEvent } from '../../src/channels/contract.ts'
import { channelAccounts } from '../../src/db/schema/index.ts'
import { storeRows } from '../../src/intake/ingest.ts'
import { processInboundEvents, type InboundInput } from '../../src/intake/process.ts'
import { createTestApp, makeTenant, type TestApp } from '../harness/app.ts'
import { BACKENDS } from '../harness/db.ts'

const at = (min: number) => new Date(Date.UTC(2026, 10, 23, 2, min))
const msg = (id: string, senderId: string, text: string, min: number, extra: Partial<Extract<NormalisedEvent, { type: 'message' }>> = {}): NormalisedEvent => ({
  type: 'message',
  providerEventId: id,
  senderId,
  senderName: `Warga ${senderId}`,
  isPublic: false,
  text,
  attachments: [],
  sentAt: at(min),
  ...extra,
})

/** [account, event]: 'wa' is a WhatsApp account, 'fb' a Messenger account that also gets Page comments. */
const SCRIPT: ['wa' | 'fb', NormalisedEvent][] = [
  ['wa', msg('wamid.1', '6281200000001', 'Jalan rusak di depan pasar, mohon diperbaiki', 1)],
  ['wa', msg('wamid.2', '6281200000002', 'Ada kebakaran rumah di gang 3, tolong segera!', 2)],
  ['wa', msg('wamid.3', '6281200000001', 'Sudah dua minggu belum diperbaiki', 3)],
  ['wa', msg('wamid.4', '6281200000003', 'STATUS TST-AAAAAAAA', 4)],
  ['fb', msg('m_1', '7001', 'Lampu jalan di depan sekolah mati sejak seminggu', 5)],
  ['fb', msg('c_1', '7002', 'Terima kasih infonya min', 6, { isPublic: true, threadId: 'post_1', channelType: 'facebook_comment' })],
  ['fb', msg('c_2', '7003', 'Jalan berlubang parah di Jalan Merdeka, tolong segera diperbaiki, sudah ada korban', 7, { isPublic: true, threadId: 'post_1', channelType: 'facebook_comment' })],
  ['wa', msg('wamid.5', '6281200000001', 'Ini fotonya menyusul', 8)],
  ['wa', msg('wamid.6', '6281200000004', '', 9, { location: { latitude: 4.1, longitude: 96.2, name: 'Simpang Empat' } })],
  ['fb', msg('m_2', '7001', 'Tambahan: tiangnya juga miring', 10)],
]

describe.each(BACKENDS)('set-based intake on %s', (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(backend)
  })
  afterAll(async () => {
    await t?.close()
  })

  /** Stores the script for a new tenant; returns the tenant and its inbound inputs in order. */
  async function stored() {
    const tenant = await makeTenant(t.ctx)
    const accounts: Record<'wa' | 'fb', string> = { wa: '', fb: '' }
    for (const [key, type] of [['wa', 'whatsapp'], ['fb', 'messenger']] as const) {
      const [row] = await t.ctx.db
        .insert(channelAccounts)
        .values({ tenantId: tenant.id, type, name: key, publicConfig: {}, secretConfig: t.ctx.sealer.seal('{}') })
        .returning({ id: channelAccounts.id })
      accounts[key] = row!.id
    }
    await storeRows(
      t.ctx.db,
      SCRIPT.map(([acc, e]) => ({
        tenantId: tenant.id,
        channelAccountId: accounts[acc],
        channelType: (e.type === 'message' && e.channelType) || (acc === 'wa' ? 'whatsapp' : 'messenger'),
        providerEventId: e.providerEventId,
        headers: {},
        body: '{}',
        status: 'pending' as const,
        lastError: null,
        event: e,
      })),
    )
    const jobs = await t.ctx.database.query<{ payload: Record<string, unknown> }>(
      `select payload from jobs where queue = 'inbound' and tenant_id = $1 order by id`,
      [tenant.id],
    )
    const inputs: InboundInput[] = jobs.flatMap((j) =>
      (j.payload.events as { inboundEventId: unknown; channelAccountId: string; event: unknown }[]).map((e) => ({
        tenantId: tenant.id,
        inboundEventId: Number(e.inboundEventId),
        channelAccountId: e.channelAccountId,
        event: e.event as never,
        attempts: 1,
      })),
    )
    return { tenantId: tenant.id, inputs }
  }

  const byJson = (x: unknown, y: unknown) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1)

  /** Everything intake wrote for a tenant, without ids, times or tracking codes. */
  async function snapshot(tenantId: string) {
    const q = <T,>(s: string) => t.ctx.database.query<T>(s, [tenantId])
    const code = (s: string) => s.replace(/TST-[A-Z2-7]{8}/g, 'TST-CODE')
    return {
      contacts: await q(`select name, phone, email from contacts where tenant_id = $1 order by name`),
      identities: await q(`select channel_type, external_id, display_name from contact_identities where tenant_id = $1 order by external_id`),
      conversations: await q(`select c.channel_type, i.external_id, c.external_thread_id, c.unread_count, c.last_message_preview, r.body as report
        from conversations c join contact_identities i on i.tenant_id = c.tenant_id and i.id = c.identity_id
        left join reports r on r.tenant_id = c.tenant_id and r.id = c.report_id where c.tenant_id = $1 order by i.external_id, c.external_thread_id`),
      messages: (
        await q<{ direction: string; body: string; kind: string; status: string; report: string | null; external_id: string | null }>(
          `select m.direction, m.body, m.kind, m.status, r.body as report, case when m.direction = 'in' then m.external_id end as external_id
           from messages m left join reports r on r.tenant_id = m.tenant_id and r.id = m.report_id where m.tenant_id = $1
           order by m.direction, m.body, r.body`,
        )
      )
        .map((m) => ({ ...m, body: code(m.body) }))
        .sort(byJson),
      reports: await q(`select r.channel_type, r.body, r.kind, r.status, r.urgency, r.is_emergency, r.latitude, r.location_text, i.external_id as sender
        from reports r join conversations c on c.tenant_id = r.tenant_id and c.id = r.conversation_id
        join contact_identities i on i.tenant_id = c.tenant_id and i.id = c.identity_id where r.tenant_id = $1 order by r.body`),
      events: await q(`select r.body, e.type, e.actor_kind, e.from_status, e.to_status, e.internal from report_events e
        join reports r on r.tenant_id = e.tenant_id and r.id = e.report_id where e.tenant_id = $1 order by r.body, e.type, e.id`),
      outbound: (
        await q<{ recipient: string; text: string; key: string; report: string | null; channel_type: string }>(
          `select o.recipient, o.channel_type, o.payload->>'text' as text, split_part(o.idempotency_key, ':', 1) as key, r.body as report
           from outbound_messages o left join reports r on r.tenant_id = o.tenant_id and r.id = o.report_id where o.tenant_id = $1 order by o.recipient, key, r.body`,
        )
      )
        .map((o) => ({ ...o, text: code(o.text) }))
        .sort(byJson),
      // Work queued, counted per item: an outbox job carries the messages queued in one statement.
      jobs: await q(`select queue, sum(coalesce(jsonb_array_length(payload->'outboundIds'), 1))::int as n from jobs
        where tenant_id = $1 and queue <> 'inbound' group by queue order by queue`),
      inbound: await q(`select status, count(*)::int as n from inbound_events where tenant_id = $1 group by status`),
    }
  }

  it('one batch ends exactly as one event per transaction', async () => {
    const single = await stored()
    for (const input of single.inputs) await t.ctx.db.transaction((tx) => processInboundEvents(tx, t.ctx, [input]))
    const batched = await stored()
    // The first event twice in the batch (a job run twice): processed once.
    await t.ctx.db.transaction((tx) => processInboundEvents(tx, t.ctx, [...batched.inputs, batched.inputs[0]!]))

    const a = await snapshot(single.tenantId)
    const b = await snapshot(batched.tenantId)
    expect(b).toEqual(a)
    // And what that is: 5 reports (the thanks comment and the STATUS command open none), 3 appends.
    expect(a.reports).toHaveLength(5)
    expect(a.messages.filter((m) => m.direction === 'in')).toHaveLength(10)
    expect(a.messages.filter((m) => m.direction === 'in' && m.report === 'Jalan rusak di depan pasar, mohon diperbaiki')).toHaveLength(3)
    expect(a.events.filter((e) => (e as { type: string }).type === 'reporter_message')).toHaveLength(3)
    expect(a.outbound.map((o) => o.key).sort()).toEqual(['ack', 'ack', 'ack', 'ack', 'ack', 'status'])
    expect(a.reports.filter((r) => (r as { is_emergency: boolean }).is_emergency)).toHaveLength(1)
    expect(a.inbound).toEqual([{ status: 'processed', n: 10 }])

    // Running the batch again (a retried job) writes nothing.
    await t.ctx.db.transaction((tx) => processInboundEvents(tx, t.ctx, batched.inputs))
    expect(await snapshot(batched.tenantId)).toEqual(b)
  })
})
