// SP4N-LAPOR! bridge and 112 hand-off: inbound endpoints, sync log, forward one report.
import type { FastifyPluginAsync } from 'fastify'
import type { AppContext } from '../../context.ts'

export const bridgeRoutes =
  (_ctx: AppContext): FastifyPluginAsync =>
  async () => {}
