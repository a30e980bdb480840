// Server-sent events for the admin app (new messages, report changes), per principal.
import type { FastifyPluginAsync } from 'fastify'
import type { AppContext } from '../../context.ts'

export const liveRoutes =
  (_ctx: AppContext): FastifyPluginAsync =>
  async () => {}
