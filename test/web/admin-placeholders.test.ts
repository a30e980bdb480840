import { describe, expect, it } from 'vitest'
import { fillPlaceholders } from '../../web/admin/placeholders.ts'

describe('canned-response placeholders', () => {
  it('fills {nama} and {{kode}}, leaves unknown or empty ones visible', () => {
    expect(fillPlaceholders('Halo {nama}, laporan {{kode}} ({status}) untuk {opd}.', { nama: 'Budi', kode: 'NGR-ABC234', status: '' })).toBe(
      'Halo Budi, laporan NGR-ABC234 ({status}) untuk {opd}.',
    )
    expect(fillPlaceholders('{ NAMA } {lain}', { nama: 'Siti' })).toBe('Siti {lain}')
  })

  it("fills the demo templates' names ({{nama_pelapor}}, {{nama_opd}}) and the tracking link", () => {
    expect(fillPlaceholders('Yth. {{nama_pelapor}}, laporan diteruskan ke {{nama_opd}}: {{tautan}} {{alasan}}', { nama: 'Cut', opd: 'Dinas PUPR', tautan: 'http://x/lacak?kode=A' })).toBe(
      'Yth. Cut, laporan diteruskan ke Dinas PUPR: http://x/lacak?kode=A {{alasan}}',
    )
  })
})
