// Wires job handlers to the queue and starts the recurring schedules. One job per file lives
// beside this one; each handler is idempotent (a job may run twice after a crash).
import type { AppContext } from '../context.ts'
import { errorText, schedule, startWorker, type JobHandler, type Worker } from './queue.ts'

export interface JobRuntime {
  worker: Worker
  stop(timeoutMs?: number): Promise<void>
}

/** Handlers by queue name; feature folders add theirs through registerJobHandlers. */
const registry: Record<string, (ctx: AppContext) => JobHandler> = {}
const schedules: { queue: string; everyMs: number }[] = []
/** Queues served by the urgent lane (citizens' messages, emergencies), which bulk work cannot starve. */
const urgentQueues = new Set<string>(['inbound'])

export function registerJobHandler(
  queue: string,
  make: (ctx: AppContext) => JobHandler,
  everyMs?: number,
  opts: { urgent?: boolean } = {},
) {
  registry[queue] = make
  if (everyMs) schedules.push({ queue, everyMs })
  if (opts.urgent) urgentQueues.add(queue)
}

export function jobHandlers(ctx: AppContext): Record<string, JobHandler> {
  return Object.fromEntries(Object.entries(registry).map(([q, make]) => [q, make(ctx)]))
}

export function lanesFor(concurrency: number) {
  const urgent = Math.max(1, Math.ceil(concurrency / 2))
  const outbox = Math.max(1, Math.floor(concurrency / 4))
  const general = Math.max(1, concurrency - urgent - outbox)
  return [
    { name: 'inbound', queues: [...urgentQueues], concurrency: urgent },
    { name: 'outbox', queues: ['outbox'], concurrency: outbox },
    { name: 'general', queues: '*' as const, concurrency: general },
  ]
}

export async function startJobs(
  ctx: AppContext,
  opts: { schedules?: boolean; backoff?: (attempt: number) => number } = {},
): Promise<JobRuntime> {
  await import('./handlers.ts')
  const worker = await startWorker({
    database: ctx.database,
    handlers: jobHandlers(ctx),
    // Three lanes so that no kind of work waits behind another: citizens' messages and
    // emergencies; what goes out to citizens (acknowledgements, answers); everything else.
    // JOB_CONCURRENCY workers are shared out, at least one per lane.
    lanes: lanesFor(ctx.config.JOB_CONCURRENCY),
    backoff: opts.backoff,
    onError: (job, err, willRetry) =>
      ctx.log.warn({ jobId: job.id, queue: job.queue, attempt: job.attempts, willRetry, err: errorText(err) }, 'job failed'),
  })
  const stops = opts.schedules === false ? [] : schedules.map((s) => schedule(ctx.database, s.queue, s.everyMs))
  return {
    worker,
    async stop(timeoutMs) {
      for (const s of stops) s()
      await worker.stop(timeoutMs)
    },
  }
}
