// SLA rules (working-day limits) and the tenant's holidays (settings tab; not built yet).

export function SlaSettings() {
  return <p className="muted">Belum tersedia.</p>
}
