// Registers this folder's job handlers (registerJobHandler) and report event hooks
// (registerReportEventHook). Imported once by src/jobs/handlers.ts.
// The monthly report card: checked hourly; each tenant's card goes out once, from the 1st.
import { registerJobHandler } from '../jobs/index.ts'
import { REPORT_CARD_QUEUE, runReportCards } from './job.ts'

registerJobHandler(REPORT_CARD_QUEUE, (ctx) => async () => void (await runReportCards(ctx, ctx.clock.now())), 60 * 60_000)
