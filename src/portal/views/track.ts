// Tracking pages: the code form, and a report as the code or the private link shows it.
import { EVENT_LABELS } from '../../reports/lifecycle.ts'
import { DEADLINE_LABELS } from '../../reports/deadlines.ts'
import { REPORT_KIND_LABELS, REPORT_STATUS_LABELS, type ReportKind } from '../../reports/model.ts'
import { html, paragraphs, raw, type Html } from '../html.ts'
import { label, translator, type Lang } from '../i18n.ts'
import type { TrackView } from '../track.ts'
import { areaLine, fmtDate } from './layout.ts'

const RECEIVED = { id: 'Laporan diterima', en: 'Report received' }
const eventLabel = (type: string) =>
  type === 'received' ? RECEIVED : (EVENT_LABELS[type as keyof typeof EVENT_LABELS] ?? { id: type, en: type })

export function trackForm(lang: Lang, code = '', error: string | null = null): Html {
  const t = translator(lang)
  return html`<h1>${t('trackTitle')}</h1>
${error ? html`<div class="error" role="alert">${error}</div>` : ''}
<form method="get" action="/lacak">
${lang === 'en' ? raw('<input type="hidden" name="lang" value="en">') : ''}
<label for="kode">${t('code')}</label>
<input type="search" id="kode" name="kode" value="${code}" placeholder="NGR-ABCD2345" autocapitalize="characters" required>
<div class="actions"><button type="submit">${t('find')}</button></div>
</form>
<p class="muted">${t('codeOnly')}</p>`
}

export const statusBadge = (status: keyof typeof REPORT_STATUS_LABELS, lang: Lang) =>
  html`<span class="badge s-${status}">${label(REPORT_STATUS_LABELS[status], lang)}</span>`

export function trackPage(v: TrackView, lang: Lang, timeZone: string, base: string, notice: string | null): Html {
  const t = translator(lang)
  const q = lang === 'en' ? '?lang=en' : ''
  const has = (c: string) => v.commands.includes(c as never)
  const late = v.deadline?.dueAt && v.deadline.state === 'overdue'
  return html`<h1>${v.access === 'link' ? t('yourReport') : t('trackTitle')} <span class="muted">${v.trackingCode}</span></h1>
${notice ? html`<div class="notice ok" role="status">${notice}</div>` : ''}
<div class="card">
<p>${t('status')}: <strong id="status">${statusBadge(v.status, lang)}</strong></p>
<p class="meta">${label(REPORT_KIND_LABELS[v.kind as ReportKind], lang)} · ${t('received')} ${fmtDate(v.createdAt, lang, timeZone, true)}</p>
${areaLine(v.area, lang)}
${v.deadline?.dueAt ? html`<p class="meta">${label(DEADLINE_LABELS[v.deadline.kind], lang)}: ${fmtDate(v.deadline.dueAt, lang, timeZone, true)} ${late ? html`<span class="badge late">${t('overdue')}</span>` : ''}</p>` : ''}
</div>
${v.access === 'code' && !v.isPublic ? html`<p class="muted">${t('codeOnly')}</p>` : ''}
${v.body !== null ? html`<div class="card">${v.title ? html`<h3>${v.title}</h3>` : ''}${paragraphs(v.body)}${v.place ? html`<p class="meta">${v.place}</p>` : ''}
${v.imageIds.length ? html`<div class="photos">${v.imageIds.map((id) => html`<img src="${base}/foto/${id}" alt="" loading="lazy" width="144" height="144">`)}</div>` : ''}</div>` : ''}
${v.access === 'link' || v.isPublic ? html`<h2>${t('answers')}</h2>
<div id="answers">${v.answers.length ? v.answers.map((a) => html`<div class="answer"><p class="meta"><b>${a.agencyName}</b> · ${fmtDate(a.publishedAt, lang, timeZone, true)}</p>${paragraphs(a.body)}</div>`) : html`<p class="muted">${t('noAnswers')}</p>`}</div>` : ''}
${v.rating !== null ? html`<p>${t('rated')}: <strong id="rating">${'★'.repeat(v.rating)}${'☆'.repeat(5 - v.rating)}</strong></p>` : ''}
${v.access === 'link' ? actions(v, lang, base + q, has) : ''}
${v.access === 'link' ? html`<p class="meta"><a href="${base}/data-pribadi${q}" id="pdp-link">${t('pdpLink')}</a></p>` : ''}
<h2>${t('history')}</h2>
<ol class="timeline">${v.timeline.map((e) => html`<li>${fmtDate(e.at, lang, timeZone, true)}: ${label(eventLabel(e.type), lang)}</li>`)}</ol>`
}

function actions(v: TrackView, lang: Lang, action: string, has: (c: string) => boolean): Html {
  const t = translator(lang)
  const url = (what: string) => action.replace(/(\?|$)/, `/${what}$1`)
  return html`
${has('confirm') ? html`<form method="post" action="${url('selesai')}"><div class="actions"><button type="submit">${t('confirm')}</button></div></form>` : ''}
${has('rate') && v.rating === null ? html`<form method="post" action="${url('nilai')}" class="card"><h2>${t('rate')}</h2>
<fieldset><legend>${t('rating')}</legend><div class="stars">${[1, 2, 3, 4, 5].map((n) => html`<label><input type="radio" name="rating" value="${n}" required> ${n}</label>`)}</div></fieldset>
<label for="rate-comment">${t('comment')}</label><textarea id="rate-comment" name="comment" maxlength="2000"></textarea>
<div class="actions"><button type="submit">${t('rateSend')}</button></div></form>` : ''}
${has('reopen') ? html`<form method="post" action="${url('buka-kembali')}" class="card"><h2>${t('reopen')}</h2>
<label for="reopen-reason">${t('reopenReason')}</label><textarea id="reopen-reason" name="reason" required minlength="3" maxlength="2000"></textarea>
<div class="actions"><button type="submit" class="warn">${t('reopenSend')}</button></div></form>` : ''}
${has('provide_info') || has('reporter_reply') ? html`<form method="post" action="${url('keterangan')}" class="card"><h2>${t('addInfo')}</h2>
<label for="info">${t('addInfoLabel')}</label><textarea id="info" name="message" required minlength="3" maxlength="5000"></textarea>
<div class="actions"><button type="submit" class="alt">${t('addInfoSend')}</button></div></form>` : ''}`
}
