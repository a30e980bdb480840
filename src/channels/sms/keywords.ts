// The LAPOR-style keyword format citizens type on a feature phone. Pure.
//   LAPOR#<kategori>#<lokasi>#<isi>   report with category and location hints
//   LAPOR#<kategori>#<isi>            report with a category hint
//   LAPOR#<isi>  or  LAPOR <isi>      report, free text
//   STATUS <kode>  /  CEK <kode>      ask for the status of a tracking code (also STATUS#<kode>)
//   INFO / BANTUAN / HELP / LAPOR     ask how to use the service
// Keywords are case-insensitive and may be surrounded by spaces; '#' inside <isi> is kept.
// Anything else is no command: intake treats it as free text, as LAPOR! 1708 does.
import type { InboundCommand } from '../contract.ts'

const REPORT = /^lapor\s*(?:#|\s)\s*([\s\S]*)$/i
// A tracking code always has a digit, so "cek jalan" stays free text.
const STATUS = /^(?:status|cek)\s*[#:\s]\s*([a-z0-9-]*\d[a-z0-9-]*)\s*$/i
const HELP = /^(?:info|bantuan|help|lapor)\s*[#]?\s*$/i

export function parseKeywordCommand(text: string): InboundCommand | undefined {
  const t = text.trim()
  if (HELP.test(t)) return { kind: 'help' }
  const status = STATUS.exec(t)
  if (status) return { kind: 'status', trackingCode: status[1].toUpperCase() }
  const report = REPORT.exec(t)
  if (!report) return undefined
  const hashed = /^lapor\s*#/i.test(t)
  const fields = hashed ? splitFirst(report[1], 3) : [report[1]]
  const [a, b, c] = fields.map((f) => f.trim())
  if (fields.length === 3) return withHints(c, a, b)
  if (fields.length === 2) return withHints(b, a, undefined)
  return withHints(a, undefined, undefined)
}

/** Splits on '#' into at most n fields; the last keeps any further '#' verbatim. */
function splitFirst(s: string, n: number): string[] {
  const out: string[] = []
  let rest = s
  while (out.length < n - 1) {
    const at = rest.indexOf('#')
    if (at < 0) break
    out.push(rest.slice(0, at))
    rest = rest.slice(at + 1)
  }
  out.push(rest)
  return out
}

function withHints(text: string, category: string | undefined, location: string | undefined): InboundCommand {
  if (!text && !category && !location) return { kind: 'help' }
  const cmd: InboundCommand = { kind: 'report', text }
  if (category) cmd.category = category
  if (location) cmd.location = location
  return cmd
}
