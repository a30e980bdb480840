// SP4N-LAPOR! and 112 bridge settings and their sync logs (settings tab; not built yet).

export function BridgesSettings() {
  return <p className="muted">Belum tersedia.</p>
}
