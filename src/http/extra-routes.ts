// Routes of the feature folders (reports, channels, portal, admin ...), registered in one place.
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../context.ts'

export async function extraRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register((await import('./routes/channels.ts')).channelRoutes(ctx))
  await app.register((await import('./routes/webhooks.ts')).webhookRoutes(ctx))
  await app.register((await import('./routes/reports.ts')).reportRoutes(ctx))
  await app.register((await import('./routes/conversations.ts')).conversationRoutes(ctx))
  await app.register((await import('./routes/web.ts')).webRoutes(ctx))
}
