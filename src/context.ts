// What the composition root hands to routes and jobs: explicit dependencies, no service locator.
import type { FastifyBaseLogger } from 'fastify'
import type { Sealer } from './accounts/crypto.ts'
import type { Clock } from './clock.ts'
import type { Config } from './config.ts'
import type { Database, Db } from './db/connect.ts'

export interface AppContext {
  config: Config
  database: Database
  db: Db
  clock: Clock
  sealer: Sealer
  log: FastifyBaseLogger
}
