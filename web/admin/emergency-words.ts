/**
 * The words that raised an emergency alarm, as an operator reads them, in parentheses (or ''):
 * the detector's explanation (src/triage/emergency.ts) marks an urgency cue "+cue" and a lowering
 * one "-name: words"; the lowering ones argue against the alarm and are left out.
 */
export function emergencyWords(matched: readonly string[]): string {
  const words = [...new Set(matched.filter((m) => !m.startsWith('-')).map((m) => m.replace(/^\+/, '')))].slice(0, 5)
  return words.length ? ` (${words.join(', ')})` : ''
}
