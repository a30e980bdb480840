// Outgoing webhook subscriptions: CRUD, delivery log, redeliver.
import type { FastifyPluginAsync } from 'fastify'
import type { AppContext } from '../../context.ts'

export const webhookSubscriptionRoutes =
  (_ctx: AppContext): FastifyPluginAsync =>
  async () => {}
