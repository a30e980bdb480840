// Builds the Fastify app: plugins, error handling, authentication, then thin routes per audience.
import crypto from 'node:crypto'
import cookie from '@fastify/cookie'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyInstance } from 'fastify'
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import type { AppContext } from '../context.ts'
import { registerAuth } from './auth.ts'
import { registerErrorHandling } from './errors.ts'
import { healthRoutes } from './routes/health.ts'
import { authRoutes } from './routes/auth.ts'
import { passwordRoutes } from './routes/password.ts'
import { userRoutes } from './routes/users.ts'
import { referenceRoutes } from './routes/reference.ts'
import { loggerOptions } from './logging.ts'
import { extraRoutes } from './extra-routes.ts'

export type App = FastifyInstance

export async function buildApp(ctx: AppContext, opts: { logger?: boolean } = {}): Promise<App> {
  const app = Fastify({
    logger: opts.logger === false ? false : loggerOptions(ctx.config.LOG_LEVEL),
    genReqId: (req) => {
      const given = req.headers['x-request-id']
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : crypto.randomUUID()
    },
    trustProxy: ctx.config.TRUST_PROXY,
    bodyLimit: 2 * 1024 * 1024,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id)
  })

  registerErrorHandling(app)
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  })
  await app.register(cookie)
  await app.register(rateLimit, { global: false })
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'aduan API', version: '0.1.0', description: 'Omni-channel public-complaint platform' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'aduan_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  })
  await app.register(swaggerUi, { routePrefix: '/docs' })

  registerAuth(app, ctx)
  await app.register(healthRoutes(ctx))
  await app.register(authRoutes(ctx))
  await app.register(passwordRoutes(ctx))
  await app.register(userRoutes(ctx))
  await app.register(referenceRoutes(ctx))
  await import('../jobs/handlers.ts') // job handlers and report event hooks, before any route runs
  await extraRoutes(app, ctx)
  return app
}
