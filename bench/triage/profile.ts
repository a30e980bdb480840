// Times suggest() after learning the training period, and the size of the stored state.
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { createRouter, type RouterOptions } from '../../src/triage/router.ts'
type Row = { text: string; agency: string; submitted_at: string }
const rows = (parse(readFileSync(process.argv[2] ?? '../shared/data/surabaya/complaints-2022.csv'), { columns: true }) as Row[])
  .filter((r) => r.submitted_at < '2022-10-01').sort((a, b) => a.submitted_at.localeCompare(b.submitted_at))
const opts: RouterOptions = process.argv[3] ? JSON.parse(process.argv[3]) : {}
const router = createRouter(undefined, opts)
let t0 = performance.now()
for (const r of rows.slice(0, 5000)) router.learn(r.text, r.agency)
console.log('learn ms/doc', ((performance.now() - t0) / 5000).toFixed(3))
const probe = rows.slice(5000, 5600)
for (const r of probe) router.suggest(r.text, 3) // warm the stem cache
t0 = performance.now()
for (const r of probe) router.suggest(r.text, 3)
console.log('suggest ms', ((performance.now() - t0) / probe.length).toFixed(3))
t0 = performance.now()
const json = JSON.stringify(router.toJSON())
console.log('state MB', (json.length / 1e6).toFixed(1), 'serialise ms', (performance.now() - t0).toFixed(0))
t0 = performance.now()
const back = createRouter(JSON.parse(json))
console.log('restore ms', (performance.now() - t0).toFixed(0), back.suggest(probe[0].text, 1)[0].label === router.suggest(probe[0].text, 1)[0].label)
console.log(router.suggest(probe[1].text, 3), probe[1].text.slice(0, 200))
const st = router.toJSON()
for (const part of ['nb', 'linear', 'memory'] as const) console.log(part, 'MB', (JSON.stringify(st[part]).length / 1e6).toFixed(1))
