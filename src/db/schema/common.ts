// Column helpers and enums shared by every table. Every tenant-owned table starts with
// tenant_id and includes it in its primary key, so a national deployment can shard by tenant.
import { customType, pgEnum, timestamp, uuid } from 'drizzle-orm/pg-core'
import {
  AGENCY_TYPES,
  CHANNEL_TYPES,
  DISPOSITION_STATUSES,
  REPORT_KINDS,
  REPORT_STATUSES,
  RESPONSE_STATUSES,
  ROLES,
  SLA_TIERS,
  URGENCIES,
} from '../../reports/model.ts'

export const roleEnum = pgEnum('role', ROLES)
export const reportStatusEnum = pgEnum('report_status', REPORT_STATUSES)
export const reportKindEnum = pgEnum('report_kind', REPORT_KINDS)
export const channelTypeEnum = pgEnum('channel_type', CHANNEL_TYPES)
export const dispositionStatusEnum = pgEnum('disposition_status', DISPOSITION_STATUSES)
export const responseStatusEnum = pgEnum('response_status', RESPONSE_STATUSES)
export const urgencyEnum = pgEnum('urgency', URGENCIES)
export const slaTierEnum = pgEnum('sla_tier', SLA_TIERS)
export const agencyTypeEnum = pgEnum('agency_type', AGENCY_TYPES)
export const regionLevelEnum = pgEnum('region_level', ['province', 'regency', 'district', 'village'])

export const tsvector = customType<{ data: string }>({
  dataType() {
    return 'tsvector'
  },
})

export const id = () => uuid('id').defaultRandom().notNull()
export const tenantId = () => uuid('tenant_id').notNull()
export const createdAt = () => timestamp('created_at', { withTimezone: true }).defaultNow().notNull()
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).defaultNow().notNull()
export const ts = (name: string) => timestamp(name, { withTimezone: true })
