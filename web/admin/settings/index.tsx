// Settings (Pengaturan): agencies, people, categories, channels, SLA and holidays, canned responses.
export function Settings() {
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">Pengaturan</h1>
      <p className="card">Halaman pengaturan sedang disiapkan.</p>
    </section>
  )
}
