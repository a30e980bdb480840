import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { redactText } from '../../src/triage/redact.ts'
const joinD = (t: string) => t.replace(/(\d)[ .\-()]{1,2}(?=\d)/g, '$1')
const rows = parse(readFileSync('../shared/data/surabaya/complaints-2022.csv'), { columns: true }) as { text: string }[]
let raw = 0, nik = 0, em = 0
for (const r of rows) { const j = joinD(r.text); raw += (j.match(/(?:\+?62|\b0)8\d{7,12}/g) ?? []).length; nik += (j.match(/\d{16}/g) ?? []).length; em += (r.text.match(/@\w+\.\w/g) ?? []).length }
console.log({ rawPhones: raw, rawNik: nik, rawEmails: em })
let t0 = performance.now(); const out = rows.map((r) => redactText(r.text)); console.log('ms/text', ((performance.now() - t0) / rows.length).toFixed(3))
const masks: Record<string, number> = {}; for (const o of out) for (const m of o.match(/\[(nama|telepon|NIK|email|akun|alamat|nomor)\]/g) ?? []) masks[m] = (masks[m] ?? 0) + 1
console.log(masks)
// show a few texts with [nama] to eyeball false positives (not committed anywhere)
const sample = out.filter((o) => o.includes('[nama]')).slice(0, 25)
for (const s of sample) { const i = s.indexOf('[nama]'); console.log('…' + s.slice(Math.max(0, i - 40), i + 40).replace(/\n/g, ' ')) }
