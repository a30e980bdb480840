// Registers this folder's job handlers (registerJobHandler) and report event hooks
// (registerReportEventHook). Imported once by src/jobs/handlers.ts.
import { registerJobHandler } from '../jobs/index.ts'
import { registerReportEventHook } from '../reports/hooks.ts'
import { enqueueLearning, learnHandler, LEARN_QUEUE } from './learn.ts'

registerJobHandler(LEARN_QUEUE, learnHandler)
registerReportEventHook('triage-learn', enqueueLearning)
