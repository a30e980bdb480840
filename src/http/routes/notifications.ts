// Staff notifications: the bell (list, unread count, mark read), preferences, sign-in links.
import type { FastifyPluginAsync } from 'fastify'
import type { AppContext } from '../../context.ts'

export const notificationRoutes =
  (_ctx: AppContext): FastifyPluginAsync =>
  async () => {}
