// The person's own account: "forgot password" on the sign-in page, the page an e-mailed password
// link opens (reset or invitation), and changing one's password when signed in (/admin/akun).
import { useState, type FormEvent } from 'react'
import { api, ApiError, type SessionInfo } from './api.ts'
import { tr } from './i18n.ts'
import { navigate } from './router.ts'
import { errorText } from './ui.tsx'

/** The path (under /admin) that an e-mailed password link opens; the server's PASSWORD_LINK_PATH. */
export const PASSWORD_PAGE = '/kata-sandi-baru'

const failed = (err: unknown) =>
  err instanceof ApiError ? errorText(err) : tr('Terjadi kesalahan. Coba lagi.', 'Something went wrong. Please try again.')

/** Below the sign-in form: ask for a link by e-mail. The answer is the same for any address. */
export function ForgotPassword({ initialEmail }: { initialEmail: string }) {
  const [open, setOpen] = useState(false)
  const [email, setEmail] = useState(initialEmail)
  const [done, setDone] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  if (!open)
    return (
      <p className="forgot">
        <button
          type="button"
          className="plain-link"
          onClick={() => {
            setEmail(initialEmail)
            setOpen(true)
          }}
        >
          {tr('Lupa kata sandi?', 'Forgot password?')}
        </button>
      </p>
    )
  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const r = await api.requestPasswordReset(email)
      setDone(tr(r.message.id, r.message.en))
    } catch (err) {
      setError(failed(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form className="card login-card forgot-card" onSubmit={submit} aria-labelledby="forgot-title">
      <h2 id="forgot-title">{tr('Atur ulang kata sandi', 'Reset your password')}</h2>
      {done ? (
        <p className="ok" role="status">
          {done}
        </p>
      ) : (
        <>
          <p className="muted">{tr('Kami kirim tautan ke e-mail akun Anda.', 'We will send a link to your account e-mail.')}</p>
          {error && (
            <p className="alert" role="alert">
              {error}
            </p>
          )}
          <label htmlFor="forgot-email">E-mail</label>
          <input id="forgot-email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
          <button type="submit" className="primary" disabled={busy || !email.trim()}>
            {tr('Kirim tautan', 'Send the link')}
          </button>
        </>
      )}
    </form>
  )
}

function NewPasswordFields({ value, onChange, confirm, onConfirm }: { value: string; onChange: (v: string) => void; confirm: string; onConfirm: (v: string) => void }) {
  return (
    <>
      <label htmlFor="new-password">{tr('Kata sandi baru', 'New password')}</label>
      <input id="new-password" type="password" autoComplete="new-password" minLength={10} required aria-describedby="new-password-hint" value={value} onChange={(e) => onChange(e.target.value)} />
      <p className="hint" id="new-password-hint">
        {tr('Minimal 10 karakter. Kalimat pendek lebih mudah diingat dan sulit ditebak.', 'At least 10 characters. A short sentence is easy to remember and hard to guess.')}
      </p>
      <label htmlFor="new-password-2">{tr('Ulangi kata sandi baru', 'Repeat the new password')}</label>
      <input id="new-password-2" type="password" autoComplete="new-password" required value={confirm} onChange={(e) => onConfirm(e.target.value)} />
    </>
  )
}

/** Local checks before asking the server: length and the repeat. */
function passwordProblem(password: string, confirm: string): string | null {
  if (password.length < 10) return tr('Kata sandi minimal 10 karakter.', 'The password needs at least 10 characters.')
  if (password !== confirm) return tr('Kedua kata sandi tidak sama.', 'The two passwords differ.')
  return null
}

/** A new-password form's state: local checks first, then `save`; `done` once it succeeded. */
function usePasswordForm(save: (password: string) => Promise<void>) {
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState(false)
  const [busy, setBusy] = useState(false)
  async function submit(e: FormEvent) {
    e.preventDefault()
    const problem = passwordProblem(password, confirm)
    if (problem) return setError(problem)
    setBusy(true)
    setError(null)
    setDone(false)
    try {
      await save(password)
      setPassword('')
      setConfirm('')
      setDone(true)
    } catch (err) {
      setError(failed(err))
    } finally {
      setBusy(false)
    }
  }
  const fields = <NewPasswordFields value={password} onChange={setPassword} confirm={confirm} onConfirm={setConfirm} />
  return { fields, submit, error, done, busy }
}

/** /admin/kata-sandi-baru#<token>: the page an e-mailed reset or invitation link opens. */
export function PasswordLinkPage() {
  const [token] = useState(() => location.hash.replace(/^#/, ''))
  const { fields, submit, error, done, busy } = usePasswordForm(async (password) => {
    await api.confirmPasswordReset(token, password)
    history.replaceState(null, '', location.pathname) // the token is spent: drop it from the address bar
  })
  return (
    <main className="login">
      <form className="card login-card" onSubmit={submit} aria-labelledby="reset-title" noValidate>
        <p className="brand">aduan</p>
        <h1 id="reset-title">{tr('Buat kata sandi baru', 'Choose a new password')}</h1>
        {done ? (
          <>
            <p className="ok" role="status">
              {tr('Kata sandi tersimpan. Silakan masuk dengan kata sandi baru.', 'Password saved. Sign in with the new password.')}
            </p>
            <button type="button" className="primary" onClick={() => navigate('/', true)}>
              {tr('Ke halaman masuk', 'Go to sign-in')}
            </button>
          </>
        ) : !token ? (
          <p className="alert" role="alert">
            {tr('Tautan tidak lengkap. Buka lagi tautan dari e-mail, atau minta yang baru di halaman masuk.', 'The link is incomplete. Open the link from the e-mail again, or ask for a new one on the sign-in page.')}
          </p>
        ) : (
          <>
            {error && (
              <p className="alert" role="alert">
                {error}
              </p>
            )}
            {fields}
            <button type="submit" className="primary" disabled={busy}>
              {tr('Simpan kata sandi', 'Save the password')}
            </button>
          </>
        )}
      </form>
    </main>
  )
}

/** /admin/akun: who I am, and changing my password (other sessions end). */
export function AccountPage({ session }: { session: SessionInfo }) {
  const [current, setCurrent] = useState('')
  const { fields, submit, error, done, busy } = usePasswordForm(async (password) => {
    await api.changePassword(current, password)
    setCurrent('')
  })
  return (
    <section className="account">
      <h1>{tr('Akun saya', 'My account')}</h1>
      <dl className="details card">
        <dt>{tr('Nama', 'Name')}</dt>
        <dd>{session.user.name ?? '—'}</dd>
        <dt>E-mail</dt>
        <dd>{session.user.email}</dd>
      </dl>
      <form className="card account-form" onSubmit={submit} aria-labelledby="change-title" noValidate>
        <h2 id="change-title">{tr('Ganti kata sandi', 'Change password')}</h2>
        {done && (
          <p className="ok" role="status">
            {tr('Kata sandi diganti. Sesi di perangkat lain sudah diakhiri.', 'Password changed. Sessions on other devices have been ended.')}
          </p>
        )}
        {error && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
        <label htmlFor="current-password">{tr('Kata sandi saat ini', 'Current password')}</label>
        <input id="current-password" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
        {fields}
        <button type="submit" className="primary" disabled={busy}>
          {tr('Ganti kata sandi', 'Change password')}
        </button>
      </form>
    </section>
  )
}
