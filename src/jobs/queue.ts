// The job queue: jobs are rows in `jobs`, enqueued inside the caller's transaction (so a job
// exists exactly when the change that caused it committed), claimed with SKIP LOCKED, woken by
// NOTIFY with a slow poll as a safety net, retried with exponential backoff, dead after
// maxAttempts. Works the same on PGlite (one process) and PostgreSQL (many workers).
import os from 'node:os'
import { sql } from 'drizzle-orm'
import type { Database, Db } from '../db/connect.ts'
import { jobs } from '../db/schema/index.ts'

export const JOBS_CHANNEL = 'aduan_jobs'

/** Priorities: lower runs first. Inbound messages must never wait behind bulk work. */
export const PRIORITY = { inbound: 0, outbox: 10, normal: 50, bulk: 100 } as const

export interface EnqueueOptions {
  queue: string
  payload?: Record<string, unknown>
  tenantId?: string | null
  priority?: number
  runAt?: Date
  singletonKey?: string
  maxAttempts?: number
}

/** Enqueue in `db`, which may be an open transaction. Returns the job id, or null when a singleton exists. */
export async function enqueue(db: Db, opts: EnqueueOptions): Promise<number | null> {
  const rows = await db
    .insert(jobs)
    .values({
      queue: opts.queue,
      payload: opts.payload ?? {},
      tenantId: opts.tenantId ?? null,
      priority: opts.priority ?? PRIORITY.normal,
      runAt: opts.runAt ?? new Date(),
      singletonKey: opts.singletonKey ?? null,
      maxAttempts: opts.maxAttempts ?? 8,
    })
    .onConflictDoNothing()
    .returning({ id: jobs.id })
  await db.execute(sql`select pg_notify(${JOBS_CHANNEL}, ${opts.queue})`)
  return rows[0]?.id ?? null
}

/**
 * An error's text without the data it was about. Drizzle wraps driver errors as
 * "Failed query: <sql>\nparams: <values>"; the values may be citizens' messages and numbers, so
 * only the driver's own message (the cause) is kept, and never anything after "params:".
 */
export function errorText(err: unknown): string {
  const cause = (err as { cause?: unknown } | null)?.cause
  const base = cause instanceof Error && cause.message ? cause.message : err instanceof Error ? err.message : String(err)
  return base.split(/\bparams:/)[0]!.trim().slice(0, 2000)
}

export interface Job {
  id: number
  tenantId: string | null
  queue: string
  payload: Record<string, unknown>
  attempts: number
  maxAttempts: number
}

export type JobHandler = (job: Job) => Promise<void>

/**
 * A handler that can also take many jobs of its queue at once (one transaction for all of them).
 * The worker claims up to `size` ready jobs of the queue; if `run` throws, nothing of the batch
 * took effect, and each job is run alone through the handler (so one bad job fails alone). `run`
 * may instead settle each job itself: it returns the jobs that failed (each retried after its
 * backoff, or dead after its last attempt, exactly as if the handler had thrown), the rest are done.
 */
export type BatchJobHandler = JobHandler & { batch?: { size: number; run: (jobs: Job[]) => Promise<void | BatchOutcome> } }

export interface BatchOutcome {
  failed: { job: Job; error: unknown }[]
}

export interface Lane {
  name: string
  /** Queues this lane serves; '*' serves every queue that has a handler. */
  queues: string[] | '*'
  concurrency: number
}

export interface WorkerOptions {
  database: Database
  handlers: Record<string, BatchJobHandler>
  lanes?: Lane[]
  /** Fallback poll when no NOTIFY arrives (ms). */
  pollMs?: number
  /**
   * How long a claimed job is ours before another worker may take it over (ms). A running job's
   * lock is renewed every lockMs/3, so a dead worker's job is retried within about lockMs.
   */
  lockMs?: number
  /** Backoff for attempt n (1-based), ms. */
  backoff?: (attempt: number) => number
  onError?: (job: Job, err: unknown, willRetry: boolean) => void
}

export interface Worker {
  /** Stop claiming; wait for running jobs up to timeoutMs. */
  stop(timeoutMs?: number): Promise<void>
  /** Run until the given queues have nothing ready (tests). */
  drain(queues?: string[], timeoutMs?: number): Promise<void>
  running(): number
}

const defaultBackoff = (n: number) => Math.min(2 ** (n - 1) * 1000, 15 * 60_000) + Math.floor(Math.random() * 250)

export async function startWorker(opts: WorkerOptions): Promise<Worker> {
  const { database, handlers } = opts
  const workerId = `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`
  const lockMs = opts.lockMs ?? 30_000
  const backoff = opts.backoff ?? defaultBackoff
  const lanes = opts.lanes ?? [
    { name: 'inbound', queues: ['inbound'], concurrency: 2 },
    { name: 'general', queues: '*', concurrency: 2 },
  ]
  const allQueues = Object.keys(handlers)
  let stopped = false
  let active = 0
  const inflight = new Set<Promise<void>>()
  // Idle workers wait here, per lane. A NOTIFY (payload: the queue) wakes ONE idle worker of each
  // lane serving that queue, and a worker that claimed a job wakes one more of its lane, so a
  // backlog fans out to every worker while a single job costs one claim, not one per worker.
  const idle = new Map<string, { queues: Set<string>; waiters: (() => void)[] }>()
  const wakeOne = (lane: string) => idle.get(lane)?.waiters.shift()?.()
  const wakeAll = () => {
    for (const l of idle.values()) for (const w of l.waiters.splice(0)) w()
  }
  const wakeFor = (queue: string) => {
    for (const [name, l] of idle) if (!queue || l.queues.has(queue) || !allQueues.includes(queue)) wakeOne(name)
  }

  // A job left 'running' by a process that died is retried once its lock expires. The embedded
  // database belongs to this process alone (DATA_DIR lock), so there every running job is orphaned.
  await database.query(
    `update jobs set status = 'failed', locked_until = null, last_error = coalesce(last_error, 'worker lost')
     where status = 'running'${database.kind === 'pglite' ? '' : ' and locked_until < now()'}`,
  )
  const unlisten = await database.listen(JOBS_CHANNEL, (payload) => wakeFor(payload))
  // The safety net (a lost NOTIFY, a retry whose run_at came): one worker per lane looks.
  const poll = setInterval(() => {
    for (const name of idle.keys()) wakeOne(name)
  }, opts.pollMs ?? 1000)

  type JobRow = { id: string | number; tenant_id: string | null; queue: string; payload: Record<string, unknown>; attempts: number; max_attempts: number }
  const toJob = (r: JobRow): Job => ({
    id: Number(r.id),
    tenantId: r.tenant_id,
    queue: r.queue,
    payload: r.payload,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
  })

  // Per queue, in the order of jobs_queue_ready_idx (queue, priority, run_at, id): each queue's
  // scan stops after `limit` rows. With queue = any(...) the planner read every ready job of the
  // lane's queues and sorted them for each claim (6 ms per claim with a backlog of 1,000, session 6).
  // A queue's rows locked beyond the overall limit are released when the statement ends.
  async function claim(queues: string[], limit = 1): Promise<Job[]> {
    const rows = await database.query<JobRow>(
      `update jobs set status = 'running', attempts = attempts + 1, locked_by = $1,
         locked_until = now() + ($2::int * interval '1 millisecond')
       where id = any(array(
         select c.id from unnest($3::text[]) as q(queue) cross join lateral (
           select id, priority, run_at from jobs
           where status in ('queued', 'failed') and run_at <= now() and queue = q.queue
           order by priority, run_at, id
           for update skip locked
           limit $4) as c
         order by c.priority, c.run_at, c.id
         limit $4))
       returning id, tenant_id, queue, payload, attempts, max_attempts`,
      [workerId, lockMs, queues, limit],
    )
    return rows.map(toJob).sort((a, b) => a.id - b.id)
  }

  /** The batch handler's jobs: renew every lock, one transaction; on failure each job alone. */
  async function runBatch(jobs: Job[], handler: BatchJobHandler): Promise<void> {
    const ids = jobs.map((j) => j.id)
    const heartbeat = setInterval(() => {
      database
        .query(
          `update jobs set locked_until = now() + ($2::int * interval '1 millisecond') where id = any($1::bigint[]) and locked_by = $3 and status = 'running'`,
          [ids, lockMs, workerId],
        )
        .catch(() => {})
    }, Math.max(1000, Math.floor(lockMs / 3)))
    heartbeat.unref()
    let outcome: void | BatchOutcome
    try {
      outcome = await handler.batch!.run(jobs)
    } catch {
      clearInterval(heartbeat)
      for (const job of jobs) await runJob(job) // nothing of the batch committed: each job alone
      return
    } finally {
      clearInterval(heartbeat)
    }
    const failed = new Set((outcome?.failed ?? []).map((f) => f.job.id))
    await database.query(
      `update jobs set status = 'done', finished_at = now(), locked_until = null, last_error = null where id = any($1::bigint[])`,
      [ids.filter((id) => !failed.has(id))],
    )
    for (const f of outcome?.failed ?? []) await fail(f.job, f.error)
  }

  /** A failed run: retried after its backoff, or dead after its last attempt. */
  async function fail(job: Job, err: unknown): Promise<void> {
    const willRetry = job.attempts < job.maxAttempts
    opts.onError?.(job, err, willRetry)
    const message = errorText(err)
    await database
      .query(
        willRetry
          ? `update jobs set status = 'failed', locked_until = null, last_error = $2,
               run_at = now() + ($3::int * interval '1 millisecond') where id = $1`
          : `update jobs set status = 'dead', locked_until = null, last_error = $2, finished_at = now() where id = $1`,
        willRetry ? [job.id, message.slice(0, 2000), backoff(job.attempts)] : [job.id, message.slice(0, 2000)],
      )
      .catch(() => {})
  }

  async function runJob(job: Job): Promise<void> {
    const heartbeat = setInterval(() => {
      database
        .query(
          `update jobs set locked_until = now() + ($2::int * interval '1 millisecond') where id = $1 and locked_by = $3 and status = 'running'`,
          [job.id, lockMs, workerId],
        )
        .catch(() => {})
    }, Math.max(1000, Math.floor(lockMs / 3)))
    heartbeat.unref()
    try {
      await handlers[job.queue]!(job)
      await database.query(
        `update jobs set status = 'done', finished_at = now(), locked_until = null, last_error = null where id = $1`,
        [job.id],
      )
    } catch (err) {
      await fail(job, err)
    } finally {
      clearInterval(heartbeat)
    }
  }

  function startLane(lane: Lane) {
    const queues = lane.queues === '*' ? allQueues : lane.queues.filter((q) => handlers[q])
    if (queues.length === 0) return
    const mine = { queues: new Set(queues), waiters: [] as (() => void)[] }
    idle.set(lane.name, mine)
    for (let i = 0; i < lane.concurrency; i++) {
      const loop = (async () => {
        while (!stopped) {
          let job: Job | null = null
          try {
            job = (await claim(queues))[0] ?? null
          } catch {
            job = null // database briefly unreachable: wait for the next wake
          }
          if (!job) {
            if (stopped) break // stop() woke the waiters while this loop was claiming
            await new Promise<void>((resolve) => mine.waiters.push(resolve))
            continue
          }
          wakeOne(lane.name) // there may be more: let an idle sibling look too
          active++
          try {
            const handler = handlers[job.queue]!
            const more = handler.batch && handler.batch.size > 1 ? await claim([job.queue], handler.batch.size - 1).catch(() => []) : []
            if (more.length > 0) await runBatch([job, ...more], handler)
            else await runJob(job)
          } finally {
            active--
          }
        }
      })()
      inflight.add(loop)
    }
  }
  for (const lane of lanes) startLane(lane)

  return {
    running: () => active,
    async stop(timeoutMs = 10_000) {
      stopped = true
      clearInterval(poll)
      wakeAll()
      await Promise.race([Promise.all(inflight), new Promise((r) => setTimeout(r, timeoutMs))])
      await unlisten().catch(() => {})
    },
    async drain(queues = allQueues, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        wakeAll()
        const rows = await database.query<{ n: number }>(
          `select count(*)::int as n from jobs where queue = any($1::text[])
             and (status = 'running' or (status in ('queued','failed') and run_at <= now()))`,
          [queues],
        )
        if ((rows[0]?.n ?? 0) === 0 && active === 0) return
        if (Date.now() > deadline) throw new Error(`drain timed out with ${rows[0]?.n} jobs pending`)
        await new Promise((r) => setTimeout(r, 20))
      }
    },
  }
}

/**
 * Recurring work: every `everyMs`, enqueue `queue` once per time slot. The singleton key makes
 * several processes enqueue it only once per slot.
 */
export function schedule(database: Database, queue: string, everyMs: number): () => void {
  const tick = () => {
    const slot = Math.floor(Date.now() / everyMs)
    enqueue(database.db, { queue, singletonKey: `schedule:${queue}:${slot}`, priority: PRIORITY.bulk }).catch(() => {})
  }
  const timer = setInterval(tick, everyMs)
  timer.unref()
  tick()
  return () => clearInterval(timer)
}
