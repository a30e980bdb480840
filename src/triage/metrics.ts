// Routing evaluation metrics: top-k accuracy and macro-F1 over the gold labels.

export interface Prediction {
  gold: string
  /** ranked labels, best first */
  ranked: string[]
}

export interface RoutingMetrics {
  top1: number
  top3: number
  macroF1: number
  /** F1 per gold label */
  perLabel: Record<string, { f1: number; support: number }>
}

/**
 * Top-1 and top-3 accuracy, and macro-F1 of the top-1 choice averaged over every label that
 * occurs in the gold labels (a label predicted but never gold does not enter the average).
 */
export function routingMetrics(predictions: Prediction[]): RoutingMetrics {
  const tp = new Map<string, number>()
  const fp = new Map<string, number>()
  const support = new Map<string, number>()
  let top1 = 0
  let top3 = 0
  for (const p of predictions) {
    const best = p.ranked[0]
    support.set(p.gold, (support.get(p.gold) ?? 0) + 1)
    if (best === p.gold) {
      top1++
      tp.set(best, (tp.get(best) ?? 0) + 1)
    } else if (best !== undefined) fp.set(best, (fp.get(best) ?? 0) + 1)
    if (p.ranked.slice(0, 3).includes(p.gold)) top3++
  }
  const perLabel: Record<string, { f1: number; support: number }> = {}
  let sum = 0
  for (const [label, n] of support) {
    const t = tp.get(label) ?? 0
    const precision = t + (fp.get(label) ?? 0) > 0 ? t / (t + (fp.get(label) ?? 0)) : 0
    const recall = t / n
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0
    perLabel[label] = { f1, support: n }
    sum += f1
  }
  const n = predictions.length || 1
  return { top1: top1 / n, top3: top3 / n, macroF1: support.size ? sum / support.size : 0, perLabel }
}
