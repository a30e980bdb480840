// The scoreboard rollup (migration 0013): statement triggers on dispositions append signed delta
// rows (disposition_stats_delta) per tenant-local day of the report's creation x agency, in the
// same transaction as every disposition change; the dashboard job folds them into
// disposition_daily_stats (per local day and local month). The scoreboard's counts (reports,
// dispositions, answered, on time, returned) are the sum of the rollup rows and the pending
// deltas, so they equal a direct count at any instant; overdue open (depends on `now`) is read
// through the partial index dispositions_open_due_idx, the medians from an hours histogram per
// agency (migration 0014, scoreboard-medians.ts).
// Used for the whole tenant (an agency filter is fine) without report filters and with one UTC
// offset over the period; scoreboardQuery reads the dispositions otherwise.
import { sql, type SQL } from 'drizzle-orm'
import type { Db } from '../db/connect.ts'
import { grainRanges } from './period.ts'
import { rollupApplies } from './rollup.ts'
import { scoreboardMedians } from './scoreboard-medians.ts'
import { rowsOf } from './scope.ts'
import type { Query } from './queries.ts'

/** Whether the rollup can give this query's scoreboard counts. */
export function scoreboardRollupApplies(q: Query): boolean {
  const f = q.filters
  if (q.scope.agencyIds !== null || f.channel || f.kind || f.category || f.district) return false
  // rollupApplies: switched on (useRollup) and one UTC offset over the period; it refuses the
  // agency filter, which this rollup keys, so ask it without.
  return rollupApplies({ ...q, filters: {} })
}

function countsSql(q: Query): SQL {
  const { from, to } = q.period
  const t = sql`${q.scope.tenantId}::uuid`
  const agency = q.filters.agency ? sql`and s.agency_id = ${q.filters.agency}::uuid` : sql``
  const cols = sql`s.agency_id, s.reports, s.dispositions, s.answered, s.on_time, s.returned`
  const branches = grainRanges(from, to)
    .map(
      ([
        grain,
        a,
        b,
      ]) => sql`select ${cols} from disposition_daily_stats s where s.tenant_id = ${t} and s.grain = ${grain}
        and s.day >= ${a}::date and s.day <= ${b}::date ${agency}`,
    )
  branches.push(sql`select ${cols} from disposition_stats_delta s where s.tenant_id = ${t}
    and s.day >= ${from}::date and s.day <= ${to}::date ${agency}`)
  return sql`select x.agency_id, sum(x.reports) as reports, sum(x.dispositions) as dispositions, sum(x.answered) as answered,
      sum(x.on_time) as on_time, sum(x.returned) as returned
    from (${sql.join(branches, sql` union all `)}) x group by x.agency_id having sum(x.dispositions) <> 0`
}

/**
 * The scoreboard's rows as the raw query returns them (agency_id, reports, dispositions,
 * answered, on_time, returned, overdue_open, median_first, median_done, name, short_name), or
 * null when the rollup cannot answer.
 */
export async function scoreboardFromRollup(
  db: Db,
  q: Query,
  hours: (a: string, b: string) => SQL,
): Promise<Record<string, unknown>[] | null> {
  if (!scoreboardRollupApplies(q)) return null
  const t = sql`${q.scope.tenantId}::uuid`
  const range = sql`d.report_created_at >= ${q.period.start.toISOString()}::timestamptz and d.report_created_at < ${q.period.end.toISOString()}::timestamptz`
  const agency = q.filters.agency ? sql`and d.agency_id = ${q.filters.agency}::uuid` : sql``
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`with c as (${countsSql(q)}),
    o as (select d.agency_id, count(*) as overdue_open from dispositions d where d.tenant_id = ${t} and ${range} ${agency}
      and d.status in ('pending', 'in_progress') and d.due_at < ${q.now.toISOString()}::timestamptz group by d.agency_id)
    select c.*, coalesce(o.overdue_open, 0) as overdue_open, a.name, a.short_name
    from c join agencies a on a.tenant_id = ${t} and a.id = c.agency_id
      left join o on o.agency_id = c.agency_id`,
  )
  // The two medians per agency from the hours histogram (migration 0014); sorted from every
  // disposition of the period only if the histogram and the dispositions disagree.
  const medians = await scoreboardMedians(db, q)
  if (medians) {
    for (const r of rows) {
      const m = medians.get(String(r.agency_id))
      r.median_first = m?.first ?? null
      r.median_done = m?.done ?? null
    }
    return rows
  }
  const sorted = await rowsOf<Record<string, unknown>>(
    db,
    sql`select d.agency_id,
      percentile_cont(0.5) within group (order by ${hours('d.accepted_at', 'd.created_at')}) as median_first,
      percentile_cont(0.5) within group (order by ${hours('d.completed_at', 'd.created_at')}) filter (where d.status = 'answered') as median_done
      from dispositions d where d.tenant_id = ${t} and ${range} ${agency} and d.status <> 'cancelled'
        and (d.accepted_at is not null or d.status = 'answered') group by d.agency_id`,
  )
  const byAgency = new Map(sorted.map((m) => [String(m.agency_id), m]))
  for (const r of rows) {
    const m = byAgency.get(String(r.agency_id))
    r.median_first = m?.median_first ?? null
    r.median_done = m?.median_done ?? null
  }
  return rows
}

/** Folds every pending disposition delta into the scoreboard rollup (the dashboard job). */
export async function compactScoreboard(db: Db): Promise<number> {
  const [r] = await rowsOf<{ n: unknown }>(db, sql`select disposition_stats_compact() as n`)
  return Number(r?.n ?? 0)
}

/** Recounts one tenant's scoreboard rollup from its dispositions. */
export async function rebuildScoreboard(db: Db, tenantId: string): Promise<void> {
  await db.execute(sql`select disposition_stats_rebuild(${tenantId}::uuid)`)
}
