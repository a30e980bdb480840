// The operator's triage on the report page: verify and dispatch (title, kind, category,
// location down to the desa, anonymous/confidential flags, one or more agencies with an
// instruction), ask for information, archive with a reason, merge into a master report, reject
// as not the Pemda's authority, add a disposition, close. Only the commands the server allows
// are offered (report.allowedCommands); the server still decides on POST and its 403 is shown.
// Keyboard: V, I, A, G, D pick an action when focus is not in a field.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react'
import { REPORT_KINDS, URGENCIES, type ReportKind } from '../../src/reports/model.ts'
import { api, type Agency, type Category, type Region, type ReportDetail, type Suggestions } from './api.ts'
import { kindLabel, urgencyLabel } from './labels.ts'

import { useCommand } from './command.tsx'
import { ArchiveForm, MergeForm, TextCommand } from './triage-forms.tsx'
import { tr } from './i18n.ts'

const ACTIONS: { type: string; label: [string, string]; key: string }[] = [
  { type: 'verify_and_dispatch', label: ['Verifikasi & disposisi', 'Verify and dispatch'], key: 'v' },
  { type: 'add_disposition', label: ['Tambah disposisi', 'Add a disposition'], key: 'd' },
  { type: 'request_info', label: ['Minta keterangan', 'Ask for details'], key: 'i' },
  { type: 'archive', label: ['Arsipkan', 'Archive'], key: 'a' },
  { type: 'merge_into', label: ['Gabungkan (duplikat)', 'Merge (duplicate)'], key: 'g' },
  { type: 'reject_not_pemda_authority', label: ['Bukan wewenang Pemda', 'Not our government’s authority'], key: 'w' },
  { type: 'close', label: ['Tutup laporan', 'Close the report'], key: 't' },
]

export interface TriageProps {
  report: ReportDetail
  agencies: Agency[]
  suggestions: Suggestions | null
  onDone: (message: string) => void
}

export function TriagePanel({ report, agencies, suggestions, onDone }: TriageProps) {
  const allowed = ACTIONS.filter((a) => report.allowedCommands?.includes(a.type))
  const [open, setOpen] = useState<string | null>(allowed[0]?.type ?? null)
  const panel = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement
      if (e.ctrlKey || e.metaKey || e.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return
      const a = allowed.find((x) => x.key === e.key.toLowerCase())
      if (!a) return
      e.preventDefault()
      setOpen(a.type)
      setTimeout(() => panel.current?.querySelector<HTMLElement>('input, select, textarea')?.focus(), 0)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [allowed])
  if (allowed.length === 0) return null
  return (
    <section className="card triage" aria-labelledby="triage-title">
      <h2 id="triage-title">{tr('Tindakan koordinator', 'Coordinator actions')}</h2>
      <div className="action-tabs" role="group" aria-label={tr('Pilih tindakan', 'Choose an action')}>
        {allowed.map((a) => (
          <button
            key={a.type}
            type="button"
            aria-pressed={open === a.type}
            aria-keyshortcuts={a.key.toUpperCase()}
            onClick={() => setOpen(a.type)}
          >
            {tr(...a.label)} <kbd>{a.key.toUpperCase()}</kbd>
          </button>
        ))}
      </div>
      <div ref={panel}>
        {open === 'verify_and_dispatch' && (
          <VerifyForm report={report} agencies={agencies} suggestions={suggestions} onDone={onDone} />
        )}
        {open === 'add_disposition' && (
          <DispatchOnlyForm report={report} agencies={agencies} suggestions={suggestions} onDone={onDone} />
        )}
        {open === 'request_info' && (
          <TextCommand
            report={report}
            type="request_info"
            field="message"
            label={tr('Pertanyaan untuk pelapor (dikirim lewat kanalnya)', 'Question for the reporter (sent on their channel)')}
            submit={tr('Kirim & tunda', 'Send and defer')}
            onDone={onDone}
          />
        )}
        {open === 'archive' && <ArchiveForm report={report} onDone={onDone} />}
        {open === 'merge_into' && <MergeForm report={report} suggestions={suggestions} onDone={onDone} />}
        {open === 'reject_not_pemda_authority' && (
          <TextCommand
            report={report}
            type="reject_not_pemda_authority"
            field="explanation"
            label={tr('Penjelasan untuk pelapor', 'Explanation for the reporter')}
            submit={tr('Tolak: bukan wewenang Pemda', 'Refuse: not our government’s authority')}
            onDone={onDone}
          />
        )}
        {open === 'close' && (
          <TextCommand
            report={report}
            type="close"
            field="reason"
            label={tr('Alasan penutupan', 'Reason for closing')}
            submit={tr('Tutup laporan', 'Close the report')}
            onDone={onDone}
          />
        )}
      </div>
    </section>
  )
}

function AgencyPicker({
  agencies,
  chosen,
  setChosen,
  suggestions,
}: {
  agencies: Agency[]
  chosen: string[]
  setChosen: (ids: string[]) => void
  suggestions: Suggestions | null
}) {
  const toggle = (id: string) =>
    setChosen(chosen.includes(id) ? chosen.filter((x) => x !== id) : [...chosen, id])
  return (
    <fieldset className="agencies">
      <legend>{tr('OPD tujuan (boleh lebih dari satu)', 'Target agencies (one or more)')}</legend>
      {suggestions && suggestions.agencies.length > 0 && (
        <p className="suggest">
          {tr('Saran:', 'Suggested:')}{' '}
          {suggestions.agencies.slice(0, 3).map((s) => (
            <button
              key={s.agencyId}
              type="button"
              className="chip"
              onClick={() => !chosen.includes(s.agencyId) && setChosen([...chosen, s.agencyId])}
            >
              + {s.name} ({Math.round(s.score * 100)}%)
            </button>
          ))}
        </p>
      )}
      <div className="agency-grid">
        {agencies.map((a) => (
          <label key={a.id} className="check">
            <input type="checkbox" checked={chosen.includes(a.id)} onChange={() => toggle(a.id)} />{' '}
            {a.shortName ?? a.name}
          </label>
        ))}
      </div>
    </fieldset>
  )
}

function VerifyForm({ report, agencies, suggestions, onDone }: TriageProps) {
  const [title, setTitle] = useState(report.title ?? report.body.slice(0, 80))
  const [kind, setKind] = useState<ReportKind>(report.kind)
  const [categoryId, setCategoryId] = useState(report.categoryId ?? '')
  const [categories, setCategories] = useState<Category[]>([])
  const [districts, setDistricts] = useState<Region[]>([])
  const [villages, setVillages] = useState<Region[]>([])
  const [district, setDistrict] = useState(report.regionCode?.split('.').slice(0, 3).join('.') ?? '')
  const [village, setVillage] = useState(
    report.regionCode && report.regionCode.split('.').length > 3 ? report.regionCode : '',
  )
  const [urgency, setUrgency] = useState(report.urgency ?? '')
  const [anonymous, setAnonymous] = useState(!!report.flags?.anonymous)
  const [confidential, setConfidential] = useState(!!report.flags?.confidential)
  const [chosen, setChosen] = useState<string[]>([])
  const [instruction, setInstruction] = useState('')
  const { busy, run, errorBox } = useCommand(report.id, onDone)

  useEffect(() => {
    api.categories().then(
      (r) => setCategories(r.items),
      () => undefined,
    )
    api.regions({ level: 'district' }).then(
      (r) => setDistricts(r.items),
      () => undefined,
    )
  }, [])
  useEffect(() => {
    if (!district) return setVillages([])
    api.regions({ parent: district, level: 'village' }).then(
      (r) => setVillages(r.items),
      () => setVillages([]),
    )
  }, [district])
  const suggestedCategory = suggestions?.categories[0]

  function chooseCategory(id: string) {
    setCategoryId(id)
    const c = categories.find((x) => x.id === id)
    if (c && chosen.length === 0) setChosen(c.defaultAgencyIds)
  }

  function submit(e: FormEvent) {
    e.preventDefault()
    void run(
      'verify_and_dispatch',
      {
        title: title.trim(),
        kind,
        categoryId: categoryId || null,
        regionCode: village || district || null,
        urgency: urgency || null,
        flags: { anonymous, confidential },
        dispositions: chosen.map((agencyId) => ({
          id: crypto.randomUUID(),
          agencyId,
          instruction: instruction.trim(),
        })),
      },
      tr(`Laporan diverifikasi dan didisposisikan ke ${chosen.length} OPD.`, `Report verified and dispatched to ${chosen.length} agency(ies).`),
    )
  }

  return (
    <form className="stack" onSubmit={submit} aria-label={tr('Verifikasi dan disposisi', 'Verify and dispatch')}>
      <label htmlFor="v-title">{tr('Judul', 'Title')}</label>
      <input
        id="v-title"
        required
        minLength={3}
        maxLength={200}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <div className="row">
        <div className="field">
          <label htmlFor="v-kind">{tr('Jenis', 'Kind')}</label>
          <select id="v-kind" value={kind} onChange={(e) => setKind(e.target.value as ReportKind)}>
            {REPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="v-category">{tr('Kategori', 'Category')}</label>
          <select id="v-category" value={categoryId} onChange={(e) => chooseCategory(e.target.value)}>
            <option value="">{tr('(tanpa kategori)', '(no category)')}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          {suggestedCategory && suggestedCategory.categoryId !== categoryId && (
            <button
              type="button"
              className="chip"
              onClick={() => chooseCategory(suggestedCategory.categoryId)}
            >
              {tr('Saran:', 'Suggested:')} {suggestedCategory.name}
            </button>
          )}
        </div>
        <div className="field">
          <label htmlFor="v-urgency">{tr('Urgensi', 'Urgency')}</label>
          <select id="v-urgency" value={urgency} onChange={(e) => setUrgency(e.target.value)}>
            <option value="">{tr('(bawaan kategori)', '(category default)')}</option>
            {URGENCIES.map((u) => (
              <option key={u} value={u}>
                {urgencyLabel(u)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor="v-district">{tr('Kecamatan', 'District')}</label>
          <select
            id="v-district"
            value={district}
            onChange={(e) => {
              setDistrict(e.target.value)
              setVillage('')
            }}
          >
            <option value="">{tr('(belum diketahui)', '(not known yet)')}</option>
            {districts.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="v-village">{tr('Desa / gampong', 'Village')}</label>
          <select
            id="v-village"
            value={village}
            disabled={!district}
            onChange={(e) => setVillage(e.target.value)}
          >
            <option value="">{tr('(seluruh kecamatan)', '(whole district)')}</option>
            {villages.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="flags">
        <legend>{tr('Sifat laporan', 'Handling')}</legend>
        <label className="check">
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />{' '}
          {tr('Anonim (identitas pelapor disembunyikan)', 'Anonymous (the reporter’s identity is hidden)')}
        </label>
        <label className="check">
          <input type="checkbox" checked={confidential} onChange={(e) => setConfidential(e.target.checked)} />{' '}
          {tr('Rahasia (tidak pernah dipublikasikan)', 'Confidential (never published)')}
        </label>
      </fieldset>
      <AgencyPicker agencies={agencies} chosen={chosen} setChosen={setChosen} suggestions={suggestions} />
      <label htmlFor="v-instruction">{tr('Instruksi untuk OPD', 'Instruction for the agency')}</label>
      <textarea
        id="v-instruction"
        required
        rows={3}
        value={instruction}
        onChange={(e) => setInstruction(e.target.value)}
      />
      {errorBox}
      <button type="submit" className="primary" disabled={busy || chosen.length === 0 || !instruction.trim()}>
        {busy ? tr('Memproses…', 'Working…') : tr('Verifikasi & disposisi', 'Verify and dispatch')}
      </button>
    </form>
  )
}

function DispatchOnlyForm({ report, agencies, suggestions, onDone }: TriageProps) {
  const already = useMemo(
    () =>
      new Set(
        (report.dispositions ?? [])
          .filter((d) => d.status !== 'cancelled' && d.status !== 'returned')
          .map((d) => d.agencyId),
      ),
    [report],
  )
  const [chosen, setChosen] = useState<string[]>([])
  const [instruction, setInstruction] = useState('')
  const { busy, run, errorBox } = useCommand(report.id, onDone)
  return (
    <form
      className="stack"
      aria-label={tr('Tambah disposisi', 'Add a disposition')}
      onSubmit={(e) => {
        e.preventDefault()
        void run(
          'add_disposition',
          {
            dispositions: chosen.map((agencyId) => ({
              id: crypto.randomUUID(),
              agencyId,
              instruction: instruction.trim(),
            })),
          },
          tr('Disposisi ditambahkan.', 'Disposition added.'),
        )
      }}
    >
      <AgencyPicker
        agencies={agencies.filter((a) => !already.has(a.id))}
        chosen={chosen}
        setChosen={setChosen}
        suggestions={suggestions}
      />
      <label htmlFor="d-instruction">{tr('Instruksi untuk OPD', 'Instruction for the agency')}</label>
      <textarea
        id="d-instruction"
        rows={3}
        value={instruction}
        onChange={(e) => setInstruction(e.target.value)}
      />
      {errorBox}
      <button type="submit" className="primary" disabled={busy || chosen.length === 0 || !instruction.trim()}>
        {tr('Disposisikan', 'Dispatch')}
      </button>
    </form>
  )
}
