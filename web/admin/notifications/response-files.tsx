// Photos and PDFs on a follow-up: the thumbnails the head sees before approving and everyone sees
// under a published answer, and the picker the agency uses while drafting. Images are always the
// server's copy without metadata; the server checks type, size and agency again.
import { useCallback, useEffect, useState } from 'react'
import { api, type ResponseFile } from '../api.ts'
import { tr } from '../i18n.ts'
import { errorText } from '../ui.tsx'

export const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf'
export const MAX_FILE_MB = 10
export const MAX_FILES = 6

/** The follow-up files of a report, grouped by follow-up; reload after a change. */
export function useResponseFiles(reportId: string) {
  const [items, setItems] = useState<ResponseFile[]>([])
  const reload = useCallback(() => {
    api.responseFiles(reportId).then(
      (r) => setItems(r.items),
      () => setItems([]),
    )
  }, [reportId])
  useEffect(reload, [reload])
  const of = (responseId: string) => items.filter((f) => f.responseId === responseId)
  return { items, of, reload }
}

const sizeText = (n: number) => (n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`)

/** Thumbnails for photos (open full size in a new tab), links for PDFs; optional remove buttons. */
export function FileList({ files, onRemove, busy }: { files: ResponseFile[]; onRemove?: (f: ResponseFile) => void; busy?: boolean }) {
  if (files.length === 0) return null
  return (
    <ul className="response-files" aria-label={tr('Lampiran tindak lanjut', 'Follow-up attachments')}>
      {files.map((f, i) => (
        <li key={f.id}>
          {f.kind === 'image' ? (
            <a href={f.url} target="_blank" rel="noreferrer">
              <img src={f.url} alt={tr(`Foto ${i + 1}${f.fileName ? `: ${f.fileName}` : ''}`, `Photo ${i + 1}${f.fileName ? `: ${f.fileName}` : ''}`)} loading="lazy" width={96} height={96} />
            </a>
          ) : (
            <a href={f.url} className="file-doc" download={f.fileName ?? undefined}>
              <span aria-hidden="true">PDF</span> {f.fileName ?? tr('Dokumen', 'Document')}
            </a>
          )}
          <span className="muted file-size">{sizeText(f.size)}</span>
          {onRemove && (
            <button
              type="button"
              className="link"
              disabled={busy}
              aria-label={tr(`Hapus ${f.fileName ?? `lampiran ${i + 1}`}`, `Remove ${f.fileName ?? `attachment ${i + 1}`}`)}
              onClick={() => onRemove(f)}
            >
              {tr('Hapus', 'Remove')}
            </button>
          )}
        </li>
      ))}
    </ul>
  )
}

/** A file input with the chosen files listed; checks type and size before anything is sent. */
export function FilePicker({ id, chosen, onChange, existing }: { id: string; chosen: File[]; onChange: (f: File[]) => void; existing: number }) {
  const [problem, setProblem] = useState<string | null>(null)
  return (
    <div className="file-picker">
      <label htmlFor={id}>{tr('Lampirkan foto atau PDF', 'Attach photos or PDFs')}</label>
      <input
        id={id}
        type="file"
        multiple
        accept={ACCEPT}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          const picked = [...(e.target.files ?? [])]
          e.target.value = ''
          const bad = picked.find((f) => !ACCEPT.split(',').includes(f.type))
          const big = picked.find((f) => f.size > MAX_FILE_MB * 1024 * 1024)
          const next = [...chosen, ...picked]
          if (bad) setProblem(tr(`${bad.name}: hanya foto (JPEG, PNG, WebP) atau PDF.`, `${bad.name}: only photos (JPEG, PNG, WebP) or PDFs.`))
          else if (big) setProblem(tr(`${big.name} lebih dari ${MAX_FILE_MB} MB.`, `${big.name} is larger than ${MAX_FILE_MB} MB.`))
          else if (existing + next.length > MAX_FILES) setProblem(tr(`Paling banyak ${MAX_FILES} lampiran.`, `At most ${MAX_FILES} attachments.`))
          else {
            setProblem(null)
            onChange(next)
          }
        }}
      />
      <p id={`${id}-hint`} className="hint">
        {tr(
          `Foto atau PDF, paling banyak ${MAX_FILES} berkas, ${MAX_FILE_MB} MB per berkas. Data lokasi dan kamera dihapus dari foto sebelum ditampilkan.`,
          `Photos or PDFs, at most ${MAX_FILES} files, ${MAX_FILE_MB} MB each. Location and camera data are removed from photos before they are shown.`,
        )}
      </p>
      {problem && (
        <p className="alert" role="alert">
          {problem}
        </p>
      )}
      {chosen.length > 0 && (
        <ul className="plain chosen" aria-label={tr('Akan dilampirkan', 'To be attached')}>
          {chosen.map((f, i) => (
            <li key={`${f.name}-${i}`}>
              {f.name} <span className="muted">({sizeText(f.size)})</span>{' '}
              <button type="button" className="link" aria-label={tr(`Batal lampirkan ${f.name}`, `Do not attach ${f.name}`)} onClick={() => onChange(chosen.filter((_, j) => j !== i))}>
                {tr('Batal', 'Cancel')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

/** Uploads the chosen files; the refusal, if any, in the current language. */
export async function uploadChosen(reportId: string, responseId: string, files: File[]): Promise<string | null> {
  if (files.length === 0) return null
  try {
    await api.uploadResponseFiles(reportId, responseId, files)
    return null
  } catch (err) {
    return errorText(err)
  }
}
