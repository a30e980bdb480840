// Renders PDF pages to PNG in the test, with no system packages: pdfjs-dist (Mozilla's PDF
// renderer) drawing on @napi-rs/canvas (Skia, prebuilt). Also returns each page's text.
import { createRequire } from 'node:module'
import path from 'node:path'
import { createCanvas } from '@napi-rs/canvas'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

const fonts = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts') + path.sep

export interface Page {
  png: Buffer
  text: string
  width: number
  height: number
}

export async function pdfPages(pdf: Buffer, scale = 1.5): Promise<Page[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), standardFontDataUrl: fonts, disableFontFace: true, verbosity: 0 }).promise
  const out: Page[] = []
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i)
    const viewport = page.getViewport({ scale })
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height))
    const context = canvas.getContext('2d')
    await page.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise
    const content = await page.getTextContent()
    const text = content.items.map((it) => ('str' in it ? it.str : '')).join(' ')
    out.push({ png: canvas.toBuffer('image/png'), text, width: canvas.width, height: canvas.height })
  }
  await doc.destroy()
  return out
}
