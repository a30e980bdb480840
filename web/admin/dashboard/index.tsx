// The leaders' dashboard (Dasbor): owned by the analytics work; see src/analytics/.
export function Dashboard() {
  return (
    <section aria-labelledby="dash-title">
      <h1 id="dash-title">Dasbor</h1>
      <p className="card">Dasbor pimpinan sedang disiapkan.</p>
    </section>
  )
}
