// The reporter's personal-data page (UU PDP no. 27/2022), reached from the private link: what aduan
// holds about them, a JSON download, and the erasure request form (or its state).
import { REPORT_STATUS_LABELS } from '../../reports/model.ts'
import { html, type Html } from '../html.ts'
import { label, translator, type Lang } from '../i18n.ts'
import type { PersonalData } from '../../portability/pdp.ts'
import { fmtDate } from './layout.ts'

export function pdpPage(d: PersonalData, lang: Lang, timeZone: string, base: string, notice: string | null, error: string | null): Html {
  const t = translator(lang)
  const q = lang === 'en' ? '?lang=en' : ''
  const row = (k: string, v: string | null | undefined) => html`<tr><th scope="row">${k}</th><td>${v || t('none')}</td></tr>`
  const e = d.erasure
  return html`<h1>${t('pdpTitle')}</h1>
${notice ? html`<div class="notice ok" role="status">${notice}</div>` : ''}
${error ? html`<div class="error" role="alert">${error}</div>` : ''}
<p>${t('pdpLead')}</p>
<p><a href="${base}/data-pribadi?unduh=1${lang === 'en' ? '&lang=en' : ''}" download>${t('pdpDownload')}</a> · <a href="${base}${q}">${t('back')}</a></p>
<div class="card"><h2>${t('pdpContact')}</h2>
${d.contact ? html`<table><tbody>${row(t('pdpName'), d.contact.name)}${row(t('pdpPhone'), d.contact.phone)}${row(t('pdpEmail'), d.contact.email)}</tbody></table>` : html`<p class="muted">${t('pdpNoContact')}</p>`}
<h3>${t('pdpIdentities')}</h3>
${d.identities.length ? html`<ul>${d.identities.map((i) => html`<li>${i.channel}: ${i.displayName ? `${i.displayName} · ` : ''}${i.id}</li>`)}</ul>` : html`<p class="muted">${t('pdpNone')}</p>`}
</div>
<div class="card"><h2>${t('pdpReports')}</h2>
<ul>${d.reports.map((r) => html`<li><b>${r.trackingCode}</b> · ${label(REPORT_STATUS_LABELS[r.status], lang)} · ${fmtDate(r.createdAt, lang, timeZone)}<br>${r.title ? html`<b>${r.title}</b>: ` : ''}${r.body.length > 300 ? r.body.slice(0, 300) + '…' : r.body}</li>`)}</ul>
<h3>${t('pdpMessages')}</h3>
${d.messages.length ? html`<p>${d.messages.length} ${t('pdpMessagesStored')}</p>` : html`<p class="muted">${t('pdpNone')}</p>`}
<h3>${t('pdpFiles')}</h3>
${d.attachments.length ? html`<ul>${d.attachments.map((a) => html`<li>${a.fileName ?? a.kind} (${a.mimeType}, ${Math.ceil(a.size / 1024)} KB)</li>`)}</ul>` : html`<p class="muted">${t('pdpNone')}</p>`}
</div>
${erasure(e, lang, timeZone, base + q)}`
}

function erasure(e: PersonalData['erasure'], lang: Lang, timeZone: string, action: string): Html {
  const t = translator(lang)
  if (e?.status === 'done') return html`<div class="card" id="erasure"><h2>${t('pdpEraseTitle')}</h2><p>${t('pdpEraseDone')} <strong>${fmtDate(e.executedAt, lang, timeZone, true)}</strong>.</p></div>`
  if (e?.status === 'pending')
    return html`<div class="card" id="erasure"><h2>${t('pdpEraseTitle')}</h2><p>${t('pdpErasePending')} <strong>${fmtDate(e.dueAt, lang, timeZone, true)}</strong>.</p></div>`
  const url = action.replace(/(\?|$)/, '/hapus-data$1')
  return html`<form method="post" action="${url}" class="card" id="erasure"><h2>${t('pdpEraseTitle')}</h2>
<p>${t('pdpEraseExplain')}</p>
<label for="erase-reason">${t('pdpEraseReason')}</label><textarea id="erase-reason" name="reason" maxlength="2000"></textarea>
<label class="check"><input type="checkbox" name="confirm" value="ya" required> ${t('pdpEraseConfirm')}</label>
<div class="actions"><button type="submit" class="warn">${t('pdpEraseSend')}</button></div></form>`
}
