// Canned-response placeholders: {nama}, {kode}, {status}, {opd}, {tenggat} (also written {{nama}}).
// Unknown or empty placeholders are left visible so the operator sees what is still to fill.
export const PLACEHOLDERS = ['nama', 'kode', 'status', 'opd', 'tenggat'] as const
export type PlaceholderValues = Partial<Record<(typeof PLACEHOLDERS)[number], string | null | undefined>>

export function fillPlaceholders(template: string, values: PlaceholderValues): string {
  return template.replace(/\{\{?\s*([a-z_]+)\s*\}?\}/gi, (whole, name: string) => {
    const v = (values as Record<string, string | null | undefined>)[name.toLowerCase()]
    return v ? v : whole
  })
}
