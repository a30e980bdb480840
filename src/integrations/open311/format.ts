// GeoReport v2 output (pure): JSON as the specification's examples, XML with the declaration and
// its root and item elements (services/service, service_requests/request, errors/error ...),
// date-times in W3C format with the tenant's UTC offset. http://wiki.open311.org/GeoReport_v2
import { XMLBuilder } from 'fast-xml-parser'

export type Format = 'json' | 'xml'

/** A GeoReport error, answered as [{ code, description }] or <errors><error>. */
export class Open311Error extends Error {
  constructor(
    public status: number,
    public description: string,
  ) {
    super(description)
  }
}

const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: false })

type Value = string | number | boolean | null | undefined | Value[] | { [k: string]: Value }

/** XML text is strings: null becomes an empty element, booleans and numbers their text. */
function forXml(v: Value): unknown {
  if (v === null || v === undefined) return ''
  if (Array.isArray(v)) return v.map(forXml)
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, forXml(x)]))
  return String(v)
}

export function renderXml(root: string, body: Record<string, Value>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ [root]: forXml(body) })}`
}

/** A list: JSON is the array itself; XML is <root><item>...</item>...</root>. */
export function renderList(format: Format, root: string, item: string, items: Record<string, Value>[]): string {
  if (format === 'json') return JSON.stringify(items)
  return renderXml(root, { [item]: items })
}

export function renderErrors(format: Format, errors: { code: number; description: string }[]): string {
  return renderList(format, 'errors', 'error', errors)
}

export const CONTENT_TYPE: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
}

const OFFSETS: Record<string, string> = { 'Asia/Jakarta': '+07:00', 'Asia/Makassar': '+08:00', 'Asia/Jayapura': '+09:00' }

/** W3C date-time in the tenant's zone, e.g. 2026-11-23T10:00:00+07:00 (Indonesia has no DST). */
export function w3c(d: Date | null, timeZone: string): string | null {
  if (!d) return null
  const offset = OFFSETS[timeZone] ?? '+00:00'
  const hours = Number(offset.slice(0, 3))
  const local = new Date(d.getTime() + hours * 3_600_000)
  return `${local.toISOString().slice(0, 19)}${offset === '+00:00' ? 'Z' : offset}`
}

/** Parses a W3C date-time from a query (date only means midnight UTC); throws a 400 when invalid. */
export function parseW3c(value: string | undefined, name: string): Date | undefined {
  if (value === undefined || value === '') return undefined
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) {
    throw new Open311Error(400, `${name} must be a W3C date-time such as 2026-11-01T00:00:00+07:00`)
  }
  const d = new Date(value.replace(' ', 'T'))
  if (Number.isNaN(d.getTime())) throw new Open311Error(400, `${name} is not a valid date-time`)
  return d
}
