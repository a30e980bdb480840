// Composition root: configuration -> database (locked, migrated, demo-seeded when embedded and
// empty) -> HTTP app and job workers -> graceful shutdown that finishes in-flight work and
// releases the DATA_DIR lock.
import fs from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'
import pino from 'pino'
import { createSealer } from './accounts/crypto.ts'
import { systemClock, type Clock } from './clock.ts'
import { ConfigError, loadConfig, type Config } from './config.ts'
import type { AppContext } from './context.ts'
import { openDatabase } from './db/connect.ts'
import { buildApp, type App } from './http/app.ts'
import { loggerOptions } from './http/logging.ts'
import { startJobs, type JobRuntime } from './jobs/index.ts'
import { seedDemoIfEmpty } from './demo/bootstrap.ts'

export interface Running {
  app: App
  ctx: AppContext
  jobs: JobRuntime | null
  url: string
  stop(): Promise<void>
}

/** SECRET_KEY is required on PostgreSQL; on the embedded database one is kept in DATA_DIR. */
export function resolveSecretKey(config: Config): string {
  if (config.SECRET_KEY) return config.SECRET_KEY
  if (!config.embedded) {
    process.stderr.write(
      `aduan: warning: SECRET_KEY is not set; using a key kept in ${path.join(config.DATA_DIR, 'secret.key')}. ` +
        'Set SECRET_KEY (the same on every machine) before running several processes.\n',
    )
  }
  const file = path.join(config.DATA_DIR, 'secret.key')
  fs.mkdirSync(config.DATA_DIR, { recursive: true })
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600 })
  return fs.readFileSync(file, 'utf8').trim()
}

/**
 * The built-in SMTP listener for e-mail channels: mail to an e-mail account's address is stored
 * like a relay webhook (250 only after the commit). Domains are read at start: restart after
 * adding an e-mail account with a new domain.
 */
async function startMailListener(ctx: AppContext, config: Config) {
  const { startSmtpListener } = await import('./channels/email/smtp-listener.ts')
  const { emailRecipientDomains, ingestRawEmail } = await import('./intake/ingest.ts')
  const listener = await startSmtpListener({
    port: config.SMTP_LISTEN_PORT!,
    host: config.SMTP_LISTEN_HOST,
    recipientDomains: await emailRecipientDomains(ctx),
    onMessage: (raw, envelope) => ingestRawEmail(ctx, raw, envelope).then(() => {}),
    onError: (err) => ctx.log.warn({ err: (err as Error).message }, 'smtp listener: message refused'),
  })
  ctx.log.info({ port: listener.port }, 'smtp listener started')
  return listener
}

export async function start(config: Config, opts: { clock?: Clock; logger?: boolean; listen?: boolean } = {}): Promise<Running> {
  const log = pino(loggerOptions(config.LOG_LEVEL) as pino.LoggerOptions)
  const secretKey = resolveSecretKey(config)
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: `aduan ${config.ROLE}`,
  })
  try {
    await database.migrate()
  } catch (err) {
    await database.close()
    throw err
  }
  const ctx: AppContext = {
    config: { ...config, SECRET_KEY: secretKey },
    database,
    db: database.db,
    clock: opts.clock ?? systemClock,
    sealer: createSealer(secretKey),
    log,
  }
  if (config.embedded && config.ADUAN_SEED_DEMO !== false) {
    await seedDemoIfEmpty(ctx, (line) => process.stdout.write(line + '\n'))
  }
  const app = await buildApp(ctx, { logger: opts.logger })
  const jobs = config.ROLE === 'api' ? null : await startJobs(ctx)
  let url = ''
  if (opts.listen !== false && config.ROLE !== 'worker') {
    url = await app.listen({ port: config.PORT, host: config.HOST })
  } else {
    await app.ready()
  }
  const smtp = config.SMTP_LISTEN_PORT !== undefined && config.ROLE !== 'worker' ? await startMailListener(ctx, config) : null
  let stopping: Promise<void> | undefined
  const stop = () =>
    (stopping ??= (async () => {
      await smtp?.close()
      await app.close() // stops accepting, finishes in-flight requests
      await jobs?.stop(config.SHUTDOWN_TIMEOUT_MS)
      await database.close() // releases the DATA_DIR lock
    })())
  return { app, ctx, jobs, url, stop }
}

/** `npm start`: run until SIGINT/SIGTERM. */
export async function serve(): Promise<void> {
  let config: Config
  try {
    config = loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`aduan: ${err.message}\n`)
      process.exit(2)
    }
    throw err
  }
  let running: Running
  try {
    running = await start(config)
  } catch (err) {
    const e = err as Error
    if (e.name === 'DataDirLockedError' || e instanceof ConfigError) {
      process.stderr.write(`aduan: ${e.message}\n`)
      process.exit(3)
    }
    throw err
  }
  process.stdout.write(`aduan is listening on ${config.BASE_URL} (database: ${running.ctx.database.kind})\n`)
  const shutdown = async (signal: string) => {
    process.stdout.write(`aduan: ${signal} received, shutting down\n`)
    const timer = setTimeout(() => process.exit(1), config.SHUTDOWN_TIMEOUT_MS + 5000)
    timer.unref()
    await running.stop()
    process.exit(0)
  }
  process.once('SIGINT', () => void shutdown('SIGINT'))
  process.once('SIGTERM', () => void shutdown('SIGTERM'))
}
