// An exclusive lock on DATA_DIR: PGlite has none of its own, and two processes writing the
// same directory can corrupt it beyond repair (see shared/notes/stack-probe.md §1.3).
// The lock file is created with O_EXCL and holds the owner's pid; a lock whose pid is dead
// (the owner was SIGKILLed) is taken over, so a crash never blocks the next start.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError'
}

export interface DirLock {
  path: string
  release(): void
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export function lockDataDir(dir: string): DirLock {
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, 'aduan.lock')
  const mine = JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() })
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600)
      fs.writeSync(fd, mine)
      fs.closeSync(fd)
      let released = false
      return {
        path: file,
        release() {
          if (released) return
          released = true
          try {
            const owner = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid: number }
            if (owner.pid === process.pid) fs.unlinkSync(file)
          } catch {
            /* already gone */
          }
        },
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      let owner: { pid?: number; host?: string; since?: string } = {}
      try {
        owner = JSON.parse(fs.readFileSync(file, 'utf8'))
      } catch {
        /* half-written by a crashed owner: treat as stale */
      }
      const sameHost = !owner.host || owner.host === os.hostname()
      if (owner.pid && sameHost && (owner.pid === process.pid || pidAlive(owner.pid))) {
        throw new DataDirLockedError(
          `DATA_DIR ${dir} is in use by another aduan process (pid ${owner.pid}, since ${owner.since}). ` +
            `Stop it first, or point DATA_DIR elsewhere.`,
        )
      }
      if (owner.pid && !sameHost) {
        throw new DataDirLockedError(
          `DATA_DIR ${dir} is locked by host ${owner.host} (pid ${owner.pid}). Remove ${file} only if that host no longer runs aduan.`,
        )
      }
      fs.rmSync(file, { force: true }) // stale: its owner is gone
    }
  }
  throw new DataDirLockedError(`Could not lock DATA_DIR ${dir}.`)
}
