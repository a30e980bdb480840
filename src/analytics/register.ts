// Registers this folder's job handlers (registerJobHandler) and report event hooks
// (registerReportEventHook). Imported once by src/jobs/handlers.ts.
import { registerJobHandler } from '../jobs/index.ts'
import { compactAgencyDims } from './agency-dims.ts'
import { compactRollup, ROLLUP_COMPACT_QUEUE } from './rollup.ts'
import { compactScoreboard } from './scoreboard.ts'

// The dashboard rollup is written by a trigger on reports (migration 0009); this folds its delta
// rows every minute so that a period's figures read few rows, and the scoreboard's (migration
// 0013, triggers on dispositions) and the scoreboard's per channel / kind (migration 0022, triggers
// on report_agency_facts). Figures are exact either way.
registerJobHandler(
  ROLLUP_COMPACT_QUEUE,
  (ctx) => async () => {
    await compactRollup(ctx.db)
    await compactScoreboard(ctx.db)
    await compactAgencyDims(ctx.db)
  },
  60_000,
)
