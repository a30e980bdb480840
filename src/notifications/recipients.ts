// Who on staff hears of a report event: the agency's admin of a new disposition, its head of a
// draft to approve, the operators (coordinator) of a returned report, and each step of the
// escalation chain the role it names. The actor is never told of their own act.
import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from '../db/connect.ts'
import { memberships, users } from '../db/schema/index.ts'
import type { ReportEventRecord } from '../reports/hooks.ts'
import type { Role } from '../reports/model.ts'
import type { StaffType } from './texts.ts'

export interface StaffTarget {
  type: StaffType
  role: Role
  /** The agency whose members are told; null: tenant-wide roles (operator, leader). */
  agencyId: string | null
  level?: number
}

const AGENCY_ROLES: Role[] = ['agency_admin', 'agency_head']

/** Pure: the roles (per agency) an event concerns. */
export function staffTargets(e: ReportEventRecord): StaffTarget[] {
  const d = e.data
  switch (e.type) {
    case 'verified_and_dispatched':
    case 'dispositions_added':
      return ((d.dispositions as { agencyId: string }[] | undefined) ?? []).map((x) => ({
        type: 'disposition',
        role: 'agency_admin',
        agencyId: x.agencyId,
      }))
    case 'response_submitted':
      return e.agencyId ? [{ type: 'approval_needed', role: 'agency_head', agencyId: e.agencyId }] : []
    case 'reminded':
      return e.agencyId
        ? [{ type: 'due_soon', role: 'agency_admin', agencyId: e.agencyId }]
        : [{ type: 'due_soon', role: 'operator', agencyId: null }]
    case 'escalated': {
      const role = d.notifyRole as Role
      const level = Number(d.level) || 1
      if (AGENCY_ROLES.includes(role) && !e.agencyId) return [{ type: 'escalated', role: 'operator', agencyId: null, level }]
      return [{ type: 'escalated', role, agencyId: AGENCY_ROLES.includes(role) ? e.agencyId : null, level }]
    }
    case 'disposition_returned':
      return [{ type: 'returned', role: 'operator', agencyId: null }]
    default:
      return []
  }
}

export interface StaffUser {
  id: string
  email: string
  name: string
  phone: string | null
  preferences: Record<string, unknown>
  /** 'id' or 'en': the language of this user's notification texts. */
  locale: string
}

export async function usersFor(tx: Db, tenantId: string, t: StaffTarget): Promise<StaffUser[]> {
  const where = [eq(memberships.tenantId, tenantId), eq(memberships.role, t.role), eq(users.disabled, false)]
  if (t.agencyId) where.push(eq(memberships.agencyId, t.agencyId))
  const rows = await tx
    .selectDistinct({ id: users.id, email: users.email, name: users.name, phone: users.phone, preferences: users.preferences, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(...where))
  return rows
}

export async function usersByIds(tx: Db, ids: string[]): Promise<StaffUser[]> {
  if (ids.length === 0) return []
  return tx
    .select({ id: users.id, email: users.email, name: users.name, phone: users.phone, preferences: users.preferences, locale: users.locale })
    .from(users)
    .where(inArray(users.id, ids))
}
