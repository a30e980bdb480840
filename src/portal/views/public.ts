// Transparency pages: the home page, the public list (and a dot map when coordinates exist),
// one public report, the agencies' figures, one agency, and the klarifikasi posts.
import { REPORT_KIND_LABELS, type ReportKind } from '../../reports/model.ts'
import { html, paragraphs, type Html } from '../html.ts'
import { label, translator, type Lang } from '../i18n.ts'
import type { AgencyStats, PublicListItem } from '../queries.ts'
import { areaLine, fmtDate, fmtDuration, withLang } from './layout.ts'
import { statusBadge } from './track.ts'

type Answer = { body: string; publishedAt: Date | null; agencyName: string | null; agencySlug: string | null; trackingCode: string; title: string | null }

export function home(lang: Lang, tz: string, figures: { received: number; answered: number; agencies: number }, latest: PublicListItem[]): Html {
  const t = translator(lang)
  return html`<h1>${t('siteName')}</h1>
<p class="lead">${t('homeLead')}</p>
<div class="actions"><a class="btn" href="${withLang('/lapor', lang)}">${t('ctaReport')}</a><a class="btn alt" href="${withLang('/lacak', lang)}">${t('ctaTrack')}</a></div>
<p class="muted">${t('homeChannels')}</p>
<h2>${t('stats')}</h2>
<div class="figures card"><div><b>${figures.received.toLocaleString('id-ID')}</b><span>${t('statReceived')}</span></div><div><b>${figures.answered.toLocaleString('id-ID')}</b><span>${t('statAnswered')}</span></div><div><b>${figures.agencies}</b><span>${t('statAgencies')}</span></div></div>
<h2>${t('latestPublic')}</h2>
${reportList(lang, tz, latest)}
<p><a href="${withLang('/laporan', lang)}">${t('seeAll')} →</a></p>`
}

export function reportList(lang: Lang, tz: string, items: PublicListItem[]): Html {
  const t = translator(lang)
  if (items.length === 0) return html`<p class="muted">${t('noReports')}</p>`
  return html`<ul class="cards" id="public-reports">${items.map(
    (r) => html`<li class="card"><h3><a href="${withLang(`/laporan/${r.trackingCode}`, lang)}">${r.title}</a></h3>
<p class="meta">${statusBadge(r.status as never, lang)} · ${label(REPORT_KIND_LABELS[r.kind as ReportKind], lang)} · ${fmtDate(r.createdAt, lang, tz)}${r.districtName ? ` · ${r.districtName}` : ''}</p>
<p>${r.excerpt}</p></li>`,
  )}</ul>`
}

/** Points rounded to ~1 km on a plain SVG: no tiles, no library, nothing to download. */
function dotMap(items: PublicListItem[]): Html {
  const pts = items.flatMap((i) => (i.point ? [i.point] : []))
  if (pts.length === 0) return html``
  const lats = pts.map((p) => p.lat)
  const lons = pts.map((p) => p.lon)
  const [minLat, maxLat, minLon, maxLon] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)]
  const w = 320
  const h = 200
  const x = (lon: number) => 10 + ((lon - minLon) / (maxLon - minLon || 1)) * (w - 20)
  const y = (lat: number) => 10 + ((maxLat - lat) / (maxLat - minLat || 1)) * (h - 20)
  return html`<svg class="map" viewBox="0 0 ${w} ${h}" role="img" aria-label="Peta"><title>Peta</title>${pts.map(
    (p) => html`<circle cx="${x(p.lon).toFixed(1)}" cy="${y(p.lat).toFixed(1)}" r="5" fill="#c0392b" fill-opacity=".7"/>`,
  )}</svg>`
}

export function publicList(
  lang: Lang,
  tz: string,
  items: PublicListItem[],
  districts: { code: string; name: string }[],
  district: string | undefined,
  nextHref: string | null,
): Html {
  const t = translator(lang)
  return html`<h1>${t('publicTitle')}</h1>
<p class="muted">${t('publicLead')}</p>
<form method="get" action="/laporan" class="actions">${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
<select name="kecamatan" aria-label="Kecamatan"><option value="">${t('filterAll')}</option>${districts.map(
    (d) => html`<option value="${d.code}"${d.code === district ? html` selected` : ''}>${d.name}</option>`,
  )}</select><button type="submit">${t('filter')}</button></form>
${dotMap(items)}
${reportList(lang, tz, items)}
${nextHref ? html`<p><a class="btn alt" href="${nextHref}">${t('more')}</a></p>` : ''}`
}

export function publicReport(
  lang: Lang,
  tz: string,
  r: { trackingCode: string; status: string; kind: string; title: string | null; body: string; createdAt: Date; area: { name: string | null; district: string | null } | null; answers: { agencyName: string; body: string; publishedAt: Date | null }[] },
): Html {
  const t = translator(lang)
  return html`<h1>${r.title ?? r.trackingCode}</h1>
<p class="meta">${statusBadge(r.status as never, lang)} · ${label(REPORT_KIND_LABELS[r.kind as ReportKind], lang)} · ${fmtDate(r.createdAt, lang, tz)} · ${r.trackingCode}</p>
${areaLine(r.area, lang)}
<div class="card">${paragraphs(r.body)}</div>
<h2>${t('answers')}</h2>
${r.answers.length ? r.answers.map((a) => html`<div class="answer"><p class="meta"><b>${a.agencyName}</b> · ${fmtDate(a.publishedAt, lang, tz, true)}</p>${paragraphs(a.body)}</div>`) : html`<p class="muted">${t('noAnswers')}</p>`}`
}

const pct = (a: AgencyStats) => (a.assigned ? `${Math.round((a.answered / a.assigned) * 100)}%` : '—')

export function agencyTable(lang: Lang, stats: AgencyStats[]): Html {
  const t = translator(lang)
  return html`<h1>${t('agenciesTitle')}</h1>
<p class="muted">${t('statsNote')}</p>
<ul class="cards" id="agencies">${stats.map(
    (a) => html`<li class="card agency"><h3><a href="${withLang(`/opd/${a.slug}`, lang)}">${a.name}</a></h3>
<p class="meta">${a.assigned} ${t('dispositionsShort')} · <b>${pct(a)}</b> ${t('answeredShort')} · ${t('medianShort')} ${fmtDuration(a.medianFirstHours, lang)}</p></li>`,
  )}</ul>`
}

export function agencyPage(lang: Lang, tz: string, a: AgencyStats, answers: Answer[]): Html {
  const t = translator(lang)
  return html`<h1>${a.name}</h1>
<div class="figures card"><div><b>${pct(a)}</b><span>${t('responseRate')}</span></div><div><b>${fmtDuration(a.medianFirstHours, lang)}</b><span>${t('medianFirst')}</span></div><div><b>${fmtDuration(a.medianDoneHours, lang)}</b><span>${t('medianDone')}</span></div></div>
<p class="muted">${t('assigned')}: ${a.assigned} · ${t('statsNote')}</p>
<h2>${t('latestAnswers')}</h2>
${answerList(lang, tz, answers)}`
}

export function answerList(lang: Lang, tz: string, answers: Answer[]): Html {
  const t = translator(lang)
  if (answers.length === 0) return html`<p class="muted">${t('noAnswers')}</p>`
  return html`<ul class="cards">${answers.map(
    (a) => html`<li class="card"><p class="meta"><a href="${withLang(`/laporan/${a.trackingCode}`, lang)}">${a.title ?? a.trackingCode}</a> · ${fmtDate(a.publishedAt, lang, tz)}</p>${paragraphs(a.body)}</li>`,
  )}</ul>`
}

export function postsPage(
  lang: Lang,
  tz: string,
  posts: { kind: string; title: string; body: string; publishedAt: Date; agencyName: string | null }[],
): Html {
  const t = translator(lang)
  return html`<h1>${t('postsTitle')}</h1>
${posts.length === 0 ? html`<p class="muted">${t('noPosts')}</p>` : ''}
<ul class="cards">${posts.map(
    (p) => html`<li class="card"><p class="meta"><span class="badge">${p.kind === 'clarification' ? t('clarification') : t('activity')}</span> · ${p.agencyName ?? ''} · ${fmtDate(p.publishedAt, lang, tz)}</p><h3>${p.title}</h3>${paragraphs(p.body)}</li>`,
  )}</ul>`
}
