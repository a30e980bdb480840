// Importing this file registers every job handler (one import per job file).
import { outboxHandler, OUTBOX_QUEUE } from '../delivery/outbox.ts'
import { inboundHandler } from '../intake/process.ts'
import { registerJobHandler } from './index.ts'

registerJobHandler('inbound', inboundHandler)
registerJobHandler(OUTBOX_QUEUE, outboxHandler)
