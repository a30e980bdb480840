// Precision and recall of classifyComplaint on a labelled CSV (text, label = Aduan / Bukan Aduan).
//   npx tsx bench/triage/complaint-eval.ts ../shared/data/purbalingga/social-posts-complaint-or-not.csv
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { classifyComplaint } from '../../src/triage/complaint.ts'

const rows = parse(readFileSync(process.argv[2] ?? '../shared/data/purbalingga/social-posts-complaint-or-not.csv'), {
  columns: true,
}) as { text: string; label: string }[]
let tp = 0, fp = 0, fn = 0, tn = 0
for (const r of rows) {
  const gold = r.label.trim().toLowerCase() === 'aduan'
  const got = classifyComplaint(r.text).isComplaint
  if (got && gold) tp++
  else if (got) fp++
  else if (gold) fn++
  else tn++
}
const precision = tp / (tp + fp)
const recall = tp / (tp + fn)
console.log(JSON.stringify({ n: rows.length, positives: tp + fn, tp, fp, fn, tn, precision: +precision.toFixed(3), recall: +recall.toFixed(3), f1: +((2 * precision * recall) / (precision + recall)).toFixed(3), accuracy: +((tp + tn) / rows.length).toFixed(3) }))
