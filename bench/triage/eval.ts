// Runs `aduan triage eval` without the CLI dispatcher: npx tsx bench/triage/eval.ts --data FILE --split DATE
import { runTriageEval } from '../../src/cli/triage-eval.ts'

await runTriageEval(process.argv.slice(2))
