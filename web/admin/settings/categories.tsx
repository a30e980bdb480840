// Categories, their SLA tier, keywords and default agencies (settings tab; not built yet).

export function CategoriesSettings() {
  return <p className="muted">Belum tersedia.</p>
}
