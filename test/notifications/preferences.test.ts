// Quiet hours and the digest in the tenant's time zone (pure rules).
import { describe, expect, it } from 'vitest'
import { holdUntil, inQuietHours, nextLocalTime, readPreferences, tzOffsetMinutes } from '../../src/notifications/preferences.ts'
import { safeRedirect } from '../../src/notifications/links.ts'

const at = (iso: string) => new Date(iso)

describe('notification preferences', () => {
  it('reads defaults and ignores bad stored values', () => {
    expect(readPreferences({})).toMatchObject({ channels: { email: true, whatsapp: true }, quietHours: { start: '21:00', end: '06:00' }, digest: false })
    expect(readPreferences({ notifications: { quietHours: { start: '25:00', end: 'x' } } }).quietHours).toEqual({ start: '21:00', end: '06:00' })
    expect(readPreferences({ notifications: { channels: { email: false } } }).channels).toEqual({ email: false, whatsapp: true })
  })

  it('knows the offsets of the three Indonesian zones', () => {
    expect(tzOffsetMinutes(at('2026-11-23T03:00:00Z'), 'Asia/Jakarta')).toBe(420)
    expect(tzOffsetMinutes(at('2026-11-23T03:00:00Z'), 'Asia/Makassar')).toBe(480)
    expect(tzOffsetMinutes(at('2026-11-23T03:00:00Z'), 'Asia/Jayapura')).toBe(540)
  })

  it('quiet hours wrap midnight in the tenant time zone', () => {
    const q = { start: '21:00', end: '06:00' }
    expect(inQuietHours(at('2026-11-23T14:30:00Z'), q, 'Asia/Jakarta')).toBe(true) // 21:30 WIB
    expect(inQuietHours(at('2026-11-23T22:59:00Z'), q, 'Asia/Jakarta')).toBe(true) // 05:59 WIB
    expect(inQuietHours(at('2026-11-23T23:00:00Z'), q, 'Asia/Jakarta')).toBe(false) // 06:00 WIB
    expect(inQuietHours(at('2026-11-23T14:30:00Z'), q, 'Asia/Jayapura')).toBe(true) // 23:30 WIT
    expect(inQuietHours(at('2026-11-23T03:00:00Z'), q, 'Asia/Jakarta')).toBe(false) // 10:00 WIB
    expect(inQuietHours(at('2026-11-23T14:30:00Z'), null, 'Asia/Jakarta')).toBe(false)
    expect(inQuietHours(at('2026-11-23T05:30:00Z'), { start: '12:00', end: '13:00' }, 'Asia/Jakarta')).toBe(true)
  })

  it('holds until the end of quiet hours, or the digest time unless someone must act', () => {
    const prefs = readPreferences({ notifications: { digest: true, digestTime: '07:00' } })
    expect(holdUntil('disposition', prefs, at('2026-11-23T14:30:00Z'), 'Asia/Jakarta')).toEqual(at('2026-11-23T23:00:00Z'))
    expect(holdUntil('disposition', prefs, at('2026-11-23T03:00:00Z'), 'Asia/Jakarta')).toEqual(at('2026-11-24T00:00:00Z'))
    expect(holdUntil('approval_needed', prefs, at('2026-11-23T03:00:00Z'), 'Asia/Jakarta')).toBeNull()
    expect(holdUntil('disposition', readPreferences({}), at('2026-11-23T03:00:00Z'), 'Asia/Jakarta')).toBeNull()
    expect(nextLocalTime(at('2026-11-23T00:00:00Z'), '07:00', 'Asia/Jakarta')).toEqual(at('2026-11-24T00:00:00Z'))
  })

  it('sign-in links only ever redirect inside the admin app', () => {
    expect(safeRedirect('/admin/persetujuan/abc-1')).toBe('/admin/persetujuan/abc-1')
    expect(safeRedirect('//evil.example/admin/')).toBe('/admin/')
    expect(safeRedirect('https://evil.example')).toBe('/admin/')
    expect(safeRedirect(null)).toBe('/admin/')
  })
})
