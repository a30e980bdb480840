// Every recorded payload in fixtures/ parses to exactly the events listed here.
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { NormalisedEvent, WebhookRequest } from '../contract.ts'
import { signMetaPayload } from '../meta/webhook-security.ts'
import { whatsappAdapter } from './adapter.ts'

const config = whatsappAdapter.parseConfig({
  phoneNumberId: '109876543210987',
  accessToken: 'EAAtoken',
  appSecret: 'app-secret',
  verifyToken: 'verify-me',
})

function fixture(name: string): WebhookRequest {
  const rawBody = readFileSync(new URL(`./fixtures/${name}`, import.meta.url))
  return {
    method: 'POST',
    headers: { 'x-hub-signature-256': signMetaPayload(rawBody, config.appSecret) },
    query: {},
    rawBody,
  }
}

const at = (s: number) => new Date(s * 1000)
const SITI = { senderId: '6281234567890', senderName: 'Siti Rahmawati', senderPhone: '6281234567890' }
const HASAN = { senderId: '6285260001234', senderName: 'Teuku Hasan', senderPhone: '6285260001234' }
const base = { type: 'message' as const, isPublic: false, attachments: [] }

const expected: Record<string, NormalisedEvent[]> = {
  'text.json': [
    {
      ...base,
      ...SITI,
      providerEventId: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjBDMEE4RjZBQzI3QjlCMEJFMEUA',
      text: 'Assalamualaikum, jalan di Desa Blang Bintang rusak parah sejak banjir. Mohon segera diperbaiki.',
      sentAt: at(1763888400),
    },
  ],
  'image.json': [
    {
      ...base,
      ...SITI,
      providerEventId: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjA1RjI3QjhDNEE2MzlEMUMA',
      text: 'Foto lubang di depan SD Negeri 2',
      attachments: [
        {
          kind: 'image',
          providerMediaId: '1484920432869911',
          mimeType: 'image/jpeg',
          caption: 'Foto lubang di depan SD Negeri 2',
        },
      ],
      sentAt: at(1763888460),
    },
  ],
  'voice.json': [
    {
      ...base,
      ...HASAN,
      providerEventId: 'wamid.HBgNNjI4NTI2MDAwMTIzNBUCABIYFjNFQjBBMUQ3RjJDNTY4OEVCRjY0AA==',
      text: '',
      attachments: [
        { kind: 'voice', providerMediaId: '890123456789012', mimeType: 'audio/ogg; codecs=opus' },
      ],
      sentAt: at(1763888520),
    },
  ],
  'video.json': [
    {
      ...base,
      ...SITI,
      providerEventId: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjBGQTc3MjE1RUJGMzNBQjIA',
      text: 'Air meluap ke rumah warga',
      attachments: [
        {
          kind: 'video',
          providerMediaId: '1123581321345589',
          mimeType: 'video/mp4',
          caption: 'Air meluap ke rumah warga',
        },
      ],
      sentAt: at(1763888580),
    },
  ],
  'document.json': [
    {
      ...base,
      ...SITI,
      providerEventId: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjA5QzFFNzU4RkQxMjM0NTYA',
      text: 'Surat pengantar dari keuchik',
      attachments: [
        {
          kind: 'document',
          providerMediaId: '2718281828459045',
          mimeType: 'application/pdf',
          fileName: 'surat-pengantar.pdf',
          caption: 'Surat pengantar dari keuchik',
        },
      ],
      sentAt: at(1763888640),
    },
  ],
  'sticker.json': [
    {
      ...base,
      ...SITI,
      providerEventId: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjBEOEE0QkM3RjE5MkEwOTkA',
      text: '',
      attachments: [{ kind: 'sticker', providerMediaId: '3141592653589793', mimeType: 'image/webp' }],
      sentAt: at(1763888700),
    },
  ],
  'location.json': [
    {
      ...base,
      ...HASAN,
      providerEventId: 'wamid.HBgNNjI4NTI2MDAwMTIzNBUCABIYFjNFQjBCNTI5RTMxQkE3NjQ0QzIA',
      text: 'Jembatan Krueng Beutong, Jl. Meulaboh - Takengon, Beutong, Nagan Raya',
      location: {
        latitude: 4.1402,
        longitude: 96.4183,
        name: 'Jembatan Krueng Beutong',
        address: 'Jl. Meulaboh - Takengon, Beutong, Nagan Raya',
      },
      sentAt: at(1763888760),
    },
  ],
  'interactive-button-reply.json': [
    {
      ...base,
      ...SITI,
      providerEventId: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjA0N0M4RTk1MjA2RjE3QkQ0AA==',
      text: 'Puas',
      interactiveReplyId: 'puas',
      replyToProviderId: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEjRBMTRFNDlGQzJGMTg5QjUzQwA=',
      sentAt: at(1763888820),
    },
  ],
  'interactive-list-reply.json': [
    {
      ...base,
      ...SITI,
      providerEventId: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjA3RjE2NTVCQzM0QTlFNjVEAA==',
      text: 'Jalan & jembatan',
      interactiveReplyId: 'kategori_jalan',
      replyToProviderId: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEjVDMjNBOTE4RjZEMEQyQjk0NQA=',
      sentAt: at(1763888880),
    },
  ],
  'button.json': [
    {
      ...base,
      ...SITI,
      providerEventId: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjA2QjJGNjg4MzZDN0UzNjFFAA==',
      text: 'Cek status',
      interactiveReplyId: 'STATUS_LAPORAN',
      replyToProviderId: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEjNEMUQ5RjY1QjQ0MjE2RjNBNwA=',
      sentAt: at(1763888940),
    },
  ],
  'contacts.json': [
    {
      ...base,
      ...SITI,
      providerEventId: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjAzRDZGMjFBNjdCNzE4MUEyAA==',
      text: 'Pak Keuchik Ali (+62 852-6000-9876)',
      sentAt: at(1763889000),
    },
  ],
  'status-sent.json': [
    {
      type: 'status',
      providerEventId: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEjVDMjNBOTE4RjZEMEQyQjk0NQA=:sent',
      providerMessageId: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEjVDMjNBOTE4RjZEMEQyQjk0NQA=',
      status: 'sent',
      at: at(1763889000),
    },
  ],
  'statuses-delivered-read.json': ['delivered', 'read'].map((status, i) => ({
    type: 'status' as const,
    providerEventId: `wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEjRBMTRFNDlGQzJGMTg5QjUzQwA=:${status}`,
    providerMessageId: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEjRBMTRFNDlGQzJGMTg5QjUzQwA=',
    status: status as 'delivered' | 'read',
    at: at(1763889060 + i * 60),
  })),
  'status-failed.json': [
    {
      type: 'status',
      providerEventId: 'wamid.HBgNNjI4NTI2MDAwMTIzNBUCABEYEjY3QjFEMEQ5MkE0RjA4ODFFNAA=:failed',
      providerMessageId: 'wamid.HBgNNjI4NTI2MDAwMTIzNBUCABEYEjY3QjFEMEQ5MkE0RjA4ODFFNAA=',
      status: 'failed',
      at: at(1763889180),
      error:
        '131047 Re-engagement message: Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
    },
  ],
  // Another phone number of the same business account is another channel account.
  'other-phone-number.json': [],
  // Reactions and template reviews carry nothing a report can use.
  'reaction.json': [],
  'template-status-update.json': [],
}

describe('WhatsApp fixtures', () => {
  it('covers every fixture file', () => {
    const files = readdirFixtures()
    expect(Object.keys(expected).sort()).toEqual(files)
  })

  for (const [name, events] of Object.entries(expected)) {
    it(`${name} verifies and parses to the expected events`, () => {
      const req = fixture(name)
      expect(whatsappAdapter.verify(req, config)).toEqual({ ok: true })
      expect(whatsappAdapter.parse(req, config)).toEqual(events)
    })
  }

  it('ignores payloads of other Meta objects and fails loudly on a body that is not JSON', () => {
    const page = { ...fixture('text.json'), rawBody: Buffer.from('{"object":"page","entry":[]}') }
    expect(whatsappAdapter.parse(page, config)).toEqual([])
    const broken = { ...fixture('text.json'), rawBody: Buffer.from('not json') }
    expect(() => whatsappAdapter.parse(broken, config)).toThrow(/not valid JSON/)
  })
})

function readdirFixtures(): string[] {
  return readdirSync(new URL('./fixtures/', import.meta.url))
    .filter((f) => f.endsWith('.json'))
    .sort()
}
