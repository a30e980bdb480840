import { loadConfig } from '../config.ts'
import { openDatabase } from '../db/connect.ts'

export async function runMigrate(): Promise<void> {
  const config = loadConfig()
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR })
  try {
    await database.migrate()
    process.stdout.write(`migrations applied (${database.kind})\n`)
  } finally {
    await database.close()
  }
}
