// Canned-response placeholders: {nama}, {kode}, {status}, {opd}, {tenggat}, {tautan} (also written
// {{nama}}; {{nama_pelapor}} and {{nama_opd}} are accepted as the demo templates write them).
// Unknown or empty placeholders are left visible so the operator sees what is still to fill.
export const PLACEHOLDERS = ['nama', 'kode', 'status', 'opd', 'tenggat', 'tautan'] as const
const ALIASES: Record<string, string> = { nama_pelapor: 'nama', nama_opd: 'opd' }
export type PlaceholderValues = Partial<Record<(typeof PLACEHOLDERS)[number], string | null | undefined>>

/** True when the reply box fills this placeholder by itself. */
export function isKnownPlaceholder(name: string): boolean {
  const key = name.toLowerCase()
  return (PLACEHOLDERS as readonly string[]).includes(ALIASES[key] ?? key)
}

export function fillPlaceholders(template: string, values: PlaceholderValues): string {
  return template.replace(/\{\{?\s*([a-z_]+)\s*\}?\}/gi, (whole, name: string) => {
    const key = name.toLowerCase()
    const v = (values as Record<string, string | null | undefined>)[ALIASES[key] ?? key]
    return v ? v : whole
  })
}
