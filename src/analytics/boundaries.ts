// Kecamatan boundaries for the choropleth: an admin imports a GeoJSON FeatureCollection once for
// the tenant; each feature is matched to a kecamatan by its Kemendagri code (11.15.01 or 111501)
// or by its name, and its geometry is stored on the region row (regions.boundary).
import { and, eq, sql } from 'drizzle-orm'
import { geoArea } from 'd3-geo'
import { z } from 'zod'
import type { Db } from '../db/connect.ts'
import { regions } from '../db/schema/index.ts'

const position = z.array(z.number()).min(2).max(3)
const ring = z.array(position).min(4)
export const geometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
])
export type Geometry = z.infer<typeof geometrySchema>

export const featureCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z
    .array(
      z.object({
        type: z.literal('Feature'),
        properties: z.record(z.string(), z.unknown()).nullable().optional(),
        geometry: geometrySchema,
      }),
    )
    .min(1)
    .max(500),
})
export type FeatureCollectionInput = z.infer<typeof featureCollectionSchema>

export interface DistrictRow {
  code: string
  name: string
}

export async function districtsOf(db: Db, tenantId: string): Promise<DistrictRow[]> {
  return db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(and(eq(regions.tenantId, tenantId), eq(regions.level, 'district')))
    .orderBy(regions.name)
}

const normName = (s: string) =>
  s
    .toLowerCase()
    .replace(/^\s*(kecamatan|kec\.?)\s+/, '')
    .replace(/[^a-z0-9]/g, '')

/** 111501, "11.15.01", 11.15.1 -> "11.15.01"; anything else -> null. */
export function normaliseDistrictCode(v: unknown): string | null {
  const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : ''
  let m = /^(\d{2})\.(\d{2})\.(\d{1,2})$/.exec(s)
  if (m) return `${m[1]}.${m[2]}.${m[3]!.padStart(2, '0')}`
  m = /^(\d{2})(\d{2})(\d{2})$/.exec(s)
  return m ? `${m[1]}.${m[2]}.${m[3]}` : null
}

/**
 * d3-geo reads rings on the sphere: a ring wound the RFC 7946 way (counter-clockwise) would mean
 * "the whole globe except this kecamatan". Reverse rings when the area exceeds a hemisphere.
 */
export function rewindForD3(g: Geometry): Geometry {
  if (geoArea({ type: 'Feature', properties: {}, geometry: g }) <= 2 * Math.PI) return g
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map((r) => [...r].reverse()) }
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => [...r].reverse())) }
}

export interface ImportResult {
  matched: { code: string; name: string }[]
  unmatched: { index: number; label: string }[]
}

/** Matches features to the tenant's kecamatan and stores their geometry; returns what matched. */
export async function importBoundaries(db: Db, tenantId: string, fc: FeatureCollectionInput): Promise<ImportResult> {
  const districts = await districtsOf(db, tenantId)
  const byCode = new Map(districts.map((d) => [d.code, d]))
  const byName = new Map(districts.map((d) => [normName(d.name), d]))
  const found = new Map<string, Geometry>()
  const unmatched: ImportResult['unmatched'] = []
  fc.features.forEach((f, index) => {
    const props = f.properties ?? {}
    let hit: DistrictRow | undefined
    for (const v of Object.values(props)) {
      const c = normaliseDistrictCode(v)
      if (c && byCode.has(c)) hit = byCode.get(c)
      if (hit) break
    }
    if (!hit)
      for (const v of Object.values(props)) {
        if (typeof v === 'string' && byName.has(normName(v))) hit = byName.get(normName(v))
        if (hit) break
      }
    if (!hit) {
      const label = Object.values(props).find((v) => typeof v === 'string') as string | undefined
      unmatched.push({ index, label: (label ?? `#${index + 1}`).slice(0, 80) })
      return
    }
    found.set(hit.code, rewindForD3(f.geometry))
  })
  await db.transaction(async (tx) => {
    for (const [code, geometry] of found)
      await tx
        .update(regions)
        .set({ boundary: geometry })
        .where(and(eq(regions.tenantId, tenantId), eq(regions.code, code)))
  })
  return { matched: [...found.keys()].map((code) => ({ code, name: byCode.get(code)!.name })), unmatched }
}

/** The tenant's kecamatan as a FeatureCollection (features without boundary are left out). */
export async function boundariesOf(db: Db, tenantId: string) {
  const rows = await db
    .select({ code: regions.code, name: regions.name, boundary: regions.boundary })
    .from(regions)
    .where(and(eq(regions.tenantId, tenantId), eq(regions.level, 'district'), sql`${regions.boundary} is not null`))
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((r) => ({ type: 'Feature' as const, properties: { code: r.code, name: r.name }, geometry: r.boundary as Geometry })),
  }
}
