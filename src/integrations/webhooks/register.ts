// Registers this folder's job handlers (registerJobHandler) and report event hooks
// (registerReportEventHook). Imported once by src/jobs/handlers.ts.
import { registerJobHandler } from '../../jobs/index.ts'
import { registerReportEventHook } from '../../reports/hooks.ts'
import { deliverChainHandler, sweepHandler } from './deliver.ts'
import { enqueueWebhookDeliveries, enqueueWebhookDeliveriesMany, WEBHOOK_QUEUE } from './enqueue.ts'

export const WEBHOOK_SWEEP_QUEUE = 'webhook-sweep'

registerReportEventHook('outgoing-webhooks', enqueueWebhookDeliveries, enqueueWebhookDeliveriesMany)
registerJobHandler(WEBHOOK_QUEUE, deliverChainHandler)
registerJobHandler(WEBHOOK_SWEEP_QUEUE, sweepHandler, 30_000)
