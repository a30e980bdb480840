import { describe, expect, it } from 'vitest'
import { createRouter, learnDisposition, learnReturn, triageReport } from './index.ts'

function models() {
  const agencyRouter = createRouter()
  const categoryRouter = createRouter()
  agencyRouter.seedKeywords('Dinas PUPR', ['jalan rusak', 'jembatan', 'drainase', 'aspal'])
  agencyRouter.seedKeywords('DLH', ['sampah', 'limbah', 'pencemaran'])
  agencyRouter.seedKeywords('BPBD', ['banjir', 'longsor', 'bencana'])
  categoryRouter.seedKeywords('Infrastruktur', ['jalan', 'jembatan', 'saluran'])
  categoryRouter.seedKeywords('Lingkungan', ['sampah', 'limbah'])
  return { agencyRouter, categoryRouter }
}

describe('triageReport', () => {
  it('gives agencies, categories, emergency, complaint, duplicates and a masked public text at once', () => {
    const m = models()
    const r = triageReport(
      {
        id: 'new',
        text: 'Pak, saya Joko Widodo warga RT 03 RW 02 Desa Suka Makmur. Jalan rusak berlubang di depan SD, hub 081234567890',
        desaCode: '11.15.01.2001',
        channel: 'whatsapp',
        receivedAt: '2024-05-01T08:00:00+07:00',
        reporterNames: ['Joko Widodo'],
        duplicateCandidates: [
          { id: 'old', text: 'jalan berlubang depan SD desa Suka Makmur', receivedAt: '2024-04-30T10:00:00+07:00', desaCode: '11.15.01.2001', channel: 'x' },
        ],
      },
      m,
    )
    expect(r.agencies[0].label).toBe('Dinas PUPR')
    expect(r.agencies[0].reasons.length).toBeGreaterThan(0)
    expect(r.categories[0].label).toBe('Infrastruktur')
    expect(r.emergency.isEmergency).toBe(false)
    expect(r.urgency).toBe('biasa')
    expect(r.isComplaint).toBe(true)
    expect(r.duplicates.members.map((d) => d.id)).toEqual(['old'])
    expect(r.publicText).toBe('Pak, saya [nama] warga [alamat] Desa Suka Makmur. Jalan rusak berlubang di depan SD, hub [telepon]')
  })

  it('flags emergencies as mendesak', () => {
    const r = triageReport({ text: 'tolong banjir sudah masuk rumah setinggi dada, ada lansia terjebak' }, models())
    expect(r.emergency).toMatchObject({ isEmergency: true, type: 'banjir' })
    expect(r.urgency).toBe('mendesak')
  })

  it('works without routers', () => {
    expect(triageReport({ text: 'halo' }).agencies).toEqual([])
  })

  it('learns from dispositions and from "bukan kewenangan" returns', () => {
    const m = models()
    const text = 'limbah cair dari bengkel mengalir ke saluran jalan'
    learnDisposition(text, { agencies: ['DLH'], category: 'Lingkungan' }, m)
    expect(m.agencyRouter.examples).toBe(1)
    expect(m.categoryRouter.examples).toBe(1)
    const before = triageReport({ text }, m).agencies[0]
    learnReturn(text, before.label, m)
    expect(triageReport({ text }, m).agencies[0].label).not.toBe(before.label)
  })
})
