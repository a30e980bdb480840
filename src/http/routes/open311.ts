// Open311 GeoReport v2 at /open311/v2/ (JSON and XML) with FixMyStreet's servicerequestupdates.
import type { FastifyPluginAsync } from 'fastify'
import type { AppContext } from '../../context.ts'

export const open311Routes =
  (_ctx: AppContext): FastifyPluginAsync =>
  async () => {}
