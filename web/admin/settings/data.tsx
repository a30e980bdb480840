// Data and privacy: JSON-lines export/import, reporters' personal-data (UU PDP) requests (settings tab; not built yet).
import type { SessionInfo } from '../api.ts'
export function DataSettings(_props: { session: SessionInfo }) {
  return <p className="muted">Belum tersedia.</p>
}
