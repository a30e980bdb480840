// Explicit allow-lists of what the API returns about accounts: never a database row.
import type { Principal } from '../accounts/users.ts'

export function presentPrincipal(p: Principal) {
  return {
    user: { id: p.user.id, email: p.user.email, name: p.user.name, locale: p.user.locale },
    tenantId: p.tenantId,
    roles: [...p.roles],
    agencyIds: p.agencyIds,
    memberships: p.memberships.map((m) => ({
      id: m.id,
      tenantId: m.tenantId,
      role: m.role,
      agencyId: m.agencyId,
      agencyName: m.agencyName,
    })),
  }
}
