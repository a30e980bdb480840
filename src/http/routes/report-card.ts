// The monthly agency report card (rapor OPD): on-demand generation and downloads (docs/REPORT-CARD.md).
import type { FastifyPluginAsync } from 'fastify'
import type { AppContext } from '../../context.ts'

export const reportCardRoutes =
  (_ctx: AppContext): FastifyPluginAsync =>
  async (_app) => {}
