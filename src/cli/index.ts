// The `aduan` command line: serve, migrate, user create / password, triage eval, export, import.
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { ConfigError, loadConfig } from '../config.ts'

const HELP = `Usage: aduan <command>

  serve                      start the platform (what npm start runs)
  migrate                    apply database migrations and exit
  user create --email E --name N --role R [--agency SLUG] [--tenant SLUG] [--password P]
                             create a user (or add a role to one); prints a generated password
  user password --email E [--password P]
                             set a password (e.g. an imported account) and end the user's sessions
  triage eval --train F --test F | --data F --split YYYY-MM-DD
                             evaluate agency routing on a labelled CSV
  export --tenant SLUG [--out FILE] [--with-secrets]
                             write a tenant's settings and reports as JSON lines
  import --file FILE [--tenant-slug NEW]
                             read an export into this instance (idempotent, resumable)
`

export async function runCli(argv: string[]): Promise<void> {
  const [cmd, sub, ...rest] = argv
  try {
    if (!cmd || cmd === 'serve') {
      const { serve } = await import('../main.ts')
      return await serve()
    }
    if (cmd === 'migrate') return await (await import('./migrate.ts')).runMigrate()
    if (cmd === 'user' && sub === 'create') return await (await import('./user-create.ts')).runUserCreate(rest)
    if (cmd === 'user' && sub === 'password') return await (await import('./user-create.ts')).runUserPassword(rest)
    if (cmd === 'triage' && sub === 'eval') return await (await import('./triage-eval.ts')).runTriageEval(rest)
    if (cmd === 'export') return await (await import('../portability/cli.ts')).runExport(argv.slice(1))
    if (cmd === 'import') return await (await import('../portability/cli.ts')).runImport(argv.slice(1))
    if (cmd === 'help' || cmd === '--help' || cmd === '-h') {
      process.stdout.write(HELP)
      return
    }
    process.stderr.write(`aduan: unknown command "${argv.join(' ')}"\n\n${HELP}`)
    process.exitCode = 2
  } catch (err) {
    const e = err as Error
    if (e instanceof ConfigError || e.name === 'DataDirLockedError' || e.name === 'CliError') {
      process.stderr.write(`aduan: ${e.message}\n`)
      process.exitCode = e instanceof ConfigError ? 2 : 3
      return
    }
    throw err
  }
}

export class CliError extends Error {
  override name = 'CliError'
}

export function cliArgs(argv: string[], options: NonNullable<ParseArgsConfig['options']>) {
  return parseArgs({ args: argv, options, allowPositionals: false, strict: true }).values
}

export { loadConfig }
