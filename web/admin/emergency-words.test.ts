import { describe, expect, it } from 'vitest'
import { detectEmergency } from '../../src/triage/emergency.ts'
import { emergencyWords } from './emergency-words.ts'

describe('emergencyWords', () => {
  it("shows the detector's words without its +/- syntax", () => {
    expect(emergencyWords(['kebakaran', '+segera', '+luka', '-hypothetical: kalau'])).toBe(' (kebakaran, segera, luka)')
    expect(emergencyWords([])).toBe('')
    expect(emergencyWords(['-hypothetical: kalau'])).toBe('')
  })

  it('reads a real detection', () => {
    const r = detectEmergency('Tolong segera! Ada kebakaran rumah di Jl. Melati, ada yang luka')
    expect(r.isEmergency).toBe(true)
    const shown = emergencyWords(r.matched)
    expect(shown).toMatch(/kebakaran/)
    expect(shown).not.toMatch(/[+]/)
  })
})
