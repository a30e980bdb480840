// The report and everything that happens to it. report_events is append-only (a trigger in
// the migrations refuses UPDATE and DELETE): the timeline, audit log and SLA clock derive from it.
import { sql } from 'drizzle-orm'
import {
  bigserial,
  boolean,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import {
  channelTypeEnum,
  createdAt,
  dispositionStatusEnum,
  id,
  reportKindEnum,
  reportStatusEnum,
  responseStatusEnum,
  roleEnum,
  slaTierEnum,
  tenantId,
  ts,
  tsvector,
  updatedAt,
  urgencyEnum,
} from './common.ts'
import { tenants } from './tenancy.ts'

export const reports = pgTable(
  'reports',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    id: id(),
    trackingCode: text('tracking_code').notNull(),
    title: text('title'),
    body: text('body').notNull(),
    kind: reportKindEnum('kind').default('pengaduan').notNull(),
    status: reportStatusEnum('status').default('received').notNull(),
    categoryId: uuid('category_id'),
    regionCode: text('region_code'),
    /** Kecamatan code derived from regionCode, for fast grouping on the dashboard. */
    districtCode: text('district_code'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    locationText: text('location_text'),
    contactId: uuid('contact_id'),
    channelType: channelTypeEnum('channel_type').notNull(),
    channelAccountId: uuid('channel_account_id'),
    conversationId: uuid('conversation_id'),
    isAnonymous: boolean('is_anonymous').default(false).notNull(),
    isConfidential: boolean('is_confidential').default(false).notNull(),
    isEmergency: boolean('is_emergency').default(false).notNull(),
    urgency: urgencyEnum('urgency'),
    slaTier: slaTierEnum('sla_tier'),
    masterReportId: uuid('master_report_id'),
    splitFromId: uuid('split_from_id'),
    /** The deadline of the current stage (verification, or the agencies' follow-up). */
    dueAt: ts('due_at'),
    /** While tunda (waiting for the reporter) the clock is paused from this instant. */
    pausedAt: ts('paused_at'),
    verifiedAt: ts('verified_at'),
    firstResponseAt: ts('first_response_at'),
    answeredAt: ts('answered_at'),
    closedAt: ts('closed_at'),
    reopenCount: integer('reopen_count').default(0).notNull(),
    rating: integer('rating'),
    ratingComment: text('rating_comment'),
    archiveReason: text('archive_reason'),
    /** sha256 of the private tracking link's secret. */
    accessTokenHash: text('access_token_hash'),
    /** Ids in other systems: { lapor: '...', emergency112: '...' }. */
    externalRefs: jsonb('external_refs').$type<Record<string, string>>().default({}).notNull(),
    triage: jsonb('triage').$type<Record<string, unknown>>().default({}).notNull(),
    lastEscalationLevel: integer('last_escalation_level').default(0).notNull(),
    search: tsvector('search').generatedAlwaysAs(
      sql`to_tsvector('indonesian', coalesce(title, '') || ' ' || coalesce(body, '') || ' ' || coalesce(location_text, ''))`,
    ),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('reports_tracking_idx').on(t.trackingCode),
    index('reports_recent_idx').on(t.tenantId, t.createdAt, t.id),
    index('reports_status_idx').on(t.tenantId, t.status, t.createdAt),
    index('reports_category_idx').on(t.tenantId, t.categoryId, t.createdAt),
    // 0024: no reports_district_idx (reports_dashboard_district_idx has its key); partial below
    index('reports_region_idx').on(t.tenantId, t.regionCode).where(sql`${t.regionCode} is not null`),
    index('reports_due_idx').on(t.tenantId, t.dueAt).where(sql`${t.dueAt} is not null`),
    index('reports_contact_idx').on(t.tenantId, t.contactId),
    index('reports_master_idx').on(t.tenantId, t.masterReportId).where(sql`${t.masterReportId} is not null`),
    index('reports_search_idx').using('gin', t.search),
  ],
)

export const reportEvents = pgTable(
  'report_events',
  {
    tenantId: tenantId(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    reportId: uuid('report_id').notNull(),
    type: text('type').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorRole: roleEnum('actor_role'),
    /** user | reporter | system | integration */
    actorKind: text('actor_kind').notNull(),
    agencyId: uuid('agency_id'),
    fromStatus: reportStatusEnum('from_status'),
    toStatus: reportStatusEnum('to_status'),
    data: jsonb('data').$type<Record<string, unknown>>().default({}).notNull(),
    /** Internal events (notes, reminders) never reach the reporter or the public. */
    internal: boolean('internal').default(false).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('report_events_report_idx').on(t.tenantId, t.reportId, t.id),
    index('report_events_type_idx').on(t.tenantId, t.type, t.createdAt),
    foreignKey({ columns: [t.tenantId, t.reportId], foreignColumns: [reports.tenantId, reports.id] }),
  ],
)

export const dispositions = pgTable(
  'dispositions',
  {
    tenantId: tenantId(),
    id: id(),
    reportId: uuid('report_id').notNull(),
    agencyId: uuid('agency_id').notNull(),
    status: dispositionStatusEnum('status').default('pending').notNull(),
    instruction: text('instruction'),
    assignedUserId: uuid('assigned_user_id'),
    createdBy: uuid('created_by'),
    dueAt: ts('due_at'),
    returnReason: text('return_reason'),
    acceptedAt: ts('accepted_at'),
    completedAt: ts('completed_at'),
    /** The report's created_at, set by a trigger (migration 0006): the dashboard's scoreboard range-scans it. */
    reportCreatedAt: ts('report_created_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('dispositions_report_idx').on(t.tenantId, t.reportId),
    index('dispositions_agency_idx').on(t.tenantId, t.agencyId, t.status, t.dueAt),
    foreignKey({ columns: [t.tenantId, t.reportId], foreignColumns: [reports.tenantId, reports.id] }).onDelete('cascade'),
  ],
)

/** The agency's follow-up (tindak lanjut): drafted, approved by the head where required, published. */
export const responses = pgTable(
  'responses',
  {
    tenantId: tenantId(),
    id: id(),
    reportId: uuid('report_id').notNull(),
    dispositionId: uuid('disposition_id'),
    agencyId: uuid('agency_id'),
    body: text('body').notNull(),
    status: responseStatusEnum('status').default('draft').notNull(),
    authorId: uuid('author_id'),
    approverId: uuid('approver_id'),
    rejectReason: text('reject_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    publishedAt: ts('published_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('responses_report_idx').on(t.tenantId, t.reportId),
    index('responses_agency_status_idx').on(t.tenantId, t.agencyId, t.status),
    foreignKey({ columns: [t.tenantId, t.reportId], foreignColumns: [reports.tenantId, reports.id] }).onDelete('cascade'),
  ],
)

/**
 * The dashboard rollup (migration 0009, src/analytics/rollup.ts): report counts per tenant x
 * grouping set (gset bits: 16 channel, 8 kind, 4 status, 2 category, 1 kecamatan; dimensions
 * outside the set are null) x grain ('day' or 'month') x tenant-local day. Written only by
 * report_daily_stats_compact(), which folds reportStatsDelta in.
 */
export const reportDailyStats = pgTable(
  'report_daily_stats',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    gset: smallint('gset').notNull(),
    grain: text('grain').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    channelType: text('channel_type'),
    kind: text('kind'),
    status: text('status'),
    categoryId: uuid('category_id'),
    districtCode: text('district_code'),
    received: integer('received').notNull(),
    verified: integer('verified').notNull(),
    answered: integer('answered').notNull(),
    emergency: integer('emergency').notNull(),
  },
  (t) => [
    // NULLS NOT DISTINCT and INCLUDE (received, verified, answered, emergency) in the migration.
    uniqueIndex('report_daily_stats_key').on(t.tenantId, t.gset, t.grain, t.day, t.channelType, t.kind, t.status, t.categoryId, t.districtCode),
  ],
)

/** Signed report count changes (+1 new values, -1 old) appended by a trigger on reports; folded into reportDailyStats. */
export const reportStatsDelta = pgTable(
  'report_stats_delta',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    channelType: text('channel_type').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    categoryId: uuid('category_id'),
    districtCode: text('district_code'),
    received: integer('received').notNull(),
    verified: integer('verified').notNull(),
    answered: integer('answered').notNull(),
    emergency: integer('emergency').notNull(),
  },
  (t) => [index('report_stats_delta_day_idx').on(t.tenantId, t.day)],
)

/**
 * The scoreboard rollup (migration 0013, src/analytics/scoreboard.ts): per tenant x grain ('day'
 * or 'month') x tenant-local day of the report's creation x agency, the live (not cancelled)
 * dispositions, answered, answered on time, returned, and `reports` (report x agency pairs with a
 * live disposition). Written only by disposition_stats_compact(), which folds dispositionStatsDelta in.
 */
export const dispositionDailyStats = pgTable(
  'disposition_daily_stats',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    grain: text('grain').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    agencyId: uuid('agency_id').notNull(),
    reports: integer('reports').notNull(),
    dispositions: integer('dispositions').notNull(),
    answered: integer('answered').notNull(),
    onTime: integer('on_time').notNull(),
    returned: integer('returned').notNull(),
  },
  // INCLUDE (reports, dispositions, answered, on_time, returned) in the migration.
  (t) => [uniqueIndex('disposition_daily_stats_key').on(t.tenantId, t.grain, t.day, t.agencyId)],
)

/** Signed scoreboard count changes appended by statement triggers on dispositions; folded into dispositionDailyStats. */
export const dispositionStatsDelta = pgTable(
  'disposition_stats_delta',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    agencyId: uuid('agency_id').notNull(),
    reports: integer('reports').notNull(),
    dispositions: integer('dispositions').notNull(),
    answered: integer('answered').notNull(),
    onTime: integer('on_time').notNull(),
    returned: integer('returned').notNull(),
  },
  (t) => [index('disposition_stats_delta_day_idx').on(t.tenantId, t.day)],
)
