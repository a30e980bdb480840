import crypto from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { createUser, setPassword } from '../accounts/users.ts'
import { loadConfig } from '../config.ts'
import { openDatabase } from '../db/connect.ts'
import { agencies, tenants } from '../db/schema/index.ts'
import { ROLES, type Role } from '../reports/model.ts'
import { cliArgs, CliError } from './index.ts'

export async function runUserCreate(argv: string[]): Promise<void> {
  const a = cliArgs(argv, {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    agency: { type: 'string' },
    tenant: { type: 'string' },
    password: { type: 'string' },
  })
  const email = a.email as string | undefined
  const role = a.role as Role | undefined
  if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) throw new CliError('--email is required and must be an e-mail address.')
  if (!role || !ROLES.includes(role)) throw new CliError(`--role must be one of: ${ROLES.join(', ')}.`)
  const config = loadConfig()
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR })
  try {
    await database.migrate()
    const db = database.db
    const ts = a.tenant ? await db.select().from(tenants).where(eq(tenants.slug, a.tenant as string)) : await db.select().from(tenants).limit(2)
    if (ts.length === 0) throw new CliError(a.tenant ? `No tenant with slug "${a.tenant}".` : 'No tenant exists yet.')
    if (ts.length > 1 && !a.tenant) throw new CliError('Several tenants exist: pass --tenant SLUG.')
    const tenant = ts[0]!
    let agencyId: string | null = null
    if (a.agency) {
      const [ag] = await db.select().from(agencies).where(and(eq(agencies.tenantId, tenant.id), eq(agencies.slug, a.agency as string)))
      if (!ag) throw new CliError(`No agency with slug "${a.agency}" in ${tenant.slug}.`)
      agencyId = ag.id
    } else if (role === 'agency_admin' || role === 'agency_head') {
      throw new CliError('--agency SLUG is required for agency roles.')
    }
    const password = (a.password as string | undefined) ?? crypto.randomBytes(12).toString('base64url')
    const user = await createUser(db, { email, name: (a.name as string) ?? email, password, tenantId: tenant.id, role, agencyId })
    process.stdout.write(`user ${user.email} has role ${role} in ${tenant.slug}${a.password ? '' : `; password: ${password}`}\n`)
  } finally {
    await database.close()
  }
}

/**
 * `aduan user password --email E [--password P]`: set a password (accounts imported from another
 * instance come without one; a forgotten one is replaced) and sign the person out everywhere.
 * Without --password one is generated and printed once.
 */
export async function runUserPassword(argv: string[]): Promise<void> {
  const a = cliArgs(argv, { email: { type: 'string' }, password: { type: 'string' } })
  const email = a.email as string | undefined
  if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) throw new CliError('--email is required and must be an e-mail address.')
  const given = a.password as string | undefined
  if (given !== undefined && given.length < 10) throw new CliError('--password must be at least 10 characters.')
  const password = given ?? crypto.randomBytes(12).toString('base64url')
  const config = loadConfig()
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR })
  try {
    await database.migrate()
    const user = await setPassword(database.db, email, password)
    if (!user) throw new CliError(`No user with e-mail "${email}".`)
    process.stdout.write(`password set for ${user.email}; sessions ended${given ? '' : `; password: ${password}`}\n`)
  } finally {
    await database.close()
  }
}
