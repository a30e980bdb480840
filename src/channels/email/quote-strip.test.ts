import { describe, expect, it } from 'vitest'
import { htmlToText, stripQuotedReply } from './quote-strip.ts'

describe('stripQuotedReply', () => {
  it.each([
    [
      'Gmail English, wrapped attribution',
      'Sudah diperbaiki, terima kasih.\n\nOn Mon, 10 Jun 2024 at 16:05, Pengaduan <\npengaduan@x.go.id> wrote:\n\n> Laporan diterima',
      'Sudah diperbaiki, terima kasih.',
    ],
    [
      'Gmail Indonesian',
      'Belum ada petugas.\r\n\r\nPada tanggal Sen, 10 Jun 2024 pukul 16.05 Pengaduan <p@x.go.id> menulis:\r\n> Laporan diterima',
      'Belum ada petugas.',
    ],
    [
      'Yahoo Indonesian',
      'Oke.\n\nPada Senin, 10 Juni 2024 16.05.11 WIB, Pengaduan <p@x.go.id> menulis:\n\nLaporan diterima',
      'Oke.',
    ],
    [
      'Outlook Indonesian',
      'Mohon ditindaklanjuti.\n\nDari: Pengaduan <p@x.go.id>\nDikirim: Senin, 10 Juni 2024 16.05\nKepada: Warga\nSubjek: Laporan',
      'Mohon ditindaklanjuti.',
    ],
    ['original message rule', 'Setuju.\n-----Original Message-----\nFrom: a\nlama', 'Setuju.'],
    ['bottom-quoted lines only', 'Baik pak.\n> kutipan\n> lama\n', 'Baik pak.'],
  ])('%s', (_name, input, expected) => {
    expect(stripQuotedReply(input)).toBe(expected)
  })
  it('keeps text that merely mentions "Pada" or has no quote', () => {
    const text = 'Pada hari Senin jalan di depan sekolah longsor.\nMohon segera ditangani.'
    expect(stripQuotedReply(text)).toBe(text)
  })
  it('keeps a pure forward rather than returning nothing', () => {
    expect(stripQuotedReply('-----Original Message-----\nFrom: a\nisi')).toContain('isi')
  })
})

describe('htmlToText', () => {
  it('drops styles, scripts and quoted blocks, keeps paragraphs and entities', () => {
    const html =
      '<style>p{}</style><p>Jalan &amp; jembatan</p><div>rusak&nbsp;berat&#33;</div><blockquote>lama</blockquote><div class="gmail_quote">On ... wrote: lama</div>'
    expect(htmlToText(html)).toBe('Jalan & jembatan\nrusak berat!')
  })
})
