import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { detectEmergency } from './emergency.ts'

interface Labelled {
  split: 'dev' | 'held'
  is_emergency: '0' | '1'
  type: string
  text: string
}

const rows = parse(readFileSync(fileURLToPath(new URL('./fixtures/emergency-labelled.csv', import.meta.url))), {
  columns: true,
}) as Labelled[]

function measure(subset: Labelled[]) {
  let tp = 0
  let fp = 0
  let fn = 0
  for (const r of subset) {
    const got = detectEmergency(r.text).isEmergency
    if (got && r.is_emergency === '1') tp++
    else if (got) fp++
    else if (r.is_emergency === '1') fn++
  }
  return { recall: tp / (tp + fn), precision: tp / (tp + fp) }
}

describe('detectEmergency on the labelled set', () => {
  it('has at least 150 rows with both classes', () => {
    expect(rows.length).toBeGreaterThanOrEqual(150)
    expect(rows.some((r) => r.is_emergency === '0')).toBe(true)
  })

  for (const split of ['dev', 'held', 'all'] as const) {
    it(`reaches recall >= 0.95 and precision >= 0.85 (${split})`, () => {
      const m = measure(split === 'all' ? rows : rows.filter((r) => r.split === split))
      expect(m.recall).toBeGreaterThanOrEqual(0.95)
      expect(m.precision).toBeGreaterThanOrEqual(0.85)
    })
  }
})

describe('detectEmergency rules', () => {
  it('flags a fire happening now, with its type and the words that decided it', () => {
    const r = detectEmergency('tolong min rumah tetangga kebakaran skrg, apinya besar')
    expect(r).toMatchObject({ isEmergency: true, type: 'kebakaran' })
    expect(r.matched).toContain('kebakaran')
    expect(r.matched).toContain('+sekarang')
  })

  it('expands slang and Javanese before matching', () => {
    expect(detectEmergency('bocah kintir nang kali, tulung').type).toBe('tenggelam')
  })

  it('ignores figurative and past uses', () => {
    expect(detectEmergency('banjir informasi soal bansos di grup wa').isEmergency).toBe(false)
    expect(detectEmergency('kebakaran hutan tahun lalu sudah ditangani').isEmergency).toBe(false)
    expect(detectEmergency('pak lurah kebakaran jenggot ditanya anggaran').isEmergency).toBe(false)
  })

  it('treats hazards to prevent as ordinary complaints', () => {
    expect(detectEmergency('jalan ini rawan kecelakaan, mohon dipasang rambu').isEmergency).toBe(false)
    expect(detectEmergency('kalau hujan selalu banjir, mohon saluran diperbaiki').isEmergency).toBe(false)
  })

  it('returns nothing matched for ordinary complaints', () => {
    expect(detectEmergency('lampu jalan mati sudah 2 minggu')).toEqual({
      isEmergency: false,
      type: null,
      score: 0,
      matched: [],
    })
  })

  it('always returns a score in [0, 1] consistent with the threshold', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const r = detectEmergency(text)
        expect(r.score).toBeGreaterThanOrEqual(0)
        expect(r.score).toBeLessThanOrEqual(1)
        expect(r.isEmergency).toBe(r.score >= 0.5)
      }),
    )
  })
})
