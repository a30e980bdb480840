// Routes of the feature folders (reports, channels, portal, admin ...), registered in one place.
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../context.ts'

export async function extraRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register((await import('./routes/channels.ts')).channelRoutes(ctx))
  await app.register((await import('./routes/webhooks.ts')).webhookRoutes(ctx))
  await app.register((await import('./routes/reports.ts')).reportRoutes(ctx))
  await app.register((await import('./routes/conversations.ts')).conversationRoutes(ctx))
  await app.register((await import('./routes/attachments.ts')).attachmentRoutes(ctx))
  await app.register((await import('./routes/live.ts')).liveRoutes(ctx))
  await app.register((await import('./routes/dashboard.ts')).dashboardRoutes(ctx))
  await app.register((await import('./routes/notifications.ts')).notificationRoutes(ctx))
  await app.register((await import('./routes/open311.ts')).open311Routes(ctx))
  await app.register((await import('./routes/webhook-subscriptions.ts')).webhookSubscriptionRoutes(ctx))
  await app.register((await import('./routes/bridges.ts')).bridgeRoutes(ctx))
  await app.register((await import('./routes/triage.ts')).triageRoutes(ctx))
  await app.register((await import('./routes/settings-admin.ts')).settingsAdminRoutes(ctx))
  await app.register((await import('./routes/intake-ops.ts')).intakeOpsRoutes(ctx))
  await app.register((await import('./routes/report-card.ts')).reportCardRoutes(ctx))
  await app.register((await import('./routes/portability.ts')).portabilityRoutes(ctx))
  await app.register((await import('./routes/portal.ts')).portalRoutes(ctx))
  await app.register((await import('./routes/web.ts')).webRoutes(ctx))
}
