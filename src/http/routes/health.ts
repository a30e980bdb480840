import type { FastifyPluginAsync } from 'fastify'
import type { AppContext } from '../../context.ts'

export const healthRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    app.get('/health/live', { schema: { tags: ['health'] } }, async () => ({ status: 'ok' }))
    app.get('/health/ready', { schema: { tags: ['health'] } }, async (_req, reply) => {
      try {
        const applied = await ctx.database.migrationsApplied()
        if (!applied) return reply.code(503).send({ status: 'migrating', database: ctx.database.kind })
        return { status: 'ready', database: ctx.database.kind }
      } catch {
        return reply.code(503).send({ status: 'unavailable', database: ctx.database.kind })
      }
    })
  }
