// One lifecycle command from a form: busy state, the server's refusal in the current language.
import { useState, type ReactNode } from 'react'
import { api } from './api.ts'
import { tr } from './i18n.ts'
import { errorText } from './ui.tsx'

/** Runs one command and reports the outcome; a 403 says plainly that the role may not. */
export function useCommand(reportId: string, onDone: (m: string) => void) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  /** True when the server accepted the command; an empty done message skips the reload. */
  async function run(type: string, body: Record<string, unknown>, done: string): Promise<boolean> {
    setBusy(true)
    setError(null)
    try {
      await api.command(reportId, type, body)
      if (done) onDone(done)
      return true
    } catch (err) {
      setError(errorText(err, tr('Laporan tidak ditemukan.', 'Report not found.')))
      return false
    } finally {
      setBusy(false)
    }
  }
  const errorBox: ReactNode = error ? (
    <p className="alert" role="alert">
      {error}
    </p>
  ) : null
  return { busy, run, errorBox }
}
