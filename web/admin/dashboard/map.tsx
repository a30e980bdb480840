// Reports by kecamatan: a choropleth (d3-geo into SVG) when the tenant's boundaries are imported,
// else a table with bars. Either way a kecamatan can be picked as the filter.
import { geoMercator, geoPath } from 'd3-geo'
import { useMemo } from 'react'
import { fmtNum, type Boundaries } from './data.ts'
import { tr } from '../i18n.ts'

export interface DistrictCount {
  code: string
  name: string
  count: number
}

const SHADES = ['#eef3f9', '#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c']

/** Class breaks: 0 alone, then up to five classes of equal size over the non-zero counts. */
function classes(counts: number[]) {
  const nz = counts.filter((c) => c > 0).sort((a, b) => a - b)
  if (nz.length === 0) return [] as number[]
  const breaks: number[] = []
  for (let i = 1; i <= 5; i++) breaks.push(nz[Math.min(nz.length - 1, Math.ceil((i / 5) * nz.length) - 1)]!)
  return [...new Set(breaks)]
}
const shadeOf = (n: number, breaks: number[]) => (n <= 0 ? SHADES[0]! : SHADES[Math.min(5, breaks.findIndex((b) => n <= b) + 1)]!)

export function DistrictMap({
  boundaries,
  rows,
  selected,
  onPick,
}: {
  boundaries: Boundaries | null
  rows: DistrictCount[]
  selected: string
  onPick: (code: string) => void
}) {
  const byCode = useMemo(() => new Map(rows.map((r) => [r.code, r])), [rows])
  const breaks = classes(rows.map((r) => r.count))
  const W = 640
  const H = 440
  const paths = useMemo(() => {
    if (!boundaries || boundaries.features.length === 0) return null
    const projection = geoMercator().fitExtent(
      [
        [8, 8],
        [W - 8, H - 8],
      ],
      boundaries as unknown as GeoJSON.FeatureCollection,
    )
    const path = geoPath(projection)
    return boundaries.features.map((f) => ({
      code: f.properties.code,
      name: f.properties.name,
      d: path(f as unknown as GeoJSON.Feature) ?? '',
      centroid: path.centroid(f as unknown as GeoJSON.Feature),
    }))
  }, [boundaries])

  const max = Math.max(1, ...rows.map((r) => r.count))
  const table = (
    <table className="dash-table dash-district-table">
      <caption className="sr-only">{tr('Laporan per kecamatan', 'Reports per district')}</caption>
      <thead>
        <tr>
          <th scope="col">{tr('Kecamatan', 'District')}</th>
          <th scope="col" className="num">
            {tr('Laporan', 'Reports')}
          </th>
          <th scope="col" className="bar-col">
            <span className="sr-only">{tr('Perbandingan', 'Comparison')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {[...rows]
          .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
          .map((r) => (
            <tr key={r.code} className={r.code === selected ? 'selected' : undefined}>
              <th scope="row">
                <button type="button" className="linkish" onClick={() => onPick(r.code)} aria-pressed={r.code === selected}>
                  {r.name}
                </button>
              </th>
              <td className="num">{fmtNum(r.count)}</td>
              <td className="bar-col" aria-hidden="true">
                <span className="inline-bar" style={{ width: `${(r.count / max) * 100}%` }} />
              </td>
            </tr>
          ))}
      </tbody>
    </table>
  )

  if (!paths)
    return (
      <div>
        <p className="muted dash-note">
          {tr('Peta belum tersedia karena batas wilayah kecamatan belum diimpor. Angka per kecamatan ditampilkan sebagai tabel.', 'No map yet: the district boundaries have not been imported. The figures per district are shown as a table.')}
        </p>
        <div className="dash-scroll">{table}</div>
      </div>
    )
  return (
    <div className="dash-map-wrap">
      <svg viewBox={`0 0 ${W} ${H}`} className="dash-map" role="group" aria-label={tr('Peta jumlah laporan per kecamatan', 'Map of reports per district')}>
        {paths.map((p) => {
          const n = byCode.get(p.code)?.count ?? 0
          const name = byCode.get(p.code)?.name ?? p.name
          return (
            <path
              key={p.code}
              d={p.d}
              fill={shadeOf(n, breaks)}
              stroke={p.code === selected ? '#f6b73c' : '#ffffff'}
              strokeWidth={p.code === selected ? 3 : 1}
              tabIndex={0}
              role="button"
              aria-label={tr(`${name}: ${fmtNum(n)} laporan`, `${name}: ${fmtNum(n)} reports`)}
              aria-pressed={p.code === selected}
              onClick={() => onPick(p.code)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault()
                  onPick(p.code)
                }
              }}
            >
              <title>{tr(`${name}: ${fmtNum(n)} laporan`, `${name}: ${fmtNum(n)} reports`)}</title>
            </path>
          )
        })}
        {paths.map((p) =>
          Number.isFinite(p.centroid[0]) ? (
            <text key={`l-${p.code}`} x={p.centroid[0]} y={p.centroid[1]} className="dash-map-label" aria-hidden="true">
              {byCode.get(p.code)?.name ?? p.name}
            </text>
          ) : null,
        )}
      </svg>
      <div className="dash-legend" aria-hidden="true">
        <span>
          <i style={{ background: SHADES[0] }} />0
        </span>
        {breaks.map((b, i) => (
          <span key={b}>
            <i style={{ background: SHADES[i + 1] }} />≤ {fmtNum(b)}
          </span>
        ))}
      </div>
      <details className="dash-details">
        <summary>{tr('Tabel per kecamatan', 'Table per district')}</summary>
        {table}
      </details>
    </div>
  )
}
