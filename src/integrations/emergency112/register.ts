// Registers the 112 hand-off: its delivery job (top priority), the per-minute overdue check and
// the report event hook that opens hand-offs. Imported once by src/jobs/handlers.ts.
import { registerJobHandler } from '../../jobs/index.ts'
import { registerReportEventHook } from '../../reports/hooks.ts'
import { E112_PUSH_QUEUE, pushHandler } from './handoff.ts'
import { emergency112EventHook, emergency112EventHookMany } from './hook.ts'
import { E112_OVERDUE_QUEUE, overdueHandler } from './status.ts'

registerJobHandler(E112_PUSH_QUEUE, pushHandler, undefined, { urgent: true }) // the urgent lane: never behind bulk work
registerJobHandler(E112_OVERDUE_QUEUE, overdueHandler, 60_000)
registerReportEventHook('emergency112', emergency112EventHook, emergency112EventHookMany)
