// Triage suggestions for operators: agency, category, emergency, duplicates (see src/triage/).
import type { FastifyPluginAsync } from 'fastify'
import type { AppContext } from '../../context.ts'

export const triageRoutes =
  (_ctx: AppContext): FastifyPluginAsync =>
  async () => {}
