// Data portability (JSON lines export/import) and reporters' personal-data requests under UU PDP (docs/PORTABILITY.md).
import type { FastifyPluginAsync } from 'fastify'
import type { AppContext } from '../../context.ts'

export const portabilityRoutes =
  (_ctx: AppContext): FastifyPluginAsync =>
  async (_app) => {}
