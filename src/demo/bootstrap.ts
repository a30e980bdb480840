// First start on an empty embedded database: seed the demo tenant and print its logins once.
import crypto from 'node:crypto'
import type { AppContext } from '../context.ts'

export async function seedDemoIfEmpty(ctx: AppContext, print: (line: string) => void): Promise<boolean> {
  const rows = await ctx.database.query<{ n: number }>('select count(*)::int as n from tenants')
  if ((rows[0]?.n ?? 0) > 0) return false
  const generated = !ctx.config.ADUAN_DEMO_PASSWORD
  const password = ctx.config.ADUAN_DEMO_PASSWORD ?? crypto.randomBytes(9).toString('base64url')
  const started = Date.now()
  const { setupDemoTenant } = await import('./tenant.ts')
  const { materialiseDemoReports } = await import('./materialise.ts')
  const { result, seeded } = await ctx.db.transaction(async (tx) => {
    const result = await setupDemoTenant(tx, { password })
    const seeded = await materialiseDemoReports(tx, result, { now: ctx.clock.now() })
    return { result, seeded }
  })
  print('')
  print(`Demo tenant "Pemerintah Kabupaten Nagan Raya" seeded in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
  print(`${seeded.reports} demo reports (${seeded.events} events) over the last 90 days.`)
  print(`Demo logins (password: ${generated ? password + '  <- generated, shown only this once' : 'from ADUAN_DEMO_PASSWORD'}):`)
  for (const l of result.logins.slice(0, 8)) print(`  ${l.role.padEnd(13)} ${l.email}`)
  if (result.logins.length > 8) print(`  ... and ${result.logins.length - 8} agency logins: <agency>.admin@demo.aduan.test, <agency>.head@demo.aduan.test`)
  print('')
  return true
}
