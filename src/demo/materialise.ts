// Turns the demo scenarios (content.ts) into database rows: every step runs through the pure
// lifecycle decider in global time order, in memory, and the final states and all their events are
// then bulk inserted (no per-command transactions: the seeding must stay fast on PGlite).
import { inArray } from 'drizzle-orm'
import type { Db } from '../db/connect.ts'
import {
  contactIdentities,
  contacts,
  conversations,
  dispositions,
  messages,
  reportEvents,
  reports,
  responses,
  users,
} from '../db/schema/index.ts'
import { reportDeadlines } from '../reports/deadlines.ts'
import {
  decide,
  newReportState,
  type LifecycleSettings,
  type ReportState,
} from '../reports/lifecycle.ts'
import type { Role } from '../reports/model.ts'
import { DEFAULT_SLA_SETTINGS, makeCalendar } from '../reports/sla.ts'
import { generateDemoScenarios } from './content.ts'
import { loadDemoRegions } from './regions.ts'
import { localIds, stepsInTimeOrder, toActor, toCommand, type ReplayIds } from './replay.ts'
import { agencyWithSubUnits } from './simulate.ts'
import { channelIdentity, insertChunked, MESSAGE_CHANNELS, statusChanges, trackingCode } from './materialise-rows.ts'
import { DEMO_TENANT, type setupDemoTenant } from './tenant.ts'

type Setup = Awaited<ReturnType<typeof setupDemoTenant>>

interface DispInfo {
  instruction: string
  createdBy: string | null
  createdAt: Date
  acceptedAt?: Date
  completedAt?: Date
  returnReason?: string
}
interface RespInfo {
  body: string
  authorId: string | null
  createdAt: Date
  approverId?: string
  publishedAt?: Date
  rejectReason?: string
}
interface Life {
  state: ReportState
  title: string | null
  categoryId: string | null
  ratingComment: string | null
  firstResponseAt: Date | null
  updatedAt: Date
  events: (typeof reportEvents.$inferInsert)[]
}

export async function materialiseDemoReports(
  db: Db,
  setup: Setup,
  opts: { now: Date; count?: number },
): Promise<{ reports: number; events: number }> {
  const tenantId = setup.tenantId
  const scenarios = generateDemoScenarios({
    now: opts.now,
    count: opts.count,
    regions: await loadDemoRegions(),
  })

  const emails = setup.logins.map((l) => l.email)
  const userRows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, emails))
  const userIds = new Map(userRows.map((u) => [u.email.toLowerCase(), u.id]))
  const reportIds = new Map(scenarios.map((s) => [s.key, crypto.randomUUID()]))
  const lookup = (what: string, table: Record<string, string> | Map<string, string>, k: string) => {
    const v = table instanceof Map ? table.get(k) : table[k]
    if (!v) throw new Error(`demo materialise: unknown ${what} ${k}`)
    return v
  }
  const ids: ReplayIds = {
    agencyId: (slug) => lookup('agency', setup.agencies, slug),
    categoryId: (slug) => lookup('category', setup.categories, slug),
    reportId: (key) => lookup('scenario', reportIds, key),
    localId: localIds(() => crypto.randomUUID()),
    userId: (email) => lookup('demo login', userIds, email.toLowerCase()),
  }
  const settings: LifecycleSettings = {
    sla: DEFAULT_SLA_SETTINGS,
    calendar: makeCalendar({ timeZone: DEMO_TENANT.timeZone }),
    integrityAgencyIds: agencyWithSubUnits('inspektorat').map((s) => ids.agencyId(s)),
  }

  // 1. Every step through the decider, in global time order (merges need their master's state).
  const lives = new Map<string, Life>()
  for (const s of scenarios) {
    const id = reportIds.get(s.key)!
    lives.set(s.key, {
      state: newReportState({
        id,
        receivedAt: s.receivedAt,
        kind: s.intakeKind,
        flags: { anonymous: s.isAnonymous, confidential: s.isConfidential },
        urgency: s.isEmergency ? s.urgency : null,
      }),
      title: null,
      categoryId: null,
      ratingComment: null,
      firstResponseAt: null,
      updatedAt: s.receivedAt,
      events: [
        {
          tenantId,
          reportId: id,
          type: 'received',
          actorKind: 'reporter',
          fromStatus: null,
          toStatus: 'received',
          data: { channel: s.channel },
          internal: false,
          createdAt: s.receivedAt,
        },
      ],
    })
  }
  const disps = new Map<string, DispInfo & { reportId: string }>()
  const resps = new Map<string, RespInfo>()
  for (const { scenario, step } of stepsInTimeOrder(scenarios)) {
    const life = lives.get(scenario.key)!
    const command = toCommand(scenario, step, ids)
    const actor = toActor(step.actor, ids)
    const r = decide(life.state, command, actor, step.at, settings)
    if (!r.ok) {
      throw new Error(`demo materialise: ${scenario.key} ${step.command} refused (${r.code}): ${r.message.en}`)
    }
    life.state = r.state
    life.updatedAt = step.at
    const userId = actor.kind === 'user' ? actor.userId : null
    const role: Role | null = actor.kind === 'user' ? actor.role : null
    for (const e of r.events) {
      const changed = e.fromStatus !== e.toStatus
      life.events.push({
        tenantId,
        reportId: life.state.id,
        type: e.type,
        fromStatus: changed ? e.fromStatus : null,
        toStatus: changed ? e.toStatus : null,
        data: e.data,
        agencyId: e.agencyId,
        internal: e.internal,
        actorKind: actor.kind,
        actorUserId: userId,
        actorRole: role,
        createdAt: step.at,
      })
      if (e.type === 'response_published') {
        life.firstResponseAt ??= step.at
        const rid = e.data.responseId as string
        const did = e.data.dispositionId as string
        const resp = resps.get(rid)
        if (resp) resp.publishedAt = step.at
        const disp = disps.get(did)
        if (disp) disp.completedAt = step.at
      }
    }
    // What the state does not keep (texts, who and when) for the rows.
    const c = command as Record<string, unknown>
    switch (command.type) {
      case 'verify_and_dispatch':
        life.title = command.title
        life.categoryId = command.categoryId
      // falls through
      case 'add_disposition':
        for (const d of command.dispositions)
          disps.set(d.id, { reportId: life.state.id, instruction: d.instruction, createdBy: userId, createdAt: step.at })
        break
      case 'accept':
        disps.get(command.dispositionId)!.acceptedAt = step.at
        break
      case 'return_not_authority':
        disps.get(command.dispositionId)!.returnReason = command.reason
        break
      case 'draft_response':
        resps.set(command.responseId, { body: command.body, authorId: userId, createdAt: step.at })
        break
      case 'approve_response':
        resps.get(command.responseId)!.approverId = userId ?? undefined
        break
      case 'reject_response':
        resps.get(command.responseId)!.rejectReason = command.reason
        break
      case 'rate':
        life.ratingComment = (c.comment as string | undefined) ?? null
        break
    }
  }

  // 2. Rows.
  const contactRows: (typeof contacts.$inferInsert)[] = []
  const identityRows: (typeof contactIdentities.$inferInsert)[] = []
  const conversationRows: (typeof conversations.$inferInsert)[] = []
  const messageRows: (typeof messages.$inferInsert)[] = []
  const reportRows: (typeof reports.$inferInsert)[] = []
  const dispositionRows: (typeof dispositions.$inferInsert)[] = []
  const responseRows: (typeof responses.$inferInsert)[] = []
  const eventRows: (typeof reportEvents.$inferInsert)[] = []
  const identities = new Map<string, { contactId: string; identityId: string }>()
  const codes = new Set<string>()

  for (const s of scenarios) {
    const life = lives.get(s.key)!
    const st = life.state
    const reportId = st.id

    const external = channelIdentity(s) ?? `demo-${s.key.toLowerCase()}`
    const identityKey = `${s.channel}\u0000${external}`
    let who = identities.get(identityKey)
    if (!who) {
      who = { contactId: crypto.randomUUID(), identityId: crypto.randomUUID() }
      identities.set(identityKey, who)
      contactRows.push({
        tenantId,
        id: who.contactId,
        name: s.reporter.name,
        phone: s.reporter.phone ?? null,
        email: s.reporter.email ?? null,
        createdAt: s.receivedAt,
        updatedAt: s.receivedAt,
      })
      identityRows.push({
        tenantId,
        id: who.identityId,
        contactId: who.contactId,
        channelType: s.channel,
        externalId: external,
        displayName: s.reporter.name ?? s.reporter.handle ?? null,
        createdAt: s.receivedAt,
      })
    }

    let conversationId: string | null = null
    if (MESSAGE_CHANNELS.includes(s.channel)) {
      conversationId = crypto.randomUUID()
      conversationRows.push({
        tenantId,
        id: conversationId,
        channelType: s.channel,
        contactId: who.contactId,
        identityId: who.identityId,
        reportId,
        lastMessageAt: s.receivedAt,
        lastInboundAt: s.receivedAt,
        lastMessagePreview: s.body.slice(0, 140),
        createdAt: s.receivedAt,
      })
      messageRows.push({
        tenantId,
        conversationId,
        reportId,
        direction: 'in',
        body: s.body,
        kind: 'text',
        status: 'received',
        createdAt: s.receivedAt,
      })
    }

    let salt = 0
    let code = trackingCode(s.key, salt)
    while (codes.has(code)) code = trackingCode(s.key, ++salt)
    codes.add(code)

    const deadlines = reportDeadlines(st, settings, opts.now)
    const openPause = st.pauses.find((p) => p.to === null)
    reportRows.push({
      tenantId,
      id: reportId,
      trackingCode: code,
      title: life.title,
      body: s.body,
      kind: st.kind,
      status: st.status,
      categoryId: life.categoryId,
      regionCode: s.regionCode,
      districtCode: s.districtCode,
      locationText: s.locationText,
      contactId: who.contactId,
      channelType: s.channel,
      conversationId,
      isAnonymous: st.flags.anonymous,
      isConfidential: st.flags.confidential,
      isEmergency: s.isEmergency,
      urgency: st.urgency,
      slaTier: st.slaTier,
      masterReportId: st.masterReportId,
      dueAt: deadlines.current?.dueAt ?? null,
      pausedAt: openPause?.from ?? null,
      verifiedAt: st.verifiedAt,
      firstResponseAt: life.firstResponseAt,
      answeredAt: st.answeredAt,
      closedAt: st.closedAt,
      reopenCount: st.reopenCount,
      rating: st.rating,
      ratingComment: life.ratingComment,
      archiveReason: st.archiveReason,
      externalRefs: { demo: s.key },
      createdAt: s.receivedAt,
      updatedAt: life.updatedAt,
    })

    for (const d of st.dispositions) {
      const info = disps.get(d.id)
      if (!info) throw new Error(`demo materialise: ${s.key}: disposition ${d.id} has no dispatch`)
      dispositionRows.push({
        tenantId,
        id: d.id,
        reportId,
        agencyId: d.agencyId,
        status: d.status,
        instruction: info.instruction,
        assignedUserId: d.assignedUserId,
        createdBy: info.createdBy,
        dueAt: deadlines.all.find((x) => x.dispositionId === d.id)?.dueAt ?? null,
        returnReason: info.returnReason ?? null,
        acceptedAt: info.acceptedAt ?? null,
        completedAt: info.completedAt ?? null,
        createdAt: info.createdAt,
        updatedAt: life.updatedAt,
      })
    }
    for (const r of st.responses) {
      const info = resps.get(r.id)
      if (!info) throw new Error(`demo materialise: ${s.key}: response ${r.id} was never drafted`)
      responseRows.push({
        tenantId,
        id: r.id,
        reportId,
        dispositionId: r.dispositionId,
        agencyId: r.agencyId,
        body: info.body,
        status: r.status,
        authorId: info.authorId,
        approverId: info.approverId ?? null,
        rejectReason: info.rejectReason ?? null,
        createdAt: info.createdAt,
        updatedAt: life.updatedAt,
        publishedAt: r.status === 'published' ? (info.publishedAt ?? null) : null,
      })
    }
    eventRows.push(...life.events)
  }

  // 3. Bulk inserts (report_events is append-only: insert only).
  await insertChunked(contactRows, (c) => db.insert(contacts).values(c))
  await insertChunked(identityRows, (c) => db.insert(contactIdentities).values(c))
  await insertChunked(reportRows, (c) => db.insert(reports).values(c), 200)
  await insertChunked(conversationRows, (c) => db.insert(conversations).values(c))
  await insertChunked(messageRows, (c) => db.insert(messages).values(c), 200)
  await insertChunked(dispositionRows, (c) => db.insert(dispositions).values(c))
  await insertChunked(responseRows, (c) => db.insert(responses).values(c), 200)
  await insertChunked(eventRows, (c) => db.insert(reportEvents).values(c))

  return { reports: reportRows.length, events: eventRows.length }
}

export { statusChanges }
