// Closure by silence: every answered report whose reporter stayed silent for the configured working
// days is closed by the system, each in its own transaction (a restart mid-run loses nothing).
import { and, eq } from 'drizzle-orm'
import type { AppContext } from '../context.ts'
import { reports, tenants } from '../db/schema/index.ts'
import { runSystemCommand } from './commands.ts'
import { silenceDeadline } from './lifecycle.ts'
import { loadReportState, loadSettings } from './store.ts'

export async function runSilenceClosure(ctx: AppContext): Promise<{ closed: string[] }> {
  const now = ctx.clock.now()
  const closed: string[] = []
  const ts = await ctx.db.select({ id: tenants.id }).from(tenants)
  for (const t of ts) {
    const settings = await loadSettings(ctx.db, t.id)
    const answered = await ctx.db
      .select({ id: reports.id })
      .from(reports)
      .where(and(eq(reports.tenantId, t.id), eq(reports.status, 'answered')))
    for (const r of answered) {
      const state = await loadReportState(ctx.db, t.id, r.id)
      const due = state && silenceDeadline(state, { settings })
      if (!due || +now <= +due) continue
      try {
        await runSystemCommand(ctx, t.id, r.id, { type: 'close_by_silence' })
        closed.push(r.id)
      } catch (err) {
        ctx.log.warn({ err, reportId: r.id }, 'closure by silence skipped')
      }
    }
  }
  return { closed }
}
