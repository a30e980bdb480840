import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { redactText } from './redact.ts'

/** What must never survive redaction, judged on the text with separators inside digit runs removed. */
function leaks(text: string): string[] {
  const joined = text.replace(/(\d)[ .\-()]{1,2}(?=\d)/g, '$1')
  const found: string[] = []
  found.push(...(joined.match(/\d{16}/g) ?? []))
  found.push(...(joined.match(/(?:\+?62|\b0)8\d{7,12}/g) ?? []))
  found.push(...(text.match(/[\w.+-]+@[\w-]+\.[\w.-]+/g) ?? []))
  return found
}

describe('redactText: machine-shaped personal data', () => {
  it.each([
    ['hub 081234567890 ya', 'hub [telepon] ya'],
    ['wa 0812-3456-7890.', 'wa [telepon].'],
    ['telp 0812 3456 7890 pagi', 'telp [telepon] pagi'],
    ['no +62 812 3456 7890', 'no [telepon]'],
    ['kontak 62.812.3456.789', 'kontak [telepon]'],
    ['kantor (031) 5678 910', 'kantor [telepon]'],
    ['hp 85749005608', 'hp [telepon]'],
  ])('masks the phone number in %j', (input, expected) => {
    expect(redactText(input)).toBe(expected)
  })

  it('masks a NIK written whole or in groups, and a KK number', () => {
    expect(redactText('NIK 3578104705680008')).toBe('NIK [NIK]')
    expect(redactText('nik saya 3578 1047 0568 0008 ok')).toBe('nik saya [NIK] ok')
    expect(redactText('KK: 3578-1047-0568-0009')).toBe('KK: [NIK]')
  })

  it('masks e-mail addresses and handles but not the @ of an e-mail', () => {
    expect(redactText('kirim ke budi.santoso@gmail.com ya')).toBe('kirim ke [email] ya')
    expect(redactText('cek ig @warga_sby dan @pemkot.sby')).toBe('cek ig [akun] dan [akun]')
  })

  it('keeps money, dates, times and short numbers', () => {
    const t = 'Rp 1.500.000 tgl 23/1/2022 jam 05.38, 2022-01-21 09:36, tahun 2017, 3 hari'
    expect(redactText(t)).toBe(t)
  })
})

describe('redactText: addresses', () => {
  it('masks RT/RW numbers, house numbers and blocks, keeping the place', () => {
    expect(redactText('RT 03 RW 05 Kelurahan Kertajaya')).toBe('[alamat] Kelurahan Kertajaya')
    expect(redactText('di rt.4/rw.12 desa Sukamaju')).toBe('di [alamat] desa Sukamaju')
    expect(redactText('Jl. Kedung Sroko No.59 Tambaksari')).toBe('Jl. Kedung Sroko [alamat] Tambaksari')
    expect(redactText('perumahan Griya blok C-3, Wiyung')).toBe('perumahan Griya [alamat], Wiyung')
  })

  it('masks the number closing a street address but not a duration', () => {
    expect(redactText('jalan monginsidi 23, dekat masjid')).toBe('jalan monginsidi [alamat], dekat masjid')
    expect(redactText('Jl Hr Muhammad 389 Surabaya')).toBe('Jl Hr Muhammad [alamat] Surabaya')
    expect(redactText('jalan rusak 2 minggu')).toBe('jalan rusak 2 minggu')
  })

  it('keeps gang numbers, which name the place', () => {
    expect(redactText('di Gang 4 Sidodadi')).toBe('di Gang 4 Sidodadi')
  })
})

describe('redactText: names', () => {
  it('masks names after honorifics and introductions', () => {
    expect(redactText('laporan Bapak Joko Susilo kemarin')).toBe('laporan Bapak [nama] kemarin')
    expect(redactText('nama saya Ero Ardinanta, warga Tegalsari')).toBe('nama saya [nama], warga Tegalsari')
    expect(redactText('bansos a.n. Siti Aminah belum cair')).toBe('bansos a.n. [nama] belum cair')
    expect(redactText('atas nama Harlikah dengan')).toBe('atas nama [nama] dengan')
    expect(redactText('ketua RT namanya NARKO')).toBe('ketua RT namanya [nama]')
    expect(redactText('saya Walid selaku ketua')).toBe('saya [nama] selaku ketua')
    expect(redactText('sdr. Bambang datang')).toBe('sdr. [nama] datang')
    expect(redactText('Saya Dewi Anggraini, mau tanya')).toBe('Saya [nama], mau tanya')
    expect(redactText('bansos atas nama Sumiati NIK 3578014512690003')).toBe('bansos atas nama [nama] NIK [NIK]')
  })

  it('masks a lower-case name after an honorific when it is not an Indonesian word', () => {
    expect(redactText('tetangga pak sugiarto parkir sembarangan')).toBe('tetangga pak [nama] parkir sembarangan')
  })

  it('keeps roles and ordinary words after honorifics', () => {
    for (const t of ['mohon Pak Lurah', 'ibu hamil susah antre', 'Bapak Kepala Dinas', 'ibu saya sakit', 'saya mau tanya', 'Saya Mohon Bantuan Bapak']) {
      expect(redactText(t)).toBe(t)
    }
  })

  it('masks names the caller passes, whole and in parts', () => {
    expect(redactText('Dari Walid Santoso: pak Santoso belum', { names: ['Walid Santoso'] })).toBe(
      'Dari [nama]: pak [nama] belum',
    )
  })
})

describe('redactText properties', () => {
  const filler = fc.string({ maxLength: 40 })
  const nik = fc.stringMatching(/^[1-9]\d{15}$/)
  const spacedNik = nik.map((n) => n.replace(/(\d{4})(?=\d)/g, '$1 '))
  const email = fc.emailAddress()
  const phone = fc
    .tuple(fc.constantFrom('08', '+62 8', '62 8', '+628', '628'), fc.stringMatching(/^\d{8,11}$/), fc.constantFrom('', ' ', '-', '.'))
    .map(([p, d, sep]) => p + d.replace(/(\d{4})(?=\d)/g, `$1${sep}`))

  it('never leaves a 16-digit run, a phone number or an e-mail address', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(filler, nik, spacedNik, email, phone), { maxLength: 6 }), (parts) => {
        const out = redactText(parts.join(' '))
        expect(leaks(out)).toEqual([])
      }),
      { numRuns: 300 },
    )
  })

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(filler, nik, email, phone), { maxLength: 5 }), (parts) => {
        const once = redactText(parts.join(' '))
        expect(redactText(once)).toBe(once)
      }),
    )
  })
})

const SURABAYA = fileURLToPath(new URL('../../../shared/data/surabaya/complaints-2022.csv', import.meta.url))

describe.skipIf(!existsSync(SURABAYA))('redactText on the Surabaya complaints (../shared/data)', () => {
  it('leaves no phone number, e-mail address or NIK in any text', () => {
    const rows = parse(readFileSync(SURABAYA), { columns: true }) as { text: string }[]
    const leaked = rows.flatMap((r) => leaks(redactText(r.text)).map((l) => l.slice(0, 4) + '…'))
    expect(leaked).toEqual([])
  })
})

if (!existsSync(SURABAYA)) console.warn(`skipped: ${SURABAYA} is absent (real-data redaction test)`)
