// Small layout helpers over pdfkit (https://pdfkit.org/docs/): headings, a wrapping table that
// repeats its header across pages, images that start a new page when they do not fit, footers.
// Standard PDF fonts (Helvetica) cover Indonesian text (WinAnsi); nothing to embed.
import PDFDocument from 'pdfkit'

export type Doc = InstanceType<typeof PDFDocument>
export const MARGIN = 48
export const INK = '#111827'
export const MUTED = '#4b5563'
export const ACCENT = '#1e3a8a'

export function newDoc(info: { Title: string; Subject: string }): Doc {
  return new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, info: { ...info, Author: 'aduan', Creator: 'aduan' }, lang: 'id-ID' } as never)
}

export const contentWidth = (doc: Doc) => doc.page.width - 2 * MARGIN
const bottom = (doc: Doc) => doc.page.height - MARGIN - 18

/** Start a new page unless `h` more points fit below the cursor. */
export function ensureSpace(doc: Doc, h: number) {
  if (doc.y + h > bottom(doc)) doc.addPage()
}

export function heading(doc: Doc, s: string, note?: string) {
  ensureSpace(doc, 80)
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(14).fillColor(ACCENT).text(s, MARGIN, doc.y, { width: contentWidth(doc) })
  if (note) doc.font('Helvetica').fontSize(9).fillColor(MUTED).text(note, { width: contentWidth(doc) })
  doc.moveDown(0.3).fillColor(INK)
}

export function paragraph(doc: Doc, s: string, size = 9, color = MUTED) {
  doc.font('Helvetica').fontSize(size).fillColor(color).text(s, MARGIN, doc.y, { width: contentWidth(doc) }).fillColor(INK)
}

export interface Column {
  header: string
  /** Share of the content width. */
  width: number
  align?: 'left' | 'right' | 'center'
}

/** A table with a shaded header (repeated on each page), zebra rows and wrapped cells. */
export function table(doc: Doc, cols: Column[], rows: string[][], opts: { size?: number; boldFirst?: boolean } = {}) {
  const size = opts.size ?? 9
  const total = cols.reduce((s, c) => s + c.width, 0)
  const widths = cols.map((c) => (c.width / total) * contentWidth(doc))
  const pad = 4
  const cellH = (cells: string[], bold: boolean) =>
    Math.max(...cells.map((s, i) => doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(size).heightOfString(s || ' ', { width: widths[i]! - 2 * pad }))) + 2 * pad
  const drawRow = (cells: string[], y: number, h: number, o: { header?: boolean; fill?: string }) => {
    if (o.fill) doc.rect(MARGIN, y, contentWidth(doc), h).fill(o.fill)
    let x = MARGIN
    cells.forEach((s, i) => {
      const bold = o.header || (opts.boldFirst && i === 0)
      doc
        .font(bold ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(size)
        .fillColor(o.header ? '#ffffff' : INK)
        .text(s, x + pad, y + pad, { width: widths[i]! - 2 * pad, align: cols[i]!.align ?? 'left' })
      x += widths[i]!
    })
  }
  const header = () => {
    const h = cellH(cols.map((c) => c.header), true)
    ensureSpace(doc, h + 20)
    const y = doc.y
    drawRow(cols.map((c) => c.header), y, h, { header: true, fill: ACCENT })
    doc.y = y + h
  }
  header()
  rows.forEach((r, i) => {
    const h = cellH(r, false)
    if (doc.y + h > bottom(doc)) {
      doc.addPage()
      header()
    }
    const y = doc.y
    drawRow(r, y, h, { fill: i % 2 ? '#f3f4f6' : undefined })
    doc.y = y + h
  })
  doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + contentWidth(doc), doc.y).strokeColor('#d1d5db').lineWidth(0.5).stroke()
  doc.x = MARGIN
  doc.moveDown(0.5)
}

/** A PNG scaled to the content width (or `width`), on a new page when it does not fit. */
export function image(doc: Doc, png: Buffer, pxWidth: number, pxHeight: number, width = contentWidth(doc)) {
  const h = (width * pxHeight) / pxWidth
  ensureSpace(doc, h + 6)
  const y = doc.y
  doc.image(png, MARGIN + (contentWidth(doc) - width) / 2, y, { width })
  doc.y = y + h + 6
  doc.x = MARGIN
}

/** "Halaman i dari n" and a label at the foot of every page. */
export function footers(doc: Doc, label: string) {
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const m = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    const y = doc.page.height - MARGIN + 8
    doc.font('Helvetica').fontSize(8).fillColor(MUTED)
    doc.text(label, MARGIN, y, { width: contentWidth(doc) * 0.7, lineBreak: false })
    doc.text(`Halaman ${i + 1} dari ${range.count}`, MARGIN + contentWidth(doc) * 0.7, y, { width: contentWidth(doc) * 0.3, align: 'right', lineBreak: false })
    doc.page.margins.bottom = m
  }
}

export function finish(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  doc.end()
  return done
}
