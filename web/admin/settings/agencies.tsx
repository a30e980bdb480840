// Agencies (perangkat daerah): create, edit, deactivate, parent units, approval rule (settings tab; not built yet).

export function AgenciesSettings() {
  return <p className="muted">Belum tersedia.</p>
}
