// Registers this folder's job handlers (registerJobHandler) and report event hooks
// (registerReportEventHook). Imported once by src/jobs/handlers.ts.
import { registerJobHandler } from '../jobs/index.ts'
import { registerReportEventHook } from '../reports/hooks.ts'
import { FLUSH_EVERY_MS, FLUSH_QUEUE, flushHeld } from './flush.ts'
import { NOTIFY_QUEUE, notifyHandler, onReportEvents } from './job.ts'

registerReportEventHook('notifications', onReportEvents)
registerJobHandler(NOTIFY_QUEUE, notifyHandler)
registerJobHandler(FLUSH_QUEUE, (ctx) => async () => void (await flushHeld(ctx)), FLUSH_EVERY_MS)
