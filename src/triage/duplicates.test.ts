import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { clusterCandidates, distanceMetres, scoreDuplicate, type DuplicateCandidate } from './duplicates.ts'

const base = { receivedAt: '2024-03-01T08:00:00+07:00', desaCode: '35.78.01.1001' }
const r = (id: string, text: string, extra: Partial<DuplicateCandidate> = {}): DuplicateCandidate => ({ id, text, ...base, ...extra })

describe('scoreDuplicate', () => {
  it('scores the same problem told twice, from two channels, as a duplicate with reasons', () => {
    const a = r('a', 'lampu jalan di depan masjid al ikhlas mati sudah 3 hari, gelap banget', { channel: 'whatsapp' })
    const b = r('b', 'PJU depan masjid Al Ikhlas mati, lampunya ga nyala 3 hari ini', {
      channel: 'x',
      receivedAt: '2024-03-01T20:00:00+07:00',
    })
    const s = scoreDuplicate(a, b)
    expect(s.score).toBeGreaterThanOrEqual(0.55)
    expect(s.reasons.join(' | ')).toMatch(/teks mirip \d+%: .*lampu/)
    expect(s.reasons).toContain('desa/kelurahan sama')
    expect(s.reasons).toContain('kanal berbeda (whatsapp, x)')
  })

  it('does not pair unrelated texts from the same desa and hour', () => {
    const s = scoreDuplicate(r('a', 'sampah menumpuk di tps belum diangkut'), r('b', 'bansos pkh saya belum cair bulan ini'))
    expect(s.score).toBeLessThan(0.3)
  })

  it('separates the same words in another place', () => {
    const a = r('a', 'lampu jalan mati', { lat: -7.2575, lng: 112.7521 })
    const near = r('b', 'lampu jalan mati', { lat: -7.2578, lng: 112.7523 })
    const far = r('c', 'lampu jalan mati', { lat: -7.3, lng: 112.7 })
    expect(scoreDuplicate(a, near).score).toBeGreaterThanOrEqual(0.55)
    expect(scoreDuplicate(a, far).score).toBeLessThan(0.55)
    expect(scoreDuplicate(a, r('d', 'lampu jalan mati', { desaCode: '35.78.02.1002' })).score).toBeLessThan(0.55)
  })

  it('lets time weaken the evidence', () => {
    const a = r('a', 'got mampet di gang 5 banjir')
    const soon = scoreDuplicate(a, r('b', 'got mampet di gang 5 banjir', { receivedAt: '2024-03-02T08:00:00+07:00' }))
    const late = scoreDuplicate(a, r('c', 'got mampet di gang 5 banjir', { receivedAt: '2024-04-01T08:00:00+07:00' }))
    expect(soon.score).toBeGreaterThan(late.score)
  })

  it('is symmetric and bounded', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.integer({ min: 0, max: 1e10 }), (x, y, dt) => {
        const a = r('a', x)
        const b = r('b', y, { receivedAt: Date.parse(base.receivedAt) + dt })
        const ab = scoreDuplicate(a, b)
        expect(ab.score).toBeGreaterThanOrEqual(0)
        expect(ab.score).toBeLessThanOrEqual(1)
        expect(scoreDuplicate(b, a).score).toBeCloseTo(ab.score, 6)
      }),
      { numRuns: 100 },
    )
  })
})

describe('clusterCandidates', () => {
  it('suggests the matching candidates, best first, and the cluster they already belong to', () => {
    const news = r('n', 'pohon tumbang menutup jalan raya darmo depan sekolah')
    const out = clusterCandidates(news, [
      r('1', 'ada pohon tumbang di jl raya darmo depan sekolah, jalan tertutup', { clusterId: 'm1' }),
      r('2', 'pohon tumbang tutup jalan darmo', { clusterId: 'm1' }),
      r('3', 'parkir liar di depan pasar'),
      news,
    ])
    expect(out.members.map((m) => m.id).sort()).toEqual(['1', '2'])
    expect(out.members[0].score).toBeGreaterThanOrEqual(out.members[1].score)
    expect(out.clusterId).toBe('m1')
  })

  it('returns an empty suggestion when nothing matches', () => {
    expect(clusterCandidates(r('n', 'jalan berlubang'), [r('1', 'ktp belum jadi')])).toEqual({ clusterId: null, members: [] })
  })
})

describe('distanceMetres', () => {
  it('measures about 111 km per degree of latitude', () => {
    expect(distanceMetres(0, 0, 1, 0)).toBeGreaterThan(110_000)
    expect(distanceMetres(0, 0, 1, 0)).toBeLessThan(112_000)
  })
})
