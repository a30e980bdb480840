// The report card as an A4 PDF in Bahasa Indonesia: summary against the previous month, daily
// trend, channels and categories, the map by kecamatan, the agency table, the overdue list.
import type { CardData } from './data.ts'
import { barsSvg, choroplethSvg, svgToPng, trendSvg, type MapFeature } from './charts.ts'
import { fmtDate, fmtDateTime, fmtHours, fmtNum, fmtPct, monthLabel } from './month.ts'
import { zoneLabel } from './labels.ts'
import { ACCENT, contentWidth, ensureSpace, finish, footers, heading, image, INK, MARGIN, MUTED, newDoc, paragraph, table, type Doc } from './pdf-kit.ts'
import { fmtChange, fmtValue, scoreRows, summaryRows, titlesOf } from './sections.ts'

/** Width and height of an SVG string's root (the charts set both). */
function sizeOf(svg: string): [number, number] {
  const m = /width="(\d+)" height="(\d+)"/.exec(svg)
  return [Number(m?.[1] ?? 1000), Number(m?.[2] ?? 400)]
}

async function chart(doc: Doc, svg: string, width?: number) {
  const [w, h] = sizeOf(svg)
  image(doc, await svgToPng(svg), w, h, width)
}

function cover(doc: Doc, card: CardData) {
  const t = titlesOf(card)
  doc.rect(0, 0, doc.page.width, 118).fill(ACCENT)
  doc.font('Helvetica').fontSize(10).fillColor('#dbeafe').text('RAPOR OPD - LAPORAN BULANAN PENGADUAN MASYARAKAT', MARGIN, 30, { width: contentWidth(doc) })
  doc.font('Helvetica-Bold').fontSize(22).fillColor('#ffffff').text(t.title, MARGIN, 46, { width: contentWidth(doc) })
  doc.font('Helvetica').fontSize(12).fillColor('#ffffff').text(card.tenant.name, MARGIN, 78, { width: contentWidth(doc) })
  doc.y = 134
  doc.fillColor(INK)
  const line = (k: string, v: string) => {
    const y = doc.y
    doc.font('Helvetica-Bold').fontSize(10).text(k, MARGIN, y, { width: 110 })
    doc.font('Helvetica').fontSize(10).text(v, MARGIN + 110, y, { width: contentWidth(doc) - 110 })
    doc.moveDown(0.15)
  }
  line('Cakupan', t.subject)
  line('Periode', t.period)
  line('Pembanding', t.previous)
  line('Data per', `${fmtDateTime(card.generatedAt, card.tenant.timeZone)} ${zoneLabel(card.tenant.timeZone)}`)
  doc.x = MARGIN
}

function summary(doc: Doc, card: CardData) {
  const t = titlesOf(card)
  heading(doc, '1. Ringkasan', `Laporan yang diterima pada ${monthLabel(card.current.month)}, dengan status saat data diambil, dibandingkan dengan ${t.previous}.`)
  const rows = summaryRows(card).map((r) => [r.label, fmtValue(r.kind, r.current), fmtValue(r.kind, r.previous), fmtChange(r)])
  table(doc, [
    { header: 'Indikator', width: 40 },
    { header: monthLabel(card.current.month), width: 20, align: 'right' },
    { header: t.previous, width: 20, align: 'right' },
    { header: 'Perubahan', width: 20, align: 'right' },
  ], rows, { size: 10, boldFirst: true })
  paragraph(
    doc,
    'Kepatuhan SLA = disposisi dijawab tepat waktu / (disposisi dijawab + disposisi lewat tenggat yang masih terbuka). ' +
      'Respons pertama = tanggapan pertama yang dipublikasikan; penyelesaian = sampai dijawab atau ditutup. ' +
      'Laporan terbuka lewat tenggat dihitung per laporan; bagian 6 dan 7 menghitung per disposisi OPD. ' +
      'Definisi sama dengan Dasbor (docs/DASHBOARD.md).',
    8,
  )
}

async function trend(doc: Doc, card: CardData) {
  heading(doc, '2. Tren harian', `Laporan diterima per hari: ${monthLabel(card.current.month)} (garis biru) dibandingkan dengan ${monthLabel(card.previous.month)} (garis abu-abu putus-putus).`)
  await chart(doc, trendSvg(card.current.trend, card.previous.trend, { current: monthLabel(card.current.month), previous: monthLabel(card.previous.month) }))
}

async function breakdowns(doc: Doc, card: CardData) {
  heading(doc, '3. Kanal pengaduan', 'Laporan diterima menurut kanal masuk.')
  await chart(doc, barsSvg(card.channels, 8), contentWidth(doc) * 0.9)
  heading(doc, '4. Kategori', 'Laporan diterima menurut kategori (dua belas terbanyak).')
  await chart(doc, barsSvg(card.categories, 12), contentWidth(doc) * 0.9)
}

async function districts(doc: Doc, card: CardData) {
  const withShape: MapFeature[] = (card.boundaries?.features ?? []).map((f) => ({ code: f.properties.code, name: f.properties.name, geometry: f.geometry }))
  if (withShape.length) {
    // The heading stays with its map: both move to the next page when the map does not fit.
    ensureSpace(doc, 50 + (contentWidth(doc) * 560) / 1000)
    heading(doc, '5. Sebaran per kecamatan', 'Laporan diterima menurut kecamatan lokasi kejadian; makin gelap makin banyak.')
    await chart(doc, choroplethSvg(withShape, new Map(card.districts.map((d) => [String(d.key), d.count]))))
  } else {
    heading(doc, '5. Sebaran per kecamatan', 'Batas wilayah kecamatan belum diimpor; sebaran ditampilkan sebagai tabel.')
  }
  const total = card.districts.reduce((s, d) => s + d.count, 0)
  const rows = card.districts.map((d) => [d.label, fmtNum(d.count), total ? fmtPct(Math.round((d.count / total) * 1000) / 10) : '-'])
  table(doc, [
    { header: 'Kecamatan', width: 60 },
    { header: 'Laporan', width: 20, align: 'right' },
    { header: 'Bagian', width: 20, align: 'right' },
  ], rows)
}

function agencies(doc: Doc, card: CardData) {
  doc.addPage()
  heading(
    doc,
    card.agency ? '6. Kinerja OPD' : '6. Kinerja per OPD',
    `Disposisi atas laporan yang diterima pada ${monthLabel(card.current.month)}. SLA = kepatuhan tenggat; median dihitung dari disposisi dibuat.`,
  )
  const rows = scoreRows(card).map((r) => [
    r.shortName,
    fmtNum(r.reports),
    fmtNum(r.answered),
    fmtNum(r.answeredOnTime),
    fmtNum(r.overdueOpen),
    fmtPct(r.slaCompliance),
    fmtPct(r.previousCompliance),
    fmtHours(r.medianFirstResponseHours),
    fmtHours(r.medianCompletionHours),
  ])
  if (!rows.length) return paragraph(doc, 'Belum ada disposisi pada bulan ini.', 10, INK)
  table(doc, [
    { header: 'OPD', width: 16 },
    { header: 'Laporan', width: 10, align: 'right' },
    { header: 'Dijawab', width: 10, align: 'right' },
    { header: 'Tepat waktu', width: 11, align: 'right' },
    { header: 'Lewat tenggat', width: 11, align: 'right' },
    { header: 'SLA', width: 10, align: 'right' },
    { header: `SLA ${monthLabel(card.previous.month).split(' ')[0]}`, width: 11, align: 'right' },
    { header: 'Median respons', width: 11, align: 'right' },
    { header: 'Median selesai', width: 11, align: 'right' },
  ], rows, { size: 8.5, boldFirst: true })
  if (!card.agency) {
    const names = scoreRows(card).map((r) => `${r.shortName} = ${r.name}`).join('; ')
    paragraph(doc, `Singkatan: ${names}.`, 7.5)
  }
}

function overdue(doc: Doc, card: CardData) {
  heading(
    doc,
    '7. Disposisi lewat tenggat',
    `${fmtNum(card.overdue.total)} disposisi masih menunggu atau diproses melewati tenggatnya per ${fmtDate(card.generatedAt, card.tenant.timeZone)}` +
      (card.overdue.total > card.overdue.rows.length ? `; ${card.overdue.rows.length} paling lama ditampilkan.` : '.'),
  )
  if (!card.overdue.rows.length) return paragraph(doc, 'Tidak ada disposisi yang lewat tenggat.', 10, INK)
  const tz = card.tenant.timeZone
  table(doc, [
    { header: 'Kode', width: 16 },
    { header: 'Judul', width: 34 },
    { header: 'OPD', width: 12 },
    { header: 'Kecamatan', width: 14 },
    { header: 'Tenggat', width: 12 },
    { header: 'Terlambat', width: 12, align: 'right' },
  ], card.overdue.rows.map((r) => [r.trackingCode, r.title ?? '-', r.agency, r.district ?? '-', fmtDate(r.dueAt, tz), r.daysOverdue < 1 ? '< 1 hari' : `${r.daysOverdue} hari`]), { size: 8 })
}

export async function renderPdf(card: CardData): Promise<Buffer> {
  const t = titlesOf(card)
  const doc = newDoc({ Title: `${t.title} - ${card.tenant.name}`, Subject: t.subject })
  cover(doc, card)
  summary(doc, card)
  await trend(doc, card)
  doc.addPage()
  await breakdowns(doc, card)
  await districts(doc, card)
  agencies(doc, card)
  ensureSpace(doc, 120)
  overdue(doc, card)
  doc.fillColor(MUTED)
  footers(doc, `aduan - ${t.title}${card.agency ? ` - ${card.agency.shortName}` : ''}`)
  return finish(doc)
}
