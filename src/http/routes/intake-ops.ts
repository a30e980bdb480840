// Intake operations: dead-lettered inbound events (list, replay) and linking contact identities across channels.
import type { FastifyPluginAsync } from 'fastify'
import type { AppContext } from '../../context.ts'

export const intakeOpsRoutes =
  (_ctx: AppContext): FastifyPluginAsync =>
  async (_app) => {}
