// The public portal (/, /lapor, /lacak, transparency pages) and the reporter's access by tracking code.
import type { FastifyPluginAsync } from 'fastify'
import type { AppContext } from '../../context.ts'

export const portalRoutes =
  (_ctx: AppContext): FastifyPluginAsync =>
  async () => {}
