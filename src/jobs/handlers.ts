// Importing this file registers every job handler (one import per job file) and every report event
// hook (src/reports/hooks.ts). Both the HTTP app and the worker import it.
import { outboxHandler, OUTBOX_QUEUE } from '../delivery/outbox.ts'
import { INBOUND_BACKFILL_EVERY_MS, INBOUND_BACKFILL_QUEUE, requeueOrphanedInbound } from '../intake/backfill.ts'
import { MEDIA_QUEUE, mediaFetchHandler } from '../intake/media.ts'
import { inboundHandler } from '../intake/process.ts'
import { registerJobHandler } from './index.ts'

registerJobHandler('inbound', inboundHandler)
registerJobHandler(INBOUND_BACKFILL_QUEUE, (ctx) => async () => void (await requeueOrphanedInbound(ctx)), INBOUND_BACKFILL_EVERY_MS)
registerJobHandler(OUTBOX_QUEUE, outboxHandler)
registerJobHandler(MEDIA_QUEUE, mediaFetchHandler)
registerJobHandler('sla-escalation', (ctx) => async () => void (await (await import('../reports/jobs-escalation.ts')).runEscalations(ctx)), 5 * 60_000)

// Each folder's own registrations (job handlers and report event hooks).
await import('../live/register.ts')
await import('../analytics/register.ts')
await import('../notifications/register.ts')
await import('../integrations/webhooks/register.ts')
await import('../integrations/lapor/register.ts')
await import('../integrations/emergency112/register.ts')
await import('../triage/register.ts')
await import('../reportcard/register.ts')
await import('../portability/register.ts')
