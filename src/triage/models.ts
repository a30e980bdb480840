// The tenant's routers in the database: one triage_models row per tenant and kind ('agency',
// 'category') holding { seq, applied, router }. Loaded once per process and cached; a cheap read
// of `seq` tells whether another process (or the learning job) changed the row since. Cold start:
// every active agency and category is seeded from its names and keywords (seeding is idempotent
// per keyword, so agencies added later are seeded on the next load).
import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '../db/connect.ts'
import { agencies, categories, categoryAgencies, triageModels } from '../db/schema/index.ts'
import { BIAS_RATE, VOTE_WEIGHTS, createRouter, type RouterOptions, type RouterState, type TriageRouter } from './router.ts'

export type ModelKind = 'agency' | 'category'
export const MODEL_KINDS: readonly ModelKind[] = ['agency', 'category']

/** What a triage_models row holds. */
export interface StoredModel {
  format: 2
  /** bumped on every save: the cache's version */
  seq: number
  /** ids of the report events learned last (a retried job learns nothing twice) */
  applied: number[]
  router: RouterState
}

/** Event ids remembered for idempotency. */
const APPLIED_KEPT = 500

/**
 * Options of a database-backed router: fewer remembered decisions than the evaluation default,
 * character 3-4-grams only, and pruning linear weights below 2e-3 on save keep a large tenant's
 * row small at no measured cost in accuracy (docs/TRIAGE.md, "Model size"). Naive Bayes counts are
 * never pruned: that would drop every word seen once on every save, so a saved router could not
 * learn a new word from one decision.
 */
export const STORED_ROUTER_OPTIONS: RouterOptions = {
  // The vote follows the code's current choice, also for rows saved with older options.
  weights: { ...VOTE_WEIGHTS },
  biasRate: BIAS_RATE,
  memory: 2000,
  charNgrams: [3, 4],
  prune: { linearUnits: 20, nbCount: 0 },
}

interface Cached {
  seq: number
  router: TriageRouter
  applied: number[]
}

const cache = new Map<string, Cached>()
const keyOf = (tenantId: string, kind: ModelKind) => `${tenantId}:${kind}`

/** Forget every cached router (tests, or after a tenant's model was reset). */
export function clearModelCache(): void {
  cache.clear()
}

/** Names, keywords and descriptions that point to each active label of a kind. */
export async function seedKeywordsOf(db: Db, tenantId: string, kind: ModelKind): Promise<Map<string, string[]>> {
  const cats = await db
    .select({ id: categories.id, name: categories.name, description: categories.description, keywords: categories.keywords })
    .from(categories)
    .where(and(eq(categories.tenantId, tenantId), eq(categories.active, true)))
  const seeds = new Map<string, string[]>()
  if (kind === 'category') {
    for (const c of cats) seeds.set(c.id, [c.name, ...(c.description ? [c.description] : []), ...c.keywords])
    return seeds
  }
  const ags = await db
    .select({ id: agencies.id, name: agencies.name, shortName: agencies.shortName, keywords: agencies.keywords })
    .from(agencies)
    .where(and(eq(agencies.tenantId, tenantId), eq(agencies.active, true)))
  for (const a of ags) seeds.set(a.id, [a.name, a.shortName, ...a.keywords])
  // An agency is also what its categories are about.
  const links = await db
    .select({ categoryId: categoryAgencies.categoryId, agencyId: categoryAgencies.agencyId })
    .from(categoryAgencies)
    .where(eq(categoryAgencies.tenantId, tenantId))
  const byCat = new Map(cats.map((c) => [c.id, [c.name, ...c.keywords]]))
  for (const l of links) {
    const s = seeds.get(l.agencyId)
    if (s) s.push(...(byCat.get(l.categoryId) ?? []))
  }
  return seeds
}

function build(state: RouterState | undefined, seeds: Map<string, string[]>): TriageRouter {
  const router = createRouter(state, STORED_ROUTER_OPTIONS)
  for (const [label, kws] of seeds) router.seedKeywords(label, kws)
  return router
}

async function readRow(db: Db, tenantId: string, kind: ModelKind, lock: boolean): Promise<StoredModel | null> {
  const q = db
    .select({ state: triageModels.state })
    .from(triageModels)
    .where(and(eq(triageModels.tenantId, tenantId), eq(triageModels.kind, kind)))
  const [row] = lock ? await q.for('update') : await q
  const s = row?.state as StoredModel | undefined
  return s && s.format === 2 ? s : null
}

/** The tenant's router of a kind for reading (suggestions): cached, reloaded when the row changed. */
export async function loadRouter(db: Db, tenantId: string, kind: ModelKind): Promise<TriageRouter> {
  const key = keyOf(tenantId, kind)
  const [row] = await db
    .select({ seq: sql<number | null>`(${triageModels.state}->>'seq')::int` })
    .from(triageModels)
    .where(and(eq(triageModels.tenantId, tenantId), eq(triageModels.kind, kind)))
  const seq = row?.seq ?? 0
  const hit = cache.get(key)
  if (hit && hit.seq === seq) return hit.router
  const stored = seq > 0 ? await readRow(db, tenantId, kind, false) : null
  const router = build(stored?.router, await seedKeywordsOf(db, tenantId, kind))
  cache.set(key, { seq: stored?.seq ?? 0, router, applied: stored?.applied ?? [] })
  return router
}

/**
 * Read-modify-write of a tenant's router inside `tx` (the row is locked, so two learning jobs of
 * one tenant take turns). `change` returns false when it changed nothing; the row is then left
 * alone. Returns the byte size of the saved state (0 when nothing was saved).
 */
export async function updateRouter(
  tx: Db,
  tenantId: string,
  kind: ModelKind,
  eventIds: number[],
  change: (router: TriageRouter) => boolean,
): Promise<number> {
  await tx
    .insert(triageModels)
    .values({ tenantId, kind, state: { format: 2, seq: 0, applied: [], router: null } })
    .onConflictDoNothing()
  const where = and(eq(triageModels.tenantId, tenantId), eq(triageModels.kind, kind))
  // Lock the row and read only its version: the router itself comes from this process's cache
  // when that is the same version (a large tenant's state takes seconds to parse).
  const [head] = await tx
    .select({
      seq: sql<number | null>`(${triageModels.state}->>'seq')::int`,
      applied: sql<number[] | null>`${triageModels.state}->'applied'`,
    })
    .from(triageModels)
    .where(where)
    .for('update')
  const seq = head?.seq ?? 0
  const applied = head?.applied ?? []
  const fresh = eventIds.filter((id) => !applied.includes(id))
  if (eventIds.length > 0 && fresh.length === 0) return 0
  const key = keyOf(tenantId, kind)
  const hit = cache.get(key)
  // The cached router is changed in place; it is dropped if this transaction fails.
  cache.delete(key)
  let router: TriageRouter
  if (hit && hit.seq === seq) {
    router = hit.router
    for (const [label, kws] of await seedKeywordsOf(tx, tenantId, kind)) router.seedKeywords(label, kws)
  } else {
    router = build(seq > 0 ? (await readRow(tx, tenantId, kind, false))?.router : undefined, await seedKeywordsOf(tx, tenantId, kind))
  }
  if (!change(router)) {
    if (hit && hit.seq === seq) cache.set(key, hit)
    return 0
  }
  const next: StoredModel = {
    format: 2,
    seq: seq + 1,
    applied: [...applied, ...fresh].slice(-APPLIED_KEPT),
    router: router.toJSON(),
  }
  const json = JSON.stringify(next)
  await tx.update(triageModels).set({ state: next, updatedAt: new Date() }).where(where)
  pending.set(key, { seq: next.seq, router, applied: next.applied })
  return Buffer.byteLength(json)
}

/** Routers saved in transactions not yet known to have committed (see commitCached). */
const pending = new Map<string, Cached>()

/** After the transaction of updateRouter committed: its routers become the cached ones. */
export function commitCached(tenantId: string): void {
  for (const kind of MODEL_KINDS) {
    const key = keyOf(tenantId, kind)
    const p = pending.get(key)
    if (!p) continue
    pending.delete(key)
    cache.set(key, p)
  }
}

/** After the transaction failed: forget what it changed. */
export function dropPending(tenantId: string): void {
  for (const kind of MODEL_KINDS) pending.delete(keyOf(tenantId, kind))
}
