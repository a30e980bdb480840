import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseKeywordCommand } from './keywords.ts'

describe('parseKeywordCommand', () => {
  it.each([
    [
      'LAPOR#Kebersihan#Pasar Jeuram#Sampah menumpuk',
      { kind: 'report', category: 'Kebersihan', location: 'Pasar Jeuram', text: 'Sampah menumpuk' },
    ],
    [
      'lapor # Air # Desa Ujong Fatihah # PDAM mati # sudah 5 hari',
      { kind: 'report', category: 'Air', location: 'Desa Ujong Fatihah', text: 'PDAM mati # sudah 5 hari' },
    ],
    [
      'Lapor#Kesehatan#Obat di puskesmas kosong',
      { kind: 'report', category: 'Kesehatan', text: 'Obat di puskesmas kosong' },
    ],
    ['LAPOR#guru jarang masuk', { kind: 'report', text: 'guru jarang masuk' }],
    ['LAPOR guru jarang masuk', { kind: 'report', text: 'guru jarang masuk' }],
    ['STATUS NR-24-0001', { kind: 'status', trackingCode: 'NR-24-0001' }],
    ['  cek#nr240001 ', { kind: 'status', trackingCode: 'NR240001' }],
    ['Status: ABC123', { kind: 'status', trackingCode: 'ABC123' }],
    ['INFO', { kind: 'help' }],
    ['bantuan', { kind: 'help' }],
    ['LAPOR', { kind: 'help' }],
    ['LAPOR##', { kind: 'help' }],
  ])('%s', (text, expected) => {
    expect(parseKeywordCommand(text)).toEqual(expected)
  })
  it.each([
    'Laporan saya kapan ditanggapi?',
    'cek jalan',
    'status laporan saya bagaimana',
    'jalan rusak',
    '',
  ])('free text: %s', (text) => {
    expect(parseKeywordCommand(text)).toBeUndefined()
  })
  it('round-trips any category, location and content without #', () => {
    const field = fc
      .string({ minLength: 1, maxLength: 30 })
      .filter((s) => !s.includes('#') && s.trim().length > 0)
    fc.assert(
      fc.property(field, field, field, fc.constantFrom('LAPOR', 'lapor', 'Lapor'), (cat, loc, isi, kw) => {
        expect(parseKeywordCommand(`${kw}#${cat}#${loc}#${isi}`)).toEqual({
          kind: 'report',
          category: cat.trim(),
          location: loc.trim(),
          text: isi.trim(),
        })
      }),
    )
  })
})
