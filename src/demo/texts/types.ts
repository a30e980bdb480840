// The shape of the hand-written report templates. Placeholders filled by content.ts:
// {desa} gampong, {kec} kecamatan, {spot} a landmark ("depan meunasah"), {lama} how long
// ("udah 2 minggu"), {pkm} the kecamatan's puskesmas; in answers also {tgl} ("Rabu (14/5)")
// and {opd} (the answering agency's short name).
import type { ReportKind, Urgency } from '../../reports/model.ts'

export interface Topic {
  id: string
  category: string
  kind?: ReportKind
  /** Relative frequency among all topics (default 1). */
  weight?: number
  /** Agencies it is dispatched to; 'puskesmas' means the kecamatan's puskesmas. Default: the category's first. */
  agencies?: string[]
  urgency?: Urgency
  /** Operator's summary titles. */
  titles: string[]
  /** What citizens write (the style filter then makes them more or less informal per channel). */
  texts: string[]
  /** The agency's follow-up, the part after "Terima kasih atas laporan Bapak/Ibu." */
  answers: string[]
  /** Often first sent to this agency, which returns it as bukan kewenangan with this reason. */
  misroute?: { agency: string; reason: string }
  /** Not the Pemkab's authority at all: returned, then archived with this reason. */
  external?: string
  /** Always archived at verification (spam, too vague, not about government), with the reason told. */
  archive?: { reason: 'spam' | 'too_general' | 'not_government_performance'; explanation: string }
  /** Only in these kecamatan (district codes): the coast, the peat swamps, the national road. */
  districts?: string[]
  /** Public social-media comments rarely come anonymous; whistle-blowing always confidential. */
  confidential?: boolean
}
