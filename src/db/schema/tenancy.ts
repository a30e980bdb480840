// Tenants (a Pemda), their regions, agencies (OPD/SKPK as a tree), categories, holidays.
import { sql } from 'drizzle-orm'
import {
  boolean,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { agencyTypeEnum, createdAt, id, regionLevelEnum, slaTierEnum, tenantId, updatedAt } from './common.ts'

export const tenants = pgTable('tenants', {
  id: id().primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  /** kabupaten | kota | provinsi */
  kind: text('kind').notNull(),
  /** Kemendagri code of the Pemda's own region, e.g. 11.15 for Kabupaten Nagan Raya. */
  regionCode: text('region_code').notNull(),
  timeZone: text('time_zone').notNull(),
  /** Short prefix of tracking codes, e.g. NGR. */
  codePrefix: text('code_prefix').notNull(),
  /** SLA settings, closure and reopen windows, public portal options (validated by the app). */
  settings: jsonb('settings').$type<Record<string, unknown>>().default({}).notNull(),
  createdAt: createdAt(),
})

export const regions = pgTable(
  'regions',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    parentCode: text('parent_code'),
    level: regionLevelEnum('level').notNull(),
    name: text('name').notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    /** Boundary imported once by an admin (GeoJSON geometry), for the choropleth. */
    boundary: jsonb('boundary'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.code] }),
    index('regions_parent_idx').on(t.tenantId, t.parentCode),
  ],
)

export const agencies = pgTable(
  'agencies',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    id: id(),
    parentId: uuid('parent_id'),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    type: agencyTypeEnum('type').notNull(),
    /** Answers drafted by the agency admin need the head's approval before publication. */
    requiresApproval: boolean('requires_approval').default(true).notNull(),
    isCoordinator: boolean('is_coordinator').default(false).notNull(),
    regionCode: text('region_code'),
    keywords: text('keywords').array().default(sql`'{}'::text[]`).notNull(),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    active: boolean('active').default(true).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('agencies_slug_idx').on(t.tenantId, t.slug),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
  ],
)

export const categories = pgTable(
  'categories',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    id: id(),
    parentId: uuid('parent_id'),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    slaTier: slaTierEnum('sla_tier').default('normatif').notNull(),
    keywords: text('keywords').array().default(sql`'{}'::text[]`).notNull(),
    /** Reports about officials (pungli, maladministrasi) go only to the Inspektorat path. */
    isWhistleblowing: boolean('is_whistleblowing').default(false).notNull(),
    active: boolean('active').default(true).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('categories_slug_idx').on(t.tenantId, t.slug),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
  ],
)

/** Default agencies of a category, in order of preference (the first is suggested first). */
export const categoryAgencies = pgTable(
  'category_agencies',
  {
    tenantId: tenantId(),
    categoryId: uuid('category_id').notNull(),
    agencyId: uuid('agency_id').notNull(),
    position: integer('position').default(0).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.categoryId, t.agencyId] }),
    foreignKey({ columns: [t.tenantId, t.categoryId], foreignColumns: [categories.tenantId, categories.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.tenantId, t.agencyId], foreignColumns: [agencies.tenantId, agencies.id] }).onDelete(
      'cascade',
    ),
  ],
)

/** Non-working days of a tenant: national holidays and cuti bersama (seeded), and its own days. */
export const holidays = pgTable(
  'holidays',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    date: date('date').notNull(),
    name: text('name').notNull(),
    /** national | cuti_bersama | local */
    kind: text('kind').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.date] })],
)
