// The Meta simulator receiving our Graph API calls: the real adapters' sends reach it, are
// recorded with headers and bodies, and are classified by what it answers (failNext).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  facebookCommentAdapter,
  instagramAdapter,
  instagramCommentAdapter,
  messengerAdapter,
} from '../../src/channels/meta/index.ts'
import { whatsappAdapter } from '../../src/channels/whatsapp/index.ts'
import { metaChannelConfigs, SIM_PHONE_NUMBER_ID, startMetaSimulator, type MetaSimulator } from './meta.ts'

let sim: MetaSimulator
const configs = () => {
  const raw = metaChannelConfigs(sim.url)
  return {
    whatsapp: whatsappAdapter.parseConfig(raw.whatsapp),
    messenger: messengerAdapter.parseConfig(raw.messenger),
    instagram: instagramAdapter.parseConfig(raw.instagram),
    facebook_comment: facebookCommentAdapter.parseConfig(raw.facebook_comment),
    instagram_comment: instagramCommentAdapter.parseConfig(raw.instagram_comment),
  }
}

beforeAll(async () => {
  sim = await startMetaSimulator()
})
afterAll(() => sim.close())
beforeEach(() => sim.reset())

const out = (over = {}) => ({
  to: '6281234567890',
  text: 'Laporan diterima. Kode NGR-2611-0009',
  idempotencyKey: 'k1',
  ...over,
})

describe('our Graph API calls reach the simulator', () => {
  it('WhatsApp text: recorded with path, bearer token and body; the wamid comes back', async () => {
    const res = await whatsappAdapter.send(out(), { config: configs().whatsapp })
    expect(res).toMatchObject({ ok: true, parts: 1 })
    expect(res.ok && res.providerMessageId.startsWith('wamid.')).toBe(true)
    expect(sim.calls).toHaveLength(1)
    expect(sim.calls[0]).toMatchObject({
      method: 'POST',
      path: `/v21.0/${SIM_PHONE_NUMBER_ID}/messages`,
      status: 200,
    })
    expect(sim.calls[0].headers.authorization).toBe('Bearer EAA-sim-whatsapp')
    expect(sim.calls[0].body).toMatchObject({
      messaging_product: 'whatsapp',
      to: '6281234567890',
      type: 'text',
      text: { preview_url: false },
    })
  })

  it('WhatsApp: a long reply arrives as several messages the simulator accepts (it rejects > 4,096)', async () => {
    const res = await whatsappAdapter.send(out({ text: 'Rincian tindak lanjut dinas. '.repeat(400) }), {
      config: configs().whatsapp,
    })
    expect(res).toMatchObject({ ok: true, parts: 3 })
    expect(sim.calls.map((c) => c.status)).toEqual([200, 200, 200])
  })

  it('WhatsApp template outside the window', async () => {
    const template = { name: 'tanda_terima_laporan', language: 'id', parameters: ['NGR-2611-0009'] }
    expect(await whatsappAdapter.send(out({ template }), { config: configs().whatsapp })).toMatchObject({
      ok: true,
    })
    expect(sim.calls[0].body.template).toMatchObject({
      name: 'tanda_terima_laporan',
      language: { code: 'id' },
    })
  })

  it('failNext: 500s and 429s are retryable, 131047 is permanent window_closed, then sends succeed again', async () => {
    const config = configs().whatsapp
    sim.failNext(1, 500)
    expect(await whatsappAdapter.send(out(), { config })).toMatchObject({
      ok: false,
      retryable: true,
      code: 'unavailable',
    })
    sim.failNext(1, 429)
    expect(await whatsappAdapter.send(out(), { config })).toMatchObject({
      ok: false,
      retryable: true,
      code: 'rate_limited',
    })
    sim.failNext(1, 400, {
      code: 131047,
      message: '(#131047) Re-engagement message',
      details: 'more than 24 hours',
    })
    expect(await whatsappAdapter.send(out(), { config })).toMatchObject({
      ok: false,
      retryable: false,
      code: 'window_closed',
    })
    expect(await whatsappAdapter.send(out(), { config })).toMatchObject({ ok: true })
    expect(sim.calls.map((c) => c.status)).toEqual([500, 429, 400, 200])
  })

  it('a closed simulator is a retryable network failure', async () => {
    const gone = await startMetaSimulator()
    await gone.close()
    const config = { ...configs().whatsapp, apiBaseUrl: gone.url }
    expect(await whatsappAdapter.send(out(), { config })).toMatchObject({
      ok: false,
      retryable: true,
      code: 'network',
    })
  })

  it('Messenger DM, Facebook and Instagram public replies, and a private reply hit their endpoints', async () => {
    const c = configs()
    expect(
      await messengerAdapter.send(out({ to: '7012345678901234' }), { config: c.messenger }),
    ).toMatchObject({ ok: true })
    expect(
      await facebookCommentAdapter.send(out({ replyToProviderId: '1122_3344' }), {
        config: c.facebook_comment,
      }),
    ).toMatchObject({ ok: true })
    expect(
      await instagramCommentAdapter.send(out({ replyToProviderId: '17865799348089039' }), {
        config: c.instagram_comment,
      }),
    ).toMatchObject({ ok: true })
    expect(
      await instagramAdapter.send(out({ isPublic: false, replyToProviderId: '17865799348089039' }), {
        config: c.instagram,
      }),
    ).toMatchObject({ ok: true })
    expect(sim.calls.map((x) => `${x.method} ${x.path}`)).toEqual([
      'POST /v21.0/me/messages',
      'POST /v21.0/1122_3344/comments',
      'POST /v21.0/17865799348089039/replies',
      'POST /v21.0/me/messages',
    ])
    expect(sim.calls[3].body.recipient).toEqual({ comment_id: '17865799348089039' })
  })
})
