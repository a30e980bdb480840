// The report form (/lapor), its receipt, and the refusal page.
import { html, raw, type Html } from '../html.ts'
import { label, translator, type Lang } from '../i18n.ts'
import { REPORT_KIND_LABELS } from '../../reports/model.ts'
import { MAX_PHOTOS, PORTAL_KINDS, PHOTO_TYPES } from '../intake.ts'

export interface FormOptions {
  lang: Lang
  categories: { id: string; name: string }[]
  districts: { code: string; name: string; villages: { code: string; name: string }[] }[]
  error?: string | null
  values?: Record<string, string>
}

export function reportForm(o: FormOptions): Html {
  const t = translator(o.lang)
  const v = o.values ?? {}
  const checked = (name: string, value: string, dflt = false) =>
    (v[name] ?? (dflt ? value : '')) === value ? raw(' checked') : ''
  const selected = (name: string, value: string) => (v[name] === value ? raw(' selected') : '')
  const choice = (name: string, value: string, title: string, hint: string, dflt = false) =>
    html`<label class="choice"><input type="radio" name="${name}" value="${value}"${checked(name, value, dflt)}><span><b>${title}</b>${hint}</span></label>`
  return html`<h1>${t('reportTitle')}</h1>
${o.error ? html`<div class="error" role="alert">${o.error}</div>` : ''}
<div id="offline-status" class="notice" role="status" hidden></div>
<form id="report-form" method="post" action="/lapor${o.lang === 'en' ? '?lang=en' : ''}" enctype="multipart/form-data">
<input type="hidden" name="lang" value="${o.lang}">
<label for="body">${t('what')}</label>
<p class="hint" id="body-hint">${t('whatHint')}</p>
<textarea id="body" name="body" required minlength="10" maxlength="5000" aria-describedby="body-hint">${v.body ?? ''}</textarea>
<label for="kind">${t('kind')}</label>
<select id="kind" name="kind">${PORTAL_KINDS.map((k) => html`<option value="${k}"${selected('kind', k)}>${label(REPORT_KIND_LABELS[k], o.lang)}</option>`)}</select>
<label for="category">${t('category')}</label>
<select id="category" name="category"><option value="">${t('noCategory')}</option>${o.categories.map(
    (c) => html`<option value="${c.id}"${selected('category', c.id)}>${c.name}</option>`,
  )}</select>
<label for="region">${t('where')}</label>
<select id="region" name="region"><option value="">${t('noRegion')}</option>${o.districts.map(
    (d) =>
      html`<optgroup label="${d.name}"><option value="${d.code}"${selected('region', d.code)}>${d.name} (${o.lang === 'id' ? 'kecamatan' : 'district'})</option>${d.villages.map(
        (x) => html`<option value="${x.code}"${selected('region', x.code)}>${x.name}</option>`,
      )}</optgroup>`,
  )}</select>
<label for="place">${t('whereDetail')}</label>
<input type="text" id="place" name="place" maxlength="200" value="${v.place ?? ''}">
<label for="photos">${t('photos')}</label>
<p class="hint" id="photos-hint">${t('photosHint')}</p>
<input type="file" id="photos" name="photos" accept="${PHOTO_TYPES.join(',')}" multiple data-max="${MAX_PHOTOS}" aria-describedby="photos-hint">
<fieldset><legend>${t('privacy')}</legend>
${choice('privacy', 'normal', t('privacyNormal'), t('privacyNormalHint'), true)}
${choice('privacy', 'anonymous', t('privacyAnon'), t('privacyAnonHint'))}
${choice('privacy', 'confidential', t('privacyConf'), t('privacyConfHint'))}
</fieldset>
<fieldset><legend>${t('contact')}</legend>
${choice('contact', 'none', t('contactNone'), '', true)}
${choice('contact', 'whatsapp', t('contactWa'), '')}
${choice('contact', 'sms', t('contactSms'), '')}
${choice('contact', 'email', t('contactEmail'), '')}
<label for="contactValue">${t('contactValue')}</label>
<input type="text" id="contactValue" name="contactValue" maxlength="200" autocomplete="tel" value="${v.contactValue ?? ''}">
<label for="name">${t('name')}</label>
<input type="text" id="name" name="name" maxlength="100" autocomplete="name" value="${v.name ?? ''}">
</fieldset>
<div class="hp" aria-hidden="true"><label for="website">${t('honeypot')}</label><input type="text" id="website" name="website" tabindex="-1" autocomplete="off"></div>
<div class="actions"><button type="submit">${t('send')}</button></div>
</form>
<section id="saved-reports" hidden><h2>${o.lang === 'id' ? 'Laporan yang dikirim dari perangkat ini' : 'Reports sent from this device'}</h2><ul class="cards"></ul></section>`
}

export function receipt(lang: Lang, code: string, privateUrl: string): Html {
  const t = translator(lang)
  return html`<h1>${t('doneTitle')}</h1>
<p>${t('yourCode')}:</p>
<p class="code" id="tracking-code">${code}</p>
<h2>${t('privateLink')}</h2>
<p class="link"><a id="private-link" href="${privateUrl}">${privateUrl}</a></p>
<p class="notice">${t('privateLinkHint')}</p>
<div class="actions"><a class="btn" href="${privateUrl}">${t('navTrack')}</a><a class="btn alt" href="/${lang === 'en' ? '?lang=en' : ''}">${t('navHome')}</a></div>`
}

export function refused(lang: Lang, message: string, title: string): Html {
  const t = translator(lang)
  return html`<h1>${title}</h1>
<div class="error" role="alert">${message}</div>
<p><a class="btn alt" href="/lapor${lang === 'en' ? '?lang=en' : ''}">${t('back')}</a></p>`
}
