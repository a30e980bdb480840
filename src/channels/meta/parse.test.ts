// Every recorded payload in fixtures/ parses to exactly the events listed here, through the
// messaging adapter of its platform; the comment-only adapters read only the comments.
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ChannelAdapter, NormalisedEvent, WebhookRequest } from '../contract.ts'
import { facebookCommentAdapter } from './facebook-comments.ts'
import { instagramCommentAdapter } from './instagram-comments.ts'
import { instagramAdapter } from './instagram.ts'
import { messengerAdapter } from './messenger.ts'
import { signMetaPayload } from './webhook-security.ts'

const common = { pageAccessToken: 'EAAPage', appSecret: 'meta-app-secret', verifyToken: 'verify-me' }
const fbConfig = messengerAdapter.parseConfig({ pageId: '104523456789012', ...common })
const igConfig = instagramAdapter.parseConfig({ igUserId: '17841405822304914', ...common })

function fixture(name: string): WebhookRequest {
  const rawBody = readFileSync(new URL(`./fixtures/${name}`, import.meta.url))
  return {
    method: 'POST',
    headers: { 'x-hub-signature-256': signMetaPayload(rawBody, common.appSecret) },
    query: {},
    rawBody,
  }
}

const ms = (n: number) => new Date(n)
const s = (n: number) => new Date(n * 1000)
const PSID = '7012345678901234'
const IGSID = '6543210987654321'
const dm = { type: 'message' as const, isPublic: false, attachments: [] }

const messengerEvents: Record<string, NormalisedEvent[]> = {
  'messenger-text.json': [
    {
      ...dm,
      providerEventId: 'm_AG5Hz2UqkYb8T0xW3c9vLd1Qp7rNs4Ke6Mj2Fh8Zt0Ya',
      senderId: PSID,
      text: 'Selamat pagi, lampu jalan di Simpang Peut mati sudah seminggu.',
      sentAt: ms(1763888400001),
    },
  ],
  'messenger-attachments.json': [
    [
      'm_Bq1Wn7Yt3Zr5Xp9Lc2Vd8Kf4Hs6Gj0Ma1Nb3Oc5Pd7Qe',
      'image',
      'https://scontent.xx.fbcdn.net/v/t1.15752-9/465091234_1234567890123456_n.jpg?_nc_cat=1&oh=00_AfA&oe=674A1B2C',
      1763888460001,
    ],
    [
      'm_Cr2Xo8Zu4As6Yq0Md3We9Lg5It7Hk1Nb2Oc4Pd6Qe8Rf',
      'audio',
      'https://cdn.fbsbx.com/v/t59.3654-21/465012345_audioclip-1763888465001-2147.mp4?_nc_cat=1&oh=00_AfB&oe=674A1B2D',
      1763888465001,
    ],
    [
      'm_Ds3Yp9Av5Bt7Zr1Ne4Xf0Mh6Ju8Il2Oc3Pd5Qe7Rf9Sg',
      'document',
      'https://cdn.fbsbx.com/v/t59.2708-21/465023456_kk-keluarga.pdf?_nc_cat=1&oh=00_AfC&oe=674A1B2E',
      1763888470001,
    ],
    [
      'm_Et4Zq0Bw6Cu8As2Of5Yg1Ni7Kv9Jm3Pd4Qe6Rf8Sg0Th',
      'sticker',
      'https://scontent.xx.fbcdn.net/v/t39.1997-6/851557_369239266556155_759568595_n.png?_nc_cat=1&oh=00_AfD&oe=674A1B2F',
      1763888475001,
    ],
  ].map(([mid, kind, url, t]) => ({
    ...dm,
    providerEventId: mid as string,
    senderId: PSID,
    text: '',
    attachments: [{ kind: kind as 'image', url: url as string }],
    sentAt: ms(t as number),
  })),
  'messenger-quick-reply.json': [
    {
      ...dm,
      providerEventId: 'm_Fu5Ar1Cx7Dv9Bt3Pg6Zh2Oj8Lw0Kn4Qe5Rf7Sg9Th1Ui',
      senderId: PSID,
      text: 'Sudah selesai',
      interactiveReplyId: 'RATING_PUAS',
      replyToProviderId: 'm_Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp9Oo8Nn7Mm6Ll5',
      sentAt: ms(1763888520001),
    },
  ],
  'messenger-postback.json': [
    {
      ...dm,
      providerEventId: 'm_Gv6Bs2Dy8Ew0Cu4Qh7Ai3Pk9Mx1Lo5Rf6Sg8Th0Ui2Vj',
      senderId: PSID,
      text: 'Buat laporan baru',
      interactiveReplyId: 'LAPOR_BARU',
      sentAt: ms(1763888580001),
    },
  ],
  // Messenger's read receipt names only a watermark, so it maps to no single message.
  'messenger-delivery-read.json': [
    {
      type: 'status',
      providerEventId: 'm_Hw7Ct3Ez9Fx1Dv5Ri8Bj4Ql0Ny2Mp6Sg7Th9Ui1Vj3Wk:delivered',
      providerMessageId: 'm_Hw7Ct3Ez9Fx1Dv5Ri8Bj4Ql0Ny2Mp6Sg7Th9Ui1Vj3Wk',
      status: 'delivered',
      at: ms(1763888639000),
    },
  ],
  'messenger-echo.json': [],
  'messenger-other-page.json': [],
  'facebook-comment.json': [
    {
      type: 'message',
      providerEventId: '1122334455667788_998877665544332',
      senderId: '6234567890123456',
      senderName: 'Cut Nyak Fitri',
      threadId: '104523456789012_1122334455667788',
      isPublic: true,
      text: 'Pak, drainase di Gampong Ujong Fatihah tersumbat, tiap hujan banjir.',
      attachments: [],
      sentAt: s(1763888411),
      channelType: 'facebook_comment',
    },
  ],
  'facebook-comment-reply.json': [
    {
      type: 'message',
      providerEventId: '1122334455667788_998877665544399',
      senderId: '6345678901234567',
      senderName: 'Zulfikar',
      threadId: '104523456789012_1122334455667788',
      isPublic: true,
      text: 'Betul, di lorong saya juga sama',
      attachments: [
        {
          kind: 'image',
          url: 'https://scontent.xx.fbcdn.net/v/t39.30808-6/465111222_9876543210_n.jpg?_nc_cat=1&oh=00_AfE&oe=674A1B30',
        },
      ],
      replyToProviderId: '1122334455667788_998877665544332',
      sentAt: s(1763888702),
      channelType: 'facebook_comment',
    },
  ],
  // The Page's own reply, a reaction and an edit are not new comments.
  'facebook-feed-ignored.json': [],
}

const instagramEvents: Record<string, NormalisedEvent[]> = {
  'instagram-text.json': [
    {
      ...dm,
      providerEventId:
        'aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDA1ODIyMzA0OTE0OjM0MDI4MjM2Njg0MTcxMDMwMDk0OTEyODE4NDY4NjQ3MTkwMDc3MDozMTk3NjE2NzYwNjk3NjQ2NzIyMzQ4NTkwNjUxNDk1MDE0NAZDZD',
      senderId: IGSID,
      text: 'Min, sampah di pasar Jeuram menumpuk 3 hari',
      sentAt: ms(1763888880123),
    },
  ],
  'instagram-image.json': [
    {
      ...dm,
      providerEventId:
        'aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDA1ODIyMzA0OTE0OjM0MDI4MjM2Njg0MTcxMDMwMDk0OTEyODE4NDY4NjQ3MTkwMDc3MDozMTk3NjE2NzYwNzA5NjQ2NzIyMzQ4NTkwNjUxNDk1MDE0NAZDZD',
      senderId: IGSID,
      text: '',
      attachments: [
        {
          kind: 'image',
          url: 'https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=18034567890123456&signature=AbCdEfGh123',
        },
      ],
      sentAt: ms(1763888940123),
    },
  ],
  'instagram-read.json': [
    {
      type: 'status',
      providerEventId:
        'aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDA1ODIyMzA0OTE0OjM0MDI4MjM2Njg0MTcxMDMwMDk0OTEyODE4NDY4NjQ3MTkwMDc3MDozMTk3NjE2NzYwOTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OQZDZD:read',
      providerMessageId:
        'aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDA1ODIyMzA0OTE0OjM0MDI4MjM2Njg0MTcxMDMwMDk0OTEyODE4NDY4NjQ3MTkwMDc3MDozMTk3NjE2NzYwOTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OQZDZD',
      status: 'read',
      at: ms(1763889000123),
    },
  ],
  'instagram-echo.json': [],
  'instagram-comment.json': [
    {
      type: 'message',
      providerEventId: '17865799348089039',
      senderId: '17841401234567890',
      senderName: 'warga.jeuram',
      threadId: '18023345678901234',
      isPublic: true,
      text: 'Jalan ke Puskesmas Seunagan rusak berat, tolong ditinjau 🙏',
      attachments: [],
      sentAt: s(1763889120),
      channelType: 'instagram_comment',
    },
  ],
  // A citizen's reply to a comment is taken in; the account's own reply is not.
  'instagram-comment-reply.json': [
    {
      type: 'message',
      providerEventId: '17865799348089077',
      senderId: '17841409876543210',
      senderName: 'teuku.rizal',
      threadId: '18023345678901234',
      isPublic: true,
      text: 'Setuju, sudah lama rusak',
      attachments: [],
      replyToProviderId: '17865799348089039',
      sentAt: s(1763889180),
      channelType: 'instagram_comment',
    },
  ],
}

function check(adapter: ChannelAdapter<any>, config: object, table: Record<string, NormalisedEvent[]>) {
  for (const [name, events] of Object.entries(table)) {
    it(`${name} verifies and parses to the expected events`, () => {
      const req = fixture(name)
      expect(adapter.verify(req, config)).toEqual({ ok: true })
      expect(adapter.parse(req, config)).toEqual(events)
    })
  }
}

/** What a comment-only account sees: the comments alone, under their own type. */
function commentsOnly(table: Record<string, NormalisedEvent[]>): Record<string, NormalisedEvent[]> {
  return Object.fromEntries(
    Object.entries(table).map(([name, events]) => [
      name,
      events.filter((e) => e.type === 'message' && e.isPublic).map(({ channelType: _drop, ...e }: any) => e),
    ]),
  )
}

describe('Meta fixtures', () => {
  it('covers every fixture file', () => {
    const files = readdirSync(new URL('./fixtures/', import.meta.url)).filter((f) => f.endsWith('.json'))
    expect([...Object.keys(messengerEvents), ...Object.keys(instagramEvents)].sort()).toEqual(files.sort())
  })
  describe('messenger', () => check(messengerAdapter, fbConfig, messengerEvents))
  describe('instagram', () => check(instagramAdapter, igConfig, instagramEvents))
  describe('facebook_comment', () => check(facebookCommentAdapter, fbConfig, commentsOnly(messengerEvents)))
  describe('instagram_comment', () => check(instagramCommentAdapter, igConfig, commentsOnly(instagramEvents)))

  it('reads only its own object: a page payload means nothing to an Instagram account', () => {
    expect(instagramAdapter.parse(fixture('messenger-text.json'), igConfig)).toEqual([])
    expect(messengerAdapter.parse(fixture('instagram-text.json'), fbConfig)).toEqual([])
  })
})
