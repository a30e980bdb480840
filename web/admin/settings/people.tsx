// People: users, their roles and agencies, invitations, deactivation (settings tab; not built yet).

export function PeopleSettings() {
  return <p className="muted">Belum tersedia.</p>
}
