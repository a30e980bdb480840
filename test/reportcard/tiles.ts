/** Tile-shaped stand-in kecamatan boundaries (a grid around Nagan Raya), so tests need no map data. */
export function tileBoundaries(districts: { code: string; name: string }[]) {
  const cols = 4
  return {
    type: 'FeatureCollection' as const,
    features: districts.map((d, i) => {
      const x = 96.2 + (i % cols) * 0.12
      const y = 4.4 - Math.floor(i / cols) * 0.1
      const ring = [[x, y], [x, y - 0.095], [x + 0.115, y - 0.095], [x + 0.115, y], [x, y]]
      return { type: 'Feature' as const, properties: { KDCPUM: d.code.replace(/\./g, ''), WADMKC: d.name }, geometry: { type: 'Polygon' as const, coordinates: [ring] } }
    }),
  }
}
