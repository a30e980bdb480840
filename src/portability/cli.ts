// `aduan export --tenant SLUG [--out FILE] [--with-secrets]` and
// `aduan import --file FILE [--tenant-slug NEW]` (docs/PORTABILITY.md).
import fs from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { Readable } from 'node:stream'
import { createSealer } from '../accounts/crypto.ts'
import { cliArgs, CliError } from '../cli/index.ts'
import { loadConfig } from '../config.ts'
import { openDatabase } from '../db/connect.ts'
import { exportTenant, TenantNotFoundError } from './export.ts'
import { ImportError, importTenant } from './import.ts'

async function openDb() {
  const config = loadConfig()
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR })
  await database.migrate()
  return { config, database }
}

export async function runExport(argv: string[]): Promise<void> {
  const a = cliArgs(argv, { tenant: { type: 'string' }, out: { type: 'string' }, 'with-secrets': { type: 'boolean' } })
  if (!a.tenant) throw new CliError('--tenant SLUG is required.')
  const { database } = await openDb()
  try {
    const source = Readable.from(exportTenant(database.db, a.tenant as string, { withSecrets: Boolean(a['with-secrets']) }))
    const out = a.out ? fs.createWriteStream(a.out as string, { mode: 0o600 }) : process.stdout
    await pipeline(source, out, { end: Boolean(a.out) })
    if (a.out) process.stderr.write(`exported ${a.tenant} to ${a.out}\n`)
  } catch (err) {
    if (err instanceof TenantNotFoundError) throw new CliError(err.message)
    throw err
  } finally {
    await database.close()
  }
}

export async function runImport(argv: string[]): Promise<void> {
  const a = cliArgs(argv, { file: { type: 'string' }, 'tenant-slug': { type: 'string' } })
  if (!a.file) throw new CliError('--file FILE is required (- reads standard input).')
  const file = a.file as string
  if (file !== '-' && !fs.existsSync(file)) throw new CliError(`No such file: ${file}`)
  const { config, database } = await openDb()
  try {
    const { resolveSecretKey } = await import('../main.ts')
    const input = file === '-' ? process.stdin : fs.createReadStream(file)
    const r = await importTenant(database.db, input, {
      sealer: createSealer(resolveSecretKey(config)),
      ...(a['tenant-slug'] ? { tenantSlug: a['tenant-slug'] as string } : {}),
    })
    const total = (o: Record<string, number>) => Object.values(o).reduce((s, v) => s + v, 0)
    process.stdout.write(
      `imported into ${r.slug}${r.created ? ' (new tenant)' : ''}: ${total(r.inserted)} new of ${total(r.read)} records` +
        ` (reports ${r.inserted.report ?? 0}/${r.read.report ?? 0})` +
        (r.inserted.user ? `; ${r.inserted.user} new staff account(s) without a password: they cannot sign in until one is set` : '') +
        '\n',
    )
  } catch (err) {
    if (err instanceof ImportError) throw new CliError(`import stopped at ${err.message}`)
    throw err
  } finally {
    await database.close()
  }
}
