import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { classifyComplaint } from './complaint.ts'

describe('classifyComplaint', () => {
  it.each([
    'jalan depan sd rusak parah min, kapan diperbaiki?',
    'lampu pju di gang 4 mati seminggu, tolong',
    'pelayanan puskesmas lambat sekali, kecewa',
  ])('flags a complaint: %s', (text) => {
    const r = classifyComplaint(text)
    expect(r.isComplaint).toBe(true)
    expect(r.reasons.length).toBeGreaterThan(0)
  })

  it.each([
    'terima kasih pak, jalannya sudah mulus',
    'selamat pagi warga, semangat beraktivitas',
    'promo gacor hari ini klik link di bio',
    'jam berapa samsat buka hari sabtu?',
  ])('passes over praise, greetings, spam and questions: %s', (text) => {
    expect(classifyComplaint(text).isComplaint).toBe(false)
  })

  it('scores within [0, 1] and honours the threshold', () => {
    const r = classifyComplaint('sampah tidak diangkut', { threshold: 0.99 })
    expect(r.score).toBeGreaterThanOrEqual(0)
    expect(r.score).toBeLessThanOrEqual(1)
    expect(r.isComplaint).toBe(r.score >= 0.99)
  })
})

const PURBALINGGA = fileURLToPath(
  new URL('../../../shared/data/purbalingga/social-posts-complaint-or-not.csv', import.meta.url),
)

describe.skipIf(!existsSync(PURBALINGGA))('classifyComplaint on Purbalingga social posts (../shared/data)', () => {
  // Noisy labels on mostly national-politics posts: a floor that catches regressions, not a target.
  it('finds most labelled complaints (recall >= 0.7)', () => {
    const rows = parse(readFileSync(PURBALINGGA), { columns: true }) as { text: string; label: string }[]
    const gold = rows.filter((r) => r.label.trim().toLowerCase() === 'aduan')
    const found = gold.filter((r) => classifyComplaint(r.text).isComplaint).length
    expect(found / gold.length).toBeGreaterThanOrEqual(0.7)
  })
})

if (!existsSync(PURBALINGGA)) console.warn(`skipped: ${PURBALINGGA} is absent (real-data complaint test)`)
