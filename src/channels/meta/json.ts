// Tolerant readers for Meta webhook JSON. Meta adds fields and event kinds without notice, so the
// parsers read what they know and skip the rest instead of rejecting a whole batch.

export type JsonObject = Record<string, unknown>

export function obj(v: unknown): JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : {}
}

export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : []
}

/** A string, or a number rendered as one (Meta sends some ids and timestamps either way). */
export function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v
  if (typeof v === 'number' && Number.isFinite(v)) return String(v)
  return undefined
}

export function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v)
  return undefined
}

/**
 * Meta timestamps are Unix seconds in some payloads (WhatsApp, feed) and milliseconds in others
 * (Messenger): a value above 1e12 can only be milliseconds (1e12 seconds is the year 33658).
 */
export function metaTime(v: unknown, fallback: Date = new Date(0)): Date {
  const n = num(v)
  if (n === undefined) return fallback
  return new Date(n > 1e12 ? n : n * 1000)
}

/** The body as JSON; a body that is not JSON is an error worth seeing (dead-letter), not silence. */
export function parseJsonBody(raw: Buffer): JsonObject {
  let parsed: unknown
  try {
    parsed = JSON.parse(raw.toString('utf8'))
  } catch {
    throw new Error('Meta webhook body is not valid JSON')
  }
  return obj(parsed)
}
