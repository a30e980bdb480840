// The leaders' dashboard (Dasbor): every panel follows one set of filters (period, channel, kind,
// category, agency, kecamatan), kept in the address so a view can be shared. Figures come from
// /api/dashboard (src/analytics), computed inside the viewer's scope by the server.
import { useCallback, useEffect, useMemo, useState } from 'react'
import { CHANNEL_TYPES, REPORT_KINDS, type ChannelType, type ReportKind, type ReportStatus } from '../../../src/reports/model.ts'
import { channelLabel, kindLabel, statusLabel } from '../labels.ts'
import { BarPanel, TrendChart, type BarItem } from './charts.tsx'
import {
  fetchBoundaries,
  fetchDashboard,
  fetchMe,
  fetchOptions,
  fmtLongDay,
  NO_FILTERS,
  queryOf,
  type Boundaries,
  type DashboardData,
  type Filters,
  type Me,
  type Options,
} from './data.ts'
import { DistrictMap } from './map.tsx'
import { BoundaryImport, Kpis, Scoreboard, Trending } from './panels.tsx'
import { ReportCardDownloads } from './report-card.tsx'
import './dashboard.css'
import { tr } from '../i18n.ts'

const KEYS = ['from', 'to', 'granularity', 'channel', 'kind', 'category', 'agency', 'district'] as const

function filtersFromUrl(): Filters {
  const p = new URLSearchParams(window.location.search)
  const f = { from: '', to: '', ...NO_FILTERS } as Filters
  for (const k of KEYS) (f as unknown as Record<string, string>)[k] = p.get(k) ?? ''
  return f
}

export function Dashboard() {
  const [filters, setFilters] = useState<Filters>(filtersFromUrl)
  const [data, setData] = useState<DashboardData | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [options, setOptions] = useState<Options | null>(null)
  const [boundaries, setBoundaries] = useState<Boundaries | null>(null)
  const [me, setMe] = useState<Me | null>(null)

  const loadBoundaries = useCallback(() => fetchBoundaries().then(setBoundaries, () => setBoundaries(null)), [])
  useEffect(() => {
    fetchOptions().then(setOptions, (e: Error) => setError(e.message))
    fetchMe().then(setMe, () => setMe(null))
    void loadBoundaries()
  }, [loadBoundaries])

  useEffect(() => {
    let live = true
    setLoading(true)
    const qs = queryOf(filters)
    window.history.replaceState(null, '', `${window.location.pathname}${qs ? `?${qs}` : ''}`)
    fetchDashboard(filters).then(
      (d) => {
        if (!live) return
        setData(d)
        setError(null)
        setLoading(false)
      },
      (e: Error) => {
        if (!live) return
        setError(e.message)
        setLoading(false)
      },
    )
    return () => {
      live = false
    }
  }, [filters])

  const set = (k: keyof Filters, v: string) => setFilters((f) => ({ ...f, [k]: v }))
  const names = useMemo(
    () => ({
      category: new Map(options?.categories.map((c) => [c.id, c.name])),
      district: new Map(options?.districts.map((d) => [d.code, d.name])),
    }),
    [options],
  )
  const items = (list: { key: string | null; count: number }[], label: (k: string) => string): BarItem[] =>
    list.map((c) => ({ key: c.key ?? '', label: c.key === null ? tr('Belum ditentukan', 'Not set') : label(c.key), count: c.count }))

  const period = data?.period
  const from = filters.from || period?.from || ''
  const to = filters.to || period?.to || ''
  const exportHref = (what: 'reports' | 'scoreboard', format: 'csv' | 'xlsx') =>
    `/api/dashboard/export?${queryOf({ ...filters, from, to }, { what, format })}`
  const canImport = !!me?.roles.some((r) => r === 'super_admin' || r === 'operator')
  const districtRows = (options?.districts ?? []).map((d) => ({
    code: d.code,
    name: d.name,
    count: data?.breakdowns.district.find((c) => c.key === d.code)?.count ?? 0,
  }))
  const active = KEYS.filter((k) => k !== 'from' && k !== 'to' && k !== 'granularity' && filters[k]).length

  return (
    <section aria-labelledby="dash-title" className="dash">
      <header className="dash-head">
        <div>
          <h1 id="dash-title">{tr('Dasbor Pimpinan', 'Leadership dashboard')}</h1>
          {period && (
            <p className="muted dash-sub">
              {fmtLongDay(period.from)} – {fmtLongDay(period.to)} · {tr('waktu', 'time')} {period.timeZone === 'Asia/Jayapura' ? 'WIT' : period.timeZone === 'Asia/Makassar' ? 'WITA' : 'WIB'}
              {data?.scope === 'agencies' ? tr(' · hanya laporan yang didisposisikan ke OPD Anda', ' · only reports dispatched to your agencies') : ''}
            </p>
          )}
        </div>
        <div className="dash-exports" role="group" aria-label={tr('Unduh data', 'Download data')}>
          <a className="button" href={exportHref('reports', 'csv')} download>
            {tr('Unduh CSV laporan', 'Download reports CSV')}
          </a>
          <a className="button" href={exportHref('reports', 'xlsx')} download>
            {tr('XLSX laporan', 'Reports XLSX')}
          </a>
          <a className="button" href={exportHref('scoreboard', 'csv')} download>
            {tr('CSV rapor OPD', 'Agency scorecard CSV')}
          </a>
          <a className="button" href={exportHref('scoreboard', 'xlsx')} download>
            {tr('XLSX rapor OPD', 'Agency scorecard XLSX')}
          </a>
        </div>
      </header>

      <form className="card dash-filters" aria-label={tr('Filter dasbor', 'Dashboard filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="f-from">{tr('Dari', 'From')}</label>
          <input id="f-from" type="date" value={from} onChange={(e) => set('from', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="f-to">{tr('Sampai', 'To')}</label>
          <input id="f-to" type="date" value={to} onChange={(e) => set('to', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="f-gran">{tr('Tren per', 'Trend by')}</label>
          <select id="f-gran" value={filters.granularity} onChange={(e) => set('granularity', e.target.value)}>
            <option value="">{tr('Otomatis', 'Automatic')}</option>
            <option value="day">{tr('Hari', 'Day')}</option>
            <option value="week">{tr('Minggu', 'Week')}</option>
            <option value="month">{tr('Bulan', 'Month')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-channel">{tr('Kanal', 'Channel')}</label>
          <select id="f-channel" value={filters.channel} onChange={(e) => set('channel', e.target.value)}>
            <option value="">{tr('Semua kanal', 'All channels')}</option>
            {CHANNEL_TYPES.map((c) => (
              <option key={c} value={c}>
                {channelLabel(c)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-kind">{tr('Jenis', 'Kind')}</label>
          <select id="f-kind" value={filters.kind} onChange={(e) => set('kind', e.target.value)}>
            <option value="">{tr('Semua jenis', 'All kinds')}</option>
            {REPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-category">{tr('Kategori', 'Category')}</label>
          <select id="f-category" value={filters.category} onChange={(e) => set('category', e.target.value)}>
            <option value="">{tr('Semua kategori', 'All categories')}</option>
            {options?.categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-agency">{tr('OPD', 'Agency')}</label>
          <select id="f-agency" value={filters.agency} onChange={(e) => set('agency', e.target.value)}>
            <option value="">{tr('Semua OPD', 'All agencies')}</option>
            {options?.agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.shortName}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-district">{tr('Kecamatan', 'District')}</label>
          <select id="f-district" value={filters.district} onChange={(e) => set('district', e.target.value)}>
            <option value="">{tr('Semua kecamatan', 'All districts')}</option>
            {options?.districts.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field dash-reset">
          <button type="button" onClick={() => setFilters({ from: '', to: '', ...NO_FILTERS })} disabled={active === 0 && !filters.from && !filters.to}>
            {tr('Atur ulang', 'Reset')}
            {active ? ` (${active})` : ''}
          </button>
        </div>
      </form>

      <p role="status" aria-live="polite" className="sr-only">
        {loading ? tr('Memuat data dasbor…', 'Loading the dashboard…') : data ? tr(`Data dimuat: ${data.summary.received} laporan.`, `Data loaded: ${data.summary.received} reports.`) : ''}
      </p>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {data && (
        <div className={loading ? 'dash-body dash-loading' : 'dash-body'} aria-busy={loading}>
          <Kpis s={data.summary} />

          <section className="card" aria-labelledby="trend-title">
            <h2 id="trend-title">{tr('Tren laporan', 'Report trend')}</h2>
            <TrendChart data={data} />
          </section>

          <div className="dash-grid">
            <BarPanel title={tr('Per kanal', 'By channel')} items={items(data.breakdowns.channel, (k) => channelLabel(k as ChannelType))} onPick={(k) => set('channel', k)} />
            <BarPanel title={tr('Per status', 'By status')} items={items(data.breakdowns.status, (k) => statusLabel(k as ReportStatus))} />
            <BarPanel title={tr('Per jenis', 'By kind')} items={items(data.breakdowns.kind, (k) => kindLabel(k as ReportKind))} onPick={(k) => set('kind', k)} />
            <BarPanel
              title={tr('Per kategori', 'By category')}
              items={items(data.breakdowns.category, (k) => names.category.get(k) ?? tr('Kategori lain', 'Other category'))}
              onPick={(k) => set('category', k)}
            />
          </div>

          <div className="dash-grid dash-grid-map">
            <section className="card" aria-labelledby="map-title">
              <h2 id="map-title">{tr('Sebaran per kecamatan', 'Reports by district')}</h2>
              <DistrictMap boundaries={boundaries} rows={districtRows} selected={filters.district} onPick={(c) => set('district', filters.district === c ? '' : c)} />
              {canImport && <BoundaryImport csrf={me?.csrfToken ?? null} onDone={() => void loadBoundaries()} />}
            </section>
            <section className="card" aria-labelledby="trending-title">
              <h2 id="trending-title">{tr('Topik yang sedang naik', 'Rising topics')}</h2>
              <p className="muted dash-note">{tr('Kata yang paling sering muncul dibanding periode sebelumnya yang sama panjang.', 'Words appearing most often compared with the previous period of the same length.')}</p>
              <Trending items={data.trending} />
            </section>
          </div>

          <section className="card" aria-labelledby="score-title">
            <h2 id="score-title">{tr('Rapor OPD', 'Agency scorecard')}</h2>
            <p className="muted dash-note">
              {tr('Kepatuhan SLA = jawaban tepat waktu dibagi (semua jawaban + disposisi terbuka yang lewat tenggat). Respons pertama = disposisi diterima OPD.', 'SLA compliance = answers on time divided by (all answers + open dispositions past their deadline). First response = the agency accepted the disposition.')}
            </p>
            <Scoreboard rows={data.scoreboard} />
            <ReportCardDownloads />
          </section>
        </div>
      )}
    </section>
  )
}
