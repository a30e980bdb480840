// The pieces every settings form shares: the success / error line (role=status / role=alert) and the add / save / cancel buttons.
import { tr } from '../i18n.ts'
export function Status({ ok, error }: { ok: string | null; error: string | null }) {
  return (
    <>
      <p className="ok" role="status">
        {ok ?? ''}
      </p>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
    </>
  )
}

/** A settings form's buttons: add (or save changes while editing) and, while editing, cancel. */
export function FormButtons({
  editing,
  busy,
  addLabel,
  onCancel,
}: {
  editing: boolean
  busy: boolean
  addLabel: string
  onCancel: () => void
}) {
  return (
    <div className="buttons">
      <button type="submit" className="primary" disabled={busy}>
        {editing ? tr('Simpan perubahan', 'Save changes') : addLabel}
      </button>
      {editing && (
        <button type="button" onClick={onCancel}>
          {tr('Batal', 'Cancel')}
        </button>
      )}
    </div>
  )
}
