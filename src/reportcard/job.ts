// The scheduled report card: from the 1st of each month (tenant time zone; catching up during the
// first week if the server was down), last month's tenant card is generated and e-mailed, PDF
// attached, to the tenant's leaders (roles `leader` and `super_admin`) through the outbox and the
// tenant's e-mail channel account, the same path staff notifications take. A row in
// report_card_runs, inserted in the same transaction as the messages, makes it once per month.
import { and, eq, inArray } from 'drizzle-orm'
import type { AppContext } from '../context.ts'
import { memberships, reportCardRuns, tenants, users } from '../db/schema/index.ts'
import { localDay } from '../analytics/period.ts'
import { queueMessage } from '../delivery/outbox.ts'
import { accountOf } from '../notifications/channels.ts'
import type { Role } from '../reports/model.ts'
import { assembleCard, type CardData } from './data.ts'
import { channelLabel } from './labels.ts'
import { fmtHours, fmtNum, fmtPct, monthLabel, monthOf, previousMonth } from './month.ts'
import { renderPdf } from './pdf.ts'
import { fileStem, titlesOf } from './sections.ts'

export const REPORT_CARD_QUEUE = 'report-card'
/** Who receives the monthly card by e-mail. */
export const RECIPIENT_ROLES: Role[] = ['leader', 'super_admin']
/** The card goes out on the 1st; up to this local day a missed send is caught up. */
export const CATCH_UP_DAYS = 7

export async function leadersOf(ctx: AppContext, tenantId: string) {
  return ctx.db
    .selectDistinct({ id: users.id, email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, tenantId), inArray(memberships.role, RECIPIENT_ROLES), eq(users.disabled, false)))
    .orderBy(users.email)
}

export function mailText(card: CardData, link: string): string {
  const c = card.current
  return [
    `Yth. Pimpinan ${card.tenant.name},`,
    '',
    `terlampir rapor pengaduan masyarakat bulan ${monthLabel(c.month)} (PDF).`,
    '',
    `- Laporan diterima: ${fmtNum(c.summary.received)} (${monthLabel(card.previous.month)}: ${fmtNum(card.previous.summary.received)})`,
    `- Terverifikasi: ${fmtNum(c.summary.verified)}`,
    `- Dijawab: ${fmtNum(c.summary.answered)}`,
    `- Kepatuhan SLA: ${fmtPct(c.slaCompliance)}`,
    `- Median respons pertama: ${fmtHours(c.summary.medianFirstResponseHours)}; penyelesaian: ${fmtHours(c.summary.medianCompletionHours)}`,
    `- Kepuasan pelapor: ${c.satisfaction.average === null ? '-' : fmtNum(c.satisfaction.average, 1)} dari 5 (${fmtNum(c.satisfaction.rated)} penilaian)`,
    `- Disposisi lewat tenggat: ${fmtNum(card.overdue.total)}`,
    '',
    `Rapor per OPD (PDF dan XLSX) dapat diunduh di dasbor: ${link}`,
    '',
    'Pesan ini dikirim otomatis oleh aduan.',
  ].join('\n')
}

export interface RunResult {
  tenantId: string
  month: string
  recipients: number
}

/** One tenant: generate and queue last month's card unless already sent; null when nothing was done. */
export async function sendMonthlyCard(ctx: AppContext, tenant: { id: string; timeZone: string }, now: Date): Promise<RunResult | null> {
  const day = Number(localDay(now, tenant.timeZone).slice(8, 10))
  if (day > CATCH_UP_DAYS) return null
  const month = previousMonth(monthOf(now, tenant.timeZone))
  const [done] = await ctx.db
    .select({ m: reportCardRuns.month })
    .from(reportCardRuns)
    .where(and(eq(reportCardRuns.tenantId, tenant.id), eq(reportCardRuns.month, month)))
  if (done) return null
  const account = await accountOf(ctx.db, tenant.id, 'email')
  const leaders = (await leadersOf(ctx, tenant.id)).filter((u) => u.email.includes('@'))
  // Without an e-mail account or a leader there is nobody to send to; tried again next run.
  if (!account || !leaders.length) return null
  const card = await assembleCard(ctx.db, { scope: { tenantId: tenant.id, agencyIds: null, dispositionStatuses: [] }, month, now }, channelLabel)
  const pdf = (await renderPdf(card)).toString('base64')
  const t = titlesOf(card)
  const link = `${ctx.config.BASE_URL.replace(/\/$/, '')}/admin/dasbor`
  return ctx.db.transaction(async (tx) => {
    const claimed = await tx.insert(reportCardRuns).values({ tenantId: tenant.id, month, recipients: leaders.length, createdAt: now }).onConflictDoNothing().returning()
    if (!claimed.length) return null
    for (const u of leaders)
      await queueMessage(tx, {
        tenantId: tenant.id,
        channelType: 'email',
        channelAccountId: account,
        recipient: u.email,
        userId: u.id,
        message: {
          subject: `[aduan] ${t.title} - ${card.tenant.name}`,
          text: mailText(card, link),
          attachments: [{ contentBase64: pdf, mimeType: 'application/pdf', fileName: `${fileStem(card)}.pdf` }],
        },
        idempotencyKey: `report-card:${tenant.id}:${month}:${u.id}`,
      })
    return { tenantId: tenant.id, month, recipients: leaders.length }
  })
}

/** Every tenant; one tenant's failure does not stop the others (it is retried next run). */
export async function runReportCards(ctx: AppContext, now: Date): Promise<RunResult[]> {
  const all = await ctx.db.select({ id: tenants.id, timeZone: tenants.timeZone }).from(tenants)
  const out: RunResult[] = []
  for (const t of all) {
    try {
      const r = await sendMonthlyCard(ctx, t, now)
      if (r) out.push(r)
    } catch (err) {
      ctx.log.warn({ tenantId: t.id, err: (err as Error).message }, 'report card failed')
    }
  }
  return out
}
