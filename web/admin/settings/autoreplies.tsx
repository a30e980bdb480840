// Auto-replies: acknowledgement and out-of-hours texts per channel (settings tab; not built yet).

export function AutoRepliesSettings() {
  return <p className="muted">Belum tersedia.</p>
}
