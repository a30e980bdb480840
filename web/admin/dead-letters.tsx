// Failed inbound events (pesan gagal diproses): list, inspect, replay: the /admin/pesan-gagal page (not built yet).

export function DeadLettersPage() {
  return <p className="muted">Belum tersedia.</p>
}
