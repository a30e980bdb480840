// Linking one person's identities across channels. Intake makes one contact per channel identity
// (a WhatsApp number, a Telegram id, an e-mail address); an operator who sees that two contacts are
// the same person links them: the other contact's identities, conversations and reports move to
// this one, the other is kept as a tombstone (merged_into_id), and the link is audited in
// contact_link_events. Unlinking moves one identity (with its conversations and their reports)
// into a new contact.
//
// Privacy: a contact that has an anonymous report, or one about officials (whistle-blowing, by
// flag or category), is protected: it is never offered by the search and linking it is refused
// (409), because joining it to a named identity would reveal who made that report.
import { and, eq, inArray, isNull, or, sql, type SQLWrapper } from 'drizzle-orm'
import type { AppContext } from '../context.ts'
import type { Db } from '../db/connect.ts'
import { contactIdentities, contactLinkEvents, contacts, conversations, reports } from '../db/schema/index.ts'
import { conflict, invalid, notFound } from '../http/errors.ts'

// Drizzle leaves a single-table select's columns unqualified, which a correlated subquery would
// resolve against its own table: name the outer columns explicitly.
const OWN_TENANT = sql.raw('"contacts"."tenant_id"')
const OWN_ID = sql.raw('"contacts"."id"')

/** SQL: the contact (column expression) has a report whose reporter must stay hidden. */
const protectedSql = (tenantCol: SQLWrapper, contactCol: SQLWrapper) => sql`exists (
  select 1 from reports pr where pr.tenant_id = ${tenantCol} and pr.contact_id = ${contactCol}
    and (pr.is_anonymous
      or exists (select 1 from categories pc where pc.tenant_id = pr.tenant_id and pc.id = pr.category_id and pc.is_whistleblowing)
      or coalesce((select (e.data->'after'->>'whistleblowing')::boolean from report_events e
        where e.tenant_id = pr.tenant_id and e.report_id = pr.id and e.type = 'flags_set' order by e.id desc limit 1), false)))`

async function isProtected(db: Db, tenantId: string, contactId: string): Promise<boolean> {
  const [row] = await db
    .select({ p: sql<boolean>`${protectedSql(sql`${tenantId}::uuid`, sql`${contactId}::uuid`)}` })
    .from(contacts)
    .where(and(eq(contacts.tenantId, tenantId), eq(contacts.id, contactId)))
  return !!row?.p
}

export async function contactView(db: Db, tenantId: string, id: string) {
  const [c] = await db
    .select({ id: contacts.id, name: contacts.name, phone: contacts.phone, email: contacts.email, mergedIntoId: contacts.mergedIntoId, erasedAt: contacts.erasedAt })
    .from(contacts)
    .where(and(eq(contacts.tenantId, tenantId), eq(contacts.id, id)))
  if (!c) return null
  const identities = await db
    .select({ id: contactIdentities.id, channelType: contactIdentities.channelType, externalId: contactIdentities.externalId, displayName: contactIdentities.displayName, createdAt: contactIdentities.createdAt })
    .from(contactIdentities)
    .where(and(eq(contactIdentities.tenantId, tenantId), eq(contactIdentities.contactId, id)))
    .orderBy(contactIdentities.createdAt)
  const [counts] = await db
    .select({
      conversations: sql<number>`(select count(*)::int from conversations cv where cv.tenant_id = ${tenantId}::uuid and cv.contact_id = ${id}::uuid)`,
      reports: sql<number>`(select count(*)::int from reports r where r.tenant_id = ${tenantId}::uuid and r.contact_id = ${id}::uuid)`,
    })
    .from(contacts)
    .where(and(eq(contacts.tenantId, tenantId), eq(contacts.id, id)))
  return {
    ...c,
    protected: await isProtected(db, tenantId, id),
    identities,
    conversations: counts?.conversations ?? 0,
    reports: counts?.reports ?? 0,
  }
}

/** Contacts to link: by name, phone, e-mail or a channel handle; never protected or merged ones. */
export async function searchContacts(db: Db, tenantId: string, q: string) {
  const like = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
  const digits = q.replace(/\D/g, '')
  const rows = await db
    .select({ id: contacts.id, name: contacts.name, phone: contacts.phone, email: contacts.email })
    .from(contacts)
    .where(
      and(
        eq(contacts.tenantId, tenantId),
        isNull(contacts.mergedIntoId),
        isNull(contacts.erasedAt),
        or(
          sql`${contacts.name} ilike ${like}`,
          sql`${contacts.email} ilike ${like}`,
          digits.length >= 4 ? sql`${contacts.phone} like ${`%${digits}%`}` : undefined,
          sql`exists (select 1 from contact_identities ci where ci.tenant_id = ${OWN_TENANT} and ci.contact_id = ${OWN_ID}
            and (ci.external_id ilike ${like} or ci.display_name ilike ${like}))`,
        ),
        sql`not ${protectedSql(OWN_TENANT, OWN_ID)}`,
      ),
    )
    .orderBy(contacts.name)
    .limit(20)
  if (rows.length === 0) return []
  const ids = await db
    .select({ contactId: contactIdentities.contactId, channelType: contactIdentities.channelType, externalId: contactIdentities.externalId, displayName: contactIdentities.displayName })
    .from(contactIdentities)
    .where(and(eq(contactIdentities.tenantId, tenantId), inArray(contactIdentities.contactId, rows.map((r) => r.id))))
  return rows.map((r) => ({ ...r, identities: ids.filter((i) => i.contactId === r.id).map(({ contactId: _c, ...i }) => i) }))
}

const PROTECTED = {
  id: 'Kontak ini terkait laporan anonim atau pengaduan tentang pejabat; menautkannya akan membuka identitas pelapor.',
  en: 'This contact has an anonymous or whistle-blowing report; linking it would reveal the reporter.',
}

async function lockContacts(tx: Db, tenantId: string, ids: string[]) {
  // Always in id order, so two operators linking the same pair cannot deadlock.
  return tx
    .select({ id: contacts.id, name: contacts.name, phone: contacts.phone, email: contacts.email, mergedIntoId: contacts.mergedIntoId, erasedAt: contacts.erasedAt })
    .from(contacts)
    .where(and(eq(contacts.tenantId, tenantId), inArray(contacts.id, [...ids].sort())))
    .orderBy(contacts.id)
    .for('update')
}

/** Merges `otherId` into `id`. Throws notFound / conflict / invalid (problem+json at the route). */
export async function linkContacts(ctx: Pick<AppContext, 'db' | 'clock'>, tenantId: string, id: string, otherId: string, actorUserId: string) {
  if (id === otherId) throw invalid({ id: 'Kontak tidak dapat ditautkan ke dirinya sendiri.', en: 'A contact cannot be linked to itself.' })
  await ctx.db.transaction(async (tx) => {
    const rows = await lockContacts(tx, tenantId, [id, otherId])
    const self = rows.find((r) => r.id === id)
    const other = rows.find((r) => r.id === otherId)
    if (!self || !other) throw notFound()
    if (self.mergedIntoId || other.mergedIntoId || self.erasedAt || other.erasedAt) {
      throw conflict({ id: 'Salah satu kontak sudah digabung atau dihapus.', en: 'One of the contacts was already merged or erased.' })
    }
    if ((await isProtected(tx, tenantId, id)) || (await isProtected(tx, tenantId, otherId))) throw conflict(PROTECTED)
    const moved = await tx
      .update(contactIdentities)
      .set({ contactId: id })
      .where(and(eq(contactIdentities.tenantId, tenantId), eq(contactIdentities.contactId, otherId)))
      .returning({ id: contactIdentities.id })
    const convs = await tx
      .update(conversations)
      .set({ contactId: id })
      .where(and(eq(conversations.tenantId, tenantId), eq(conversations.contactId, otherId)))
      .returning({ id: conversations.id })
    const reps = await tx
      .update(reports)
      .set({ contactId: id })
      .where(and(eq(reports.tenantId, tenantId), eq(reports.contactId, otherId)))
      .returning({ id: reports.id })
    // Keep what this contact lacks; tombstones that pointed at the other now point here.
    await tx
      .update(contacts)
      .set({ name: self.name ?? other.name, phone: self.phone ?? other.phone, email: self.email ?? other.email, updatedAt: ctx.clock.now() })
      .where(and(eq(contacts.tenantId, tenantId), eq(contacts.id, id)))
    await tx
      .update(contacts)
      .set({ mergedIntoId: id, updatedAt: ctx.clock.now() })
      .where(and(eq(contacts.tenantId, tenantId), or(eq(contacts.id, otherId), eq(contacts.mergedIntoId, otherId))))
    await tx.insert(contactLinkEvents).values({
      tenantId,
      action: 'link',
      contactId: id,
      otherContactId: otherId,
      identityIds: moved.map((m) => m.id),
      moved: { identities: moved.length, conversations: convs.length, reports: reps.length },
      actorUserId,
      createdAt: ctx.clock.now(),
    })
  })
}

/** Moves one identity (with its conversations and their reports) into a new contact; returns its id. */
export async function unlinkIdentity(ctx: Pick<AppContext, 'db' | 'clock'>, tenantId: string, id: string, identityId: string, actorUserId: string) {
  return ctx.db.transaction(async (tx) => {
    const [self] = await lockContacts(tx, tenantId, [id])
    if (!self) throw notFound()
    const identities = await tx
      .select({ id: contactIdentities.id, displayName: contactIdentities.displayName, channelType: contactIdentities.channelType, externalId: contactIdentities.externalId })
      .from(contactIdentities)
      .where(and(eq(contactIdentities.tenantId, tenantId), eq(contactIdentities.contactId, id)))
    const identity = identities.find((i) => i.id === identityId)
    if (!identity) throw notFound()
    if (identities.length < 2) {
      throw conflict({ id: 'Ini satu-satunya identitas kontak ini; tidak ada yang perlu dipisahkan.', en: 'This is the contact’s only identity; nothing to unlink.' })
    }
    const [created] = await tx
      .insert(contacts)
      .values({
        tenantId,
        name: identity.displayName,
        phone: identity.channelType === 'whatsapp' || identity.channelType === 'sms' ? identity.externalId : null,
        email: identity.channelType === 'email' ? identity.externalId : null,
      })
      .returning({ id: contacts.id })
    const newId = created!.id
    await tx
      .update(contactIdentities)
      .set({ contactId: newId })
      .where(and(eq(contactIdentities.tenantId, tenantId), eq(contactIdentities.id, identityId)))
    const convs = await tx
      .update(conversations)
      .set({ contactId: newId })
      .where(and(eq(conversations.tenantId, tenantId), eq(conversations.contactId, id), eq(conversations.identityId, identityId)))
      .returning({ id: conversations.id })
    const reps = convs.length
      ? await tx
          .update(reports)
          .set({ contactId: newId })
          .where(and(eq(reports.tenantId, tenantId), eq(reports.contactId, id), inArray(reports.conversationId, convs.map((c) => c.id))))
          .returning({ id: reports.id })
      : []
    await tx.insert(contactLinkEvents).values({
      tenantId,
      action: 'unlink',
      contactId: id,
      otherContactId: newId,
      identityIds: [identityId],
      moved: { identities: 1, conversations: convs.length, reports: reps.length },
      actorUserId,
      createdAt: ctx.clock.now(),
    })
    return newId
  })
}
