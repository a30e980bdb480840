// The durable half of a webhook: everything a verified request carries is stored as
// inbound_events rows (one per normalised event, unique on the provider's event id so provider
// retries never duplicate) and 'inbound' jobs for the new rows, in one statement.
// The route answers 200 only after that transaction committed.
//
// Group commit: webhooks that arrive while a commit is in flight wait for the next one and share
// it (one statement: a multi-row INSERT of events, one 'inbound' job per INBOUND_EVENTS_PER_JOB new
// events of a tenant, one NOTIFY; autocommitted). Each caller's promise
// resolves only after the transaction holding its rows committed; if that transaction fails, the
// batch is retried one webhook per transaction so a single bad row fails alone, and a caller whose
// own transaction failed gets the error (the route answers 5xx and the provider retries).
import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { loadAccountForWebhook } from '../channels/accounts.ts'
import type { ChannelAdapter, ChannelConfig, NormalisedEvent, WebhookRequest } from '../channels/contract.ts'
import { getAdapter } from '../channels/registry.ts'
import type { AppContext } from '../context.ts'
import { rowsOf, type Db } from '../db/connect.ts'
import { channelAccounts } from '../db/schema/index.ts'
import { JOBS_CHANNEL, PRIORITY } from '../jobs/queue.ts'
import type { ChannelType } from '../reports/model.ts'

export const INBOUND_QUEUE = 'inbound'
/**
 * Events of one group commit carried by one 'inbound' job (payload `{ events: [...] }`): a job row
 * per event was three tuple versions and about eight index entries per webhook. The worker takes
 * INBOUND_JOBS_PER_BATCH such jobs at once (process.ts), so at most 200 events per transaction.
 */
export const INBOUND_EVENTS_PER_JOB = 10

/** Headers worth keeping with the raw body (never cookies or authorisation). */
const DROP_HEADERS = new Set(['cookie', 'authorization', 'proxy-authorization'])

export function keptHeaders(headers: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(headers)) if (v !== undefined && !DROP_HEADERS.has(k)) out[k] = v
  return out
}

export const bodyDigestId = (raw: Buffer) => `sha256:${createHash('sha256').update(raw).digest('hex')}`

export interface IngestAccount {
  tenantId: string
  id: string
  type: ChannelType
}

export interface IngestResult {
  /** Normalised events the payload carried. */
  events: number
  /** Rows newly stored (the rest were already there: a provider retry). */
  stored: number
  /** True when the payload verified but could not be parsed and was stored as failed. */
  unparsable: boolean
}

/** Parses with the adapter (async where it has parseAsync). */
export async function parseWebhook(adapter: ChannelAdapter, req: WebhookRequest, config: ChannelConfig) {
  return adapter.parseAsync ? await adapter.parseAsync(req, config) : adapter.parse(req, config)
}

/** Serialisable form of a normalised event for a job payload (Dates as ISO strings). */
export function eventToJson(e: NormalisedEvent): Record<string, unknown> {
  return JSON.parse(JSON.stringify(e)) as Record<string, unknown>
}

// ---------------------------------------------------------------------------------------------
// Group commit

export interface Row {
  tenantId: string
  channelAccountId: string
  channelType: ChannelType
  providerEventId: string
  headers: Record<string, string>
  body: string
  status: 'pending' | 'failed'
  lastError: string | null
  /** The normalised event (null for a stored-as-failed unparsable body: no job). */
  event: NormalisedEvent | null
}

interface Pending {
  rows: Row[]
  resolve: (stored: number) => void
  reject: (err: unknown) => void
}

export interface GroupCommitOptions {
  /** Most webhooks in one transaction. */
  maxBatch?: number
  /**
   * Statements in flight at once (default 1). One at a time makes each statement carry every
   * webhook that arrived meanwhile: measured with bench/ingest (ROLE=api, session 5), 1 instead of
   * 2 cut PostgreSQL's CPU per webhook from 193-256 to 133-186 µs and the Node process's from
   * 250-292 to 216-250 µs, with a lower p99 (two concurrent inserters contend on the same index pages).
   */
  maxInFlight?: number
}

const rowKey = (r: { tenantId: string; channelAccountId: string; providerEventId: string }) =>
  `${r.tenantId}\u0000${r.channelAccountId}\u0000${r.providerEventId}`

/**
 * Stores rows of many webhooks in one statement (atomic on its own: the event rows, their jobs
 * (INBOUND_EVENTS_PER_JOB events each) and the NOTIFY that wakes a worker commit together);
 * returns the keys newly inserted.
 * The rows travel as one JSON parameter: no per-row query building.
 */
export async function storeRows(db: Db, rows: Row[]): Promise<Set<string>> {
  // One key may occur twice (the same event posted concurrently, or twice in one Meta batch).
  const seen = new Set<string>()
  const unique = rows.filter((r) => {
    const k = rowKey(r)
    return seen.has(k) ? false : (seen.add(k), true)
  })
  const values = JSON.stringify(
    unique.map((r, i) => ({
      i,
      tenant_id: r.tenantId,
      channel_account_id: r.channelAccountId,
      channel_type: r.channelType,
      provider_event_id: r.providerEventId,
      headers: r.headers,
      body: r.body,
      status: r.status,
      last_error: r.lastError,
      event: r.event, // Dates become ISO strings, as in every job payload
    })),
  )
  const inserted = await rowsOf<{ tenant_id: string; channel_account_id: string; provider_event_id: string }>(
    db,
    sql`with v as (
      select * from jsonb_to_recordset(${values}::jsonb) as v(i int, tenant_id uuid, channel_account_id uuid, channel_type channel_type,
        provider_event_id text, headers jsonb, body text, status text, last_error text, event jsonb)),
    ins as (
      insert into inbound_events (tenant_id, channel_account_id, channel_type, provider_event_id, headers, body, status, last_error)
      select tenant_id, channel_account_id, channel_type, provider_event_id, headers, body, status, last_error from v order by i
      on conflict (tenant_id, channel_account_id, provider_event_id) do nothing
      returning id, tenant_id, channel_account_id, provider_event_id),
    e as (
      select ins.tenant_id, ins.id, jsonb_build_object('inboundEventId', ins.id, 'channelAccountId', ins.channel_account_id,
          'providerEventId', ins.provider_event_id, 'event', v.event) as item,
        (row_number() over (partition by ins.tenant_id order by ins.id) - 1) / ${INBOUND_EVENTS_PER_JOB}::int as chunk
      from ins join v on v.tenant_id = ins.tenant_id and v.channel_account_id = ins.channel_account_id and v.provider_event_id = ins.provider_event_id
      where v.event is not null and v.event <> 'null'::jsonb),
    j as (
      insert into jobs (queue, priority, tenant_id, max_attempts, payload)
      select ${INBOUND_QUEUE}, ${PRIORITY.inbound}::int, e.tenant_id, 8, jsonb_build_object('events', jsonb_agg(e.item order by e.id))
      from e group by e.tenant_id, e.chunk
      order by min(e.id)
      returning id),
    n as (select pg_notify(${JOBS_CHANNEL}, ${INBOUND_QUEUE}) where exists (select 1 from j))
    select tenant_id, channel_account_id, provider_event_id, (select count(*) from n)::int as notified from ins`,
  )
  return new Set(inserted.map((r) => rowKey({ tenantId: r.tenant_id, channelAccountId: r.channel_account_id, providerEventId: r.provider_event_id })))
}

export class GroupCommitter {
  private queue: Pending[] = []
  private inFlight = 0
  private scheduled = false
  private readonly maxBatch: number
  private readonly maxInFlight: number

  constructor(
    private readonly db: Db,
    opts: GroupCommitOptions = {},
  ) {
    this.maxBatch = opts.maxBatch ?? 256
    this.maxInFlight = opts.maxInFlight ?? 1
  }

  /** Resolves with the number of this webhook's rows newly stored, after their transaction committed. */
  submit(rows: Row[]): Promise<number> {
    if (rows.length === 0) return Promise.resolve(0)
    return new Promise<number>((resolve, reject) => {
      this.queue.push({ rows, resolve, reject })
      this.schedule()
    })
  }

  private schedule() {
    if (this.scheduled || this.inFlight >= this.maxInFlight || this.queue.length === 0) return
    this.scheduled = true
    // setImmediate: every request whose body was read in this turn of the event loop joins.
    setImmediate(() => {
      this.scheduled = false
      this.flush()
    })
  }

  private flush() {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const batch: Pending[] = []
      let n = 0
      while (this.queue.length > 0 && (batch.length === 0 || n + this.queue[0]!.rows.length <= this.maxBatch)) {
        const p = this.queue.shift()!
        batch.push(p)
        n += p.rows.length
      }
      this.inFlight++
      void this.commit(batch).finally(() => {
        this.inFlight--
        this.schedule()
      })
    }
  }

  private async commit(batch: Pending[]) {
    try {
      const stored = await storeRows(
        this.db,
        batch.flatMap((p) => p.rows),
      )
      settle(batch, stored)
    } catch (err) {
      if (batch.length === 1) {
        batch[0]!.reject(err)
        return
      }
      // Nothing of the batch committed. Retry each webhook alone so one bad row fails alone.
      for (const p of batch) {
        try {
          settle([p], await storeRows(this.db, p.rows))
        } catch (e) {
          p.reject(e)
        }
      }
    }
  }
}

/** Each caller learns how many of its rows were new; a key claimed twice in a batch counts once. */
function settle(batch: Pending[], stored: Set<string>) {
  for (const p of batch) {
    let n = 0
    for (const r of p.rows) {
      const k = rowKey(r)
      if (stored.delete(k) && r.status === 'pending') n++
    }
    p.resolve(n)
  }
}

const committers = new WeakMap<Db, GroupCommitter>()

/** The process-wide group committer for a database handle. */
export function groupCommitterFor(db: Db, opts?: GroupCommitOptions): GroupCommitter {
  let c = committers.get(db)
  if (!c) {
    c = new GroupCommitter(db, opts)
    committers.set(db, c)
  }
  return c
}

/**
 * Stores a verified webhook. `db` must be the root database handle: the rows join the next group
 * commit, and this resolves only after it committed.
 */
export async function ingestWebhook(
  db: Db,
  account: IngestAccount,
  adapter: ChannelAdapter,
  req: WebhookRequest,
  config: ChannelConfig,
  committer: GroupCommitter = groupCommitterFor(db),
): Promise<IngestResult> {
  const headers = keptHeaders(req.headers)
  const body = req.rawBody.toString('utf8')
  let events: NormalisedEvent[]
  try {
    events = await parseWebhook(adapter, req, config)
  } catch (err) {
    const parseError = (err as Error).message || String(err)
    await committer.submit([
      {
        tenantId: account.tenantId,
        channelAccountId: account.id,
        channelType: account.type,
        providerEventId: bodyDigestId(req.rawBody),
        headers,
        body,
        status: 'failed',
        lastError: `parse: ${parseError}`.slice(0, 2000),
        event: null,
      },
    ])
    return { events: 0, stored: 0, unparsable: true }
  }
  if (events.length === 0) return { events: 0, stored: 0, unparsable: false }

  const seen = new Set<string>()
  const unique = events.filter((e) => (seen.has(e.providerEventId) ? false : (seen.add(e.providerEventId), true)))
  const stored = await committer.submit(
    unique.map((e) => ({
      tenantId: account.tenantId,
      channelAccountId: account.id,
      channelType: (e.type === 'message' && e.channelType) || account.type,
      providerEventId: e.providerEventId,
      headers,
      body,
      status: 'pending' as const,
      lastError: null,
      event: e,
    })),
  )
  return { events: unique.length, stored, unparsable: false }
}

// ---------------------------------------------------------------------------------------------
// E-mail received by the built-in SMTP listener (or the IMAP poller)

/** The e-mail channel accounts the SMTP listener serves, and the domains it accepts mail for. */
export async function emailRecipientDomains(ctx: Pick<AppContext, 'db' | 'sealer'>): Promise<string[]> {
  const rows = await ctx.db
    .select({ publicConfig: channelAccounts.publicConfig, type: channelAccounts.type, active: channelAccounts.active })
    .from(channelAccounts)
  const domains = new Set<string>()
  for (const r of rows) {
    const from = r.type === 'email' && r.active ? (r.publicConfig as { fromAddress?: string }).fromAddress : undefined
    if (from?.includes('@')) domains.add(from.split('@')[1]!.toLowerCase())
  }
  return [...domains]
}

/**
 * The SMTP listener's onMessage: finds the e-mail channel whose fromAddress is among the
 * envelope's recipients (else one of the same domain) and stores the raw message exactly like a
 * relay webhook body (content-type message/rfc822), so one parse path serves all three ways in.
 * Resolves after the commit (the listener answers 250 then) and throws when no channel matches
 * (451: the sending server keeps the mail).
 */
export async function ingestRawEmail(
  ctx: Pick<AppContext, 'db' | 'sealer'>,
  raw: Buffer,
  envelope: { rcptTo: string[]; channelId?: string },
): Promise<IngestResult & { channelId: string }> {
  const rcpt = envelope.rcptTo.map((a) => a.toLowerCase())
  const rows = await ctx.db
    .select({ id: channelAccounts.id, type: channelAccounts.type, active: channelAccounts.active, publicConfig: channelAccounts.publicConfig })
    .from(channelAccounts)
  const email = rows.filter((r) => r.type === 'email' && r.active)
  const fromOf = (r: (typeof email)[number]) => String((r.publicConfig as { fromAddress?: string }).fromAddress ?? '').toLowerCase()
  const match =
    (envelope.channelId && email.find((r) => r.id === envelope.channelId)) ||
    email.find((r) => rcpt.includes(fromOf(r))) ||
    email.find((r) => rcpt.some((a) => a.split('@')[1] === fromOf(r).split('@')[1]))
  if (!match) throw new Error('no e-mail channel for these recipients')
  const found = await loadAccountForWebhook(ctx, match.id)
  if (!found) throw new Error('e-mail channel vanished')
  const adapter = getAdapter('email')!
  const req: WebhookRequest = { method: 'POST', headers: { 'content-type': 'message/rfc822' }, query: {}, rawBody: raw }
  const result = await ingestWebhook(ctx.db, found.account, adapter, req, found.config)
  return { ...result, channelId: match.id }
}
