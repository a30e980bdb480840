// Is-it-a-complaint for public social-media comments and mentions: many are praise, greetings,
// spam or questions, and only complaints should open reports. A small naive Bayes model learned
// (lazily, once) from the hand-written examples in fixtures/complaint-examples.ts, over stems,
// stem bigrams and a few cue features (negation, links, question marks, thanks).
import { featuresOf, featureLabel, type FeatureVector } from './features.ts'
import { NaiveBayes } from './naive-bayes.ts'
import { prepareText } from './text.ts'
import { COMPLAINT_EXAMPLES, NOT_COMPLAINT_EXAMPLES } from './fixtures/complaint-examples.ts'

export interface ComplaintResult {
  isComplaint: boolean
  /** probability-like score in [0, 1] that the post is a complaint */
  score: number
  /** the words or cues that weighed most for the decision */
  reasons: string[]
}

export interface ComplaintOptions {
  /** default 0.5 */
  threshold?: number
}

const NEGATION = new Set(['tidak', 'belum', 'bukan', 'jangan', 'tanpa'])
const PROBLEM_CUES = /\b(rusak|mati|macet|banjir|bocor|lambat|kecewa|parah|pungli|dipersulit|sampah|bau|bahaya|tolong|mohon|lapor|keluh|kapan diperbaiki)\w*/
const PROMO_CUES = /(https?:\/\/|www\.|wa\.me|\blink\b|\bdm\b|\bpromo|\bdiskon|\bgiveaway|\bgacor|\bslot\b|\bjual\b|\bdijual\b|\bfollow\b|\bklik\b)/

function featuresFor(text: string): FeatureVector {
  const p = prepareText(text)
  const v = featuresOf(p, { charNgrams: [] })
  const lower = text.toLowerCase()
  const cue = (name: string) => v.set(`x:${name}`, 1)
  if (p.tokens.some((t) => NEGATION.has(t))) cue('ada kata negasi')
  if (PROBLEM_CUES.test(p.normalized)) cue('kata masalah')
  if (PROMO_CUES.test(lower)) cue('tautan/promosi')
  if (lower.includes('?')) cue('tanda tanya')
  if (/\b(terima kasih|mantap|keren|selamat|semoga|sukses|bangga|bagus)\b/.test(p.normalized)) cue('pujian/ucapan')
  return v
}

let model: NaiveBayes | undefined

function trained(): NaiveBayes {
  if (!model) {
    const nb = new NaiveBayes({ alpha: 0.5, complement: false })
    for (const t of COMPLAINT_EXAMPLES) nb.update(featuresFor(t), 1)
    for (const t of NOT_COMPLAINT_EXAMPLES) nb.update(featuresFor(t), 0)
    model = nb
  }
  return model
}

/** Classifies one post. Pure apart from training the shared model on first use (~10 ms). */
export function classifyComplaint(text: string, options: ComplaintOptions = {}): ComplaintResult {
  const nb = trained()
  const x = featuresFor(text)
  const [no, yes] = nb.scores(x, 2)
  const score = 1 / (1 + Math.exp(no - yes))
  const isComplaint = score >= (options.threshold ?? 0.5)
  const side = isComplaint ? 1 : -1
  const reasons = [...x.keys()]
    .map((k) => {
      const [wNo, wYes] = nb.weightsOf(k, 2)
      return [k, side * (wYes - wNo) * x.get(k)!] as const
    })
    .filter(([, w]) => w > 0.3)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([k]) => (k.startsWith('x:') ? k.slice(2) : featureLabel(k)))
  return { isComplaint, score: Math.round(score * 1000) / 1000, reasons }
}
