// Routes of the feature folders (reports, channels, portal, admin ...), registered in one place.
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../context.ts'

export async function extraRoutes(_app: FastifyInstance, _ctx: AppContext): Promise<void> {}
