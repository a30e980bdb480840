// Registers the SP4N-LAPOR! bridge: forward, status push and pull jobs, the per-minute schedule
// that enqueues each tenant's pull, and the report event hook. Imported once by src/jobs/handlers.ts.
import { registerJobHandler } from '../../jobs/index.ts'
import { registerReportEventHook } from '../../reports/hooks.ts'
import { laporEventHook, laporEventHookMany } from './hook.ts'
import { forwardHandler, LAPOR_FORWARD_QUEUE, LAPOR_PUSH_QUEUE, pushHandler } from './outbound.ts'
import { LAPOR_PULL_QUEUE, LAPOR_SCHEDULE_QUEUE, pullHandler, scheduleHandler } from './pull.ts'

registerJobHandler(LAPOR_FORWARD_QUEUE, forwardHandler)
registerJobHandler(LAPOR_PUSH_QUEUE, pushHandler)
registerJobHandler(LAPOR_PULL_QUEUE, pullHandler)
registerJobHandler(LAPOR_SCHEDULE_QUEUE, scheduleHandler, 60_000)
registerReportEventHook('lapor', laporEventHook, laporEventHookMany)
