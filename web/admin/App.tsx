// The admin app shell: checks the session, shows the login page or the signed-in layout.
import { lazy, Suspense, useEffect, useState, type FormEvent } from 'react'
import { api, ApiError, type SessionInfo } from './api.ts'
import { mainRole, roleLabel } from './labels.ts'
import { ConversationPage } from './conversation.tsx'
import { DeskPage } from './desk.tsx'
import { InboxPage } from './inbox.tsx'
import { disconnectLive, useLiveStatus } from './live.ts'
import { ReportListPage } from './pages.tsx'
import { ReportPage } from './report.tsx'
import { Approval } from './notifications/Approval.tsx'
import { Bell } from './notifications/Bell.tsx'
import { navigate, onLinkClick, usePath } from './router.ts'
import { DeadLettersPage } from './dead-letters.tsx'
import { AccountPage, ForgotPassword, PASSWORD_PAGE, PasswordLinkPage } from './account.tsx'
import { getLang, hasLangChoice, setLang, tr, useLang } from './i18n.ts'
import { errorText } from './ui.tsx'

// The dashboard (recharts, d3-geo) and the settings pages load on first visit: an agency head
// approving on a cheap phone does not download them (docs/ADMIN.md, "Bundle").
const Dashboard = lazy(() => import('./dashboard/index.tsx').then((m) => ({ default: m.Dashboard })))
const Settings = lazy(() => import('./settings/index.tsx').then((m) => ({ default: m.Settings })))

/**
 * One language per person: a choice made in this browser (the switch, also on the sign-in page) is
 * sent to the server, which writes that person's notifications in it; without one, the browser
 * takes the language stored for the person.
 */
function syncLang(s: SessionInfo) {
  if (!hasLangChoice()) {
    if (s.user.locale === 'en' || s.user.locale === 'id') setLang(s.user.locale)
  } else if (s.user.locale !== getLang()) {
    api.setLocale(getLang()).catch(() => undefined)
  }
}

export function App() {
  const [session, setSessionState] = useState<SessionInfo | null | undefined>(undefined)
  const setSession = (s: SessionInfo | null) => {
    if (s) syncLang(s)
    setSessionState(s)
  }
  useEffect(() => {
    api.session().then(setSession, () => setSession(null))
  }, [])
  useLang()
  // An e-mailed password link works signed in or not.
  if (usePath() === PASSWORD_PAGE) return <PasswordLinkPage />
  if (session === undefined)
    return (
      <p className="loading" role="status">
        {tr('Memuat…', 'Loading…')}
      </p>
    )
  if (session === null) return <Login onDone={setSession} />
  return (
    <Layout
      session={session}
      onLogout={async () => {
        disconnectLive()
        try {
          await api.logout()
        } finally {
          setSession(null)
          navigate('/', true)
        }
      }}
    />
  )
}

function Login({ onDone }: { onDone: (s: SessionInfo) => void }) {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      onDone(await api.login(email, password))
    } catch (err) {
      setError(err instanceof ApiError ? errorText(err) : tr('Terjadi kesalahan. Coba lagi.', 'Something went wrong. Please try again.'))
    } finally {
      setBusy(false)
    }
  }
  return (
    <main className="login">
      <form className="card login-card" onSubmit={submit} aria-labelledby="login-title" noValidate>
        <p className="brand">aduan</p>
        <h1 id="login-title">{tr('Masuk ke Aplikasi Petugas', 'Sign in to the staff app')}</h1>
        <p className="muted">{tr('Layanan Pengaduan Masyarakat', 'Public complaints service')}</p>
        <p>
          <LangSwitch className="plain-link" />
        </p>
        {error && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
        <label htmlFor="email">E-mail</label>
        <input id="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <label htmlFor="password">{tr('Kata sandi', 'Password')}</label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? tr('Memproses…', 'Working…') : tr('Masuk', 'Sign in')}
        </button>
      </form>
      <ForgotPassword initialEmail={email} />
    </main>
  )
}

type Home = 'inbox' | 'desk' | 'reports'
const homeOf = (roles: SessionInfo['roles']): Home =>
  roles.includes('operator') || roles.includes('super_admin')
    ? 'inbox'
    : roles.includes('agency_admin') || roles.includes('agency_head')
      ? 'desk'
      : 'reports'

function navFor(home: Home) {
  const first =
    home === 'inbox'
      ? [{ href: '/admin/', label: tr('Kotak Masuk', 'Inbox'), match: (p: string) => p === '/' || p.startsWith('/percakapan') }]
      : home === 'desk'
        ? [{ href: '/admin/', label: tr('Meja OPD', 'Agency desk'), match: (p: string) => p === '/' }]
        : []
  return [
    ...first,
    { href: '/admin/laporan', label: tr('Laporan', 'Reports'), match: (p: string) => p.startsWith('/laporan') || (home === 'reports' && p === '/') },
    { href: '/admin/dasbor', label: tr('Dasbor', 'Dashboard'), match: (p: string) => p.startsWith('/dasbor') },
    { href: '/admin/pengaturan', label: tr('Pengaturan', 'Settings'), match: (p: string) => p.startsWith('/pengaturan') },
    ...(home === 'inbox' ? [{ href: '/admin/pesan-gagal', label: tr('Pesan Gagal', 'Failed messages'), match: (p: string) => p.startsWith('/pesan-gagal') }] : []),
  ]
}

function LiveDot() {
  const s = useLiveStatus()
  return (
    <span className={`live live-${s}`} role="status" title={tr('Pembaruan langsung', 'Live updates')}>
      {s === 'open' ? tr('Langsung', 'Live') : s === 'connecting' ? tr('Menyambung…', 'Connecting…') : tr('Terputus', 'Offline')}
    </span>
  )
}

function LangSwitch({ className = 'ghost', signedIn = false }: { className?: string; signedIn?: boolean }) {
  const lang = useLang()
  return (
    <button
      type="button"
      className={`${className} lang-switch`}
      lang={lang === 'id' ? 'en' : 'id'}
      title={lang === 'id' ? 'Switch to English' : 'Ganti ke Bahasa Indonesia'}
      onClick={() => {
        const next = lang === 'id' ? 'en' : 'id'
        setLang(next)
        if (signedIn) api.setLocale(next).catch(() => undefined)
      }}
    >
      {lang === 'id' ? 'English' : 'Bahasa Indonesia'}
    </button>
  )
}

function Layout({ session, onLogout }: { session: SessionInfo; onLogout: () => void }) {
  useLang()
  const path = usePath()
  const role = mainRole(session.roles)
  const agency = session.memberships.find((m) => m.role === role)?.agencyName
  const home = homeOf(session.roles)
  const NAV = navFor(home)
  let page
  const m = /^\/laporan\/([0-9a-f-]{36})\/?$/i.exec(path)
  const conv = /^\/percakapan\/([0-9a-f-]{36})\/?$/i.exec(path)
  const approval = /^\/persetujuan\/([0-9a-f-]{36})\/?$/i.exec(path)
  if (m) page = <ReportPage id={m[1]!} />
  else if (conv) page = <ConversationPage id={conv[1]!} />
  else if (approval) page = <Approval reportId={approval[1]!} />
  else if (path.startsWith('/dasbor')) page = <Dashboard />
  else if (path.startsWith('/pengaturan')) page = <Settings />
  else if (path.startsWith('/pesan-gagal')) page = <DeadLettersPage />
  else if (path === '/akun') page = <AccountPage session={session} />
  else if (path === '/laporan' || path === '/laporan/') page = <ReportListPage />
  else if (path === '/') page = home === 'inbox' ? <InboxPage /> : home === 'desk' ? <DeskPage session={session} /> : <ReportListPage />
  else
    page = (
      <section>
        <h1>{tr('Halaman tidak ditemukan', 'Page not found')}</h1>
        <p>
          <a href="/admin/" onClick={onLinkClick}>
            {tr('Kembali ke halaman utama', 'Back to the home page')}
          </a>
        </p>
      </section>
    )
  return (
    <div className="shell">
      <a className="skip" href="#main">
        {tr('Langsung ke konten', 'Skip to content')}
      </a>
      <header className="topbar">
        <span className="brand">aduan</span>
        <nav aria-label={tr('Navigasi utama', 'Main navigation')} className="nav">
          {NAV.map((n) => (
            <a key={n.href} href={n.href} onClick={onLinkClick} aria-current={n.match(path) ? 'page' : undefined}>
              {n.label}
            </a>
          ))}
        </nav>
        <div className="who">
          <a className="who-name" href="/admin/akun" onClick={onLinkClick} title={`${session.user.name ?? session.user.email} · ${tr('Akun saya', 'My account')}`}>
            {session.user.name ?? session.user.email}
          </a>
          <span className="who-role" title={[role ? roleLabel(role) : '', agency].filter(Boolean).join(' · ')}>
            {role ? roleLabel(role) : ''}
            {agency ? <span className="who-agency"> · {agency}</span> : null}
          </span>
        </div>
        <LiveDot />
        <Bell />
        <LangSwitch signedIn />
        <button type="button" className="ghost" onClick={onLogout}>
          {tr('Keluar', 'Log out')}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="muted">{tr('Memuat…', 'Loading…')}</p>}>{page}</Suspense>
      </main>
    </div>
  )
}
