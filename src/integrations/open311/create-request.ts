// POST requests: a civic app submits a citizen's report with an api_key. The api_key is an aduan
// API token (POST /api/auth/tokens) of a user who may enter reports in that tenant (operator or
// super_admin, as for operator entry). The report opens through openReport() with channel 'api'
// and the reporter as actor; the 'received' event records source 'open311' and the token's id,
// never the reporter's details (those go to a contact that only staff allowed by privacy.ts see).
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { loadApiToken } from '../../accounts/sessions.ts'
import { buildPrincipal } from '../../accounts/users.ts'
import type { Db } from '../../db/connect.ts'
import { contacts, regions } from '../../db/schema/index.ts'
import { openReport } from '../../reports/open.ts'
import type { SlaSettings } from '../../reports/sla.ts'
import { loadSettings } from '../../reports/store.ts'
import { findService, PRIVACY_CHOICES, SUBMITTABLE_KINDS } from './services.ts'
import { Open311Error } from './format.ts'
import { jurisdictionById, resolveJurisdiction, type Jurisdiction } from './jurisdiction.ts'

const opt = <T extends z.ZodType>(s: T) => z.preprocess((v) => (v === '' ? undefined : v), s.optional())
const num = (min: number, max: number) =>
  z.preprocess((v) => (v === '' || v === undefined ? undefined : Number(v)), z.number().min(min).max(max).optional())

export const PostRequestSchema = z.object({
  jurisdiction_id: opt(z.string().max(100)),
  api_key: z.string({ error: 'api_key is required' }).min(1, 'api_key is required').max(200),
  service_code: z.string({ error: 'service_code is required' }).min(1, 'service_code is required').max(100),
  lat: num(-90, 90),
  long: num(-180, 180),
  address_string: opt(z.string().max(500)),
  address_id: opt(z.string().max(100)),
  email: opt(z.email().max(200)),
  device_id: opt(z.string().max(200)),
  account_id: opt(z.string().max(200)),
  first_name: opt(z.string().max(100)),
  last_name: opt(z.string().max(100)),
  phone: opt(z.string().regex(/^\+?[\d\s().-]{6,20}$/, 'phone is not a phone number')),
  description: z.string({ error: 'description is required' }).trim().min(3, 'description is required (3 characters or more)').max(20_000),
  media_url: opt(z.url().max(2000)),
  'attribute[kind]': opt(z.enum(SUBMITTABLE_KINDS as unknown as [string, ...string[]])),
  'attribute[privacy]': opt(z.enum(Object.keys(PRIVACY_CHOICES) as [string, ...string[]])),
  'attribute[region_code]': opt(z.string().regex(/^\d{2}(\.\d{2})(\.\d{2})?(\.\d{4})?$/, 'attribute[region_code] is not a region code')),
})
export type PostRequest = z.output<typeof PostRequestSchema>

/** Form bodies carry flat `attribute[code]` keys; JSON clients may send `attribute: { code }`. */
function flattenAttributes(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body ?? {}
  const { attribute, ...rest } = body as Record<string, unknown>
  if (!attribute || typeof attribute !== 'object') return body
  return { ...rest, ...Object.fromEntries(Object.entries(attribute).map(([k, v]) => [`attribute[${k}]`, v])) }
}

export function parsePostRequest(body: unknown): PostRequest {
  const r = PostRequestSchema.safeParse(flattenAttributes(body))
  if (!r.success) {
    const issue = r.error.issues[0]!
    const field = issue.path.join('.')
    const message = issue.message.includes(field) ? issue.message : `${field}: ${issue.message}`
    throw new Open311Error(400, message)
  }
  return r.data
}

/** The tenant the api_key belongs to, if it may submit there. */
async function authorise(db: Db, req: PostRequest): Promise<{ j: Jurisdiction; tokenId: string }> {
  const row = await loadApiToken(db, req.api_key)
  if (!row) throw new Open311Error(403, 'api_key is invalid or revoked')
  const j = req.jurisdiction_id ? await resolveJurisdiction(db, req.jurisdiction_id) : await jurisdictionById(db, row.token.tenantId)
  if (row.token.tenantId !== j.id) throw new Open311Error(403, 'api_key is not valid for this jurisdiction_id')
  const p = await buildPrincipal(db, row.user, j.id, 'token')
  if (!p || !(p.roles.has('operator') || p.roles.has('super_admin'))) {
    throw new Open311Error(403, 'api_key does not belong to a user allowed to submit reports (operator or super_admin)')
  }
  return { j, tokenId: row.token.id }
}

/**
 * What the client tells the citizen: the tenant's own limits (SLA settings, LAPOR! defaults), the
 * operator's verification and the agency's follow-up for the service's category tier. Urgency
 * (clock hours) is set only at verification, so it is not promised here.
 */
export function serviceNotice(code: string, sla: SlaSettings, tier: keyof SlaSettings['tierWorkingDays'] | null): string {
  const verify = sla.verifyWorkingDays
  const followUp = tier ? sla.tierWorkingDays[tier] : sla.followUpWorkingDays
  return (
    `Laporan diterima dengan kode ${code}; akan diverifikasi dalam ${verify} hari kerja dan ditindaklanjuti OPD dalam ${followUp} hari kerja setelah disposisi. ` +
    `(Received; verified within ${verify} working days, agency follow-up within ${followUp} working days of dispatch.)`
  )
}

export async function createRequest(db: Db, req: PostRequest, now: Date) {
  const { j, tokenId } = await authorise(db, req)
  const service = await findService(db, j.id, req.service_code)
  if (!service) throw new Open311Error(400, `service_code ${req.service_code.slice(0, 60)} not found`)
  const regionCode = req['attribute[region_code]']
  if ((req.lat === undefined) !== (req.long === undefined)) throw new Open311Error(400, 'lat and long must be given together')
  if (req.lat === undefined && !req.address_string && !req.address_id && !regionCode) {
    throw new Open311Error(400, 'a location is required: lat and long, address_string, address_id or attribute[region_code]')
  }
  const privacy = req['attribute[privacy]'] ?? 'publik'
  return db.transaction(async (t) => {
    const tx = t as unknown as Db
    if (regionCode) {
      const [r] = await tx.select({ code: regions.code }).from(regions).where(and(eq(regions.tenantId, j.id), eq(regions.code, regionCode)))
      if (!r) throw new Open311Error(400, `attribute[region_code] ${regionCode} is not a region of this jurisdiction`)
    }
    const name = [req.first_name, req.last_name].filter(Boolean).join(' ').trim() || null
    let contactId: string | null = null
    if (name || req.email || req.phone) {
      const [c] = await tx
        .insert(contacts)
        .values({ tenantId: j.id, name, email: req.email ?? null, phone: req.phone?.replace(/[^\d+]/g, '') ?? null, createdAt: now, updatedAt: now })
        .returning({ id: contacts.id })
      contactId = c!.id
    }
    const opened = await openReport(tx, {
      tenantId: j.id,
      body: req.description,
      kind: (req['attribute[kind]'] as (typeof SUBMITTABLE_KINDS)[number] | undefined) ?? 'pengaduan',
      categoryId: service.id,
      regionCode: regionCode ?? null,
      locationText: req.address_string ?? (req.address_id ? `address_id ${req.address_id}` : null),
      latitude: req.lat ?? null,
      longitude: req.long ?? null,
      contactId,
      channelType: 'api',
      flags: { anonymous: privacy === 'anonim', confidential: privacy === 'rahasia', emergency: req['attribute[kind]'] === 'kedaruratan' },
      actor: { kind: 'reporter' },
      eventData: { source: 'open311', apiTokenId: tokenId, serviceCode: service.slug, ...(req.media_url ? { mediaUrl: req.media_url } : {}) },
      now,
    })
    return {
      service_request_id: opened.trackingCode,
      service_notice: serviceNotice(opened.trackingCode, (await loadSettings(tx, j.id)).sla, service.slaTier),
      account_id: null,
    }
  })
}
