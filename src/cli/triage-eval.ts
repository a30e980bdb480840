// `aduan triage eval`: replays labelled reports through the router as a tenant would see them
// and prints one final line of JSON with the routing metrics.
//
//   aduan triage eval --train FILE --test FILE
//   aduan triage eval --data FILE --split YYYY-MM-DD
//   options: --until YYYY-MM-DD (drop rows from that date on: validation inside a training period),
//            --model router|naive-bayes (default router), --min-train-rows N (default 50),
//            --memory N (router neighbours memory), --per-label (also print F1 per label)
// CSV columns: id, text, agency, submitted_at (others ignored).
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { evaluateRouting, splitByDate, type EvalModel, type LabelledRow } from '../triage/evaluate.ts'

interface CsvRow {
  id?: string
  text?: string
  agency?: string
  submitted_at?: string
}

function readRows(file: string): LabelledRow[] {
  const records = parse(readFileSync(file), { columns: true, skip_empty_lines: true, bom: true }) as CsvRow[]
  return records
    .filter((r) => r.text && r.agency)
    .map((r) => ({ id: r.id ?? '', text: r.text!, label: r.agency!, submittedAt: r.submitted_at ?? '' }))
}

function parseArgs(argv: string[]): Map<string, string> {
  const args = new Map<string, string>()
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (!a.startsWith('--')) throw new Error(`unexpected argument: ${a}`)
    const next = argv[i + 1]
    if (next === undefined || next.startsWith('--')) args.set(a.slice(2), 'true')
    else {
      args.set(a.slice(2), next)
      i++
    }
  }
  return args
}

const USAGE =
  'usage: aduan triage eval (--train FILE --test FILE | --data FILE --split YYYY-MM-DD [--until YYYY-MM-DD]) ' +
  '[--model router|naive-bayes] [--min-train-rows N] [--memory N] [--per-label]'

export async function runTriageEval(argv: string[]): Promise<void> {
  const args = parseArgs(argv)
  let train: LabelledRow[]
  let test: LabelledRow[]
  if (args.has('train') && args.has('test')) {
    train = readRows(args.get('train')!)
    test = readRows(args.get('test')!)
  } else if (args.has('data') && args.has('split')) {
    const split = args.get('split')!
    if (!/^\d{4}-\d{2}-\d{2}$/.test(split)) throw new Error(`--split must be YYYY-MM-DD: ${split}`)
    let rows = readRows(args.get('data')!)
    const until = args.get('until')
    if (until) rows = rows.filter((r) => r.submittedAt < until)
    ;({ train, test } = splitByDate(rows, split))
  } else {
    throw new Error(USAGE)
  }
  const model = (args.get('model') ?? 'router') as EvalModel
  if (model !== 'router' && model !== 'naive-bayes') throw new Error(USAGE)
  const memory = args.has('memory') ? Number(args.get('memory')) : undefined
  const result = evaluateRouting(train, test, {
    model,
    minTrainRows: args.has('min-train-rows') ? Number(args.get('min-train-rows')) : 50,
    router: memory === undefined ? {} : { memory },
  })
  if (args.has('per-label')) {
    for (const [label, { f1, support }] of Object.entries(result.perLabel).sort((a, b) => b[1].support - a[1].support)) {
      process.stdout.write(`${f1.toFixed(3)}  ${String(support).padStart(5)}  ${label}\n`)
    }
  }
  const round = (x: number) => Math.round(x * 10000) / 10000
  process.stdout.write(
    JSON.stringify({
      top1: round(result.top1),
      top3: round(result.top3),
      macroF1: round(result.macroF1),
      msPerPrediction: round(result.msPerPrediction),
      cpuMsPerPrediction: round(result.cpuMsPerPrediction),
      train: result.train,
      test: result.test,
    }) + '\n',
  )
}
