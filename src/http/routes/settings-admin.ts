// Tenant settings for super admins: agencies, categories and default agencies, SLA rules, holidays, auto-replies.
import type { FastifyPluginAsync } from 'fastify'
import type { AppContext } from '../../context.ts'

export const settingsAdminRoutes =
  (_ctx: AppContext): FastifyPluginAsync =>
  async (_app) => {}
