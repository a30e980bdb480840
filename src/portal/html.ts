// Tiny HTML templating for the server-rendered portal: every interpolated value is escaped unless
// it is itself a Html fragment built by `html`. No template engine, no client framework.

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c]!)
}

type Part = Html | string | number | boolean | null | undefined | readonly Part[]

function render(v: Part): string {
  if (v === null || v === undefined || v === false || v === true) return ''
  if (v instanceof Html) return v.value
  if (Array.isArray(v)) return v.map(render).join('')
  return escapeHtml(String(v))
}

/** Tagged template: `html\`<p>${text}</p>\`` escapes text; nested html fragments pass through. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!
  return new Html(out)
}

/** Trusted markup (only for constants written in this code base). */
export const raw = (s: string) => new Html(s)

/** Paragraphs from plain text: escaped, blank lines split paragraphs, single newlines become <br>. */
export function paragraphs(text: string): Html {
  return new Html(
    text
      .trim()
      .split(/\n\s*\n/)
      .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
      .join(''),
  )
}
