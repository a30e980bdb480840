// Reminders and escalations: every open report whose current deadline (reports.due_at) is near or
// past gets a `remind` before it (once per deadline) and, on breach, an `escalate` one level at a
// time up the tenant's chain (default agency admin -> agency head -> operator/coordinator -> leader).
// Spacing: level 1 as soon as the deadline passes, level k once (k - 1) * stepWorkingDays working
// days (default 1) have closed after the deadline's day. reports.last_escalation_level records the
// level reached and is written in the same transaction as the event, so a level is never issued
// twice and a restart mid-run repeats nothing. A deadline that is no longer breached (new stage,
// re-dispatch) resets the level to 0 so the next breach starts the chain again.
import { and, eq, gte, isNotNull, lte, notInArray, sql } from 'drizzle-orm'
import type { AppContext } from '../context.ts'
import type { Db } from '../db/connect.ts'
import { reportEvents, reports, tenants } from '../db/schema/index.ts'
import { runSystemCommand } from './commands.ts'
import { reportDeadlines, type Deadline } from './deadlines.ts'
import type { LifecycleSettings, ReportState } from './lifecycle.ts'
import { addWorkingDays, slaState } from './sla.ts'
import { loadReportState, loadSettings } from './store.ts'

export const ESCALATION_QUEUE = 'sla-escalation'
export const ESCALATION_EVERY_MS = 5 * 60_000

export interface EscalationRun {
  reminded: string[]
  escalated: { reportId: string; level: number }[]
}

const DONE = ['closed', 'archived', 'merged'] as const

/** The instant level `level` (1-based) of the chain falls due for a deadline breached at `dueAt`. */
export function escalationDueAt(dueAt: Date, level: number, settings: LifecycleSettings): Date {
  if (level <= 1) return dueAt
  return addWorkingDays(dueAt, (level - 1) * settings.sla.escalation.stepWorkingDays, settings.calendar)
}

/** Whether `now` lies in the reminder window before the deadline. */
function inRemindWindow(d: Deadline, now: Date, settings: LifecycleSettings): boolean {
  if (!d.dueAt || +now > +d.dueAt) return false
  if (d.basis.unit === 'clock_hours') return d.state === 'due_soon'
  const w = settings.sla.escalation.remindBeforeWorkingDays + 1
  return slaState(d.dueAt, now, { workingDays: w, calendar: settings.calendar }) === 'due_soon'
}

/** When the clock of this deadline started: a reminder after that instant belongs to it. */
function clockStart(s: ReportState, d: Deadline): Date {
  if (d.kind === 'follow_up') return s.dispositions.find((x) => x.id === d.dispositionId)?.clockStartedAt ?? s.receivedAt
  return s.status === 'returned' && s.returnedAt ? s.returnedAt : s.receivedAt
}

export async function runEscalations(ctx: AppContext): Promise<EscalationRun> {
  const now = ctx.clock.now()
  const out: EscalationRun = { reminded: [], escalated: [] }
  const ts = await ctx.db.select({ id: tenants.id }).from(tenants)
  for (const t of ts) {
    const settings = await loadSettings(ctx.db, t.id)
    const { sla, calendar } = settings
    // Upper bound on a due time that can be in the reminder window (by working days or clock hours).
    const byDays = +addWorkingDays(now, sla.escalation.remindBeforeWorkingDays + 1, calendar)
    const byHours = +now + Math.max(...Object.values(sla.urgencyClockHours)) * 3_600_000 * sla.dueSoon.clockFraction
    const horizon = new Date(Math.max(byDays, byHours))
    const rows = await ctx.db
      .select({ id: reports.id })
      .from(reports)
      .where(
        and(
          eq(reports.tenantId, t.id),
          isNotNull(reports.dueAt),
          lte(reports.dueAt, horizon),
          notInArray(reports.status, [...DONE]),
        ),
      )
      .orderBy(reports.dueAt)
    for (const r of rows) {
      try {
        const did = await ctx.db.transaction((tx) => step(ctx, tx as unknown as Db, t.id, r.id, settings, now))
        if (did?.kind === 'remind') out.reminded.push(r.id)
        if (did?.kind === 'escalate') out.escalated.push({ reportId: r.id, level: did.level })
      } catch (err) {
        ctx.log.warn({ err, reportId: r.id }, 'escalation skipped')
      }
    }
  }
  return out
}

/** One report, one transaction: lock it, decide what is due, issue it and record the level. */
async function step(
  ctx: AppContext,
  tx: Db,
  tenantId: string,
  reportId: string,
  settings: LifecycleSettings,
  now: Date,
): Promise<{ kind: 'remind' } | { kind: 'escalate'; level: number } | null> {
  const [row] = await tx
    .select({ level: reports.lastEscalationLevel, status: reports.status })
    .from(reports)
    .where(and(eq(reports.tenantId, tenantId), eq(reports.id, reportId)))
    .for('update')
  if (!row || (DONE as readonly string[]).includes(row.status)) return null
  const state = await loadReportState(tx, tenantId, reportId)
  if (!state) return null
  const d = reportDeadlines(state, settings, now).current
  if (!d?.dueAt || (d.kind !== 'verification' && d.kind !== 'follow_up')) return null
  const target = d.kind
  const setLevel = (level: number) =>
    tx
      .update(reports)
      .set({ lastEscalationLevel: level })
      .where(and(eq(reports.tenantId, tenantId), eq(reports.id, reportId)))

  if (+now <= +d.dueAt) {
    if (row.level > 0) await setLevel(0) // a fresh deadline: the chain starts over on its breach
    if (!inRemindWindow(d, now, settings)) return null
    const [prior] = await tx
      .select({ id: reportEvents.id })
      .from(reportEvents)
      .where(
        and(
          eq(reportEvents.tenantId, tenantId),
          eq(reportEvents.reportId, reportId),
          eq(reportEvents.type, 'reminded'),
          gte(reportEvents.createdAt, clockStart(state, d)),
          sql`${reportEvents.data}->>'target' = ${target}`,
          d.dispositionId === null
            ? sql`${reportEvents.data}->>'dispositionId' is null`
            : sql`${reportEvents.data}->>'dispositionId' = ${d.dispositionId}`,
        ),
      )
      .limit(1)
    if (prior) return null
    await runSystemCommand(ctx, tenantId, reportId, { type: 'remind', target, dispositionId: d.dispositionId }, tx)
    return { kind: 'remind' }
  }

  const chain = settings.sla.escalation.chain
  const level = row.level + 1
  if (level > chain.length || +now <= +escalationDueAt(d.dueAt, level, settings)) return null
  await runSystemCommand(
    ctx,
    tenantId,
    reportId,
    { type: 'escalate', target, dispositionId: d.dispositionId, level, notifyRole: chain[level - 1]! },
    tx,
  )
  await setLevel(level)
  return { kind: 'escalate', level }
}
