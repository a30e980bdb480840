// The leaders' dashboard API: aggregates, agency scoreboard, map by kecamatan, CSV/XLSX export, boundary import.
import type { FastifyPluginAsync } from 'fastify'
import type { AppContext } from '../../context.ts'

export const dashboardRoutes =
  (_ctx: AppContext): FastifyPluginAsync =>
  async () => {}
