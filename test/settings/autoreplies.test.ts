// Auto-reply texts (pure): validation, placeholders, office hours in the tenant's zone and calendar.
import { describe, expect, it } from 'vitest'
import { customAcknowledgementText } from '../../src/intake/replies.ts'
import { makeCalendar } from '../../src/reports/calendar.ts'
import { AutoRepliesSchema, DEFAULT_AUTO_REPLIES, fillPlaceholders, isOutOfHours, parseAutoReplies } from '../../src/settings/autoreplies.ts'

const wib = makeCalendar({ timeZone: 'Asia/Jakarta', extraHolidays: [{ date: '2026-11-25', name: 'Hari jadi' }] })
const hours = { start: '08:00', end: '16:00' }

describe('auto-replies', () => {
  it('requires {kode} in acknowledgements and refuses unknown placeholders', () => {
    expect(AutoRepliesSchema.safeParse({ acknowledgement: 'Terima kasih.' }).success).toBe(false)
    expect(AutoRepliesSchema.safeParse({ emergencyAcknowledgement: 'Darurat, hubungi 112.' }).success).toBe(false)
    expect(AutoRepliesSchema.safeParse({ acknowledgement: 'Kode {{kode}} untuk {nama}' }).success).toBe(false)
    expect(AutoRepliesSchema.safeParse({ acknowledgement: 'Kode {{ kode }} dari {pemda}', outOfHoursNote: 'Di luar jam kerja.' }).success).toBe(true)
    expect(AutoRepliesSchema.safeParse({ unknownKey: 1 }).success).toBe(false)
    expect(parseAutoReplies({ acknowledgement: 42 })).toEqual(DEFAULT_AUTO_REPLIES)
  })

  it('fills placeholders written with one or two braces', () => {
    expect(fillPlaceholders('{kode} / {{ kode }} / {hari} / {x}', { kode: 'NGR-ABC', hari: '3' })).toBe('NGR-ABC / NGR-ABC / 3 / {x}')
  })

  it('is out of hours before 08:00, from 16:00, on weekends and on local holidays (WIB)', () => {
    expect(isOutOfHours(new Date('2026-11-23T03:00:00Z'), wib, hours)).toBe(false) // Mon 10:00
    expect(isOutOfHours(new Date('2026-11-23T00:59:00Z'), wib, hours)).toBe(true) // Mon 07:59
    expect(isOutOfHours(new Date('2026-11-23T09:00:00Z'), wib, hours)).toBe(true) // Mon 16:00
    expect(isOutOfHours(new Date('2026-11-28T03:00:00Z'), wib, hours)).toBe(true) // Saturday
    expect(isOutOfHours(new Date('2026-11-25T03:00:00Z'), wib, hours)).toBe(true) // local holiday
  })

  it('keeps the built-in text when empty; adds the note only to non-emergency acknowledgements', () => {
    const r = { ...DEFAULT_AUTO_REPLIES, outOfHoursNote: 'Diproses hari kerja berikutnya.' }
    const extra = { verifyWorkingDays: 3, tenantName: 'Kab. Uji', outOfHours: true }
    expect(customAcknowledgementText('NGR-ABC', false, r, extra)).toMatch(/nomor NGR-ABC[\s\S]*\n\nDiproses hari kerja berikutnya\.$/)
    expect(customAcknowledgementText('NGR-ABC', true, r, extra)).toContain('112')
    expect(customAcknowledgementText('NGR-ABC', true, r, extra)).not.toContain('Diproses')
    // The built-in text states the tenant's own verification limit.
    expect(customAcknowledgementText('NGR-ABC', false, DEFAULT_AUTO_REPLIES, { ...extra, verifyWorkingDays: 2 })).toContain('paling lambat 2 hari kerja')
  })
})
