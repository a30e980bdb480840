// The GeoReport v2 response shapes (http://wiki.open311.org/GeoReport_v2) and FixMyStreet's
// servicerequestupdates, as zod schemas for the JSON format, and the XML structure they imply
// (root element, item element, required child elements) checked after parsing the XML back.
import { XMLParser } from 'fast-xml-parser'
import { expect } from 'vitest'
import { z } from 'zod'

const w3c = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/)
const nullableText = z.string().nullable()

export const Discovery = z.object({
  changeset: w3c,
  contact: z.string(),
  key_service: z.string(),
  endpoints: z
    .array(
      z.object({
        specification: z.literal('http://wiki.open311.org/GeoReport_v2'),
        url: z.url(),
        changeset: w3c,
        type: z.enum(['production', 'test']),
        formats: z.array(z.enum(['text/xml', 'application/json'])).min(1),
      }),
    )
    .min(1),
})

export const Service = z.object({
  service_code: z.string().min(1),
  service_name: z.string().min(1),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string(),
  group: z.string(),
})
export const Services = z.array(Service)

export const ServiceDefinition = z.object({
  service_code: z.string().min(1),
  attributes: z.array(
    z.object({
      variable: z.boolean(),
      code: z.string().min(1),
      datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
      required: z.boolean(),
      datatype_description: nullableText,
      order: z.number().int().positive(),
      description: z.string(),
      values: z.array(z.object({ key: z.string(), name: z.string() })),
    }),
  ),
})

export const PostResponse = z
  .array(
    z.object({
      service_request_id: z.string().min(1),
      service_notice: nullableText,
      account_id: nullableText,
    }),
  )
  .length(1)

export const ServiceRequest = z.object({
  service_request_id: z.string().min(1),
  status: z.enum(['open', 'closed']),
  status_notes: nullableText,
  service_name: z.string(),
  service_code: z.string(),
  description: z.string(),
  agency_responsible: nullableText,
  service_notice: nullableText,
  requested_datetime: w3c,
  updated_datetime: w3c.nullable(),
  expected_datetime: w3c.nullable(),
  address: nullableText,
  address_id: nullableText,
  zipcode: nullableText,
  lat: z.number().min(-90).max(90).nullable(),
  long: z.number().min(-180).max(180).nullable(),
  media_url: nullableText,
})
export const ServiceRequests = z.array(ServiceRequest)

export const Errors = z.array(z.object({ code: z.number().int(), description: z.string().min(1) })).min(1)

export const RequestUpdates = z.array(
  z.object({
    update_id: z.string().min(1),
    service_request_id: z.string().min(1),
    status: z.enum([
      'open', 'closed', 'fixed', 'in_progress', 'action_scheduled', 'investigating', 'duplicate',
      'not_councils_responsibility', 'no_further_action', 'internal_referral', 'reopen',
    ]),
    updated_datetime: w3c,
    description: z.string(),
    media_url: nullableText,
  }),
)

const parser = new XMLParser({ ignoreDeclaration: false, parseTagValue: false, isArray: (_n, path) => ARRAYS.has(String(path)) })
const ARRAYS = new Set([
  'services.service',
  'service_requests.request',
  'errors.error',
  'service_request_updates.request_update',
  'discovery.endpoints.endpoint',
  'discovery.endpoints.endpoint.formats.format',
  'service_definition.attributes.attribute',
  'service_definition.attributes.attribute.values.value',
])

/**
 * Parses XML back and checks its structure: the UTF-8 declaration, the one root element, and for
 * lists every item carrying exactly the required child elements. Returns the items (or the root).
 */
export function parseXml(xml: string, root: string, item?: string, fields?: readonly string[]): Record<string, unknown>[] {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true)
  const doc = parser.parse(xml) as Record<string, unknown>
  const roots = Object.keys(doc).filter((k) => k !== '?xml')
  expect(roots).toEqual([root])
  if (!item) return [doc[root] as Record<string, unknown>]
  const body = doc[root]
  const items = body === '' ? [] : ((body as Record<string, unknown>)[item] as Record<string, unknown>[])
  expect(Array.isArray(items)).toBe(true)
  for (const it of items) if (fields) expect(Object.keys(it).sort()).toEqual([...fields].sort())
  return items
}

export const keysOf = (s: z.ZodObject) => Object.keys(s.shape)
