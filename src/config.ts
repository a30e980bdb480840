// The only reader of process.env. One schema, parsed once; a bad value stops start-up with
// one sentence naming the variable (see docs/OPERATIONS.md for every setting).
import path from 'node:path'
import { z } from 'zod'

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes')

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  READ_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  BASE_URL: z.url('must be a URL such as https://aduan.example.go.id').optional(),
  SECRET_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ADUAN_DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  ADUAN_SEED_DEMO: bool.optional(),
  ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(12),
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  COOKIE_SECURE: bool.optional(),
  JOB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** Built-in SMTP listener for e-mail channels (25 in production); unset: not started. */
  SMTP_LISTEN_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  SMTP_LISTEN_HOST: z.string().min(1).default('0.0.0.0'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  TRUST_PROXY: bool.default(false),
})

export type Env = z.infer<typeof schema>

export interface Config extends Omit<Env, 'DATA_DIR' | 'BASE_URL' | 'SECRET_KEY'> {
  DATA_DIR: string
  BASE_URL: string
  /** Null on the embedded database until loaded (or created) from DATA_DIR/secret.key. */
  SECRET_KEY: string | undefined
  embedded: boolean
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Parse an environment (process.env by default). Throws ConfigError with one clear sentence. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = schema.safeParse(cleaned)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const name = String(issue.path[0] ?? 'environment')
    const shown = name in cleaned && !/SECRET|PASSWORD|DATABASE_URL/.test(name) ? ` (got "${cleaned[name]}")` : ''
    throw new ConfigError(`Invalid environment variable ${name}${shown}: ${issue.message}.`)
  }
  const e = parsed.data
  return {
    ...e,
    DATA_DIR: path.resolve(e.DATA_DIR),
    BASE_URL: (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    SECRET_KEY: e.SECRET_KEY,
    embedded: !e.DATABASE_URL,
  }
}
